package qa

import (
	"strings"
	"testing"
)

// numberCase is a German source, its English translation, and the mentions reported missing
// from and extra in the translation, comma-joined ("" for none).
type numberCase struct {
	src, tgt       string
	missing, extra string
}

func runNumberCases(t *testing.T, tests []numberCase) {
	t.Helper()
	for _, tt := range tests {
		m, e := NumberMismatch(tt.src, tt.tgt)
		if got := strings.Join(m, ","); got != tt.missing {
			t.Errorf("%q → %q: missing %q, want %q", tt.src, tt.tgt, got, tt.missing)
		}
		if got := strings.Join(e, ","); got != tt.extra {
			t.Errorf("%q → %q: extra %q, want %q", tt.src, tt.tgt, got, tt.extra)
		}
	}
}

// The decisions report's checker made: German decimal comma and grouping point, dates, times
// with "Uhr", scale words, small numbers spelled out.
func TestNumberMismatch(t *testing.T) {
	runNumberCases(t, []numberCase{
		{"Die Haftstrafe beträgt 2,5 Jahre.", "The prison sentence is 2.5 years.", "", ""},
		{"Die Haftstrafe beträgt 2,5 Jahre.", "The prison sentence is 25 years.", "2,5 (= 2.5)", "25"},
		{"Die Haftstrafe beträgt 2,5 Jahre.", "The prison sentence is 2,5 years.", "2,5 (= 2.5)", "2,5 (not a number in this language's notation)"},
		{"Es kamen 1.000 Menschen.", "1,000 people came.", "", ""},
		{"Es kamen 1.000 Menschen.", "1.000 people came.", "1.000 (= 1000)", "1.000 (= 1)"},
		// A leading zero groups nothing (GNOME System Monitor help: "0.909 TB" on both sides).
		{"Die Platte zeigt 0.909 TB an.", "The disk shows 0.909 TB.", "", ""},
		{"Es dauerte 0,125 Sekunden.", "It took 0.125 seconds.", "", ""},
		{"Es dauerte 0,125 Sekunden.", "It took 0,125 seconds.", "0,125 (= 0.125)", "0,125 (not a number in this language's notation)"},
		{"Am 15. Dezember trat er zurück.", "He resigned on December 15.", "", ""},
		{"Am 15. Dezember trat er zurück.", "He resigned on 15 December.", "", ""},
		{"Am 15. Dezember trat er zurück.", "He resigned on December 16.", "15. Dezember (= Dec 15)", "December 16"},
		{"Am 15. Dezember 2025 trat er zurück.", "He resigned on December 15, 2025.", "", ""},
		{"Am 15.12.2025 trat er zurück.", "He resigned on 12/15/2025.", "", ""},
		{"Das Treffen beginnt um 14.30 Uhr.", "The meeting starts at 2:30 p.m.", "", ""},
		{"Das Treffen beginnt um 14.30 Uhr.", "The meeting starts at 14:30.", "", ""},
		{"Es geht um 2,5 Millionen Euro.", "It is about 2.5 million euros.", "", ""},
		{"Es geht um 2.500.000 Euro.", "It is about 2.5 million euros.", "", ""},
		{"Es geht um 1,2 Mrd. Euro.", "It is about 1.2 billion euros.", "", ""},
		{"Er hat zwei Kinder.", "He has 2 children.", "", ""},
		{"Er hat 2 Kinder.", "He has two children.", "", ""},
		{"Der Preis stieg um 3,75 Prozent.", "The price rose by 3.75 percent.", "", ""},
		{"Kein Datum hier.", "No date here.", "", ""},
		{"Der FC Bayern gewann am Sonntag mit 4:0 gegen den 1. FC Köln.", "Bayern Munich won 4-0 against 1. FC Köln on Sunday.", "", ""},
		{"Der 34-Jährige soll im Sommer zwei Menschen schwer verletzt haben.", "The 34-year-old is alleged to have seriously injured two people in the summer.", "", ""},
	})
}

