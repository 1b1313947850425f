// Package site turns stardrill into a static website: it configures go-app's
// handler, writes every page and asset into a folder that any static host can
// serve, and serves such a folder on the loopback interface for local use.
package site

import (
	"crypto/sha256"
	_ "embed"
	"encoding/hex"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

//go:embed worker.js
var workerTemplate string

//go:embed loader.js
var loaderScript string

// Name, ShortName and Description are how stardrill introduces itself in the
// page head, the web app manifest and install prompts.
const (
	Name        = "stardrill — behavioral interview trainer"
	ShortName   = "stardrill"
	Description = "Practise behavioral interview questions and get STAR feedback on your answers, privately, in your browser, offline."
)

// contentSecurityPolicy allows the page to load only its own files. The
// WebAssembly engine needs 'wasm-unsafe-eval'; nothing else is relaxed.
const contentSecurityPolicy = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; " +
	"style-src 'self'; img-src 'self' data: blob:; font-src 'self'; connect-src 'self'; " +
	"worker-src 'self'; manifest-src 'self'; object-src 'none'; base-uri 'self'; form-action 'none'"

// Routes are the pages that exist for every build; the worker stores each of
// them so that a reload on any of them works offline.
var Routes = []string{"/", "/questions", "/progress", "/settings"}

// WasmBuildArgs are the go build flags for app.wasm: no file paths, no
// symbol tables, and no inlining in stardrill's own packages or in go-app's,
// which keeps the download about 45 KB (brotli) smaller at no
// cost a person can notice: the engines' budgets are measured with these flags
// (make bench), and the go-app floor it compares with is built with them too.
func WasmBuildArgs() []string {
	return []string{"-trimpath", "-ldflags=-s -w", "-gcflags=stardrill/...=-l", "-gcflags=github.com/maxence-charriere/go-app/v10/...=-l"}
}

// Options say how to build the site.
type Options struct {
	// Prefix is the path the site is served under, such as "/stardrill" for
	// a GitHub Pages project site. Empty for the root of a host.
	Prefix string
	// Version names this build. Browsers holding an older version offer to
	// reload; Build derives it from the files when empty.
	Version string
	// Pages are extra routes to prerender, such as one page per question.
	Pages []string

	wasmBytes int64 // the size of app.wasm, for the loader's percentage
}

// Handler returns the go-app handler that describes stardrill's pages.
func Handler(o Options) *app.Handler {
	h := &app.Handler{
		Name:            Name,
		ShortName:       ShortName,
		Title:           "stardrill",
		Description:     Description,
		Author:          "stardrill",
		Lang:            "en",
		BackgroundColor: "#f7f5f0",
		ThemeColor:      "#1d4e89",
		LoadingLabel:    "Loading your trainer… {progress}%",
		Icon: app.Icon{
			Default:  "/web/icon-192.png",
			Large:    "/web/icon-512.png",
			SVG:      "/web/icon.svg",
			Maskable: "/web/icon-maskable.png",
		},
		Styles:             []string{"/web/stardrill.css"},
		CacheableResources: append([]string{"/web/icon.svg"}, Routes[1:]...),
		RawHeaders: []string{
			`<meta http-equiv="Content-Security-Policy" content="` + contentSecurityPolicy + `">`,
		},
		Version:               o.Version,
		ServiceWorkerTemplate: workerTemplate,
		Body: func() app.HTMLBody {
			return app.Body().Class("sd-body")
		},
	}
	if o.Prefix != "" {
		h.Resources = app.PrefixedLocation(o.Prefix)
	}
	if o.wasmBytes > 0 {
		// The size app.wasm has once a host's compression is undone,
		// which is what the loader counts.
		h.WasmContentLength = strconv.FormatInt(o.wasmBytes, 10)
	}
	return h
}

// Build writes the static site into dir. web is the folder of static assets
// (stylesheet, icons) and wasm the compiled app; both are copied under
// dir/web. Routes must already be registered with go-app.
func Build(dir, web, wasm string, o Options) error {
	if o.Version == "" {
		v, err := version(web, wasm)
		if err != nil {
			return err
		}
		o.Version = v
	}
	st, err := os.Stat(wasm)
	if err != nil {
		return fmt.Errorf("reading the compiled app: %w", err)
	}
	o.wasmBytes = st.Size()
	if err := os.MkdirAll(filepath.Join(dir, "web"), 0o755); err != nil {
		return fmt.Errorf("creating the site folder: %w", err)
	}
	if err := copyDir(filepath.Join(dir, "web"), web); err != nil {
		return err
	}
	if err := CopyFile(filepath.Join(dir, "web", "app.wasm"), wasm); err != nil {
		return err
	}
	pages := append(append([]string{}, Routes...), o.Pages...)
	if err := app.GenerateStaticWebsite(dir, Handler(o), pages...); err != nil {
		return fmt.Errorf("writing the pages: %w", err)
	}
	if err := patchLoader(filepath.Join(dir, "app.js")); err != nil {
		return err
	}
	// Static hosts answer an unknown address with 404.html. Make it the app,
	// which routes the address itself: the page of a question the person
	// wrote exists only in their browser, and before the service worker
	// serves the site (on a first visit, or if the browser dropped its
	// store) reloading that page would otherwise show the host's error.
	if err := CopyFile(filepath.Join(dir, "404.html"), filepath.Join(dir, "index.html")); err != nil {
		return fmt.Errorf("writing 404.html: %w", err)
	}
	return nil
}

// wasmFetch is go-app's call that downloads app.wasm, in app.js.
var wasmFetch = regexp.MustCompile(`fetchWithProgress\(("[^"]*"), showProgress\)`)

// patchLoader makes go-app's app.js fetch app.wasm with stardrillFetchWasm
// (loader.js), which hands the download to the compiler without copying it
// through JavaScript. It fails when app.js is not the script it knows, as after
// a go-app upgrade, rather than ship a page that loads the slow way.
func patchLoader(name string) error {
	js, err := os.ReadFile(name)
	if err != nil {
		return fmt.Errorf("reading go-app's loader: %w", err)
	}
	if n := len(wasmFetch.FindAll(js, -1)); n != 1 {
		return fmt.Errorf("%s calls fetchWithProgress for app.wasm %d times, want once: update site.patchLoader for this go-app version", name, n)
	}
	js = wasmFetch.ReplaceAll(js, []byte("stardrillFetchWasm($1, showProgress)"))
	js = append(js, loaderScript...)
	if err := os.WriteFile(name, js, 0o644); err != nil {
		return fmt.Errorf("writing the loader: %w", err)
	}
	return nil
}

// version hashes every file the page loads, so a build that changes nothing
// keeps its version and browsers are not asked to reload for nothing.
func version(web, wasm string) (string, error) {
	h := sha256.New()
	files := []string{wasm}
	err := filepath.WalkDir(web, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() && d.Name() != "app.wasm" {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("reading %s: %w", web, err)
	}
	sort.Strings(files[1:])
	for _, f := range files {
		if err := hashFile(h, f); err != nil {
			return "", err
		}
	}
	fmt.Fprint(h, workerTemplate, loaderScript)
	return hex.EncodeToString(h.Sum(nil))[:16], nil
}

func hashFile(w io.Writer, name string) error {
	f, err := os.Open(name)
	if err != nil {
		return fmt.Errorf("reading %s: %w", name, err)
	}
	defer f.Close()
	fmt.Fprint(w, filepath.Base(name))
	_, err = io.Copy(w, f)
	return err
}

// copyDir copies the regular files of src (not app.wasm, which Build copies
// from where it was compiled) into dst, keeping sub-folders.
func copyDir(dst, src string) error {
	return filepath.WalkDir(src, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return fmt.Errorf("reading %s: %w", src, err)
		}
		rel, _ := filepath.Rel(src, p)
		target := filepath.Join(dst, rel)
		switch {
		case d.IsDir():
			return os.MkdirAll(target, 0o755)
		case d.Name() == "app.wasm", strings.HasPrefix(d.Name(), "."):
			return nil
		default:
			return CopyFile(target, p)
		}
	})
}

// CopyFile copies the file src to dst. Copying a file onto itself leaves it
// as it is.
func CopyFile(dst, src string) error {
	if same(dst, src) {
		return nil
	}
	in, err := os.Open(src)
	if err != nil {
		return fmt.Errorf("reading %s: %w", src, err)
	}
	defer in.Close()
	out, err := os.Create(dst)
	if err != nil {
		return fmt.Errorf("writing %s: %w", dst, err)
	}
	if _, err := io.Copy(out, in); err != nil {
		out.Close()
		return fmt.Errorf("writing %s: %w", dst, err)
	}
	return out.Close()
}

// same reports whether two paths name one existing file, which copying
// onto itself would truncate.
func same(a, b string) bool {
	sa, err := os.Stat(a)
	if err != nil {
		return false
	}
	sb, err := os.Stat(b)
	return err == nil && os.SameFile(sa, sb)
}
