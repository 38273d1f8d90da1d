// Package htmlparse is golang.org/x/net/html's HTML5 tree builder (parse.go, foreign.go,
// doctype.go, const.go and the node stack of node.go from x/net v0.62.0, under its BSD licence,
// see LICENSE), changed only so that it can be driven one token at a time (Parser.Step) and
// asked which elements are still open and whose children its adoption agency may still move
// (Parser.MayAdopt), and so that a page nesting more than 512 open elements
// is read, as browsers read it, instead of refused (maxOpenElements). It builds html.Node trees,
// the same trees as html.Parse wherever html.Parse builds one.
// The segment package uses it to read pages too big to hold as a tree: it walks each finished
// subtree and cuts it off while the rest of the page is still being read.
package htmlparse
