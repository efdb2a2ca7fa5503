package main

import (
	"context"
	"fmt"
	"io"
	"os"

	"tilbudsviften/internal/build"
)

func runCheck(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	flags := newFlags("check", "", stdout, stderr)
	contentDir := flags.String("content", "content", "indholdsmappen")
	strict := flags.Bool("strict", false, "gør advarsler til fejl og vis alt, der skal tjekkes")
	var date dateFlag
	flags.Var(&date, "date", "tjek, som var det denne dag (ÅÅÅÅ-MM-DD)")
	if code, ok := parseFlags(flags, args); !ok {
		return code
	}
	if contentMissing("check", *contentDir, stderr) {
		return 2
	}
	s, report, err := build.Load(build.Config{Content: os.DirFS(*contentDir), ContentName: *contentDir, Now: date.t})
	errCount := 0
	if err != nil {
		errCount = printErrors(stderr, err)
	}
	warnings := 0
	if report != nil {
		for _, w := range report.Warnings {
			fmt.Fprintf(stderr, "%s (advarsel)\n", w)
		}
		warnings = len(report.Warnings)
		if *strict {
			for _, u := range report.Unverified {
				fmt.Fprintln(stderr, u)
			}
			errCount += warnings + len(report.Unverified)
		}
	}
	switch {
	case errCount > 0:
		fmt.Fprintf(stderr, "viften check: %s, %s\n", countFejl(errCount), countAdvarsler(warnings))
		return 1
	default:
		unverified := len(report.Unverified)
		fmt.Fprintf(stdout, "viften check: ingen fejl i %d tilbud, %d kontakter, %d principper og %d sider (%s; %d oplysninger skal tjekkes, se -strict)\n",
			len(s.Offers), len(s.Contacts), len(s.Principles), len(s.Guides)+len(s.Pages), countAdvarsler(warnings), unverified)
		return 0
	}
}
