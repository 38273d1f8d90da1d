// Package german holds word lists of German grammar that more than one package needs.
package german

// SeparableParticles are the words that stand apart from their verb at the end of a main clause
// (kündigte … an) and take ge- and zu after them (angekündigt, anzukündigen). durch, über, um,
// unter, wider, wieder, voll and hinter also make inseparable verbs (übersetzen, unterstützen),
// so a reader of them tries both. The glossary finds verb terms by them (package glossary), and
// the providers keep a term in a request whose text holds only the verb's core (providers.TermsIn).
var SeparableParticles = []string{"ab", "an", "auf", "aus", "bei", "bereit", "dabei", "dafür", "dagegen", "daher", "dahin",
	"daran", "darauf", "dar", "davon", "dazu", "dazwischen", "durch", "ein", "empor",
	"entgegen", "entlang", "fest", "fehl", "fern", "fort", "frei", "gegenüber", "gleich",
	"heim", "her", "herab", "heran", "herauf", "heraus", "herbei", "herein", "herüber",
	"herum", "herunter", "hervor", "hin", "hinab", "hinauf", "hinaus", "hinein", "hinter",
	"hinüber", "hinunter", "hinweg", "hinzu", "hoch", "kennen", "kund", "los", "mit", "nach",
	"nieder", "preis", "statt", "teil", "über", "um", "unter", "voll", "vor", "voran",
	"voraus", "vorbei", "vorweg", "wahr", "weg", "weiter", "wider", "wieder", "zu", "überein",
	"zurecht", "zurück", "zusammen", "zuvor"}
