package harness

import (
	"fmt"
	"net"
	"net/http"
	"sync"
	"time"

	"stardrill/app/site"
)

// BlankPath is a page the test server answers with an empty HTML document.
// It lets a test act on the site's origin (such as planting localStorage)
// without starting the app. It is not part of the site.
const BlankPath = "/__e2e/blank"

// Server serves a built site with site.FileServer on 127.0.0.1, the way
// "go run ./wasm serve" and static hosts do. It can be stopped and started
// again on the same port, so a test can take the site offline and bring it
// back without changing the page's origin.
type Server struct {
	dir    string
	addr   string
	header http.Header // added to every answer

	mu  sync.Mutex
	srv *http.Server
}

// Serve starts serving the site in dir on a free port of 127.0.0.1.
func Serve(dir string) (*Server, error) { return serveWith(dir, nil) }

// ServeIsolated is Serve for a benchmark page: it adds the two headers that
// make the page cross-origin isolated (Cross-Origin-Opener-Policy:
// same-origin, Cross-Origin-Embedder-Policy: require-corp), so that Chromium
// gives performance.now() a 5 µs resolution instead of 100 µs. Such a page
// can load nothing from other origins.
func ServeIsolated(dir string) (*Server, error) {
	return serveWith(dir, http.Header{
		"Cross-Origin-Opener-Policy":   {"same-origin"},
		"Cross-Origin-Embedder-Policy": {"require-corp"},
	})
}

func serveWith(dir string, header http.Header) (*Server, error) {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("listening on 127.0.0.1: %w", err)
	}
	s := &Server{dir: dir, addr: ln.Addr().String(), header: header}
	s.serve(ln)
	return s, nil
}

// Origin is the scheme, host and port the site is served from, such as
// "http://127.0.0.1:41234".
func (s *Server) Origin() string { return "http://" + s.addr }

// URL returns the address of path on this server.
func (s *Server) URL(path string) string { return s.Origin() + path }

// Stop closes the listener and every open connection: from then on the
// browser's requests to the site fail as if the network were gone.
func (s *Server) Stop() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.srv == nil {
		return nil
	}
	err := s.srv.Close()
	s.srv = nil
	return err
}

// Start serves again on the same port after Stop. It does nothing when the
// server is running.
func (s *Server) Start() error {
	s.mu.Lock()
	running := s.srv != nil
	s.mu.Unlock()
	if running {
		return nil
	}
	var ln net.Listener
	var err error
	// The port was ours a moment ago; retry briefly in case the kernel has
	// not released it yet.
	for range 50 {
		if ln, err = net.Listen("tcp", s.addr); err == nil {
			s.serve(ln)
			return nil
		}
		time.Sleep(20 * time.Millisecond)
	}
	return fmt.Errorf("serving again on %s: %w", s.addr, err)
}

func (s *Server) serve(ln net.Listener) {
	files := site.FileServer(s.dir)
	if s.header != nil {
		inner := files
		files = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
			for k, v := range s.header {
				w.Header()[k] = v
			}
			inner.ServeHTTP(w, r)
		})
	}
	mux := http.NewServeMux()
	mux.HandleFunc(BlankPath, func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Content-Type", "text/html; charset=utf-8")
		w.Header().Set("Cache-Control", "no-store")
		fmt.Fprint(w, `<!doctype html><title>blank</title><link rel="icon" href="data:,">`)
	})
	mux.Handle("/", files)
	srv := &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	s.mu.Lock()
	s.srv = srv
	s.mu.Unlock()
	go srv.Serve(ln) // returns http.ErrServerClosed after Stop

}
