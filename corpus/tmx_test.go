package corpus

import (
	"bytes"
	"os"
	"strings"
	"testing"
	"time"
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

// TestTMXSecondSeg: a <tuv> holds one <seg> (TMX DTD); a second is an error at its line, not a
// segment silently dropped.
func TestTMXSecondSeg(t *testing.T) {
	doc := "<tmx><header srclang=\"de\"/><body>\n<tu><tuv xml:lang=\"de\"><seg>A.</seg>\n<seg>B.</seg></tuv><tuv xml:lang=\"en\"><seg>x</seg></tuv></tu></body></tmx>"
	r, _ := NewReader(TMX, strings.NewReader(doc), "two.tmx", ReaderOptions{})
	p, err := r.Next()
	if err == nil || !strings.HasPrefix(err.Error(), "two.tmx:3:") || !strings.Contains(err.Error(), "second <seg>") {
		t.Errorf("got %+v, %v; want a two.tmx:3 error naming the second <seg>", p, err)
	}
}

// TestTMXInlineCodes: how <seg> markup becomes plain text (issue 15: codes standing for line
// breaks and tabs must not glue words together; <sub> text is kept).
func TestTMXInlineCodes(t *testing.T) {
	for _, tt := range []struct{ name, seg, want string }{
		{"ph of <br/> and type lb", `detector.<ph x="1">&lt;br/&gt;</ph>2.<ph x="2" type="lb"/>Touch Retry.`, "detector. 2. Touch Retry."},
		{"ph holding a line break", "eins<ph>\n</ph>zwei<ph>\t</ph>drei", "eins zwei drei"},
		{"escaped line break and tab", `a<ph>\n</ph>b<ph>\r\n</ph>c<ph>\t</ph>d`, "a b c d"},
		{"character references as code", `a<ph>&amp;#10;</ph>b<ph>&amp;#xA;</ph>c`, "a b c"},
		// \pard resets paragraph formatting; it is not a break, but a standalone code between
		// two letters keeps the words apart all the same (document.Words).
		{"RTF control words", `eins<ph>\par </ph>zwei<ph>{\line}</ph>drei<ut>\tab</ut>vier<ph>\pard\plain</ph>fünf`, "eins zwei drei vier fünf"},
		{"block tags", `<bpt i="1">&lt;p class="x"&gt;</bpt>Absatz<ept i="1">&lt;/p&gt;</ept><ph>&lt;p&gt;</ph>Neu`, "Absatz Neu"},
		{"OOXML and ODF breaks", `a<ph>&lt;w:br/&gt;</ph>b<ph>&lt;text:tab/&gt;</ph>c<ph>&lt;text:line-break/&gt;</ph>d`, "a b c d"},
		{"it with a tab type", `a<it pos="begin" type="x-tab">&lt;x&gt;</it>b`, "a b"},
		{"white space already there", `a <ph>&lt;br/&gt;</ph> b<ph type="lb"/> c`, "a  b c"},
		{"at the start and the end", `<ph>&lt;br/&gt;</ph>Start<ph type="lb"/>`, "Start"},
		// Paired codes glue the words as written; a standalone code between two letters or
		// digits keeps them apart, as document.Words writes the words of the same tagged text
		// (bitext's pair files, a memory's export): else a memory's words entry of a unit held
		// "Zur Fortsetzungdes Verfahrens" (Okapi's Paragraph_TM.tmx, "Fortsetzung<ut>…</ut>des"),
		// which no sentence is, and its export wrote it as a unit of its own.
		{"paired codes glue as written", `Fett<bpt i="1">&lt;b&gt;</bpt>druck<ept i="1">&lt;/b&gt;</ept> und <ph>&lt;span/&gt;</ph>x<ut>{\i}</ut>y`, "Fettdruck und x y"},
		{"ut between words", `Zur Fortsetzung<ut>ut content de</ut>des Verfahrens`, "Zur Fortsetzung des Verfahrens"},
		{"not a break: brand, pre", `a<ph>&lt;brand&gt;</ph>b<ph>&lt;pre&gt;</ph>c<ph>\parx</ph>d.<ph/>`, "a b c d."},
		{"image stays out", `Bild: <ph x="1" type="image">&lt;img src="a.png"/&gt;</ph>`, "Bild: "},
		// A <sub> is another flow inside a code (an image's alt text, a link's title): part of
		// the code, not words of the sentence (a memory keyed it "Klicken Sie Hier starten zum
		// Start", which no document's segment is).
		{"sub text is the code's", `Klicken Sie <ph>&lt;img alt="<sub>Hier starten</sub>"&gt;</ph>zum Start`, "Klicken Sie zum Start"},
		{"sub with nested codes", `a<bpt i="1">&lt;a title="<sub>T<ph>&lt;br/&gt;</ph>U</sub>"&gt;</bpt>b<ept i="1">&lt;/a&gt;</ept>`, "ab"},
		{"hi keeps text", `Ein <hi type="x">hervorgehobener</hi> Teil`, "Ein hervorgehobener Teil"},
		{"comments and CDATA", `a<!-- c -->b<![CDATA[<c>]]>`, "ab<c>"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			doc := `<tmx version="1.4"><header srclang="de"/><body><tu><tuv xml:lang="de"><seg>` + tt.seg +
				`</seg></tuv><tuv xml:lang="en"><seg>x</seg></tuv></tu></body></tmx>`
			got, err := readAll(TMX, []byte(doc), nil, ReaderOptions{})
			if err != nil || len(got) != 1 {
				t.Fatalf("got %+v, %v", got, err)
			}
			if got[0].Source != tt.want {
				t.Errorf("seg %s\n got %q\nwant %q", tt.seg, got[0].Source, tt.want)
			}
		})
	}
}

