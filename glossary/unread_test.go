package glossary

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tbxBasicSampleC7 is concept c7 of the TBX-Basic sample file the standard's makers publish
// (github.com/byutrg/TBX-Basic-Package, TBX-basic-sample.tbx at commit 32e5e8f, the TBX v3
// version; no licence stated, published for validating TBX-Basic tools), unmodified: English
// synonyms with statuses, parts of speech, term types and genders, a French and a German term,
// and a definition with its source in a descripGrp.
const tbxBasicSampleC7 = `			<conceptEntry id="c7">
				<descripGrp>
					<descrip type="definition">corrective lenses used in eyeglasses to correct
						presbyopia and other disorders of accommodation, characterised by a gradient
						of increasing lens power, added to the wearer's correction for the other
						refractive errors.</descrip>
					<admin type="source">Wikipedia</admin>
				</descripGrp>
				<langSec xml:lang="en">
					<termSec>
						<term>progressive lens</term>
						<termNote type="partOfSpeech">noun</termNote>
						<termNote type="administrativeStatus">preferredTerm-admn-sts</termNote>
					</termSec>
					<termSec>
						<term>progressive addition lens</term>
						<termNote type="partOfSpeech">noun</termNote>
						<termNote type="termType">fullForm</termNote>
						<termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>
					</termSec>
					<termSec>
						<term>PAL</term>
						<termNote type="partOfSpeech">noun</termNote>
						<termNote type="termType">acronym</termNote>
						<termNote type="administrativeStatus">deprecatedTerm-admn-sts</termNote>
					</termSec>
					<termSec>
						<term>progressive power lens</term>
						<termNote type="partOfSpeech">noun</termNote>
						<termNote type="administrativeStatus">admittedTerm-admn-sts</termNote>
					</termSec>
					<termSec>
						<term>graduated lens</term>
						<termNote type="partOfSpeech">noun</termNote>
						<termNote type="administrativeStatus">supersededTerm-admn-sts</termNote>
					</termSec>
				</langSec>
				<langSec xml:lang="fr">
					<termSec>
						<term>lentille progressive</term>
						<termNote type="partOfSpeech">noun</termNote>
						<termNote type="grammaticalGender">feminine</termNote>
					</termSec>
				</langSec>
				<langSec xml:lang="de">
					<termSec>
						<term>Gleitsichtglas</term>
						<termNote type="partOfSpeech">noun</termNote>
						<termNote type="grammaticalGender">masculine</termNote>
					</termSec>
				</langSec>
			</conceptEntry>`

func tbxDoc(body string) string {
	return `<?xml version="1.0" encoding="utf-8"?>
<tbx style="dca" type="TBX-Basic" xml:lang="en-US" xmlns="urn:iso:std:iso:30042:ed-2">
<tbxHeader><fileDesc><sourceDesc><p>test</p></sourceDesc></fileDesc></tbxHeader>
<text><body>
` + body + `
</body></text></tbx>`
}

