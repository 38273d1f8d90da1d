package glossary

import (
	"encoding/csv"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// Write writes the entries of g in format f. TSV and CSV get a header naming the columns; TBX
// is TBX-Basic v3, TBX2 is v2. Entries with the same source and renderings written to TBX stay
// separate concepts, so that converting back gives the same entries.
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
	}
	return fmt.Errorf("unknown glossary format %q", f)
}

var header = []string{"de", "en", "variants", "forbidden", "case", "match", "dnt", "note"}

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

// tsvCell makes a value fit a TSV cell: tabs and line breaks become spaces.
func tsvCell(s string) string {
	return strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return ' '
		}
		return r
	}, s)
}

func writeTSV(w io.Writer, g *Glossary) error {
	var b strings.Builder
	b.WriteString(strings.Join(header, "\t") + "\n")
	for _, e := range g.Entries {
		cells := row(e)
		for i := range cells {
			cells[i] = tsvCell(cells[i])
		}
		b.WriteString(strings.TrimRight(strings.Join(cells, "\t"), "\t") + "\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func writeCSV(w io.Writer, g *Glossary) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(header); err != nil {
		return err
	}
	for _, e := range g.Entries {
		cells := row(e)
		n := len(cells)
		for n > 2 && cells[n-1] == "" {
			n--
		}
		if err := cw.Write(cells[:n]); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

func xmlText(s string) string {
	var b strings.Builder
	xml.EscapeText(&b, []byte(s))
	return b.String()
}

func writeTBX(w io.Writer, g *Glossary, version int) error {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>` + "\n")
	concept, lang, sec, status := "conceptEntry", "langSec", "termSec", "administrativeStatus"
	if version == 2 {
		concept, lang, sec = "termEntry", "langSet", "tig"
		b.WriteString(`<martif type="TBX-Basic" xml:lang="en">` + "\n")
		b.WriteString("  <martifHeader><fileDesc><sourceDesc><p>bitext glossary</p></sourceDesc></fileDesc></martifHeader>\n")
	} else {
		b.WriteString(`<tbx type="TBX-Basic" style="dca" xml:lang="en" xmlns="urn:iso:std:iso:30042:ed-2">` + "\n")
		b.WriteString("  <tbxHeader><fileDesc><sourceDesc><p>bitext glossary</p></sourceDesc></fileDesc></tbxHeader>\n")
	}
	b.WriteString("  <text>\n    <body>\n")
	term := func(indent, text, st string, notes ...[2]string) {
		fmt.Fprintf(&b, "%s<%s>\n%s  <term>%s</term>\n", indent, sec, indent, xmlText(text))
		if st != "" {
			fmt.Fprintf(&b, "%s  <termNote type=%q>%sTerm-admn-sts</termNote>\n", indent, status, st)
		}
		for _, n := range notes {
			fmt.Fprintf(&b, "%s  <termNote type=%q>%s</termNote>\n", indent, n[0], xmlText(n[1]))
		}
		fmt.Fprintf(&b, "%s</%s>\n", indent, sec)
	}
	for i, e := range g.Entries {
		fmt.Fprintf(&b, "      <%s id=\"c%d\">\n", concept, i+1)
		if e.Note != "" {
			fmt.Fprintf(&b, "        <note>%s</note>\n", xmlText(e.Note))
		}
		var notes [][2]string
		if e.Match != MatchStem && e.Match != "" {
			notes = append(notes, [2]string{"x-match", string(e.Match)})
		}
		if c := caseValue(e); c != "" {
			notes = append(notes, [2]string{"x-case", c})
		}
		if e.DoNotTranslate {
			notes = append(notes, [2]string{"x-dnt", "yes"})
		}
		fmt.Fprintf(&b, "        <%s xml:lang=\"de\">\n", lang)
		if e.Source != "" {
			term("          ", e.Source, "", notes...)
		}
		fmt.Fprintf(&b, "        </%s>\n", lang)
		fmt.Fprintf(&b, "        <%s xml:lang=\"en\">\n", lang)
		if e.Target != "" {
			term("          ", e.Target, "preferred")
		}
		for _, v := range e.Variants {
			term("          ", v, "admitted")
		}
		for _, v := range e.Forbidden {
			term("          ", v, "deprecated")
		}
		fmt.Fprintf(&b, "        </%s>\n", lang)
		fmt.Fprintf(&b, "      </%s>\n", concept)
	}
	b.WriteString("    </body>\n  </text>\n")
	if version == 2 {
		b.WriteString("</martif>\n")
	} else {
		b.WriteString("</tbx>\n")
	}
	_, err := io.WriteString(w, b.String())
	return err
}
