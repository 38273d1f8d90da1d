package report

import (
	"errors"
	"math"
	"strings"
	"testing"
)

func TestFormats(t *testing.T) {
	for _, tc := range []struct{ in, want string }{{"text", "text"}, {"MD", "md"}, {"markdown", "md"}, {" html ", "html"}, {"json", "json"}, {"pdf", ""}} {
		f, err := ParseFormat(tc.in)
		if string(f) != tc.want || (err != nil) != (tc.want == "") {
			t.Errorf("ParseFormat(%q) = %q, %v", tc.in, f, err)
		}
	}
	for _, tc := range []struct{ name, want string }{{"r.HTML", "html"}, {"r.htm", "html"}, {"r.json", "json"}, {"r.markdown", "md"}, {"r", "text"}, {"-", "text"}, {"r.txt", "text"}} {
		if f := FormatFromName(tc.name); string(f) != tc.want {
			t.Errorf("FormatFromName(%q) = %q", tc.name, f)
		}
	}
}

func TestSelectMetrics(t *testing.T) {
	tests := []struct {
		names   string
		want    []string
		wantErr string
	}{
		{"bleu,chrf,chrf++,ter", []string{"BLEU", "chrF2", "chrF2++", "TER"}, ""},
		{" TER , bleu,bleu", []string{"TER", "BLEU"}, ""},
		{"chrf2++,chrfpp", []string{"chrF2++"}, ""},
		{"meteor", nil, `unknown metric "meteor"`},
		{" , ", nil, "no metric given"},
	}
	for _, tc := range tests {
		ms, err := SelectMetrics(MetricOptions{Names: tc.names})
		if tc.wantErr != "" {
			if err == nil || !strings.Contains(err.Error(), tc.wantErr) {
				t.Errorf("%q: %v, want %q", tc.names, err, tc.wantErr)
			}
			continue
		}
		var got []string
		for _, m := range ms {
			got = append(got, m.Name())
		}
		if err != nil || strings.Join(got, ",") != strings.Join(tc.want, ",") {
			t.Errorf("%q: %v %v, want %v", tc.names, got, err, tc.want)
		}
	}
}

func TestSmoothValue(t *testing.T) {
	tests := []struct {
		smooth  Smoothing
		value   float64
		wantErr string // "" for a valid value
	}{
		{SmoothFloor, 0.1, ""},
		{SmoothFloor, 0.5, ""},
		{SmoothAddK, 1, ""},
		{SmoothAddK, 0.01, ""},
		{SmoothAddK, -1, "add-k smoothing needs a finite value above 0, not -1"},
		{SmoothAddK, 0, "above 0, not 0"},
		{SmoothFloor, math.NaN(), "floor smoothing needs a finite value above 0, not NaN"},
		{SmoothFloor, math.Inf(1), "not +Inf"},
		{SmoothAddK, math.Inf(-1), "not -Inf"},
		{SmoothExp, 1, "only floor and add-k smoothing take a value, not exp"},
		{SmoothNone, 1, "not none"},
		{"", 1, "not exp"},
	}
	for _, tc := range tests {
		err := tc.smooth.CheckValue(tc.value)
		if (err == nil) != (tc.wantErr == "") || err != nil && !strings.Contains(err.Error(), tc.wantErr) {
			t.Errorf("%s %v: %v, want %q", tc.smooth, tc.value, err, tc.wantErr)
		}
		v := tc.value
		_, err = SelectMetrics(MetricOptions{Names: "bleu", BLEU: BLEU{Smooth: tc.smooth, SmoothValue: &v}})
		var sv *SmoothValueError
		if (tc.wantErr == "") != (err == nil) || err != nil && !errors.As(err, &sv) {
			t.Errorf("SelectMetrics with %s %v: %v", tc.smooth, tc.value, err)
		}
	}
}

// TestMetricOptionsChecked: a library caller's metric options are checked as the CLI's flags
// are, so that a signature never names a tokenizer or smoothing the score was not computed
// with.
func TestMetricOptionsChecked(t *testing.T) {
	neg := -1.0
	for _, m := range []Metric{
		BLEU{Tokenizer: "zh"},
		BLEU{Tokenizer: "ja-mecab"},
		BLEU{Smooth: "bogus"},
		BLEU{Smooth: SmoothFloor, SmoothValue: &neg},
		BLEU{MaxOrder: -1},
		CHRF{},
	} {
		if _, err := CorpusScore(m, []string{"a b c"}, [][]string{{"a b c"}}, "x"); err == nil {
			t.Errorf("CorpusScore(%#v) took the options", m)
		}
		if _, err := Build(Input{References: [][]string{{"a b c"}}, Systems: []System{{Name: "s", Hypotheses: []string{"a b c"}}}}, Options{Metrics: []Metric{m}}); err == nil {
			t.Errorf("Build with %#v took the options", m)
		}
	}
	if _, err := CorpusScore(BLEU{}, []string{"a b c"}, [][]string{{"a b c"}}, "x"); err != nil {
		t.Errorf("the zero BLEU: %v", err)
	}
}
