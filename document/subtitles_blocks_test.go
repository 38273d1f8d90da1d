package document

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSubtitleCueBoundaries: a cue ends at a blank line or at a timing line, as WebVTT's parser
// has it (and, in SubRip, at the cue number above a timing line); NOTE, STYLE and REGION blocks
// are kept only when they are such blocks, not cues whose identifiers start with those letters.
// No cue number, identifier or timing line is ever sent, and no cue is lost.
func TestSubtitleCueBoundaries(t *testing.T) {
	tests := []struct {
		name, file, src string
		segs            []string
	}{
		// The cases written out here are made-up German, after a reviewer's files.
		{"srt cues without blank lines", "a.srt",
			"1\n00:00:01,000 --> 00:00:04,000\nGuten Abend, meine Damen und Herren.\n2\n00:00:05,000 --> 00:00:06,000\nWillkommen zur Sendung heute Abend.\n\n3\n00:00:07,000 --> 00:00:08,000\nDas Wetter wird schön.\n",
			[]string{"Guten Abend, meine Damen und Herren.", "Willkommen zur Sendung heute Abend.", "Das Wetter wird schön."}},
		{"srt CRLF, cue after a two-line cue", "a.srt",
			"1\r\n00:00:01,000 --> 00:00:04,000\r\nGuten Abend, meine Damen\r\nund Herren.\r\n2\r\n00:00:05,000 --> 00:00:06,000\r\nWillkommen.",
			[]string{"Guten Abend, meine Damen und Herren.", "Willkommen."}},
		{"vtt cues without blank lines", "a.vtt",
			"WEBVTT\n\n00:01.000 --> 00:04.000\nGuten Abend, meine Damen und Herren.\n00:05.000 --> 00:06.000\nWillkommen zur Sendung heute Abend.\n",
			[]string{"Guten Abend, meine Damen und Herren.", "Willkommen zur Sendung heute Abend."}},
		{"vtt identifiers NOTE-1, STYLE-cue, REGIONAL", "a.vtt",
			"WEBVTT\n\nNOTE-1\n00:01.000 --> 00:04.000\nGuten Abend, meine Damen und Herren.\n\nSTYLE-cue\n00:05.000 --> 00:06.000\nWillkommen zur Sendung heute Abend.\n\nREGIONAL\n00:07.000 --> 00:08.000\nDas Wetter wird schön.\n",
			[]string{"Guten Abend, meine Damen und Herren.", "Willkommen zur Sendung heute Abend.", "Das Wetter wird schön."}},
		{"vtt NOTE with tab, STYLE, REGION", "a.vtt",
			"WEBVTT\n\nNOTE\tvon Hand korrigiert\n\nSTYLE\n::cue { color: yellow }\n\nREGION\nid:unten\n\n00:01.000 --> 00:04.000\nGuten Abend.\n",
			[]string{"Guten Abend."}},
		// vtt.js's test files (testdata/vttjs/SOURCES.md).
		{"vtt.js cue-spacing", "testdata/vttjs/file-layout-cue-spacing.vtt", "", []string{"Text", "Text", "Text"}},
		{"vtt.js header-no-new-line", "testdata/vttjs/file-layout-header-no-new-line.vtt", "", []string{"Test"}},
		{"vtt.js many-comments", "testdata/vttjs/file-layout-many-comments.vtt", "",
			[]string{"Never drink liquid nitrogen.", "- It will perforate your stomach.", "- You could die."}},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := tc.src
			if src == "" {
				b, err := os.ReadFile(tc.file)
				if err != nil {
					t.Fatal(err)
				}
				src = string(b)
			}
			d, err := Read(strings.NewReader(src), filepath.Base(tc.file), Options{})
			if err != nil {
				t.Fatal(err)
			}
			if got := d.Identity(); strings.Join(got, "|") != strings.Join(tc.segs, "|") {
				t.Fatalf("segments %q, want %q", got, tc.segs)
			}
			if id, _ := write(t, d, d.Identity(), ""); id != src {
				t.Errorf("identity wrote %q, want %q", id, src)
			}
			// Every line that is not cue text comes back as it was.
			out, probs := write(t, d, translateAll(d, strings.ToUpper), "")
			if len(probs) > 0 {
				t.Error(probs)
			}
			for _, l := range strings.SplitAfter(src, "\n") {
				if strings.Contains(l, "-->") || srtCueNumber.MatchString(l) || strings.HasPrefix(l, "NOTE") || strings.HasPrefix(l, "WEBVTT") {
					if !strings.Contains(out, l) {
						t.Errorf("line %q lost:\n%s", l, out)
					}
				}
			}
		})
	}
}

