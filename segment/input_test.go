package segment

import (
	"context"
	"errors"
	"io"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/google/go-cmp/cmp"
)

func TestEmptyInput(t *testing.T) {
	for _, in := range []string{"", "\n", " \n\t\r\n", "\ufeff", "\ufeff\n  \n", "\u00a0\u2003\n", "\xff\xfe", "\xff\xfe \x00\n\x00"} {
		for _, f := range []Format{Text, Markdown, HTML} {
			_, err := Read(strings.NewReader(in), "leer.txt", Options{Format: f})
			var ie *InputError
			if !errors.Is(err, ErrEmpty) || !errors.As(err, &ie) || ie.File != "leer.txt" {
				t.Errorf("%s %q: err = %v, want an *InputError wrapping ErrEmpty", f, in, err)
				continue
			}
			if want := "leer.txt: empty input (no text, only white space)"; err.Error() != want {
				t.Errorf("%s %q: %q, want %q", f, in, err, want)
			}
		}
	}
	// Content that cleaning removes is not empty input: the file had text.
	if _, err := Read(strings.NewReader("Leave a Reply\n"), "x.txt", Options{}); err != nil {
		t.Errorf("boilerplate-only file: %v", err)
	}
}

// utf16Bytes encodes s as UTF-16 in the byte order, with or without a byte-order mark.
func utf16Bytes(s string, bigEndian, bom bool) string {
	units := utf16.Encode([]rune(s))
	if bom {
		units = append([]uint16{0xFEFF}, units...)
	}
	b := make([]byte, 0, 2*len(units))
	for _, u := range units {
		if bigEndian {
			b = append(b, byte(u>>8), byte(u))
		} else {
			b = append(b, byte(u), byte(u>>8))
		}
	}
	return string(b)
}

func TestUTF16(t *testing.T) {
	text := "Grüße aus Köln\n\nDer Außenminister sagte am 15. Dezember: „Wir reden.“ Dann ging er.\n"
	page := "<html><head><meta charset=\"utf-16\"><title>T</title></head><body><p>Der Außenminister sagte am 15. Dezember: „Wir reden.“ Dann ging er.</p></body></html>"
	for _, tt := range []struct {
		name     string
		big, bom bool
	}{{"LE with BOM", false, true}, {"BE with BOM", true, true}, {"LE without BOM", false, false}, {"BE without BOM", true, false}} {
		t.Run(tt.name, func(t *testing.T) {
			for _, c := range []struct {
				f  Format
				in string
			}{{Text, text}, {Markdown, text}, {HTML, page}} {
				want, err := Read(strings.NewReader(c.in), "a", Options{Format: c.f})
				if err != nil {
					t.Fatal(err)
				}
				got, err := Read(strings.NewReader(utf16Bytes(c.in, tt.big, tt.bom)), "a", Options{Format: c.f})
				if err != nil {
					t.Fatalf("%s: %v", c.f, err)
				}
				if diff := cmp.Diff(blockSummary(want.Blocks), blockSummary(got.Blocks)); diff != "" {
					t.Errorf("%s: blocks (-UTF-8 +UTF-16):\n%s", c.f, diff)
				}
				if !hasNotice(got.Removed, "decoded from UTF-16") {
					t.Errorf("%s: no notice of the decoding in %+v", c.f, got.Removed)
				}
			}
		})
	}
}

func hasNotice(rs []Removal, prefix string) bool {
	for _, r := range rs {
		if r.Kind == Notice && strings.HasPrefix(r.Reason, prefix) {
			return true
		}
	}
	return false
}

// TestBinaryStillRefused: data with NUL bytes that is not UTF-16 text stays binary, named with
// the offset of the first NUL.
func TestBinaryStillRefused(t *testing.T) {
	tests := []struct {
		name, in string
		off      int64
	}{
		{"zip", "PK\x03\x04\x14\x00\x00\x00\x08\x00word/document.xml", 5},
		{"ELF", "\x7fELF\x02\x01\x01\x00\x00\x00\x00\x00\x00\x00\x00\x00\x02\x00>\x00", 7},
		{"gzip", "\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03\xcb\x48\xcd\xc9\xc9\x07\x00", 3},
		{"PNG", "\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x01\x00", 0}, // invalid UTF-8 comes first in text
		{"control bytes every other", strings.Repeat("\x01\x00\x02\x00", 20), 1},
	}
	for _, tt := range tests {
		for _, f := range []Format{Text, Markdown, HTML} {
			_, err := Read(strings.NewReader(tt.in), "x.bin", Options{Format: f})
			var ie *InputError
			if !(errors.Is(err, ErrBinary) || tt.name == "PNG" && errors.Is(err, ErrInvalidUTF8)) || !errors.As(err, &ie) {
				t.Errorf("%s as %s: err = %v, want binary data", tt.name, f, err)
				continue
			}
			if f != HTML && ie.Offset != tt.off {
				t.Errorf("%s as %s: offset %d, want %d", tt.name, f, ie.Offset, tt.off)
			}
		}
	}
}

