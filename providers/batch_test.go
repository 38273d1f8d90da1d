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
	bad    string   // IDs of segments whose batches are always answered "invalid" (a refusal)
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
	for _, id := range ids {
		if strings.Contains(a.bad, id) {
			fault = "invalid"
		}
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
	segs := []Segment{{ID: "a", Text: "1"}, {ID: "b", Text: "2"}, {ID: "c"}, {ID: "d", Text: "4"}, {ID: "e", Text: "5"}}
	tests := []struct {
		name    string
		faults  []string
		bad     string // segments the model never answers
		calls   string // the IDs of each call
		wantErr string
	}{
		{"clean", nil, "", "abde", ""},
		{"missing asks only for it", []string{"missing"}, "", "abde e", ""},
		{"duplicate asks for both", []string{"dup"}, "", "abde ae", ""},
		{"empty asks for it", []string{"empty"}, "", "abde a", ""},
		{"extra is ignored", []string{"extra"}, "", "abde", ""},
		{"invalid asks both halves before theirs", []string{"invalid", "invalid"}, "", "abde ab de a b", ""},
		{"a single segment gives up after 3 tries, the others go on", []string{"invalid", "invalid", "", "invalid", "invalid", "invalid"}, "", "abde ab de a a a b", "segment a: not JSON after 3 tries"},
		// Halves that share nothing failing alike: two segments asked alone tell the server's
		// failure from two bad segments, one in each half.
		{"the same failure on every request ends the job", []string{"invalid", "invalid", "invalid", "invalid", "invalid"}, "", "abde ab de d b", "5 answers in a row were unusable"},
		{"renamed IDs everywhere are asked one by one", []string{"renamed", "renamed", "renamed", "renamed", "renamed", "renamed", "renamed"}, "", "abde ab de d b a e", ""},
		{"a bad segment in each half", nil, "ae", "abde ab de d b a a a e e e", "segments a, e: not JSON after 3 tries"},
		{"renamed IDs once split", []string{"renamed"}, "", "abde ab de", ""},
		{"provider errors end the job", []string{"fail"}, "", "abde", "fake: HTTP 500"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &answerer{faults: tt.faults, bad: tt.bad}
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
				if ids := FailedIDs(err); ids != nil {
					// The others are answered all the same.
					wantFailed := tt.bad
					if wantFailed == "" {
						wantFailed = "a"
					}
					if strings.Join(ids, "") != wantFailed || len(got) != len(segs)-len(ids) {
						t.Errorf("failed %v, %d translations", ids, len(got))
					}
					for _, tr := range got {
						if strings.Contains(wantFailed, tr.ID) {
							t.Errorf("failed segment answered: %+v", tr)
						}
					}
				} else if strings.Contains(tt.wantErr, "in a row") {
					var gave *GaveUpError
					if !errors.As(err, &gave) {
						t.Errorf("a systematic failure is not a *GaveUpError: %v", err)
					}
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
	for _, segs := range [][]Segment{{{Text: "x"}}, {{ID: "a", Text: "x"}, {ID: "a", Text: "y"}}} {
		_, err := SplitRetry(context.Background(), "fake", segs, 3, (&answerer{}).call)
		if err == nil {
			t.Errorf("%v accepted", segs)
		}
	}
}

func TestSplitRetryCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	_, err := SplitRetry(ctx, "fake", []Segment{{ID: "a", Text: "x"}}, 3, (&answerer{}).call)
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("err %v", err)
	}
}
