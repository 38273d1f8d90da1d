package glossary

import (
	"bufio"
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"io"
	"strings"

	"github.com/bitext/bitext/corpus"
)

// Write writes the entries of g in format f, labelled with g's languages (German and
// English unless g was read with other Options):
//
//   - TSV and CSV get a header naming the columns (bitext's own layout, read back losslessly);
//   - TBX is valid TBX-Basic v3 (DCA style), TBX2 valid TBX-Basic v2 with its DOCTYPE and XCS
//     declaration; bitext's settings travel as a note of the source term (see tbx.go);
//   - GoogleCSV is Google's unidirectional glossary (source,target; no header) and
//     GoogleCSVSet its equivalent-term-set glossary (a header of language codes, pos and
//     description; the note is the description). Google rejects empty cells, so entries
//     without a source or a target are left out (Lint names them); a do-not-translate entry
//     without a target gets its source as target. Variants, forbidden renderings and
//     settings have no place in Google's formats and are dropped;
//   - TMX writes one translation unit per entry (source and target), the other glossary
//     format Google accepts.
//
// Entries with the same source and renderings written to TBX stay separate concepts, so that
// converting back gives the same entries.
func Write(w io.Writer, g *Glossary, f Format) error {
	switch f {
	case TSV:
		return writeTSV(w, g)
	case CSV:
		return writeCSV(w, g)
	case TBX:
		return writeTBX(w, g, 3)
	case TBX2:
		return writeTBX(w, g, 2)
	case GoogleCSV:
		return writeGoogleCSV(w, g, false)
	case GoogleCSVSet:
		return writeGoogleCSV(w, g, true)
	case TMX:
		return writeTMX(w, g)
	}
	return fmt.Errorf("unknown glossary format %q", f)
}

// header is the first row of bitext's TSV and CSV: the two language codes, then the columns.
func header(g *Glossary) []string {
	src, tgt := g.langs()
	return []string{src, tgt, "variants", "forbidden", "case", "match", "dnt", "note"}
}

// checkListCells refuses an entry whose variants or forbidden renderings hold "|", the
// separator of those cells in TSV and CSV: "research|development", one admitted term of a TBX,
// came back as two.
func checkListCells(g *Glossary) error {
	for _, e := range g.Entries {
		for _, list := range [][]string{e.Variants, e.Forbidden} {
			for _, v := range list {
				if strings.Contains(v, "|") {
					return fmt.Errorf("%s:%d: %q holds \"|\", which TSV and CSV use between variants: keep this glossary in TBX", e.File, e.Line, v)
				}
			}
		}
	}
	return nil
}

func row(e *Entry) []string {
	m := string(e.Match)
	if e.Match == MatchStem {
		m = ""
	}
	dnt := ""
	if e.DoNotTranslate {
		dnt = "yes"
	}
	return []string{e.Source, e.Target, strings.Join(e.Variants, "|"), strings.Join(e.Forbidden, "|"), caseValue(e), m, dnt, e.Note}
}

// tsvCell makes a value fit a TSV cell: tabs and line breaks become spaces, and a value
// that starts and ends with a double quote is quoted as CSV quotes it, since the reader takes
// such a cell for a spreadsheet's quoting (unquoteTSVCell).
func tsvCell(s string) string {
	s = strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
	if t := strings.TrimSpace(s); len(t) >= 2 && t[0] == '"' && t[len(t)-1] == '"' {
		return `"` + strings.ReplaceAll(s, `"`, `""`) + `"`
	}
	return s
}

func writeTSV(w io.Writer, g *Glossary) error {
	if err := checkListCells(g); err != nil {
		return err
	}
	b := bufio.NewWriter(w) // streamed: a glossary of a million entries is not held twice
	b.WriteString(strings.Join(header(g), "\t") + "\n")
	for _, e := range g.Entries {
		if sourceless(e) {
			continue
		}
		cells := row(e)
		for i := range cells {
			cells[i] = tsvCell(cells[i])
		}
		b.WriteString(strings.TrimRight(strings.Join(cells, "\t"), "\t") + "\n")
	}
	return b.Flush()
}

