package document

import (
	"fmt"
	"strings"
	"testing"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/text"
)

// TestMarkdownEmphasisRuns: emphasis closed by a combined run, as CommonMark reads it. The
// first case is line 25 of de.react.dev's add-react-to-an-existing-project.md: it was sent as
// "<g1>Definiere <x2/> als *base path</g1>* …" and written so that "*" showed on the page.
func TestMarkdownEmphasisRuns(t *testing.T) {
	runMarkdownCases(t, []mdStructureCase{
		{"strong around an emphasis, closed by one run (add-react-to-an-existing-project.md:25)",
			"2. **Definiere `/deine-app` als *base path*** in der Konfiguration deines Frameworks.\n",
			[]string{"<g1>Definiere <x2/> als <g3>base path</g3></g1> in der Konfiguration deines Frameworks."},
			"2. **DEFINIERE `/deine-app` ALS *BASE PATH*** IN DER KONFIGURATION DEINES FRAMEWORKS.\n"},
		{"the review's minimal cases", "Das ist **fett mit *kursiv***, sagt sie.\n\nDas ist *kursiv mit **fett***, sagt er.\n",
			[]string{"Das ist <g1>fett mit <g2>kursiv</g2></g1>, sagt sie.", "Das ist <g1>kursiv mit <g2>fett</g2></g1>, sagt er."},
			"DAS IST **FETT MIT *KURSIV***, SAGT SIE.\n\nDAS IST *KURSIV MIT **FETT***, SAGT ER.\n"},
		{"one run opens both (synchronizing-with-effects.md:31)",
			"***Effects* let you specify side effects that are caused by rendering itself, rather than by a particular event.**\n",
			[]string{"<g1>Effects</g1> let you specify side effects that are caused by rendering itself, rather than by a particular event."},
			"***EFFECTS* LET YOU SPECIFY SIDE EFFECTS THAT ARE CAUSED BY RENDERING ITSELF, RATHER THAN BY A PARTICULAR EVENT.**\n"},
		{"underscores (controller.md)", "In der Robotik und der Automatisierung ist eine _Kontrollschleife_ eine endlose Schleife.\n",
			[]string{"In der Robotik und der Automatisierung ist eine <g1>Kontrollschleife</g1> eine endlose Schleife."},
			"IN DER ROBOTIK UND DER AUTOMATISIERUNG IST EINE _KONTROLLSCHLEIFE_ EINE ENDLOSE SCHLEIFE.\n"},
	})
}

// emChar is a character of a paragraph's text and how many emphasis and strong spans hold it.
type emChar struct {
	r          rune
	em, strong int
}

func (c emChar) String() string { return fmt.Sprintf("%c%d%d", c.r, c.em, c.strong) }

// goldmarkEmphasis is the text of the paragraph src as goldmark reads it, character by
// character with its emphasis. With addresses, GFM's autolinks and strikethrough are read too
// (strikethrough counted as emphasis), an autolink's characters as text, as an address code's
// are in bitextEmphasis.
func goldmarkEmphasis(src string, addresses bool) []emChar {
	b := []byte(src)
	md := goldmark.New()
	if addresses {
		md = goldmark.New(goldmark.WithExtensions(extension.Linkify, extension.Strikethrough))
	}
	root := md.Parser().Parse(text.NewReader(b))
	var out []emChar
	var walk func(n ast.Node, em, strong int)
	walk = func(n ast.Node, em, strong int) {
		for c := n.FirstChild(); c != nil; c = c.NextSibling() {
			switch v := c.(type) {
			case *ast.Emphasis:
				if v.Level == 2 {
					walk(c, em, strong+1)
				} else {
					walk(c, em+1, strong)
				}
			case *ast.AutoLink:
				if addresses {
					for _, r := range string(v.Label(b)) {
						out = append(out, emChar{r, em, strong})
					}
				}
			case *ast.Text:
				for _, r := range string(v.Segment.Value(b)) {
					out = append(out, emChar{r, em, strong})
				}
				if v.SoftLineBreak() && !addresses {
					out = append(out, emChar{' ', em, strong}) // as mdInline reads the break
				}
			default:
				if addresses && c.Kind().String() == "Strikethrough" {
					walk(c, em, strong+1) // "~~" reads as a strong span in emphasisLevels
					continue
				}
				walk(c, em, strong)
			}
		}
	}
	walk(root, 0, 0)
	return out
}

