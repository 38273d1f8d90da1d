package translate

import (
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/bitext/bitext/internal/fixtures"
	"github.com/bitext/bitext/providers"
	"github.com/bitext/bitext/providers/deepl"
	"github.com/bitext/bitext/providers/deepl/deepltest"
	"github.com/bitext/bitext/providers/providertest"
)

// openDeepL opens the DeepL driver, through providers.Open as the CLI does, on a fake that
// answers with translate.
func openDeepL(t *testing.T, translate func(providertest.Segment, providertest.RequestInfo) string) providers.Provider {
	t.Helper()
	f := deepltest.New(t, providertest.Options{Translate: translate})
	p, err := providers.Open("deepl", providers.Config{APIKey: "deepl-test-key:fx", BaseURL: f.URL, Getenv: func(string) string { return "" },
		Retry: providers.RetryPolicy{BaseDelay: time.Millisecond, MaxDelay: 10 * time.Millisecond}})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

var _ = deepl.MaxTexts // the driver registers itself as "deepl"

// echoXML is a DeepL that gives every text back as it was sent: the way through XML and back
// must then be lossless.
func echoXML(seg providertest.Segment, _ providertest.RequestInfo) string { return seg.Text }

// TestPageThroughDeepL: a page with links, emphasis, code and line breaks through the DeepL
// driver (tag_handling=xml) and the pipeline's tag guard. A DeepL that returns each text as it
// was sent gives the page back byte for byte but for lang; one that reorders words and elements
// (and re-serializes them) keeps every element, and no answer is flagged: DeepL's answers need
// no safe placement.
func TestPageThroughDeepL(t *testing.T) {
	pageThroughDeepL(t, "../document/testdata/artikel.html")
}

// TestRealPagesThroughDeepL: the same for real German news pages (fixtures kind extract/pages,
// not committed).
func TestRealPagesThroughDeepL(t *testing.T) {
	dir := fixtures.Dir(t, "extract/pages", "BR_2024_04_22.html")
	pages, _ := filepath.Glob(filepath.Join(dir, "*.html"))
	if len(pages) > 10 && testing.Short() {
		pages = pages[:10]
	}
	for _, p := range pages {
		pageThroughDeepL(t, p)
	}
}

var (
	langAttr   = regexp.MustCompile(`lang=("[^"]*"|'[^']*'|[^\s>]+)|(?i)((?:content-language|og:locale)["']?\s+content=)("[^"]*"|'[^']*')|(?i)content=("[^"]*"|'[^']*')\s+property=["']og:locale`)
	charsetRe  = regexp.MustCompile(`(?i)(charset=["']?)[A-Za-z0-9_:.-]+`)
	nbspAsText = strings.NewReplacer("\u00a0", " ", "&nbsp;", " ")
)

// pageBack reports whether out is the page in given back but for its lang attributes and
// Content-Language meta, no-break
// spaces as spaces (identical sources are asked once; a no-break space counts as a space there),
// and a declared charset rewritten to UTF-8 (a page whose bytes are UTF-8 under another label
// is written declaring UTF-8).
func pageBack(in, out string) bool {
	norm := func(s string) string { return nbspAsText.Replace(langAttr.ReplaceAllString(s, "lang")) }
	if !strings.Contains(strings.ToLower(out), "charset=utf-8") {
		return norm(out) == norm(in)
	}
	return charsetRe.ReplaceAllString(norm(out), "${1}X") == charsetRe.ReplaceAllString(norm(in), "${1}X")
}

func pageThroughDeepL(t *testing.T, path string) {
	t.Helper()
	name := filepath.Base(path)
	d, data := readDoc(t, path)
	out, pairs, probs := runDoc(t, &Translator{Provider: GuardTags(openDeepL(t, echoXML))}, d)
	if len(probs) > 0 || !pageBack(string(data), out) {
		t.Errorf("%s: echo through DeepL's XML is not the page back but for lang (%d problems)", name, len(probs))
	}
	if n := suspects(pairs); n > 0 {
		t.Errorf("%s: echo: %d answers flagged", name, n)
	}
	out, pairs, probs = runDoc(t, &Translator{Provider: GuardTags(openDeepL(t, deepltest.ReorderTags))}, d)
	if len(probs) > 0 || !sameElements(string(data), out) {
		t.Errorf("%s: reordering through DeepL lost elements (%d problems)", name, len(probs))
	}
	if n := suspects(pairs); n > 0 {
		t.Errorf("%s: reordered: %d answers flagged", name, n)
	}
}

// suspects counts the answers whose tags had to be placed safely. (An echo is also flagged as
// an unchanged source by providers.Open's checks; that is not what these tests are about.)
func suspects(pairs []Pair) int {
	n := 0
	for _, p := range pairs {
		for _, v := range p.Findings {
			if v.Kind == Suspect && strings.HasPrefix(v.Message, SuspectTags) {
				n++
			}
		}
	}
	return n
}
