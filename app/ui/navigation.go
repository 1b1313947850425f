package ui

import (
	"net/url"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// go-app moves between pages without loading a document, and so without
// what the browser does for a new one: scroll to its top, and start the
// keyboard and the screen reader from its beginning. A question opened
// from far down the Questions list showed mid-page, its heading above the
// screen, the focus was lost with the link that was clicked, and Back
// showed the list wherever the browser managed to scroll the page it was
// leaving. These put the browser's behaviour back.

// watchHistory keeps, in each entry of the history, how far down its page
// was scrolled, and notes each move back or forward, for afterNav. The
// browser puts back a position itself only if the page is there to scroll:
// go-app draws the page after the move, so the browser would scroll the
// page being left, as far as that one goes.
func watchHistory(env *Env) {
	win := app.Window()
	env.restoreY = -1
	// A capturing listener runs before go-app's (window.onpopstate), which
	// may draw the page, and call afterNav, before it returns.
	win.Call("addEventListener", "popstate", app.FuncOf(func(this app.Value, args []app.Value) any {
		env.traversed, env.restoreY = true, -1
		if st := args[0].Get("state"); st.Truthy() && st.Get(scrollKey).Type() == app.TypeNumber {
			env.restoreY = st.Get(scrollKey).Float()
		}
		return nil
	}), map[string]any{"capture": true})
	// The position is written a little after scrolling stops, and only
	// into the entry whose page was scrolled.
	pending := false
	write := app.FuncOf(func(this app.Value, args []app.Value) any {
		pending = false
		if win.Get("location").Get("href").String() == args[0].String() {
			win.Get("history").Call("replaceState", map[string]any{scrollKey: win.Get("scrollY").Float()}, "")
		}
		return nil
	})
	win.Call("addEventListener", "scroll", app.FuncOf(func(app.Value, []app.Value) any {
		if !pending {
			pending = true
			win.Call("setTimeout", write, 150, win.Get("location").Get("href"))
		}
		return nil
	}), map[string]any{"passive": true})
}

// scrollKey names the scroll position in a history entry's state (go-app
// leaves the state empty).
const scrollKey = "stardrillScrollY"

// afterNav shows a page opened by a link or by the app from its top, a
// page moved back or forward to where it was scrolled (see watchHistory),
// and an address with a fragment where go-app scrolls to; then it moves
// the focus to the page's heading, unless the page put it somewhere itself
// (the search box, say). It leaves the first page of a visit alone.
func afterNav(env *Env, u *url.URL) {
	first, traversed := !env.navigated, env.traversed
	env.navigated, env.traversed = true, false
	if first {
		return
	}
	y := 0.0
	switch {
	case traversed:
		y = env.restoreY // -1: not known; the browser's own guess stands
	case u.Fragment != "":
		y = -1
	}
	// Both wait for the frame that shows the new page: they need its
	// layout, which the browser would otherwise work out now, for them,
	// and again if anything else changes before the frame.
	beforeNextFrame(func() {
		if y >= 0 {
			app.Window().Call("scrollTo", 0, y)
		}
		focusHeading()
	})
}

// focusHeading moves a lost focus (on the page's body, after the element
// that held it went with the previous page) to the page's heading, without
// scrolling: a screen reader reads the new page from its title, and Tab
// goes on from there.
func focusHeading() {
	doc := app.Window().Get("document")
	if active := doc.Get("activeElement"); active.Truthy() && !active.Equal(doc.Get("body")) {
		return
	}
	h := doc.Call("querySelector", "main h1")
	if !h.Truthy() {
		return
	}
	h.Call("setAttribute", "tabindex", "-1")
	h.Call("focus", map[string]any{"preventScroll": true})
}
