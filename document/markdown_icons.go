package document

import "regexp"

// mdIcon is an icon shortcode of mkdocs-material's icon sets (pymdownx.emoji with its
// twemoji index: ":material-bug-outline:", ":fontawesome-brands-chrome:",
// ":octicons-file-code-16:", ":simple-letsencrypt:"), with the attribute list that may follow
// it (":material-clock-fast:{ .lg .middle }" in a grid card). The page shows an icon in its
// place: its name is no words, a standalone code. Sent as text, it came back translated
// (":MATERIAL-BUG-OUTLINE:"), and the page showed the shortcode instead of the icon. Other emoji
// shortcodes (":cow:") are left as text: a word between colons is too often not one, and a
// model keeps ":cow:" as it is.
var mdIcon = regexp.MustCompile(`^:(?:material|fontawesome-(?:brands|regular|solid)|octicons|simple)-[a-z0-9]+(?:-[a-z0-9]+)*:`)

// mdIconLen returns the length of the icon shortcode s starts with, its attribute list included,
// or 0. As pymdownx.emoji reads them, a shortcode needs no space around it
// ("Safari:fontawesome-brands-safari:").
func mdIconLen(s string) int {
	n := len(mdIcon.FindString(s))
	if n == 0 {
		return 0
	}
	return mdAttrsAfter(s, n)
}
