package corpus

import (
	"os"
	"strings"
	"testing"
)

func TestTMXLanguages(t *testing.T) {
	foreign, err := os.ReadFile(vectors + "/good_foreign.tmx")
	if err != nil {
		t.Fatal(err)
	}
	tests := []struct {
		name     string
		opt      ReaderOptions
		want     []string // "source|target"
		wantSkip int
	}{
		{"defaults: header srclang, English preferred", ReaderOptions{},
			[]string{"Klicken Sie hier, um fortzufahren.|Click here to continue.", "Weniger <als> & mehr|Less <than> & more", "Bild unten und kursiv|Picture below and italic"}, 1},
		{"French target", ReaderOptions{TargetLang: "fr"},
			[]string{"Klicken Sie hier, um fortzufahren.|Cliquez ici."}, 3},
		{"reverse direction, regional tag", ReaderOptions{SourceLang: "en-us", TargetLang: "DE_de"},
			[]string{"Click here to continue.|Klicken Sie hier, um fortzufahren.", "Less <than> & more|Weniger <als> & mehr", "Picture below and italic|Bild unten und kursiv"}, 1},
		{"other region does not match", ReaderOptions{SourceLang: "de-AT"}, nil, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			r, err := NewReader(TMX, strings.NewReader(string(foreign)), "foreign.tmx", tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			var got []string
			for {
				p, err := r.Next()
				if err != nil {
					if err.Error() != "EOF" {
						t.Fatal(err)
					}
					break
				}
				got = append(got, p.Source+"|"+p.Target)
			}
			if strings.Join(got, "\n") != strings.Join(tt.want, "\n") {
				t.Errorf("got\n%s\nwant\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if s := r.(interface{ Skipped() int }).Skipped(); s != tt.wantSkip {
				t.Errorf("Skipped() = %d, want %d", s, tt.wantSkip)
			}
		})
	}
}

func TestLangMatch(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"de", "de", true}, {"DE", "de", true}, {"de-DE", "de", true}, {"de", "de-DE", true},
		{"de_DE", "de-de", true}, {"de-AT", "de-DE", false}, {"en", "de", false}, {"", "de", false},
		{"deu", "de", false}, {"de-DE", "de-DE-x", false},
	} {
		if got := langMatch(tt.a, tt.b); got != tt.want {
			t.Errorf("langMatch(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}
