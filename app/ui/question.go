package ui

import (
	"net/url"
	"path"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"stardrill/app/bank"
)

// QuestionPage shows one question: every phrasing, what it assesses, what a
// strong answer covers, tips, pitfalls, and the user's past attempts.
type QuestionPage struct {
	app.Compo
	Env *Env

	id string
}

// OnInit reads the question from the address before the first render, so
// the running app never flashes a page other than the prerendered one.
func (p *QuestionPage) OnInit() {
	if app.IsClient {
		p.fromURL(app.Window().URL())
	}
}

// OnNav follows the address, and skips the render go-app does after it when
// the question is the one shown (as at start, after OnInit).
func (p *QuestionPage) OnNav(ctx app.Context) {
	id := p.id
	p.fromURL(ctx.Page().URL())
	if p.id == id {
		ctx.PreventUpdate()
	}
}

// fromURL takes the question's ID from the last part of the path, which
// also works when the site is served under a prefix such as /stardrill.
func (p *QuestionPage) fromURL(u *url.URL) {
	p.id = path.Base(u.Path)
}

// OnPreRender sets the page title for the prerendered HTML.
func (p *QuestionPage) OnPreRender(ctx app.Context) {
	p.fromURL(ctx.Page().URL())
	if q, ok := p.Env.Bank().Question(p.id); ok {
		ctx.Page().SetTitle(q.Text + " · stardrill")
	}
}

func (p *QuestionPage) Render() app.UI {
	b := p.Env.questions()
	q, ok := b.Question(p.id)
	if !ok {
		return frame(p.Env, "/questions",
			app.Elem("h1").Text("Question not found"),
			app.Elem("p").Body(
				app.Text("There is no question here. It may have been one of your own that you deleted. "),
				app.Elem("a").Attr("href", link("/questions")).Text("Browse all questions"),
				app.Text("."),
			),
		)
	}
	return frame(p.Env, "/questions",
		app.Raw(`<p class="small">`+linkHTML("/questions?competency="+q.Competency, p.Env.competencyName(q.Competency))+`</p>`),
		app.Raw(`<h1>`+escapeHTML(q.Text)+`</h1>`),
		app.Raw(`<div class="row page-actions"><a class="button primary" href="`+escapeHTML(link("/?q="+q.ID))+`">Practice</a>`+
			`<span class="levels">`+levelTagsHTML(q)+`</span></div>`),
		app.Raw(aboutQuestionHTML(q)),
		app.If(q.Source == bank.Mine, func() app.UI {
			return section("Your question", app.Elem("p").Class("muted").Text("You added this question. Write down what you want your answer to cover as you practise it; the feedback checks the STAR shape of any answer."),
				app.Elem("button").Class("danger").Text("Delete this question").OnClick(p.deleteMine))
		}),
		section("Your attempts", &attemptList{Env: p.Env, QuestionID: q.ID}),
	)
}

// aboutQuestionHTML is what the bank says of q, as one piece of HTML (see
// html.go): its other phrasings, what it assesses, what a strong answer
// covers, a tip and pitfalls, each a card when the bank has it.
func aboutQuestionHTML(q bank.Question) string {
	var h strings.Builder
	h.WriteString(`<div>`)
	card := func(title, body string) { h.WriteString(cardHTML(title, body)) }
	if len(q.Variants) > 0 {
		card("Other ways you may hear it", bulletsHTML(q.Variants))
	}
	if len(q.Assesses) > 0 {
		card("What the interviewer is assessing", bulletsHTML(q.Assesses))
	}
	if len(q.MustCover) > 0 {
		var pts []string
		for _, pt := range q.MustCover {
			pts = append(pts, pt.Text)
		}
		card("What a strong answer covers", bulletsHTML(pts))
	}
	if q.Tip != "" {
		card("Tip", `<p>`+escapeHTML(q.Tip)+`</p>`)
	}
	if len(q.Pitfalls) > 0 {
		card("Pitfalls", bulletsHTML(q.Pitfalls))
	}
	h.WriteString(`</div>`)
	return h.String()
}

func (p *QuestionPage) deleteMine(ctx app.Context, e app.Event) {
	if !confirm("Delete this question? Your saved attempts at it stay in Progress.") {
		return
	}
	if err := p.Env.Store.DeleteQuestion(p.id); err != nil {
		app.Window().Call("alert", err.Error())
		return
	}
	ctx.Navigate(link("/questions"))
}

// section renders a titled card.
func section(title string, body ...app.UI) app.UI {
	id := "s-" + slug(title)
	return region("card", id).Body(
		append([]app.UI{app.Elem("h2").ID(id).Text(title)}, body...)...,
	)
}

// slug turns a title into an ID fragment.
func slug(s string) string {
	var b strings.Builder
	for _, r := range strings.ToLower(s) {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			b.WriteRune(r)
		case r == ' ' || r == '-':
			b.WriteByte('-')
		}
	}
	return b.String()
}

// confirm asks the user a yes-or-no question with the browser's dialog.
// Natively there is nobody to ask, and the answer is no.
func confirm(msg string) bool {
	v := app.Window().Call("confirm", msg)
	return v.Truthy()
}
