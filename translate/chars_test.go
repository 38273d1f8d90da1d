package translate

import (
	"context"
	"testing"
	"unicode/utf8"

	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/segment"
)

// refusedFirst is a provider whose every answer came after refused attempts (429s retried by
// the transport): its Usage counts the characters of each attempt, as the transport does.
type refusedFirst struct {
	*fakeProvider
	attempts int
}

func (p refusedFirst) Translate(ctx context.Context, req *providers.Request) (*providers.Response, error) {
	resp, err := p.fakeProvider.Translate(ctx, req)
	if resp != nil {
		chars := 0
		for _, s := range req.Segments {
			chars += utf8.RuneCountInString(s.Text)
		}
		resp.Usage = providers.Usage{Requests: p.attempts, Retries: p.attempts - 1, Characters: p.attempts * chars}
	}
	return resp, err
}

// TestCharactersTranslated: Stats.Characters counts the source characters of what the
// provider answered, once per answer, whatever the requests that carried them cost in
// Usage.Characters (refused attempts, segments it gave up on); TM hits and repeats cost none.
func TestCharactersTranslated(t *testing.T) {
	a, b := "Eins ist hier.", "Zwei ist dört." // 14 characters each, "ö" one of them
	docs := []*segment.Document{doc("a.txt", []string{a, b}, []string{a})}
	tests := []struct {
		name      string
		attempts  int
		giveUp    string
		held      bool // the memory has a already
		wantChars int
		wantSent  int
	}{
		{name: "answered at once", attempts: 1, wantChars: 28, wantSent: 28},
		{name: "after two refused attempts", attempts: 3, wantChars: 28, wantSent: 84},
		{name: "a segment given up on", attempts: 1, giveUp: b, wantChars: 14, wantSent: 28},
		{name: "a TM hit costs nothing", attempts: 1, held: true, wantChars: 14, wantSent: 14},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			fp := &fakeProvider{}
			if tc.giveUp != "" {
				fp.giveUp = func(s providers.Segment) bool { return s.Text == tc.giveUp }
			}
			mem := &memMemory{}
			tr := &Translator{Provider: refusedFirst{fp, tc.attempts}, Memory: mem, Concurrency: 1}
			if tc.held {
				if _, _, err := collect(context.Background(), &Translator{Provider: &fakeProvider{}, Memory: mem}, []*segment.Document{doc("h.txt", []string{a})}); err != nil {
					t.Fatal(err)
				}
			}
			_, st, _ := collect(context.Background(), tr, docs)
			if st.Characters != tc.wantChars || st.Usage.Characters != tc.wantSent {
				t.Errorf("%d characters translated, %d sent, want %d, %d", st.Characters, st.Usage.Characters, tc.wantChars, tc.wantSent)
			}
		})
	}
}
