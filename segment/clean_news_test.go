package segment

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// The lines below are written for these tests in the shape German news pages use; none is
// copied from a page.
func TestNewsDebris(t *testing.T) {
	tests := []struct {
		kind BlockKind
		text string
		want string
	}{
		// Debris.
		{Paragraph, "(Foto: Anna Beispiel/dpa)", ""}, // inline rule, not a block rule
		{Paragraph, "Foto: Anna Beispiel/dpa", "photo credit"},
		{Paragraph, "Bildrechte: IMAGO / Beispielbild", "photo credit"},
		{Heading, "Bildquelle: picture alliance", "photo credit"},
		{Paragraph, "© dpa-infocom, dpa:240101-99-123456/2", "copyright or agency line"},
		{Paragraph, "Copyright © Beispielverlag 2024. Alle Rechte vorbehalten.", "copyright or agency line"},
		{Paragraph, "Lesen Sie auch: Wie der Stadtrat über den Haushalt entscheidet", "link to a related article"},
		{Paragraph, "Mehr zu diesem Thema", "link to a related article"},
		{Paragraph, "Mehr: Was der neue Tarif für Pendler bedeutet", "link to a related article"},
		{Paragraph, "Alle Nachrichten aus der Region finden Sie hier.", "link to more articles"},
		{Paragraph, "Verpasse keine News mehr: Folge uns auf WhatsApp!", "newsletter prompt"},
		{Paragraph, "Das Wichtigste des Tages im Postfach: Abonnieren Sie unseren kostenlosen Newsletter.", "newsletter prompt"},
		{Paragraph, "Haben Sie einen Fehler gefunden? Schicken Sie uns Ihr Feedback.", "feedback prompt"},
		{Paragraph, "Artikel auf Facebook teilen", "sharing prompt"},
		{Paragraph, "Von Anna Beispiel und Ben Muster, Berlin", "byline (author)"},
		{Paragraph, "Ein Kommentar von Carla Probe", "byline (author)"},
		{Paragraph, "Kolumne von Carla Probe", "byline (author)"},
		{Heading, "Schreibe einen Kommentar", "comment section prompt"},
		{Heading, "Sonntag, 14. April 2019", "dateline or timestamp"},
		{Heading, "April 2019", ""},
		{Heading, "14. April 2019: Der Bach wird sauber", ""},
		{Heading, "2019", ""},
		{Heading, "2 Kommentare", "comment section prompt"},
		{Heading, "Folgst du schon dem Stadtanzeiger auf WhatsApp?", "social media or app prompt"},
		{Paragraph, "abc, xyz; Foto [M]: Beispielagentur; Erstveröffentlichung: 4.4.18", "photo credit"},
		{Heading, "Kommentar: Warum der Stadtrat irrt", ""},
		{Paragraph, "Er kam; Foto: keins, sagte er", ""},
		{Paragraph, "Stand: 28.04.2023 17:23 Uhr", "dateline or timestamp"},
		{Paragraph, "Veröffentlicht am 3. Oktober 2024 um 20.15 Uhr", "dateline or timestamp"},
		{Paragraph, "Anna Beispiel, NDR 28.04.2020 21:38 Uhr", "dateline or timestamp"},
		{Paragraph, "16.05.2024, 11:26 Uhr • Lesezeit: 5 Minuten", "dateline or timestamp"},
		// Reading times alone (AFP Faktencheck, t-online, Salzburger Nachrichten of the fundus
		// pages), and a sentence about reading that is article text.
		{ListItem, "3 Minuten Lesezeit", "dateline or timestamp"},
		{Paragraph, "Lesedauer: 4 Min.", "dateline or timestamp"},
		{Paragraph, "Lesedauer: 4 Minuten", "dateline or timestamp"},
		{Paragraph, "Die Lesezeit beträgt 4 Minuten.", ""},
		{Paragraph, "Lesezeit", ""},
		{Paragraph, "Ich bin damit einverstanden, dass mir externe Inhalte angezeigt werden. Damit können personenbezogene Daten an Drittplattformen übermittelt werden.", "consent prompt for embedded content"},
		{Paragraph, "Dieser Artikel erschien zuerst bei unserem Partnermagazin.", "note on where the article first appeared"},
		{Paragraph, "Lest den Originalartikel auf Englisch hier.", "note on where the article first appeared"},
		{Paragraph, "dpa/AFP", "agency credit"},
		{Paragraph, "02:57 Min.. Verfügbar bis 06.05.2024.", "dateline or timestamp"},
		{ListItem, "Veröffentlicht am 13. Mai 2026 um 15:44", "dateline or timestamp"},
		{ListItem, "Von Anna Beispiel", ""},
		{Paragraph, "Schreibe einen Kommentar Antworten abbrechen", "comment section prompt"},
		{Paragraph, "Deine E-Mail-Adresse wird nicht veröffentlicht. Erforderliche Felder sind mit * markiert", "comment section prompt"},
		{Paragraph, "Du musst angemeldet sein, um einen Kommentar abzugeben.", "comment section prompt"},
		{Paragraph, "Zu den Kommentaren springen.", "comment section prompt"},
		{Paragraph, "Folgst du schon dem Stadtanzeiger auf WhatsApp?", "social media or app prompt"},
		{Paragraph, "Folgen Sie uns auf Instagram und Facebook", "social media or app prompt"},
		{Paragraph, "Teilen mit:", "sharing prompt"},
		{Paragraph, "Gefällt mir Wird geladen …", "sharing prompt"},
		{Paragraph, "Dieser Eintrag wurde veröffentlicht in Allgemein und verschlagwortet mit Garten, Herbst von Beispielautorin. Setze ein Lesezeichen auf den Permalink.", "post metadata (categories, tags, permalink)"},
		{Paragraph, "Schlagwörter: Garten, Herbst, Kompost", "post metadata (categories, tags, permalink)"},
		{Paragraph, "Kategorien: Allgemein", "post metadata (categories, tags, permalink)"},
		{Paragraph, "← Vorheriger Beitrag: Die Tomaten sind reif", "link to the previous or next post"},
		{Paragraph, "Nächster Beitrag Ein Spaziergang an der Lahn →", "link to the previous or next post"},
		{Paragraph, "Ähnliche Beiträge", "link to a related article"},
		{Paragraph, "Original-Content von: Beispiel GmbH, übermittelt durch news aktuell", "note on where the article first appeared"},
		{Paragraph, "Veröffentlicht am 31. Mai 2012 von admin", "dateline or timestamp"},
		{Paragraph, "Geschrieben am 15. April 2025 in Nachrichten", "dateline or timestamp"},
		{Paragraph, "12. Mai 2015 von wanderwart", "dateline or timestamp"},
		{Paragraph, "12.05.2015 von Anna Beispiel", "dateline or timestamp"},
		{Paragraph, "Aktualisiert am 12.03. um 20.15 Uhr", "dateline or timestamp"},
		{Paragraph, "28.04. 17:23 Uhr", "dateline or timestamp"},
		{Paragraph, "3.3. Prüfraum", ""}, // section headings, see TestSectionNumbersAreNoDates
		{Paragraph, "2.4 Rücknahmestellen", ""},
		{Paragraph, "3. Oktober 1990 von Helmut Kohl unterzeichnet", ""},
		{Paragraph, "14. April 2019 · Kategorie: Aktionen", "dateline or timestamp"},
		{Paragraph, "3 Kommentare", "comment section prompt"},
		{Paragraph, "Ein Gedanke zu „Kompost im Herbst“", "comment section prompt"},
		{Paragraph, "Kommentare (12)", "comment section prompt"},
		{Paragraph, "Anzeige", "advertisement label"},
		{Paragraph, "Drucken", "sharing or print button"},
		{Paragraph, "Sie sind hier: Startseite » Aktuelles", "breadcrumbs"},
		{Paragraph, "Startseite › Blog › Kompost im Herbst", "breadcrumbs"},
		{Paragraph, "Diese Website verwendet Cookies. Wenn du die Website weiter nutzt, gehen wir von deinem Einverständnis aus.", "cookie notice"},
		// Pointers to the site's own coverage, from pages of the extraction development set
		// (BR_2026_04_15.html, ZDF_2024_04_22.html), and sentences of the same words that are
		// article text: UD German GSD dev ("… in unserem Wintergarten, …") and written here.
		{ListItem, "Zum Artikel: Tarifrunde im ÖPNV: Das wird verhandelt", "link to a related article"},
		{Paragraph, "Mehr zur Lage im Nahen Osten lesen Sie in unserem Liveblog:", "link to more articles"},
		{Paragraph, "Alle Hintergründe zur Wahl finden Sie in unserem Dossier.", "link to more articles"},
		{Paragraph, "Leider kein Paradies, sondern ein Glashaus voller Mängel erwartete uns in unserem Wintergarten, der von der Firma Wintergartenbau gefertigt wurde.", ""},
		{Paragraph, "Was Sie in unserem Test finden, lesen Sie nirgends sonst.", ""},
		{Paragraph, "Zum Artikel 5 des Grundgesetzes gibt es eine lange Rechtsprechung.", ""},
		// Placeholders of embedded content (Tagesspiegel_2024_04_29.html of the extraction
		// development set, and the same sentence of another site's page).
		{Paragraph, "An dieser Stelle finden Sie einen von unseren Redakteuren ausgewählten, externen Inhalt, der den Artikel für Sie mit zusätzlichen Informationen anreichert. Sie können sich hier den externen Inhalt mit einem Klick anzeigen lassen oder wieder ausblenden.", "consent prompt for embedded content"},
		{Paragraph, "An dieser Stelle findest du einen externen Inhalt von YouTube, der den Artikel ergänzt.", "consent prompt for embedded content"},
		{Paragraph, "An dieser Stelle soll aber die Rede sein von einer anderen Rangliste.", ""},
		// Disclaimers on guests' and readers' texts (DiePresse_2025_06_05.html and
		// DerStandard_2024_05_03.html of the extraction development set), and a report of one.
		{Paragraph, "Gastkommentare und Beiträge von externen Autorinnen und Autoren wie dieser hier müssen nicht der Meinung der Redaktion entsprechen.", "disclaimer on guest or readers' contributions"},
		{Paragraph, "Die Kommentare im Forum geben nicht notwendigerweise die Meinung der Redaktion wieder.", "disclaimer on guest or readers' contributions"},
		{Paragraph, "Der Gastbeitrag gebe nicht die Meinung der Redaktion wieder, sagte der Chefredakteur.", ""},
		{Paragraph, "Die Meinung der Redaktion ist nicht gefragt.", ""},
		// Article text that looks close.
		{Paragraph, "Ein Kommentar zur Lage der Nation", ""},
		{Paragraph, "3 Antworten auf die Frage, warum der Bus zu spät kam", ""},
		{Paragraph, "Werbung wirkt.", ""},
		{Paragraph, "Startseite / Impressum", ""},
		{Paragraph, "Wir verwenden Cookies nur, wenn Nutzer zustimmen, sagte der Datenschutzbeauftragte bei der Anhörung.", ""},
		{Paragraph, "Am 31. Mai 2012 kam der Brief von admin zurück.", ""},
		{Paragraph, "Treffen am 12. Januar in Genf", ""},
		{Paragraph, "Rückkehr am 12. Januar von Paris", ""},
		{Paragraph, "Kommentare lesen viele Nutzer gar nicht, sagt die Forscherin. Sie überfliegen nur die Überschrift.", ""},
		{Paragraph, "Kommentar schreiben, löschen, neu schreiben: So ging es bei ihm die ganze Nacht, bis der Text endlich stand und er ihn abschickte.", ""},
		{Paragraph, "Folgen Sie der Spur des Geldes, sagte der Ermittler.", ""},
		{Paragraph, "Folge dem Fluss bis zur Brücke, dann links.", ""},
		{Paragraph, "Veröffentlicht in der Zeitschrift Nature wurde die Studie im Mai.", ""},
		{Paragraph, "Tags: An diesen Tagen bleibt das Museum geschlossen.", ""},
		{Paragraph, "Nächster Beitrag der Stadt zum Klimaschutz soll ein Solardach auf dem Rathaus sein, kündigte der Bürgermeister an.", ""},
		{Paragraph, "AP", "agency credit"},
		{Paragraph, "Die AP berichtete zuerst.", ""},
		{ListItem, "03.10.1990: Deutschland ist wiedervereinigt", ""},
		{Paragraph, "Die Frist läuft bis 06.05.2024.", ""},
		{Paragraph, "Ich bin damit nicht einverstanden, sagte die Bürgermeisterin.", ""},
		{Paragraph, "Dieser Artikel des Grundgesetzes wurde 1994 geändert.", ""},
		{Paragraph, "Von dort aus fuhr der Konvoi weiter nach Kiew.", ""},
		{Paragraph, "Von Anna Beispiel stammt der Satz, der alles veränderte.", ""},
		{Paragraph, "Mehr über die Hälfte der Befragten lehnt den Plan ab.", ""},
		{Paragraph, "Foto-Ausstellungen sind in diesem Sommer besonders gefragt.", ""},
		{Paragraph, "Am 3. Oktober 1990 trat die DDR der Bundesrepublik bei.", ""},
		{Paragraph, "Die Sitzung beginnt um 20.15 Uhr im Rathaus.", ""},
		{Paragraph, "Copyright-Fragen beschäftigen die Gerichte seit Jahren.", ""},
		{Paragraph, "Der Newsletter der Stadt erreicht inzwischen 20.000 Leser, sagte die Sprecherin.", ""},
		{Paragraph, "Wer den Beitrag teilen will, braucht ein Konto.", ""},
		{Heading, "3. Oktober 1990", ""},
		{Heading, "Von Anna Beispiel", ""},
		{Paragraph, "16.05.2024, 11:26 Uhr", "dateline or timestamp"},
		{Paragraph, "Veröffentlicht am 03.10.2024", "dateline or timestamp"},
		{Paragraph, "Sonntag, 14. April 2019", "dateline or timestamp"},
		// A bare date is no timestamp (nothing marks it as one) and an ISBN, a phone number or
		// a year range is no date.
		{Paragraph, "03.10.1990", ""},
		{Paragraph, "Tel. 0711/8990-0", ""},
		{Paragraph, "Saison 2017-2026", ""},
		// Real text that was removed as a timestamp: entries of a bibliography and a birth date
		// in a table, from the German Wikipedia article "Ralf Isau" (CC BY-SA, see
		// testdata/segment/SOURCES.md).
		{ListItem, "Der Drache Gertrud. 1994, ISBN 3-522-17358-9", ""},
		{ListItem, "Der Silberne Sinn. 2003, ISBN 3-404-15234-4", ""},
		{ListItem, "Die Dunklen. 2007, ISBN 3-492-70139-6", ""},
		{ListItem, "Messias. 2009, ISBN 3-492-70142-6", ""},
		{ListItem, "Der Tränenpalast. 2008, ISBN 978-3-522-18087-0", ""},
		{ListItem, "Metropoly. 2008, ISBN 978-3-522-18088-7", ""},
		{ListItem, "Der Feuerkristall. 2009, ISBN 978-3-522-18171-6", ""},
		{Paragraph, "Der Feuerkristall. 2009, ISBN 978-3-522-18171-6", ""},
		{Paragraph, "1. November 1956", ""},
	}
	for _, tt := range tests {
		if got := newsDebris(rawBlock{Kind: tt.kind, Text: tt.text}); got != tt.want {
			t.Errorf("newsDebris(%s %q) = %q, want %q", tt.kind, tt.text, got, tt.want)
		}
	}
}

