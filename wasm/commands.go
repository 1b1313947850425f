//go:build !wasm

package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"strings"
	"time"

	"stardrill/app/bank"
	"stardrill/app/site"
	"stardrill/content"
)

const usage = `stardrill: a behavioral-interview trainer that runs in your browser.

Usage:
  go run ./wasm <command> [flags]

Commands:
  serve       build the site, then serve it on 127.0.0.1 and print the URL
  build       write the static site into a folder, ready for any static host
  questions   print the question bank as JSON lines
  compile     write the question bank compiled for the browser (content/bank.bin)
  review      read answers as JSON lines on stdin, write STAR reports as JSON lines

Run "go run ./wasm <command> -help" for a command's flags.
`

func run(b *bank.Bank, args []string, stdin io.Reader, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		fmt.Fprint(stderr, usage)
		return 2
	}
	var err error
	switch args[0] {
	case "serve":
		err = serveCmd(b, args[1:], stdout, stderr)
	case "build":
		err = buildCmd(b, args[1:], stdout, stderr)
	case "questions":
		err = bank.WriteJSONLines(stdout, b)
	case "compile":
		err = compileCmd(b, args[1:], stderr)
	case "review":
		err = reviewCmd(b, args[1:], stdin, stdout, stderr)
	case "help", "-h", "-help", "--help":
		fmt.Fprint(stdout, usage)
		return 0
	default:
		fmt.Fprintf(stderr, "stardrill: unknown command %q\n\n%s", args[0], usage)
		return 2
	}
	if errors.Is(err, flag.ErrHelp) {
		return 0
	}
	if err != nil {
		fmt.Fprintf(stderr, "stardrill %s: %v\n", args[0], err)
		return 1
	}
	return 0
}

// siteFlags are the flags that say how to build the site.
type siteFlags struct {
	out, prefix, wasm string
}

func (f *siteFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&f.out, "o", "dist", "folder to write the site into")
	fs.StringVar(&f.prefix, "prefix", "", "path the site is served under, such as /stardrill for a GitHub Pages project site")
	fs.StringVar(&f.wasm, "wasm", "", "use this compiled app.wasm instead of compiling one")
}

func buildCmd(b *bank.Bank, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var f siteFlags
	f.register(fs)
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := buildSite(b, f, stderr); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "wrote the site to %s\n", f.out)
	return nil
}

// buildSite compiles the app to WebAssembly (unless given one) and writes the
// static site.
func buildSite(b *bank.Bank, f siteFlags, log io.Writer) error {
	root, err := moduleRoot()
	if err != nil {
		return err
	}
	wasm := f.wasm
	if wasm == "" {
		if err := refreshCompiled(b, root, log); err != nil {
			return err
		}
		wasm = filepath.Join(root, "web", "app.wasm")
		if err := compileWasm(root, wasm, log); err != nil {
			return err
		}
	}
	return site.Build(f.out, filepath.Join(root, "web"), wasm, site.Options{Prefix: f.prefix, Pages: questionPages(b)})
}

// compileCmd writes the compiled bank (bank.Encode) to a file.
func compileCmd(b *bank.Bank, args []string, stderr io.Writer) error {
	fs := flag.NewFlagSet("compile", flag.ContinueOnError)
	fs.SetOutput(stderr)
	out := fs.String("o", "content/bank.bin", "file to write")
	if err := fs.Parse(args); err != nil {
		return err
	}
	data, err := bank.Encode(b)
	if err != nil {
		return err
	}
	return os.WriteFile(*out, data, 0o644)
}

// refreshCompiled rewrites content/bank.bin when it no longer matches the
// question files, so that the app.wasm compiled next carries the bank as
// it is now.
func refreshCompiled(b *bank.Bank, root string, log io.Writer) error {
	data, err := bank.Encode(b)
	if err != nil {
		return err
	}
	if string(data) == content.Compiled {
		return nil
	}
	fmt.Fprintln(log, "the question files changed: rewriting content/bank.bin")
	return os.WriteFile(filepath.Join(root, "content", "bank.bin"), data, 0o644)
}

// compileWasm builds the browser side of this same program.
func compileWasm(root, out string, log io.Writer) error {
	fmt.Fprintln(log, "compiling app.wasm…")
	args := append(append([]string{"build"}, site.WasmBuildArgs()...), "-o", out, "./wasm")
	cmd := exec.Command("go", args...)
	cmd.Dir = root
	cmd.Env = append(os.Environ(), "GOOS=js", "GOARCH=wasm")
	cmd.Stdout = log
	cmd.Stderr = log
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("compiling app.wasm: %w", err)
	}
	return nil
}

func moduleRoot() (string, error) {
	out, err := exec.Command("go", "list", "-m", "-f", "{{.Dir}}").Output()
	if err != nil {
		return "", errors.New("run this from inside the stardrill source folder (go list -m failed)")
	}
	return strings.TrimSpace(string(out)), nil
}

func serveCmd(b *bank.Bank, args []string, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	fs.SetOutput(stderr)
	var f siteFlags
	f.register(fs)
	addr := fs.String("addr", "127.0.0.1:8000", "address to listen on")
	if err := fs.Parse(args); err != nil {
		return err
	}
	if err := buildSite(b, f, stderr); err != nil {
		return err
	}
	ln, err := net.Listen("tcp", *addr)
	if err != nil {
		return fmt.Errorf("listening on %s: %w (is another server using it? choose another with -addr)", *addr, err)
	}
	srv := &http.Server{Handler: site.FileServer(f.out), ReadHeaderTimeout: 10 * time.Second}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	go func() {
		<-ctx.Done()
		srv.Close()
	}()
	fmt.Fprintf(stdout, "stardrill is running at http://%s/ (Ctrl+C stops it)\n", ln.Addr())
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// questionPages lists the page of every bank question, so each is
// prerendered and can be opened directly from any static host.
func questionPages(b *bank.Bank) []string {
	var pages []string
	for _, q := range b.Questions() {
		pages = append(pages, "/questions/"+q.ID)
	}
	return pages
}
