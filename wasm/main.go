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
	"fmt"
	"os"
	"time"

	"stardrill/app/bank"
	"stardrill/app/store"
	"stardrill/app/ui"
	"stardrill/content"
)

func main() {
	b, err := bank.Load(content.Files)
	if err != nil {
		fmt.Fprintln(os.Stderr, "stardrill: the question bank does not load:", err)
		os.Exit(1)
	}
	// Natively the pages are only prerendered: with an empty store, as a
	// first visit looks.
	ui.Routes(&ui.Env{Bank: func() *bank.Bank { return b }, Summary: b.Summary(), Store: store.Open(store.NewMemory(0)),
		Now: time.Now, Random: func() uint64 { return 0 }})
	os.Exit(run(b, os.Args[1:], os.Stdin, os.Stdout, os.Stderr))
}
