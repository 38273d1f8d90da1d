package qa

import "strings"

// Locate returns vs at loc with their spans in source and target. A span that still points at
// the term (case-insensitively, as the glossary matched it) or at the found rendering is kept:
// a sentence pair's text is the text its unit was checked in, and the glossary placed the k-th
// of repeated renderings at the k-th occurrence. Otherwise (a paragraph's violation moved to
// one of its sentences, a Glossary that does not locate) the term and the found rendering are
// searched, the k-th violation with the same found text at its k-th occurrence; NoSpan where
// they are not found. Flags (Suspect) have no span.
func Locate(vs []Violation, source, target string, loc Location) []Violation {
	out := make([]Violation, len(vs))
	var seen map[string]int // found text → occurrences already assigned
	for i, v := range vs {
		l := loc
		l.SourceStart, l.SourceEnd, l.TargetStart, l.TargetEnd = NoSpan, NoSpan, NoSpan, NoSpan
		if IsGlossary(v.Kind) {
			if v.Entry == "" {
				v.Entry = v.Term
			}
			if v.Term != "" {
				if spanFold(source, v.SourceStart, v.SourceEnd, v.Term) {
					l.SourceStart, l.SourceEnd = v.SourceStart, v.SourceEnd
				} else if at := indexFold(source, v.Term); at >= 0 {
					l.SourceStart, l.SourceEnd = at, at+len(v.Term)
				}
			}
			if v.Found != "" {
				if seen == nil {
					seen = map[string]int{}
				}
				if inside(target, v.TargetStart, v.TargetEnd) && target[v.TargetStart:v.TargetEnd] == v.Found {
					l.TargetStart, l.TargetEnd = v.TargetStart, v.TargetEnd
				} else if at := nthIndex(target, v.Found, seen[v.Found]); at >= 0 {
					l.TargetStart, l.TargetEnd = at, at+len(v.Found)
				} else if at := strings.Index(target, v.Found); at >= 0 {
					l.TargetStart, l.TargetEnd = at, at+len(v.Found)
				}
				seen[v.Found]++
			}
		}
		v.Location = l
		out[i] = v
	}
	return out
}

// inside reports whether [start, end) is a non-empty byte range of s.
func inside(s string, start, end int) bool {
	return 0 <= start && start < end && end <= len(s)
}

// spanFold reports whether s[start:end] is sub, ignoring case.
func spanFold(s string, start, end int, sub string) bool {
	return inside(s, start, end) && strings.EqualFold(s[start:end], sub)
}

// indexFold is the byte offset of the first case-insensitive occurrence of sub in s, or -1.
// Only offsets where the match has sub's length in bytes count, so the span is exact.
func indexFold(s, sub string) int {
	if at := strings.Index(s, sub); at >= 0 {
		return at
	}
	for i := 0; i+len(sub) <= len(s); i++ {
		if i > 0 && s[i]&0xC0 == 0x80 {
			continue // inside a UTF-8 sequence
		}
		if strings.EqualFold(s[i:i+len(sub)], sub) {
			return i
		}
	}
	return -1
}
