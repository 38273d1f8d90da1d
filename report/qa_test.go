package report

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
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
		// The link's text is German left as it was: English has "Memory maps".
		{`<link xref="memory-map-use">Speicherzuordnungen</link>`, `<link xref="memory-map-use">Speicherzuordnungen</link>`, true},
		{"<em>Die Lage ist ernst.</em>", "<em>Die Lage ist ernst.</em>", true},
	}
	for _, tt := range tests {
		if got := untranslated(tt.src, tt.tgt) != ""; got != tt.flagged {
			t.Errorf("untranslated(%q, %q) = %v, want %v", tt.src, tt.tgt, got, tt.flagged)
		}
	}
}

// Strings of the kinds the reviewer found in Salesforce's German–English localisation dev set
// (CC BY-NC 4.0: measured there, see testdata/SOURCES.md; these are this project's): UI strings
// copied unchanged are German however short, while identifiers, code and English product
// names are the same in both languages, and short English labels are English. Before, every
// identical string of three or more words was flagged (FLOW_INTERVIEW_RESUMED counted as three)
// and every shorter one passed ("Lieferung").
func TestUntranslatedUIStrings(t *testing.T) {
	tests := []struct {
		src, tgt string
		flagged  bool
	}{
		// German strings copied
		{"Lieferung", "Lieferung", true},
		{"Menüleiste anzeigen", "Menüleiste anzeigen", true},
		{"Benutzerdefinierte Dateifelder (max. 5)", "Benutzerdefinierte Dateifelder (max. 5)", true},
		{"Beiträge, deren Freigabe noch aussteht.", "Beiträge, deren Freigabe noch aussteht.", true},
		{"Einrichten einer neuen Startseite", "Einrichten einer neuen Startseite", true},
		{"Projekt-Einrichtung – Grundlagen", "Projekt-Einrichtung – Grundlagen", true},
		{"Stellt Informationen über Themen, Benutzer usw. bereit.", "Stellt Informationen über Themen, Benutzer usw. bereit.", true},
		// identifiers, code, paths and English names, the same in both languages
		{"FLOW_INTERVIEW_RESUMED", "FLOW_INTERVIEW_RESUMED", false},
		{"a0j36000008xiJmAAI", "a0j36000008xiJmAAI", false},
		{"blng__BilledTax__c", "blng__BilledTax__c", false},
		{"Case.Last_Case_Comment", "Case.Last_Case_Comment", false},
		{"post.ReplyTo.IsOutbound", "post.ReplyTo.IsOutbound", false},
		{"data/bestdeals/fr.html", "data/bestdeals/fr.html", false},
		{"lightning:path (Beta)", "lightning:path (Beta)", false},
		{"&lt;date_column_name&gt;_day_epoch", "&lt;date_column_name&gt;_day_epoch", false},
		{"Map&lt;String, state[]&gt;", "Map&lt;String, state[]&gt;", false},
		{"Adobe Experience Manager", "Adobe Experience Manager", false},
		{"Active Users By Posts", "Active Users By Posts", false},
		{"128-bit Advanced Encryption Standard (AES)", "128-bit Advanced Encryption Standard (AES)", false},
		// short English labels a trigram model takes for German
		{"Klicken Sie auf Open (Öffnen).", "Click Open.", false},
		{"Veröffentlichen von Site-Änderungen", "Publish site changes", false},
		{"Brutto-Rollup", "Gross Rollup", false},
		{"Löschen des Zeitplans einer Liste", "Delete a List’s Schedule", false},
	}
	for _, tt := range tests {
		if got := untranslated(tt.src, tt.tgt); (got != "") != tt.flagged {
			t.Errorf("untranslated(%q, %q) = %q, want flagged %v", tt.src, tt.tgt, got, tt.flagged)
		}
	}
}

