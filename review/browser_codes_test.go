package review

import (
	"context"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
)

// browserCodes reviews a unit of Angular's French catalogue in Chromium with the keyboard and
// the mouse: the placeholder is a token in the source and the text box; Backspace after it
// takes the whole token (the page then says it is left out); a click on the source's token
// puts it back at the cursor; a broken token is flagged while typing; Ctrl+Enter saves, and the
// reviewed file has Angular's placeholder where the reviewer put it. With
// BITEXT_REVIEW_SCREENSHOTS=DIR it saves review-codes.png there.
func browserCodes(ctx context.Context, t *testing.T) {
	out := filepath.Join(t.TempDir(), "reviewed.xlf")
	in := readXLIFFFile(t, angularFR)
	seg := segmentOf(t, in, "5a134dee893586d02bffc9611056b9cadf9abfad")
	a := serve(t, in, Options{Output: out})
	tctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	step := func(what string, actions ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		if err := chromedp.Do(tctx, actions...); err != nil {
			t.Fatalf("%s: %v", what, err)
		}
	}
	eval := func(js string) string {
		t.Helper()
		v, err := chromedp.Run(tctx, chromedp.Evaluate[string](js))
		if err != nil {
			t.Fatalf("%s: %v", js, err)
		}
		return v
	}
	step("open the segment", chromedp.Navigate(a.start), chromedp.WaitVisible(chromedp.ID("counts")),
		chromedp.Navigate(a.base+"/seg/"+strconv.Itoa(seg)), chromedp.WaitVisible(chromedp.ID("target")))
	if got := eval(`Array.from(document.querySelectorAll("#source .code, #translation .code")).map(e => e.textContent).join(" ")`); got != "⟨1/⟩ ⟨1/⟩" {
		t.Errorf("tokens shown: %q, want the placeholder in the source and the translation", got)
	}
	// The caret right after the token, then Backspace.
	eval(`(() => { const a = document.getElementById("target"), i = a.value.indexOf("⟨1/⟩") + 4; a.focus(); a.setSelectionRange(i, i); return ""; })()`)
	step("Backspace after the token", chromedp.KeyEvent("\b"))
	if v := eval(`document.getElementById("target").value`); strings.ContainsAny(v, "⟨⟩") || !strings.Contains(v, "il y a  minutes") {
		t.Errorf("after Backspace the box holds %q, want the token gone whole", v)
	}
	if msg := eval(`document.getElementById("codecheck").textContent`); !strings.Contains(msg, "Left out: ⟨1/⟩") {
		t.Errorf("the page says %q, want that the placeholder is left out", msg)
	}
	// The caret after "depuis ", and a click on the source's token.
	eval(`(() => { const a = document.getElementById("target"); a.value = a.value.replace("il y a  minutes", "depuis  minutes"); const i = a.value.indexOf("depuis ") + 7; a.focus(); a.setSelectionRange(i, i); a.dispatchEvent(new Event("input")); return ""; })()`)
	step("click the source's token", chromedp.Click(chromedp.CSS(`#source .code`)))
	if v := eval(`document.getElementById("target").value`); !strings.Contains(v, "depuis ⟨1/⟩ minutes") {
		t.Errorf("after the click the box holds %q", v)
	}
	if msg := eval(`document.getElementById("codecheck").textContent`); msg != "" {
		t.Errorf("the page still says %q", msg)
	}
	if dir := os.Getenv("BITEXT_REVIEW_SCREENSHOTS"); dir != "" {
		png, err := chromedp.Run(tctx, chromedp.FullScreenshot(100))
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dir, "review-codes.png"), png, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	broken := eval(`(() => { const a = document.getElementById("target"), keep = a.value; a.value = keep.replace("⟨1/⟩", "⟨1"); a.dispatchEvent(new Event("input")); const m = document.getElementById("codecheck").textContent; a.value = keep; a.dispatchEvent(new Event("input")); return m; })()`)
	if !strings.Contains(broken, "Will not be saved") {
		t.Errorf("a broken token: the page says %q", broken)
	}
	step("save with Ctrl+Enter", chromedp.Focus(chromedp.ID("target")), chromedp.KeyEvent("\r", chromedp.KeyModifiers(chromedp.ModifierCtrl)))
	deadline := time.Now().Add(20 * time.Second)
	for !strings.Contains(readFileOrEmpty(out), `other {depuis <x id="INTERPOLATION" equiv-text="{{minutes}}"/> minutes} }</target>`) {
		if time.Now().After(deadline) {
			t.Fatalf("the reviewed file:\n%s", readFileOrEmpty(out))
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// readFileOrEmpty is the file's content, "" while it is not there.
func readFileOrEmpty(name string) string {
	b, _ := os.ReadFile(name)
	return string(b)
}
