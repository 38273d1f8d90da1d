package document

import (
	"fmt"
	"regexp"
	"strconv"
	"strings"
)

// A plural message of a catalogue whose language has more forms than the source's two (Russian,
// Polish, Czech: three; Slovenian: four; Arabic: six) is sent form by form: the source has only
// a singular and a plural, so a model given those two translates them into two forms, and the
// third is written with the second's text — "%d выбранных процесса" (2, 3, 4) for 5 processes
// too, where a translator writes "%d выбранных процессов". Each form is sent as the source
// message that fits it (poSingularForm) with a note naming the form and numbers that take it,
// so that the model inflects for them, and its translation is that form's msgstr[N]. The note
// keys the translation memory apart as well: Russian's forms 2 and 3 are two entries though
// their source is the same msgid_plural. A language of two forms (English, German, French) is
// sent as before: the singular and the plural.

// poFormMessage is one plural form's message as sent: its segments and how their translations
// are written (poMessage).
type poFormMessage struct {
	segs  []Segment
	write func([]string) string
}

// formsSent is the plural rule of the catalogue as it is read (its header's, else its target
// language's) when each form of a plural message with msgstrs forms is sent on its own: the
// language has more than two forms and the message is written with that many.
func (f *poFile) formsSent(msgstrs int) (poPluralForms, bool) {
	forms, known, declared := f.forms("")
	if !known || forms.n <= 2 {
		return forms, false
	}
	return forms, declared || msgstrs == forms.n
}

// poFormMessages reads each form of a plural message from the source message that fits it:
// the singular (sing, at line singLine) or the plural (plur, at plurLine), with same saying
// whether they have the same placeholders; note is the entry's note.
func poFormMessages(forms poPluralForms, sing, plur string, singLine, plurLine int, same bool, re *regexp.Regexp, plain bool, note string) []poFormMessage {
	out := make([]poFormMessage, forms.n)
	for k := range out {
		msg, line := plur, plurLine
		if poSingularForm(forms, true, k, same) {
			msg, line = sing, singLine
		}
		formNote := poFormNote(forms, k)
		if note != "" {
			// The form's note first: a long comment is cut to its start before it is sent.
			formNote += ". " + note
		}
		out[k].segs, out[k].write = poMessage(msg, re, plain, line, formNote)
	}
	return out
}

// poFormNote names plural form k of forms and the first numbers that take it: "plural form 2
// of 3 (n = 2–4, 22–24, 32–34, …)"; a run that goes on to the end is "5, 6, 7, …".
func poFormNote(forms poPluralForms, k int) string {
	var b strings.Builder
	fmt.Fprintf(&b, "plural form %d of %d", k+1, forms.n)
	runs := forms.runs[k]
	if len(runs) == 0 {
		return b.String()
	}
	var nums []string
	listed := 0
	for _, r := range runs {
		first, last := r[0], r[1]
		listed += last - first + 1
		switch {
		case last == poPluralRange-1 && last-first >= 2:
			nums = append(nums, strconv.Itoa(first), strconv.Itoa(first+1), strconv.Itoa(first+2))
		case last-first >= 2:
			nums = append(nums, strconv.Itoa(first)+"–"+strconv.Itoa(last))
		default:
			for n := first; n <= last; n++ {
				nums = append(nums, strconv.Itoa(n))
			}
		}
	}
	if listed < forms.counts[k] || runs[len(runs)-1][1] == poPluralRange-1 {
		nums = append(nums, "…")
	}
	b.WriteString(" (n = " + strings.Join(nums, ", ") + ")")
	return b.String()
}