// TestTMXVersionsAndSrclang: TMX 1.1 lang= attributes read like xml:lang; a <tu> srclang does
// not turn pairs round; a declared encoding is honoured unless a byte-order mark overrides it.
func TestTMXVersionsAndSrclang(t *testing.T) {
	tmx11 := `<?xml version="1.0"?><tmx version="1.1"><header srclang="DE"/><body>
<tu><tuv lang="DE"><seg>Haus</seg></tuv><tuv lang="EN"><seg>house</seg></tuv></tu></body></tmx>`
	perTU := `<tmx version="1.4"><header srclang="en-us"/><body>
<tu srclang="de-de"><tuv xml:lang="de-de"><seg>Erster</seg></tuv><tuv xml:lang="en-gb"><seg>First</seg></tuv></tu>
<tu srclang="en-gb"><tuv xml:lang="en-gb"><seg>Second</seg></tuv><tuv xml:lang="de-de"><seg>Zweiter</seg></tuv></tu></body></tmx>`
	latin1 := "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><tmx><header srclang=\"de\"/><body><tu><tuv xml:lang=\"de\"><seg>Stra\xdfe</seg></tuv><tuv xml:lang=\"en\"><seg>road</seg></tuv></tu></body></tmx>"
	bomWins := "\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><tmx><header srclang=\"de\"/><body><tu><tuv xml:lang=\"de\"><seg>Straße</seg></tuv><tuv xml:lang=\"en\"><seg>road</seg></tuv></tu></body></tmx>"
	for _, tt := range []struct {
		name, doc string
		opt       ReaderOptions
		want      string
	}{
		{"TMX 1.1 lang", tmx11, ReaderOptions{}, "Haus|house"},
		{"per-TU srclang, German asked for", perTU, ReaderOptions{SourceLang: "de"}, "Erster|First Zweiter|Second"},
		{"declared ISO-8859-1", latin1, ReaderOptions{}, "Straße|road"},
		{"UTF-8 BOM over a declaration", bomWins, ReaderOptions{}, "Straße|road"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			got, err := readAll(TMX, []byte(tt.doc), nil, tt.opt)
			if err != nil {
				t.Fatal(err)
			}
			var s []string
			for _, p := range got {
				s = append(s, p.Source+"|"+p.Target)
			}
			if strings.Join(s, " ") != tt.want {
				t.Errorf("got %q, want %q", strings.Join(s, " "), tt.want)
			}
		})
	}
}

// TestReviewerRoundTrip: who reviewed a pair and when go through TMX (changeid, changedate on
// the <tu>) and JSONL (reviewer, reviewed_at) and come back; a TMX date in another form is
// left out, not an error.
func TestReviewerRoundTrip(t *testing.T) {
	when := time.Date(2026, 11, 30, 14, 15, 0, 0, time.UTC)
	for _, f := range []Format{TMX, JSONL} {
		var buf bytes.Buffer
		w, err := NewWriter(f, &buf, WriterOptions{Entries: true})
		if err != nil {
			t.Fatal(err)
		}
		w.Write(Pair{Source: "Satz.", Target: "Sentence.", Provider: "reviewed", Reviewer: "anna", Reviewed: when})
		w.Close()
		r, err := NewReader(f, &buf, "x", ReaderOptions{})
		if err != nil {
			t.Fatal(err)
		}
		p, err := r.Next()
		if err != nil || p.Reviewer != "anna" || !p.Reviewed.Equal(when) {
			t.Errorf("%s: %q %v (%v), want anna at %v", f, p.Reviewer, p.Reviewed, err, when)
		}
	}
	doc := `<?xml version="1.0"?><tmx version="1.4"><header srclang="de" datatype="plaintext" segtype="sentence" adminlang="en" o-tmf="x" creationtool="x" creationtoolversion="1"/><body>
<tu changeid="ben" changedate="30.11.2026"><tuv xml:lang="de"><seg>Satz.</seg></tuv><tuv xml:lang="en"><seg>Sentence.</seg></tuv></tu></body></tmx>`
	r, _ := NewReader(TMX, strings.NewReader(doc), "cat.tmx", ReaderOptions{})
	if p, err := r.Next(); err != nil || p.Reviewer != "ben" || !p.Reviewed.IsZero() {
		t.Errorf("a CAT tool's TMX: %q %v (%v)", p.Reviewer, p.Reviewed, err)
	}
}

// TestJSONLReviewedDates: a reviewed_at that is a date alone is read (it rejected the whole file
// with Go's time layout in the message); one that is neither a time nor a date says what is
// wanted, at its line.
func TestJSONLReviewedDates(t *testing.T) {
	r, _ := NewReader(JSONL, strings.NewReader(`{"source":"Satz.","target":"Sentence.","reviewer":"anna","reviewed_at":"2024-05-06"}`+"\n"), "r.jsonl", ReaderOptions{})
	if p, err := r.Next(); err != nil || !p.Reviewed.Equal(time.Date(2024, 5, 6, 0, 0, 0, 0, time.UTC)) {
		t.Errorf("a date alone: %v (%v)", p.Reviewed, err)
	}
	r, _ = NewReader(JSONL, strings.NewReader(`{"source":"Satz.","target":"Sentence.","reviewed_at":"6.5.2024"}`+"\n"), "r.jsonl", ReaderOptions{})
	if _, err := r.Next(); err == nil || !strings.Contains(err.Error(), "r.jsonl:1") || !strings.Contains(err.Error(), "reviewed_at") || strings.Contains(err.Error(), "2006") {
		t.Errorf("a date in another form: %v", err)
	}
}
