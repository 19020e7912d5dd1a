// Package htmltest reads HTML pages in tests the way a browser parses them: find elements, read their
// attributes and the text a reader sees.
package htmltest

import (
	"strings"

	"golang.org/x/net/html"
)

// FindAll returns the elements below n (n included) that match, in document order.
func FindAll(n *html.Node, match func(*html.Node) bool) []*html.Node {
	var out []*html.Node
	if n.Type == html.ElementNode && match(n) {
		out = append(out, n)
	}
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		out = append(out, FindAll(c, match)...)
	}
	return out
}

// ByID returns the one element with an id, or nil when there is none or more than one.
func ByID(doc *html.Node, id string) *html.Node {
	if found := FindAll(doc, func(n *html.Node) bool { return Attr(n, "id") == id }); len(found) == 1 {
		return found[0]
	}
	return nil
}

// Attr is an attribute's value, or "" when the element has none.
func Attr(n *html.Node, key string) string {
	for _, a := range n.Attr {
		if a.Key == key {
			return a.Val
		}
	}
	return ""
}

// Text is the text below n, markup removed and character references decoded.
func Text(n *html.Node) string {
	if n.Type == html.TextNode {
		return n.Data
	}
	var b strings.Builder
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		b.WriteString(Text(c))
	}
	return b.String()
}