// "m" after a number in English: million after a currency sign (British papers: "£300m"),
// otherwise metres or million, whichever the source says.
func TestNumberMismatchMetresOrMillion(t *testing.T) {
	runNumberCases(t, []numberCase{
		{"Der Turm ist 300 m hoch.", "The tower is 300 m high.", "", ""},
		{"Der Turm ist 300 m hoch.", "The tower is 300m high.", "", ""},
		{"Er ist 1,80 m groß.", "He is 1.80 m tall.", "", ""},
		{"Es waren 5 m.", "It was 5 m.", "", ""},
		{"Die Welle war fünf Meter hoch.", "The wave was 5m high.", "", ""},
		{"Der Sprinter lief die 100 m in 9,58 Sekunden.", "The sprinter ran the 100 m in 9.58 seconds.", "", ""},
		{"Der Verein zahlte 100 Millionen Pfund für den Stürmer.", "The club paid £100m for the striker.", "", ""},
		{"Der Verein zahlte 100 Millionen Pfund für den Stürmer.", "The club paid £100 m for the striker.", "", ""},
		{"Das Projekt kostet 5 Mio. Euro.", "The project costs €5m.", "", ""},
		{"Das Projekt kostet 5 Millionen Euro.", "The project costs 5m euros.", "", ""},
		{"Die Stadt hat 3,5 Millionen Einwohner.", "The city has 3.5m inhabitants.", "", ""},
		{"Die Firma erhielt 2,5 Millionen Dollar.", "The firm received $2.5m.", "", ""},
		// A wrong number is still wrong under either reading.
		{"Der Verein zahlte 100 Millionen Pfund.", "The club paid £10m.", "100 Millionen (= 100000000)", "10 m (= 10000000)"},
		{"Der Verein zahlte 6 Millionen Pfund.", "The club paid £5m.", "6 Millionen (= 6000000)", "5 m (= 5000000)"},
		{"Das Projekt kostet 6 Millionen Euro.", "The project costs 5m euros.", "6 Millionen (= 6000000)", "5 m (= 5000000)"},
		{"Der Turm ist 300 m hoch.", "The tower is 30 m high.", "300", "30 m (= 30)"},
		// After a currency sign "m" is money, never length.
		{"Die Mauer ist 300 m lang.", "The wall cost €300m.", "300", "300 m (= 300000000)"},
	})
}

// Thousands grouped by a space, a no-break space or a narrow no-break space.
func TestNumberMismatchSpaceGroups(t *testing.T) {
	runNumberCases(t, []numberCase{
		{"Es kamen 10 000 Menschen.", "10,000 people came.", "", ""},
		{"Es kamen 10\u00a0000 Menschen.", "10,000 people came.", "", ""},
		{"Es kamen 10\u202f000 Menschen.", "10,000 people came.", "", ""},
		{"Es kamen 10 000 Menschen.", "10 000 people came.", "", ""},
		{"Es kamen 10.000 Menschen.", "10\u202f000 people came.", "", ""},
		{"Rund 100 000 russische Soldaten sind an der Grenze stationiert.", "Around 100,000 Russian troops are stationed on the border.", "", ""},
		{"Der Etat beträgt 1 234 567,89 Euro.", "The budget is 1,234,567.89 euros.", "", ""},
		{"Das RKI meldete 34 145 Neuinfektionen.", "The RKI reported 34,145 new infections.", "", ""},
		{"Es kamen 10 000 Menschen.", "100,000 people came.", "10 000 (= 10000)", "100,000 (= 100000)"},
		// A year before a number is not a group: "2030 500" is two numbers.
		{"Bis 2030 500 neue Windräder.", "500 new wind turbines by 2030.", "", ""},
		// Where the translation has the numbers the spaces separate, that reading is taken.
		{"Die Buslinien 12 345 und 678 fahren nicht.", "Bus routes 12, 345 and 678 are not running.", "", ""},
		{"Die Buslinien 12 345 und 678 fahren nicht.", "Bus routes 12,345 and 678 are not running.", "", ""},
		{"Er nannte die Zahlen 3 000 5 000.", "He gave the figures 3,000 and 5,000.", "", ""},
	})
}

// A minus sign is part of a number: lost or added it is a mismatch, unless the other side says
// the sign in words (minus, below zero) or, for a percentage or points, the change (down,
// Rückgang). The reviewer's report of a temperature and an interest rate was silent.
func TestNumberMismatchSign(t *testing.T) {
	runNumberCases(t, []numberCase{
		{"Die Temperatur fiel auf -5 °C.", "The temperature fell to 5 °C.", "-5", "5"},
		{"Der Zins liegt bei 0,3 Prozent.", "The interest rate is -0.3 percent.", "0,3 (= 0.3)", "-0.3"},
		{"Die Temperatur fiel auf \u22125 °C.", "The temperature fell to 5 °C.", "\u22125 (= -5)", "5"},
		{"Die Temperatur fiel auf -5 °C.", "The temperature fell to -5 °C.", "", ""},
		{"Die Temperatur fiel auf -5 °C.", "The temperature fell to minus 5 °C.", "", ""},
		{"Nachts sind es bis zu minus 12 Grad.", "At night it is down to -12 degrees.", "", ""},
		{"Der Umsatz lag bei -5 Prozent.", "Sales were down 5 percent.", "", ""},
		{"Der Umsatz ging um 5 Prozent zurück, ein Rückgang.", "Sales changed by -5 percent.", "", ""},
		{"Von 2010-2015 stieg der Wert.", "From 2010 to 2015 the value rose.", "", ""},
		{"Es steht 5 - 3.", "It is 5 - 3.", "", ""},
	})
}

