// Package ui holds stardrill's go-app components: the shell around every page
// and a file per page or widget, named after what the user sees.
//
// Elements are built with app.Elem("div"), app.Elem("a") and so on (and
// app.ElemSelfClosing("input")), never with go-app's typed constructors
// such as app.Div or app.A. Each typed constructor is a Go type of its own,
// with a dozen methods the browser compiles the first time a page mounts
// one: with one element type for every tag, the first page is ready about
// 30 ms sooner on a warm visit. Attributes that only a typed element names,
// such as Href or For, are set with Attr. TestElementsAreUntyped keeps it so.
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
//
// The shell's fixed parts are pieces of HTML (see html.go), not go-app
// elements: go-app builds an element with a call into the browser for the
// element, each attribute and each text, so the two dozen nodes of header,
// navigation and footer would cost every page load and every move between
// pages more than the browser parsing them (A/B: the first page is running
// 10-20 ms sooner on a warm visit). Links need no handler: go-app follows
// clicks on any link of the page.
func frame(env *Env, current string, content ...app.UI) app.UI {
	return app.Elem("div").Class("sd-app").Body(
		app.Raw(`<a class="skip-link" href="#main">Skip to content</a>`),
		app.Elem("header").Class("sd-header").Body(
			app.Elem("div").Class("sd-header-inner").Body(
				app.Raw(brandHTML()),
				&installButton{},
				app.Raw(navHTML(current)),
			),
		),
		app.Elem("main").ID("main").Class("sd-main").Body(
			// Shown only where scripts are off, so only the prerendered pages
			// need it; it holds no user text.
			app.If(!app.IsClient, func() app.UI {
				return app.Raw(`<noscript><p class="notice warn">stardrill runs in your browser with JavaScript and WebAssembly. Turn JavaScript on for this site to practise; you can still read the questions below.</p></noscript>`)
			}),
			&appNotices{Env: env},
			app.Elem("div").Body(content...),
		),
		app.Raw(`<footer class="sd-footer"><p>Everything you write stays in this browser. stardrill sends nothing anywhere.</p></footer>`),
	)
}

// region starts a card-like part of a page, a <section> named by the
// heading whose ID is labelledBy. ARIA attributes are set with
// Attr("aria-…", text) rather than go-app's Aria, which passes every value
// through fmt.Sprintf: the first render would run, and the browser compile,
// fmt's printer for nothing.
func region(class, labelledBy string) app.HTMLElem {
	return app.Elem("section").Class(class).Attr("aria-labelledby", labelledBy)
}

// progressBar shows value out of limit as a bar that looks the same in every
// browser and reads to assistive technology as a progressbar, as a
// <progress> element would. Name it with an aria-label or aria-labelledby.
func progressBar(value, limit int) app.HTMLElem {
	// An SVG draws the filled part: the Content-Security-Policy allows no
	// inline styles, so a width cannot be set on a div.
	return app.Elem("div").Class("bar").Role("progressbar").
		Attr("aria-valuemin", "0").Attr("aria-valuemax", strconv.Itoa(limit)).Attr("aria-valuenow", strconv.Itoa(value)).
		Body(app.Raw(barSVG(value, limit)))
}

// barHTML is progressBar as a piece of HTML, named by the attribute
// nameAttr ("aria-label" or "aria-labelledby") set to name.
func barHTML(value, limit int, nameAttr, name string) string {
	return `<div class="bar" role="progressbar" aria-valuemin="0" aria-valuemax="` + strconv.Itoa(limit) + `" aria-valuenow="` +
		strconv.Itoa(value) + `" ` + nameAttr + `="` + escapeHTML(name) + `">` + barSVG(value, limit) + `</div>`
}

// barSVG draws a bar filled to value out of limit (none when limit is not
// positive).
func barSVG(value, limit int) string {
	pct := 0
	if limit > 0 {
		pct = 100 * min(max(value, 0), limit) / limit
	}
	return `<svg viewBox="0 0 100 1" preserveAspectRatio="none" aria-hidden="true"><rect width="` + strconv.Itoa(pct) + `" height="1"></rect></svg>`
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
