package report

import (
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
