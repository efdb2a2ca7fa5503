// Package serve is `viften serve`: it builds the site into memory, serves it over HTTP, rebuilds
// it when the watch package reports changed files, and tells open browser tabs to reload over
// server-sent events. It is the only package that serves HTTP.
//
// Every HTML response gets one script tag, <script src="/_viften/reload.js">, inserted before
// </head>; the script is served from the same origin, so the pages' Content-Security-Policy
// (script-src 'self'; connect-src 'self'; no inline script) holds in preview as it does when
// published. The published build never contains it: only this package inserts it, at request
// time.
//
// A build that fails keeps the last good site: the pages it serves then carry an overlay
// listing the errors as path:line:col: message (as `viften check` writes them), and the next
// good build removes it. Builds run one at a time through a build.Builder, which reuses
// everything an edit did not change. A build goes live in two stages: the pages first (open
// tabs reload then), the outputs made from the whole site (open data, JSON Schemas, search
// files) right after; a request for such a file in between waits until it is there.
package serve

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"html"
	"io"
	"mime"
	"net"
	"net/http"
	"path"
	"strconv"
	"strings"
	"sync"
	"time"

	"tilbudsviften/internal/build"
	"tilbudsviften/internal/content"
	"tilbudsviften/internal/site"
	"tilbudsviften/internal/watch"
)

// Config says what to serve.
type Config struct {
	Build build.Config // what to build; Build.Out is not used: the site is served from memory
	Watch []string     // folders to watch: the content folder and the site's own templates
	Log   io.Writer    // where builds and errors are reported; nil for none
	// Search answers /api/search?q= over the site of the last good build; nil answers 501
	// Not Implemented.
	Search func(ctx context.Context, s *site.Site, q string) (any, error)
	// WatchOptions tune the batching of file events; the zero value means watch.DefaultOptions.
	WatchOptions watch.Options
}

// Server is a running preview of a site.
type Server struct {
	cfg     Config
	builder *build.Builder
	buildMu sync.Mutex // one build at a time

	mu    sync.RWMutex
	files map[string][]byte // the last good site; nil before the first good build
	site  *site.Site        // its content, for Search
	errs  []string          // the last build's errors; nil when it succeeded
	gen   string            // changes with every build, good or bad
	// pending is open while the outputs of a build (open data, schemas, search files) are
	// still being made after its pages went live; requests for files not yet there wait.
	pending chan struct{}
	subs    map[chan string]struct{}

	done     chan struct{} // closed when the server stops; ends event streams
	stopOnce sync.Once
	epoch    string
	count    int
}

// New returns a server for cfg. It builds nothing until Rebuild or Run.
func New(cfg Config) *Server {
	if cfg.Log == nil {
		cfg.Log = io.Discard
	}
	if cfg.WatchOptions == (watch.Options{}) {
		cfg.WatchOptions = watch.DefaultOptions()
	}
	return &Server{cfg: cfg, builder: build.NewBuilder(cfg.Build), subs: map[chan string]struct{}{},
		done: make(chan struct{}), epoch: strconv.FormatInt(time.Now().UnixNano(), 36)}
}

// Rebuild builds the site once. On success the new site replaces the old; on failure the old
// one stays and its pages show the errors. Either way open pages are told to reload. It
// returns the build's error.
func (s *Server) Rebuild() error {
	s.buildMu.Lock()
	defer s.buildMu.Unlock()
	start := time.Now()
	pages, res, rest, err := s.builder.RenderStaged()
	took := time.Since(start)

	// The pages go live at once and open tabs reload; the outputs follow, and requests for
	// them wait until they are there.
	s.mu.Lock()
	s.bump()
	var pending chan struct{}
	if err != nil {
		s.errs = errorLines(err)
	} else {
		pending = make(chan struct{})
		s.files, s.site, s.errs, s.pending = pages, res.Site, nil, pending
	}
	gen, haveSite := s.gen, s.files != nil
	s.mu.Unlock()
	s.broadcast(gen)

	if err == nil {
		files, rerr := rest()
		s.mu.Lock()
		if rerr != nil {
			s.errs = errorLines(rerr)
			s.bump()
		} else {
			s.files = files
		}
		s.pending = nil
		gen = s.gen
		s.mu.Unlock()
		close(pending)
		if rerr != nil {
			s.broadcast(gen) // show the error
			err = rerr
		}
	}
	if err != nil {
		lines := errorLines(err)
		for _, line := range lines {
			fmt.Fprintln(s.cfg.Log, line)
		}
		if haveSite {
			fmt.Fprintf(s.cfg.Log, "viften serve: %s; browseren viser fejlene over den sidste gode udgave\n", plural(len(lines)))
		} else {
			fmt.Fprintf(s.cfg.Log, "viften serve: %s; sitet vises, når de er rettet\n", plural(len(lines)))
		}
		return err
	}
	st := s.builder.Stats()
	fmt.Fprintf(s.cfg.Log, "viften serve: siderne bygget på %d ms, resten på %d ms (%d sider; %d tilbudssider genbrugt, %d bygget)\n",
		took.Milliseconds(), (time.Since(start) - took).Milliseconds(), res.Pages, st.OffersReused, st.OffersRendered)
	return nil
}

