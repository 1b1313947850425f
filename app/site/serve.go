package site

import (
	"net/http"
	"os"
	"path"
	"path/filepath"
	"strings"
)

// FileServer serves a built site the way static hosts do: a path names a
// file, or PATH.html, or PATH/index.html. Anything else is a 404, answered
// with the site's 404.html when it has one. Every answer
// asks the browser to revalidate, so a new build is seen at the next visit;
// the service worker keeps the app working offline.
func FileServer(dir string) http.Handler {
	files := http.FileServer(http.Dir(dir))
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		w.Header().Set("Cache-Control", "no-cache")
		w.Header().Set("X-Content-Type-Options", "nosniff")
		p := path.Clean("/" + r.URL.Path)
		if found := resolve(dir, p); found != "" {
			r2 := r.Clone(r.Context())
			r2.URL.Path = found
			serveFile(files, w, r2)
			return
		}
		// Like static hosts, answer with the site's 404.html, which is the
		// app (see Build), under a 404 status.
		if page, err := os.ReadFile(filepath.Join(dir, "404.html")); err == nil {
			w.Header().Set("Content-Type", "text/html; charset=utf-8")
			w.WriteHeader(http.StatusNotFound)
			w.Write(page)
			return
		}
		w.Header().Set("Content-Type", "text/plain; charset=utf-8")
		w.WriteHeader(http.StatusNotFound)
		w.Write([]byte("404: no such page in this stardrill build\n"))
	})
}

// serveFile keeps http.FileServer from redirecting /index.html to /.
func serveFile(files http.Handler, w http.ResponseWriter, r *http.Request) {
	if strings.HasSuffix(r.URL.Path, "/index.html") {
		r.URL.Path = strings.TrimSuffix(r.URL.Path, "index.html")
	}
	files.ServeHTTP(w, r)
}

func resolve(dir, p string) string {
	for _, candidate := range []string{p, p + ".html", strings.TrimSuffix(p, "/") + "/index.html"} {
		st, err := os.Stat(filepath.Join(dir, filepath.FromSlash(candidate)))
		if err == nil && !st.IsDir() {
			return candidate
		}
	}
	return ""
}