func TestInlineDebris(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Der Bürgermeister eröffnete die Brücke (Foto: Anna Beispiel/dpa) am Montag.", "Der Bürgermeister eröffnete die Brücke am Montag."},
		{"Das neue Modell (Bild: Hersteller) kommt im Mai.", "Das neue Modell kommt im Mai."},
		{"Die Halle [Foto: Archiv] wird abgerissen.", "Die Halle wird abgerissen."},
		{"Der Umsatz stieg (siehe Grafik) deutlich.", "Der Umsatz stieg (siehe Grafik) deutlich."},
		{"Die Partei (Foto-AG) tagt.", "Die Partei (Foto-AG) tagt."},
		{"Das Werk schließt Ende des Jahres. Anna Beispiel, NDR 28.04.2020 21:38 Uhr", "Das Werk schließt Ende des Jahres."},
		{"Das Werk schließt Ende des Jahres. Von Anna Beispiel", "Das Werk schließt Ende des Jahres."},
		{"Das Werk schließt. Von dort zieht die Firma nach Polen.", "Das Werk schließt. Von dort zieht die Firma nach Polen."},
		{"Der Hafen am frühen Morgen. Bildrechte: IMAGO", "Der Hafen am frühen Morgen."},
		{"Spontane Tanzeinlage des Publikums | Bild: Anna Beispiel/rbb", "Spontane Tanzeinlage des Publikums"},
		{"Er sagte: Bild: Das ist die Zeitung, die er liest.", "Er sagte: Bild: Das ist die Zeitung, die er liest."},
		{"Die Zeitung titelte. Bild: Der Kanzler tritt zurück.", "Die Zeitung titelte. Bild: Der Kanzler tritt zurück."},
		// Credits glued to the caption (names written for this test).
		{"Ein Verletzter wird in die Klinik gebracht.Anna Beispiel/dpa", "Ein Verletzter wird in die Klinik gebracht."},
		{"Feuerwehrleute löschen den Brand am Hafen. Ben Muster/dpa", "Feuerwehrleute löschen den Brand am Hafen."},
		{"Der Kanzler spricht im Bundestag.picture alliance / dpa", "Der Kanzler spricht im Bundestag."},
		{"Blick auf das Rathaus von oben.Jan van Muster/dpa-Zentralbild", "Blick auf das Rathaus von oben."},
		{"Die Abgeordneten stimmten zu. Die Union/dpa", "Die Abgeordneten stimmten zu. Die Union/dpa"},
		{"Die Abgeordneten stimmten zu. CDU/CSU", "Die Abgeordneten stimmten zu. CDU/CSU"},
		{"Die Fraktion tagte. Das teilten Union und SPD/dpa mit", "Die Fraktion tagte. Das teilten Union und SPD/dpa mit"},
		{"Ja.Anna Beispiel/dpa", "Ja.Anna Beispiel/dpa"},
		{"Er lächelt. Das meldete die Agentur/dpa", "Er lächelt. Das meldete die Agentur/dpa"},
		// Real text (German Wikipedia, "Ralf Isau", CC BY-SA): a title, its year and ISBN.
		{"Das Wasser von Silmao. 2006, ISBN 3-522-17747-9", "Das Wasser von Silmao. 2006, ISBN 3-522-17747-9"},
		{"Das Werk schließt. Stand: 28.04.2023 17:23 Uhr", "Das Werk schließt."},
	}
	for _, tt := range tests {
		var removed []Removal
		got := stripGluedDateline(stripInlineCredits(tt.in, 1, &removed), "de", 1, &removed)
		if got != tt.want {
			t.Errorf("%q → %q, want %q", tt.in, got, tt.want)
		}
		if (got != tt.in) != (len(removed) > 0) {
			t.Errorf("%q: changes listed %v", tt.in, removed)
		}
	}
}