// TestTBXUnread: what a TBX holds beyond entries is counted (so that convert can say what it
// leaves out), and definitions and untyped descrips become the entry's note.
func TestTBXUnread(t *testing.T) {
	for _, tc := range []struct {
		name     string
		tbx      string
		src, tgt string
		want     map[string]int
		note     string // a substring of the first entry's note
	}{
		{
			name: "TBX-Basic sample, en→de", tbx: tbxDoc(tbxBasicSampleC7), src: "en", tgt: "de",
			want: map[string]int{
				"partOfSpeech": 6, "termType": 2, "grammaticalGender": 1, "source": 1, "concept ids": 1,
				"terms in other languages (fr)": 1, "deprecated source terms": 2,
			},
			note: "corrective lenses used in eyeglasses to correct presbyopia and other disorders",
		},
		{
			// The same concept tagged as the sample's root is (xml:lang="en-US"), and German as
			// Switzerland's: written back, both lose their region.
			name: "regions", tbx: tbxDoc(strings.NewReplacer(`xml:lang="en"`, `xml:lang="en-US"`, `xml:lang="de"`, `xml:lang="de-CH"`).Replace(tbxBasicSampleC7)),
			src: "de", tgt: "en",
			want: map[string]int{
				"partOfSpeech": 6, "termType": 2, "grammaticalGender": 1, "source": 1, "concept ids": 1,
				"terms in other languages (fr)":                                               1,
				"language sections tagged with a region (de-ch, en-us), written as de and en": 2,
			},
			note: "corrective lenses",
		},
		{
			// An untyped descrip of the concept: how translate-toolkit's TBX storage (and tools
			// built on it) write an explanation. Built after that layout, not copied.
			name: "untyped descrip", src: "de", tgt: "en",
			tbx: `<?xml version="1.0" encoding="UTF-8"?>
<martif type="TBX" xml:lang="en">
  <text>
    <body>
      <termEntry>
        <langSet xml:lang="de"><tig><term>Minsker Abkommen</term></tig></langSet>
        <langSet xml:lang="en"><tig><term>Minsk agreements</term></tig></langSet>
        <descrip>the 2014 and 2015 ceasefire agreements</descrip>
      </termEntry>
    </body>
  </text>
</martif>`,
			want: map[string]int{},
			note: "the 2014 and 2015 ceasefire agreements",
		},
	} {
		t.Run(tc.name, func(t *testing.T) {
			g, err := ParseWith(strings.NewReader(tc.tbx), "sample.tbx", TBX, Options{Source: tc.src, Target: tc.tgt})
			if err != nil {
				t.Fatal(err)
			}
			if len(g.Unread) != len(tc.want) {
				t.Errorf("Unread = %v, want %v", g.Unread, tc.want)
			}
			for k, n := range tc.want {
				if g.Unread[k] != n {
					t.Errorf("Unread[%q] = %d, want %d (all: %v)", k, g.Unread[k], n, g.Unread)
				}
			}
			if !strings.Contains(g.Entries[0].Note, tc.note) {
				t.Errorf("note = %q, want it to hold %q", g.Entries[0].Note, tc.note)
			}
		})
	}
}

func TestUnreadString(t *testing.T) {
	u := Unread{"concept ids": 3, "partOfSpeech": 12, "context": 3}
	if got, want := u.String(), "12 partOfSpeech, 3 concept ids, 3 context"; got != want {
		t.Errorf("got %q, want %q", got, want)
	}
}

// TestCSVUnread: a Google equivalent-term-set CSV's other languages, pos and regional language
// columns are counted as left out; the description is the note.
func TestCSVUnread(t *testing.T) {
	const sets = "en-US,de-DE,fr-FR,pos,description\n" +
		"Kremlin,Kreml,Kremlin,noun,seat of government\n" +
		"Secretary General,Generalsekretär,Secrétaire général,noun,\n"
	g, err := ParseWith(strings.NewReader(sets), "google.csv", CSV, Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := Unread{"terms in other languages (fr-fr)": 2, `cells of column "pos"`: 2,
		"language columns tagged with a region (en-us, de-de), written as de and en": 2}
	if g.Unread.String() != want.String() {
		t.Errorf("Unread = %v\nwant      %v", g.Unread, want)
	}
	if g.Entries[0].Note != "seat of government" {
		t.Errorf("note %q", g.Entries[0].Note)
	}
	// bitext's own TSV leaves nothing out.
	g, err = ParseWith(strings.NewReader("de\ten\tnote\nKreml\tKremlin\tseat of government\n"), "t.tsv", TSV, Options{})
	if err != nil || len(g.Unread) != 0 {
		t.Errorf("own TSV: %v, Unread %v", err, g.Unread)
	}
}

// TestLoadTooLargeBeforeReading: a file over the size limit is refused by its size, before a
// byte is read (a 2 GB file took 600 MB of memory to be refused).
func TestLoadTooLargeBeforeReading(t *testing.T) {
	p := filepath.Join(t.TempDir(), "big.tsv")
	f, err := os.Create(p)
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Truncate(maxFileSize + 1); err != nil { // sparse: no disk, no memory
		t.Skip(err)
	}
	f.Close()
	if _, err := Load(p); err == nil || !strings.Contains(err.Error(), "larger than 256 MiB") {
		t.Errorf("Load: %v, want larger than 256 MiB", err)
	}
}
