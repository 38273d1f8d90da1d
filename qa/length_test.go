package qa

import "testing"

func TestLengthRatio(t *testing.T) {
	tests := []struct {
		src, tgt string
		judged   bool
	}{
		// short: an abbreviation halves the length of a correct translation
		{"Die Vereinigten Staaten reagierten.", "The U.S. reacted.", false},
		{"Das Außenministerium schwieg.", "The State Department was silent.", false},
		{"Ja.", "Yes.", false},
		// a source under MinLengthSource is never judged (report's limit before); one above
		// it is when the target is long
		{"Ja.", "Yes, said the minister, and he added that the talks would go on next week.", false},
		{"Die Bundesregierung lehnte ab.", "The federal government declined, the spokesman said in Berlin on Monday evening.", true},
		// long enough on one side
		{"Die Opposition kritisierte den Haushaltsentwurf scharf und forderte Nachbesserungen.", "Criticism.", true},
		{"Rund 100.000 russische Soldaten sind nach westlichen Schätzungen an der Grenze stationiert.", "Around 100,000 Russian troops are stationed on the border, according to Western estimates.", true},
		{"Die Opposition kritisierte den Haushaltsentwurf scharf.", "", false},
	}
	for _, tt := range tests {
		r, ok := LengthRatio(tt.src, tt.tgt)
		if ok != tt.judged {
			t.Errorf("LengthRatio(%q, %q) = %.2f, %v; want judged %v", tt.src, tt.tgt, r, ok, tt.judged)
		}
	}
}
