package review

import (
	"strings"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/tm"
)

// reviewed is the decision on e as reviewed TM entries: its words, keyed by the source's words
// (as every decision is), and for a segment with codes its tagged translation, keyed by the
// tagged source as translate keys a document segment with those codes (memoryTagged), so that
// a later translation of the same formatted sentence gets the reviewed text with its
// formatting. Each entry carries the reviewer and the time of the decision, and for the audit
// trail the translation it replaced (before, beforeTagged) and the provider and model of the
// translation under review (the entries answer any provider).
func (s *Server) reviewed(e *entry, before, beforeTagged string) []tm.ReviewedEntry {
	reviewer := e.Reviewer
	if strings.TrimSpace(reviewer) == "" {
		reviewer = s.opt.Reviewer // a journal line without a name
	}
	entry := func(source, target, before string) tm.ReviewedEntry {
		return tm.ReviewedEntry{
			Key: tm.Key{Provider: e.Pair.Provider, Model: e.Pair.Model, SourceLang: s.opt.SourceLang, TargetLang: s.opt.TargetLang,
				Source: source},
			Target: target, Before: before, Reviewer: reviewer, When: e.When,
		}
	}
	var out []tm.ReviewedEntry
	// A segment of codes only (an Angular <x id="ICU"/>) has no words to key or store.
	if strings.TrimSpace(e.Pair.Source) != "" && strings.TrimSpace(e.Target) != "" {
		out = append(out, entry(e.Pair.Source, e.Target, before))
	}
	if src, tgt, ok := memoryTagged(e.Pair.SourceTagged, e.Tagged); ok {
		prev := ""
		if _, b, ok := memoryTagged(e.Pair.SourceTagged, beforeTagged); ok {
			prev = b
		}
		out = append(out, entry(src, tgt, prev))
	}
	return out
}

// memoryTagged is a tagged source and translation as the memory keys and stores a document
// segment with codes: the source's codes numbered 1, 2, … in the order they open (as package
// document numbers a segment's), the translation's by the same numbers. ok is false unless
// the source has codes and the translation has each of them exactly once, properly nested —
// the memory's rule for imported units too: a translation that lacks a code would lose
// formatting in every document it is taken into.
func memoryTagged(source, target string) (src, tgt string, ok bool) {
	if !document.HasTags(source) {
		return "", "", false
	}
	num := map[int]int{}
	for _, p := range document.Pieces(source) {
		if _, seen := num[p.ID]; !seen && (p.Kind == document.PieceOpen || p.Kind == document.PieceStandalone) {
			num[p.ID] = len(num) + 1
		}
	}
	renumber := func(tagged string) (string, bool) {
		var b strings.Builder
		for _, p := range document.Pieces(tagged) {
			if p.Kind == document.PieceText {
				b.WriteString(document.EscapeText(p.Text))
				continue
			}
			n, ok := num[p.ID]
			if !ok {
				return "", false
			}
			b.WriteString(tag(p.Kind, n))
		}
		return b.String(), true
	}
	if src, ok = renumber(source); !ok {
		return "", "", false
	}
	if tgt, ok = renumber(target); !ok {
		return "", "", false
	}
	codes := document.CodesOf(src)
	if document.CheckTags(codes, src) != nil || document.CheckTags(codes, tgt) != nil {
		return "", "", false
	}
	return src, tgt, true
}
