// Package markdown converts the Markdown bodies of content files to HTML and plain text. It is
// the only package that imports goldmark.
//
// The dialect is CommonMark with GFM tables, strikethrough and automatic heading ids. Raw HTML in
// the source is never rendered (goldmark's safe default), so editors cannot inject markup or
// script, and an image is the only thing in a body a browser fetches. Convert also returns the
// body's plain text, split at the heading "Til fagpersoner" into the family-facing part and the
// professionals' part, and every link and image with its byte offset in the source, so that
// callers can check them and report positions. Turning on raw HTML (html.WithUnsafe) or an
// extension that embeds would let a body load from other hosts in ways Images does not list:
// the content loader's check of other hosts would have to learn them first.
package markdown

import (
	"bytes"
	"fmt"
	"strings"

	"github.com/yuin/goldmark"
	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/extension"
	"github.com/yuin/goldmark/parser"
	"github.com/yuin/goldmark/renderer/html"
	"github.com/yuin/goldmark/text"
	"github.com/yuin/goldmark/util"
)

// ProHeading is the heading that starts the professionals' section of an offer.
const ProHeading = "Til fagpersoner"

// Doc is a converted Markdown document.
type Doc struct {
	HTML       string
	FamilyText string // plain text before the professionals' section
	ProText    string // plain text of the professionals' section
	Links      []Link
	Images     []Image
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

// Image is an image in a document: ![alt](src), or ![alt][ref] with the source in the
// reference's definition.
type Image struct {
	Dest string // the address as written in the source
	// Src is the address as the rendered page writes it in src, the URL the browser fetches:
	// escapes and character references resolved, the rest percent-encoded; "" when the
	// renderer drops it (a javascript: or similar address).
	Src    string
	Offset int // byte offset of the image's "!" in the source
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
		case *ast.Image:
			if entering {
				doc.Images = append(doc.Images, Image{Dest: string(n.Destination), Src: imageSrc(n.Destination), Offset: imageOffset(n)})
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

// imageSrc returns the src goldmark's HTML renderer writes for an image's destination (before
// HTML escaping, which the browser undoes).
func imageSrc(dest []byte) string {
	src := util.URLEscape(dest, true)
	if html.IsDangerousURL(src) {
		return ""
	}
	return string(src)
}

// imageOffset returns the byte offset of an image's "!", which the parser records.
func imageOffset(n *ast.Image) int {
	if p := n.Pos(); p >= 0 {
		return p
	}
	return offset(n)
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
