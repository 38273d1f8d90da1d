package document

import (
	"errors"
	"slices"
	"strings"
	"testing"
)

// TestXLIFFDoNotTranslate: what an XLIFF file marks not to translate is never sent and comes
// back as it was; the rest is translated. want lists the segments sent; keep, strings the
// output holds when every segment is upper-cased.
func TestXLIFFDoNotTranslate(t *testing.T) {
	const (
		head12 = `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="de" target-language="en" datatype="plaintext"><body>`
		tail12 = `</body></file></xliff>`
		head20 = `<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="de" trgLang="en"><file id="f">`
		tail20 = `</file></xliff>`
	)
	tests := []struct {
		name, src string
		want      []string
		keep      []string
	}{
		{"1.2 group no", head12 + `<group id="g" translate="no"><trans-unit id="1"><source>In einer geschützten Gruppe.</source></trans-unit></group><trans-unit id="2"><source>Frei.</source></trans-unit>` + tail12,
			[]string{"Frei."},
			[]string{`<trans-unit id="1"><source>In einer geschützten Gruppe.</source></trans-unit></group>`, `<target state="translated" state-qualifier="leveraged-mt">FREI.</target>`}},
		{"1.2 nested group inherits", head12 + `<group id="g" translate="no"><group id="h"><trans-unit id="1"><source>Tief geschützt.</source></trans-unit></group><trans-unit id="2"><source>Auch geschützt.</source></trans-unit></group>` + tail12,
			nil,
			[]string{`<source>Tief geschützt.</source></trans-unit></group><trans-unit id="2"><source>Auch geschützt.</source></trans-unit></group>`}},
		{"1.2 unit overrides group", head12 + `<group id="g" translate="no"><trans-unit id="1" translate="yes"><source>Doch übersetzen.</source></trans-unit></group>` + tail12,
			[]string{"Doch übersetzen."},
			[]string{`<target state="translated" state-qualifier="leveraged-mt">DOCH ÜBERSETZEN.</target>`}},
		{"1.2 sibling after a protected group", head12 + `<group id="g" translate="no"><trans-unit id="1"><source>Geschützt.</source></trans-unit></group><group id="h"><trans-unit id="2"><source>Übersetzen.</source></trans-unit></group>` + tail12,
			[]string{"Übersetzen."},
			[]string{`<source>Geschützt.</source></trans-unit>`, `<target state="translated" state-qualifier="leveraged-mt">ÜBERSETZEN.</target>`}},
		{"1.2 unit no", head12 + `<trans-unit id="1" translate="no"><source>Stadtanzeiger GmbH</source></trans-unit>` + tail12,
			nil, []string{`<source>Stadtanzeiger GmbH</source></trans-unit>`}},
		{"1.2 mrk protected", head12 + `<trans-unit id="1"><source>Text mit <mrk mtype="protected">Geschützt</mrk> und <mrk mtype="term">Begriff</mrk>.</source></trans-unit>` + tail12,
			[]string{"Text mit <x1/> und <g2>Begriff</g2>."},
			[]string{`<target state="translated" state-qualifier="leveraged-mt">TEXT MIT <mrk mtype="protected">Geschützt</mrk> UND <mrk mtype="term">BEGRIFF</mrk>.</target>`}},
		{"2.0 group no", head20 + `<group id="g" translate="no"><unit id="1"><segment><source>In einer geschützten Gruppe.</source></segment></unit></group><unit id="2"><segment><source>Frei.</source></segment></unit>` + tail20,
			[]string{"Frei."},
			[]string{`<unit id="1"><segment><source>In einer geschützten Gruppe.</source></segment></unit></group>`, `<target>FREI.</target>`}},
		{"2.0 nested group inherits", head20 + `<group id="g" translate="no"><group id="h"><unit id="1"><segment><source>Tief geschützt.</source></segment></unit></group></group>` + tail20,
			nil, []string{`<source>Tief geschützt.</source></segment></unit>`}},
		{"2.0 file no", `<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="de" trgLang="en"><file id="f" translate="no"><unit id="1"><segment><source>Ganze Datei.</source></segment></unit></file><file id="f2"><unit id="2"><segment><source>Andere Datei.</source></segment></unit></file></xliff>`,
			[]string{"Andere Datei."},
			[]string{`<source>Ganze Datei.</source></segment></unit></file>`, `<target>ANDERE DATEI.</target>`}},
		{"2.0 unit overrides group", head20 + `<group id="g" translate="no"><unit id="1" translate="yes"><segment><source>Doch übersetzen.</source></segment></unit></group>` + tail20,
			[]string{"Doch übersetzen."}, []string{`<target>DOCH ÜBERSETZEN.</target>`}},
		{"2.0 unit no", head20 + `<unit id="1" translate="no"><segment><source>Stadtanzeiger GmbH</source></segment></unit>` + tail20,
			nil, []string{`<source>Stadtanzeiger GmbH</source></segment></unit>`}},
		{"2.0 mrk no", head20 + `<unit id="1"><segment><source>Text mit <mrk id="m1" translate="no">Geschützt</mrk>.</source></segment></unit>` + tail20,
			[]string{"Text mit <x1/>."}, []string{`<target>TEXT MIT <mrk id="m1" translate="no">Geschützt</mrk>.</target>`}},
		// XLIFF 2's start and end markers: the span between <sm translate="no"/> and its <em/>
		// is one code, markers included (it was sent, and "Speichern" came back translated).
		{"2.0 sm no", head20 + `<unit id="1"><segment><source>Die Datei <sm id="x" translate="no"/>Speichern<em startRef="x"/> ist neu.</source></segment></unit>` + tail20,
			[]string{"Die Datei <x1/> ist neu."}, []string{`<target>DIE DATEI <sm id="x" translate="no"/>Speichern<em startRef="x"/> IST NEU.</target>`}},
		{"2.0 sm yes inside mrk no", head20 + `<unit id="1"><segment><source>Vor <mrk id="m" translate="no">fest <sm id="y" translate="yes"/>frei<em startRef="y"/> fest</mrk> nach.</source></segment></unit>` + tail20,
			[]string{"Vor <g1><x2/>frei<x3/></g1> nach."}, []string{`<target>VOR <mrk id="m" translate="no">fest <sm id="y" translate="yes"/>FREI<em startRef="y"/> fest</mrk> NACH.</target>`}},
		{"2.0 sm without translate", head20 + `<unit id="1"><segment><source>Die <sm id="c" type="comment" value="Menü"/>Datei<em startRef="c"/> ist neu.</source></segment></unit>` + tail20,
			[]string{"Die <x1/>Datei<x2/> ist neu."}, []string{`<target>DIE <sm id="c" type="comment" value="Menü"/>DATEI<em startRef="c"/> IST NEU.</target>`}},
		// ITS 2.0's local its:translate in XLIFF 1.2, by the prefix the file binds to ITS; the
		// ITS mapping's mtype="x-its-translate-yes" opens a span to translate inside one not to.
		{"1.2 g its:translate no", strings.Replace(head12, `<xliff `, `<xliff xmlns:its="http://www.w3.org/2005/11/its" its:version="2.0" `, 1) + `<trans-unit id="1"><source>Die <g id="1" its:translate="no">Speichern</g> Datei</source></trans-unit>` + tail12,
			[]string{"Die <x1/> Datei"}, []string{`<target state="translated" state-qualifier="leveraged-mt">DIE <g id="1" its:translate="no">Speichern</g> DATEI</target>`}},
		{"1.2 its under another prefix", strings.Replace(head12, `<xliff `, `<xliff xmlns:i="http://www.w3.org/2005/11/its" `, 1) + `<trans-unit id="1"><source>Klicken Sie auf <ph id="1" i:translate="no">&lt;b&gt;</ph><g id="2" i:translate="no">OK</g>.</source></trans-unit>` + tail12,
			[]string{"Klicken Sie auf <x1/>."}, []string{`KLICKEN SIE AUF <ph id="1" i:translate="no">&lt;b&gt;</ph><g id="2" i:translate="no">OK</g>.</target>`}},
		{"1.2 translate-yes inside protected", head12 + `<trans-unit id="1"><source>Vor <mrk mtype="protected">fest <mrk mtype="x-its-translate-yes">frei</mrk> fest</mrk> nach.</source></trans-unit>` + tail12,
			[]string{"Vor <g1><x2/><g3>frei</g3><x4/></g1> nach."}, []string{`VOR <mrk mtype="protected">fest <mrk mtype="x-its-translate-yes">FREI</mrk> fest</mrk> NACH.</target>`}},
		{"1.2 its prefix not ITS's", strings.Replace(head12, `<xliff `, `<xliff xmlns:its="urn:example:other" `, 1) + `<trans-unit id="1"><source>Die <g id="1" its:translate="no">Datei</g> ist neu.</source></trans-unit>` + tail12,
			[]string{"Die <g1>Datei</g1> ist neu."}, []string{`DIE <g id="1" its:translate="no">DATEI</g> IST NEU.</target>`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read(strings.NewReader(tc.src), "x.xlf", Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := d.Identity(); !slices.Equal(got, tc.want) {
				t.Errorf("segments %q, want %q", got, tc.want)
			}
			out, probs := write(t, d, translateAll(d, upper), "en")
			if len(probs) > 0 {
				t.Error(probs)
			}
			for _, k := range tc.keep {
				if !strings.Contains(out, k) {
					t.Errorf("output lacks %q:\n%s", k, out)
				}
			}
			if n := strings.Count(out, "<target"); n != len(tc.want) {
				t.Errorf("%d targets written, want %d:\n%s", n, len(tc.want), out)
			}
			// Attributes of another namespace (ITS's) are checked by the strict 1.2 schema only
			// with that namespace's schema (processContents="strict"), which is not here.
			if !strings.Contains(tc.src, "xmlns:") {
				validateXLIFF(t, tc.name, out)
			}
		})
	}
}

// TestXLIFFTranslateSpansAcrossSegments: OASIS's test file of the translate attribute on start
// markers: a unit with translate="no" is left alone, and in the other a translate="no" span
// opened in the first segment and closed in the third (a translate="yes" one nested in it from
// the first to the second) keeps t2 and t4 as they are; only t1, t3 and t5 are sent.
func TestXLIFFTranslateSpansAcrossSegments(t *testing.T) {
	const name = "testdata/oasis/testTranslateWithTarget.xlf"
	d, src := readFile(t, name, Options{})
	if got, want := d.Identity(), []string{"t1", "t3", "t5"}; !slices.Equal(got, want) {
		t.Fatalf("segments %q, want %q", got, want)
	}
	out, probs := write(t, d, translateAll(d, upper), "fr")
	if len(probs) > 0 {
		t.Error(probs)
	}
	for _, k := range []string{
		"<target>T1 <sm id='1' translate='no'/>t2 <sm id='2' translate='yes'/></target>",
		"<target>T3 <em startRef='2'/>t4 </target>",
		"<target><em startRef='1'/>T5</target>",
	} {
		if !strings.Contains(out, k) {
			t.Errorf("output lacks %q:\n%s", k, out)
		}
	}
	// The unit not to translate keeps its targets byte for byte.
	unit1 := func(s string) string { return s[strings.Index(s, `<unit id="1"`):strings.Index(s, "</unit>")] }
	if unit1(out) != unit1(string(src)) {
		t.Errorf("unit 1 changed:\n%s", unit1(out))
	}
	validateXLIFF(t, name, out)
}

// TestXLIFFControlCharacters: a translation holding a character XML 1.0 cannot carry (a control
// character a provider answered with) is dropped in XLIFF 1.2, which has no way to say it, and
// written as <cp hex="…"/> in 2.x; either way the file stays readable XML.
func TestXLIFFControlCharacters(t *testing.T) {
	const (
		src12 = `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="de" target-language="en" datatype="plaintext"><body><trans-unit id="1"><source>Der Rat tagt.</source></trans-unit></body></file></xliff>`
		src20 = `<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="de" trgLang="en"><file id="f"><unit id="1"><segment><source>Der Rat tagt.</source></segment></unit></file></xliff>`
	)
	for _, tc := range []struct {
		name, src, target string
	}{
		{"1.2", src12, `<target state="translated" state-qualifier="leveraged-mt">The council meets &amp; votes.</target>`},
		{"2.0", src20, `<target>The council<cp hex="0001"/> meets &amp; votes<cp hex="FFFE"/>.</target>`},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read(strings.NewReader(tc.src), "x.xlf", Options{})
			if err != nil {
				t.Fatal(err)
			}
			out, probs := write(t, d, []string{"The council\x01 meets & votes\uFFFE."}, "en")
			if len(probs) > 0 {
				t.Error(probs)
			}
			if !strings.Contains(out, tc.target) {
				t.Errorf("output lacks %q:\n%s", tc.target, out)
			}
			if _, err := Read(strings.NewReader(out), "x.xlf", Options{}); err != nil {
				t.Errorf("output is not readable XLIFF: %v\n%s", err, out)
			}
			validateXLIFF(t, tc.name, out)
		})
	}
}

