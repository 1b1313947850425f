//go:build !wasm

// Command stardrill is the whole trainer. Compiled to WebAssembly it runs the
// app in the browser; compiled natively it builds and serves the static site
// and offers the engines on the command line.
//
// Usage:
//
//	go run ./wasm serve [-addr 127.0.0.1:8000] [-o dist]
//	go run ./wasm build -o DIR [-prefix /path]
//	go run ./wasm questions
//	go run ./wasm review < answers.jsonl
package main

import (
	"os"

	"stardrill/app/ui"
)

func main() {
	ui.Routes(&ui.Env{})
	os.Exit(run(os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