// A German UI word copied unchanged, the commonest untranslated string of a localisation file,
// has no function word, ending or umlaut to give it away; dewords.txt (German words English
// subtitles do not use) does. Before, none of these copies was flagged. Words English uses too,
// loans and names stay unflagged, because the list leaves out what English subtitles say
// nearly as often, and a copy holding a word only English uses (enwords.txt) is not counted
// German. The words are common German UI vocabulary as in GNOME Calculator's and Xournal++'s
// German catalogs and the brief's list, where this was measured (testdata/SOURCES.md); with the
// lists, recall of copies rose from 0.905 to 0.929 on Salesforce's dev set and from 0.600 to
// 0.758 on those catalogs, precision staying 1.000.
func TestUntranslatedGermanWordCopies(t *testing.T) {
	tests := []struct {
		text    string
		flagged bool
	}{
		{"Fehler", true},
		{"Auswahl", true},
		{"Datei", true},
		{"Hilfe", true},
		{"Speichern", true},
		{"Bearbeiten", true},
		{"Ansicht", true},
		{"Drucken", true},
		{"Fenster", true},
		{"Neues Fenster", true},
		{"Hilfe anzeigen", true},
		{"PDF Dateien", true},
		{"Fehler: %s", true},
		// English words common in German too, names, and words of both languages
		{"Computer", false},
		{"Team", false},
		{"Start", false},
		{"Status", false},
		{"Name", false},
		{"Hotel", false},
		{"Berlin", false},
		{"Angela Merkel", false},
		{"Gift", false},
		{"Rat", false},
		{"Bad", false},
		{"Hut", false},
		{"Kind", false},
		{"Pause", false},
		{"Links", false},
		// an English label with a loan German uses too ("Krone")
		{"Danish Krone", false},
		{"Norwegian Krone", false},
	}
	for _, tt := range tests {
		if got := untranslated(tt.text, tt.text); (got != "") != tt.flagged {
			t.Errorf("untranslated(%q, %q) = %q, want flagged %v", tt.text, tt.text, got, tt.flagged)
		}
	}
	// The list speaks only of a copy: an English output with such a word is for other checks.
	for _, tt := range []struct{ src, tgt string }{
		{"Fenster", "Window"},
		{"Neues Fenster öffnen", "Open a new Fenster"},
	} {
		if got := untranslated(tt.src, tt.tgt); got != "" {
			t.Errorf("untranslated(%q, %q) = %q, want not flagged", tt.src, tt.tgt, got)
		}
	}
}

// A doubled ending, as the reviewer's perturbation of Salesforce's dev set made them (measured
// there; these sentences are this project's): the output's last words again ("… of the deleted
// folder are removed. deleted folder are removed."), which
// the check for a word group three times in a row did not see.
func TestRepeatedEnding(t *testing.T) {
	const src653 = "Ordner löschen. Alle Dateien und Freigaben des gelöschten Ordners werden entfernt."
	const ref653 = "Deletes a folder. All files and shares of the deleted folder are removed."
	const src1856 = "Sie können eigene Aktionen anlegen und eigene Aktionslisten anpassen"
	const ref1856 = "You can create custom actions and adapt custom action lists"
	tests := []struct {
		src, tgt string
		want     string
	}{
		{src653, ref653, ""},
		{src653, ref653 + " deleted folder are removed.", "repeated"},
		{src1856, ref1856, ""},
		{src1856, ref1856 + " custom action lists", "repeated"},
		// one word twice is emphasis or a name ("very, very"), not a doubled phrase
		{src653, ref653 + " family.", ""},
		// a source that ends doubled may be translated so
		{"Ja, genau. Ja, genau.", "Yes, exactly. Yes, exactly.", ""},
	}
	for _, tt := range tests {
		got := CheckQA([]string{tt.src}, []string{tt.tgt}, QAOptions{})
		if k := kinds(got[0]); k != tt.want {
			t.Errorf("%q: flags %q %v, want %q", tt.tgt, k, got[0], tt.want)
		}
	}
}

// An empty output is flagged empty and not checked against the glossary: every term "missing"
// would say nothing about a translation, and check leaves such a pair unchecked too, so the two
// commands count the same glossary findings.
func TestEmptyOutputNotCheckedAgainstGlossary(t *testing.T) {
	glossary := func(s, t string) []Flag {
		return []Flag{{Kind: "missing", Term: "Produktfamilie", Expected: "product family"}}
	}
	got := CheckQA([]string{"Produktfamilie löschen.", "Produktfamilie löschen."}, []string{"", " "}, QAOptions{Glossary: glossary})
	for i, fs := range got {
		if k := kinds(fs); k != "empty" {
			t.Errorf("segment %d: flags %q, want only empty", i+1, k)
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

// FuzzUntranslated checks that no text makes the checks of a pair panic, that a token with an
// underscore, code and never prose, is never called untranslated, however German its letters,
// and that a doubled ending is how the output ends.
func FuzzUntranslated(f *testing.F) {
	for _, s := range []string{"Lieferung", "FLOW_INTERVIEW_RESUMED", "Menüleiste anzeigen", "<em>Die Lage ist ernst.</em>",
		"&lt;date_column_name&gt;_day_epoch", "Map&lt;String, state[]&gt;", "#URL1#", "{!URLENCODE(foo_c)}"} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, src, tgt string) {
		untranslated(src, tgt)
		if end := doubledEnding(tgt); end != "" && !strings.HasSuffix(strings.TrimRightFunc(tgt, unicode.IsSpace), end) {
			t.Errorf("doubled ending %q is not how %q ends", end, tgt)
		}
		if strings.ContainsFunc(tgt, unicode.IsSpace) {
			return
		}
		id := tgt + "_x"
		if r := untranslated(id, id); r != "" {
			t.Errorf("identifier %q flagged: %s", id, r)
		}
	})
}
