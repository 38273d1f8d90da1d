package document

import "testing"

// TestMarkdownAdmonitionMarkers: an admonition's, a collapsible's and a content tab's marker and
// keywords are never sent nor changed; the title is read as inline Markdown (its code spans and
// icons codes), the body translated with its indentation kept, wherever the admonition stands:
// as a definition's or a list item's content, in a block quote, in a tab. Before, ":   !!! note"
// and "- !!! note" were sent whole and written "\!!! NOTE" (an admonition no more) with their
// bodies kept in German as indented code; "===!" (a new set of tabs) was written "\===!";
// "!!!Note" and a quoted admonition were joined to their bodies; a title's icon and code span
// were words (":OCTICONS-ARROW-LEFT-16: INLINE"). The cases are lines of mkdocs-material's
// admonitions.md, of PyMdown Extensions' tabbed.md and details tests and of Python-Markdown's
// cli.md and admonition tests (testdata/markdown/SOURCES.md); the quoted one and the one on a
// list item's line put those tests' words in the structure Python-Markdown reads the same way.
func TestMarkdownAdmonitionMarkers(t *testing.T) {
	const lorem = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. Nulla et\n        euismod nulla. Curabitur feugiat, tortor non consequat finibus, justo\n        purus auctor massa, nec semper lorem quam in massa.\n"
	const loremSent = "Lorem ipsum dolor sit amet, consectetur adipiscing elit. Nulla et euismod nulla. Curabitur feugiat, tortor non consequat finibus, justo purus auctor massa, nec semper lorem quam in massa."
	const loremOut = "LOREM IPSUM DOLOR SIT AMET, CONSECTETUR ADIPISCING ELIT. NULLA ET EUISMOD NULLA. CURABITUR FEUGIAT, TORTOR NON CONSEQUAT FINIBUS, JUSTO PURUS AUCTOR MASSA, NEC SEMPER LOREM QUAM IN MASSA.\n"
	runMarkdownCases(t, []mdStructureCase{
		{"a definition's admonition (admonitions.md)",
			"<!-- md:option type:note -->\n\n:   !!! note\n\n        " + lorem,
			[]string{loremSent},
			"<!-- md:option type:note -->\n\n:   !!! note\n\n        " + loremOut},
		{"tabs titled with an icon and a code span, an admonition in one (admonitions.md)",
			"=== \":octicons-file-code-16: `mkdocs.yml`\"\n\n    ``` yaml\n    extra_css:\n      - stylesheets/extra.css\n    ```\n\n=== \":octicons-arrow-left-16: inline\"\n\n    !!! info inline \"Lorem ipsum\"\n\n        " + lorem,
			[]string{"inline", "Lorem ipsum", loremSent},
			"=== \":octicons-file-code-16: `mkdocs.yml`\"\n\n    ``` yaml\n    extra_css:\n      - stylesheets/extra.css\n    ```\n\n=== \":octicons-arrow-left-16: INLINE\"\n\n    !!! info inline \"LOREM IPSUM\"\n\n        " + loremOut},
		{"a new set of tabs (tabbed.md)",
			"=== \"Tab 2\"\n    More Markdown **content**.\n\n    - list item a\n    - list item b\n\n===! \"Tab A\"\n    Different tab set.\n\n=== \"Tab B\"\n    ```\n    More content.\n    ```\n",
			[]string{"Tab 2", "More Markdown <g1>content</g1>.", "list item a", "list item b", "Tab A", "Different tab set.", "Tab B"},
			"=== \"TAB 2\"\n    MORE MARKDOWN **CONTENT**.\n\n    - LIST ITEM A\n    - LIST ITEM B\n\n===! \"TAB A\"\n    DIFFERENT TAB SET.\n\n=== \"TAB B\"\n    ```\n    More content.\n    ```\n"},
		{"collapsibles without a type, nested (PyMdown's test_details.py)",
			"??? \"details\"\n    content\n\n    ???+ \"open nested details\"\n        content\n\n        more content\n",
			[]string{"details", "content", "open nested details", "content", "more content"},
			"??? \"DETAILS\"\n    CONTENT\n\n    ???+ \"OPEN NESTED DETAILS\"\n        CONTENT\n\n        MORE CONTENT\n"},
		{"no space after the marker (Python-Markdown's cli.md)",
			"!!!Note\n    Python-Markdown uses `\"markdown_py\"` as a script name because the Perl\n    implementation has already taken the more obvious name \"markdown\".\n",
			[]string{"Python-Markdown uses <x1/> as a script name because the Perl implementation has already taken the more obvious name \"markdown\"."},
			"!!!Note\n    PYTHON-MARKDOWN USES `\"markdown_py\"` AS A SCRIPT NAME BECAUSE THE PERL IMPLEMENTATION HAS ALREADY TAKEN THE MORE OBVIOUS NAME \"MARKDOWN\".\n"},
		{"in a list item's body (Python-Markdown's test_admonition.py, test_with_lists)",
			"- List\n\n    !!! note \"Admontion\"\n\n        - Paragraph\n\n            Paragraph\n",
			[]string{"List", "Admontion", "Paragraph", "Paragraph"},
			"- LIST\n\n    !!! note \"ADMONTION\"\n\n        - PARAGRAPH\n\n            PARAGRAPH\n"},
		{"on a list item's line (that test's words)",
			"- !!! note \"Admontion\"\n\n        Paragraph\n",
			[]string{"Admontion", "Paragraph"},
			"- !!! note \"ADMONTION\"\n\n        PARAGRAPH\n"},
		{"in a block quote (that test's words)",
			"> !!! note \"Admontion\"\n>     Paragraph\n",
			[]string{"Admontion", "Paragraph"},
			"> !!! note \"ADMONTION\"\n>     PARAGRAPH\n"},
		{"an empty title stays empty (admonitions.md)",
			"!!! note \"\"\n\n    Lorem ipsum dolor sit amet, consectetur adipiscing elit. Nulla et euismod\n    nulla. Curabitur feugiat, tortor non consequat finibus, justo purus auctor\n    massa, nec semper lorem quam in massa.\n",
			[]string{loremSent},
			"!!! note \"\"\n\n    " + loremOut},
	})
}
