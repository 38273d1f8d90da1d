package deepl

import (
	"context"
	"fmt"
	"net/http"
	"net/url"
	"strings"

	"github.com/bitext/bitext/providers"
)

type glossaryJSON struct {
	GlossaryID string `json:"glossary_id"`
	Name       string `json:"name"`
	Ready      bool   `json:"ready"`
	SourceLang string `json:"source_lang"`
	TargetLang string `json:"target_lang"`
	EntryCount int    `json:"entry_count"`
}

func (g glossaryJSON) info() providers.GlossaryInfo {
	return providers.GlossaryInfo{ID: g.GlossaryID, Name: g.Name, SourceLang: g.SourceLang, TargetLang: g.TargetLang, Entries: g.EntryCount, Ready: g.Ready}
}

// CreateGlossary creates a DeepL glossary from exact source→target pairs. DeepL matches
// exact forms only: callers push inflected forms as entries of their own.
func (p *Provider) CreateGlossary(ctx context.Context, name, sourceLang, targetLang string, entries []providers.Term) (providers.GlossaryInfo, error) {
	var b strings.Builder
	seen := map[string]bool{}
	for i, e := range entries {
		src, tgt := strings.TrimSpace(e.Source), strings.TrimSpace(e.Target)
		if e.DoNotTranslate && tgt == "" {
			tgt = src
		}
		if src == "" || tgt == "" || strings.ContainsAny(src+tgt, "\t\n\r") {
			return providers.GlossaryInfo{}, fmt.Errorf("deepl: glossary entry %d (%q): want a source and a target without tabs or line breaks", i+1, src)
		}
		if seen[src] {
			continue // DeepL refuses duplicate sources
		}
		seen[src] = true
		b.WriteString(src + "\t" + tgt + "\n")
	}
	if b.Len() == 0 {
		return providers.GlossaryInfo{}, fmt.Errorf("deepl: glossary %q has no entries", name)
	}
	in := map[string]string{
		"name": name, "source_lang": strings.ToLower(orDefault(sourceLang, "de")), "target_lang": glossaryLang(targetLang),
		"entries": b.String(), "entries_format": "tsv",
	}
	var g glossaryJSON
	if err := p.do(ctx, http.MethodPost, "/v2/glossaries", in, &g); err != nil {
		return providers.GlossaryInfo{}, p.failure(ctx, err, 1)
	}
	return g.info(), nil
}

// glossaryLang is the glossary's language: glossaries are per language, not per variant.
func glossaryLang(l string) string {
	l = strings.ToLower(orDefault(l, "en"))
	if i := strings.IndexAny(l, "-_"); i > 0 {
		l = l[:i]
	}
	return l
}

// ListGlossaries lists the account's glossaries.
func (p *Provider) ListGlossaries(ctx context.Context) ([]providers.GlossaryInfo, error) {
	var out struct {
		Glossaries []glossaryJSON `json:"glossaries"`
	}
	if err := p.do(ctx, http.MethodGet, "/v2/glossaries", nil, &out); err != nil {
		return nil, p.failure(ctx, err, 1)
	}
	list := make([]providers.GlossaryInfo, len(out.Glossaries))
	for i, g := range out.Glossaries {
		list[i] = g.info()
	}
	return list, nil
}

// DeleteGlossary deletes a glossary by ID.
func (p *Provider) DeleteGlossary(ctx context.Context, id string) error {
	if id == "" || strings.ContainsAny(id, "/?#") {
		return fmt.Errorf("deepl: glossary ID %q is not valid", id)
	}
	if err := p.do(ctx, http.MethodDelete, "/v2/glossaries/"+url.PathEscape(id), nil, nil); err != nil {
		return p.failure(ctx, err, 1)
	}
	return nil
}
