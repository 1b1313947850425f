//go:build wasm

// Command stardrill is the whole trainer. Compiled to WebAssembly it runs the
// app in the browser; compiled natively it builds and serves the static site
// and offers the engines on the command line (see main.go).
package main

import (
	"math/rand/v2"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"stardrill/app/bank"
	"stardrill/app/localstore"
	"stardrill/app/store"
	"stardrill/app/ui"
	"stardrill/content"
)

func main() {
	// Go's collector is held back while the app opens (see pauseCollector)
	// and resumed two seconds on, when the first page shows even with a year
	// of practice saved.
	time.AfterFunc(2*time.Second, pauseCollector())
	// math/rand/v2's generator is seeded by the runtime from the browser's
	// crypto.getRandomValues; record IDs need no more than that.
	env := &ui.Env{Now: time.Now, Random: rand.Uint64}
	// The first page needs only the bank's summary; its questions are
	// decoded when a page first asks for them. The bank is checked by the
	// tests, so a bank that does not load is a broken build.
	summary, err := bank.Summarize(content.Compiled)
	if err != nil {
		panic("stardrill: the built-in question bank does not load: " + err.Error())
	}
	env.Summary = summary
	var b *bank.Bank
	env.Bank = func() *bank.Bank {
		if b == nil {
			decoded, err := bank.Decode(content.Compiled)
			if err != nil {
				panic("stardrill: the built-in question bank does not load: " + err.Error())
			}
			b = decoded
		}
		return b
	}
	backend, err := localstore.New()
	if err != nil {
		backend, env.StoreErr = store.NewMemory(0), err
	}
	env.Store = store.Open(backend)
	ui.Start(env)
	ui.Routes(env)
	app.RunWhenOnBrowser()
}
