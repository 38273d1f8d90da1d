package translate_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/segment"
	"github.com/bitext/bitext/translate"
)

// upper is a stand-in provider that "translates" by upper-casing.
type upper struct{}

func (upper) Name() string  { return "upper" }
func (upper) Model() string { return "1" }
func (upper) Capabilities() providers.Capabilities {
	return providers.Capabilities{MaxSegments: 50, MaxChars: 10000}
}
func (upper) Translate(_ context.Context, req *providers.Request) (*providers.Response, error) {
	resp := &providers.Response{Usage: providers.Usage{Requests: 1}}
	for _, s := range req.Segments {
		resp.Translations = append(resp.Translations, providers.Translation{ID: s.ID, Text: strings.ToUpper(s.Text)})
	}
	return resp, nil
}

func Example() {
	doc, err := segment.Read(strings.NewReader("# Titel\n\nEr kam. Sie ging.\n"), "artikel.md", segment.Options{})
	if err != nil {
		panic(err)
	}
	docs := func(yield func(*segment.Document, error) bool) { yield(doc, nil) }

	tr := &translate.Translator{Provider: upper{}}
	est, _ := tr.Plan(context.Background(), docs)
	fmt.Println("plan:", est)

	st, err := tr.Run(context.Background(), docs, func(r *translate.Result) error {
		for _, p := range r.Pairs {
			fmt.Printf("%d.%d %s → %s\n", p.Paragraph, p.Sentence, p.Source, p.Target)
		}
		return segment.Render(new(strings.Builder), segment.Markdown, translate.Title(r.Blocks), r.Blocks)
	})
	if err != nil {
		panic(err)
	}
	fmt.Println(st.Segments, "segments,", st.Usage.Requests, "request")
	// Output:
	// plan: 1 document, 3 segments, 0 TM hits, 3 to translate: 21 characters, ~32 tokens, 1 request
	// 1.1 Titel → TITEL
	// 2.1 Er kam. → ER KAM.
	// 2.2 Sie ging. → SIE GING.
	// 3 segments, 1 request
}
