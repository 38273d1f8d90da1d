package document

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"
)

// TestPOMsgfmt translates .po fixtures (every segment as "EN " + its text, codes kept) and
// holds the output to gettext itself: msgfmt -c accepts it (formats, edge newlines, plural
// forms), and msgunfmt reads back every msgid with its own translation and no entry lost —
// the reader's own view of the output is not the judge. Skips without gettext's tools.
func TestPOMsgfmt(t *testing.T) {
	msgfmt, err1 := exec.LookPath("msgfmt")
	msgunfmt, err2 := exec.LookPath("msgunfmt")
	if err1 != nil || err2 != nil {
		t.Skip("msgfmt/msgunfmt not installed (Debian: gettext)")
	}
	files, _ := filepath.Glob("testdata/po/*.po")
	if len(files) == 0 {
		t.Fatal("no fixtures")
	}
	type poCase struct {
		name string
		src  []byte
	}
	var cases []poCase
	for _, f := range files {
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		cases = append(cases, poCase{filepath.Base(f), src})
		if utf8.Valid(src) {
			// As a Windows editor saves it: UTF-16 with a mark, written back as UTF-8 (its
			// mark made msgfmt fail at 1:2).
			cases = append(cases, poCase{filepath.Base(f) + " as UTF-16LE", utf16le(string(bytes.TrimPrefix(src, utf8BOM)), true)})
		}
	}
	for _, c := range cases {
		src := c.src
		t.Run(c.name, func(t *testing.T) {
			d, err := Read(bytes.NewReader(src), "x.po", Options{})
			if err != nil {
				t.Fatal(err)
			}
			out, probs := write(t, d, translateAll(d, func(s string) string { return "EN " + s }), "")
			if len(probs) > 0 {
				t.Errorf("problems: %v", probs)
			}
			if strings.HasPrefix(out, "\ufeff") {
				t.Errorf("written with a byte-order mark, which msgfmt refuses")
			}
			if bytes.Contains(src, []byte("\r\n")) && strings.Count(out, "\n") != strings.Count(out, "\r\n") {
				t.Errorf("a CRLF file written with LF line ends too")
			}
			dir := t.TempDir()
			po := filepath.Join(dir, "out.po")
			// gettext's domain takes a string; Okapi's test files write a bare name, which
			// bitext keeps as it is and msgfmt would not read.
			forMsgfmt := regexp.MustCompile(`(?m)^domain ([^"\s]+)(\r?)$`).ReplaceAllString(out, `domain "$1"$2`)
			if err := os.WriteFile(po, []byte(forMsgfmt), 0o644); err != nil {
				t.Fatal(err)
			}
			// Without -o, msgfmt writes one catalogue per domain (messages.mo and one per
			// domain directive) into the working directory.
			cmd := exec.Command(msgfmt, "-c", po)
			cmd.Dir = dir
			if b, err := cmd.CombinedOutput(); err != nil {
				t.Fatalf("msgfmt -c: %v\n%s\noutput:\n%s", err, b, out)
			}
			mos, _ := filepath.Glob(filepath.Join(dir, "*.mo"))
			var stdout, stderr bytes.Buffer
			for _, mo := range mos {
				cmd := exec.Command(msgunfmt, "--no-wrap", mo)
				cmd.Stdout, cmd.Stderr = &stdout, &stderr
				if err := cmd.Run(); err != nil {
					t.Fatalf("msgunfmt: %v\n%s", err, stderr.String())
				}
			}
			got := stdout.String()
			// Every entry the input asked to translate is in the catalogue with its own
			// translation.
			// (A message's edge white space stays outside the translation: " EN …".)
			if n := len(regexp.MustCompile(`"\s*EN `).FindAllString(got, -1)); n < len(d.Segments) {
				t.Errorf("%d translated entries in the catalogue, want %d:\n%s", n, len(d.Segments), got)
			}
			for _, want := range poWant[strings.Fields(c.name)[0]] {
				if !strings.Contains(got, want) {
					t.Errorf("catalogue lacks %q:\n%s", want, got)
				}
			}
		})
	}
}

// poWant is what msgunfmt must show of each fixture's translation.
var poWant = map[string][]string{
	"de.po": {
		"msgid \"Die Datei %s wurde gelöscht.\"\nmsgstr \"EN Die Datei %s wurde gelöscht.\"\n",
		"msgid \"Abbrechen\"\nmsgstr \"EN Abbrechen\"\n",
		"msgctxt \"menu\"\nmsgid \"Öffnen\"\nmsgstr \"EN Öffnen\"\n",
		"msgctxt \"door\"\nmsgid \"Öffnen\"\nmsgstr \"EN Öffnen\"\n",
		"msgid \"Rund 50 % der Befragten stimmten zu.\"\nmsgstr \"EN Rund 50 % der Befragten stimmten zu.\"\n",
	},
	"okapi-Test03-bom-crlf.po": {
		"msgid \"Simple text string.\"\nmsgstr \"EN Simple text string.\"\n",
		"msgid \"Test inline codes: [%d] [%*.*f] %% [%E] [%-s]\"\nmsgstr \"EN Test inline codes: [%d] [%*.*f] %% [%E] [%-s]\"\n",
	},
}
