package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"strings"

	"tilbudsviften/internal/admin"
	"tilbudsviften/internal/build"
)

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	flags := newFlags("build", "", stdout, stderr)
	contentDir := flags.String("content", "content", "indholdsmappen")
	out := flags.String("out", "public", "mappen, sitet skrives til")
	tmpl := flags.String("templates", "templates", "egne skabeloner (bruges, hvis mappen findes)")
	drafts := flags.Bool("drafts", false, "tag tilbud med, der ikke er udgivet endnu eller er udløbet")
	verbose := flags.Bool("v", false, "vis fremskridt")
	adminDir := flags.String("admin", admin.DistDir, "mappen med Decap CMS (npm-pakken decap-cms); findes den, får sitet /admin/")
	var date dateFlag
	flags.Var(&date, "date", "byg, som var det denne dag (ÅÅÅÅ-MM-DD)")
	if code, ok := parseFlags(flags, args); !ok {
		return code
	}
	if contentMissing("build", *contentDir, stderr) {
		return 2
	}
	cfg := build.Config{Content: os.DirFS(*contentDir), ContentName: *contentDir, Out: *out, Now: date.t, Drafts: *drafts}
	if dirExists(*tmpl) {
		cfg.Templates = os.DirFS(*tmpl)
	}
	if dirExists(*adminDir) {
		cfg.Admin = os.DirFS(*adminDir)
	} else if *adminDir != admin.DistDir {
		fmt.Fprintf(stderr, "viften build: mappen %q med Decap CMS findes ikke; kør npm ci, eller ret -admin\n", *adminDir)
		return 2
	}
	if *verbose {
		fmt.Fprintf(stderr, "læser %s, skriver %s\n", *contentDir, *out)
	}
	defer build.BatchGC()()
	res, err := build.Run(cfg)
	if err != nil {
		n := printErrors(stderr, err)
		fmt.Fprintf(stderr, "viften build: %s; sitet i %s er ikke ændret\n", countFejl(n), *out)
		return 1
	}
	if *verbose {
		s := res.Site
		fmt.Fprintf(stderr, "%d tilbud, %d kontakter, %d principper, %d sider om bekymring, %d sider\n",
			len(s.Offers), len(s.Contacts), len(s.Principles), len(s.Guides), len(s.Pages))
		var parts []string
		for _, st := range res.Stages {
			name := stageNames[st.Name]
			if name == "" {
				name = st.Name
			}
			part := name + " " + secondsText(st.Duration.Seconds())
			if st.Beside {
				part += " (samtidig med siderne)"
			}
			parts = append(parts, part)
		}
		fmt.Fprintf(stderr, "tid: %s\n", strings.Join(parts, ", "))
		if w := len(res.Report.Warnings); w > 0 {
			fmt.Fprintf(stderr, "%s; kør \"viften check\" for at se dem\n", countAdvarsler(w))
		}
	}
	fmt.Fprintf(stdout, "viften build: %d sider (%d filer, %s) skrevet til %s på %s\n",
		res.Pages, res.Files, sizeText(res.Bytes), *out, secondsText(res.Duration.Seconds()))
	if n := len(res.Report.Fallbacks); n > 0 {
		fmt.Fprintf(stdout, "viften build: %s; \"viften check -strict\" viser hvilke\n", fallbackText(n, len(res.Site.Offers)))
	}
	return 0
}

// stageNames are the build's stages in Danish, for -v.
var stageNames = map[string]string{"load": "indlæsning", "pages": "sider", "open data": "åbne data",
	"json schema": "JSON Schema", "search": "søgning", "folder pages": "mappesider"}

func countFejl(n int) string { return fmt.Sprintf("%d fejl", n) }

func countAdvarsler(n int) string {
	if n == 1 {
		return "1 advarsel"
	}
	return fmt.Sprintf("%d advarsler", n)
}

// sizeText formats a byte count the Danish way: "2,1 MB".
func sizeText(n int64) string {
	switch {
	case n >= 1<<20:
		return danishDecimal(float64(n)/(1<<20)) + " MB"
	case n >= 1<<10:
		return danishDecimal(float64(n)/(1<<10)) + " kB"
	}
	return fmt.Sprintf("%d byte", n)
}

func secondsText(s float64) string { return strings.Replace(fmt.Sprintf("%.2f s", s), ".", ",", 1) }

func danishDecimal(f float64) string { return strings.Replace(fmt.Sprintf("%.1f", f), ".", ",", 1) }
