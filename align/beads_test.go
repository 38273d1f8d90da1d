package align

import (
	"bytes"
	"errors"
	"strings"
	"testing"
)

func TestParseBead(t *testing.T) {
	for _, tc := range []struct {
		in   string
		want string // FormatBead of the result, "" for an error
	}{
		{"[0]:[0]", "[0]:[0]:1.00"},
		{"[6, 7]:[9, 10]", "[6, 7]:[9, 10]:1.00"},
		{"[]:[17]", "[]:[17]:1.00"},
		{"[42]:[]:0.25", "[42]:[]:0.25"},
		{" [1,2] : [3] : 0.5 ", "[1, 2]:[3]:0.50"},
		{"[]:[]", ""},
		{"[0]:[1]:1.5", ""},
		{"[0]:[1]:x", ""},
		{"[0] [1]", ""},
		{"[a]:[1]", ""},
		{"[-1]:[1]", ""},
		{"[0:[1]", ""},
		{"0:1", ""},
		{"[0]:[1]junk", ""},
	} {
		b, err := ParseBead(tc.in)
		if tc.want == "" {
			if err == nil {
				t.Errorf("ParseBead(%q) = %v, want an error", tc.in, FormatBead(b))
			}
			continue
		}
		if err != nil {
			t.Errorf("ParseBead(%q): %v", tc.in, err)
			continue
		}
		if got := FormatBead(b); got != tc.want {
			t.Errorf("ParseBead(%q) = %s, want %s", tc.in, got, tc.want)
		}
	}
}

func TestReadBeadsErrorsNameTheLine(t *testing.T) {
	_, err := ReadBeads(strings.NewReader("# gold\n[0]:[0]\n\n[1]:[x]\n"), "gold.txt")
	var se *SyntaxError
	if !errors.As(err, &se) || se.Line != 4 || !strings.HasPrefix(err.Error(), "gold.txt:4: ") {
		t.Fatalf("err = %v, want gold.txt:4: …", err)
	}
}

func TestBeadsRoundTrip(t *testing.T) {
	beads := []Bead{{Src: []int{0}, Tgt: []int{0}, Confidence: 0.93}, {Src: []int{1, 2}, Confidence: 0.5}, {Tgt: []int{1, 2, 3}, Confidence: 1}}
	var buf bytes.Buffer
	if err := WriteBeads(&buf, beads); err != nil {
		t.Fatal(err)
	}
	back, err := ReadBeads(&buf, "x")
	if err != nil {
		t.Fatal(err)
	}
	if beadsString(back) != beadsString(beads) {
		t.Fatalf("round trip: %v", back)
	}
	for k := range beads {
		if back[k].Confidence != beads[k].Confidence {
			t.Errorf("confidence %v, want %v", back[k].Confidence, beads[k].Confidence)
		}
	}
}

func TestLadder(t *testing.T) {
	var buf bytes.Buffer
	WriteLadder(&buf, []Bead{{Src: []int{0}, Tgt: []int{0}, Confidence: 0.9}, {Src: []int{1, 2}, Confidence: 0.4}, {Tgt: []int{1}, Confidence: 1}})
	want := "0\t0\t0.90\n1\t1\t0.40\n3\t1\t1.00\n3\t2\t0.00\n"
	if buf.String() != want {
		t.Errorf("ladder:\n%s\nwant:\n%s", buf.String(), want)
	}
}

func TestEvaluate(t *testing.T) {
	parse := func(s string) []Bead {
		bs, err := ReadBeads(strings.NewReader(s), "t")
		if err != nil {
			t.Fatal(err)
		}
		return bs
	}
	gold := parse("[0]:[0]\n[1, 2]:[1]\n[]:[2]\n[3]:[3, 4]\n")
	for _, tc := range []struct {
		name                           string
		test                           string
		sTP, lTP, n, rsTP, rlTP, nGold int
	}{
		{"perfect", "[0]:[0]\n[1, 2]:[1]\n[]:[2]\n[3]:[3, 4]\n", 4, 4, 4, 3, 3, 3},
		// [1]:[1] and [2]:[] are lax hits for precision only where both sides link; [2]:[] has an
		// empty side so it can only hit strictly.
		{"split merge", "[0]:[0]\n[1]:[1]\n[2]:[]\n[]:[2]\n[3]:[3]\n[]:[4]\n", 2, 4, 6, 1, 3, 3},
		{"all wrong", "[0]:[1]\n[1]:[0]\n", 0, 0, 2, 0, 0, 3},
	} {
		c := Evaluate(gold, parse(tc.test))
		want := Counts{tc.sTP, tc.lTP, tc.n, tc.rsTP, tc.rlTP, tc.nGold}
		if c != want {
			t.Errorf("%s: %+v, want %+v", tc.name, c, want)
		}
	}
	c := Evaluate(gold, parse("[0]:[0]\n[1]:[1]\n[2]:[]\n[]:[2]\n[3]:[3]\n[]:[4]\n"))
	if s := c.Strict(); s.P != 2.0/6 || s.R != 1.0/3 {
		t.Errorf("strict %+v", s)
	}
}

