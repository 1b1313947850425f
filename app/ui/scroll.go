package ui

import (
	"net/url"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// go-app moves between pages without loading a document, and so without the
// browser's scrolling to the top of the new one: a question opened from far
// down the Questions list showed mid-page, its heading above the screen.
// These put the browser's behaviour back.

// watchHistory notes each move back or forward through the history, after
// which the browser itself puts back the scroll position the page had.
func watchHistory(env *Env) {
	app.Window().Call("addEventListener", "popstate", app.FuncOf(func(app.Value, []app.Value) any {
		env.traversed = true
		return nil
	}))
}

// scrollAfterNav shows a page opened by a link or by the app from its top.
// It leaves alone the first page of a visit, a page moved back or forward
// to (see watchHistory), and an address with a fragment, which go-app
// scrolls to.
func scrollAfterNav(env *Env, u *url.URL) {
	first, traversed := !env.navigated, env.traversed
	env.navigated, env.traversed = true, false
	if first || traversed || u.Fragment != "" {
		return
	}
	app.Window().Call("scrollTo", 0, 0)
}
