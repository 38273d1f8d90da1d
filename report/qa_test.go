package report

import (
	"fmt"
	"strings"
	"testing"
)

func kinds(fs []Flag) string {
	var k []string
	for _, f := range fs {
		k = append(k, f.Kind)
	}
	return strings.Join(k, ",")
}

func TestCheckQA(t *testing.T) {
	src := []string{
		"Der NATO-Generalsekretär traf den Minister in Berlin.",
		"Die Regierung hat die Pläne am Montag vorgestellt.",
		"Die Regierung hat die Pläne am Montag vorgestellt.",
		"Das Abkommen wurde von beiden Seiten unterzeichnet.",
		"Er sprach mit Journalisten über die Lage.",
		"Die Verhandlungen dauern seit 2,5 Jahren an.",
		"Die Polizei nahm drei Verdächtige fest.",
		"Die Opposition kritisierte den Haushaltsentwurf scharf und forderte Nachbesserungen bei den Sozialausgaben.",
	}
	tgt := []string{
		"The NATO Secretary General met the minister in Berlin.",
		"Die Regierung hat die Pläne am Montag vorgestellt.",
		"",
		"The agreement was signed by both sides.",
		"The agreement was signed by both sides.",
		"The negotiations have been going on for 25 years.",
		"Police arrested arrested arrested three suspects.",
		"Criticism.",
	}
	glossary := func(s, t string) []Flag {
		if strings.Contains(s, "NATO-Generalsekretär") && !strings.Contains(t, "NATO Secretary-General") {
			return []Flag{{Kind: "missing", Term: "NATO-Generalsekretär", Expected: "NATO Secretary-General"}}
		}
		return nil
	}
	got := CheckQA(src, tgt, QAOptions{Glossary: glossary})
	want := []string{"missing", "untranslated", "empty", "", "repeated", "number", "repeated", "length"}
	for i := range want {
		if k := kinds(got[i]); k != want[i] {
			t.Errorf("segment %d (%q): flags %q %v, want %q", i+1, tgt[i], k, got[i], want[i])
		}
	}
	// without sources only target checks run
	got = CheckQA(nil, tgt, QAOptions{})
	if k := kinds(got[2]); k != "empty" {
		t.Errorf("no sources, empty target: %q", k)
	}
	if k := kinds(got[1]); k != "" {
		t.Errorf("no sources, German target flagged %q without a source", k)
	}
}

func TestUntranslatedReadsGerman(t *testing.T) {
	tests := []struct {
		src, tgt string
		flagged  bool
	}{
		{"Die Lage ist ernst.", "Die Lage ist ernst, sagte der Minister.", true},
		{"Die Lage ist ernst.", "The situation is serious, said the minister.", false},
		{"Angela Merkel", "Angela Merkel", false},
		{"Der Außenminister sprach mit dem Kanzler.", "The Außenminister spoke with the Chancellor.", false},
		// GNOME System Monitor's help: markup and a command, the same in English.
		{"<cmd>df -h</cmd>", "<cmd>df -h</cmd>", false},
		{"<gui>p</gui>", "<gui>p</gui>", false},
		{`<link xref="memory-map-use">Speicherzuordnungen</link>`, `<link xref="memory-map-use">Speicherzuordnungen</link>`, false},
		{"<em>Die Lage ist ernst.</em>", "<em>Die Lage ist ernst.</em>", true},
	}
	for _, tt := range tests {
		if got := untranslated(tt.src, tt.tgt) != ""; got != tt.flagged {
			t.Errorf("untranslated(%q, %q) = %v, want %v", tt.src, tt.tgt, got, tt.flagged)
		}
	}
}

func TestLengthOutliersRobust(t *testing.T) {
	var src, tgt []string
	for i := 0; i < 30; i++ {
		src = append(src, fmt.Sprintf("Dies ist der deutsche Satz Nummer %d mit etwas Text.", i))
		tgt = append(tgt, fmt.Sprintf("This is English sentence number %d with some text.", i))
	}
	tgt[7] = "This is English sentence number 7 with some text, and then a great deal of added material."
	flags := CheckQA(src, tgt, QAOptions{})
	for i, f := range flags {
		want := ""
		if i == 7 {
			want = "length"
		}
		if k := kinds(f); k != want {
			t.Errorf("segment %d: %q, want %q", i+1, k, want)
		}
	}
}
