package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The pieces of HTML the pages show as they are, built here rather than
// element by element with go-app, because the browser parses a piece of
// HTML far faster than go-app builds the same nodes one call at a time (see
// frame). Every text that goes into them is escaped with escapeHTML, so
// what a person writes (a question of their own, the answer a report
// quotes) shows as text, never as HTML.

// brandHTML is the name and logo at the top left, a link to the Drill page.
// The logo is decorative (the name follows); the stylesheet draws it.
func brandHTML() string {
	return `<a class="sd-brand" href="` + escapeHTML(link("/")) + `"><span class="sd-logo" aria-hidden="true"></span><span>stardrill</span></a>`
}

// navHTML is the main navigation, the item for the path current marked as
// the page shown.
func navHTML(current string) string {
	var h strings.Builder
	h.WriteString(`<nav class="sd-nav" aria-label="Main"><ul>`)
	for _, it := range navItems {
		h.WriteString(`<li><a href="` + escapeHTML(link(it.path)) + `"`)
		if it.path == current {
			h.WriteString(` aria-current="page"`)
		}
		h.WriteString(`>` + escapeHTML(it.label) + `</a></li>`)
	}
	h.WriteString(`</ul></nav>`)
	return h.String()
}

// selectHTML returns the HTML of a select element with the given ID that
// offers opts, the one whose value is chosen (or the first) selected. go-app
// builds a page one element and one attribute at a time, each a call from
// Go into the browser: a list of twenty-odd options built that way is a
// good part of a page's start, where as one piece of HTML the browser parses
// it at once. Every value and label is escaped. go-app does not see inside
// the HTML: listen for the list's change events on an enclosing element, and
// read the choice from the element itself.
func selectHTML(id string, opts []option, chosen string) string {
	var h strings.Builder
	h.WriteString(`<select id="` + escapeHTML(id) + `">`)
	for _, o := range opts {
		h.WriteString(`<option value="` + escapeHTML(o.value) + `"`)
		if o.value == chosen {
			h.WriteString(` selected`)
		}
		h.WriteString(`>` + escapeHTML(o.label) + `</option>`)
	}
	h.WriteString(`</select>`)
	return h.String()
}

// radioGroupHTML returns the HTML of the radio buttons named name, one for
// each of opts, the one whose value is checked checked, under a visible
// label that names the group, as radioGroup renders them. The buttons' IDs
// are name-value. Listen for their change events on an enclosing element.
func radioGroupHTML(name, label string, opts []option, checked string) string {
	var h strings.Builder
	h.WriteString(`<div role="radiogroup" aria-labelledby="` + escapeHTML(name) + `-label"><p id="` + escapeHTML(name) + `-label" class="group-label">` +
		escapeHTML(label) + `</p><div class="choices">`)
	for _, o := range opts {
		id := escapeHTML(name + "-" + o.value)
		h.WriteString(`<div class="choice"><input type="radio" name="` + escapeHTML(name) + `" id="` + id + `" value="` + escapeHTML(o.value) + `"`)
		if o.value == checked {
			h.WriteString(` checked`)
		}
		h.WriteString(`><label for="` + id + `">` + escapeHTML(o.label) + `</label></div>`)
	}
	h.WriteString(`</div></div>`)
	return h.String()
}

// clickedAction returns the data-act attribute of the button that a click
// heard on an enclosing element was on: the way a piece of HTML's buttons
// say what they do. A click anywhere else returns "". A handler that finds
// nothing to do may call ctx.PreventUpdate, but only where no element inside
// has a click handler of its own: go-app counts one update for each handler
// the click reaches, and PreventUpdate takes one back, that handler's.
func clickedAction(e app.Event) string {
	button := e.Get("target").Call("closest", "button[data-act]")
	if !button.Truthy() {
		return ""
	}
	return button.Call("getAttribute", "data-act").String()
}

// linkHTML is a link to the app page at path (see link) that reads text.
func linkHTML(path, text string) string {
	return `<a href="` + escapeHTML(link(path)) + `">` + escapeHTML(text) + `</a>`
}

// cardHTML is section as a piece of HTML: a card titled title that holds
// body, which must be HTML already.
func cardHTML(title, body string) string {
	id := escapeHTML("s-" + slug(title))
	return `<section class="card" aria-labelledby="` + id + `"><h2 id="` + id + `">` + escapeHTML(title) + `</h2>` + body + `</section>`
}

// bulletsHTML is a bulleted list of items as a piece of HTML.
func bulletsHTML(items []string) string {
	var h strings.Builder
	h.WriteString(`<ul>`)
	for _, it := range items {
		h.WriteString(`<li>` + escapeHTML(it) + `</li>`)
	}
	h.WriteString(`</ul>`)
	return h.String()
}

// escapeHTML escapes s for HTML text and for attribute values in double
// quotes. It does what html.EscapeString does without the string replacer
// that that brings into app.wasm.
func escapeHTML(s string) string {
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		switch c := s[i]; c {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&#34;")
		case '\'':
			b.WriteString("&#39;")
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}
