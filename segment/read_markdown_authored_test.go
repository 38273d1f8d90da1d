package segment

import (
	"strings"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// TestMarkdownNoWebDebris: Markdown is its author's document, not a scraped page, so none of its
// blocks is web debris and its text is not tidied as scraped text is; translate sends all of it.
// Before, segment (and so translate --main-only, -o x.txt, -f jsonl) dropped these authored
// blocks as app prompts, links to more articles and timestamps, and changed "Slack != WhatsApp"
// and "z. B. .well-known". Real lines: mailcow-dockerized-docs (client/client-apple.de.md,
// getstarted/install.de.md, post_installation/setup-mta-sts.de.md), I14Y handbook
// (veranstaltungen/_index.md), CorrelAid hugo-website (events/2019-11/meetup.md,
// blog/plötzlich-digital-slack.md): see testdata/SOURCES.md.
func TestMarkdownNoWebDebris(t *testing.T) {
	for _, tc := range []struct {
		name, in string
		want     []string
	}{
		{"an instruction taken for an app prompt (client-apple.de.md:54)",
			"## Methode 2: Exchange ActiveSync-Emulation\n\n1. Folgen Sie der [Anleitung von Apple](https://support.apple.com/de-de/guide/iphone/iph44d1ae58a/ios) für Ihre Version von iOS/iPadOS und wählen Sie *Microsoft Exchange* als E-Mail-Dienst.\n",
			[]string{"heading/2: Methode 2: Exchange ActiveSync-Emulation",
				"list-item/1 1.: Folgen Sie der Anleitung von Apple für Ihre Version von iOS/iPadOS und wählen Sie Microsoft Exchange als E-Mail-Dienst."}},
		{"a sentence before a list taken for a link to more articles (install.de.md:25)",
			"Anleitungen zur Installation finden Sie hier:\n\n- [Docker installieren](https://docs.docker.com/install/)\n",
			[]string{"paragraph: Anleitungen zur Installation finden Sie hier:", "list-item/1 -: Docker installieren"}},
		{"an event list's dates taken for timestamps (veranstaltungen/_index.md:89-90)",
			"- **16.01.2025** – Treffen Local Data Stewards\n- **18.02.2025** – Steuerungsausschuss\n",
			[]string{"list-item/1 -: 16.01.2025 – Treffen Local Data Stewards", "list-item/1 -: 18.02.2025 – Steuerungsausschuss"}},
		{"a programme's day heading and times taken for a dateline (meetup.md:45-51)",
			"## Programm\n### Freitag, 29. November 2019\n\n| time          |     |\n| ------------- | --- |\n| 17:00 - 18:00 | Mitgliederversammlung (optional)\\*  |\n",
			[]string{"heading/2: Programm", "heading/3: Freitag, 29. November 2019", "paragraph: time", "paragraph: 17:00 - 18:00", "paragraph: Mitgliederversammlung (optional)*"}},
		{"a space before \"!=\" is the author's (plötzlich-digital-slack.md:121)",
			"- Slack != WhatsApp != Email -> nicht 20 kleine Nachrichten in Channel oder Direktnachrichten (jede Direktnachricht = eine Benachrichtigung).\n",
			[]string{"list-item/1 -: Slack != WhatsApp != Email -> nicht 20 kleine Nachrichten in Channel oder Direktnachrichten (jede Direktnachricht = eine Benachrichtigung)."}},
		{"a period before a file name is no stray period (setup-mta-sts.de.md:7)",
			"Wenn Sie MTA‑STS manuell für Ihre Domain in mailcow konfiguriert haben, beachten Sie, dass nach diesem Update keine vorhandenen MTA‑STS-Dateien (z. B. .well-known/mta-sts.txt) mehr erreichbar sind.\n",
			[]string{"paragraph: Wenn Sie MTA‑STS manuell für Ihre Domain in mailcow konfiguriert haben, beachten Sie, dass nach diesem Update keine vorhandenen MTA‑STS-Dateien (z. B. .well-known/mta-sts.txt) mehr erreichbar sind."}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			doc := readString(t, tc.in, Markdown, false)
			if diff := cmp.Diff(tc.want, blockSummary(doc.Blocks)); diff != "" {
				t.Errorf("blocks (-want +got):\n%s", diff)
			}
			for _, r := range doc.Removed {
				if strings.Contains(r.Reason, "prompt") || strings.Contains(r.Reason, "timestamp") || strings.Contains(r.Reason, "articles") || strings.Contains(r.Reason, "stray") || strings.Contains(r.Reason, "punctuation") {
					t.Errorf("removed as debris: %v", r)
				}
			}
		})
	}
}
