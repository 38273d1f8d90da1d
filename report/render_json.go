package report

import (
	"bufio"
	"bytes"
	"encoding/json"
	"io"
	"strconv"
	"strings"
)

// orderedScores marshals corpus scores as an object keyed by metric name, in metric order.
type orderedScores []Score

func (o orderedScores) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, s := range o {
		if i > 0 {
			b.WriteByte(',')
		}
		k, _ := json.Marshal(s.Name)
		v, err := json.Marshal(s)
		if err != nil {
			return nil, err
		}
		b.Write(k)
		b.WriteByte(':')
		b.Write(v)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

type jsonDifference struct {
	Segment int     `json:"segment"` // 1-based
	Spread  float64 `json:"spread"`
	By      string  `json:"by"`
}

type jsonBootstrap struct {
	Samples int    `json:"samples"`
	Seed    uint64 `json:"seed"`
}

// WriteJSON writes the report as JSON. A single system gives
// {"version","corpus":{"BLEU":{"score","signature"},…},"qa","segments"}; several systems give
// {"version","baseline","bootstrap","systems":[{"name","corpus","paired",…}],"most_different"}.
//
// The document is written as it goes, as encoding/json would indent it in one piece: the head
// by hand, every value through an Encoder, and the segments one at a time, each with its
// details built as it is written (Report.Segment), so memory holds one segment's diff at a time.
func WriteJSON(w io.Writer, r *Report) error {
	j := newJSONWriter(w)
	p := r.poller()
	j.raw("{")
	top := j.object(1)
	top.field("version", r.Version)
	if len(r.Notices) > 0 {
		top.field("notices", r.Notices)
	}
	if len(r.Systems) == 1 {
		j.system(top, r, p, 0, false)
	} else {
		top.field("baseline", r.Systems[0].Name)
		if len(r.Metrics) > 0 {
			top.field("bootstrap", jsonBootstrap{r.Bootstrap, r.Seed})
		}
		top.key("systems")
		j.raw("[")
		for si := range r.Systems {
			if si > 0 {
				j.raw(",")
			}
			j.raw("\n" + indent(2) + "{")
			j.system(j.object(3), r, p, si, true)
			j.raw("\n" + indent(2) + "}")
		}
		j.raw("\n" + indent(1) + "]")
		diffs := make([]jsonDifference, 0, len(r.MostDifferent))
		for _, d := range r.MostDifferent {
			diffs = append(diffs, jsonDifference{d.Segment + 1, d.Spread, d.By})
		}
		top.field("most_different", diffs)
	}
	j.raw("\n}\n")
	return j.flush()
}

// indent is the indentation of depth levels, as the encoder indents (two spaces a level).
func indent(depth int) string { return strings.Repeat("  ", depth) }

// jsonWriter writes an indented JSON document piece by piece; the first error sticks.
type jsonWriter struct {
	w   *bufio.Writer
	buf bytes.Buffer
	enc *json.Encoder // into buf: HTML characters unescaped, as WriteJSON always wrote them
	err error
}

func newJSONWriter(w io.Writer) *jsonWriter {
	j := &jsonWriter{w: bufio.NewWriter(w)}
	j.enc = json.NewEncoder(&j.buf)
	j.enc.SetEscapeHTML(false)
	return j
}

func (j *jsonWriter) raw(s string) {
	if j.err == nil {
		_, j.err = j.w.WriteString(s)
	}
}

// value writes v as the encoder indents it at depth (its first line already placed).
func (j *jsonWriter) value(depth int, v any) {
	if j.err != nil {
		return
	}
	j.buf.Reset()
	j.enc.SetIndent(indent(depth), "  ")
	if j.err = j.enc.Encode(v); j.err != nil {
		return
	}
	_, j.err = j.w.Write(bytes.TrimSuffix(j.buf.Bytes(), []byte("\n")))
}

func (j *jsonWriter) fail(err error) {
	if j.err == nil {
		j.err = err
	}
}

func (j *jsonWriter) flush() error {
	if j.err != nil {
		return j.err
	}
	return j.w.Flush()
}

// jsonObject writes the fields of an object whose "{" is written, at depth.
type jsonObject struct {
	j     *jsonWriter
	depth int
	n     int
}

func (j *jsonWriter) object(depth int) *jsonObject { return &jsonObject{j: j, depth: depth} }

// key starts a field: its name, then the value is for the caller to write.
func (o *jsonObject) key(name string) {
	if o.n > 0 {
		o.j.raw(",")
	}
	o.n++
	k, _ := json.Marshal(name)
	o.j.raw("\n" + indent(o.depth) + string(k) + ": ")
}

func (o *jsonObject) field(name string, v any) {
	o.key(name)
	o.j.value(o.depth, v)
}

// system writes system si's fields into o: name, corpus, confidence, paired, qa and its
// segments, each built as it is written.
func (j *jsonWriter) system(o *jsonObject, r *Report, p *poller, si int, withName bool) {
	s := &r.Systems[si]
	if withName && s.Name != "" {
		o.field("name", s.Name)
	}
	if len(s.Corpus) > 0 {
		o.field("corpus", signedScores(r, s.Corpus))
	}
	if len(s.Baseline) > 0 {
		o.field("confidence", s.Baseline)
	}
	if len(s.Paired) > 0 {
		o.field("paired", s.Paired)
	}
	o.field("qa", s.QA)
	o.key("segments")
	if len(s.Segments) == 0 {
		j.raw("[]")
		return
	}
	j.raw("[")
	for i := range s.Segments {
		if j.err != nil {
			return
		}
		seg, err := r.segment(p, si, i)
		if err != nil {
			j.fail(err)
			return
		}
		if i > 0 {
			j.raw(",")
		}
		j.raw("\n" + indent(o.depth+1))
		j.value(o.depth+1, seg)
	}
	j.raw("\n" + indent(o.depth) + "]")
}

// signedScores returns the corpus scores with signatures that mention the bootstrap
// resampling when the report compares systems, as sacreBLEU's do
// ("nrefs:1|bs:1000|seed:12345|case:mixed|…").
func signedScores(r *Report, scores []Score) orderedScores {
	if len(r.Systems) < 2 {
		return orderedScores(scores)
	}
	out := make(orderedScores, len(scores))
	for i, s := range scores {
		parts := strings.SplitN(s.Signature, "|", 3)
		if len(parts) == 3 {
			s.Signature = parts[0] + "|" + parts[1] + "|bs:" + strconv.Itoa(r.Bootstrap) +
				"|seed:" + strconv.FormatUint(r.Seed, 10) + "|" + parts[2]
		}
		out[i] = s
	}
	return out
}
