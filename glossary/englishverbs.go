package glossary

import (
	"strings"
	"sync"
)

// The renderings of verb terms are English verb phrases (enter into force, abolish, take part),
// and a translation writes the verb in whatever tense the German had: "Das Gesetz trat in Kraft"
// is "The law entered into force", "Er nahm teil" is "He took part". The check accepts the
// verb's inflected forms for them, regular (enters, entered, entering; abolished; applied;
// submitted) and irregular (took, taken; made; broke, broken), on every word of the rendering:
// which of its words is the verb the phrase does not say, and a wrong word that happens to
// inflect like one (forced for force) is no likelier than the right one.

// englishVerbForm reports whether w is a regular inflected form of the English verb base:
// -s, -es, -ed, -d, -ing, with y → ie (applies, applied), a final e dropped before -ing
// (making) and a final consonant doubled (submitted, stopping).
func englishVerbForm(base, w string) bool {
	rest, ok := strings.CutPrefix(w, base)
	if ok {
		switch rest {
		case "s", "es", "ed", "ing":
			return true
		case "d":
			return strings.HasSuffix(base, "e")
		}
		if len(base) > 0 && len(rest) > 1 && rest[0] == base[len(base)-1] && (rest[1:] == "ed" || rest[1:] == "ing") {
			return true // submitted, stopping
		}
		return false
	}
	if stem, ok := strings.CutSuffix(base, "e"); ok && w == stem+"ing" {
		return true
	}
	if stem, ok := strings.CutSuffix(base, "y"); ok && (w == stem+"ied" || w == stem+"ies") {
		return true
	}
	return false
}

// irregularVerbTable lists English irregular verbs: base form, then the other forms.
const irregularVerbTable = `
arise arose arisen|awake awoke awoken|be is are am was were been being|bear bore borne born|
beat beaten|become became|begin began begun|bend bent|bet|bid|bind bound|bite bit bitten|
blow blew blown|break broke broken|breed bred|bring brought|build built|burn burnt|buy bought|
catch caught|choose chose chosen|come came|cost|cut|deal dealt|dig dug|do does did done|
draw drew drawn|dream dreamt|drink drank drunk|drive drove driven|eat ate eaten|fall fell fallen|
feed fed|feel felt|fight fought|find found|flee fled|fly flew flown|forbid forbade forbidden|
forecast|foresee foresaw foreseen|forget forgot forgotten|forgive forgave forgiven|
freeze froze frozen|get got gotten|give gave given|go goes went gone|grow grew grown|
hang hung|have has had having|hear heard|hide hid hidden|hit|hold held|hurt|keep kept|
know knew known|lay laid|lead led|lean leant|leap leapt|learn learnt|leave left|lend lent|let|
lie lay lain|light lit|lose lost|make made|mean meant|meet met|mislead misled|pay paid|put|
quit|read|rid|ride rode ridden|ring rang rung|rise rose risen|run ran|say said|see saw seen|
seek sought|sell sold|send sent|set|shake shook shaken|shed|shine shone|shoot shot|show shown|
shrink shrank shrunk|shut|sing sang sung|sink sank sunk|sit sat|sleep slept|slide slid|
speak spoke spoken|spend spent|spin spun|split|spread|spring sprang sprung|stand stood|
steal stole stolen|stick stuck|sting stung|strike struck|strive strove striven|
swear swore sworn|sweep swept|swim swam swum|swing swung|take took taken|teach taught|
tear tore torn|tell told|think thought|throw threw thrown|thrust|tread trod trodden|
understand understood|undergo underwent undergone|undertake undertook undertaken|
uphold upheld|wake woke woken|wear wore worn|weave wove woven|win won|wind wound|
withdraw withdrew withdrawn|withhold withheld|withstand withstood|write wrote written
`

var irregularVerbs = sync.OnceValue(func() map[string][]string {
	m := map[string][]string{}
	for _, entry := range strings.Split(irregularVerbTable, "|") {
		f := strings.Fields(entry)
		if len(f) > 0 {
			m[f[0]] = f[1:]
		}
	}
	return m
})

// irregularVerbForms returns the irregular forms of a folded English verb (take: took,
// taken), also of one made with a prefix (overtake: overtook, overtaken; rebuild: rebuilt);
// nil when it has none.
func irregularVerbForms(w string) []string {
	table := irregularVerbs()
	if fs, ok := table[w]; ok {
		return fs
	}
	for _, prefix := range []string{"over", "under", "with", "out", "up", "re", "mis", "fore", "be"} {
		base, ok := strings.CutPrefix(w, prefix)
		if !ok {
			continue
		}
		if fs, ok := table[base]; ok && len(base) >= 3 {
			out := make([]string, len(fs))
			for i, f := range fs {
				out[i] = prefix + f
			}
			return out
		}
	}
	return nil
}
