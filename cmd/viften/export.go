package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"tilbudsviften/internal/build"
	"tilbudsviften/internal/export"
	"tilbudsviften/internal/site"
)

func runExport(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	flags := newFlags("export", " MAPPE", stdout, stderr)
	contentDir := flags.String("content", "content", "indholdsmappen")
	formats := flags.String("format", "hsds,csv,json", "formaterne, adskilt af komma: hsds, csv og json")
	var date dateFlag
	flags.Var(&date, "date", "eksportér, som var det denne dag (ÅÅÅÅ-MM-DD)")
	// The folder may come before or after the flags.
	dirs, code, ok := parseMixed(flags, args)
	if !ok {
		return code
	}
	if len(dirs) != 1 {
		fmt.Fprintln(stderr, "viften export: angiv én mappe, filerne skal skrives til, fx viften export -format csv eksport")
		return 2
	}
	list, err := parseFormats(*formats)
	if err != nil {
		fmt.Fprintf(stderr, "viften export: %v\n", err)
		return 2
	}
	if contentMissing("export", *contentDir, stderr) {
		return 2
	}
	defer build.BatchGC()()
	start := time.Now()
	s, _, err := build.Load(build.Config{Content: os.DirFS(*contentDir), ContentName: *contentDir, Now: date.t})
	if err != nil {
		n := printErrors(stderr, err)
		fmt.Fprintf(stderr, "viften export: %s; intet er skrevet\n", countFejl(n))
		return 1
	}
	files := map[string][]byte{}
	err = export.Data(s, list, func(p string, data []byte) error {
		files[p] = data
		return nil
	})
	if err == nil {
		err = writeExport(dirs[0], files)
	}
	if err != nil {
		fmt.Fprintf(stderr, "viften export: %v\n", err)
		return 1
	}
	var size int64
	for _, data := range files {
		size += int64(len(data))
	}
	fmt.Fprintf(stdout, "viften export: %d tilbud som %s: %d filer (%s) skrevet til %s på %s\n",
		len(s.Offers), formatNames(list), len(files), sizeText(size), dirs[0], secondsText(time.Since(start).Seconds()))
	return 0
}

// parseFormats reads a comma-separated list of formats, each once.
func parseFormats(s string) ([]export.Format, error) {
	var list []export.Format
	for _, name := range strings.Split(s, ",") {
		f := export.Format(strings.TrimSpace(name))
		if !slices.Contains(export.Formats, f) {
			return nil, fmt.Errorf("ukendt format %q; vælg mellem hsds, csv og json", name)
		}
		if !slices.Contains(list, f) {
			list = append(list, f)
		}
	}
	return list, nil
}

func formatNames(list []export.Format) string {
	names := make([]string, len(list))
	for i, f := range list {
		names[i] = string(f)
	}
	return site.JoinAnd(names)
}

// writeExport writes the files under dir at the paths they have in the site. What an earlier
// export left in the same places is removed first, so an offer that is gone does not linger:
// each folder under data/hsds/ the files go into, and each other file. Nothing else in dir is
// touched.
func writeExport(dir string, files map[string][]byte) error {
	owned := map[string]bool{}
	for p := range files {
		if rest, ok := strings.CutPrefix(p, export.HSDSDir); ok {
			if first, _, nested := strings.Cut(rest, "/"); nested {
				owned[export.HSDSDir+first] = true // services/, tabular/, profile/ ...
				continue
			}
		}
		owned[p] = true
	}
	for p := range owned {
		if err := os.RemoveAll(filepath.Join(dir, filepath.FromSlash(p))); err != nil {
			return err
		}
	}
	return build.WriteFiles(dir, files)
}
