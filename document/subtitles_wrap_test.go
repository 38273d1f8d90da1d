package document

import (
	"strings"
	"testing"
)

// TestSubtitleNoBreakSpace: a no-break space (U+00A0 in SubRip, U+00A0 or &nbsp; in WebVTT)
// survives translation and rewrapping and is never where a line breaks. The German is made-up,
// after a reviewer's files.
func TestSubtitleNoBreakSpace(t *testing.T) {
	const srt = "1\n00:00:01,000 --> 00:00:04,000\n"
	const vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n"
	tests := []struct {
		name, file, src, tr string
		want                []string // in the output
	}{
		{"srt U+00A0, rewrapped", "a.srt", srt + "Die Fahrkarte kostet ab sofort\nnur noch 100\u00a0Euro.\n",
			"From now on the ticket costs just 100\u00a0euros, and it is valid all day.",
			[]string{"100\u00a0euros"}},
		{"vtt &nbsp;, rewrapped", "a.vtt", vtt + "Die neue Fahrkarte kostet ab 100&nbsp;Euro\nund gilt nun den ganzen Tag lang.\n",
			"The new ticket costs from 100\u00a0euros and is now valid for the whole day.",
			[]string{"100&nbsp;euros"}},
		{"vtt &nbsp; where the line would break", "a.vtt", vtt + "Das sagte Dr.&nbsp;Müller am Montag\nin Berlin vor der Presse.\n",
			"That is what Dr.\u00a0Müller told the press in Berlin on Monday.",
			[]string{"Dr.&nbsp;Müller"}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			d, err := Read(strings.NewReader(tc.src), tc.file, Options{})
			if err != nil {
				t.Fatal(err)
			}
			if len(d.Segments) != 1 || !strings.Contains(d.Segments[0].Text, "\u00a0") {
				t.Fatalf("segments %q, want one with its no-break space", d.Identity())
			}
			out, probs := write(t, d, []string{tc.tr}, "en")
			if len(probs) > 0 {
				t.Error(probs)
			}
			for _, w := range tc.want {
				if !strings.Contains(out, w) {
					t.Errorf("output lacks %q:\n%s", w, out)
				}
			}
			if lines := strings.Count(out, "\n") - strings.Count(tc.src, "\n"); lines != 0 {
				t.Errorf("%d lines more than the source:\n%s", lines, out)
			}
		})
	}
}

// TestWrapTagged: only breaking spaces are break points, runs of them count as one; lines are
// balanced, as many as the source cue had when the translation fits in them, and a last line of
// one word is avoided when another number of lines avoids it.
func TestWrapTagged(t *testing.T) {
	tests := []struct {
		in              string
		width, srcLines int
		want            string
	}{
		{"100\u00a0Euro", 5, 1, "100\u00a0Euro"},
		{"kostet  100\u00a0Euro", 42, 1, "kostet 100\u00a0Euro"},
		{"Es kostet 100\u00a0Euro", 12, 1, "Es kostet\n100\u00a0Euro"},
		{"Es kostet 100\u202fEuro", 12, 1, "Es kostet\n100\u202fEuro"},
		// 84 characters: greedy filling gave 39/40 and "on." alone on a third line.
		{"The federal government has on Wednesday adopted a new law that it will now press on.", 42, 2,
			"The federal government has on\nWednesday adopted a new law\nthat it will now press on."},
		{"<g1>The federal government has on Wednesday</g1> <g2>adopted a new law that it will now press on.</g2>", 42, 2,
			"<g1>The federal government has on\nWednesday</g1> <g2>adopted a new law\nthat it will now press on.</g2>"},
		// Fits in the source's two lines: kept at two, balanced.
		{"The new bridge was opened today.", 42, 2, "The new bridge\nwas opened today."},
		// One line in the source, fits in one.
		{"The new bridge was opened today.", 42, 1, "The new bridge was opened today."},
		// Two lines would leave one word alone: one line.
		{"Thank you.", 42, 2, "Thank you."},
		// Longer than the source's two lines: three, balanced.
		{"The new bridge over the Rhine, which cost 80 million euros, was opened by the mayor today.", 42, 2,
			"The new bridge over the Rhine,\nwhich cost 80 million euros,\nwas opened by the mayor today."},
		// A word longer than the width is a line of its own.
		{"Donaudampfschifffahrtsgesellschaftskapitän sagt es", 20, 1, "Donaudampfschifffahrtsgesellschaftskapitän\nsagt es"},
	}
	for _, tc := range tests {
		if got := wrapTagged(tc.in, tc.width, tc.srcLines); got != tc.want {
			t.Errorf("wrapTagged(%q, %d, %d) =\n%q, want\n%q", tc.in, tc.width, tc.srcLines, got, tc.want)
		}
		for _, line := range strings.Split(tc.want, "\n") {
			if n := len([]rune(Plain(line))); n > tc.width && strings.Contains(line, " ") {
				t.Errorf("bad test: %q is %d long", line, n)
			}
		}
	}
}
