package review

import (
	"strings"

	"github.com/bitext/bitext/document"
	"github.com/bitext/bitext/tm"
)

// reviewed is the decision on e as a reviewed TM entry: its words, keyed by the source's words
// (as every decision is), and for a segment with codes its tagged translation, which the
// memory also stores under the tagged source translate looks a document segment up by
// (tm.ReviewedEntry.SourceTagged), so that a later translation of the same formatted sentence
// gets the reviewed text with its formatting — or, where the decision dropped some of it (an
// edit typed as words: Tagged is its escaped words), with the codes it kept. It carries the reviewer and the time of the
// decision, and for the audit trail the translation it replaced (before) and the provider and
// model of the translation under review (the entry answers any provider).
func (s *Server) reviewed(e *entry, before string) []tm.ReviewedEntry {
	reviewer := e.Reviewer
	if strings.TrimSpace(reviewer) == "" {
		reviewer = s.opt.Reviewer // a journal line without a name
	}
	r := tm.ReviewedEntry{
		Key: tm.Key{Provider: e.Pair.Provider, Model: e.Pair.Model, SourceLang: s.opt.SourceLang, TargetLang: s.opt.TargetLang,
			Source: e.Pair.Source},
		Target: e.Target, Before: before, Reviewer: reviewer, When: e.When,
	}
	if document.HasTags(e.Pair.SourceTagged) && e.Tagged != "" {
		r.SourceTagged, r.TargetTagged, r.Codes, r.TargetCodes = e.Pair.SourceTagged, e.Tagged, e.Pair.Codes, e.Pair.TargetCodes
	}
	return []tm.ReviewedEntry{r}
}
