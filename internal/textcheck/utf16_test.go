package textcheck

import (
	"bytes"
	"errors"
	"io"
	"strings"
	"testing"
	"testing/iotest"
	"unicode/utf16"
	"unicode/utf8"

	"golang.org/x/text/encoding/unicode"
	"golang.org/x/text/transform"
)

func le(s string) []byte {
	b, _, err := transform.Bytes(unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM).NewEncoder(), []byte(s))
	if err != nil {
		panic(err)
	}
	return b
}

func cat(bs ...[]byte) []byte { return bytes.Join(bs, nil) }

// TestUTF16DecoderStrict: valid UTF-16 decodes as x/text decodes it (BOM dropped, surrogate
// pairs joined, across any cut of the input); a lone surrogate or an odd last byte is a
// *UTF16Error at the byte where it starts, not U+FFFD.
func TestUTF16DecoderStrict(t *testing.T) {
	bom := []byte{0xFF, 0xFE}
	for _, tt := range []struct {
		name    string
		in      []byte
		want    string
		wantOff int64 // -1: valid
	}{
		{"bom", cat(bom, le("Grüße, Welt.")), "Grüße, Welt.", -1},
		{"pair", cat(bom, le("Emoji 😀 hier.")), "Emoji 😀 hier.", -1},
		{"lone high", cat(bom, le("Hallo "), []byte{0x00, 0xD8}, le("Welt")), "", 14},
		{"lone low", cat(bom, le("ab"), []byte{0x00, 0xDC}), "", 6},
		{"high at end", cat(bom, le("ab"), []byte{0x3D, 0xD8}), "", 6},
		{"odd byte", cat(bom, le("abc"), []byte{'A'}), "", 8},
		{"bom only", bom, "", -1},
	} {
		t.Run(tt.name, func(t *testing.T) {
			_, dec := UTF16Decoder(tt.in, false)
			if dec == nil {
				t.Fatal("not recognised as UTF-16")
			}
			got, _, err := transform.Bytes(dec, tt.in)
			var ue *UTF16Error
			switch {
			case tt.wantOff < 0 && (err != nil || string(got) != tt.want):
				t.Errorf("got %q, %v; want %q", got, err, tt.want)
			case tt.wantOff >= 0 && (!errors.As(err, &ue) || ue.Offset != tt.wantOff):
				t.Errorf("got %q, %v; want an error at byte %d", got, err, tt.wantOff)
			}
			// Read a byte at a time, as through a slow pipe: a surrogate pair cut anywhere.
			dec.Reset()
			out, err := io.ReadAll(transform.NewReader(iotest.OneByteReader(bytes.NewReader(tt.in)), dec))
			if tt.wantOff < 0 && (err != nil || string(out) != tt.want) {
				t.Errorf("a byte at a time: got %q, %v", out, err)
			}
			if tt.wantOff >= 0 && (!errors.As(err, &ue) || ue.Offset != tt.wantOff) {
				t.Errorf("a byte at a time: got %q, %v; want an error at byte %d", out, err, tt.wantOff)
			}
		})
	}
}

// FuzzUTF16Decoder: the strict decoder agrees with x/text's wherever x/text finds no fault, and
// fails wherever it replaced something.
func FuzzUTF16Decoder(f *testing.F) {
	f.Add([]byte{0xFF, 0xFE, 'a', 0, 0x3D, 0xD8, 0x00, 0xDE})
	f.Add([]byte{0xFE, 0xFF, 0, 'a', 0xD8, 0x00})
	f.Add([]byte{0xFF, 0xFE, 'a'})
	f.Fuzz(func(t *testing.T, in []byte) {
		for _, big := range []bool{false, true} {
			d := &utf16Decoder{big: big}
			got, _, err := transform.Bytes(d, in)
			e := unicode.LittleEndian
			if big {
				e = unicode.BigEndian
			}
			ref, _, _ := transform.Bytes(unicode.UTF16(e, unicode.IgnoreBOM).NewDecoder(), in)
			if err == nil {
				if !bytes.Equal(got, ref) || !utf8.Valid(got) {
					t.Fatalf("big %v: got %q, x/text %q", big, got, ref)
				}
			} else if len(in)%2 == 0 && !bytes.ContainsRune(ref, utf8.RuneError) {
				t.Fatalf("big %v: %v, but x/text decodes %q", big, err, ref)
			}
		}
	})
}

// TestUTF16Reader: UTF-16 with or without a byte-order mark reads as UTF-8 with its name;
// UTF-8 passes unchanged, without one.
func TestUTF16Reader(t *testing.T) {
	le := func(s string) string {
		var b []byte
		for _, u := range utf16.Encode([]rune(s)) {
			b = append(b, byte(u), byte(u>>8))
		}
		return string(b)
	}
	for _, tc := range []struct{ in, want, name string }{
		{"Grüße aus Köln.\n", "Grüße aus Köln.\n", ""},
		{"\xff\xfe" + le("Grüße aus Köln.\n"), "Grüße aus Köln.\n", "UTF-16LE"},
		{le("Grüße aus Köln.\n"), "Grüße aus Köln.\n", "UTF-16LE"},
	} {
		r, name := UTF16Reader(strings.NewReader(tc.in))
		got, err := io.ReadAll(r)
		if err != nil || string(got) != tc.want || name != tc.name {
			t.Errorf("UTF16Reader(%q) = %q, %q, %v; want %q, %q", tc.in, got, name, err, tc.want, tc.name)
		}
	}
}
