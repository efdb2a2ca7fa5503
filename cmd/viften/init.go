package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"time"

	"tilbudsviften/internal/build"
	"tilbudsviften/internal/scaffold"
)

func runInit(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	flags := newFlags("init", " MAPPE", stdout, stderr)
	municipality := flags.String("kommune", "Kommunen", "kommunens navn, fx \"Ballerup Kommune\"")
	var date dateFlag
	flags.Var(&date, "date", "dato for gennemgang af eksemplerne (ÅÅÅÅ-MM-DD; standard i dag)")
	operands, code, ok := parseMixed(flags, args)
	if !ok {
		return code
	}
	if len(operands) != 1 {
		fmt.Fprintln(stderr, "brug: viften init [-kommune \"Navn Kommune\"] MAPPE")
		return 2
	}
	dir := operands[0]
	if entries, err := os.ReadDir(dir); err == nil && len(entries) > 0 {
		fmt.Fprintf(stderr, "viften init: mappen %s er ikke tom; vælg en ny mappe, så intet bliver overskrevet\n", dir)
		return 1
	}
	day := date.t
	if day.IsZero() {
		day = time.Now()
	}
	files, err := scaffold.Site(*municipality, day)
	if err != nil {
		fmt.Fprintf(stderr, "viften init: %v\n", err)
		return 1
	}
	if err := build.WriteFiles(dir, files); err != nil {
		fmt.Fprintf(stderr, "viften init: %v\n", err)
		return 1
	}
	fmt.Fprintf(stdout, "viften init: skrev et nyt site for %s i %s (%d filer).\n", *municipality, dir, len(files))
	fmt.Fprintf(stdout, "Næste skridt: cd %s, ret content/site.yaml, og kør viften serve. Se README.md.\n", dir)
	return 0
}
