package translate

import (
	"context"
	"errors"
	"testing"

	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/segment"
)

// TestGlossaryNative: the provider's own glossary enforces the terms, so none are sent; every
// answer is still checked with bitext's matching; a provider without a glossary is refused.
func TestGlossaryNative(t *testing.T) {
	g := fakeGlossary{"Bündnis": "Alliance"}
	docs := []*segment.Document{doc("a", []string{"Das Bündnis tagte."})}

	fp := &fakeProvider{}
	_, _, err := collect(context.Background(), &Translator{Provider: fp, Glossary: g, GlossaryMode: GlossaryNative}, docs)
	if !errors.Is(err, ErrNoNativeGlossary) {
		t.Fatalf("without a provider glossary: err = %v, want ErrNoNativeGlossary", err)
	}
	if len(fp.requests()) != 0 {
		t.Errorf("%d requests sent before refusing", len(fp.requests()))
	}

	fp = &fakeProvider{caps: providers.Capabilities{MaxSegments: 10, MaxChars: 2000, NativeGlossary: true}}
	_, st, err := collect(context.Background(), &Translator{Provider: fp, Glossary: g, GlossaryMode: GlossaryNative, Repair: 2}, docs)
	if err != nil {
		t.Fatal(err)
	}
	reqs := fp.requests()
	if len(reqs) != 1 || len(reqs[0].Terms) != 0 {
		t.Errorf("%d requests, terms %+v: want one request and no terms", len(reqs), reqs[0].Terms)
	}
	if st.Violations != 1 {
		t.Errorf("%d violations, want the missing rendering reported", st.Violations)
	}
}
