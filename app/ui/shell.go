// Package ui holds stardrill's go-app components: the shell around every page
// and a file per page or widget, named after what the user sees.
package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// navItem is one link of the navigation bar.
type navItem struct{ path, label string }

var navItems = []navItem{
	{"/", "Drill"},
	{"/questions", "Questions"},
	{"/progress", "Progress"},
	{"/settings", "Settings"},
}

// frame wraps a page's content in the header, navigation and notices that
// every page shares. current is the path of the navigation item to mark.
func frame(env *Env, current string, content ...app.UI) app.UI {
	return app.Div().Class("sd-app").Body(
		app.A().Class("skip-link").Href("#main").Text("Skip to content"),
		app.Div().Class("sd-header").Role("banner").Body(
			app.Div().Class("sd-header-inner").Body(
				app.A().Class("sd-brand").Href(link("/")).Body(
					// Decorative: the name follows. The stylesheet draws it.
					app.Span().Class("sd-logo").Attr("aria-hidden", "true"),
					app.Span().Text("stardrill"),
				),
				&installButton{},
				app.Div().Class("sd-nav").Role("navigation").Attr("aria-label", "Main").Body(
					app.Ul().Body(
						app.Range(navItems).Slice(func(i int) app.UI {
							it := navItems[i]
							a := app.A().Href(link(it.path)).Text(it.label)
							if it.path == current {
								a = a.Attr("aria-current", "page")
							}
							return app.Li().Body(a)
						}),
					),
				),
			),
		),
		app.Div().ID("main").Class("sd-main").Role("main").Body(
			// Shown only where scripts are off, so only the prerendered pages
			// need it; it holds no user text.
			app.If(!app.IsClient, func() app.UI {
				return app.Raw(`<noscript><p class="notice warn">stardrill runs in your browser with JavaScript and WebAssembly. Turn JavaScript on for this site to practise; you can still read the questions below.</p></noscript>`)
			}),
			&appNotices{Env: env},
			app.Div().Body(content...),
		),
		app.Div().Class("sd-footer").Role("contentinfo").Body(
			app.P().Text("Everything you write stays in this browser. stardrill sends nothing anywhere."),
		),
	)
}

// region starts a card-like part of a page named by the heading whose ID is
// labelledBy. The UI keeps to a small set of element types, because each
// go-app element type adds about 2 KB (brotli) of code to app.wasm: regions,
// banners, radio groups and the like are divs with the matching ARIA role,
// which assistive technology reads exactly as the dedicated elements.
// ARIA attributes are set with Attr("aria-…", text) rather than go-app's
// Aria, which passes every value through fmt.Sprintf: the first render
// would run, and the browser compile, fmt's printer for nothing.
func region(class, labelledBy string) app.HTMLDiv {
	return app.Div().Class(class).Role("region").Attr("aria-labelledby", labelledBy)
}

// progressBar shows value out of limit as a bar, for assistive technology a
// progressbar as a <progress> element would be (see region for why it is
// not one). Name it with an aria-label or aria-labelledby.
func progressBar(value, limit int) app.HTMLDiv {
	pct := 0
	if limit > 0 {
		pct = 100 * min(max(value, 0), limit) / limit
	}
	// An SVG draws the filled part: the Content-Security-Policy allows no
	// inline styles, so a width cannot be set on a div.
	return app.Div().Class("bar").Role("progressbar").
		Attr("aria-valuemin", "0").Attr("aria-valuemax", strconv.Itoa(limit)).Attr("aria-valuenow", strconv.Itoa(value)).
		Body(app.Raw(`<svg viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true"><rect width="` + strconv.Itoa(pct) + `" height="1"></rect></svg>`))
}

// link returns the address of an app page. go-app puts the prefix the site
// is served under (such as /stardrill) into prerendered links, but not into
// links the running app renders: this does, in the browser.
func link(path string) string {
	if app.IsClient {
		return strings.TrimSuffix(app.Getenv("GOAPP_ROOT_PREFIX"), "/") + path
	}
	return path
}
