package document

import (
	"fmt"
	"strings"
	"testing"
)

// TestMarkdownBareAddresses: web and e-mail addresses written bare (GFM's extended autolinks)
// are codes, kept byte for byte and never sent. The lines are CorrelAid's (MIT; SOURCES.md):
// blog/plötzlich-digital-slack.md, blog/newsletter-2016.md and a meetup page's contact line.
// Before, they were words the provider could translate, upper-case here, or break.
func TestMarkdownBareAddresses(t *testing.T) {
	runMarkdownCases(t, []mdStructureCase{
		{"a web address in a list item (blog/plötzlich-digital-slack.md)",
			"- Slack for Nonprofits: https://slack.com/intl/en-de/help/articles/204368833-Slack-for-Nonprofits -> **kostenloses Upgrade** auf Standard-Plan -> unbedingt machen!\n",
			[]string{"Slack for Nonprofits: <x1/> -> <g2>kostenloses Upgrade</g2> auf Standard-Plan -> unbedingt machen!"},
			"- SLACK FOR NONPROFITS: https://slack.com/intl/en-de/help/articles/204368833-Slack-for-Nonprofits -> **KOSTENLOSES UPGRADE** AUF STANDARD-PLAN -> UNBEDINGT MACHEN!\n"},
		{"an address with an escape, at a line's start (blog/newsletter-2016.md)",
			"Wenn ihr Interesse habt, dann füllt das Formular unter\nhttp://is.gd/ca\\_streetfootball aus.\n",
			[]string{"Wenn ihr Interesse habt, dann füllt das Formular unter <x1/> aus."},
			"WENN IHR INTERESSE HABT, DANN FÜLLT DAS FORMULAR UNTER http://is.gd/ca\\_streetfootball AUS.\n"},
		{"an e-mail address before the sentence's end",
			"Wenn ihr mitmachen wollt, schreibt uns einfach eine E-Mail an berlin@correlaid.org!\n",
			[]string{"Wenn ihr mitmachen wollt, schreibt uns einfach eine E-Mail an <x1/>!"},
			"WENN IHR MITMACHEN WOLLT, SCHREIBT UNS EINFACH EINE E-MAIL AN berlin@correlaid.org!\n"},
		{"www, in parentheses and quotation marks; the sentence's stop is no part of it (the case's structure)",
			"Mehr unter www.correlaid.org. Die Aufzeichnung (https://youtu.be/9wyL6svdBww) und „https://de.wikipedia.org/wiki/Köln“ helfen.\n",
			[]string{"Mehr unter <x1/>. Die Aufzeichnung (<x2/>) und „<x3/>“ helfen."},
			"MEHR UNTER www.correlaid.org. DIE AUFZEICHNUNG (https://youtu.be/9wyL6svdBww) UND „https://de.wikipedia.org/wiki/Köln“ HELFEN.\n"},
		{"no address: no domain, no dot, inside a word, link text; a \"*\" ends one, as goldmark reads it (the case's structure)",
			"Siehe foo.bar, a@b, https://localhost:8080, xwww.heise.de und [www.correlaid.org](https://correlaid.org) oder https://x.de/*neu*.\n",
			[]string{"Siehe foo.bar, a@b, https://localhost:8080, xwww.heise.de und <g1>www.correlaid.org</g1> oder <x2/><g3>neu</g3>."},
			"SIEHE FOO.BAR, A@B, HTTPS://LOCALHOST:8080, XWWW.HEISE.DE UND [WWW.CORRELAID.ORG](https://correlaid.org) ODER https://x.de/*NEU*.\n"},
	})
}

// TestMdBareLinkLen: where a bare address ends, by GFM's rules (spec §6.9 examples).
func TestMdBareLinkLen(t *testing.T) {
	for _, tc := range []struct{ in, want string }{
		{"www.commonmark.org/help?", "www.commonmark.org/help"},
		{"www.commonmark.org/a.b.", "www.commonmark.org/a.b"},
		{"www.google.com/search?q=(business))+ok", "www.google.com/search?q=(business))+ok"},
		{"www.google.com/search?q=Markup+(business)))", "www.google.com/search?q=Markup+(business)"},
		{"www.google.com/search?q=commonmark&hl;", "www.google.com/search?q=commonmark"},
		{"www.google.com/search?q=commonmark&hl=en", "www.google.com/search?q=commonmark&hl=en"},
		{"www.commonmark.org/he<lp", "www.commonmark.org/he"},
		{"http://commonmark.org", "http://commonmark.org"},
		{"https://encrypted.google.com/search?q=Markup+(business))", "https://encrypted.google.com/search?q=Markup+(business)"},
		{"foo@bar.baz", "foo@bar.baz"},
		{"hello+xyz@mail.example", "hello+xyz@mail.example"},
		{"a.b-c_d@a.b.", "a.b-c_d@a.b"},
		{"a.b-c_d@a.b-", ""},
		{"a.b-c_d@a.b_", ""},
		{"www.xn--80ak6aa92e.com", "www.xn--80ak6aa92e.com"},
		{"www.a_b.example", ""}, // "_" in the last two segments
		{"https://localhost", ""},
		{"Berlin", ""},
	} {
		if got := tc.in[:mdBareLinkLen(tc.in, 0, ' ')]; got != tc.want {
			t.Errorf("mdBareLinkLen(%q) takes %q, want %q", tc.in, got, tc.want)
		}
	}
}

