package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"tilbudsviften/internal/scaffold"
	"tilbudsviften/internal/site"
)

func runNew(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	flags := newFlags("new", " TYPE \"Titel\"", stdout, stderr)
	contentDir := flags.String("content", "content", "indholdsmappen")
	operands, code, ok := parseMixed(flags, args)
	if !ok {
		return code
	}
	var names []string
	for _, t := range scaffold.Types() {
		names = append(names, t.Name)
	}
	if len(operands) != 2 {
		fmt.Fprintf(stderr, "brug: viften new <%s> \"Titel\"\n", strings.Join(names, "|"))
		return 2
	}
	t, ok := scaffold.TypeNamed(operands[0])
	if !ok {
		fmt.Fprintf(stderr, "viften new: ukendt type %q; vælg en af: %s\n", operands[0], strings.Join(names, ", "))
		return 2
	}
	title := strings.TrimSpace(operands[1])
	slug := site.Slug(title)
	if slug == "" {
		fmt.Fprintf(stderr, "viften new: titlen %q giver intet filnavn; skriv en titel med bogstaver eller tal\n", operands[1])
		return 2
	}
	if contentMissing("new", *contentDir, stderr) {
		return 2
	}
	dir := filepath.Join(*contentDir, t.Folder)
	if err := os.MkdirAll(dir, 0o755); err != nil {
		fmt.Fprintf(stderr, "viften new: %v\n", err)
		return 1
	}
	name := filepath.Join(dir, slug+t.Ext)
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if errors.Is(err, fs.ErrExist) {
		fmt.Fprintf(stderr, "viften new: %s findes allerede og bliver ikke overskrevet; ret den, eller vælg en anden titel\n", filepath.ToSlash(name))
		return 1
	}
	if err != nil {
		fmt.Fprintf(stderr, "viften new: %v\n", err)
		return 1
	}
	_, err = f.Write(scaffold.Archetype(t, title))
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		fmt.Fprintf(stderr, "viften new: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "viften new: skrev %s; udfyld felterne, og kør viften check\n", filepath.ToSlash(name))
	return 0
}