func writeCSV(w io.Writer, g *Glossary) error {
	if err := checkListCells(g); err != nil {
		return err
	}
	cw := csv.NewWriter(w)
	if err := cw.Write(header(g)); err != nil {
		return err
	}
	for _, e := range g.Entries {
		if sourceless(e) {
			continue
		}
		cells := row(e)
		n := len(cells)
		for n > 2 && cells[n-1] == "" {
			n--
		}
		if err := writeCSVRow(w, cw, cells[:n]); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// writeCSVRow writes one row through cw, except a row whose first cell starts with '#': the
// readers take such a line for a comment, and encoding/csv does not quote '#', so that row is
// written here with its first cell quoted.
func writeCSVRow(w io.Writer, cw *csv.Writer, cells []string) error {
	if len(cells) == 0 || !strings.HasPrefix(cells[0], "#") {
		return cw.Write(cells)
	}
	cw.Flush()
	if err := cw.Error(); err != nil {
		return err
	}
	var b strings.Builder
	cw2 := csv.NewWriter(&b)
	if err := cw2.Write(append([]string{"x"}, cells[1:]...)); err != nil {
		return err
	}
	cw2.Flush()
	rest := strings.TrimPrefix(b.String(), "x")
	_, err := io.WriteString(w, `"`+strings.ReplaceAll(cells[0], `"`, `""`)+`"`+rest)
	return err
}

func xmlText(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

// The schemas a TBX file written here is valid against, named in xml-model processing
// instructions (v3) and the DOCTYPE (v2) so that validating editors and the TBX Checker find
// them. testdata/schemas/tbx holds copies the tests validate with.
const (
	tbxCoreRNG   = "https://raw.githubusercontent.com/LTAC-Global/TBX_Core_RNG/master/TBXcoreStructV03.rng"
	tbxBasicSCH  = "https://raw.githubusercontent.com/LTAC-Global/TBX-Basic_dialect/master/DCA/TBX-Basic_DCA.sch"
	tbxV2DTD     = "TBXcoreStructV02.dtd"
	tbxV2BasicXC = "TBXBasicXCSV02.xcs"
)

func writeTBX(w io.Writer, g *Glossary, version int) error {
	srcLang, tgtLang := g.langs()
	b := bufio.NewWriter(w) // streamed: a glossary of a million entries is not held twice
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	concept, lang, sec := "conceptEntry", "langSec", "termSec"
	if version == 2 {
		concept, lang, sec = "termEntry", "langSet", "tig"
		fmt.Fprintf(b, "<!DOCTYPE martif SYSTEM %q>\n", tbxV2DTD)
		b.WriteString(`<martif type="TBX-Basic" xml:lang="en">` + "\n")
		b.WriteString("  <martifHeader>\n    <fileDesc><sourceDesc><p>bitext glossary</p></sourceDesc></fileDesc>\n")
		fmt.Fprintf(b, "    <encodingDesc><p type=\"XCSURI\">%s</p></encodingDesc>\n  </martifHeader>\n", tbxV2BasicXC)
	} else {
		fmt.Fprintf(b, "<?xml-model href=%q type=\"application/xml\" schematypens=\"http://relaxng.org/ns/structure/1.0\"?>\n", tbxCoreRNG)
		fmt.Fprintf(b, "<?xml-model href=%q type=\"application/xml\" schematypens=\"http://purl.oclc.org/dsdl/schematron\"?>\n", tbxBasicSCH)
		b.WriteString(`<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">` + "\n")
		b.WriteString("  <tbxHeader><fileDesc><sourceDesc><p>bitext glossary</p></sourceDesc></fileDesc></tbxHeader>\n")
	}
	b.WriteString("  <text>\n    <body>\n")
	// term writes one term section. TBX-Basic orders its content: the term, its termNotes,
	// then notes.
	term := func(text, status, note string) {
		const indent = "          "
		fmt.Fprintf(b, "%s<%s>\n%s  <term>%s</term>\n", indent, sec, indent, xmlText(text))
		if status != "" {
			fmt.Fprintf(b, "%s  <termNote type=\"administrativeStatus\">%sTerm-admn-sts</termNote>\n", indent, status)
		}
		if note != "" {
			fmt.Fprintf(b, "%s  <note>%s</note>\n", indent, xmlText(note))
		}
		fmt.Fprintf(b, "%s</%s>\n", indent, sec)
	}
	for i, e := range g.Entries {
		fmt.Fprintf(b, "      <%s id=\"c%d\">\n", concept, i+1)
		if e.Note != "" {
			fmt.Fprintf(b, "        <note>%s</note>\n", xmlText(e.Note))
		}
		hasTarget := e.Target != "" || len(e.Variants) > 0 || len(e.Forbidden) > 0
		// A language section needs a term; an entry without a source (which Lint reports)
		// gets no source section, unless it has no target either and the concept would be
		// empty.
		if e.Source != "" || !hasTarget {
			fmt.Fprintf(b, "        <%s xml:lang=%q>\n", lang, srcLang)
			term(e.Source, "", settingsNote(e))
			fmt.Fprintf(b, "        </%s>\n", lang)
		}
		if hasTarget {
			fmt.Fprintf(b, "        <%s xml:lang=%q>\n", lang, tgtLang)
			if e.Target != "" {
				term(e.Target, "preferred", "")
			}
			for _, v := range e.Variants {
				term(v, "admitted", "")
			}
			for _, v := range e.Forbidden {
				term(v, "deprecated", "")
			}
			fmt.Fprintf(b, "        </%s>\n", lang)
		}
		fmt.Fprintf(b, "      </%s>\n", concept)
	}
	b.WriteString("    </body>\n  </text>\n")
	if version == 2 {
		b.WriteString("</martif>\n")
	} else {
		b.WriteString("</tbx>\n")
	}
	return b.Flush()
}

// googleRow returns the source and target Google gets for e, ok false for entries Google
// cannot take.
func googleRow(e *Entry) (src, tgt string, ok bool) {
	src, tgt = e.Source, e.Target
	if tgt == "" && e.DoNotTranslate {
		tgt = src
	}
	if tgt == "" && len(e.Variants) > 0 {
		tgt = e.Variants[0] // what Check requires when there is no target
	}
	return src, tgt, strings.TrimSpace(src) != "" && strings.TrimSpace(tgt) != ""
}

func writeGoogleCSV(w io.Writer, g *Glossary, sets bool) error {
	cw := csv.NewWriter(w)
	if sets {
		src, tgt := g.langs()
		if err := cw.Write([]string{src, tgt, "pos", "description"}); err != nil {
			return err
		}
	}
	for _, e := range g.Entries {
		src, tgt, ok := googleRow(e)
		if !ok {
			continue
		}
		row := []string{src, tgt}
		if sets {
			row = append(row, "", e.Note)
		}
		if err := writeCSVRow(w, cw, row); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func writeTMX(w io.Writer, g *Glossary) error {
	src, tgt := g.langs()
	tw, err := corpus.NewWriter(corpus.TMX, w, corpus.WriterOptions{SourceLang: src, TargetLang: tgt})
	if err != nil {
		return err
	}
	for _, e := range g.Entries {
		s, t, ok := googleRow(e)
		if !ok {
			continue
		}
		if err := tw.Write(corpus.Pair{Source: s, Target: t}); err != nil {
			return err
		}
	}
	return tw.Close()
}

// sourceless says whether e has no term in the source language: a concept a termbase has in
// other languages only (SDL's and Weblate's exports hold many). TSV and CSV leave it out, as a
// row with an empty first cell is an error there (Lint), and a TBX keeps it.
func sourceless(e *Entry) bool { return strings.TrimSpace(e.Source) == "" }

// Sourceless counts the entries that writing g as TSV or CSV leaves out: those without a term
// in the source language (see sourceless); 0 for the other formats.
func Sourceless(g *Glossary, f Format) int {
	if f != TSV && f != CSV {
		return 0
	}
	n := 0
	for _, e := range g.Entries {
		if sourceless(e) {
			n++
		}
	}
	return n
}

// Losses counts what writing g as f leaves behind: entries left out (no term on one side) and
// entries written without some of what they say (more than one accepted rendering, forbidden
// renderings, case or match settings, notes), for the formats that carry only a term pair —
// Google's CSVs and TMX. The others carry everything and lose nothing.
func Losses(g *Glossary, f Format) (leftOut, partly int) {
	switch f {
	case GoogleCSV, GoogleCSVSet, TMX:
	default:
		return 0, 0
	}
	for _, e := range g.Entries {
		src, tgt, ok := googleRow(e)
		if !ok {
			leftOut++
			continue
		}
		extra := len(e.Variants) > 0 && !(e.Target == "" && len(e.Variants) == 1 && e.Variants[0] == tgt)
		note := e.Note != "" && f != GoogleCSVSet
		if extra || len(e.Forbidden) > 0 || e.CaseSensitive || (e.Match != "" && e.Match != MatchStem) || note || src == "" {
			partly++
		}
	}
	return leftOut, partly
}
