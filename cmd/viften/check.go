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
			for _, f := range report.Fallbacks {
				fmt.Fprintln(stderr, f)
			}
			errCount += warnings + len(report.Unverified) + len(report.Fallbacks)
		}
	}
	switch {
	case errCount > 0:
		fmt.Fprintf(stderr, "viften check: %s, %s\n", countFejl(errCount), countAdvarsler(warnings))
		return 1
	default:
		unverified := len(report.Unverified)
		fmt.Fprintf(stdout, "viften check: ingen fejl i %d tilbud, %d kontakter, %d principper og %d sider (%s; %d oplysninger skal tjekkes; %s; se -strict)\n",
			len(s.Offers), len(s.Contacts), len(s.Principles), len(s.Guides)+len(s.Pages), countAdvarsler(warnings), unverified,
			fallbackText(len(report.Fallbacks), len(s.Offers)))
		return 0
	}
}

// fallbackText says how many of the offers have no phone or e-mail of their own, so that their
// pages show a unit's, a provider's or the municipality's instead.
func fallbackText(n, offers int) string {
	if n == 1 {
		return fmt.Sprintf("1 af %d tilbud har ingen egen telefon eller e-mail og viser en anden kontakt i stedet", offers)
	}
	return fmt.Sprintf("%d af %d tilbud har ingen egen telefon eller e-mail og viser en anden kontakt i stedet", n, offers)
}