func TestReadPresplit(t *testing.T) {
	s, b, err := ReadPresplit(strings.NewReader("\uFEFFEins.\r\n\n\nZwei.\n  Drei.  \n\nVier.\n\n"), "x")
	if err != nil {
		t.Fatal(err)
	}
	if strings.Join(s, "|") != "Eins.|Zwei.|Drei.|Vier." || len(b) != 2 || b[0] != 1 || b[1] != 3 {
		t.Errorf("sentences %q breaks %v", s, b)
	}
	for _, bad := range []string{"ok\nbad \xff here\n", "ok\nnul\x00\n"} {
		_, _, err := ReadPresplit(strings.NewReader(bad), "f.txt")
		if err == nil || !strings.HasPrefix(err.Error(), "f.txt:2: ") {
			t.Errorf("ReadPresplit(%q): err = %v, want f.txt:2: …", bad, err)
		}
	}
}

func TestReadDictionary(t *testing.T) {
	d := NewDictionary()
	in := "# comment\nHaus\thouse\textra\nBaupreis {m}; Baukosten {pl} | Baupreise {pl} :: construction price; building cost | construction prices\nInnenstadt {f} [Ortsteil] :: city centre [Br.]; downtown (area)\n"
	if err := d.ReadDictionary(strings.NewReader(in), "d"); err != nil {
		t.Fatal(err)
	}
	for src, want := range map[string]string{
		"haus": "house", "baupreis": "construction price|building cost", "baukosten": "construction price|building cost",
		"baupreise": "construction prices", "innenstadt": "city centre|downtown",
	} {
		if got := strings.Join(d.m[src], "|"); got != want {
			t.Errorf("%s → %q, want %q", src, got, want)
		}
	}
	for _, bad := range []string{"Haus house\n", "a | b :: c\n", "x\t\n"} {
		err := NewDictionary().ReadDictionary(strings.NewReader(bad), "d.txt")
		if err == nil || !strings.HasPrefix(err.Error(), "d.txt:1: ") {
			t.Errorf("%q: err = %v", bad, err)
		}
	}
}

func TestReadGold(t *testing.T) {
	tests := []struct {
		name, in string
		n, m     int
		wantErr  string
	}{
		{"fits", "[0]:[0]\n[1, 2]:[1]\n[]:[2]\n", 3, 3, ""},
		{"source out of range", "# gold\n\n[0]:[0]\n[3]:[1]\n", 3, 3, "gold.txt:4: source sentence 3, but the source has 3 sentences (numbered from 0)"},
		{"target out of range", "[0]:[5]\n", 3, 3, "gold.txt:1: target sentence 5, but the target has 3 sentences (numbered from 0)"},
		{"syntax", "[0]:[0]\n[x]:[1]\n", 3, 3, "gold.txt:2:"},
		{"source twice", "[0]:[0]\n[1]:[1]\n[0, 2]:[2]\n", 3, 3, "gold.txt:3: source sentence 0 is in the bead on line 1 too"},
		{"target twice", "[0]:[0, 1]\n[1]:[1]\n", 3, 3, "gold.txt:2: target sentence 1 is in the bead on line 1 too"},
		{"crossing beads are fine", "[0]:[1]\n[1]:[0]\n[2]:[2]\n", 3, 3, ""},
		{"empty", "", 3, 3, "gold.txt: no beads"},
		{"only comments", "# nothing\n\n", 3, 3, "gold.txt: no beads"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, err := ReadGold(strings.NewReader(tt.in), "gold.txt", tt.n, tt.m)
			if tt.wantErr == "" {
				if err != nil {
					t.Fatal(err)
				}
				return
			}
			if err == nil || !strings.HasPrefix(err.Error(), tt.wantErr) {
				t.Fatalf("err = %v, want prefix %q", err, tt.wantErr)
			}
			var se *SyntaxError
			if strings.Contains(tt.wantErr, ":") && !strings.HasSuffix(tt.wantErr, "no beads") && !errors.As(err, &se) {
				t.Errorf("err %T is not a *SyntaxError", err)
			}
			if got, want := errors.Is(err, ErrOutOfRange), strings.Contains(tt.name, "out of range"); got != want {
				t.Errorf("errors.Is(err, ErrOutOfRange) = %v, want %v", got, want)
			}
		})
	}
}

// TestShownConfidence: two-decimal outputs round confidences down, so that what a bead shows
// passes the --min-confidence filter set from it.
func TestShownConfidence(t *testing.T) {
	for _, tt := range []struct {
		c    float64
		want string
	}{{0.988, "[0]:[0]:0.98"}, {0.99, "[0]:[0]:0.99"}, {1, "[0]:[0]:1.00"}, {0.001, "[0]:[0]:0.00"}, {0.29, "[0]:[0]:0.29"}, {0.57, "[0]:[0]:0.57"}} {
		b := Bead{Src: []int{0}, Tgt: []int{0}, Confidence: tt.c}
		if got := FormatBead(b); got != tt.want {
			t.Errorf("%v: %q, want %q", tt.c, got, tt.want)
		}
		if shown := Shown(tt.c); shown > tt.c+1e-9 {
			t.Errorf("%v shown as %v, above it", tt.c, shown)
		}
	}
}
