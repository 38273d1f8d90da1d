package segment

import (
	"strings"

	"golang.org/x/net/html"
)

// Page furniture that templates mark by class or id rather than by element: the comment
// section, sidebars and widgets, sharing buttons, post navigation, related posts, breadcrumbs.
// Blog templates (WordPress, Blogger and their plugins) use these names whole, so only a class
// or id that is exactly one of them counts ("comments", not "comments-count" or
// "no-comments-layout"): an article is never inside such an element.
var chromeClasses = map[string]string{
	"comments": "comment section", "comments-area": "comment section", "comment-respond": "comment section",
	"respond": "comment section", "disqus_thread": "comment section", "comment-list": "comment section",
	"commentlist": "comment section", "comment-form": "comment section",
	"sidebar": "sidebar", "widget-area": "sidebar",
	"sharedaddy": "sharing buttons", "share-buttons": "sharing buttons", "social-share": "sharing buttons",
	"shariff": "sharing buttons", "addtoany_share_save_container": "sharing buttons",
	"post-navigation": "post navigation", "nav-links": "post navigation",
	"breadcrumb": "breadcrumbs", "breadcrumbs": "breadcrumbs",
	"jp-relatedposts": "related posts", "related-posts": "related posts", "yarpp-related": "related posts",
	"crp_related": "related posts",
}

// chromeByClass returns the reason to drop n when its class or id names it page furniture.
func chromeByClass(n *html.Node) (string, bool) {
	for _, a := range n.Attr {
		if a.Key != "class" && a.Key != "id" {
			continue
		}
		for _, tok := range strings.Fields(a.Val) {
			if r, ok := chromeClasses[strings.ToLower(tok)]; ok {
				return r, true
			}
		}
	}
	return "", false
}
