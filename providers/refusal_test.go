package providers_test

import (
	"context"
	"strings"
	"testing"

	"github.com/bitext/bitext/providers"
)

// TestRefusalSuspect: answers that decline to translate are refusals — the answers a review of
// local models' behaviour fed bitext, in the words models refuse with — and translations of
// German that apologises, cannot or will not are not. The German sentences are written for
// this test (testdata/SOURCES.md): what matters is whether they apologise.
func TestRefusalSuspect(t *testing.T) {
	for _, tc := range []struct {
		source, answer string
		refusal        bool
	}{
		{"Dies ist definitiv nicht das letzte Wort in dieser Sache.", "I am sorry, I cannot help with that.", true},
		{"Dies erklärte der Sprecher am Abend.", "I cannot translate this text as it may contain harmful content.", true},
		{"Beide Seiten wollen weiter verhandeln.", "As an AI language model, I cannot provide that translation.", true},
		{"Das erste Treffen fand im Mai statt.", "Sorry, I can only translate from German to English.", true},
		{"Er betonte die Bedeutung des Abkommens.", "I apologize, but I am unable to translate this request.", true},
		{"Die Lage bleibt angespannt.", "I'm sorry, but I can't help with that.", true},
		{"Die Lage bleibt angespannt.", "**I'm sorry**, but I can't assist with this request.", true},
		// The second review's: curly apostrophes, "I'm unable", other wordings, and sources with
		// "kann" or a first person and a negation, which the first version let through.
		{"Die Regierung hat das Gesetz verabschiedet.", "I’m sorry, but I can’t assist with that.", true},
		{"Der Minister sagte das.", "I'm unable to translate this text.", true},
		{"Das Medikament kann bei einer Überdosierung tödlich sein.", "I'm sorry, but I can't help with that.", true},
		{"Wir haben keine Hinweise auf eine Manipulation gefunden.", "I'm sorry, but I can't help with that.", true},
		{"Die Lage bleibt angespannt.", "I'm afraid I can't help with that request.", true},
		{"Die Lage bleibt angespannt.", "My apologies, but I cannot provide a translation of this text.", true},
		{"Die Lage bleibt angespannt.", "Unable to translate.", true},
		{"Die Lage bleibt angespannt.", "As a language model, I do not translate such content.", true},
		// German that says it itself.
		{"Es tut mir leid, ich kann Ihnen nicht helfen.", "I'm sorry, I can't help you.", false},
		{"Leider können wir Ihnen nicht helfen.", "Unfortunately, we cannot help you.", false},
		{"Ich werde das nicht übersetzen.", "I will not translate that.", false},
		{"Mir ist es nicht möglich, Ihnen zu helfen.", "I am unable to help you.", false},
		{"Als KI-Forscher sehe ich das anders.", "As an AI researcher, I see it differently.", false},
		{"Die Lage bleibt angespannt.", "The situation remains tense.", false},
		{"Sorry, das war ein Fehler.", "Sorry, that was a mistake.", false},
		// The second review's false refusals: a letter's apology, a decline, a regret.
		{"Tschuldigung, ich brauche dringend Hilfe mit dem Antrag.", "Sorry, I urgently need help with the application.", false},
		{"Ihre Anfrage müssen wir ablehnen.", "We must decline your request.", false},
		{"Unglücklicherweise haben wir Ihre Anfrage erst heute gesehen.", "Unfortunately, we only saw your request today.", false},
		{"Pardon, wie war Ihre Frage?", "Sorry, what was your request?", false},
		{"Hilfe wird nicht geleistet.", "We cannot provide help.", false},
	} {
		got := providers.RefusalSuspect(tc.source, tc.answer)
		if (got != "") != tc.refusal {
			t.Errorf("RefusalSuspect(%q, %q) = %q, want refusal %v", tc.source, tc.answer, got, tc.refusal)
		}
		if tc.refusal && !providers.Unusable(got) {
			t.Errorf("%q: %q is not unusable", tc.answer, got)
		}
	}
}

// TestWrapFailsUnusableAnswers: an answer that is still a refusal or "." when asked again
// alone fails its segment (written untranslated, asked again by the next run); before, it was
// written as the translation with a flag, exit 0, and a rerun served it from nowhere better.
// The other segments of the batch are answered.
func TestWrapFailsUnusableAnswers(t *testing.T) {
	src := []string{"Die Regierung hat das Gesetz am Freitag verabschiedet.", "Der Minister sagte, die Gespräche würden fortgesetzt.", "Die Inflation lag im Dezember bei 2,5 Prozent."}
	d := &scripted{answer: func(call int, req *providers.Request) []providers.Translation {
		out := echoEN(call, req)
		for i, s := range req.Segments {
			switch s.Text {
			case src[0]:
				out[i].Text = "I'm sorry, but I can't help with that."
			case src[1]:
				out[i].Text = "."
			}
		}
		return out
	}}
	p := providers.Wrap(d, providers.WrapOptions{})
	resp, err := p.Translate(context.Background(), &providers.Request{Segments: segs(src...)})
	ids := providers.FailedIDs(err)
	if len(ids) != 2 || ids[0] != "s0" || ids[1] != "s1" {
		t.Fatalf("failed %v (%v), want s0 and s1", ids, err)
	}
	if !strings.Contains(err.Error(), "no translation in the answer") {
		t.Errorf("error %q does not say why", err)
	}
	if resp == nil || len(resp.Translations) != 1 || resp.Translations[0].Text != english[src[2]] {
		t.Errorf("the good answer: %+v", resp)
	}
}
