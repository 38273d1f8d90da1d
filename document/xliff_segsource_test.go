package document

import (
	"regexp"
	"slices"
	"strings"
	"testing"
)

// TestXLIFFSegSource: a 1.2 unit whose <seg-source> holds <mrk mtype="seg"> segments (Okapi,
// Trados, OmegaT) is translated segment by segment, each translation written into the target's
// <mrk> of the same mid; empty <mrk>s are untranslated, translated ones are kept. want lists the
// segments sent; keep, strings the output holds when every segment is upper-cased.
func TestXLIFFSegSource(t *testing.T) {
	const (
		head = `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="de" target-language="en" datatype="plaintext"><body>`
		tail = `</body></file></xliff>`
		src  = `<source>Die Brücke ist neu. Sie wurde <g id="1">gestern</g> eröffnet.</source>`
		seg  = `<seg-source><mrk mid="0" mtype="seg">Die Brücke ist neu.</mrk> <mrk mid="1" mtype="seg">Sie wurde <g id="1">gestern</g> eröffnet.</mrk></seg-source>`
	)
	unit := func(attrs, target string) string {
		return head + `<trans-unit id="1"` + attrs + `>` + src + seg + target + `</trans-unit>` + tail
	}
	both := []string{"Die Brücke ist neu.", "Sie wurde <g1>gestern</g1> eröffnet."}
	const filled = `<mrk mid="0" mtype="seg">DIE BRÜCKE IST NEU.</mrk> <mrk mid="1" mtype="seg">SIE WURDE <g id="1">GESTERN</g> ERÖFFNET.</mrk></target>`
	tests := []struct {
		name, src string
		want      []string
		keep      []string
	}{
		{"empty mrks", unit(``, `<target xml:lang="en"><mrk mid="0" mtype="seg"></mrk> <mrk mid="1" mtype="seg"></mrk></target>`),
			both, []string{`<target xml:lang="en" state="translated" state-qualifier="leveraged-mt">` + filled}},
		{"self-closing mrks", unit(``, `<target><mrk mid="0" mtype="seg"/> <mrk mid="1" mtype="seg"/></target>`),
			both, []string{`<target state="translated" state-qualifier="leveraged-mt">` + filled}},
		{"no target", unit(``, ``), both, []string{`</seg-source><target state="translated" state-qualifier="leveraged-mt">` + filled}},
		{"copies of the source", unit(``, `<target>`+strings.TrimSuffix(strings.TrimPrefix(seg, "<seg-source>"), "</seg-source>")+`</target>`),
			both, []string{`<target state="translated" state-qualifier="leveraged-mt">` + filled}},
		{"one mrk translated", unit(``, `<target><mrk mid="0" mtype="seg">The bridge is new.</mrk> <mrk mid="1" mtype="seg"></mrk></target>`),
			both[1:], []string{`<target state="translated" state-qualifier="leveraged-mt"><mrk mid="0" mtype="seg">The bridge is new.</mrk> <mrk mid="1" mtype="seg">SIE WURDE <g id="1">GESTERN</g> ERÖFFNET.</mrk></target>`}},
		{"mrks in another order", unit(``, `<target><mrk mid="1" mtype="seg"></mrk> <mrk mid="0" mtype="seg">The bridge is new.</mrk></target>`),
			both[1:], []string{`<target state="translated" state-qualifier="leveraged-mt"><mrk mid="1" mtype="seg">SIE WURDE <g id="1">GESTERN</g> ERÖFFNET.</mrk> <mrk mid="0" mtype="seg">The bridge is new.</mrk></target>`}},
		{"empty flat target", unit(``, `<target/>`), both, []string{`<target state="translated" state-qualifier="leveraged-mt">` + filled}},
		{"flat target translated", unit(``, `<target>The bridge is new. It opened yesterday.</target>`), nil, nil},
		{"all translated", unit(``, `<target><mrk mid="0" mtype="seg">The bridge is new.</mrk> <mrk mid="1" mtype="seg">It opened <g id="1">yesterday</g>.</mrk></target>`), nil, nil},
		{"final", unit(``, `<target state="final"><mrk mid="0" mtype="seg">Die Brücke ist neu.</mrk> <mrk mid="1" mtype="seg"></mrk></target>`), nil, nil},
		{"approved", unit(` approved="yes"`, `<target><mrk mid="0" mtype="seg"></mrk> <mrk mid="1" mtype="seg"></mrk></target>`), nil, nil},
		{"a mid the target lacks", unit(``, `<target><mrk mid="0" mtype="seg"></mrk></target>`),
			both[:1], []string{`<target state="translated" state-qualifier="leveraged-mt"><mrk mid="0" mtype="seg">DIE BRÜCKE IST NEU.</mrk></target>`}},
		{"a segment without words", head + `<trans-unit id="1"><source><x id="1"/>Text.</source><seg-source><mrk mid="0" mtype="seg"><x id="1"/></mrk><mrk mid="1" mtype="seg">Text.</mrk></seg-source></trans-unit>` + tail,
			[]string{"Text."}, []string{`<target state="translated" state-qualifier="leveraged-mt"><mrk mid="0" mtype="seg"><x id="1"/></mrk><mrk mid="1" mtype="seg">TEXT.</mrk></target>`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d := checkXLIFFCase(t, tc.name, tc.src, tc.want, tc.keep)
			// Segments not translated leave the unit to translate.
			same := writeUntranslated(t, d, "en")
			again, err := Read(strings.NewReader(same), "x.xlf", Options{})
			if err != nil {
				t.Fatal(err)
			}
			if !slices.Equal(again.Identity(), d.Identity()) {
				t.Errorf("identity written and read back: %q, want %q\n%s", again.Identity(), d.Identity(), same)
			}
		})
	}
}

