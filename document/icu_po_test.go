package document

import (
	"bytes"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestICULinguiPO: a Lingui catalogue (PO with ICU messages): the plural's words are sent case by
// case and its msgstr keeps the syntax; the entries with simple {name} placeholders are read as
// before. gettext's msgfmt -c accepts the output, and msgunfmt reads the translation back.
func TestICULinguiPO(t *testing.T) {
	d, _ := readFile(t, filepath.Join("testdata", "icu", "lingui-js-en.po"), Options{})
	want := []string{"@lingui/core example", "Do you want to proceed? <x1/>/<x2/>", "Hello <x1/>", "No",
		"There are <x1/> hanging on the wall", "<x1/> bottle", "<x1/> bottles", "Yes"}
	if strings.Join(d.Identity(), "\n") != strings.Join(want, "\n") {
		t.Fatalf("segments\n%q, want\n%q", d.Identity(), want)
	}
	if n := d.Segments[5].Note; n != "(ICU message: case one of the plural value)" {
		t.Errorf("note %q", n)
	}
	out, probs := write(t, d, translateAll(d, upper), "")
	if len(probs) > 0 {
		t.Error(probs)
	}
	for _, w := range []string{
		"msgid \"There are {value, plural, one {# bottle} other {# bottles}} hanging on the wall\"\nmsgstr \"THERE ARE {value, plural, one {# BOTTLE} other {# BOTTLES}} HANGING ON THE WALL\"\n",
		"msgid \"Do you want to proceed? {yes}/{no}\"\nmsgstr \"DO YOU WANT TO PROCEED? {yes}/{no}\"\n",
		"msgid \"Yes\"\nmsgstr \"YES\"\n",
	} {
		if !strings.Contains(out, w) {
			t.Errorf("output lacks\n%s\n%s", w, out)
		}
	}
	msgfmt, err1 := exec.LookPath("msgfmt")
	msgunfmt, err2 := exec.LookPath("msgunfmt")
	if err1 != nil || err2 != nil {
		t.Skip("msgfmt/msgunfmt not installed (Debian: gettext)")
	}
	dir := t.TempDir()
	po := filepath.Join(dir, "out.po")
	if err := os.WriteFile(po, []byte(out), 0o644); err != nil {
		t.Fatal(err)
	}
	mo := filepath.Join(dir, "out.mo")
	if b, err := exec.Command(msgfmt, "-c", "-o", mo, po).CombinedOutput(); err != nil {
		t.Fatalf("msgfmt -c: %v\n%s", err, b)
	}
	var stdout bytes.Buffer
	cmd := exec.Command(msgunfmt, "--no-wrap", mo)
	cmd.Stdout = &stdout
	if err := cmd.Run(); err != nil {
		t.Fatal(err)
	}
	if w := `msgstr "THERE ARE {value, plural, one {# BOTTLE} other {# BOTTLES}} HANGING ON THE WALL"`; !strings.Contains(stdout.String(), w) {
		t.Errorf("catalogue lacks %s:\n%s", w, stdout.String())
	}
}

// TestICUPOPlural: a gettext plural entry whose msgid and msgid_plural are ICU messages: each
// is read as one, and its translation written into msgstr[0] and the rest.
func TestICUPOPlural(t *testing.T) {
	src := "msgid \"{n, select, a {eine Datei} other {eine Akte}}\"\nmsgid_plural \"{n, select, a {# Dateien} other {# Akten}}\"\nmsgstr[0] \"\"\nmsgstr[1] \"\"\n"
	d, err := Read(strings.NewReader(src), "x.po", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"eine Datei", "eine Akte", "# Dateien", "# Akten"} // "#" is a letter in a select
	if strings.Join(d.Identity(), "\n") != strings.Join(want, "\n") {
		t.Fatalf("segments %q, want %q", d.Identity(), want)
	}
	out, _ := write(t, d, []string{"a file", "a record", "# files", "# records"}, "")
	if w := "msgstr[0] \"{n, select, a {a file} other {a record}}\"\nmsgstr[1] \"{n, select, a {# files} other {# records}}\"\n"; out != "msgid \"{n, select, a {eine Datei} other {eine Akte}}\"\nmsgid_plural \"{n, select, a {# Dateien} other {# Akten}}\"\n"+w {
		t.Errorf("output\n%s", out)
	}
}
