package segment

// Word lists the sentence splitter consults. They are small on purpose: the splitter decides
// from the shape of the text first and uses these only where shape is ambiguous.

// abbrevNever lists abbreviations (without their final dot) after which a sentence does not end:
// titles before names, and abbreviations that only make sense followed by more text.
var abbrevNever = toSet(
	// German
	"Dr", "Drs", "Prof", "Hr", "Hrn", "med", "jur", "phil", "rer", "nat", "habil", "theol", "oec", "pol",
	"dent", "vet", "Fr", "Frl", "Nr", "St", "Str", "ca", "bzw", "vgl", "evtl", "ggf",
	"inkl", "exkl", "zzgl", "ggü", "sog", "ehem", "geb", "gest", "verh", "bspw", "insb", "insbes",
	"z", "zB", "zT", "d", "h", "dh", "o", "s", "u", "v", "vs", "Abs", "Bd", "Kap", "Abb", "Tab",
	"Anm", "Hrsg", "hrsg", "Aufl", "Jan", "Feb", "Mrz", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept",
	"Okt", "Nov", "Dez", "Jän", "Mo", "Di", "Mi", "Fa", "Dipl", "Ing", "Mag", "Gebr", "Pfr", "Dir",
	"Min", "Tel", "Fax", "gem", "lt", "lat", "engl", "frz", "dt", "allg", "best", "betr",
	"bes", "einschl", "entspr", "erg", "europ", "gegr", "jew", "jhrl", "Kfz", "max", "mind",
	"mtl", "mögl", "näml", "österr", "schweiz", "spez", "tägl", "ugs", "urspr", "usf", "u.a",
	"z.B", "z.T", "d.h", "o.g", "u.U", "u.v.m", "i.d.R", "v.a", "s.o", "s.u", "Bsp", "Mt", "Gen",
	"Col", "Lt", "Sgt", "Capt", "Gov", "Sen", "Rep", "Rev", "Hon", "Mr", "Mrs", "Ms", "Messrs",
	"e.g", "i.e", "cf", "approx", "Dept", "Univ", "Ave", "Blvd", "Rd", "Gen", "Brig", "Adm",
	"kath", "ev", "evang", "Hl", "hl", "Hll", "Abt",
	"Bhf", "Hbf", "Pl", "Bez", "Kr", "Lkr", "Gde", "Reg", "Präs", "Vors", "stv", "stellv",
	"Bek", // Bekanntmachung: "Bek. d. StMI v. 3. Mai", in OpenNLP's German abbreviation list and tests
	// Court and legislation references and the news abbreviations around them, none a word
	// that could end a sentence: Aktenzeichen, Drucksache, Randnummer/-ziffer, Textziffer,
	// Fußnote, Urteil, Beschluss, Anlage, Buchstabe, Unterabsatz, Halbsatz, Jahrgang, Sammlung,
	// Verfasser, Kläger, Beschwerdeführer, Kanton, Stellvertreter. (The gazettes, which can,
	// are in abbrevMayEnd.)
	"Az", "Aktenz", "Drucks", "Rdnr", "Rdn", "Rz", "Tz", "Fn",
	"Urt", "Beschl", "Anl", "Buchst", "UAbs", "Hs", "Jg", "Jgg", "Slg", "Verf", "Kl", "Bekl",
	"Bf", "Kt", "Stv", "Nrn", "Abschn",
)

// abbrevBeforeNumber are abbreviations only when a number follows ("Nr. 5", "No. 5", "Art. 3");
// elsewhere they are ordinary words that may end a sentence ("Er sagte no.", "eine neue Art.").
// The English legal ones ("Art. 5 para. 2", "sect. 3") are read in EUR-Lex and GDPR citations.
var abbrevBeforeNumber = toSet("No", "Nos", "no", "Art", "Arts", "para", "paras", "Para", "subpara", "sect", "Sect", "sec", "Sec", "subsec", "S", "p", "pp", "Vol", "vol", "Fig", "fig", "Ziff", "Nr", "Rn", "Bl", "Sp",
	"Do", "Sa", "So") // weekdays before a date: "Do. 5. März", "So. 8. März"

