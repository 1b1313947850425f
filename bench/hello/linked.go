//go:build wasm && linked

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

// linkProduct, built with -tags linked, puts all of stardrill into the
// floor's binary without running it: the page stays the floor's, but
// app.wasm is as large as the product's. Timing this "linked floor" beside
// the floor shows what the size alone costs a load, and beside the product
// what the product's own start-up costs (make bench).
func linkProduct() {
	// The browser never has this property; the compiler cannot know that,
	// so it keeps everything the product's start-up reaches.
	if !app.Window().Get("stardrillLinkedFloorRunsTheProduct").Truthy() {
		return
	}
	env := &ui.Env{Now: time.Now, Random: rand.Uint64}
	env.Summary, _ = bank.Summarize(content.Compiled)
	env.Bank = func() *bank.Bank {
		b, _ := bank.Decode(content.Compiled)
		return b
	}
	backend, err := localstore.New()
	if err != nil {
		backend = store.NewMemory(0)
	}
	env.Store = store.Open(backend)
	ui.Start(env)
	ui.Routes(env)
}