// TestXLIFFSegSourceOkapi: Okapi Rainbow's segmented extraction of a .docx (target a copy of the
// seg-source, no state; testdata/okapi-docxsegtest.xlf says where from) is translated sentence
// by sentence, every target keeping its seg-source's mids.
func TestXLIFFSegSourceOkapi(t *testing.T) {
	d, data := readFile(t, "testdata/okapi-docxsegtest.xlf", Options{})
	if len(d.Segments) != 9 {
		t.Errorf("%d segments, want 9 (three sentences in each of three units): %q", len(d.Segments), d.Identity())
	}
	out, probs := write(t, d, translateAll(d, upper), "en")
	if len(probs) > 0 {
		t.Error(probs)
	}
	mids := regexp.MustCompile(`<mrk mid="(\d)" mtype="seg">`)
	units := regexp.MustCompile(`(?s)<seg-source>(.*?)</seg-source>\n<target[^>]*>(.*?)</target>`)
	for _, m := range units.FindAllStringSubmatch(out, -1) {
		if s, tg := mids.FindAllString(m[1], -1), mids.FindAllString(m[2], -1); !slices.Equal(s, tg) {
			t.Errorf("target mrks %q, seg-source's %q", tg, s)
		}
	}
	for _, k := range []string{
		`<target xml:lang="fr"><mrk mid="0" mtype="seg"><x id="1"/></mrk></target>`,
		`<target xml:lang="fr" state="translated" state-qualifier="leveraged-mt"><mrk mid="0" mtype="seg">THERE IS ONE <g id="1">SENTENCE</g> HERE.</mrk> <mrk mid="1" mtype="seg">THERE IS A <g id="2">SECOND</g><g id="3"> SENTENCE</g> HERE.</mrk> <mrk mid="2" mtype="seg">AND THERE IS A THIRD ONE<g id="4">HERE (NEXT LINE).</g></mrk></target>`,
	} {
		if !strings.Contains(out, k) {
			t.Errorf("output lacks %q", k)
		}
	}
	if strings.Count(out, "<target") != strings.Count(string(data), "<target") {
		t.Errorf("targets added or lost:\n%s", out)
	}
	// The strict schema refuses Okapi's own attribute (its wildcard is strict): validated without.
	validateXLIFF(t, "okapi", strings.Replace(out, ` okp:inputEncoding="windows-1252"`, "", 1))
}

