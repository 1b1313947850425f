package ui

import (
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"stardrill/app/star"
	"stardrill/app/store"
)

// ProgressPage shows every saved attempt, a chart of scores over time, and
// how much of each competency has been practised.
type ProgressPage struct {
	app.Compo
	Env *Env
}

func (p *ProgressPage) OnMount(ctx app.Context) {
	ctx.Handle(actionDataChanged, func(ctx app.Context, a app.Action) { ctx.Update() })
	ctx.PreventUpdate() // nothing shown changed
}

func (p *ProgressPage) Render() app.UI {
	// The summary sits in one wrapper whatever it holds, so that the list
	// below keeps its place, and its undo offer, when the last attempt is
	// deleted. It is one piece of HTML (see html.go): it is only read.
	return frame(p.Env, "/progress",
		app.Elem("h1").Text("Progress"),
		app.Raw(`<div>`+p.summaryHTML(p.Env.Store.Attempts())+`</div>`),
		section("All attempts", &attemptList{Env: p.Env}),
	)
}

// summaryHTML says how much has been practised: the figures, the chart of
// scores and the questions practised in each competency.
func (p *ProgressPage) summaryHTML(attempts []store.Attempt) string {
	if len(attempts) == 0 {
		return `<div class="card"><p>No attempts yet. Each answer you save shows up here with its score, its time and how it felt, so you can see yourself improve.</p>` +
			`<a class="button primary" href="` + escapeHTML(link("/")) + `">Start a drill</a></div>`
	}
	practised := map[string]bool{}
	total := 0
	for _, a := range attempts {
		practised[a.QuestionID] = true
		total += a.Score
	}
	// One attempt, one question: the labels follow the figures.
	stat := func(n int, one, many string) string {
		label := many
		if n == 1 {
			label = one
		}
		return `<div class="stat card"><span class="stat-value">` + strconv.Itoa(n) + `</span><span class="stat-label">` + label + `</span></div>`
	}
	var list strings.Builder
	list.WriteString(`<ul class="list-plain coverage">`)
	b := p.Env.questions()
	for _, c := range b.Competencies() {
		qs := b.InCompetency(c.ID)
		done := 0
		for _, q := range qs {
			if practised[q.ID] {
				done++
			}
		}
		id := "cov-" + c.ID
		list.WriteString(`<li class="coverage-row"><div id="` + escapeHTML(id) + `">` + linkHTML("/questions?competency="+c.ID, c.Name) +
			`<span class="small muted"> ` + strconv.Itoa(done) + ` of ` + strconv.Itoa(len(qs)) + `</span></div>` +
			barHTML(done, len(qs), "aria-labelledby", id) + `</li>`)
	}
	list.WriteString(`</ul>`)
	return `<div class="stats">` + stat(len(attempts), "attempt", "attempts") +
		stat(len(practised), "question practised", "questions practised") +
		stat(total/len(attempts), "average score", "average score") + `</div>` +
		cardHTML("Scores over time", chartHTML(attempts, "your attempts")) +
		cardHTML("Practised by competency", list.String())
}

// attemptsAt returns the saved attempts at one question, newest first.
func attemptsAt(env *Env, questionID string) []store.Attempt {
	var out []store.Attempt
	for _, a := range env.Store.Attempts() {
		if a.QuestionID == questionID {
			out = append(out, a)
		}
	}
	return out
}

// attemptList lists saved attempts, all of them or those at one question.
// Each opens to show the answer and its report, and can be deleted with a
// chance to undo.
type attemptList struct {
	app.Compo
	Env        *Env
	QuestionID string // "" for every attempt

	open    string // ID of the attempt shown in full
	all     bool   // every attempt shown, not only the newest
	deleted *store.Attempt
	message string
}

// attempts are the attempts the list is about, newest first.
func (l *attemptList) attempts() []store.Attempt {
	if l.QuestionID == "" {
		return l.Env.Store.Attempts()
	}
	return attemptsAt(l.Env, l.QuestionID)
}

func (l *attemptList) Render() app.UI {
	attempts := l.attempts()
	return app.Elem("div").Class("attempts").OnClick(l.click).Body(
		app.Elem("div").Role("status").Attr("aria-live", "polite").Body(
			app.If(l.deleted != nil, func() app.UI {
				return app.Elem("div").Class("notice row").Body(
					app.Elem("span").Text("Attempt deleted."),
					app.Elem("span").Class("spacer"),
					app.Elem("button").Text("Undo").OnClick(l.undo),
				)
			}),
			app.If(l.message != "", func() app.UI { return app.Elem("p").Text(l.message) }),
		),
		app.If(len(attempts) == 0, func() app.UI {
			if l.QuestionID == "" {
				return app.Elem("p").Class("muted").Text("None saved.")
			}
			return app.Elem("p").Class("muted").Text("No saved attempts at this question yet.")
		}),
		app.If(l.QuestionID != "" && len(attempts) > 1, func() app.UI {
			return app.Raw(chartHTML(attempts, "your attempts at this question"))
		}),
		app.Elem("ul").Class("list-plain").Body(l.rows(attempts)...),
		app.If(len(attempts) > l.limit(), func() app.UI {
			more := len(attempts) - l.limit()
			return app.Elem("button").Class("quiet").Attr("data-act", showOlder).Text("Show " + plural(more, "older attempt"))
		}),
	)
}

// shownAttempts is how many attempts a list shows before "Show older
// attempts": a year of daily practice is several hundred, and a page that
// opens with all of them opens slowly.
const shownAttempts = 30