// Decades by their last two digits are years of either century.
func TestNumberMismatchDecades(t *testing.T) {
	runNumberCases(t, []numberCase{
		{"In den 90er Jahren wuchs die Stadt.", "In the 1990s the city grew.", "", ""},
		{"In den 90er-Jahren wuchs die Stadt.", "In the '90s the city grew.", "", ""},
		{"In den 90er Jahren wuchs die Stadt.", "In the 90s the city grew.", "", ""},
		{"Die 20er Jahre dieses Jahrhunderts.", "The 2020s of this century.", "", ""},
		{"In den 1990er Jahren wuchs die Stadt.", "In the 1990s the city grew.", "", ""},
		{"In den 80er Jahren wuchs die Stadt.", "In the 1990s the city grew.", "80er (= 80)", "1990"},
	})
}

// Clock times: "7 Uhr" is 7 o'clock, which is 7:00 or 19:00.
func TestNumberMismatchOClock(t *testing.T) {
	runNumberCases(t, []numberCase{
		{"Der Zug fährt um 7 Uhr.", "The train leaves at 7 o'clock.", "", ""},
		{"Der Zug fährt um 7 Uhr.", "The train leaves at 7 o’clock.", "", ""},
		{"Der Zug fährt um 7 Uhr.", "The train leaves at seven o'clock.", "", ""},
		{"Der Zug fährt um 7 Uhr.", "The train leaves at 7am.", "", ""},
		{"Der Zug fährt um 7 Uhr.", "The train leaves at 7 a.m.", "", ""},
		{"Der Zug fährt um 7 Uhr.", "The train leaves at 07:00.", "", ""},
		{"Er kam um 19 Uhr.", "He came at 7 p.m.", "", ""},
		{"Er kam um 19 Uhr.", "He came at 7 o'clock in the evening.", "", ""},
		{"Er kam um sieben Uhr.", "He came at seven o'clock.", "", ""},
		{"Er kam um sieben Uhr.", "He came at 7 o'clock.", "", ""},
		{"Er kam um zwölf Uhr.", "He came at 12 o'clock.", "", ""},
		{"Er kaufte eine Uhr für 20 Euro.", "He bought a watch for 20 euros.", "", ""},
		// British papers write a dot between hours and minutes (the Guardian's "10.35am").
		{"Die Sitzung beginnt um 10.35 Uhr.", "The meeting starts at 10.35 a.m.", "", ""},
		{"Die Sitzung beginnt um 14.35 Uhr.", "The meeting starts at 2.35pm.", "", ""},
		{"Die Sitzung beginnt um 14.35 Uhr.", "The meeting starts at 2.45pm today.", "14.35 Uhr (= 14:35)", "2.45pm (= 14:45)"},
		{"Der Zug fährt um 7 Uhr.", "The train leaves at 8 o'clock.", "7 Uhr (= 7:00)", "8 o'clock (= 8:00)"},
		{"Der Zug fährt um 7 Uhr.", "The train leaves at 7 p.m.", "7 Uhr (= 7:00)", "7 p.m. (= 19:00)"},
	})
}

// Identifiers (a letter glued or hyphened to digits) are compared whole: the same line,
// aircraft or summit on both sides, or else their number ("U7" as "line 7").
func TestNumberMismatchIdentifiers(t *testing.T) {
	runNumberCases(t, []numberCase{
		{"Sie nahm die U7 nach Spandau.", "She took the U7 to Spandau.", "", ""},
		{"Sie nahm die U7 nach Spandau.", "She took line 7 to Spandau.", "", ""},
		{"Sie nahm die U7 nach Spandau.", "She took the U6 to Spandau.", "U7", "U6"},
		{"Zwei Frauen warten auf die U-Bahn.", "Two women await the U7 train.", "", "U7"},
		{"Der Airbus A380 landete in Frankfurt.", "The Airbus A380 landed in Frankfurt.", "", ""},
		{"Der Airbus A380 landete in Frankfurt.", "The Airbus A320 landed in Frankfurt.", "A380", "A320"},
		{"Die G7-Staaten trafen sich in Elmau.", "The G7 countries met in Elmau.", "", ""},
		{"Die Zahl der Covid-19-Fälle stieg auf 387,9.", "The number of COVID-19 cases rose to 387.9.", "", ""},
		{"In der Tempo-30-Zone wurde geblitzt.", "Speed cameras were used in the 30 km/h zone.", "", ""},
		{"Die Regierung will den CO2-Ausstoß um 55 Prozent senken.", "The government wants to cut CO2 emissions by 55 percent.", "", ""},
	})
}