func TestHTMLCharset(t *testing.T) {
	// A <head> longer than 1 KB before the declaration, as on many news sites.
	longHead := "<title>Nachrichten</title>" + strings.Repeat("<link rel=\"preload\" href=\"/assets/font-regular.woff2\" as=\"font\" crossorigin>\n", 30)
	body := "<body><article><h1>Gr\xfc\xdfe aus K\xf6ln</h1><p>Die Stra\xdfe war gesperrt, sagte die Polizei am Montag. Der Verkehr wurde umgeleitet.</p></article></body></html>"
	wantBlocks := []string{"heading/1: Grüße aus Köln", "paragraph: Die Straße war gesperrt, sagte die Polizei am Montag. Der Verkehr wurde umgeleitet."}
	tests := []struct {
		name   string
		in     string
		want   []string
		notice string // a notice the reader must give
	}{
		{"late meta charset", "<!DOCTYPE html><html><head>" + longHead + "<meta charset=\"ISO-8859-1\"></head>" + body, wantBlocks, "decoded from windows-1252 (<meta charset> at byte"},
		{"late http-equiv", "<html><head>" + longHead + "<meta http-equiv=\"Content-Type\" content=\"text/html; charset=windows-1252\"></head>" + body, wantBlocks, "decoded from windows-1252 (<meta http-equiv=Content-Type> at byte"},
		{"undeclared Latin-1", "<html><head>" + longHead + "</head>" + body, wantBlocks, "decoded from windows-1252 (guessed from the content"},
		{"Windows-1252 quotes", "<html><head><meta charset=\"windows-1252\"></head><body><p>Er sagte: \x84Wir kommen.\x93 Dann \x96 nach einer Pause \x96 ging er.</p></body></html>", []string{"paragraph: Er sagte: „Wir kommen.“ Dann – nach einer Pause – ging er."}, "decoded from windows-1252"},
		{"declared Latin-1 but UTF-8", "<html><head><meta charset=\"iso-8859-1\"></head><body><p>Grüße aus Köln, sagte er.</p></body></html>", []string{"paragraph: Grüße aus Köln, sagte er."}, "declared iso-8859-1 but is valid UTF-8"},
		{"stray NUL", "<html><head>" + longHead + "</head><body><p>Ein Satz mit einem\x00 Nullbyte, der lang genug ist, um als Artikeltext zu z\xc3\xa4hlen. Noch ein Satz.</p></body></html>", []string{"paragraph: Ein Satz mit einem Nullbyte, der lang genug ist, um als Artikeltext zu zählen. Noch ein Satz."}, ""},
		{"UTF-8 BOM", "\ufeff<p>Grüße.</p>", []string{"paragraph: Grüße."}, ""},
		// A UTF-8 mark before a page declared and written in Latin-1 (an editor's export): the
		// mark is not decoded with the text into a paragraph "ï»¿".
		{"UTF-8 BOM before declared Latin-1", "\ufeff<html><head><meta charset=\"iso-8859-1\"></head><body><p>Sch\xf6ne Gr\xfc\xdfe aus M\xfcnchen.</p></body></html>", []string{"paragraph: Schöne Grüße aus München."}, "decoded from windows-1252"},
		{"a broken byte in a long UTF-8 page", "<html><head>" + longHead + strings.Repeat("<!-- padding -->", 80) + "</head><body><p>Grüße aus Köln \xff und mehr Text, der lang genug ist, um als Artikeltext zu zählen. Noch ein Satz.</p></body></html>", []string{"paragraph: Grüße aus Köln \ufffd und mehr Text, der lang genug ist, um als Artikeltext zu zählen. Noch ein Satz."}, "1 invalid UTF-8 byte(s), first at byte"},
		{"many stray NULs", "<html><head>" + longHead + strings.Repeat("<!-- padding -->", 200) + "</head><body><p>Ein Satz mit Nullbytes,\x00\x00\x00 der lang genug ist, um als Artikeltext zu z\xc3\xa4hlen. Noch ein Satz.</p>" + strings.Repeat("\x00", 20) + "</body></html>", []string{"paragraph: Ein Satz mit Nullbytes, der lang genug ist, um als Artikeltext zu zählen. Noch ein Satz."}, ""},
		{"Latin-1 meta after a long head, BOM-less", "<html><head>" + strings.Repeat("<meta name=\"x\" content=\""+strings.Repeat("y", 100)+"\">", 20) + "<meta http-equiv=\"content-type\" content=\"text/html;charset=ISO-8859-1\"></head><body><p>Gr\xfc\xdfe aus K\xf6ln, sagte er.</p></body></html>", []string{"paragraph: Grüße aus Köln, sagte er."}, "decoded from windows-1252"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read(strings.NewReader(tt.in), "seite.html", Options{})
			if err != nil {
				t.Fatal(err)
			}
			if diff := cmp.Diff(tt.want, blockSummary(doc.Blocks)); diff != "" {
				t.Errorf("blocks (-want +got):\n%s", diff)
			}
			if tt.notice != "" && !hasNotice(doc.Removed, tt.notice) {
				t.Errorf("no notice %q in %+v", tt.notice, doc.Removed)
			}
		})
	}
}

