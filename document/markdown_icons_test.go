package document

import "testing"

// TestMarkdownIcons: mkdocs-material's icon shortcodes are codes, with the attribute list after
// them: before, ":fontawesome-brands-firefox:" was sent and came back
// ":FONTAWESOME-BRANDS-FIREFOX:", which no icon set has. A word between colons that is no
// icon's name stays text; an icon needs no space before it (pymdownx.emoji). The lines are mkdocs-material's browser-support.md and grids.md.
func TestMarkdownIcons(t *testing.T) {
	runMarkdownCases(t, []mdStructureCase{
		{"a list item's (browser-support.md)",
			"- :fontawesome-brands-firefox: __Firefox 31-52__ – icons will render as little\n  boxes due to missing support for [mask images].\n\n[mask images]: https://caniuse.com/mdn-css_properties_mask-image\n",
			[]string{"<g1>Firefox 31-52</g1> – icons will render as little boxes due to missing support for <g2>mask images</g2>."},
			"- :fontawesome-brands-firefox: __FIREFOX 31-52__ – ICONS WILL RENDER AS LITTLE BOXES DUE TO MISSING SUPPORT FOR [MASK IMAGES][mask images].\n\n[mask images]: https://caniuse.com/mdn-css_properties_mask-image\n"},
		{"with its attribute list, and in a link (grids.md)",
			"-   :material-clock-fast:{ .lg .middle } __Set up in 5 minutes__\n\n    [:octicons-arrow-right-24: Getting started](#)\n",
			[]string{"Set up in 5 minutes", "Getting started"},
			"-   :material-clock-fast:{ .lg .middle } __SET UP IN 5 MINUTES__\n\n    [:octicons-arrow-right-24: GETTING STARTED](#)\n"},
		{"in the middle of a sentence, and words between colons (browser-support.md's words)",
			"Chrome :fontawesome-brands-chrome: and Safari:fontawesome-brands-safari: at 10:30:00 :smile:\n",
			[]string{"Chrome <x1/> and Safari<x2/> at 10:30:00 :smile:"},
			"CHROME :fontawesome-brands-chrome: AND SAFARI:fontawesome-brands-safari: AT 10:30:00 :SMILE:\n"},
	})
}