// mdAddressDelimiterCases are bare addresses with "_" and "~" inside: the address is whole, its
// delimiter runs open and close nothing, as GFM's autolink extension reads them (cmark-gfm and
// goldmark take the address while reading the inlines, before delimiters pair); a "_" or "*"
// after it is a delimiter. Before, an address with a delimiter that could pair inside it was
// no address: "https://github.com/python/cpython/blob/main/Lib/json/__init__.py" was sent as
// words with "init" emphasised, and written back as "…/json/__INIT__.py". The addresses are
// real ones (the review's; CorrelAid's blog/point-pattern-analysis.md, MIT; I14Y handbook's
// publikation/datensatz/struktur.md), the sentences CorrelAid's (SOURCES.md).
var mdAddressDelimiterCases = []mdStructureCase{
	{"a Python module's address (the review's)",
		"Siehe https://github.com/python/cpython/blob/main/Lib/json/__init__.py dazu.\n",
		[]string{"Siehe <x1/> dazu."},
		"SIEHE https://github.com/python/cpython/blob/main/Lib/json/__init__.py DAZU.\n"},
	{"two addresses whose underscores would pair (point-pattern-analysis.md)",
		"Die Daten stammen aus https://www.ntsb.gov/_layouts/ntsb.aviation/index.aspx und https://github.com/python/cpython/blob/main/Lib/json/__init__.py.\n",
		[]string{"Die Daten stammen aus <x1/> und <x2/>."},
		"DIE DATEN STAMMEN AUS https://www.ntsb.gov/_layouts/ntsb.aviation/index.aspx UND https://github.com/python/cpython/blob/main/Lib/json/__init__.py.\n"},
	{"emphasis around an address: its trailing \"_\" closes it",
		"_Die Daten stammen aus https://www.ntsb.gov/_layouts/ntsb.aviation/index.aspx_ und sind frei.\n",
		[]string{"<g1>Die Daten stammen aus <x2/></g1> und sind frei."},
		"_DIE DATEN STAMMEN AUS https://www.ntsb.gov/_layouts/ntsb.aviation/index.aspx_ UND SIND FREI.\n"},
	{"tildes in an address are no strikethrough (struktur.md)",
		"Ein Tutorial steht unter www.ida.liu.se/~robke04/SHACLTutorial/ und ~~nicht~~ woanders.\n",
		[]string{"Ein Tutorial steht unter <x1/> und <g2>nicht</g2> woanders."},
		"EIN TUTORIAL STEHT UNTER www.ida.liu.se/~robke04/SHACLTutorial/ UND ~~NICHT~~ WOANDERS.\n"},
	{"e-mail addresses with underscores: an \"_\" before one is no emphasis (it closes nothing)",
		"Wenn ihr mitmachen wollt, schreibt an vor_name_@correlaid.org oder _berlin_@correlaid.org!\n",
		[]string{"Wenn ihr mitmachen wollt, schreibt an <x1/> oder _<x2/>!"},
		"WENN IHR MITMACHEN WOLLT, SCHREIBT AN vor_name_@correlaid.org ODER \\_berlin_@correlaid.org!\n"},
}

func TestMarkdownAddressDelimiters(t *testing.T) {
	runMarkdownCases(t, mdAddressDelimiterCases)
	// The reading is goldmark's with GFM's autolinks, character by character.
	for _, tc := range mdAddressDelimiterCases {
		src := strings.TrimSuffix(tc.src, "\n")
		if want, got := goldmarkEmphasis(src, true), bitextEmphasis(src, true); fmt.Sprint(got) != fmt.Sprint(want) {
			t.Errorf("%q:\n read %v,\n goldmark %v", src, got, want)
		}
	}
}