// bump starts a new build generation; s.mu must be held.
func (s *Server) bump() {
	s.count++
	s.gen = s.epoch + "-" + strconv.Itoa(s.count)
}

func errorLines(err error) []string {
	var list content.ErrorList
	if errors.As(err, &list) {
		lines := make([]string, len(list))
		for i, e := range list {
			lines[i] = e.Error()
		}
		return lines
	}
	return []string{err.Error()}
}

// Run watches, builds and serves on ln until ctx is done, then shuts down: open event
// streams end, requests in flight finish (for up to 5 seconds), and the watcher stops.
func (s *Server) Run(ctx context.Context, ln net.Listener) error {
	w, err := watch.New(s.cfg.WatchOptions, s.cfg.Watch...)
	if err != nil {
		return fmt.Errorf("watch: %w", err)
	}
	defer w.Close()
	s.Rebuild() // errors are shown in the terminal and the browser

	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	served := make(chan error, 1)
	go func() { served <- srv.Serve(ln) }()

	for {
		select {
		case <-ctx.Done():
			s.stop()
			sctx, cancel := context.WithTimeout(context.Background(), 5*time.Second)
			defer cancel()
			if err := srv.Shutdown(sctx); err != nil {
				return err
			}
			return nil
		case err := <-served:
			s.stop()
			return err
		case b, ok := <-w.Batches():
			if !ok {
				return nil
			}
			if b.Overflow {
				fmt.Fprintln(s.cfg.Log, "viften serve: for mange ændringer på én gang; bygger alt igen")
			}
			s.Rebuild()
		case err := <-w.Errors():
			fmt.Fprintf(s.cfg.Log, "viften serve: overvågning: %v\n", err)
		}
	}
}

// stop ends the event streams.
func (s *Server) stop() { s.stopOnce.Do(func() { close(s.done) }) }

func (s *Server) broadcast(gen string) {
	s.mu.RLock()
	defer s.mu.RUnlock()
	for ch := range s.subs {
		select { // keep only the newest generation
		case <-ch:
		default:
		}
		ch <- gen
	}
}

// ServeHTTP serves the site, the reload script, the event stream and the search API.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Cache-Control", "no-store")
	switch r.URL.Path {
	case "/_viften/reload.js":
		w.Header().Set("Content-Type", "text/javascript; charset=utf-8")
		io.WriteString(w, reloadJS)
		return
	case "/_viften/overlay.css":
		w.Header().Set("Content-Type", "text/css; charset=utf-8")
		io.WriteString(w, overlayCSS)
		return
	case "/_viften/events":
		s.events(w, r)
		return
	case "/api/search":
		s.search(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "metoden er ikke tilladt", http.StatusMethodNotAllowed)
		return
	}
	s.mu.RLock()
	files, errs, gen, pending := s.files, s.errs, s.gen, s.pending
	s.mu.RUnlock()
	name := fileName(r.URL.Path)
	if _, ok := files[name]; !ok && pending != nil && files != nil {
		select { // a file made after the pages (open data, search files): wait for it
		case <-pending:
		case <-r.Context().Done():
			return
		}
		s.mu.RLock()
		files, errs, gen = s.files, s.errs, s.gen
		s.mu.RUnlock()
	}

	if files == nil {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.WriteHeader(http.StatusServiceUnavailable)
		page := "<!doctype html>\n<html lang=\"da\">\n<head>\n<meta charset=\"utf-8\">\n<title>Sitet kan ikke bygges</title>\n</head>\n<body>\n</body>\n</html>\n"
		w.Write(inject([]byte(page), gen, errs))
		return
	}
	data, ok := files[name]
	status := http.StatusOK
	if !ok {
		if _, dir := files[strings.TrimPrefix(name+"/index.html", "/")]; dir && !strings.HasSuffix(r.URL.Path, "/") {
			http.Redirect(w, r, "/"+name+"/", http.StatusMovedPermanently)
			return
		}
		name, data, status = "404.html", files["404.html"], http.StatusNotFound
	}
	ctype := mime.TypeByExtension(path.Ext(name))
	if ctype == "" {
		ctype = http.DetectContentType(data)
	}
	w.Header().Set("Content-Type", ctype)
	if strings.HasPrefix(ctype, "text/html") {
		data = inject(data, gen, errs)
	}
	w.Header().Set("Content-Length", strconv.Itoa(len(data)))
	w.WriteHeader(status)
	if r.Method != http.MethodHead {
		w.Write(data)
	}
}

