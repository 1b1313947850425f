package site

import (
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestFileServerLikeStaticHosts(t *testing.T) {
	dir := t.TempDir()
	write := func(name, body string) {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		os.WriteFile(p, []byte(body), 0o644)
	}
	write("index.html", "home")
	write("questions.html", "list")
	write("questions/made-a-mistake.html", "one question")
	write("web/app.css", "css")
	srv := httptest.NewServer(FileServer(dir))
	defer srv.Close()
	tests := []struct {
		path string
		code int
		body string
	}{
		{"/", 200, "home"},
		{"/index.html", 200, "home"},
		{"/questions", 200, "list"},
		{"/questions/made-a-mistake", 200, "one question"},
		{"/web/app.css", 200, "css"},
		{"/nope", 404, "404"},
		{"/../etc/passwd", 404, "404"},
	}
	for _, tt := range tests {
		res, err := http.Get(srv.URL + tt.path)
		if err != nil {
			t.Fatal(err)
		}
		body, _ := io.ReadAll(res.Body)
		res.Body.Close()
		if res.StatusCode != tt.code || !strings.Contains(string(body), tt.body) {
			t.Errorf("GET %s = %d %q, want %d %q", tt.path, res.StatusCode, body, tt.code, tt.body)
		}
		if got := res.Header.Get("Cache-Control"); got != "no-cache" {
			t.Errorf("GET %s: Cache-Control %q, want no-cache", tt.path, got)
		}
	}
}

func TestFileServerAnswersUnknownPagesWithThe404Page(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "index.html"), []byte("home"), 0o644)
	os.WriteFile(filepath.Join(dir, "404.html"), []byte("the app"), 0o644)
	srv := httptest.NewServer(FileServer(dir))
	defer srv.Close()
	res, err := http.Get(srv.URL + "/questions/mine-abc")
	if err != nil {
		t.Fatal(err)
	}
	body, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 404 || string(body) != "the app" || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/html") {
		t.Errorf("GET an unknown page = %d %q (%s), want 404 with 404.html as HTML", res.StatusCode, body, res.Header.Get("Content-Type"))
	}
}

func TestHandlerKeepsEverythingLocal(t *testing.T) {
	h := Handler(Options{Version: "test"})
	for _, icon := range []string{h.Icon.Default, h.Icon.Large, h.Icon.SVG, h.Icon.Maskable} {
		if !strings.HasPrefix(icon, "/web/") {
			t.Errorf("icon %q is not served by the site itself", icon)
		}
	}
	csp := strings.Join(h.RawHeaders, "")
	for _, want := range []string{"default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "object-src 'none'"} {
		if !strings.Contains(csp, want) {
			t.Errorf("the Content-Security-Policy lacks %q: %s", want, csp)
		}
	}
	if strings.Contains(csp, "unsafe-inline") || strings.Contains(csp, "http:") || strings.Contains(csp, "https:") || strings.Contains(csp, "*") {
		t.Errorf("the Content-Security-Policy allows too much: %s", csp)
	}
}

func TestVersionFollowsTheFiles(t *testing.T) {
	web := t.TempDir()
	wasm := filepath.Join(t.TempDir(), "app.wasm")
	os.WriteFile(filepath.Join(web, "a.css"), []byte("a"), 0o644)
	os.WriteFile(wasm, []byte("wasm"), 0o644)
	v1, err := version(web, wasm)
	if err != nil {
		t.Fatal(err)
	}
	if v2, _ := version(web, wasm); v2 != v1 {
		t.Errorf("the same files gave versions %s and %s", v1, v2)
	}
	os.WriteFile(wasm, []byte("wasm2"), 0o644)
	if v3, _ := version(web, wasm); v3 == v1 {
		t.Error("a new app.wasm kept the old version: browsers would not update")
	}
}

func TestCopyFileOntoItselfKeepsIt(t *testing.T) {
	p := filepath.Join(t.TempDir(), "app.wasm")
	os.WriteFile(p, []byte("keep me"), 0o644)
	if err := CopyFile(p, p); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(p); string(b) != "keep me" {
		t.Errorf("copying a file onto itself left %q", b)
	}
}

func TestPatchLoader(t *testing.T) {
	dir := t.TempDir()
	name := filepath.Join(dir, "app.js")
	goApp := "const wasm = await instantiateStreaming(\n  fetchWithProgress(\"/stardrill/web/app.wasm\", showProgress),\n  go.importObject\n);\n" +
		"async function fetchWithProgress(url, progess) {}\n"
	os.WriteFile(name, []byte(goApp), 0o644)
	if err := patchLoader(name); err != nil {
		t.Fatal(err)
	}
	js, _ := os.ReadFile(name)
	if !strings.Contains(string(js), `stardrillFetchWasm("/stardrill/web/app.wasm", showProgress)`) ||
		!strings.Contains(string(js), "function stardrillFetchWasm(") {
		t.Errorf("app.js does not fetch app.wasm with stardrillFetchWasm:\n%s", js)
	}
	// A go-app whose loader changed is refused rather than shipped as it is.
	for _, other := range []string{"fetch(\"/web/app.wasm\")", goApp + goApp} {
		os.WriteFile(name, []byte(other), 0o644)
		if err := patchLoader(name); err == nil {
			t.Errorf("patchLoader accepted an app.js it does not know:\n%s", other)
		}
	}
}