// bitextEmphasis is the text of the paragraph src as mdInline reads it, character by character
// with its emphasis: a code's run of n like delimiters is n/2 strong spans and n%2 emphasis
// (a code may hold pairs nested with nothing between them: "***", "_*"). With addresses, an
// address code's characters are text.
func bitextEmphasis(src string, addresses bool) []emChar {
	var b builder
	var titles []*mdTitle
	mdInline(src, 0, mdLineEnds{}, &b, &titles, false)
	var out []emChar
	var open []int // the open codes' ids
	em, strong := 0, 0
	for _, p := range b.ps {
		switch p.kind {
		case pText:
			for _, r := range p.text {
				out = append(out, emChar{r, em, strong})
			}
		case pAlone:
			if c := b.codes[p.id-1]; addresses && c.Name == "md-url" {
				for _, r := range c.Open {
					out = append(out, emChar{r, em, strong})
				}
			}
		case pOpen:
			e, s := emphasisLevels(b.codes[p.id-1].Open)
			em, strong = em+e, strong+s
			open = append(open, p.id)
		case pClose:
			e, s := emphasisLevels(b.codes[open[len(open)-1]-1].Open)
			em, strong = em-e, strong-s
			open = open[:len(open)-1]
		}
	}
	return out
}

// emphasisLevels counts the emphasis and strong spans of an emphasis code's markup.
func emphasisLevels(markup string) (em, strong int) {
	for i := 0; i < len(markup); {
		n := runLen(markup, i, markup[i])
		em, strong = em+n%2, strong+n/2
		i += n
	}
	return em, strong
}

// mdEmphasisAlphabet is what the emphasis comparison's texts are made of: words, spaces,
// delimiters and punctuation, nothing that starts another inline construct.
const mdEmphasisAlphabet = "ab *_.,!?()-'\"ä"

func compareEmphasis(t *testing.T, src string) {
	t.Helper()
	// "x " before the text: nothing in it starts a block, and its first run is after a space.
	src = strings.TrimRight("x "+src, " ")
	want, got := goldmarkEmphasis(src, false), bitextEmphasis(src, false)
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("%q:\n read %v,\n goldmark %v", src, got, want)
	}
}

// TestMarkdownEmphasisAsGoldmark holds the emphasis reader to goldmark's on the examples of the
// CommonMark spec's delimiter rules (testdata/markdown/SOURCES.md) and on German sentences.
func TestMarkdownEmphasisAsGoldmark(t *testing.T) {
	for _, src := range mdEmphasisExamples {
		compareEmphasis(t, src)
	}
}

var mdEmphasisExamples = []string{
	// CommonMark 0.31.2, §6.2 (examples 350-480).
	"**foo *bar***", "*foo **bar***", "***foo***", "***foo** bar*", "*foo **bar** baz*", "**foo*bar*baz**",
	"*foo**bar**baz*", "*foo**bar*", "***foo** bar*", "*foo***bar**", "foo***bar***baz", "foo******bar*********baz",
	"**foo**bar", "*foo *bar**", "**foo bar*", "*foo bar**", "_foo _bar_ baz_", "__foo_ bar_", "*(*foo*)*",
	"**Gomphocarpus (*Gomphocarpus physocarpus*, syn.\n*Asclepias physocarpa*)**", "*foo**bar**baz*",
	"foo*bar*", "5*6*78", "_foo_bar", "пристаням_стремятся_", "*(**foo**)*", "**foo \"*bar*\" foo**",
	"__foo, __bar__, baz__", "foo-__(bar)__", "*foo\"*", "a * foo bar*", "*$*alpha.", "**a*b**c*",
	"***a**b*", "*a**b***", "_____foo_____", "*foo _bar* baz_", "**foo*bar**", "__a_b__", "**a *b* c**",
	// The lines of the tests above, and useContext.md:47 of de.react.dev.
	"Das ist **fett mit *kursiv***, sagt sie.", "Das ist *kursiv mit **fett***, sagt er.",
	"**Definiere als *base path*** in der Konfiguration", "are ***exactly* the same object**, as determined",
}

// FuzzMarkdownEmphasis: any text of words, spaces, delimiters and punctuation is read with the
// emphasis goldmark gives it.
func FuzzMarkdownEmphasis(f *testing.F) {
	for _, s := range mdEmphasisExamples {
		if !strings.ContainsAny(s, "\n") {
			f.Add(s)
		}
	}
	f.Fuzz(func(t *testing.T, src string) {
		if len(src) > 200 {
			return
		}
		// Every byte stands for a character of the alphabet, so that every input is a text.
		alphabet := []rune(mdEmphasisAlphabet)
		var b strings.Builder
		for i := 0; i < len(src); i++ {
			if r := rune(src[i]); strings.ContainsRune(mdEmphasisAlphabet, r) {
				b.WriteRune(r)
			} else {
				b.WriteRune(alphabet[int(src[i])%len(alphabet)])
			}
		}
		compareEmphasis(t, b.String())
	})
}
