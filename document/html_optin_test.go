package document

import (
	"testing"
)

// TestHTMLOptIn: a descendant of an element kept as it is that asks for translation back
// (translate="yes" under translate="no", the source's lang under another language) is
// translated, at block level and inside a sentence; the rest stays kept. The first cases are
// the reviewer's repro page (rv-html22 tn.html).
func TestHTMLOptIn(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string
		out       string
	}{
		{"translate yes under no",
			`<div translate="no"><p>Dieser Block bleibt deutsch.</p><p translate="yes">Dieser Absatz soll übersetzt werden.</p></div>`,
			[]string{"Dieser Absatz soll übersetzt werden."},
			`<div translate="no"><p>Dieser Block bleibt deutsch.</p><p translate="yes">DIESER ABSATZ SOLL ÜBERSETZT WERDEN.</p></div>`},
		{"source lang under another",
			`<section lang="en"><p>English section.</p><p lang="de">Ein deutscher Absatz in einem englischen Abschnitt.</p><p>More.</p></section>`,
			[]string{"Ein deutscher Absatz in einem englischen Abschnitt."},
			`<section lang="en"><p>English section.</p><p lang="en">EIN DEUTSCHER ABSATZ IN EINEM ENGLISCHEN ABSCHNITT.</p><p>More.</p></section>`},
		{"inline yes in a kept span",
			`<p>Ein Satz mit <span translate="no">Bundesamt <span translate="yes">für</span> Sicherheit</span> als Name.</p>`,
			[]string{"Ein Satz mit <g1><g2>für</g2></g1> als Name."},
			`<p>EIN SATZ MIT <span translate="no">Bundesamt <span translate="yes">FÜR</span> Sicherheit</span> ALS NAME.</p>`},
		{"two inline yes",
			`<p>Vorne <i class="notranslate">A <b translate="">eins</b> B <b translate="yes">zwei</b> C</i> hinten.</p>`,
			[]string{"Vorne <g1><g2>eins</g2><x3/><g4>zwei</g4></g1> hinten."},
			`<p>VORNE <i class="notranslate">A <b translate="">EINS</b> B <b translate="yes">ZWEI</b> C</i> HINTEN.</p>`},
		{"inline yes in a kept block",
			`<div translate="no">Kept <span translate="yes">Wort hier</span> kept</div><p>Danach.</p>`,
			[]string{"Wort hier", "Danach."},
			`<div translate="no">Kept <span translate="yes">WORT HIER</span> kept</div><p>DANACH.</p>`},
		{"yes under an English part stays",
			`<div translate="no"><section lang="en"><p translate="yes">English words.</p></section><p translate="yes">Deutsche Wörter.</p></div>`,
			[]string{"Deutsche Wörter."},
			`<div translate="no"><section lang="en"><p translate="yes">English words.</p></section><p translate="yes">DEUTSCHE WÖRTER.</p></div>`},
		{"no again inside yes",
			`<div translate="no"><div translate="yes"><p>Hier ja.</p><div><p translate="no">Hier nein.</p></div><p>Wieder ja.</p></div><p>Nein.</p></div>`,
			[]string{"Hier ja.", "Wieder ja."},
			`<div translate="no"><div translate="yes"><p>HIER JA.</p><div><p translate="no">Hier nein.</p></div><p>WIEDER JA.</p></div><p>Nein.</p></div>`},
		{"yes left open",
			`<div translate="no"><p translate="yes">Offen gelassen</div><p>Danach.</p>`,
			[]string{"Offen gelassen", "Danach."},
			`<div translate="no"><p translate="yes">OFFEN GELASSEN</div><p>DANACH.</p>`},
		{"yes on a script stays kept",
			`<div translate="no"><pre translate="yes">Code hier</pre><code translate="yes">x</code></div>`,
			nil,
			`<div translate="no"><pre translate="yes">Code hier</pre><code translate="yes">x</code></div>`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) { checkHTMLSegments(t, tc.src, Options{SourceLang: "de"}, tc.want, tc.out) })
	}
}
