package report

import (
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

type jsonSystem struct {
	Name       string                  `json:"name,omitempty"`
	Corpus     orderedScores           `json:"corpus,omitempty"`
	Confidence map[string]Confidence   `json:"confidence,omitempty"`
	Paired     map[string]PairedResult `json:"paired,omitempty"`
	QA         map[string]int          `json:"qa"`
	Segments   []Segment               `json:"segments"`
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
func WriteJSON(w io.Writer, r *Report) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	sys := func(s SystemReport, withName bool) jsonSystem {
		js := jsonSystem{Corpus: signedScores(r, s.Corpus), Confidence: s.Baseline, Paired: s.Paired, QA: s.QA, Segments: s.Segments}
		if withName {
			js.Name = s.Name
		}
		if js.Segments == nil {
			js.Segments = []Segment{}
		}
		return js
	}
	if len(r.Systems) == 1 {
		return enc.Encode(struct {
			Version string   `json:"version"`
			Notices []string `json:"notices,omitempty"`
			jsonSystem
		}{r.Version, r.Notices, sys(r.Systems[0], false)})
	}
	out := struct {
		Version       string           `json:"version"`
		Notices       []string         `json:"notices,omitempty"`
		Baseline      string           `json:"baseline"`
		Bootstrap     *jsonBootstrap   `json:"bootstrap,omitempty"`
		Systems       []jsonSystem     `json:"systems"`
		MostDifferent []jsonDifference `json:"most_different"`
	}{Version: r.Version, Notices: r.Notices, Baseline: r.Systems[0].Name, MostDifferent: []jsonDifference{}}
	if len(r.Metrics) > 0 {
		out.Bootstrap = &jsonBootstrap{r.Bootstrap, r.Seed}
	}
	for _, s := range r.Systems {
		out.Systems = append(out.Systems, sys(s, true))
	}
	for _, d := range r.MostDifferent {
		out.MostDifferent = append(out.MostDifferent, jsonDifference{d.Segment + 1, d.Spread, d.By})
	}
	return enc.Encode(out)
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
