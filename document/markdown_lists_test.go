package document

import "testing"

// TestMarkdownListContent: a list item's blocks are read from the column its text starts at
// (CommonMark §5.2), so code four columns in under "2. " or "1.  " is code, kept and never
// sent, and indented code is four columns past the item's content. The lines are Astro's
// German documentation (withastro/docs, MIT; testdata/markdown/SOURCES.md). Before, the fence
// under "2. Aktualisiere …" (4 spaces, a blank line inside) was sent as a paragraph and came
// back joined and translated, as was the code opened on the item's line ("1.  ```markdown").
func TestMarkdownListContent(t *testing.T) {
	runMarkdownCases(t, []mdStructureCase{
		{"fence with a blank line, 4 columns under \"2. \" (guides/deploy/deno.mdx)",
			"2. Aktualisiere deine Projektkonfigurationsdatei `astro.config.mjs` mit den folgenden Änderungen.\n\n    ```js ins={3,6-7}\n    // astro.config.mjs\n    import { defineConfig } from 'astro/config';\n    import deno from '@deno/astro-adapter';\n\n    export default defineConfig({\n      output: 'server',\n      adapter: deno(),\n    });\n    ```\n\n3. Aktualisiere dein `preview`-Skript in der Datei `package.json` mit der folgenden Änderung.\n",
			[]string{"Aktualisiere deine Projektkonfigurationsdatei <x1/> mit den folgenden Änderungen.", "Aktualisiere dein <x1/>-Skript in der Datei <x2/> mit der folgenden Änderung."},
			"2. AKTUALISIERE DEINE PROJEKTKONFIGURATIONSDATEI `astro.config.mjs` MIT DEN FOLGENDEN ÄNDERUNGEN.\n\n    ```js ins={3,6-7}\n    // astro.config.mjs\n    import { defineConfig } from 'astro/config';\n    import deno from '@deno/astro-adapter';\n\n    export default defineConfig({\n      output: 'server',\n      adapter: deno(),\n    });\n    ```\n\n3. AKTUALISIERE DEIN `preview`-SKRIPT IN DER DATEI `package.json` MIT DER FOLGENDEN ÄNDERUNG.\n"},
		{"fence right under the item's line (guides/upgrade-to/v6.mdx)",
			"1. Aktualisiere deine `setAdapter()`-Methode: Setze `entrypointResolution: \"auto\"`, entferne `exports` und `args`\n    ```js title=\"mein-adapter.mjs\" ins={3} del={4-5}\n    setAdapter({\n      // ...\n      entrypointResolution: 'auto',\n    })\n    ```\n",
			[]string{"Aktualisiere deine <x1/>-Methode: Setze <x2/>, entferne <x3/> und"},
			"1. AKTUALISIERE DEINE `setAdapter()`-METHODE: SETZE `entrypointResolution: \"auto\"`, ENTFERNE `exports` UND `args`\n    ```js title=\"mein-adapter.mjs\" ins={3} del={4-5}\n    setAdapter({\n      // ...\n      entrypointResolution: 'auto',\n    })\n    ```\n"},
		{"fence on the item's line, \"1.  \" (tutorial/4-layouts/2.mdx)",
			"1.  ```markdown title=\"src/pages/posts/learning-astro.md\"\n    ---\n    layout: ../../__________/MyMarkdownLayout.astro\n    title: \"Markdown in Astro kennenlernen\"\n    ---\n    Heute habe ich so viel gelernt!\n    ```\n\n2.  Kannst du herausfinden, was in die Lücken gehört?\n",
			[]string{"Kannst du herausfinden, was in die Lücken gehört?"},
			"1.  ```markdown title=\"src/pages/posts/learning-astro.md\"\n    ---\n    layout: ../../__________/MyMarkdownLayout.astro\n    title: \"Markdown in Astro kennenlernen\"\n    ---\n    Heute habe ich so viel gelernt!\n    ```\n\n2.  KANNST DU HERAUSFINDEN, WAS IN DIE LÜCKEN GEHÖRT?\n"},
		{"HTML block 4 columns under \"1. \" (tutorial/1-setup/1.mdx)",
			"1. Ein Code-Editor, um Änderungen an deinen Dateien und deren Inhalten vorzunehmen?\n\n    <MultipleChoice>\n      <Option>\n        Webbrowser\n      </Option>\n    </MultipleChoice>\n",
			[]string{"Ein Code-Editor, um Änderungen an deinen Dateien und deren Inhalten vorzunehmen?", "Webbrowser"},
			"1. EIN CODE-EDITOR, UM ÄNDERUNGEN AN DEINEN DATEIEN UND DEREN INHALTEN VORZUNEHMEN?\n\n    <MultipleChoice>\n      <Option>\n        WEBBROWSER\n      </Option>\n    </MultipleChoice>\n"},
		{"indented code in an item, 6 columns under \"- \" (the line of guides/deploy/deno.mdx, the code indented by the case)",
			"- Installiere das [Deno Deploy CLI](https://docs.deno.com/deploy/manual/deployctl).\n\n      deno install -gArf jsr:@deno/deployctl\n\n      deployctl deploy\n\n- Weiter.\n",
			[]string{"Installiere das <g1>Deno Deploy CLI</g1>.", "Weiter."},
			"- INSTALLIERE DAS [DENO DEPLOY CLI](https://docs.deno.com/deploy/manual/deployctl).\n\n      deno install -gArf jsr:@deno/deployctl\n\n      deployctl deploy\n\n- WEITER.\n"},
		{"a paragraph 2 columns under \"- \" is the item's, not code (the case's structure)",
			"- Installiere das [Deno Deploy CLI](https://docs.deno.com/deploy/manual/deployctl).\n\n    Erstelle deine Astro-Website mit deinem bevorzugten Paketmanager:\n",
			[]string{"Installiere das <g1>Deno Deploy CLI</g1>.", "Erstelle deine Astro-Website mit deinem bevorzugten Paketmanager:"},
			"- INSTALLIERE DAS [DENO DEPLOY CLI](https://docs.deno.com/deploy/manual/deployctl).\n\n    ERSTELLE DEINE ASTRO-WEBSITE MIT DEINEM BEVORZUGTEN PAKETMANAGER:\n"},
	})
}