// TestXLIFFFinalTargets: a target in a final or approved state is never touched, whatever its
// text — a brand name whose target is the source is a reviewer's decision; a copy of the source
// is taken for untranslated only when the state is absent or says so. want lists the segments
// sent; keep, strings the output holds when every segment is upper-cased.
func TestXLIFFFinalTargets(t *testing.T) {
	const (
		head12 = `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="de" target-language="en" datatype="plaintext"><body>`
		tail12 = `</body></file></xliff>`
		head20 = `<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="de" trgLang="en"><file id="f">`
		tail20 = `</file></xliff>`
	)
	unit12 := func(attrs, target string) string {
		return head12 + `<trans-unit id="1"` + attrs + `><source>Deutsche Bahn Navigator</source>` + target + `</trans-unit>` + tail12
	}
	unit20 := func(attrs, target string) string {
		return head20 + `<unit id="1"><segment` + attrs + `><source>Deutsche Bahn Navigator</source>` + target + `</segment></unit>` + tail20
	}
	const same = "Deutsche Bahn Navigator"
	tests := []struct {
		name, src string
		want      []string
		keep      []string
	}{
		{"1.2 approved signed-off", unit12(` approved="yes"`, `<target state="signed-off">`+same+`</target>`), nil, nil},
		{"1.2 approved without state", unit12(` approved="yes"`, `<target>`+same+`</target>`), nil, nil},
		{"1.2 approved new", unit12(` approved="yes"`, `<target state="new">`+same+`</target>`), nil, nil},
		{"1.2 approved without target", unit12(` approved="yes"`, ``), nil, nil},
		{"1.2 final", unit12(``, `<target state="final">`+same+`</target>`), nil, nil},
		{"1.2 final empty", unit12(``, `<target state="final"></target>`), nil, nil},
		{"1.2 signed-off", unit12(``, `<target state="signed-off">`+same+`</target>`), nil, nil},
		{"1.2 translated", unit12(``, `<target state="translated">`+same+`</target>`), nil, nil},
		{"1.2 needs-review", unit12(``, `<target state="needs-review-translation">`+same+`</target>`), nil, nil},
		{"1.2 approved no", unit12(` approved="no"`, `<target state="translated">`+same+`</target>`), nil, nil},
		{"1.2 no state, copy of the source", unit12(``, `<target>`+same+`</target>`),
			[]string{same}, []string{`<target state="translated" state-qualifier="leveraged-mt">DEUTSCHE BAHN NAVIGATOR</target>`}},
		{"1.2 new", unit12(``, `<target state="new">`+same+`</target>`),
			[]string{same}, []string{`<target state="translated" state-qualifier="leveraged-mt">DEUTSCHE BAHN NAVIGATOR</target>`}},
		{"1.2 needs-translation", unit12(``, `<target state="needs-translation">DB Navigator</target>`),
			[]string{same}, []string{`<target state="translated" state-qualifier="leveraged-mt">DEUTSCHE BAHN NAVIGATOR</target>`}},
		{"1.2 translated empty", unit12(``, `<target state="translated"/>`),
			[]string{same}, []string{`<target state="translated" state-qualifier="leveraged-mt">DEUTSCHE BAHN NAVIGATOR</target>`}},
		{"2.0 final", unit20(` state="final"`, `<target>`+same+`</target>`), nil, nil},
		{"2.0 final without target", unit20(` state="final"`, ``), nil, nil},
		{"2.0 reviewed", unit20(` state="reviewed"`, `<target>`+same+`</target>`), nil, nil},
		{"2.0 translated", unit20(` state="translated"`, `<target>`+same+`</target>`), nil, nil},
		{"2.0 initial", unit20(` state="initial"`, `<target>`+same+`</target>`),
			[]string{same}, []string{`<segment state="translated"><source>Deutsche Bahn Navigator</source><target>DEUTSCHE BAHN NAVIGATOR</target>`}},
		{"2.0 no state, copy of the source", unit20(``, `<target>`+same+`</target>`),
			[]string{same}, []string{`<segment state="translated"><source>Deutsche Bahn Navigator</source><target>DEUTSCHE BAHN NAVIGATOR</target>`}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			checkXLIFFCase(t, tc.name, tc.src, tc.want, tc.keep)
		})
	}
}