// Dates and times written with digits, in the notations the reviewer found in Salesforce's
// German–English localisation dev set (CC BY-NC 4.0, so measured there and not quoted here; the
// phrases below are this project's): copied exactly they are never a mismatch, and each side
// reads every digit notation — "17:00" without "Uhr", an English "4:30 PM" or "28/2/2008" in a
// German example, a German "25.10.2016" in an English text, ISO's "2012–03–01T08:00:00.00Z",
// and "100K" for thousands. The reviewer's report flagged every one of these.
func TestNumberMismatchDatesAndTimesAsWritten(t *testing.T) {
	const (
		loader      = "Das Startdatum im Format jjjj-mm-ttThh:mm:ss.sssZ, beispielsweise 2012–03–01T08:00:00.00Z."
		loaderEn    = "The start date as yyyy-mm-ddThh:mm:ss.sssZ; for example, 2012–03–01T08:00:00.00Z."
		milestone   = "Der Alarm kam um 11:10:40 Uhr, die Frist endet um 11:20:00 Uhr und nicht um 11:20:40 Uhr."
		milestoneEn = "The alarm came at 11:10:40 a.m.; the deadline ends at 11:20:00 am, not 11:20:40."
		excel       = "Geben Sie 9. Juni 2011 8:00 ein; daraus wird 09.06.2011 08:00:00."
		excelEn     = "Enter June 9, 2011 8:00; it becomes 6/9/2011 8:00."
		batch       = "Ein Stapel umfasst 100.000 bis 250.000 Zeilen."
		batchEn     = "A batch holds 100K to 250K rows."
	)
	runNumberCases(t, []numberCase{
		// copied exactly
		{"25.10.2016, 17:00", "25.10.2016, 17:00", "", ""},
		{"28/2/2008 4:30 PM", "28/2/2008 4:30 PM", "", ""},
		{loader, loaderEn, "", ""},
		{"Daraus wird 09.06.2011 08:00:00.", "Daraus wird 09.06.2011 08:00:00.", "", ""},
		{"Daraus wird 09.06.2011 08:00:00.", "It becomes 09.06.2011 08:00:00.", "", ""},
		// translated
		{"28/02/2008 04:30 PM", "16:30 28/02/2008", "", ""},
		{"01.01.2018", "01/01/18", "", ""},
		{milestone, milestoneEn, "", ""},
		{excel, excelEn, "", ""},
		{batch, batchEn, "", ""},
		// changed: still flagged, and named as written
		{"25.10.2016, 17:00", "25.10.2016, 18:00", "17:00", "18:00"},
		{"25.10.2016, 17:00", "25.10.2017, 17:00", "2016", "2017"},
		{"28/2/2008 4:30 PM", "28/2/2008 4:30 AM", "4:30 PM (= 16:30)", "4:30 AM (= 4:30)"},
		{"28/02/2008 04:30 PM", "16:30 28/03/2008", "28/02 (= Feb 28)", "28/03"},
		{milestone, strings.Replace(milestoneEn, "11:10:40 a.m.", "11:10:41 a.m.", 1), "11:10:40 Uhr (= 11:10:40)", "11:10:41 a.m. (= 11:10:41)"},
		{batch, strings.Replace(batchEn, "250K", "260K", 1), "250.000 (= 250000)", "260K (= 260000)"},
		// the reviewer's repro: a "PM." ending a sentence keeps its full stop to the sentence
		{"Das Treffen beginnt um 17:00 Uhr.", "The meeting starts at 5:00 PM.", "", ""},
		{"Das Treffen beginnt um 17:00 Uhr.", "The meeting starts at 6:00 PM.", "17:00 Uhr (= 17:00)", "6:00 PM (= 18:00)"},
	})
}

// FuzzNumberMismatch checks that no text makes the reader panic, that a text compared with
// itself in both roles loses nothing it reads the same way, and that every report names text
// that is in the input.
func FuzzNumberMismatch(f *testing.F) {
	for _, s := range []string{"300 m hoch", "£5m", "10 000", "10\u202f000,5", "7 Uhr", "7 o'clock",
		"U7", "COVID-19", "15.12.2025", "2,5 Millionen", "1 000 000 m", "3 000 5 000", "Bis 2030 500", "€3 m",
		"25.10.2016, 17:00", "28/2/2008 4:30 PM", "11:10:40 a.m.", "2012–03–01T08:00:00.00Z", "100K", "5:00 PM."} {
		f.Add(s, s)
	}
	f.Fuzz(func(t *testing.T, src, tgt string) {
		miss, extra := NumberMismatch(src, tgt)
		for _, m := range miss {
			text, _, _ := strings.Cut(m, " (")
			if !strings.Contains(src, strings.Fields(text)[0]) {
				t.Errorf("missing %q is not in the source %q", m, src)
			}
		}
		for _, e := range extra {
			text, _, _ := strings.Cut(e, " (")
			if !strings.Contains(tgt, strings.Fields(text)[0]) {
				t.Errorf("extra %q is not in the target %q", e, tgt)
			}
		}
	})
}
