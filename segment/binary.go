package segment

import (
	"bytes"
	"strconv"
)

// binaryMagic are the starts of files that are no text whatever their name: a page saved
// compressed (curl without --compressed writes the gzip body a server sent), an archive, an
// image, a program.
var binaryMagic = []struct {
	magic, what, hint string
}{
	{"\x1f\x8b", "gzip-compressed data", "; decompress it first (gunzip, or curl --compressed)"},
	{"\x28\xb5\x2f\xfd", "zstd-compressed data", "; decompress it first (unzstd)"},
	{"\xfd7zXZ\x00", "xz-compressed data", "; decompress it first (unxz)"},
	{"BZh", "bzip2-compressed data", "; decompress it first (bunzip2)"},
	{"PK\x03\x04", "a ZIP archive (or a document in one: .docx, .odt, .epub)", ""},
	{"7z\xbc\xaf\x27\x1c", "a 7-Zip archive", ""},
	{"%PDF-", "a PDF document", ""},
	{"\x89PNG\r\n\x1a\n", "a PNG image", ""},
	{"\xff\xd8\xff", "a JPEG image", ""},
	{"GIF8", "a GIF image", ""},
	{"\x7fELF", "a program (ELF)", ""},
}

// refuseBinary is an *InputError when data, the start of a file read as a page, is binary: it
// starts as a compressed file, archive, image or program does, or one byte in a hundred of its
// first 8 KiB is a control character no text has. A page may hold a stray NUL or control
// character (they are dropped and said); a gzip body holds few NULs (one byte in 256), so
// it was read as windows-1252 and printed, exit 0.
func refuseBinary(data []byte, name string) error {
	for _, m := range binaryMagic {
		if m.magic == "BZh" {
			// "BZh" then the block size digit and the block magic: not a page starting "BZh…".
			if len(data) >= 10 && bytes.HasPrefix(data, []byte("BZh")) && data[3] >= '1' && data[3] <= '9' && bytes.HasPrefix(data[4:], []byte("1AY&SY")) {
				return &InputError{File: name, Offset: 0, Msg: "binary data (" + m.what + "), not a text file" + m.hint, Err: ErrBinary}
			}
			continue
		}
		if bytes.HasPrefix(data, []byte(m.magic)) {
			return &InputError{File: name, Offset: 0, Msg: "binary data (" + m.what + "), not a text file" + m.hint, Err: ErrBinary}
		}
	}
	head := data[:min(len(data), 8<<10)]
	controls, first := 0, -1
	for i, c := range head {
		if c < 0x20 && c != '\t' && c != '\n' && c != '\r' && c != '\f' && c != 0x1b || c == 0x7f {
			if first < 0 {
				first = i
			}
			controls++
		}
	}
	if controls >= 8 && controls*100 > len(head) {
		return &InputError{File: name, Offset: int64(first), Msg: "binary data (" + strconv.Itoa(controls) + " control characters in its first " + strconv.Itoa(len(head)) + " bytes), not a text file", Err: ErrBinary}
	}
	return nil
}
