package document

import (
	"strings"
	"testing"
)

// TestPODomain: gettext's domain directive is read (it was refused as an unknown keyword) and
// kept in the output as it was, with the entries around it translated.
func TestPODomain(t *testing.T) {
	tests := []struct {
		name, src string
		segs      []string
		want      string // "" = the error below
		err       string
	}{
		{"quoted", "msgid \"Ja\"\nmsgstr \"\"\n\ndomain \"app\"\n\nmsgid \"Nein\"\nmsgstr \"\"\n", []string{"Ja", "Nein"},
			"msgid \"Ja\"\nmsgstr \"EN Ja\"\n\ndomain \"app\"\n\nmsgid \"Nein\"\nmsgstr \"EN Nein\"\n", ""},
		{"bare name (Okapi's files)", "domain TheDomain1\r\n\r\nmsgid \"Ja\"\r\nmsgstr \"\"\r\n", []string{"Ja"},
			"domain TheDomain1\r\n\r\nmsgid \"Ja\"\r\nmsgstr \"EN Ja\"\r\n", ""},
		{"right after a msgstr", "msgid \"Ja\"\nmsgstr \"\"\ndomain \"b\"\nmsgid \"Nein\"\nmsgstr \"\"\n", []string{"Ja", "Nein"},
			"msgid \"Ja\"\nmsgstr \"EN Ja\"\ndomain \"b\"\nmsgid \"Nein\"\nmsgstr \"EN Nein\"\n", ""},
		{"after comments", "# Kommentar\ndomain \"b\"\nmsgid \"Ja\"\nmsgstr \"\"\n", []string{"Ja"},
			"# Kommentar\ndomain \"b\"\nmsgid \"Ja\"\nmsgstr \"EN Ja\"\n", ""},
		{"inside an entry", "msgid \"Ja\"\ndomain \"b\"\nmsgstr \"\"\n", nil, "", "x.po:1: msgid without a msgstr"},
		{"no name", "domain\nmsgid \"Ja\"\nmsgstr \"\"\n", nil, "", "x.po:1: \"domain\": want domain and a name"},
		{"bad string", "domain \"b\nmsgid \"Ja\"\nmsgstr \"\"\n", nil, "", "x.po:1: "},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if out, ok := checkPOCase(t, tc.src, tc.segs, tc.err); ok && out != tc.want {
				t.Errorf("wrote %q\nwant  %q", out, tc.want)
			}
		})
	}
}

// checkPOCase reads src: with wantErr, it checks that reading fails with it and returns false;
// otherwise it checks that the segments are segs, translates each as "EN " + it, and returns
// the file written and true.
func checkPOCase(t *testing.T, src string, segs []string, wantErr string) (string, bool) {
	t.Helper()
	d, err := Read(strings.NewReader(src), "x.po", Options{})
	if wantErr != "" {
		if err == nil || !strings.Contains(err.Error(), wantErr) {
			t.Fatalf("error %v, want %q", err, wantErr)
		}
		return "", false
	}
	if err != nil {
		t.Fatal(err)
	}
	if got := d.Identity(); strings.Join(got, "|") != strings.Join(segs, "|") {
		t.Fatalf("segments %q, want %q", got, segs)
	}
	out, probs := write(t, d, translateAll(d, func(s string) string { return "EN " + s }), "")
	if len(probs) > 0 {
		t.Error(probs)
	}
	return out, true
}