// TestExplainNewsDebris is a golden test of `bitext segment --explain` on a news page with the
// debris German sites leave around and inside an article.
func TestExplainNewsDebris(t *testing.T) {
	page := `<html><head><title>Stadtrat beschließt neuen Haushalt - Beispielzeitung</title></head><body>
<article>
<h1><span class="kicker">Kommunalpolitik</span><span class="headline">Stadtrat beschließt neuen Haushalt</span></h1>
<p>Stand: 12.03.2024 18:05 Uhr</p>
<p>Von Anna Beispiel</p>
<p>Der Stadtrat hat am Dienstagabend den Haushalt für das kommende Jahr beschlossen (Foto: Ben Muster/dpa). Die Opposition stimmte dagegen.</p>
<p>Bildrechte: Beispielagentur</p>
<p>Die Stadt will vor allem in Schulen und Radwege investieren. Der Kämmerer sprach von einem soliden Plan, der ohne neue Schulden auskomme.</p>
<p>Lesen Sie auch: Wie die Nachbarstadt ihre Schulden abbaut</p>
<p>Im Herbst soll ein Nachtragshaushalt folgen, falls die Gewerbesteuer weiter sinkt.</p>
<p>Verpassen Sie keine Nachrichten aus Ihrer Stadt: Abonnieren Sie unseren Newsletter.</p>
<p>© dpa-infocom, dpa:240312-99-000001/1</p>
</article></body></html>`
	doc, err := Read(strings.NewReader(page), "a.html", Options{})
	if err != nil {
		t.Fatal(err)
	}
	wantBlocks := []string{
		"heading/1: Stadtrat beschließt neuen Haushalt",
		"paragraph: Der Stadtrat hat am Dienstagabend den Haushalt für das kommende Jahr beschlossen. Die Opposition stimmte dagegen.",
		"paragraph: Die Stadt will vor allem in Schulen und Radwege investieren. Der Kämmerer sprach von einem soliden Plan, der ohne neue Schulden auskomme.",
		"paragraph: Im Herbst soll ein Nachtragshaushalt folgen, falls die Gewerbesteuer weiter sinkt.",
	}
	if diff := cmp.Diff(wantBlocks, blockSummary(doc.Blocks)); diff != "" {
		t.Errorf("blocks (-want +got):\n%s", diff)
	}
	wantExplain := []string{
		`a.html: split "Kommunalpolitik": Dachzeile (kicker) split from the headline`,
		`a.html: removed "Stand: 12.03.2024 18:05 Uhr": dateline or timestamp`,
		`a.html: removed "Von Anna Beispiel": byline (author)`,
		`a.html: removed "(Foto: Ben Muster/dpa)": photo credit in " beschlossen (Foto: Ben Muster/dpa). Die "`,
		`a.html: removed "Bildrechte: Beispielagentur": photo credit`,
		`a.html: removed "Lesen Sie auch: Wie die Nachbarstadt ihre Schulden abbaut": link to a related article`,
		`a.html: removed "Verpassen Sie keine Nachrichten aus Ihrer Stadt: Abonnieren Sie unseren Newsletter.": newsletter prompt`,
		`a.html: removed "© dpa-infocom, dpa:240312-99-000001/1": copyright or agency line`,
		`a.html: removed "Kommunalpolitik": short line above the title (site name or section label)`,
	}
	if diff := cmp.Diff(wantExplain, explainLines(doc)); diff != "" {
		t.Errorf("explain (-want +got):\n%s", diff)
	}
	// With --keep-boilerplate nothing of this goes.
	kept, err := Read(strings.NewReader(page), "a.html", Options{KeepBoilerplate: true})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(blockSummary(kept.Blocks), "\n"); !strings.Contains(got, "Von Anna Beispiel") || !strings.Contains(got, "(Foto: Ben Muster/dpa)") {
		t.Errorf("--keep-boilerplate removed debris:\n%s", got)
	}
}

