package glossary

import (
	"strings"
	"sync"

	"github.com/bitext/bitext/internal/german"
)

// German verb forms for glossary terms that are verbs (abschaffen, ankündigen, beschließen)
// or end in one (in Kraft treten, zur Verfügung stellen). The Snowball stemmer joins few of a
// verb's forms (treten and tritt, trat, getreten have four stems), and none of a separable
// verb's: its particle stands apart in a main clause (schafft … ab), before ge- in the
// participle (abgeschafft) and before zu in the infinitive (abzuschaffen). The forms are made
// by rule for every verb, as for a weak one (kündigen: kündigt, kündigte, gekündigt), and taken
// from strongVerbs for the strong and irregular ones, whose stems change (treten: tritt, trat,
// getreten). A weak form of a strong verb (tretete) is no word, so making it costs nothing.

// separableParticles are german.SeparableParticles, longest first so that hinzufügen is
// hinzu|fügen, not hin|zufügen.
var separableParticles = sortedLongestFirst(german.SeparableParticles...)

// inseparablePrefixes never stand apart and leave ge- out of the participle (beschlossen,
// verabschiedet, unterstützt).
var inseparablePrefixes = sortedLongestFirst("be", "emp", "ent", "er", "ge", "miss", "ver", "zer",
	"durch", "hinter", "über", "um", "unter", "voll", "wider", "wieder")

func sortedLongestFirst(ws ...string) []string {
	out := append([]string(nil), ws...)
	for i := 1; i < len(out); i++ {
		for j := i; j > 0 && len(out[j]) > len(out[j-1]); j-- {
			out[j], out[j-1] = out[j-1], out[j]
		}
	}
	return out
}

// strongVerbs lists the strong and irregular verbs: infinitive, third person singular present
// when its vowel changes ("-" when it does not), first and third person singular preterite,
// past participle, and then other irregular finite forms. Verbs made from them with a prefix
// (beschließen, vortragen, anerkennen) take their forms from here. Verbs with weak forms as
// well (schaffen: schuf and schaffte; hängen; bewegen; wenden) get both, as every verb does.
const strongVerbTable = `
backen bäckt backte gebacken
befehlen befiehlt befahl befohlen
beginnen - begann begonnen
beißen - biss gebissen
bergen birgt barg geborgen
bewegen - bewog bewogen
biegen - bog gebogen
bieten - bot geboten
binden - band gebunden
bitten - bat gebeten
blasen bläst blies geblasen
bleiben - blieb geblieben
braten brät briet gebraten
brechen bricht brach gebrochen
brennen - brannte gebrannt
bringen - brachte gebracht
denken - dachte gedacht
dringen - drang gedrungen
dürfen darf durfte gedurft darfst
empfehlen empfiehlt empfahl empfohlen
essen isst aß gegessen
fahren fährt fuhr gefahren
fallen fällt fiel gefallen
fangen fängt fing gefangen
fechten ficht focht gefochten
finden - fand gefunden
flechten flicht flocht geflochten
fliegen - flog geflogen
fliehen - floh geflohen
fließen - floss geflossen
frieren - fror gefroren
gebären gebiert gebar geboren
geben gibt gab gegeben
gedeihen - gedieh gediehen
gehen - ging gegangen
gelingen - gelang gelungen
gelten gilt galt gegolten
genießen - genoss genossen
geschehen geschieht geschah geschehen
gewinnen - gewann gewonnen
gießen - goss gegossen
gleichen - glich geglichen
gleiten - glitt geglitten
graben gräbt grub gegraben
greifen - griff gegriffen
haben hat hatte gehabt habe,hast,habt,hätte,hätten,hättest,hättet
halten hält hielt gehalten
hängen - hing gehangen
heben - hob gehoben
heißen - hieß geheißen
helfen hilft half geholfen
kennen - kannte gekannt
klingen - klang geklungen
kommen - kam gekommen
können kann konnte gekonnt kannst
kriechen - kroch gekrochen
laden lädt lud geladen
lassen lässt ließ gelassen
laufen läuft lief gelaufen
leiden - litt gelitten
leihen - lieh geliehen
lesen liest las gelesen
liegen - lag gelegen
lügen - log gelogen
meiden - mied gemieden
messen misst maß gemessen
misslingen - misslang misslungen
mögen mag mochte gemocht magst
müssen muss musste gemusst musst
nehmen nimmt nahm genommen nimmst
nennen - nannte genannt
pfeifen - pfiff gepfiffen
preisen - pries gepriesen
raten rät riet geraten
reiben - rieb gerieben
reißen - riss gerissen
reiten - ritt geritten
rennen - rannte gerannt
riechen - roch gerochen
ringen - rang gerungen
rinnen - rann geronnen
rufen - rief gerufen
saufen säuft soff gesoffen
saugen - sog gesogen
schaffen - schuf geschaffen
scheiden - schied geschieden
scheinen - schien geschienen
schieben - schob geschoben
schießen - schoss geschossen
schlafen schläft schlief geschlafen
schlagen schlägt schlug geschlagen
schleichen - schlich geschlichen
schleifen - schliff geschliffen
schließen - schloss geschlossen
schlingen - schlang geschlungen
schmeißen - schmiss geschmissen
schmelzen schmilzt schmolz geschmolzen
schneiden - schnitt geschnitten
schreiben - schrieb geschrieben
schreien - schrie geschrien
schreiten - schritt geschritten
schweigen - schwieg geschwiegen
schwellen schwillt schwoll geschwollen
schwimmen - schwamm geschwommen
schwinden - schwand geschwunden
schwingen - schwang geschwungen
schwören - schwor geschworen
sehen sieht sah gesehen siehst
sein ist war gewesen bin,bist,sind,seid,sei,seien,seist,wäre,wären,wärst,wäret
senden - sandte gesandt
singen - sang gesungen
sinken - sank gesunken
sinnen - sann gesonnen
sitzen - saß gesessen
sollen - sollte gesollt
spalten - spaltete gespalten
spinnen - spann gesponnen
sprechen spricht sprach gesprochen sprichst
springen - sprang gesprungen
stechen sticht stach gestochen
stehen - stand gestanden stünde,stünden
stehlen stiehlt stahl gestohlen
steigen - stieg gestiegen
sterben stirbt starb gestorben
stinken - stank gestunken
stoßen stößt stieß gestoßen
streichen - strich gestrichen
streiten - stritt gestritten
tragen trägt trug getragen
treffen trifft traf getroffen
treiben - trieb getrieben
treten tritt trat getreten trittst
trinken - trank getrunken
tun tut tat getan tue,tust
verderben verdirbt verdarb verdorben
vergessen vergisst vergaß vergessen
verlieren - verlor verloren
wachsen wächst wuchs gewachsen
waschen wäscht wusch gewaschen
weichen - wich gewichen
weisen - wies gewiesen
wenden - wandte gewandt
werben wirbt warb geworben
werden wird wurde geworden werde,wirst,werdet,würde,würden,würdest,würdet
werfen wirft warf geworfen
wiegen - wog gewogen
winden - wand gewunden
wissen weiß wusste gewusst weißt
wollen will wollte gewollt willst
ziehen - zog gezogen
zwingen - zwang gezwungen
`