// abbrevMayEnd lists abbreviations that often end a sentence too ("… Äpfel, Birnen usw. Dann …",
// "in the U.S. The …"). After them a sentence ends only when the next word is a typical sentence
// opener (startersDE, startersEN), so "5 Mio. Euro" stays together but "3 Mio. Die Firma" splits.
var abbrevMayEnd = toSet(
	"usw", "etc", "u.Ä", "o.Ä", "u.ä", "o.ä", "Mio", "Mrd", "Tsd", "Chr", "Jh", "Jhd", "Jhdt", "ff",
	"Co", "Inc", "Ltd", "Corp", "Jr", "Sr", "U.S", "U.K", "U.N", "a.m", "p.m", "A.M", "P.M", "U.S.A", "al",
	"Std", "Bio", "Gr", "a", "Ä", "ä", "Sek", "Mill",
	"Oct", "Dec", "Mar", // English months not in abbrevNever: "on Oct. 3" stays, "in Oct. The" splits
	// Bundes- and Gesetz- und Verordnungsblatt, Amtsblatt, Bundesanzeiger: a reference goes on
	// ("BGBl. I S. 1234"), but the gazette can close a sentence ("Das steht im BGBl. Es gilt …").
	"BGBl", "GVBl", "ABl", "BAnz",
)

// abbrevListEnd end a list ("Äpfel, Birnen usw."): nothing but lower-case words follow them
// inside a sentence, so before a capital they end it ("… usw. Kritiker bemängelten …"). Unit
// symbols such as "km" take no dot at all: "12 km. Nachbarorte …" is a sentence end as well.
var abbrevListEnd = toSet("usw", "usf", "etc")

// startersDE are words that commonly open a German sentence. Capitalised nouns also follow
// abbreviations mid-sentence, so only these count as evidence for a sentence end there.
var startersDE = toSet(
	"Der", "Die", "Das", "Den", "Dem", "Des", "Ein", "Eine", "Einen", "Einem", "Einer", "Eines",
	"Er", "Sie", "Es", "Wir", "Ich", "Ihr", "Du", "Man", "Dies", "Diese", "Dieser", "Dieses",
	"Diesen", "Dann", "Danach", "Doch", "Aber", "Und", "Auch", "Als", "Am", "Im", "In", "Auf",
	"An", "Aus", "Bei", "Beim", "Mit", "Nach", "Vor", "Seit", "Von", "Vom", "Zu", "Zum", "Zur",
	"Für", "Gegen", "Um", "Über", "Unter", "Wie", "Was", "Wer", "Wo", "Wann", "Warum", "Weshalb",
	"Wenn", "Weil", "Da", "Dabei", "Damit", "Dazu", "Daher", "Deshalb", "Deswegen", "Denn", "So",
	"Jetzt", "Nun", "Heute", "Gestern", "Bereits", "Schon", "Noch", "Nicht", "Kein", "Keine",
	"Alle", "Viele", "Mehrere", "Einige", "Laut", "Nachdem", "Obwohl", "Während", "Trotz",
	"Zudem", "Außerdem", "Allerdings", "Jedoch", "Hier", "Dort", "Seine", "Sein", "Ihre",
	"Unser", "Unsere", "Mein", "Meine", "Dazu", "Zuvor", "Später", "Zunächst", "Inzwischen",
	"Insgesamt", "Bisher", "Derzeit", "Damals", "Dennoch", "Trotzdem", "Zwar", "Ob", "Sollte",
	"Hinzu", "Ebenso", "Gleichzeitig", "Zuletzt", "Erst", "Nur", "Mehr",
	"Neben", "Ohne", "Durch", "Wegen", "Zwischen", "Statt", "Stattdessen", "Vielmehr", "Demnach",
	"Somit", "Schließlich", "Immerhin", "Bislang", "Anschließend", "Trotz", "Angesichts",
	"Insbesondere", "Ihm", "Ihn", "Seinen", "Seinem",
)

// startersEN are words that commonly open an English sentence.
var startersEN = toSet(
	"The", "A", "An", "He", "She", "It", "They", "We", "I", "You", "This", "That", "These",
	"Those", "There", "Here", "His", "Her", "Its", "Their", "Our", "My", "In", "On", "At", "For",
	"But", "And", "Or", "So", "Then", "However", "Meanwhile", "After", "Before", "When", "While",
	"If", "As", "What", "Who", "Why", "How", "Where", "Some", "Many", "Most", "All", "No", "One",
	"Both", "Each", "Since", "Although", "Though", "Yet", "Still", "Also", "Now", "Today",
	"Yesterday", "According", "During", "Last", "Next", "Such", "Another", "Other", "Others",
	"Not", "Nor", "Later", "Earlier", "Instead", "Despite", "Because", "Under", "With", "From",
	"By", "To", "Of", "Is", "Was", "Are", "Were", "Do", "Does", "Did", "Can", "Will", "Would",
)

