package segment

import (
	"strings"
	"testing"
)

// "!" and "?" before a lower-case word end no sentence, in English as in German: before, the
// English splitter cut "calling panic! | in a simple program" (215 fragments in the Rust
// book's text). Legal citations keep their abbreviations before a number ("Art. 5 para. 2").
// Sentences from The Rust Programming Language as its HTML reads without code markup
// (segment/testdata/SOURCES.md).
func TestMarkBeforeLowerCase(t *testing.T) {
	for _, tc := range []struct{ lang, in, want string }{
		{"en", "Let’s try calling panic! in a simple program:", "Let’s try calling panic! in a simple program:"},
		{"en", "First, println! calls a Rust macro. If it had called a function instead, it would be entered as println (without the !).",
			"First, println! calls a Rust macro. | If it had called a function instead, it would be entered as println (without the !)."},
		{"en", "To panic! or Not to panic!", "To panic! or Not to panic!"},
		{"en", "When the ? operator calls the from function, the error type received is converted into the error type defined in the return type of the current function.",
			"When the ? operator calls the from function, the error type received is converted into the error type defined in the return type of the current function."},
		{"de", "Unter der Haube verwenden die Makros assert_eq! und assert_ne! die Operatoren == bzw. !=. Wenn die Zusicherungen fehlschlagen, geben diese Makros ihre Argumente aus.",
			"Unter der Haube verwenden die Makros assert_eq! und assert_ne! die Operatoren == bzw. !=. | Wenn die Zusicherungen fehlschlagen, geben diese Makros ihre Argumente aus."},
		{"en", "Hello, world! Rust is fun.", "Hello, world! | Rust is fun."}, // a capital still starts one
		// The citation shape of the reviewers' report (Swiss and EU legislation in English).
		{"en", "See cf. Art. 5 para. 2 of the law. Next one.", "See cf. Art. 5 para. 2 of the law. | Next one."},
		{"en", "It applies under sect. 3 and subpara. 4 alike.", "It applies under sect. 3 and subpara. 4 alike."},
	} {
		var got []string
		for _, s := range SplitSentences(tc.in, tc.lang) {
			got = append(got, s.Text)
		}
		if g := strings.Join(got, " | "); g != tc.want {
			t.Errorf("%s %q:\n got %q\nwant %q", tc.lang, tc.in, g, tc.want)
		}
	}
}