// TestSmallArticlePage: a short page inside <article> keeps its paragraphs apart (trafilatura's
// baseline rescue would run them together); trafilatura's own short extraction is taken over
// readability's (which takes the whole page), so the caption goes as outside the article.
func TestSmallArticlePage(t *testing.T) {
	page := `<html><body><article><h1>Titel des Artikels hier</h1><p>Alles wird teurer, nur nicht der Nahverkehr, sagte der Sprecher am Montag in der Stadt. Die Zahlen stiegen.</p><figure><img src="x.jpg"><figcaption>Mit dem Bus in die Stadt. Bild: Anna Beispiel</figcaption></figure><p>Noch ein langer Absatz im Artikel, der genug Text hat, damit die Extraktion ihn als Artikeltext sieht.</p></article></body></html>`
	doc, err := Read(strings.NewReader(page), "a.html", Options{})
	if err != nil {
		t.Fatal(err)
	}
	want := []string{
		"heading/1: Titel des Artikels hier",
		"paragraph: Alles wird teurer, nur nicht der Nahverkehr, sagte der Sprecher am Montag in der Stadt. Die Zahlen stiegen.",
		"paragraph: Noch ein langer Absatz im Artikel, der genug Text hat, damit die Extraktion ihn als Artikeltext sieht.",
	}
	if diff := cmp.Diff(want, blockSummary(doc.Blocks)); diff != "" {
		t.Errorf("blocks (-want +got):\n%s", diff)
	}
	if got := strings.Join(explainLines(doc), "\n"); !strings.Contains(got, `removed "Mit dem Bus in die Stadt. Bild: Anna Beispiel": outside the main article (trafilatura, short page)`) {
		t.Errorf("caption not listed:\n%s", got)
	}
}