// limit is how many attempts the list shows.
func (l *attemptList) limit() int {
	if l.all {
		return math.MaxInt
	}
	return shownAttempts
}

// rows lists the newest attempts, up to the limit: each is a piece of HTML
// (see html.go), a button heard where its click bubbles to (click), and
// the one open with its answer and report.
func (l *attemptList) rows(attempts []store.Attempt) []app.UI {
	b := l.Env.questions()
	out := make([]app.UI, 0, min(len(attempts), l.limit()))
	for i, a := range attempts {
		if i == l.limit() {
			break
		}
		title := a.Phrasing
		if q, ok := b.Question(a.QuestionID); ok && title == "" {
			title = q.Text
		}
		if title == "" {
			title = "A question that no longer exists"
		}
		open := l.open == a.ID
		row := `<button type="button" class="attempt-row" id="` + escapeHTML(attemptRowID(a.ID)) + `" aria-expanded="` + strconv.FormatBool(open) +
			`" data-act="` + escapeHTML(toggleAttempt+a.ID) + `"><span class="attempt-score">` + strconv.Itoa(a.Score) + `</span>` +
			`<span class="attempt-title">` + escapeHTML(title) + `</span><span class="attempt-meta small muted">` + escapeHTML(attemptMeta(a)) + `</span></button>`
		if open {
			row += l.detail(a)
		}
		out = append(out, app.Raw(`<li class="attempt">`+row+`</li>`))
	}
	return out
}

// The data-act of the list's buttons: an attempt's row (toggleAttempt and
// the attempt's ID), its Delete button (deleteAttempt and the ID) and
// "Show older attempts".
const (
	toggleAttempt = "toggle:"
	deleteAttempt = "delete:"
	showOlder     = "show-older"
)

// attemptRowID is the HTML ID of the row of the attempt id.
func attemptRowID(id string) string { return "attempt-" + id }

// click opens or closes the attempt whose row was clicked, or shows every
// attempt. A row is written anew when it opens or closes, and "Show older
// attempts" goes, so the focus goes to the row, or to the first attempt
// that was hidden. Other clicks in the list are left to their own handlers.
func (l *attemptList) click(ctx app.Context, e app.Event) {
	act := clickedAction(e)
	if act == showOlder {
		if attempts := l.attempts(); len(attempts) > l.limit() {
			next := attemptRowID(attempts[l.limit()].ID)
			ctx.Defer(func(app.Context) { focusElement(next) })
		}
		l.all = true
		return
	}
	if id, ok := strings.CutPrefix(act, deleteAttempt); ok {
		if a, ok := l.Env.Store.Attempt(id); ok {
			l.remove(ctx, a)
		}
		return
	}
	if id, ok := strings.CutPrefix(act, toggleAttempt); ok {
		if l.open == id {
			l.open = ""
		} else {
			l.open = id
		}
		ctx.Defer(func(app.Context) { focusElement(attemptRowID(id)) })
	}
}

func attemptMeta(a store.Attempt) string {
	parts := []string{"score " + strconv.Itoa(a.Score), localTime(a.SavedAt).Format("2 Jan 2006, 15:04"), clock(time.Duration(a.Seconds) * time.Second)}
	if a.Grade != "" {
		parts = append(parts, "felt "+a.Grade)
	}
	return strings.Join(parts, " · ")
}

func (l *attemptList) remove(ctx app.Context, a store.Attempt) {
	if err := l.Env.Store.DeleteAttempt(a.ID); err != nil {
		l.message = err.Error()
		return
	}
	l.deleted, l.message = &a, ""
	ctx.NewAction(actionDataChanged)
}

func (l *attemptList) undo(ctx app.Context, e app.Event) {
	if l.deleted == nil {
		return
	}
	if err := l.Env.Store.SaveAttempt(*l.deleted); err != nil {
		l.message = "The attempt could not be restored: " + err.Error()
		return
	}
	l.deleted, l.message = nil, "Attempt restored."
	ctx.NewAction(actionDataChanged)
}

// detail shows a saved answer and its report, recomputed by the feedback
// engine, as a piece of HTML (see html.go); its Delete button is heard by
// click, as the rows are.
func (l *attemptList) detail(a store.Attempt) string {
	in := star.Input{Answer: a.Answer}
	b := l.Env.questions()
	if q, ok := b.Question(a.QuestionID); ok {
		in.Rubric = q.Rubric()
	}
	if a.Fields != nil {
		f := starFields(*a.Fields)
		in.Fields = &f
	}
	report, ok := analyze(in)
	text := a.Answer
	if in.Fields != nil {
		text = star.Join(*in.Fields)
	}
	var h strings.Builder
	h.WriteString(`<div class="attempt-detail stack"><h3>Your answer</h3><div class="answer-text">` + paragraphsHTML(text) + `</div>`)
	switch {
	case !ok:
		h.WriteString(`<p class="notice warn">No feedback for this answer: stardrill's feedback engine failed on something in it. The answer is kept as it was saved.</p>`)
	case report.Score != a.Score:
		h.WriteString(`<p class="small muted">Scored ` + strconv.Itoa(a.Score) + ` when saved; today's feedback engine gives it ` + strconv.Itoa(report.Score) + `.</p>`)
	}
	if ok {
		h.WriteString(reportHTML(report, text))
	}
	h.WriteString(`<div class="row"><a class="button" href="` + escapeHTML(link("/?q="+a.QuestionID)) + `">Practise again</a>` +
		`<button type="button" class="danger" data-act="` + escapeHTML(deleteAttempt+a.ID) + `">Delete attempt</button></div></div>`)
	return h.String()
}