// fileName returns the name in the site's files of the request path p: "tilbud/x/index.html"
// for /tilbud/x/.
func fileName(p string) string {
	name := strings.TrimPrefix(path.Clean("/"+p), "/")
	if strings.HasSuffix(p, "/") {
		name = strings.TrimPrefix(path.Join(name, "index.html"), "/")
	}
	return name
}

// inject inserts the reload script (and, after a failed build, the error overlay) into page.
func inject(page []byte, gen string, errs []string) []byte {
	tag := `<link rel="stylesheet" href="/_viften/overlay.css">` + "\n" +
		`<script src="/_viften/reload.js" data-build="` + html.EscapeString(gen) + `" defer></script>` + "\n"
	var out bytes.Buffer
	out.Grow(len(page) + len(tag) + 256)
	head := bytes.Index(page, []byte("</head>"))
	if head < 0 {
		out.WriteString(tag)
		out.Write(page)
		return out.Bytes()
	}
	out.Write(page[:head])
	out.WriteString(tag)
	rest := page[head:]
	if errs == nil {
		out.Write(rest)
		return out.Bytes()
	}
	// The overlay goes right after <body ...>.
	at := bytes.Index(rest, []byte("<body"))
	end := -1
	if at >= 0 {
		end = bytes.IndexByte(rest[at:], '>')
	}
	if end < 0 {
		out.Write(rest)
		return out.Bytes()
	}
	cut := at + end + 1
	out.Write(rest[:cut])
	out.WriteString("\n" + overlay(errs))
	out.Write(rest[cut:])
	return out.Bytes()
}

// overlay is the box that lists a failed build's errors over the last good page.
func overlay(errs []string) string {
	var b strings.Builder
	b.WriteString(`<div id="viften-fejl" role="alert">` + "\n")
	fmt.Fprintf(&b, "<h2>Sitet kunne ikke bygges: %s</h2>\n", html.EscapeString(plural(len(errs))))
	b.WriteString("<p>Du ser den sidste gode udgave. Ret fejlen i filen, og gem igen; siden opdaterer sig selv.</p>\n<ol>\n")
	for _, e := range errs {
		fmt.Fprintf(&b, "<li><code>%s</code></li>\n", html.EscapeString(e))
	}
	b.WriteString("</ol>\n</div>\n")
	return b.String()
}

func plural(n int) string {
	return fmt.Sprintf("%d fejl", n)
}

// events streams the build generation: once at once, then after every build.
func (s *Server) events(w http.ResponseWriter, r *http.Request) {
	flusher, ok := w.(http.Flusher)
	if !ok {
		http.Error(w, "streaming understøttes ikke", http.StatusInternalServerError)
		return
	}
	ch := make(chan string, 1)
	s.mu.Lock()
	s.subs[ch] = struct{}{}
	gen := s.gen
	s.mu.Unlock()
	defer func() {
		s.mu.Lock()
		delete(s.subs, ch)
		s.mu.Unlock()
	}()
	w.Header().Set("Content-Type", "text/event-stream")
	w.WriteHeader(http.StatusOK)
	send := func(gen string) bool {
		_, err := fmt.Fprintf(w, "event: build\ndata: %s\n\n", gen)
		flusher.Flush()
		return err == nil
	}
	if !send(gen) {
		return
	}
	keepAlive := time.NewTicker(25 * time.Second)
	defer keepAlive.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case <-s.done:
			return
		case gen := <-ch:
			if !send(gen) {
				return
			}
		case <-keepAlive.C:
			if _, err := io.WriteString(w, ": ping\n\n"); err != nil {
				return
			}
			flusher.Flush()
		}
	}
}

// search answers /api/search?q= with the configured search function.
func (s *Server) search(w http.ResponseWriter, r *http.Request) {
	w.Header().Set("Content-Type", "application/json; charset=utf-8")
	enc := json.NewEncoder(w)
	if s.cfg.Search == nil {
		w.WriteHeader(http.StatusNotImplemented)
		enc.Encode(map[string]string{"fejl": "søgning er ikke koblet på viften serve endnu"})
		return
	}
	s.mu.RLock()
	current := s.site
	s.mu.RUnlock()
	if current == nil {
		w.WriteHeader(http.StatusServiceUnavailable)
		enc.Encode(map[string]string{"fejl": "sitet er ikke bygget endnu; ret fejlene, og søg igen"})
		return
	}
	res, err := s.cfg.Search(r.Context(), current, r.URL.Query().Get("q"))
	if err != nil {
		w.WriteHeader(http.StatusInternalServerError)
		enc.Encode(map[string]string{"fejl": err.Error()})
		return
	}
	enc.Encode(res)
}
