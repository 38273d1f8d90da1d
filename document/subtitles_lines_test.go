package document

import (
	"strings"
	"testing"
)

// TestSubtitleLines: a cue whose lines each stand on their own keeps one line per line; a cue
// that breaks mid-sentence is one segment, rewrapped.
func TestSubtitleLines(t *testing.T) {
	const timing = "1\n00:00:01,000 --> 00:00:03,000\n"
	const vttHead = "WEBVTT\n\n00:01.000 --> 00:03.000\n"
	tests := []struct {
		name, src string
		segs      []string // the segments read
		tr        []string // their translations
		want      string
	}{
		{"dialogue", timing + "- Wer bist du?\n- Ich bin es.\n",
			[]string{"- Wer bist du?", "- Ich bin es."}, []string{"- Who are you?", "- It is me."},
			timing + "- Who are you?\n- It is me.\n"},
		{"sentences", timing + "Erster Satz hier.\nZweiter Satz hier.\n",
			[]string{"Erster Satz hier.", "Zweiter Satz hier."}, []string{"First sentence here.", "Second sentence here."},
			timing + "First sentence here.\nSecond sentence here.\n"},
		{"formatted sentences", timing + "<b>Fett gedruckt.</b>\n<u>Unterstrichen.</u>\n",
			[]string{"Fett gedruckt.", "Unterstrichen."}, []string{"In bold.", "Underlined."},
			timing + "<b>In bold.</b>\n<u>Underlined.</u>\n"},
		// Formatting over two lines, after a reviewer's files (made-up German): one sentence,
		// one segment, not two fragments.
		{"voice over two lines.vtt", vttHead + "<v Anna>Kommst du heute Abend\nmit uns ins Kino?</v>\n",
			[]string{"Kommst du heute Abend mit uns ins Kino?"}, []string{"Are you coming to the cinema with us tonight?"},
			vttHead + "<v Anna>Are you coming to the\ncinema with us tonight?</v>\n"},
		{"font line, then the sentence's end", timing + "<font color=\"#ffff00\">ins Stocken geraten, weil Russland</font>\nkeine Zugeständnisse machen wolle.\n",
			[]string{"<g1>ins Stocken geraten, weil Russland</g1> keine Zugeständnisse machen wolle."},
			[]string{"<g1>stalled because Russia</g1> did not want to make concessions."},
			timing + "<font color=\"#ffff00\">stalled because Russia</font> did\nnot want to make concessions.\n"},
		{"italics over two sentences", timing + "<i>Das ist gut.\nUnd das auch.</i>\n",
			[]string{"Das ist gut. Und das auch."}, []string{"That is good. And so is that."},
			timing + "<i>That is good.\nAnd so is that.</i>\n"},
		{"unclosed voices.vtt", vttHead + "<v Anna>Schade.\n<v Bernd>Vielleicht nächste Woche.\n",
			[]string{"Schade.", "Vielleicht nächste Woche."}, []string{"Pity.", "Maybe next week."},
			vttHead + "<v Anna>Pity.\n<v Bernd>Maybe next week.\n"},
		{"sound", timing + "[LACHEN]\nDas war lustig.\n",
			[]string{"[LACHEN]", "Das war lustig."}, []string{"[LAUGHTER]", "That was funny."},
			timing + "[LAUGHTER]\nThat was funny.\n"},
		{"crlf", "1\r\n00:00:01,000 --> 00:00:03,000\r\n- Wer bist du?\r\n- Ich bin es.\r\n",
			[]string{"- Wer bist du?", "- Ich bin es."}, []string{"- Who are you?", "- It is me."},
			"1\r\n00:00:01,000 --> 00:00:03,000\r\n- Who are you?\r\n- It is me.\r\n"},
		{"voices.vtt", vttHead + "<v Anna>Wer bist du?</v>\n<v Ben>Ich bin es.</v>\n",
			[]string{"Wer bist du?", "Ich bin es."}, []string{"Who are you?", "It is me."},
			vttHead + "<v Anna>Who are you?</v>\n<v Ben>It is me.</v>\n"},
		{"long line wraps", timing + "- Ja.\n- Nein.\n",
			[]string{"- Ja.", "- Nein."}, []string{"- Yes.", "- No, and this answer is much longer than one line may be."},
			timing + "- Yes.\n- No, and this answer is much\nlonger than one line may be.\n"},
		{"mid-sentence", timing + "Die neue Brücke über den Rhein\nwurde heute eröffnet.\n",
			[]string{"Die neue Brücke über den Rhein wurde heute eröffnet."}, []string{"The new bridge over the Rhine was opened today."},
			timing + "The new bridge over the\nRhine was opened today.\n"},
		{"same italics mid-sentence", timing + "<i>Ich gehe jetzt</i>\n<i>nach Hause.</i>\n",
			[]string{"<g1>Ich gehe jetzt</g1> <g2>nach Hause.</g2>"}, []string{"<g1>I am going</g1> <g2>home now.</g2>"},
			timing + "<i>I am going</i>\n<i>home now.</i>\n"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			name := tc.name
			if !strings.HasSuffix(name, ".vtt") {
				name += ".srt"
			}
			d, err := Read(strings.NewReader(tc.src), name, Options{})
			if err != nil {
				t.Fatal(err)
			}
			got := d.Identity()
			if strings.Join(got, "|") != strings.Join(tc.segs, "|") {
				t.Fatalf("segments %q, want %q", got, tc.segs)
			}
			out, probs := write(t, d, tc.tr, "")
			if len(probs) > 0 {
				t.Error(probs)
			}
			if out != tc.want {
				t.Errorf("wrote %q, want %q", out, tc.want)
			}
			if id, _ := write(t, d, d.Identity(), ""); id != tc.src {
				t.Errorf("identity wrote %q, want %q", id, tc.src)
			}
		})
	}
}

// TestSubtitleCRLFLastCue: a cue on the last line of a CRLF file, without a final line break,
// that its translation outgrows is wrapped with CRLF, the file's line break, not LF.
func TestSubtitleCRLFLastCue(t *testing.T) {
	src := "1\r\n00:00:01,000 --> 00:00:03,000\r\nErster Satz.\r\n\r\n2\r\n00:00:04,000 --> 00:00:06,000\r\nKurz."
	d, err := Read(strings.NewReader(src), "a.srt", Options{})
	if err != nil {
		t.Fatal(err)
	}
	long := func(s string) string { return s + " " + strings.Repeat("und noch viel mehr Text ", 4) }
	out, _ := write(t, d, translateAll(d, long), "en")
	if strings.Contains(strings.ReplaceAll(out, "\r\n", ""), "\n") {
		t.Errorf("a lone LF in a CRLF file:\n%q", out)
	}
	if !strings.Contains(out, "Kurz. und noch viel mehr Text") || strings.Count(out, "\r\n") <= strings.Count(src, "\r\n") {
		t.Errorf("the last cue was not wrapped:\n%q", out)
	}
}
