package segment

import (
	"strings"
	"testing"
)

// TestTitleCaseIsNoSentenceEnd: a heading or name in Title Case capitalises its verbs and
// pronouns, which elsewhere end a sentence without punctuation. Before, "Reference Cycles Can
// Leak Memory" came out as "Reference Cycles" and "Can Leak Memory", and a heading in a
// sentence was cut twice ("… in the “Controlling" / "How Tests" / "Are Run” section."). The
// English cases are The Rust Programming Language's (headings and two sentences,
// segment/testdata/SOURCES.md); those that must still split are UD English EWT dev sentences
// as they follow each other there (CC BY-SA 4.0): an e-mail signature or a review's title
// before its first sentence.
func TestTitleCaseIsNoSentenceEnd(t *testing.T) {
	for _, tc := range []struct {
		lang string
		splitCase
	}{
		{"en", splitCase{"heading: Can", "Reference Cycles Can Leak Memory", "Reference Cycles Can Leak Memory"}},
		{"en", splitCase{"heading: Is For", "Who This Book Is For", "Who This Book Is For"}},
		{"en", splitCase{"heading: How, Are", "Controlling How Tests Are Run", "Controlling How Tests Are Run"}},
		{"en", splitCase{"heading with a small word before", "All the Places Patterns Can Be Used", "All the Places Patterns Can Be Used"}},
		{"en", splitCase{"heading: If before a small word", "Adding a Key and Value Only If a Key Isn’t Present", "Adding a Key and Value Only If a Key Isn’t Present"}},
		{"en", splitCase{"heading: Is after a long run", "Ensuring That the Content of a Draft Post Is Empty", "Ensuring That the Content of a Draft Post Is Empty"}},
		{"en", splitCase{"name in a sentence", "Note: In C++, this pattern of deallocating resources at the end of an item’s lifetime is sometimes called Resource Acquisition Is Initialization (RAII).",
			"Note: In C++, this pattern of deallocating resources at the end of an item’s lifetime is sometimes called Resource Acquisition Is Initialization (RAII)."}},
		{"en", splitCase{"quoted heading in a sentence", "We can use the name of a failing test to run just that test to debug it more easily; we’ll talk more about ways to run tests in the “Controlling How Tests Are Run” section.",
			"We can use the name of a failing test to run just that test to debug it more easily; we’ll talk more about ways to run tests in the “Controlling How Tests Are Run” section."}},
		// Still two sentences: the word after the opener is in ordinary case.
		{"en", splitCase{"signature, then Please", "Debra Perlingiere Please clarify \"all\" do you intend 10MM for ENA as well?",
			"Debra Perlingiere | Please clarify \"all\" do you intend 10MM for ENA as well?"}},
		{"en", splitCase{"review title, then We", "Fantastic Nova Scotia Cottage We had a fantastic time.", "Fantastic Nova Scotia Cottage | We had a fantastic time."}},
		{"en", splitCase{"review title, then What a", "Pure Beauty What a joy to stroll off historic Canyon Road in Santa Fe into a gallery with a gorgeous diversity of art.",
			"Pure Beauty | What a joy to stroll off historic Canyon Road in Santa Fe into a gallery with a gorgeous diversity of art."}},
		// German capitalises nouns, so only a run of nothing but capitalised words is a title
		// (the task's example: no German heading in Title Case was split in the 736 German
		// docs pages and 148 news pages checked); the two after it are UD German GSD dev's.
		{"de", splitCase{"German heading in Title Case", "Der Server Ist Down", "Der Server Ist Down"}},
		{"de", splitCase{"German: a small word goes on", "Liebe Grüße Lutz und Heike Ich würde nicht empfehlen....",
			"Liebe Grüße Lutz und Heike | Ich würde nicht empfehlen...."}},
		{"de", splitCase{"German: capitals before, a verb after", "Vielen Grüße aus Falkensee Leider kein Paradies, sondern ein Glashaus voller Mängel erwartete uns in unserem Wintergarten, der von der Firma Wintergartenbau gefertigt wurde.",
			"Vielen Grüße aus Falkensee | Leider kein Paradies, sondern ein Glashaus voller Mängel erwartete uns in unserem Wintergarten, der von der Firma Wintergartenbau gefertigt wurde."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if splitAccuracy(t, tc.lang, []splitCase{tc.splitCase}) != 1 {
				t.Fail()
			}
		})
	}
}

// TestTitleCaseHeadingRead: a Markdown heading with code in it, as bitext segment reads it.
func TestTitleCaseHeadingRead(t *testing.T) {
	doc, err := Read(strings.NewReader("### Implementing `Send` and `Sync` Manually Is Unsafe\n"), "ch16.md", Options{Lang: "en"})
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Blocks) != 1 || len(doc.Blocks[0].Sentences) != 1 {
		t.Fatalf("got %+v, want one heading of one sentence", doc.Blocks)
	}
}
