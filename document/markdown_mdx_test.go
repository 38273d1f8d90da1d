package document

import (
	"slices"
	"strings"
	"testing"
)

// TestMarkdownMDX: an .mdx file is read as Markdown; its import statements, component tags on
// lines of their own and comments are kept and never sent, the Markdown between component tags
// is read as Markdown, and text indented inside a component is text (MDX has no indented
// code). The lines are Astro's (MIT): tutorial/5-astro-api/1.mdx, guides/deploy/deno.mdx,
// basics/layouts.mdx, tutorial/1-setup/1.mdx. Before, .mdx was plain text (every line sent, the
// statements and tags too) and, read with --input-format markdown, "<Steps>" held the list under
// it to the next blank line as an HTML block, its words sent with their Markdown.
func TestMarkdownMDX(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
		out       string
	}{
		{"imports, a component around a list (tutorial/5-astro-api/1.mdx)",
			"import Box from '~/components/tutorial/Box.astro';\nimport { Steps } from '@astrojs/starlight/components';\n\n<PreCheck>\n  - mit `import.meta.glob()` auf die Daten aller deiner Beiträge gleichzeitig zuzugreifen\n</PreCheck>\n",
			[]string{"mit <x1/> auf die Daten aller deiner Beiträge gleichzeitig zuzugreifen"},
			"import Box from '~/components/tutorial/Box.astro';\nimport { Steps } from '@astrojs/starlight/components';\n\n<PreCheck>\n  - MIT `import.meta.glob()` AUF DIE DATEN ALLER DEINER BEITRÄGE GLEICHZEITIG ZUZUGREIFEN\n</PreCheck>\n"},
		{"a list right under <Steps>, fences in components (guides/deploy/deno.mdx)",
			"<Steps>\n1. Installiere den Adapter mit deinem bevorzugten Paketmanager als Abhängigkeit deines Projekts.\n\n   <PackageManagerTabs>\n     <Fragment slot=\"npm\">\n     ```shell\n     npm install @deno/astro-adapter\n     ```\n     </Fragment>\n   </PackageManagerTabs>\n</Steps>\n",
			[]string{"Installiere den Adapter mit deinem bevorzugten Paketmanager als Abhängigkeit deines Projekts."},
			"<Steps>\n1. INSTALLIERE DEN ADAPTER MIT DEINEM BEVORZUGTEN PAKETMANAGER ALS ABHÄNGIGKEIT DEINES PROJEKTS.\n\n   <PackageManagerTabs>\n     <Fragment slot=\"npm\">\n     ```shell\n     npm install @deno/astro-adapter\n     ```\n     </Fragment>\n   </PackageManagerTabs>\n</Steps>\n"},
		{"a comment (basics/layouts.mdx)",
			"{/* TODO: Link to /de/guides/routing/#excluding-pages (does not exist yet)*/}\n",
			nil,
			"{/* TODO: Link to /de/guides/routing/#excluding-pages (does not exist yet)*/}\n"},
		{"text indented in a component (tutorial/1-setup/1.mdx)",
			"<MultipleChoice>\n  <Option>\n        Webbrowser\n  </Option>\n</MultipleChoice>\n",
			[]string{"Webbrowser"},
			"<MultipleChoice>\n  <Option>\n        WEBBROWSER\n  </Option>\n</MultipleChoice>\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			if FormatFromName("seite.mdx") != Markdown {
				t.Fatalf(".mdx is %q, want Markdown", FormatFromName("seite.mdx"))
			}
			d, err := Read(strings.NewReader(tc.src), "seite.mdx", Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := d.Identity(); !slices.Equal(got, tc.want) {
				t.Errorf("segments %q, want %q", got, tc.want)
			}
			if out, _ := write(t, d, d.Identity(), ""); out != tc.src {
				t.Errorf("identity wrote %q, want the input", out)
			}
			if out, _ := write(t, d, translateAll(d, upper), "en"); out != tc.out {
				t.Errorf("wrote %q, want %q", out, tc.out)
			}
		})
	}
}
