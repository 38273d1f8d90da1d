package corpus

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// translate-toolkit (Debian translate-toolkit, https://toolkit.translatehouse.org/), a TMX reader
// that nobody on this project wrote, reads the TMX bitext writes unit for unit. Its command-line
// tools convert *to* TMX only (po2tmx), so its own reader is called: translate.storage.tmx, the
// class behind every tool of the toolkit that opens a TMX file. (TBX v2 written by bitext is
// read by its tbx2po in glossary's TestTranslateToolkitReadsTBXv2.)

// toolkitReader is a Python program printing the units of a TMX file as JSON [source, target]
// pairs, read by translate-toolkit for the given languages.
const toolkitReader = `
import json, sys
from translate.storage import tmx
with open(sys.argv[1], "rb") as f:
    store = tmx.tmxfile(f, sourcelanguage=sys.argv[2], targetlanguage=sys.argv[3])
json.dump([[u.source, u.target] for u in store.units], sys.stdout, ensure_ascii=False)
`

// needToolkit returns a Python interpreter that has translate-toolkit, or skips the test.
func needToolkit(t *testing.T) string {
	t.Helper()
	// Debian's python3 first: a python3 of pyenv or a virtualenv ahead in PATH does not see
	// Debian's packages.
	for _, py := range []string{"/usr/bin/python3", "python3"} {
		path, err := exec.LookPath(py)
		if err != nil {
			continue
		}
		if exec.Command(path, "-c", "import translate.storage.tmx").Run() == nil {
			return path
		}
	}
	t.Skip("translate-toolkit not found (Debian: apt-get install translate-toolkit): skipping the check that an independent TMX reader reads bitext's TMX")
	return ""
}

func TestTranslateToolkitReadsTMX(t *testing.T) {
	py := needToolkit(t)
	pairs := []Pair{
		{Doc: "a.txt", Source: "Der Rat tagt am 15. Dezember in Brüssel.", Target: "The Council meets in Brussels on 15 December."},
		{Doc: "a.txt", Source: "Markup-Zeichen: <b>fett</b> & „Anführungszeichen“ 'einfach' \"doppelt\".", Target: "Markup characters: <b>bold</b> & “quotes” 'single' \"double\"."},
		{Doc: "b.md", Source: "Wachstum von 2,5 % – laut NATO-Generalsekretär.", Target: "Growth of 2.5% – according to the NATO Secretary General."},
		{Doc: "b.md", Source: "Emoji 🇪🇺 und CJK 欧盟 außerhalb der BMP: 𝔘𝔫𝔦𝔠𝔬𝔡𝔢.", Target: "Emoji 🇪🇺 and CJK 欧盟 beyond the BMP: 𝔘𝔫𝔦𝔠𝔬𝔡𝔢."},
		{Doc: "c.html", Source: "Ein Tab\tim Satz.", Target: "A tab\tin the sentence."},
		{Doc: "c.html", Source: "]]> und <![CDATA[ im Text", Target: "]]> and <![CDATA[ in the text"},
		{Doc: "c.html", Source: "Steuerzeichen\x01entfernt.", Target: "Control character\x02removed."},
	}
	for i := range 200 { // a corpus of some size: counts as well as texts
		pairs = append(pairs, Pair{Doc: "d.txt", Source: fmt.Sprintf("Satz Nummer %d im Ausschuss.", i), Target: fmt.Sprintf("Sentence number %d in the committee.", i)})
	}
	var buf bytes.Buffer
	w, err := NewWriter(TMX, &buf, WriterOptions{SourceLang: "de", TargetLang: "en", ToolVersion: "test"})
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range pairs {
		if err := w.Write(p); err != nil {
			t.Fatal(err)
		}
	}
	if err := w.Close(); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(t.TempDir(), "bitext.tmx")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	var stdout, stderr bytes.Buffer
	cmd := exec.Command(py, "-c", toolkitReader, path, "de", "en")
	cmd.Stdout, cmd.Stderr = &stdout, &stderr
	if err := cmd.Run(); err != nil {
		t.Fatalf("translate-toolkit could not read bitext's TMX: %v\n%s", err, stderr.Bytes())
	}
	var got [][2]string
	if err := json.Unmarshal(stdout.Bytes(), &got); err != nil {
		t.Fatalf("%v: %s", err, stdout.Bytes())
	}
	if len(got) != len(pairs) {
		t.Fatalf("translate-toolkit read %d units, bitext wrote %d", len(got), len(pairs))
	}
	for i, p := range pairs {
		// XML 1.0 cannot carry C0 controls: the writer leaves them out of <seg> (and lists
		// them in x-bitext-controls for bitext's own reader); everything else is the text.
		want := [2]string{withoutControls(p.Source), withoutControls(p.Target)}
		if got[i] != want {
			t.Errorf("unit %d: translate-toolkit reads %q, want %q", i+1, got[i], want)
		}
	}
}

func withoutControls(s string) string {
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\t' && r != '\n' && r != '\r' {
			return -1
		}
		return r
	}, s)
}

// TestReadsTMXOfTranslateToolkit: the other direction, TMX written by translate-toolkit's po2tmx
// from a PO file, read by bitext. po2tmx leaves untranslated entries out and declares
// srclang="en" in the header whatever --source-language says, so the languages are asked for.
func TestReadsTMXOfTranslateToolkit(t *testing.T) {
	needToolkit(t)
	po2tmx, err := exec.LookPath("po2tmx")
	if err != nil {
		t.Skip("po2tmx not found (Debian: apt-get install translate-toolkit)")
	}
	dir := t.TempDir()
	po := `msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\n"

msgid "Der Rat tagt am Montag."
msgstr "The Council meets on Monday."

msgid "Zwei & „drei“ <b>fett</b>"
msgstr "Two & “three” <b>bold</b>"

msgid "Noch nicht übersetzt"
msgstr ""

msgid "Zeile eins\n"
"Zeile zwei"
msgstr "Line one\n"
"line two"
`
	in, out := filepath.Join(dir, "de.po"), filepath.Join(dir, "tt.tmx")
	if err := os.WriteFile(in, []byte(po), 0o644); err != nil {
		t.Fatal(err)
	}
	if b, err := exec.Command(po2tmx, "--progress=none", "--language=en", "--source-language=de", in, out).CombinedOutput(); err != nil {
		t.Fatalf("po2tmx: %v\n%s", err, b)
	}
	f, err := os.Open(out)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := NewReader(TMX, f, out, ReaderOptions{SourceLang: "de", TargetLang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	var got [][2]string
	for {
		p, err := r.Next()
		if err != nil {
			if err == io.EOF {
				break
			}
			t.Fatal(err)
		}
		got = append(got, [2]string{p.Source, p.Target})
	}
	want := [][2]string{
		{"Der Rat tagt am Montag.", "The Council meets on Monday."},
		{"Zwei & „drei“ <b>fett</b>", "Two & “three” <b>bold</b>"},
		{"Zeile eins\nZeile zwei", "Line one\nline two"},
	}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Fatalf("bitext read from po2tmx's TMX:\n%q\nwant\n%q", got, want)
	}
}
