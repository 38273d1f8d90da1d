package glossary

// Function words that are never terms, for the consistency check of terms not in the
// glossary. German nouns are capitalized, so the German list only needs words that are
// capitalized at the start of a sentence.
var stopDE = set("aber", "alle", "allen", "als", "also", "auch", "auf", "aus", "bei", "beide", "beim", "bis", "damit", "dann", "dass", "dem", "den", "denen", "der", "des", "dessen", "die", "dies", "diese", "diesem", "diesen", "dieser", "dieses", "doch", "durch", "eine", "einem", "einen", "einer", "eines", "einige", "etwa", "für", "gegen", "heute", "hier", "ihre", "ihrem", "ihren", "ihrer", "immer", "jetzt", "kein", "keine", "laut", "mehr", "nach", "nicht", "noch", "nun", "nur", "oder", "ohne", "schon", "sehr", "seit", "sein", "seine", "seinem", "seinen", "seiner", "sich", "sie", "sind", "so", "sowie", "über", "um", "und", "uns", "unter", "vom", "von", "vor", "während", "war", "waren", "weil", "wenn", "werden", "wie", "wir", "wird", "wurde", "wurden", "zum", "zur", "zwischen", "dabei", "darauf", "daher", "deshalb", "jedoch", "bereits", "gleichzeitig", "außerdem", "zudem", "worauf", "beide", "beiden", "dieser", "jener", "welche", "welcher", "wo", "was", "wer", "warum")

var stopEN = set("a", "about", "after", "all", "also", "an", "and", "any", "are", "as", "at", "be", "been", "before", "both", "but", "by", "can", "could", "did", "do", "does", "for", "from", "had", "has", "have", "he", "her", "his", "how", "i", "if", "in", "into", "is", "it", "its", "more", "most", "not", "now", "of", "on", "one", "or", "other", "our", "out", "over", "said", "says", "she", "so", "some", "than", "that", "the", "their", "them", "then", "there", "these", "they", "this", "those", "through", "to", "under", "up", "was", "we", "were", "what", "when", "where", "which", "while", "who", "will", "with", "would", "you", "between", "during", "since", "such", "very", "well", "against", "also", "already", "still", "just", "only", "being", "same", "each", "own", "per", "may", "might", "must", "should", "shall", "yet")

func set(ws ...string) map[string]bool {
	m := make(map[string]bool, len(ws))
	for _, w := range ws {
		m[w] = true
	}
	return m
}