// TestXLIFFUntranslatedMarked: a segment the run could not translate (Origin Untranslated) has
// its source written with a state that says so, kept when the target said so already, and the
// next run reads it as still to translate; an answer equal to its source (a name) is a
// translation, marked and kept.
func TestXLIFFUntranslatedMarked(t *testing.T) {
	const (
		head12 = `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="de" target-language="en" datatype="plaintext"><body><trans-unit id="1"><source>Der Rat tagt.</source>`
		tail12 = `</trans-unit></body></file></xliff>`
		head20 = `<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="de" trgLang="en"><file id="f"><unit id="1">`
		tail20 = `</unit></file></xliff>`
	)
	tests := []struct {
		name, src string
		failed    bool
		want      string
	}{
		{"1.2 no target", head12 + tail12, true, `<source>Der Rat tagt.</source><target state="needs-translation">Der Rat tagt.</target>`},
		{"1.2 new", head12 + `<target state="new"/>` + tail12, true, `<source>Der Rat tagt.</source><target state="new">Der Rat tagt.</target>`},
		{"1.2 translated but empty", head12 + `<target state="translated"/>` + tail12, true, `<target state="needs-translation">Der Rat tagt.</target>`},
		{"2.0 initial", head20 + `<segment state="initial"><source>Der Rat tagt.</source></segment>` + tail20, true,
			`<segment state="initial"><source>Der Rat tagt.</source><target>Der Rat tagt.</target></segment>`},
		{"2.0 no state", head20 + `<segment><source>Der Rat tagt.</source></segment>` + tail20, true,
			`<segment state="initial"><source>Der Rat tagt.</source><target>Der Rat tagt.</target></segment>`},
		{"1.2 answered with the source", head12 + tail12, false, `<target state="translated" state-qualifier="leveraged-mt">Der Rat tagt.</target>`},
		{"2.0 answered with the source", head20 + `<segment><source>Der Rat tagt.</source></segment>` + tail20, false,
			`<segment state="translated"><source>Der Rat tagt.</source><target>Der Rat tagt.</target></segment>`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read(strings.NewReader(tc.src), "x.xlf", Options{})
			if err != nil {
				t.Fatal(err)
			}
			var out string
			if tc.failed {
				out = writeUntranslated(t, d, "en")
			} else {
				out, _ = write(t, d, d.Identity(), "en")
			}
			if !strings.Contains(out, tc.want) {
				t.Errorf("output lacks %q:\n%s", tc.want, out)
			}
			again, err := Read(strings.NewReader(out), "x.xlf", Options{})
			if err != nil {
				t.Fatal(err)
			}
			want := d.Identity()
			if !tc.failed {
				want = nil
			}
			if !slices.Equal(again.Identity(), want) {
				t.Errorf("read back %q, want %q still to translate", again.Identity(), want)
			}
			validateXLIFF(t, tc.name, out)
		})
	}
}

