package providers

import (
	"context"
	"errors"
	"strings"
	"testing"
)

// answerer fakes a provider: each call's answer is shaped by a scripted fault.
type answerer struct {
	faults []string // per call: "", "missing", "dup", "extra", "empty", "invalid", "fail"
	calls  [][]string
}

func (a *answerer) call(_ context.Context, segs []Segment) ([]Translation, error) {
	var ids []string
	for _, s := range segs {
		ids = append(ids, s.ID)
	}
	n := len(a.calls)
	a.calls = append(a.calls, ids)
	fault := ""
	if n < len(a.faults) {
		fault = a.faults[n]
	}
	var out []Translation
	for _, s := range segs {
		out = append(out, Translation{ID: s.ID, Text: "EN " + s.Text})
	}
	switch fault {
	case "missing":
		out = out[:len(out)-1]
	case "dup":
		out[len(out)-1].ID = out[0].ID
	case "extra":
		out = append(out, Translation{ID: "zzz", Text: "?"})
	case "empty":
		out[0].Text = " "
	case "renamed":
		for i := range out {
			out[i].ID = "#" + out[i].ID
		}
	case "invalid":
		return nil, &InvalidAnswerError{Reason: "not JSON"}
	case "fail":
		return nil, &Error{Provider: "fake", Status: 500}
	}
	return out, nil
}

func TestSplitRetry(t *testing.T) {
	segs := []Segment{{"a", "1"}, {"b", "2"}, {"c", ""}, {"d", "4"}, {"e", "5"}}
	tests := []struct {
		name    string
		faults  []string
		calls   string // the IDs of each call
		wantErr string
	}{
		{"clean", nil, "abde", ""},
		{"missing asks only for it", []string{"missing"}, "abde e", ""},
		{"duplicate asks for both", []string{"dup"}, "abde ae", ""},
		{"empty asks for it", []string{"empty"}, "abde a", ""},
		{"extra splits", []string{"extra"}, "abde ab de", ""},
		{"invalid splits down to singles", []string{"invalid", "invalid", "invalid", "invalid"}, "abde ab a a a b de", ""},
		{"a single segment gives up after 3 tries", []string{"invalid", "invalid", "invalid", "invalid", "invalid"}, "abde ab a a a", "segment a: not JSON after 3 tries"},
		{"renamed IDs split until one answer per question", []string{"renamed", "renamed", "renamed"}, "abde ab a b de", ""},
		{"provider errors end the job", []string{"fail"}, "abde", "fake: HTTP 500"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &answerer{faults: tt.faults}
			got, err := SplitRetry(context.Background(), "fake", segs, 3, a.call)
			var calls []string
			for _, c := range a.calls {
				calls = append(calls, strings.Join(c, ""))
			}
			if strings.Join(calls, " ") != tt.calls {
				t.Errorf("calls %q, want %q", strings.Join(calls, " "), tt.calls)
			}
			if tt.wantErr != "" {
				if err == nil || !strings.Contains(err.Error(), tt.wantErr) {
					t.Fatalf("err %v, want %q", err, tt.wantErr)
				}
				var pe *Error
				if !errors.As(err, &pe) {
					t.Errorf("err %T, want *Error", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			for i, tr := range got {
				want := ""
				if segs[i].Text != "" {
					want = "EN " + segs[i].Text
				}
				if tr.ID != segs[i].ID || tr.Text != want {
					t.Errorf("translation %d = %+v", i, tr)
				}
			}
		})
	}
}

func TestSplitRetryRejectsBadIDs(t *testing.T) {
	for _, segs := range [][]Segment{{{"", "x"}}, {{"a", "x"}, {"a", "y"}}} {
		_, err := SplitRetry(context.Background(), "fake", segs, 3, (&answerer{}).call)
		if err == nil {
			t.Errorf("%v accepted", segs)
		}
	}
}

func TestSplitRetryCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := SplitRetry(ctx, "fake", []Segment{{"a", "x"}}, 3, (&answerer{}).call)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v", err)
	}
}
