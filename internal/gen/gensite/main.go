// Command gensite writes a generated Tilbudsviften content folder, for benchmarks:
//
//	go run ./internal/gen/gensite -n 10000 -out /tmp/site10k
package main

import (
	"flag"
	"fmt"
	"os"

	"tilbudsviften/internal/build"
	"tilbudsviften/internal/gen"
)

func main() {
	n := flag.Int("n", 1000, "number of offers")
	out := flag.String("out", "", "folder to write the content to (must not exist)")
	flag.Parse()
	if *out == "" {
		fmt.Fprintln(os.Stderr, "gensite: -out is required")
		os.Exit(2)
	}
	if _, err := os.Stat(*out); err == nil {
		fmt.Fprintf(os.Stderr, "gensite: %s exists\n", *out)
		os.Exit(2)
	}
	if err := build.WriteFiles(*out, gen.Site(*n)); err != nil {
		fmt.Fprintln(os.Stderr, "gensite:", err)
		os.Exit(1)
	}
}