// monthsDE are month names and their abbreviations: a number with a dot before them is a date
// ("am 15. Dezember"), not a sentence end.
var monthsDE = toSet(
	"Januar", "Jänner", "Februar", "Feber", "März", "April", "Mai", "Juni", "Juli", "August",
	"September", "Oktober", "November", "Dezember", "Jan", "Jän", "Feb", "Mrz", "Apr", "Jun", "Jul",
	"Aug", "Sep", "Sept", "Okt", "Nov", "Dez",
)

// ordinalNounsDE are nouns that commonly follow an ordinal number ("1. FC Köln", "zum 3. Mal",
// "der 2. Weltkrieg").
var ordinalNounsDE = toSet(
	"FC", "SC", "SV", "FSV", "VfB", "VfL", "Mal", "Platz", "Liga", "Bundesliga", "Klasse",
	"Jahrhundert", "Jahrestag", "Geburtstag", "Stock", "Etage", "Runde", "Spieltag", "Auflage",
	"Weltkrieg", "Ausgabe", "Kapitel", "Quartal", "Halbjahr", "Advent", "Mai", "Tag", "Woche",
	"Monat", "Jahr", "Lauf", "Rang", "Sitzung", "Lesung", "Parteitag", "Satz", "Absatz", "Buch",
	"Staffel", "Folge", "Bezirk", "Armee", "Division", "Symphonie", "Sinfonie", "Kammer",
	"Senat", "Instanz", "Mannschaft", "Hälfte", "Tor", "Minute", "Welt", "Reich", "Republik",
)

// ordinalContextDE are words that precede an ordinal ("am 15.", "der 2.", "seit dem 3.").
var ordinalContextDE = toSet(
	"am", "im", "vom", "zum", "zur", "beim", "der", "die", "das", "dem", "den", "des", "ab",
	"bis", "seit", "ihr", "ihre", "ihrem", "ihren", "ihres", "sein", "seine", "seinem", "seinen",
	"seines", "unser", "unsere", "jeder", "jede", "jedes", "jeden", "jedem", "Am", "Im", "Vom",
	"Zum", "Der", "Die", "Das", "Dem", "Den", "Des", "Ab", "Bis", "Seit", "zum", "bis zum",
	"vor", "nach", "für", "und", "oder", "bzw", "sowie",
)

// cardinalContextDE are words after which a number is a count, not an ordinal: prepositions
// and adverbs of amount ("stieg auf 15", "rund 300", "mehr als 20") and common past-tense verbs
// that do not end in "t" ("betrug 350", "lag bei", "waren 12").
var cardinalContextDE = toSet("auf", "bei", "um", "über", "unter", "mit", "gegen", "rund", "etwa",
	"ca", "circa", "knapp", "fast", "nur", "noch", "insgesamt", "als", "von", "je", "zu", "beinahe",
	"ungefähr", "maximal", "mindestens", "höchstens", "betrug", "betrugen", "lag", "lagen", "sank",
	"stieg", "wuchs", "kam", "kamen", "zählte", "zählten")

// copulasDE introduce a predicate, which is as often a title with an ordinal ("Er ist 2.
// Vorsitzender", "war 1. Bürgermeister") as a count: they decide nothing.
var copulasDE = toSet("ist", "sind", "war", "waren", "wird", "wurde", "wurden", "bleibt", "blieb",
	"gilt", "galt", "heißt", "hieß", "ward", "bist", "seid", "wirkt")

func toSet(words ...string) map[string]struct{} {
	m := make(map[string]struct{}, len(words))
	for _, w := range words {
		m[w] = struct{}{}
	}
	return m
}

func inSet(m map[string]struct{}, w string) bool {
	_, ok := m[w]
	return ok
}

// streetsEN end English street names ("Baker St.", "Fifth Ave."); before a sentence opener they
// end the sentence as well, although before a name "St." is "Saint".
var streetsEN = toSet("St", "Ave", "Rd", "Blvd")

// germanOnlyAbbrev are German abbreviations in abbrevNever that are ordinary English words:
// in English text they end sentences like any word ("for the best.", "a small dent.").
var germanOnlyAbbrev = toSet("best", "dent", "gem", "med", "nat", "pol", "vet", "jur", "phil", "rer",
	"erg", "bes", "lat", "dir", "mind", "spez", "theol", "habil", "oec", "hrsg", "betr", "gest", "geb",
	"verh", "ehem", "sog", "ggf", "evtl", "bzw", "vgl", "zzgl", "inkl", "exkl", "insb", "bspw", "lt")
