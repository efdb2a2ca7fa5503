// Package markdown converts the Markdown bodies of content files to HTML and plain text. It is
// the only package that imports goldmark.
//
// The dialect is CommonMark with GFM tables, strikethrough and automatic heading ids. Raw HTML in
// the source is never rendered (goldmark's safe default), so editors cannot inject markup or
// script. Convert also returns the body's plain text, split at the heading "Til fagpersoner"
// into the family-facing part and the professionals' part, and every link with its byte offset in
// the source, so that callers can check links and report positions.
package markdown

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/text"
)

// ProHeading is the heading that starts the professionals' section of an offer.
const ProHeading = "Til fagpersoner"

// Doc is a converted Markdown document.
type Doc struct {
	HTML       string
	FamilyText string // plain text before the professionals' section
	ProText    string // plain text of the professionals' section
	Links      []Link
}

// Text returns the whole plain text.
func (d *Doc) Text() string {
	if d.ProText == "" {
		return d.FamilyText
	}
	return d.FamilyText + "\n" + d.ProText
}

// Link is a link in a document.
type Link struct {
	Dest   string
	Offset int // byte offset of the link in the source
}

// Converter converts Markdown; it is safe for concurrent use.
type Converter struct {
	md goldmark.Markdown
}

// New returns a Converter with the site's Markdown dialect.
func New() *Converter {
	return &Converter{md: goldmark.New(
		goldmark.WithExtensions(extension.Table, extension.Strikethrough),
		goldmark.WithParserOptions(parser.WithAutoHeadingID()),
	)}
}

// Convert converts src.
func (c *Converter) Convert(src []byte) (*Doc, error) {
	root := c.md.Parser().Parse(text.NewReader(src))
	var out bytes.Buffer
	if err := c.md.Renderer().Render(&out, src, root); err != nil {
		return nil, fmt.Errorf("markdown: %w", err)
	}
	doc := &Doc{HTML: out.String()}
	var family, pro strings.Builder
	cur := &family
	err := ast.Walk(root, func(n ast.Node, entering bool) (ast.WalkStatus, error) {
		switch n := n.(type) {
		case *ast.Heading:
			if entering && n.Level == 2 && strings.TrimSpace(string(plain(n, src))) == ProHeading {
				cur = &pro
				return ast.WalkSkipChildren, nil
			}
		case *ast.Link:
			if entering {
				doc.Links = append(doc.Links, Link{Dest: string(n.Destination), Offset: offset(n)})
			}
		case *ast.AutoLink:
			if entering {
				doc.Links = append(doc.Links, Link{Dest: string(n.URL(src)), Offset: offset(n)})
			}
		case *ast.Text:
			if entering {
				cur.Write(n.Segment.Value(src))
				if n.SoftLineBreak() || n.HardLineBreak() {
					cur.WriteByte(' ')
				}
			}
		case *ast.String:
			if entering {
				cur.Write(n.Value)
			}
		case *ast.CodeSpan, *ast.RawHTML, *ast.HTMLBlock:
			if entering && n.Kind() != ast.KindCodeSpan {
				return ast.WalkSkipChildren, nil
			}
		}
		if !entering && n.Type() == ast.TypeBlock && cur.Len() > 0 && !strings.HasSuffix(cur.String(), "\n") {
			cur.WriteByte('\n')
		}
		return ast.WalkContinue, nil
	})
	if err != nil {
		return nil, err
	}
	doc.FamilyText = strings.TrimSpace(family.String())
	doc.ProText = strings.TrimSpace(pro.String())
	return doc, nil
}

// plain returns the text of an inline container.
func plain(n ast.Node, src []byte) []byte {
	var b bytes.Buffer
	for c := n.FirstChild(); c != nil; c = c.NextSibling() {
		if t, ok := c.(*ast.Text); ok {
			b.Write(t.Segment.Value(src))
		} else {
			b.Write(plain(c, src))
		}
	}
	return b.Bytes()
}

// offset returns the byte offset of an inline node: the start of its first text, else of its
// enclosing block's first line.
func offset(n ast.Node) int {
	for c := n.FirstChild(); c != nil; c = c.FirstChild() {
		if t, ok := c.(*ast.Text); ok {
			// The text of a link starts after "[" (or "<" for an autolink).
			return max(t.Segment.Start-1, 0)
		}
	}
	for p := n.Parent(); p != nil; p = p.Parent() {
		if p.Type() == ast.TypeBlock && p.Lines().Len() > 0 {
			return p.Lines().At(0).Start
		}
	}
	return 0
}