type strongVerb struct {
	third, past, participle string
	other                   []string
}

var strongVerbs = sync.OnceValue(func() map[string]strongVerb {
	m := map[string]strongVerb{}
	for _, line := range strings.Split(strongVerbTable, "\n") {
		f := strings.Fields(line)
		if len(f) < 4 {
			continue
		}
		v := strongVerb{past: f[2], participle: f[3]}
		if f[1] != "-" {
			v.third = f[1]
		}
		if len(f) > 4 {
			v.other = strings.Split(f[4], ",")
		}
		m[f[0]] = v
	}
	return m
})

// verbForms are the forms of one verb without a separable particle.
type verbForms struct {
	finite      []string // present and preterite, indicative and subjunctive: tritt, trat, träte
	infinitive  string
	nonfinite   []string // the infinitive, participles and their inflected forms: getreten, getretene, tretend
	participles []string // past participles alone, for a particle to go before: geschafft
}

// isInfinitive reports whether a lower-case word can be a German infinitive.
func isInfinitive(w string) bool {
	if len([]rune(w)) < 4 && w != "tun" {
		return false
	}
	return strings.HasSuffix(w, "en") || strings.HasSuffix(w, "eln") || strings.HasSuffix(w, "ern") || w == "tun" || w == "sein"
}