func TestIsAuthorNote(t *testing.T) {
	tests := []struct {
		text string
		want bool
	}{
		{"Anna Beispiel ist Redakteurin im Ressort Politik.", true},
		{"Ben Muster arbeitet als Korrespondent in Kiew und berichtet über die Ukraine.", true},
		{"Carla Probe ist ZDF-Reporterin für das Berichtsgebiet Russland, Ukraine und Belarus.", true},
		{"Die Bürgermeisterin ist Redakteurin eines Stadtmagazins gewesen, bevor sie kandidierte.", false},
		{"Anna Beispiel ist seit zwölf Jahren Mitglied des Stadtrats.", false},
		{"Der Autor dieses Buches ist unbekannt.", false},
		{"Anna Beispiel ist Journalistin und Reporterin, hält sich für eine Zynikerin. Das scheint keine Koketterie zu sein.", false},
	}
	for _, tt := range tests {
		if got := isAuthorNote(tt.text); got != tt.want {
			t.Errorf("isAuthorNote(%q) = %v, want %v", tt.text, got, tt.want)
		}
	}
}

// TestTrailingCredit: a photo credit ending a caption goes, after a sentence end or a bar;
// a caption that merely mentions a photo stays whole.
func TestTrailingCredit(t *testing.T) {
	tests := []struct{ in, want, credit string }{
		{"Mit dem Bus in die Stadt. Bild: Anna Beispiel", "Mit dem Bus in die Stadt.", "Bild: Anna Beispiel"},
		{"Spontane Tanzeinlage | Bild: Anna Beispiel/rbb", "Spontane Tanzeinlage", "Bild: Anna Beispiel/rbb"},
		{"Der Hafen am Morgen. Bildrechte: IMAGO", "Der Hafen am Morgen.", "Bildrechte: IMAGO"},
		{"Das Foto: ein Dokument seiner Zeit, sagt die Kuratorin.", "Das Foto: ein Dokument seiner Zeit, sagt die Kuratorin.", ""},
		{"Sie zeigte das Bild: Anna Beispiel vor dem Rathaus", "Sie zeigte das Bild: Anna Beispiel vor dem Rathaus", ""},
	}
	for _, tt := range tests {
		var removed []Removal
		if got := stripTrailingCredit(tt.in, 1, &removed); got != tt.want {
			t.Errorf("stripTrailingCredit(%q) = %q, want %q", tt.in, got, tt.want)
		}
		if tt.credit != "" && (len(removed) != 1 || removed[0].Text != tt.credit || removed[0].Reason != "photo credit at the end of a caption") {
			t.Errorf("stripTrailingCredit(%q) removed %+v", tt.in, removed)
		}
		if tt.credit == "" && len(removed) != 0 {
			t.Errorf("stripTrailingCredit(%q) removed %+v", tt.in, removed)
		}
	}
}