// TestXLIFFTargetLanguage: a file that declares another target language than the one asked for
// is refused before anything is sent, naming the line of the declaration; the same language in
// another region or none asked for reads, and the declared language is the Doc's TargetLang.
func TestXLIFFTargetLanguage(t *testing.T) {
	file12 := func(lang string) string {
		return "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n<file original=\"a\" source-language=\"de\"" + lang + " datatype=\"plaintext\"><body><trans-unit id=\"1\"><source>Der Rat tagt.</source></trans-unit></body></file></xliff>"
	}
	two12 := "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\">\n<file original=\"a\" source-language=\"de\" target-language=\"en\" datatype=\"plaintext\"><body><trans-unit id=\"1\"><source>Eins.</source></trans-unit></body></file>\n<file original=\"b\" source-language=\"de\" target-language=\"fr\" datatype=\"plaintext\"><body><trans-unit id=\"2\"><source>Zwei.</source></trans-unit></body></file></xliff>"
	file20 := func(lang string) string {
		return "<xliff version=\"2.0\" xmlns=\"urn:oasis:names:tc:xliff:document:2.0\" srcLang=\"de\"" + lang + ">\n<file id=\"f\"><unit id=\"1\"><segment><source>Der Rat tagt.</source></segment></unit></file></xliff>"
	}
	tests := []struct {
		name, src, want string
		declared        string
		err             string // "" when the file reads
	}{
		{"1.2 Spanish file, English asked", file12(` target-language="es"`), "en", "es", `x.xlf:2: <file target-language="es">: the file is to be translated into es, not en`},
		{"1.2 region", file12(` target-language="en-US"`), "en", "en-US", ""},
		{"1.2 region asked", file12(` target-language="en"`), "en-GB", "en", ""},
		{"1.2 underscore and case", file12(` target-language="EN_us"`), "en", "EN_us", ""},
		{"1.2 none declared", file12(``), "en", "", ""},
		{"1.2 none asked", file12(` target-language="es"`), "", "es", ""},
		{"1.2 second file", two12, "en", "en", `x.xlf:3: <file target-language="fr">`},
		{"2.0 Spanish file", file20(` trgLang="es-ES"`), "en", "es-ES", `x.xlf:1: <xliff trgLang="es-ES">`},
		{"2.0 same", file20(` trgLang="en"`), "en", "en", ""},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read(strings.NewReader(tc.src), "x.xlf", Options{TargetLang: tc.want})
			if tc.err != "" {
				var ie *InputError
				if !errors.As(err, &ie) || !strings.Contains(err.Error(), tc.err) {
					t.Fatalf("error %v, want an *InputError with %q", err, tc.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if d.TargetLang != tc.declared {
				t.Errorf("TargetLang %q, want %q", d.TargetLang, tc.declared)
			}
		})
	}
	// The WorldServer file of the review: target-language="es", 28 empty targets.
	src := "<xliff version=\"1.2\" xmlns=\"urn:oasis:names:tc:xliff:document:1.2\"><file original=\"a\" source-language=\"en\" target-language=\"es\" datatype=\"plaintext\"><body><trans-unit id=\"1\"><source>Text</source><target/></trans-unit></body></file></xliff>"
	if _, err := Read(strings.NewReader(src), "ws.xlf", Options{TargetLang: "en"}); err == nil {
		t.Error("an empty Spanish target would be filled with English")
	}
}

// TestXLIFFLineEndings: a target created on a line of its own ends the line before it as the
// file does, CRLF or LF.
func TestXLIFFLineEndings(t *testing.T) {
	for _, eol := range []string{"\n", "\r\n"} {
		src := strings.Join([]string{`<?xml version="1.0" encoding="UTF-8"?>`,
			`<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2">`,
			`  <file original="a" source-language="de" target-language="en" datatype="plaintext"><body>`,
			`    <trans-unit id="1">`, `      <source>Der Rat tagt.</source>`, `    </trans-unit>`,
			`    <trans-unit id="2">`, `      <source>Satz eins.</source>`,
			`      <seg-source><mrk mid="0" mtype="seg">Satz eins.</mrk></seg-source>`, `    </trans-unit>`,
			`  </body></file>`, `</xliff>`, ``}, eol)
		d, err := Read(strings.NewReader(src), "x.xlf", Options{})
		if err != nil {
			t.Fatal(err)
		}
		out, _ := write(t, d, translateAll(d, upper), "en")
		lines := strings.Count(out, "\n")
		if n := strings.Count(out, eol); n != lines || lines != strings.Count(src, "\n")+2 {
			t.Errorf("%q: %d line breaks, %d of them %q, want %d:\n%q", eol, lines, n, eol, strings.Count(src, "\n")+2, out)
		}
		if !strings.Contains(out, "<source>Der Rat tagt.</source>"+eol+`      <target state="translated" state-qualifier="leveraged-mt">DER RAT TAGT.</target>`+eol) {
			t.Errorf("%q: the target is not on a line of its own:\n%q", eol, out)
		}
		validateXLIFF(t, "eol", out)
	}
}

// TestXLIFFTargetsKept: a target that differs from its source is a translation in the state a
// unit starts in as without a state (1.2 "new" — SORMAS' Angular catalogue has 29 translations
// so — and 2.x "initial", its default), and only a copy of the source is open there; 1.2
// needs-translation asks for a translation whatever the target holds. A stateless copy is open
// in a file that holds translations too (LUX-Components' messages.en.xlf: "Name", "Zoom"), as
// Okapi's and OmegaT's packages write their copies.
func TestXLIFFTargetsKept(t *testing.T) {
	const (
		head12 = `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="de" target-language="en" datatype="plaintext"><body>`
		tail12 = `</body></file></xliff>`
		head20 = `<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="de" trgLang="en"><file id="f">`
		tail20 = `</file></xliff>`
	)
	unit12 := func(id, state, src, tgt string) string {
		if state != "" {
			state = ` state="` + state + `"`
		}
		return `<trans-unit id="` + id + `"><source>` + src + `</source><target` + state + `>` + tgt + `</target></trans-unit>`
	}
	unit20 := func(id, state, src, tgt string) string {
		if state != "" {
			state = ` state="` + state + `"`
		}
		return `<unit id="` + id + `"><segment` + state + `><source>` + src + `</source><target>` + tgt + `</target></segment></unit>`
	}
	const sentence = "Das Datum darf nicht leer sein"
	tests := []struct {
		name, src string
		want      []string
	}{
		{"1.2 stateless copies in a translated catalogue", head12 + unit12("t", "", "Bitte geben Sie eine Zeit ein", "Please enter a time") +
			unit12("n", "", "Name", "Name") + unit12("z", "", "Zoom", "Zoom") + unit12("s", "", sentence, sentence) + tail12,
			[]string{"Name", "Zoom", sentence}},
		{"1.2 new", head12 + unit12("1", "new", "Landkreis", "District") + unit12("2", "new", "Bundesland", "Bundesland") + tail12, []string{"Bundesland"}},
		{"1.2 needs-translation", head12 + unit12("1", "needs-translation", "Speichern", "Save") + tail12, []string{"Speichern"}},
		{"1.2 translated copy", head12 + unit12("1", "translated", "Name", "Name") + tail12, nil},
		{"2.0 initial", head20 + unit20("1", "initial", sentence, "The date must not be empty") + unit20("2", "initial", "Speichern", "Speichern") + tail20, []string{"Speichern"}},
		{"2.0 no state", head20 + unit20("1", "", sentence, "The date must not be empty") + unit20("2", "", "Speichern", "Speichern") + tail20, []string{"Speichern"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read(strings.NewReader(tc.src), "x.xlf", Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := d.Identity(); !slices.Equal(got, tc.want) {
				t.Errorf("to translate %q, want %q", got, tc.want)
			}
		})
	}
}

// TestXLIFFPlaceholderOnlyUnits: a unit whose source is only a placeholder (Angular's
// <x id="INTERPOLATION"/>, three in LUX-Components' messages.xlf) gets its source as its target
// when the file is written as a translation, so that the catalogue is complete (Angular's build
// with i18nMissingTranslation=error refuses a unit without a target); nothing is sent for it,
// and written without a target language it gets none.
func TestXLIFFPlaceholderOnlyUnits(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"1.2", `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="ng2.template" source-language="de" target-language="en" datatype="plaintext"><body>
      <trans-unit id="a" datatype="html">
        <source><x id="INTERPOLATION" equiv-text="{{ label }}"/></source>
      </trans-unit>
      <trans-unit id="b" datatype="html">
        <source>Zurück</source>
      </trans-unit>
</body></file></xliff>`, `        <source><x id="INTERPOLATION" equiv-text="{{ label }}"/></source>
        <target state="translated"><x id="INTERPOLATION" equiv-text="{{ label }}"/></target>`},
		{"2.0", `<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="de" trgLang="en"><file id="f"><unit id="a"><segment><source><ph id="0" equiv="{{ label }}"/></source></segment></unit><unit id="b"><segment><source>Zurück</source></segment></unit></file></xliff>`,
			`<source><ph id="0" equiv="{{ label }}"/></source><target><ph id="0" equiv="{{ label }}"/></target>`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read(strings.NewReader(tc.src), "messages.xlf", Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := d.Identity(); !slices.Equal(got, []string{"Zurück"}) {
				t.Errorf("segments %q, want only Zurück", got)
			}
			out, _ := write(t, d, translateAll(d, upper), "en")
			if !strings.Contains(out, tc.want) {
				t.Errorf("output lacks %q:\n%s", tc.want, out)
			}
			validateXLIFF(t, tc.name, out)
			if same, _ := write(t, d, d.Identity(), ""); strings.Contains(same, tc.want) {
				t.Errorf("written without a target language, the placeholder unit got a target:\n%s", same)
			}
		})
	}
}

