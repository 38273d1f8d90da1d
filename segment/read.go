package segment

import (
	"io"
	"strings"
)

// Read reads a document from r. name is used for the format (when opt.Format is "") and in
// errors. Errors about the content are *InputError.
func Read(r io.Reader, name string, opt Options) (*Document, error) {
	data, err := io.ReadAll(r)
	if err != nil {
		return nil, err
	}
	f := opt.Format
	if f == "" {
		f = FormatFromName(name)
	}
	lang := opt.Lang
	if lang == "" {
		lang = "de"
	}
	doc := &Document{Name: name, Format: f, Lang: lang}
	for _, p := range strings.Split(string(data), "\n\n") {
		p = strings.Join(strings.Fields(p), " ")
		if p == "" {
			continue
		}
		doc.Blocks = append(doc.Blocks, Block{Kind: Paragraph, Text: p, Sentences: SplitSentences(p, lang)})
	}
	return doc, nil
}
