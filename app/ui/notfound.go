package ui

import (
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// NotFoundPage is shown at an address that names no page: a typo or an old
// bookmark. go-app's own not-found screen offers no way back into the app.
type NotFoundPage struct {
	app.Compo
	Env *Env
}

func (p *NotFoundPage) Render() app.UI {
	return frame(p.Env, "",
		app.Raw(`<div><h1>Page not found</h1>`+
			`<p>There is no page at this address: it may be an old link or a typo. Your saved answers are not affected.</p>`+
			`<p class="row"><a class="button primary" href="`+escapeHTML(link("/"))+`">Go to Drill</a>`+
			`<a class="button" href="`+escapeHTML(link("/questions"))+`">Browse questions</a></p></div>`),
	)
}

// routeUnknown routes the address the app opens at, path, when Routes did
// not, pages being the pages it routed besides the questions': a question's
// address to the question's page, which says when there is no such
// question (the page of one of your own deleted since, say), and any other
// to NotFoundPage. Routes registers addresses one by one, with no pattern
// to catch the rest, and the app's links lead only to routed pages; the
// address it opens at can be anything.
func routeUnknown(env *Env, pages map[string]func() app.Composer, path string) {
	path = strings.TrimPrefix(path, strings.TrimSuffix(app.Getenv("GOAPP_ROOT_PREFIX"), "/"))
	if !strings.HasPrefix(path, "/") {
		path = "/" + path // as go-app reads it
	}
	switch {
	case pages[path] != nil:
	case strings.HasPrefix(path, "/questions/") && !strings.Contains(path[len("/questions/"):], "/"):
		routeQuestion(env, path[len("/questions/"):])
	default:
		app.Route(path, func() app.Composer { return &NotFoundPage{Env: env} })
	}
}