// checkXLIFFCase reads src, checks that its segments are want, translates them all (upper) and
// checks the output: it holds every string of keep, validates, and equals src when nothing was
// to be translated. It returns the document read.
func checkXLIFFCase(t *testing.T, name, src string, want, keep []string) *Doc {
	t.Helper()
	d, err := Read(strings.NewReader(src), "x.xlf", Options{})
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Identity(); !slices.Equal(got, want) {
		t.Errorf("segments %q, want %q", got, want)
	}
	out, probs := write(t, d, translateAll(d, upper), "en")
	if len(probs) > 0 {
		t.Error(probs)
	}
	if want == nil && out != src {
		t.Errorf("a unit not to be translated changed:\n%s\n%s", src, out)
	}
	for _, k := range keep {
		if !strings.Contains(out, k) {
			t.Errorf("output lacks %q:\n%s", k, out)
		}
	}
	validateXLIFF(t, name, out)
	return d
}

// TestXLIFFSegSourceTrados: Trados writes a unit's leading placeholder before the target's
// <mrk mtype="seg"> while its seg-source has it inside the segment; the translation written
// into the <mrk> does not repeat it (it had <x id="ph8"/> twice), and its untranslated copy
// neither. testdata/trados-TS09-12-excerpt.xlf says where from.
func TestXLIFFSegSourceTrados(t *testing.T) {
	d, data := readFile(t, "testdata/trados-TS09-12-excerpt.xlf", Options{})
	want := []string{
		"Allow at least 12 cm clearance from the back of the photo printer for the paper to travel.",
		"When connecting power or USB cables, keep the cables clear of the paper path to the front and rear of the photo printer.",
		"Allow enough space on all sides of the photo printer to let you connect and disconnect cables, change the color cartridge, and add paper.",
		"Note:",
		"Use only the AC power adapter included with your photo printer.",
		"Other adapters can damage your camera, photo printer, or computer.",
	}
	if got := d.Identity(); !slices.Equal(got, want) {
		t.Errorf("segments %q, want %q", got, want)
	}
	out, probs := write(t, d, translateAll(d, upper), "de")
	if len(probs) > 0 {
		t.Error(probs)
	}
	for _, k := range []string{
		`<target state="translated" state-qualifier="leveraged-mt"><x id="ph8" /><mrk mtype="seg" mid="7">ALLOW ENOUGH SPACE`,
		`<target state="translated" state-qualifier="leveraged-mt"><x id="ph9" /><mrk mtype="seg" mid="9">NOTE:</mrk> <mrk mtype="seg" mid="10">USE ONLY`,
		`<target><mrk mtype="seg" mid="1">Erste Schritte</mrk></target>`,
	} {
		if !strings.Contains(out, k) {
			t.Errorf("output lacks %q:\n%s", k, out)
		}
	}
	for _, id := range []string{"ph8", "ph9"} {
		if n, in := strings.Count(out, `<x id="`+id+`"`), strings.Count(string(data), `<x id="`+id+`"`); n != in {
			t.Errorf("<x id=%q/> %d times, %d in the input:\n%s", id, n, in, out)
		}
	}
	validateXLIFF(t, "trados", out)
	// A run that translated nothing writes the placeholder once too.
	same := writeUntranslated(t, d, "de")
	if n := strings.Count(same, `<x id="ph8"`); n != 3 {
		t.Errorf("<x id=\"ph8\"/> %d times in the untranslated output, want 3:\n%s", n, same)
	}
}
