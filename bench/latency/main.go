//go:build !wasm

package main

import (
	_ "embed"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"

	"stardrill/app/site"
)

const usage = "usage: go run ./bench/latency build -o DIR -wasm latency.wasm [-modules e2e/js/node_modules]"

//go:embed index.html
var indexHTML []byte

//go:embed bench.js
var benchJS []byte

func main() {
	if err := run(os.Args[1:]); err != nil {
		fmt.Fprintln(os.Stderr, "latency:", err)
		os.Exit(1)
	}
}

func run(args []string) error {
	if len(args) == 0 || args[0] != "build" {
		return errors.New(usage)
	}
	fs := flag.NewFlagSet("build", flag.ContinueOnError)
	out := fs.String("o", "", "folder to write the site into")
	wasm := fs.String("wasm", "", "the compiled wasm (GOOS=js GOARCH=wasm go build ./bench/latency)")
	modules := fs.String("modules", filepath.Join("e2e", "js", "node_modules"), "the npm folder holding fuse.js and @leeoniya/ufuzzy")
	if err := fs.Parse(args[1:]); err != nil {
		return err
	}
	if *out == "" || *wasm == "" {
		return errors.New(usage)
	}
	return build(*out, *wasm, *modules)
}

// build writes the benchmark site into dir.
func build(dir, wasm, modules string) error {
	goroot, err := exec.Command("go", "env", "GOROOT").Output()
	if err != nil {
		return fmt.Errorf("finding Go's wasm_exec.js (is go on PATH?): %w", err)
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for name, data := range map[string][]byte{"index.html": indexHTML, "bench.js": benchJS} {
		if err := os.WriteFile(filepath.Join(dir, name), data, 0o644); err != nil {
			return err
		}
	}
	copies := []struct{ from, to string }{
		{wasm, "latency.wasm"},
		{filepath.Join(strings.TrimSpace(string(goroot)), "lib", "wasm", "wasm_exec.js"), "wasm_exec.js"},
		{filepath.Join(modules, "fuse.js", "dist", "fuse.min.mjs"), "fuse.mjs"},
		{filepath.Join(modules, "@leeoniya", "ufuzzy", "dist", "uFuzzy.mjs"), "ufuzzy.mjs"},
	}
	for _, c := range copies {
		if err := site.CopyFile(filepath.Join(dir, c.to), c.from); err != nil {
			if errors.Is(err, os.ErrNotExist) && strings.HasPrefix(c.from, modules) {
				return fmt.Errorf("%w: install the npm packages with make e2e/js/node_modules (npm ci in e2e/js)", err)
			}
			return err
		}
	}
	return nil
}
