package main

import (
	"context"
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"tilbudsviften/internal/content"
)

//go:embed doc.go
var docSource string

// manual returns the command's manual: the comment in doc.go.
func manual() string {
	start := strings.Index(docSource, "/*\n")
	end := strings.Index(docSource, "*/")
	if start < 0 || end < start {
		return ""
	}
	return strings.ReplaceAll(docSource[start+3:end], "\n\t", "\n    ")
}

// commands maps each subcommand to its run function.
var commands = map[string]func(ctx context.Context, args []string, stdout, stderr io.Writer) int{
	"build":  runBuild,
	"check":  runCheck,
	"init":   runInit,
	"new":    runNew,
	"serve":  runServe,
	"search": runSearch,
	"export": runExport,
}

// errUsage marks a usage error, which exits 2.
var errUsage = errors.New("usage")

func run(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, manual())
		return 2
	}
	switch args[0] {
	case "-h", "-help", "--help":
		fmt.Fprint(stdout, manual())
		return 0
	case "help":
		if len(args) > 1 {
			if _, ok := commands[args[1]]; !ok {
				fmt.Fprintf(stderr, "viften: ukendt kommando %q\n", args[1])
				return 2
			}
			return commands[args[1]](ctx, []string{"-h"}, stdout, stderr)
		}
		fmt.Fprint(stdout, manual())
		return 0
	}
	cmd, ok := commands[args[0]]
	if !ok {
		fmt.Fprintf(stderr, "viften: ukendt kommando %q; kør \"viften -h\" for at se kommandoerne\n", args[0])
		return 2
	}
	return cmd(ctx, args[1:], stdout, stderr)
}

// newFlags returns a FlagSet whose -h prints the command's usage line (operands, e.g. " MAPPE",
// follow "[flag]") and its flags.
func newFlags(name, operands string, stdout, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stdout, "brug: viften %s [flag]%s\n\n", name, operands)
		fs.SetOutput(stdout)
		fs.PrintDefaults()
		fs.SetOutput(stderr)
	}
	return fs
}

// parseFlags parses args and returns 0 to go on, or the exit code to return.
func parseFlags(fs *flag.FlagSet, args []string) (int, bool) {
	if err := fs.Parse(args); err != nil {
		if errors.Is(err, flag.ErrHelp) {
			return 0, false
		}
		return 2, false
	}
	if fs.NArg() > 0 {
		fmt.Fprintf(fs.Output(), "viften %s: uventet argument %q\n", fs.Name(), fs.Arg(0))
		return 2, false
	}
	return 0, true
}

// dateFlag is a flag holding a day, YYYY-MM-DD.
type dateFlag struct{ t time.Time }

func (d *dateFlag) String() string {
	if d.t.IsZero() {
		return ""
	}
	return d.t.Format(time.DateOnly)
}

func (d *dateFlag) Set(s string) error {
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return fmt.Errorf("skriv datoen som ÅÅÅÅ-MM-DD")
	}
	d.t = t
	return nil
}

// printErrors prints a content error list, or another error, to w.
func printErrors(w io.Writer, err error) int {
	var list content.ErrorList
	if errors.As(err, &list) {
		for _, e := range list {
			fmt.Fprintln(w, e)
		}
		return len(list)
	}
	fmt.Fprintln(w, err)
	return 1
}

// contentMissing reports, for the command cmd, a content folder that does not exist.
func contentMissing(cmd, dir string, stderr io.Writer) bool {
	if dirExists(dir) {
		return false
	}
	fmt.Fprintf(stderr, "viften %s: indholdsmappen %q findes ikke; angiv den med -content\n", cmd, dir)
	return true
}

func dirExists(dir string) bool {
	st, err := os.Stat(dir)
	return err == nil && st.IsDir()
}

// parseMixed parses flags that may come before, between or after the positional arguments,
// and returns those arguments. When parsing stops, ok is false and code is the exit code: 0
// after -h, 2 after a usage error (the flag package has printed it).
func parseMixed(flags *flag.FlagSet, args []string) (positional []string, code int, ok bool) {
	for rest := args; ; {
		if err := flags.Parse(rest); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return nil, 0, false
			}
			return nil, 2, false
		}
		if flags.NArg() == 0 {
			return positional, 0, true
		}
		positional, rest = append(positional, flags.Arg(0)), flags.Args()[1:]
	}
}
