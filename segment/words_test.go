package segment

import (
	"strings"
	"testing"
)

// tok renders tokens compactly for comparison: text/kind, compounds with their parts.
func tok(ts []Token) string {
	var b strings.Builder
	for i, t := range ts {
		if i > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(t.Text)
		b.WriteByte('/')
		b.WriteString(t.Kind.String()[:1])
		if len(t.Parts) > 0 {
			b.WriteString("{" + tok(t.Parts) + "}")
		}
	}
	return b.String()
}

func TestWords(t *testing.T) {
	tests := []struct {
		lang, in, want string
	}{
		{"de", "Das Haus.", "Das/w Haus/w ./p"},
		{"de", "NATO-Generalsekretär Jens", "NATO-Generalsekretär/w{NATO/w Generalsekretär/w} Jens/w"},
		{"de", "des US-Außenministeriums", "des/w US-Außenministeriums/w{US/w Außenministeriums/w}"},
		{"de", "Russland-NATO-Rates", "Russland-NATO-Rates/w{Russland/w NATO/w Rates/w}"},
		{"de", "seit 2,5 Jahren", "seit/w 2,5/n Jahren/w"},
		{"de", "1.000.000 Menschen", "1.000.000/n Menschen/w"},
		{"de", "am 15. Dezember", "am/w 15./n Dezember/w"},
		{"de", "Er war 15.", "Er/w war/w 15/n ./p"},
		{"de", "seit 2019. Dann", "seit/w 2019/n ./p Dann/w"},
		{"en", "on 15. December", "on/w 15/n ./p December/w"},
		{"de", "um 12:30 Uhr", "um/w 12:30/n Uhr/w"},
		{"de", "am 15.12.2021", "am/w 15.12.2021/n"},
		{"de", "z.B. hier", "z.B./w hier/w"},
		{"de", "z. B. hier", "z/w ./p B/w ./p hier/w"},
		{"en", "the U.S. said", "the/w U.S./w said/w"},
		{"en", "don't stop", "don't/w stop/w"},
		{"de", "geht’s los", "geht’s/w los/w"},
		{"de", "NATO- und russischen", "NATO-/w und/w russischen/w"},
		{"de", "[NATO-]Generalsekretär", "[/p NATO-/w ]/p Generalsekretär/w"},
		{"de", "COVID-19 und F-16", "COVID-19/w{COVID/w 19/n} und/w F-16/w{F/w 16/n}"},
		{"de", "die 90er-Jahre", "die/w 90er-Jahre/w{90er/w Jahre/w}"},
		{"de", "5 % mehr", "5/n %/s mehr/w"},
		{"de", "10 € und $", "10/n €/s und/w $/s"},
		{"de", "„Zitat“ – Ende…", "„/p Zitat/w “/p –/p Ende/w …/p"},
		{"de", "Warte...", "Warte/w .../p"},
		{"de", "Straße über Öl", "Straße/w über/w Öl/w"},
		{"de", "-5 Grad", "-/p 5/n Grad/w"},
		{"de", "", ""},
		{"de", "   ", ""},
	}
	for _, tt := range tests {
		got := Words(tt.in, tt.lang)
		if s := tok(got); s != tt.want {
			t.Errorf("Words(%q, %s)\n got %s\nwant %s", tt.in, tt.lang, s, tt.want)
		}
		checkTokens(t, tt.in, got)
	}
}

// checkTokens checks offsets and that only spaces are left out.
func checkTokens(t testing.TB, text string, toks []Token) {
	t.Helper()
	prev := 0
	for _, tk := range toks {
		if tk.Start < prev || tk.End <= tk.Start || tk.End > len(text) || text[tk.Start:tk.End] != tk.Text {
			t.Fatalf("%q: bad token %+v", text, tk)
		}
		if !allSpace(text[prev:tk.Start]) {
			t.Fatalf("%q: dropped %q", text, text[prev:tk.Start])
		}
		pp := tk.Start
		for _, p := range tk.Parts {
			if p.Start < pp || p.End > tk.End || text[p.Start:p.End] != p.Text || p.Text == "" {
				t.Fatalf("%q: bad part %+v of %q", text, p, tk.Text)
			}
			pp = p.End
		}
		prev = tk.End
	}
	if !allSpace(text[prev:]) {
		t.Fatalf("%q: dropped tail %q", text, text[prev:])
	}
}

// allSpace reports whether s is only what the package counts as space (Unicode white space plus
// zero-width space and byte-order mark).
func allSpace(s string) bool {
	return strings.TrimFunc(s, isSpace) == ""
}
