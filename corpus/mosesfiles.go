package corpus

import (
	"fmt"
	"path/filepath"
	"strings"

	"github.com/bitext/bitext/internal/outfile"
)

// MosesBase is the BASE of a Moses corpus named by a user as BASE, BASE.SRC, BASE.TGT or
// BASE.moses: the corpus itself is the two files BASE.SRC and BASE.TGT.
func MosesBase(name, srcLang, tgtLang string) string {
	if ext := filepath.Ext(name); ext == "."+srcLang || ext == "."+tgtLang || ext == ".moses" {
		return strings.TrimSuffix(name, ext)
	}
	return name
}

// MosesPaths returns the two files of the Moses corpus BASE (see MosesBase): BASE.SRC and
// BASE.TGT. Empty languages are "de" and "en"; two equal languages are an error (both sides
// would go into one file).
func MosesPaths(name, srcLang, tgtLang string) (src, tgt string, err error) {
	if srcLang == "" {
		srcLang = "de"
	}
	if tgtLang == "" {
		tgtLang = "en"
	}
	if strings.EqualFold(srcLang, tgtLang) {
		return "", "", fmt.Errorf("moses output: source and target language are both %q, so both sides would go to one file", srcLang)
	}
	base := MosesBase(name, srcLang, tgtLang)
	return base + "." + srcLang, base + "." + tgtLang, nil
}

// MosesFiles is a Moses corpus being written to its two files. Both appear together on Commit
// (each written to a temporary file and renamed), or neither: a reader never finds one side
// without the other, nor a half-written pair of files.
type MosesFiles struct {
	Writer                // the pair writer (Write, and Close to flush)
	Source, Target string // the final file names
	src, tgt       *outfile.File
	closed         bool
}

// CreateMoses starts writing the Moses corpus named by name (see MosesPaths) with the
// languages and Warn of opt (opt.Target is ignored). Write the pairs, then Commit, or Abort.
func CreateMoses(name string, opt WriterOptions) (*MosesFiles, error) {
	opt = opt.withDefaults()
	srcName, tgtName, err := MosesPaths(name, opt.SourceLang, opt.TargetLang)
	if err != nil {
		return nil, err
	}
	src, err := outfile.Create(srcName)
	if err != nil {
		return nil, err
	}
	tgt, err := outfile.Create(tgtName)
	if err != nil {
		src.Abort()
		return nil, err
	}
	return &MosesFiles{
		Writer: newMosesWriter(src, tgt, opt.Warn),
		Source: srcName, Target: tgtName, src: src, tgt: tgt,
	}, nil
}

// Close flushes the pairs written; Commit calls it when it was not called.
func (m *MosesFiles) Close() error {
	if m.closed {
		return nil
	}
	m.closed = true
	return m.Writer.Close()
}

// Commit flushes and puts both files in place. On error nothing more is left behind than what
// a rename already put in place (the target file is renamed first, so a corpus is never a
// source file alone).
func (m *MosesFiles) Commit() error {
	if err := m.Close(); err != nil {
		m.Abort()
		return err
	}
	if err := m.tgt.Commit(); err != nil {
		m.Abort()
		return err
	}
	if err := m.src.Commit(); err != nil {
		m.Abort()
		return err
	}
	return nil
}

// Abort removes both temporary files; it does nothing after Commit.
func (m *MosesFiles) Abort() {
	m.src.Abort()
	m.tgt.Abort()
}
