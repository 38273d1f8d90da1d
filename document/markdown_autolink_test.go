package document

import "testing"

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
		{"no address: no domain, no dot, inside a word, link text, emphasis inside (the case's structure)",
			"Siehe foo.bar, a@b, https://localhost:8080, xwww.heise.de und [www.correlaid.org](https://correlaid.org) oder https://x.de/*neu*.\n",
			[]string{"Siehe foo.bar, a@b, https://localhost:8080, xwww.heise.de und <g1>www.correlaid.org</g1> oder https://x.de/<g2>neu</g2>."},
			"SIEHE FOO.BAR, A@B, HTTPS://LOCALHOST:8080, XWWW.HEISE.DE UND [WWW.CORRELAID.ORG](https://correlaid.org) ODER HTTPS://X.DE/*NEU*.\n"},
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
