// Command hello is the smallest go-app v10 app worth measuring: one page with
// a text field that echoes what is typed, and local icons. It is the
// framework floor that stardrill's size and load figures are compared with
// (see TestBenchFigures in e2e, which compiles it with the product's flags,
// site.WasmBuildArgs). Compiled to WebAssembly it runs the page; compiled
// natively it writes the static site:
//
//	GOOS=js GOARCH=wasm go build -trimpath -ldflags="-s -w" -o app.wasm ./bench/hello
//	go run ./bench/hello build -o DIR -wasm app.wasm
//
// Built with -tags linked, the same page comes in a binary that links all of
// stardrill without running it (linked.go): the "linked floor", which tells
// the load time that app.wasm's size costs from the time the product's own
// start-up costs.
package main

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// greeter says hello to whatever name is typed.
type greeter struct {
	app.Compo
	name string
}

func (g *greeter) Render() app.UI {
	name := g.name
	if name == "" {
		name = "world"
	}
	return app.Main().Body(
		app.H1().Text("Hello, "+name+"!"),
		app.Label().For("name").Text("Name"),
		app.Input().ID("name").Type("text").Value(g.name).
			OnInput(func(ctx app.Context, e app.Event) {
				g.name = ctx.JSSrc().Get("value").String()
			}),
	)
}

func routes() {
	app.Route("/", func() app.Composer { return &greeter{} })
}
