package main

import (
	"context"
	"fmt"
	"io"
	"net"
	"os"

	"tilbudsviften/internal/build"
	"tilbudsviften/internal/serve"
)

func runServe(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	flags := newFlags("serve", "", stdout, stderr)
	addr := flags.String("addr", "127.0.0.1:8080", "adressen, der lyttes på (kun denne maskine som standard)")
	contentDir := flags.String("content", "content", "indholdsmappen")
	tmpl := flags.String("templates", "templates", "egne skabeloner (bruges, hvis mappen findes)")
	drafts := flags.Bool("drafts", false, "vis også tilbud, der ikke er udgivet endnu eller er udløbet")
	var date dateFlag
	flags.Var(&date, "date", "vis sitet, som var det denne dag (ÅÅÅÅ-MM-DD)")
	if code, ok := parseFlags(flags, args); !ok {
		return code
	}
	if contentMissing("serve", *contentDir, stderr) {
		return 2
	}
	cfg := serve.Config{
		Build: build.Config{Content: os.DirFS(*contentDir), ContentName: *contentDir, Now: date.t, Drafts: *drafts},
		Watch: []string{*contentDir},
		Log:   stderr,
	}
	if dirExists(*tmpl) {
		cfg.Build.Templates = os.DirFS(*tmpl)
		cfg.Watch = append(cfg.Watch, *tmpl)
	}
	cfg.Search = (&liveSearch{}).Search // /api/search answers as viften search does
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		fmt.Fprintf(stderr, "viften serve: kan ikke lytte på %s: %v; vælg en anden med -addr\n", *addr, err)
		return 2
	}
	fmt.Fprintf(stdout, "viften serve: se sitet på http://%s/ (Ctrl-C stopper)\n", ln.Addr())
	if err := serve.New(cfg).Run(ctx, ln); err != nil {
		fmt.Fprintf(stderr, "viften serve: %v\n", err)
		return 1
	}
	fmt.Fprintln(stdout, "viften serve: stoppet")
	return 0
}
