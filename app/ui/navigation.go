package ui

import (
	"net/url"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// go-app moves between pages without loading a document, and so without
// what the browser does for a new one: scroll to its top, and start the
// keyboard and the screen reader from its beginning. A question opened
// from far down the Questions list showed mid-page, its heading above the
// screen, and the focus was lost with the link that was clicked. These put
// the browser's behaviour back.

// watchHistory notes each move back or forward through the history, after
// which the browser itself puts back the scroll position the page had.
func watchHistory(env *Env) {
	app.Window().Call("addEventListener", "popstate", app.FuncOf(func(app.Value, []app.Value) any {
		env.traversed = true
		return nil
	}))
}

// afterNav shows a page opened by a link or by the app from its top, and
// moves the focus to its heading once the page is shown, unless the page
// put it somewhere itself (the search box, say). It leaves alone the first
// page of a visit, and the scroll position of a page moved back or forward
// to (see watchHistory) or of an address with a fragment, which go-app
// scrolls to.
func afterNav(env *Env, u *url.URL) {
	first, traversed := !env.navigated, env.traversed
	env.navigated, env.traversed = true, false
	if first {
		return
	}
	top := !traversed && u.Fragment == ""
	// Both wait for the frame that shows the new page: they need its
	// layout, which the browser would otherwise work out now, for them,
	// and again if anything else changes before the frame.
	beforeNextFrame(func() {
		if top {
			app.Window().Call("scrollTo", 0, 0)
		}
		focusHeading()
	})
}

// beforeNextFrame runs f when the browser next draws the page, before it
// draws it.
func beforeNextFrame(f func()) {
	var run app.Func
	run = app.FuncOf(func(this app.Value, args []app.Value) any {
		run.Release()
		f()
		return nil
	})
	app.Window().Call("requestAnimationFrame", run)
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
