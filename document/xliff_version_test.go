package document

import (
	"slices"
	"strings"
	"testing"
)

// TestXLIFFVersionByNamespace: a file without the version attribute that XLIFF 1.1 and 1.2
// require is read by its namespace, as OmegaT's test files are written (they were refused as
// `XLIFF version ""`); a file neither names is refused with its namespace named.
func TestXLIFFVersionByNamespace(t *testing.T) {
	d, _ := readFile(t, "testdata/omegat/file-XLIFFFilter.xlf", Options{SourceLang: "en"})
	// The third <file>'s units have translations already.
	if got, want := d.Identity(), []string{"This is test2", "test21", "This is test2", "test21"}; !slices.Equal(got, want) {
		t.Errorf("segments %q, want %q", got, want)
	}
	out, probs := write(t, d, translateAll(d, upper), "be")
	if len(probs) > 0 {
		t.Error(probs)
	}
	for _, k := range []string{
		"<source>test21</source>\r\n                <target state=\"translated\" state-qualifier=\"leveraged-mt\">TEST21</target>",
		"<target>tr2=test2</target>",
	} {
		if !strings.Contains(out, k) {
			t.Errorf("output lacks %q:\n%s", k, out)
		}
	}

	for _, tc := range []struct{ name, src, want string }{
		{"2.0 by a prefix's namespace", `<x:xliff xmlns:x="urn:oasis:names:tc:xliff:document:2.0" srcLang="de" trgLang="en"><x:file id="f"><x:unit id="1"><x:segment><x:source>Der Rat tagt.</x:source></x:segment></x:unit></x:file></x:xliff>`, ""},
		{"1.0's DTD, no namespace", `<xliff><file source-language="de" datatype="plaintext" original="a"><body><trans-unit id="1"><source>Der Rat tagt.</source></trans-unit></body></file></xliff>`, `x.xlf:1: XLIFF version "": bitext reads 1.2 and 2.x`},
		{"another namespace", `<xliff xmlns="urn:example:not-xliff"><file/></xliff>`, `x.xlf:1: XLIFF version "" (namespace urn:example:not-xliff): bitext reads 1.2 and 2.x`},
		{"ITS's version is not XLIFF's", `<xliff xmlns:its="http://www.w3.org/2005/11/its" its:version="2.0" xmlns="urn:oasis:names:tc:xliff:document:1.2"><file source-language="de" datatype="plaintext" original="a"><body><trans-unit id="1"><source>Der Rat tagt.</source></trans-unit></body></file></xliff>`, ""},
	} {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read(strings.NewReader(tc.src), "x.xlf", Options{})
			switch {
			case tc.want == "" && err != nil:
				t.Fatal(err)
			case tc.want == "" && len(d.Segments) != 1:
				t.Errorf("segments %q, want the unit's", d.Identity())
			case tc.want != "" && (err == nil || err.Error() != tc.want):
				t.Errorf("error %v, want %s", err, tc.want)
			}
		})
	}
}