// TestHTMLNeverRefusedForEncoding: whatever a page's bytes and declarations, the HTML reader
// decodes it as a browser would (only binary data is refused), and says how in a notice.
func TestHTMLNeverRefusedForEncoding(t *testing.T) {
	utf8Para := strings.Repeat("<p>Grüße aus Köln, sagte die Sprecherin am Montag.</p>", 3)
	tests := []struct {
		name, in string
		want     string // a text the blocks must hold
		notice   string // a notice the reader must give
	}{
		{"undeclared, one high byte", "<p>Text \xff.</p>", "Text ÿ.", "decoded from windows-1252 (guessed from the content"},
		{"undeclared, a lone UTF-8 lead byte", "<p>\xc3</p>", "Ã", "decoded from windows-1252 (guessed from the content"},
		{"Latin-1 under a UTF-8 declaration", "<html><head><meta charset=\"utf-8\"></head><body><p>Gr\xfc\xdfe aus K\xf6ln, sagte er.</p></body></html>", "Grüße aus Köln, sagte er.", "decoded from windows-1252 (guessed from the content"},
		{"unknown label", "<html><head><meta charset=\"x-latin-unknown\"></head><body><p>Gr\xfc\xdfe aus K\xf6ln, sagte er.</p></body></html>", "Grüße aus Köln, sagte er.", "declared charset \"x-latin-unknown\" (<meta charset> at byte 12) is unknown"},
		{"UTF-8 page with Latin-1 pasted in", "<html><head><meta charset=\"utf-8\"></head><body>" + utf8Para + "<p>Die Stra\xdfe war gesperrt.</p></body></html>", "Die Straße war gesperrt.", "1 byte(s) not UTF-8 in a UTF-8 page, first at byte"},
		{"XML prolog only", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><body><p>Gr\xfc\xdfe aus K\xf6ln.</p></body></html>", "Grüße aus Köln.", "decoded from windows-1252"},
		{"upper-case http-equiv, single quotes, content first", "<HTML><HEAD><META CONTENT='text/html; CHARSET=ISO-8859-1' HTTP-EQUIV='Content-Type'></HEAD><BODY><P>Gr\xfc\xdfe aus K\xf6ln.</P></BODY></HTML>", "Grüße aus Köln.", "decoded from windows-1252 (<meta http-equiv=Content-Type>"},
		{"NUL byte in a Latin-1 page", "<html><body><p>Gr\xfc\xdfe\x00 aus K\xf6ln, ein Satz, der lang genug ist, um als Text zu z\xe4hlen.</p></body></html>", "Grüße aus Köln", "decoded from windows-1252"},
		{"UTF-16LE with BOM", "\xff\xfe" + utf16le("<html><body><p>Grüße aus Köln.</p></body></html>"), "Grüße aus Köln.", "decoded from UTF-16LE"},
		{"UTF-8 BOM, Latin-1 declared", "\ufeff<html><head><meta charset=\"iso-8859-1\"></head><body><p>Grüße aus Köln.</p></body></html>", "Grüße aus Köln.", "declared iso-8859-1 but is valid UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Read(strings.NewReader(tt.in), "seite.html", Options{})
			if err != nil {
				t.Fatalf("refused: %v", err)
			}
			if got := strings.Join(blockSummary(doc.Blocks), "\n"); !strings.Contains(got, tt.want) {
				t.Errorf("blocks lack %q:\n%s", tt.want, got)
			}
			if !hasNotice(doc.Removed, tt.notice) {
				t.Errorf("no notice %q in %+v", tt.notice, doc.Removed)
			}
		})
	}
}