// conjugate returns the forms of the verb whose infinitive is inf (no separable particle).
func conjugate(inf string) verbForms {
	var f verbForms
	f.infinitive = inf
	stem := weakStem(inf)
	add := func(list *[]string, ws ...string) { *list = append(*list, ws...) }
	// Weak forms, and the present of every verb. -e- comes between a stem in d or t (redet)
	// or in a consonant and m or n (rechnet, öffnet) and the endings t and st.
	e := ""
	if needsLinkingE(stem) {
		e = "e"
	}
	present := []string{stem + "e", stem + e + "st", stem + e + "t", inf}
	if strings.HasSuffix(inf, "eln") {
		present = append(present, stem[:len(stem)-2]+"le") // handle, not handele
	}
	add(&f.finite, present...)
	add(&f.finite, stem+e+"te", stem+e+"test", stem+e+"ten", stem+e+"tet")
	weakPart := stem + e + "t" // the participle of a verb with a prefix: verabschiedet, reformiert
	add(&f.participles, "ge"+weakPart, weakPart)
	if v, ok := strongVerbOf(inf); ok {
		if v.third != "" {
			// The du form and the imperative go with the third person's vowel (fährt:
			// fährst; hält: hältst; gibt: gibst, gib; sieht: sieh), not the weak stem's.
			cut := strings.TrimSuffix(v.third, "t")
			add(&f.finite, v.third, cut+"st", v.third+"st", cut)
		}
		add(&f.finite, v.other...)
		add(&f.finite, pastForms(v.past)...)
		add(&f.participles, v.participle)
	}
	add(&f.nonfinite, inf)
	for _, p := range append(f.participles, inf+"d") {
		add(&f.nonfinite, p)
		for _, end := range adjectiveEndings {
			add(&f.nonfinite, p+end)
		}
	}
	return f
}

// strongVerbOf looks inf up in strongVerbs, also behind an inseparable prefix (beschließen is
// be + schließen: beschloss, beschlossen).
func strongVerbOf(inf string) (strongVerb, bool) {
	table := strongVerbs()
	if v, ok := table[inf]; ok {
		return v, true
	}
	for _, p := range inseparablePrefixes {
		base, ok := strings.CutPrefix(inf, p)
		if !ok {
			continue
		}
		v, ok := table[base]
		if !ok {
			continue
		}
		out := strongVerb{past: p + v.past, participle: p + strings.TrimPrefix(v.participle, "ge")}
		if v.third != "" {
			out.third = p + v.third
		}
		for _, o := range v.other {
			out.other = append(out.other, p+o)
		}
		return out, true
	}
	return strongVerb{}, false
}

// weakStem is the infinitive without its ending: kündig, handel, änder, tu.
func weakStem(inf string) string {
	switch {
	case strings.HasSuffix(inf, "eln"), strings.HasSuffix(inf, "ern"):
		return inf[:len(inf)-1]
	case strings.HasSuffix(inf, "en"):
		return inf[:len(inf)-2]
	}
	return strings.TrimSuffix(inf, "n")
}

// needsLinkingE reports whether endings starting with t or st take an -e- after stem.
func needsLinkingE(stem string) bool {
	r := []rune(stem)
	n := len(r)
	if n == 0 {
		return false
	}
	last := r[n-1]
	if last == 'd' || last == 't' {
		return true
	}
	if (last == 'm' || last == 'n') && n >= 2 {
		switch r[n-2] {
		case 'a', 'e', 'i', 'o', 'u', 'ä', 'ö', 'ü', 'y', 'l', 'r', 'm', 'n':
			return false
		case 'h':
			// rechnet, zeichnet; but wohnt, where h lengthens the vowel.
			return n >= 3 && r[n-3] == 'c'
		}
		return true
	}
	return false
}

// pastForms are the preterite forms made from the first person singular (trat: trat, tratst,
// traten, tratet; and the subjunctive träte, träten) or, for a mixed verb, from its weak form
// with a changed stem (brachte: brachten; brächte).
func pastForms(past string) []string {
	if strings.HasSuffix(past, "te") {
		u := umlaut(past)
		return []string{past, past + "st", past + "n", past + "t", u, u + "st", u + "n", u + "t"}
	}
	e := ""
	if last := past[len(past)-1]; last == 'd' || last == 't' || last == 's' || last == 'z' {
		e = "e"
	}
	u := umlaut(past)
	return []string{past, past + e + "st", past + "en", past + e + "t", u + "e", u + "est", u + "en", u + "et"}
}

// umlaut puts an umlaut on the last a, o or u of a preterite stem (kam: käm, zog: zög,
// beschloss: beschlöss, brachte: brächt), not on a diphthong (lief, blieb, soff stay).
func umlaut(s string) string {
	r := []rune(s)
	for i := len(r) - 1; i >= 0; i-- {
		switch r[i] {
		case 'a':
			if i+1 < len(r) && r[i+1] == 'u' {
				return s
			}
			r[i] = 'ä'
			return string(r)
		case 'o':
			r[i] = 'ö'
			return string(r)
		case 'u':
			if i > 0 && (r[i-1] == 'a' || r[i-1] == 'e') {
				return s
			}
			r[i] = 'ü'
			return string(r)
		}
	}
	return s
}