// TestSubtitleTimingLines: a timing line is checked per format, and a malformed one is an
// *InputError at that line (not at the cue number above it), with that format's example.
func TestSubtitleTimingLines(t *testing.T) {
	tests := []struct {
		name, file, src string
		line            int // of the error; 0: none
	}{
		// Made-up, after a reviewer's files.
		{"srt arrow with one dash", "a.srt", "1\n00:00:01,000 -> 00:00:04,000\nGuten Abend.\n", 2},
		{"srt garbage times", "a.srt", "1\n00:00:0x,000 --> garbage\nGuten Abend.\n", 2},
		{"srt second cue bad", "a.srt", "1\n00:00:01,000 --> 00:00:04,000\nGuten Abend.\n\n2\n00:00:05 --> 00:00:06,000\nHallo.\n", 6},
		{"srt bad timing after a cue without blank line", "a.srt", "1\n00:00:01,000 --> 00:00:04,000\nGuten Abend.\n2\n00:00:05,000 --> später\nHallo.\n", 5},
		{"srt no timing line", "a.srt", "Guten Abend.\n", 1},
		{"srt cue number, no timing line", "a.srt", "1\n00:00:01,000 --> 00:00:02,000\nGuten Abend.\n\n3\nHallo\n", 5},
		{"srt full stops, position", "a.srt", "1\n00:00:01.000 --> 00:00:04.000 X1:100 X2:600 Y1:050 Y2:100\nGuten Abend.\n", 0},
		{"vtt SubRip comma", "a.vtt", "WEBVTT\n\n00:00:01,000 --> 00:00:04,000\nGuten Abend.\n", 3},
		{"vtt identifier, bad timing", "a.vtt", "WEBVTT\n\nanfang\n00:01.000 -> 00:04.000\nGuten Abend.\n", 4},
		{"vtt settings", "a.vtt", "WEBVTT\n\n00:01.000 --> 00:04.000 line:0 position:20% align:start\nGuten Abend.\n", 0},
		{"vtt signature WEBVTTX", "a.vtt", "WEBVTTX\n\n00:01.000 --> 00:04.000\nGuten Abend.\n", 1},
	}
	// vtt.js's cue-times tests: those its parser rejects are errors at line 3.
	entries, err := os.ReadDir("testdata/vttjs")
	if err != nil {
		t.Fatal(err)
	}
	rejected := map[string]bool{"fraction-digits": true, "incorrect-delimiter": true, "min-mid-digits": true, "missing-separator": true}
	for _, e := range entries {
		name := strings.TrimSuffix(strings.TrimPrefix(e.Name(), "cue-times-"), ".vtt")
		if !strings.HasPrefix(e.Name(), "cue-times-") {
			continue
		}
		line := 0
		if rejected[name] {
			line = 3
		}
		tests = append(tests, struct {
			name, file, src string
			line            int
		}{"vtt.js " + name, filepath.Join("testdata/vttjs", e.Name()), "", line})
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			src := tc.src
			if src == "" {
				b, err := os.ReadFile(tc.file)
				if err != nil {
					t.Fatal(err)
				}
				src = string(b)
			}
			d, err := Read(strings.NewReader(src), filepath.Base(tc.file), Options{})
			if tc.line == 0 {
				if err != nil {
					t.Fatal(err)
				}
				if len(d.Segments) == 0 {
					t.Error("no segments")
				}
				return
			}
			var ie *InputError
			if !errors.As(err, &ie) {
				t.Fatalf("error %v, want an *InputError at line %d", err, tc.line)
			}
			if ie.Line != tc.line {
				t.Errorf("error at line %d, want %d: %v", ie.Line, tc.line, err)
			}
			example := ie.Msg[strings.LastIndex(ie.Msg, "timing line")+1:] // past the line quoted
			if strings.HasSuffix(tc.file, ".vtt") && strings.Contains(example, ",000") {
				t.Errorf("a WebVTT error with a SubRip example: %v", err)
			}
		})
	}
}