// utf16le encodes s (ASCII and Latin-1 letters only) as UTF-16LE without a BOM.
func utf16le(s string) string {
	var b strings.Builder
	for _, r := range s {
		b.WriteByte(byte(r))
		b.WriteByte(byte(r >> 8))
	}
	return b.String()
}

// flipContext is a context whose Err reports cancellation from its after+1-th call on, so a
// test can cancel at an exact point of the work without timers. It records, at every poll, how
// many input bytes had been read then.
type flipContext struct {
	context.Context
	after int
	polls int
	read  *int64
	at    []int64 // input bytes read at each poll
}

func (c *flipContext) Err() error {
	c.polls++
	c.at = append(c.at, *c.read)
	if c.polls > c.after {
		return context.Canceled
	}
	return nil
}

// countingReader counts the bytes read through it.
type countingReader struct {
	r io.Reader
	n *int64
}

func (c countingReader) Read(p []byte) (int, error) {
	n, err := c.r.Read(p)
	*c.n += int64(n)
	return n, err
}

// singleLine is size bytes of German text on one line, like an article whose paragraphs lost
// their line breaks.
func singleLine(tb testing.TB, size int64) io.Reader {
	unit := strings.ReplaceAll(germanCorpus(tb, 1), "\n", " ")
	return newGeneratedText(unit, size)
}

// TestCancel checks that every format notices a cancelled context at the next poll, and that
// polls are dense: never more than about 128 KB of input read and 256 KiB of text split between
// two polls, even when the whole input is one line.
func TestCancel(t *testing.T) {
	const size = 3 << 20
	inputs := []struct {
		name string
		f    Format
		gen  func() io.Reader
	}{
		{"text single line", Text, func() io.Reader { return singleLine(t, size) }},
		{"text paragraphs", Text, func() io.Reader { return newGeneratedText(germanCorpus(t, 1), size) }},
		{"markdown single line", Markdown, func() io.Reader { return singleLine(t, size) }},
		{"html article", HTML, func() io.Reader { return htmlArticle(t, 512<<10) }}, // readability is slow: a smaller page
		{"html single paragraph", HTML, func() io.Reader {
			return io.MultiReader(strings.NewReader("<html><body><p>"), singleLine(t, size), strings.NewReader("</p></body></html>"))
		}},
	}
	for _, in := range inputs {
		t.Run(in.name, func(t *testing.T) {
			// A full run, counting polls.
			var read int64
			full := &flipContext{Context: context.Background(), after: 1 << 30, read: &read}
			blocks, err := scanAll(full, countingReader{in.gen(), &read}, in.f)
			if err != nil {
				t.Fatal(err)
			}
			if in.f != HTML { // HTML is read whole before the parser polls
				gap := int64(0)
				for i := 1; i < len(full.at); i++ {
					gap = max(gap, full.at[i]-full.at[i-1])
				}
				if gap > 128<<10 {
					t.Errorf("%d bytes read between two polls", gap)
				}
			}
			for _, b := range blocks {
				if b > maxLine {
					t.Errorf("a block of %d bytes: splitting it is not interruptible", b)
				}
			}
			t.Logf("%d polls, %d blocks", full.polls, len(blocks))
			// Cancelled at several points: the next poll stops everything.
			for _, after := range []int{0, 1, full.polls / 3, full.polls / 2, full.polls - 2} {
				var read int64
				c := &flipContext{Context: context.Background(), after: after, read: &read}
				_, err := scanAll(c, countingReader{in.gen(), &read}, in.f)
				if !errors.Is(err, context.Canceled) {
					t.Fatalf("cancelled after %d polls: err = %v", after, err)
				}
				// One more poll may see it: reading the start of the input for its
				// encoding ignores the error that Scan then reports.
				if c.polls > after+2 {
					t.Errorf("cancelled after %d polls: polled %d times (work went on after the cancellation)", after, c.polls)
				}
			}
		})
	}
}

// scanAll runs a Scanner to the end and returns the sizes of the blocks.
func scanAll(ctx context.Context, r io.Reader, f Format) ([]int, error) {
	sc := NewScannerContext(ctx, r, "big", Options{Format: f})
	var sizes []int
	for sc.Scan() {
		sizes = append(sizes, len(sc.Block().Text))
	}
	return sizes, sc.Err()
}

func TestReadContextCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := ReadContext(ctx, strings.NewReader("Ein Satz."), "a.txt", Options{})
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err = %v", err)
	}
	var ie *InputError
	if errors.As(err, &ie) {
		t.Error("cancellation reported as bad input")
	}
}

// TestLongLineCut: a line over maxLine is cut at sentence ends into paragraphs, every sentence
// kept whole, with a notice.
func TestLongLineCut(t *testing.T) {
	sentence := "Der Ausschuss hat am 3. Oktober beschlossen, die Sitzung zu vertagen. "
	line := strings.Repeat(sentence, 3*maxLine/len(sentence))
	for _, f := range []Format{Text, Markdown, HTML} {
		in := line
		if f == HTML {
			in = "<p>" + line + "</p>"
		}
		doc, err := Read(strings.NewReader(in), "lang", Options{Format: f})
		if err != nil {
			t.Fatal(err)
		}
		if len(doc.Blocks) < 3 {
			t.Errorf("%s: %d blocks", f, len(doc.Blocks))
		}
		n := 0
		for _, b := range doc.Blocks {
			for _, s := range b.Sentences {
				if s.Text != strings.TrimSpace(sentence) {
					t.Fatalf("%s: sentence %q", f, s.Text)
				}
				n++
			}
		}
		if want := strings.Count(line, "vertagen."); n != want {
			t.Errorf("%s: %d sentences, want %d", f, n, want)
		}
		if !hasNotice(doc.Removed, "line longer than 256 KiB") && !hasNotice(doc.Removed, "paragraph longer than 256 KiB") {
			t.Errorf("%s: no notice", f)
		}
	}
}

// htmlArticle is an HTML page of about size bytes: the German corpus as paragraphs in an
// <article>, which go-readability takes for the main text.
func htmlArticle(tb testing.TB, size int) io.Reader {
	var b strings.Builder
	b.WriteString("<html><head><title>Titel</title></head><body><nav><a href=\"/\">Start</a></nav><article><h1>Titel</h1>\n")
	paras := strings.Split(germanCorpus(tb, 1), "\n\n")
	for b.Len() < size {
		for _, p := range paras {
			if p = strings.TrimSpace(p); p != "" {
				b.WriteString("<p>" + p + "</p>\n")
			}
		}
	}
	b.WriteString("</article></body></html>")
	return strings.NewReader(b.String())
}

// TestCutNoticeSaysWhere: a line over 256 KiB is cut, and the notice says where: at a sentence
// end when there is one, else at a space, else inside a word (it said "at a sentence end"
// whatever the cut).
func TestCutNoticeSaysWhere(t *testing.T) {
	for _, tc := range []struct {
		name, line, want string
	}{
		{"sentences", strings.Repeat("Der Rat tagt am Montag in Brüssel. ", 10000), "line longer than 256 KiB: cut into paragraphs at a sentence end before byte"},
		{"words", strings.Repeat("wort ", 70000), "line longer than 256 KiB: cut into paragraphs at a space before byte"},
		{"one word", strings.Repeat("x", 300<<10), "line longer than 256 KiB: cut into paragraphs inside a word before byte"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			for _, f := range []Format{Text, Markdown} {
				doc, err := Read(strings.NewReader(tc.line+"\n"), "lang.txt", Options{Format: f})
				if err != nil {
					t.Fatal(err)
				}
				if !hasNotice(doc.Removed, tc.want) {
					var got []string
					for _, r := range doc.Removed {
						got = append(got, r.Reason)
					}
					t.Errorf("%s: no notice %q in %q", f, tc.want, got)
				}
			}
		})
	}
}

// TestMarkdownTooLarge: Markdown is parsed whole, so an input over the limit is refused with an
// error naming the file and the line where it passed the limit, before more is held.
func TestMarkdownTooLarge(t *testing.T) {
	defer func(m int) { maxWholeText = m }(maxWholeText)
	maxWholeText = 1 << 20
	md := strings.Repeat("Der Rat tagt im Rathaus.\n\n", (1<<20)/26+100)
	_, err := Read(strings.NewReader(md), "a.md", Options{})
	var ie *InputError
	if !errors.As(err, &ie) || ie.File != "a.md" || ie.Line == 0 || !strings.Contains(err.Error(), "larger than 1 MiB: Markdown is parsed whole") {
		t.Fatalf("err %v", err)
	}
	if _, err := Read(strings.NewReader(md[:1<<19]), "a.md", Options{}); err != nil {
		t.Errorf("half the limit: %v", err)
	}
}