// TestXLIFFSplitCodesPaired: a code split in two — 1.2 <bpt>…</bpt> words <ept>…</ept> (paired by
// rid, or by id), 2.x <sc/> words <ec/> — is one paired code around its words, as the memory's
// reader numbers it, and is written back as it was. As two standalone codes ("Das <x1/>Menü<x2/>
// schließen.") a file never matched its own import ("Das <g1>Menü</g1> schließen.").
func TestXLIFFSplitCodesPaired(t *testing.T) {
	const (
		head12 = `<xliff version="1.2" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file original="a" source-language="de" target-language="en" datatype="plaintext"><body>`
		head20 = `<xliff version="2.0" xmlns="urn:oasis:names:tc:xliff:document:2.0" srcLang="de" trgLang="en"><file id="f">`
	)
	for _, tc := range []struct{ name, doc, seg, out string }{
		{"1.2 by id", head12 + `<trans-unit id="1"><source>Das <bpt id="1">{\i </bpt>Menü<ept id="1">}</ept> schließen.</source></trans-unit></body></file></xliff>`,
			"Das <g1>Menü</g1> schließen.", `>DAS <bpt id="1">{\i </bpt>MENÜ<ept id="1">}</ept> SCHLIEßEN.</target>`},
		{"1.2 by rid", head12 + `<trans-unit id="1"><source>Ein <bpt id="1" rid="7">&lt;b&gt;</bpt>fettes<ept id="2" rid="7">&lt;/b&gt;</ept> Wort.</source></trans-unit></body></file></xliff>`,
			"Ein <g1>fettes</g1> Wort.", `>EIN <bpt id="1" rid="7">&lt;b&gt;</bpt>FETTES<ept id="2" rid="7">&lt;/b&gt;</ept> WORT.</target>`},
		{"2.x sc and ec", head20 + `<unit id="u1"><segment><source>Der Verkehr <sc id="3"/>rollt<ec startRef="3"/> wieder.</source></segment></unit></file></xliff>`,
			"Der Verkehr <g1>rollt</g1> wieder.", `>DER VERKEHR <sc id="3"/>ROLLT<ec startRef="3"/> WIEDER.</target>`},
		{"1.2 ept of another pair", head12 + `<trans-unit id="1"><source>Ein <bpt id="1">&lt;b&gt;</bpt>Wort<ept id="2">&lt;/b&gt;</ept> hier.</source></trans-unit></body></file></xliff>`,
			"Ein <x1/>Wort<x2/> hier.", ""},
	} {
		d, err := Read(strings.NewReader(tc.doc), "a.xlf", Options{})
		if err != nil {
			t.Fatalf("%s: %v", tc.name, err)
		}
		if got := d.Identity(); len(got) != 1 || got[0] != tc.seg {
			t.Errorf("%s: segments %q, want %q", tc.name, got, tc.seg)
			continue
		}
		if tc.out == "" {
			continue
		}
		out, _ := write(t, d, translateAll(d, upper), "en")
		if !strings.Contains(out, tc.out) {
			t.Errorf("%s: written\n%s\nwant it to hold %s", tc.name, out, tc.out)
		}
	}
}

// TestXLIFFGettextHeaderNotSent: po2xliff's header unit (restype x-gettext-domain-header) is a
// PO file's metadata: never sent to the provider.
func TestXLIFFGettextHeaderNotSent(t *testing.T) {
	const src = `<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file original="grep.po" source-language="en" target-language="de" datatype="po"><body>` +
		`<trans-unit id="1" restype="x-gettext-domain-header"><source>Project-Id-Version: grep 3.11</source></trans-unit>` +
		`<trans-unit id="2"><source>Usage: grep [OPTION]...</source></trans-unit></body></file></xliff>`
	d, err := Read(strings.NewReader(src), "grep.xlf", Options{SourceLang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Identity(); len(got) != 1 || got[0] != "Usage: grep [OPTION]..." {
		t.Errorf("segments %q, want the usage line alone", got)
	}
}
