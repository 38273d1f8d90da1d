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
			[]string{"Klicken Sie hier, um fortzufahren.|Click here to continue.", "Weniger <als> & mehr|Less <than> & more", "Bild Alt-Text unten und kursiv|Picture below and italic"}, 1},
		{"French target", ReaderOptions{TargetLang: "fr"},
			[]string{"Klicken Sie hier, um fortzufahren.|Cliquez ici."}, 3},
		{"reverse direction, regional tag", ReaderOptions{SourceLang: "en-us", TargetLang: "DE_de"},
			[]string{"Click here to continue.|Klicken Sie hier, um fortzufahren.", "Less <than> & more|Weniger <als> & mehr", "Picture below and italic|Bild Alt-Text unten und kursiv"}, 1},
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

// TestTMXErrorSticky: after an error, Next keeps returning it rather than resuming mid-document.
func TestTMXErrorSticky(t *testing.T) {
	doc := `<tmx><header srclang="de"/><body><tu><tuv xml:lang="de"><seg>a</seg></tuv><tuv xml:lang="en"><seg>b</seg></tuv></tu>` +
		"\n<tu><tuv><seg>x</seg></tuv></tu>\n" +
		`<tu><tuv xml:lang="de"><seg>c</seg></tuv><tuv xml:lang="en"><seg>d</seg></tuv></tu></body></tmx>`
	r, _ := NewReader(TMX, strings.NewReader(doc), "s.tmx", ReaderOptions{})
	if p, err := r.Next(); err != nil || p.Source != "a" {
		t.Fatalf("first pair: %+v, %v", p, err)
	}
	_, err1 := r.Next()
	_, err2 := r.Next()
	if err1 == nil || err1 != err2 || !strings.HasPrefix(err1.Error(), "s.tmx:2:") {
		t.Errorf("errors %v then %v; want the same s.tmx:2 error twice", err1, err2)
	}
}
