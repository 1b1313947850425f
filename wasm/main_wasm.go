//go:build wasm

// Command stardrill is the whole trainer. Compiled to WebAssembly it runs the
// app in the browser; compiled natively it builds and serves the static site
// and offers the engines on the command line (see commands.go).
package main

import (
	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"stardrill/app/ui"
)

func main() {
	ui.Routes(&ui.Env{})
	app.RunWhenOnBrowser()
}
