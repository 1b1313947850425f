package ui

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"stardrill/app/bank"
	"stardrill/app/star"
	"stardrill/app/store"
)

// Delays that keep typing smooth: feedback waits for a pause in typing, and
// drafts are written a little after that.
const (
	feedbackDelay = 150 * time.Millisecond
	draftDelay    = 600 * time.Millisecond
)

// Grades a person gives their own attempt, as keys 1 to 4 choose them.
var grades = []option{{"again", "1 Again"}, {"hard", "2 Hard"}, {"good", "3 Good"}, {"easy", "4 Easy"}}

// DrillPage is where a person answers a question under a timer and gets
// feedback as they write.
type DrillPage struct {
	app.Compo
	Env *Env

	q        bank.Question
	has      bool   // a question is chosen
	phrasing string // the wording shown, one of q's phrasings
	pickComp string
	missing  bool // the address names a question there is not

	mode   string // "free" or "guided"
	answer string
	fields store.Fields
	// The boxes that free text was joined from, and that text: back in
	// guided mode with the text unchanged, the boxes come back as they were.
	joinedFrom store.Fields
	joined     string

	// Timer: elapsed is the time counted before runningSince; while
	// running, the time since runningSince is added.
	elapsed      time.Duration
	running      bool
	runningSince time.Time
	startedAt    time.Time
	targetPassed bool
	tickGen      int

	report       star.Report
	reportFailed bool // the feedback engine failed on this answer
	full         bool // the whole report is open
	grade        string
	showModels   bool

	editGen   int // counts edits, to debounce feedback and drafts
	saved     *store.Attempt
	saveError string
	draftNote string

	onKey  app.Func
	onHide app.Func
}

// OnInit reads the question from the address before the first render, so
// the running app never flashes the picker over a prerendered drill.
func (p *DrillPage) OnInit() {
	if app.IsClient {
		p.fromURL(app.Window().URL())
	}
}

// OnNav follows the address. go-app renders a page again after each of its
// lifecycle calls; when the address asks for what the page already shows,
// as at start after OnInit, the page skips that render.
func (p *DrillPage) OnNav(ctx app.Context) {
	u := ctx.Page().URL()
	if p.shows(u) {
		ctx.PreventUpdate()
		return
	}
	p.fromURL(u)
}

// shows reports whether the page already shows what the address u asks for.
func (p *DrillPage) shows(u *url.URL) bool {
	query := u.Query()
	if p.has {
		return query.Get("q") == p.q.ID
	}
	id, known := query.Get("q"), false
	if id != "" {
		_, known = p.Env.questions().Question(id)
	}
	return !known && query.Get("competency") == p.pickComp && (id != "") == p.missing
}

func (p *DrillPage) fromURL(u *url.URL) {
	query := u.Query()
	p.pickComp = query.Get("competency")
	p.has = false
	p.missing = false
	// The picker needs no question: only an address that names one has the
	// bank decoded.
	if id := query.Get("q"); id != "" {
		if q, ok := p.Env.questions().Question(id); ok {
			p.start(q)
		} else {
			p.missing = true
		}
	}
}

func (p *DrillPage) OnMount(ctx app.Context) {
	p.onKey = app.FuncOf(func(this app.Value, args []app.Value) any {
		e := args[0]
		if !p.has || p.saved != nil || typingTarget(e.Get("target")) || e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool() || e.Get("altKey").Bool() {
			return nil
		}
		if k := e.Get("key").String(); len(k) == 1 && k >= "1" && k <= "4" {
			ctx.Dispatch(func(ctx app.Context) { p.grade = grades[k[0]-'1'].value })
		}
		return nil
	})
	p.onHide = app.FuncOf(func(this app.Value, args []app.Value) any {
		p.saveDraft()
		return nil
	})
	win := app.Window()
	win.Call("addEventListener", "keydown", p.onKey)
	win.Call("addEventListener", "pagehide", p.onHide)
	win.Get("document").Call("addEventListener", "visibilitychange", p.onHide)
	ctx.PreventUpdate() // nothing shown changed
}

func (p *DrillPage) OnDismount() {
	p.saveDraft()
	win := app.Window()
	if p.onKey != nil {
		win.Call("removeEventListener", "keydown", p.onKey)
		p.onKey.Release()
	}
	if p.onHide != nil {
		win.Call("removeEventListener", "pagehide", p.onHide)
		win.Get("document").Call("removeEventListener", "visibilitychange", p.onHide)
		p.onHide.Release()
	}
}

// typingTarget reports whether a key event comes from a text field, where
// digits are text, not shortcuts.
func typingTarget(t app.Value) bool {
	if !t.Truthy() {
		return false
	}
	switch t.Get("tagName").String() {
	case "TEXTAREA", "SELECT":
		return true
	case "INPUT":
		switch t.Get("type").String() {
		case "radio", "checkbox", "button", "submit", "reset", "file", "range", "color":
			return false
		}
		return true
	}
	return t.Get("isContentEditable").Bool()
}

// start sets up a fresh drill of q, picking up its draft if there is one.
func (p *DrillPage) start(q bank.Question) {
	// Start over, keeping what belongs to the page rather than the drill.
	*p = DrillPage{Compo: p.Compo, Env: p.Env, onKey: p.onKey, onHide: p.onHide, q: q, has: true,
		tickGen: p.tickGen + 1, editGen: p.editGen + 1} // stale timers see a new generation
	set := p.Env.Store.Settings()
	p.mode = set.Mode
	phrasings := q.Phrasings()
	p.phrasing = phrasings[int(p.Env.Random()%uint64(len(phrasings)))]
	if d, ok := p.Env.Store.Draft(q.ID); ok {
		if d.Phrasing != "" {
			p.phrasing = d.Phrasing
		}
		if d.Mode != "" {
			p.mode = d.Mode
		}
		p.answer = d.Answer
		if d.Fields != nil {
			p.fields = *d.Fields
		}
		p.elapsed = time.Duration(d.Seconds) * time.Second
		p.draftNote = "Your draft from " + localTime(d.UpdatedAt).Format("2 Jan 15:04") + " is back."
	}
	p.analyze()
}

func (p *DrillPage) target() time.Duration {
	return time.Duration(p.Env.Store.Settings().TargetSeconds) * time.Second
}

func (p *DrillPage) elapsedNow() time.Duration {
	if p.running {
		return p.elapsed + p.Env.Now().Sub(p.runningSince)
	}
	return p.elapsed
}

func (p *DrillPage) Render() app.UI {
	if !p.has {
		return frame(p.Env, "/", p.renderPicker())
	}
	return frame(p.Env, "/",
		app.Elem("p").Class("small").Body(
			app.Elem("a").Attr("href", link("/questions/"+p.q.ID)).Text(p.Env.competencyName(p.q.Competency)),
			app.Text(" · "),
			app.Elem("a").Attr("href", link("/")).Text("Choose another question"),
		),
		app.Elem("h1").Class("question").Text(p.phrasing),
		app.If(p.draftNote != "", func() app.UI {
			return app.Elem("div").Class("notice info small").Role("status").Text(p.draftNote)
		}),
		app.Elem("div").Class("drill").Body(
			app.Elem("div").Class("drill-main").Body(
				p.renderTimer(),
				p.renderModes(),
				p.renderEditor(),
				p.renderActions(),
				app.If(p.saveError != "", func() app.UI {
					return app.Elem("div").Class("notice bad").Role("alert").Text(p.saveError)
				}),
			),
			app.Elem("aside").Class("drill-side").Attr("aria-label", "Feedback").Body(
				p.renderLive(),
			),
		),
		app.If(p.full, func() app.UI {
			if p.reportFailed {
				return app.Elem("p").Class("notice warn").Text(noFeedback)
			}
			return reportView(p.report, p.text())
		}),
		p.renderModels(),
	)
}

// renderPicker offers the ways to choose a question.
//
// Its fixed part is one piece of HTML (pickerHTML): it is the first thing
// most visits show, and go-app builds a page one element, attribute and text
// at a time, each a call from Go into the browser (and code the browser
// compiles on its first run), where the browser parses a piece of HTML at
// once. Its controls are heard where their events bubble to: a change of the
// competency list, and clicks on the buttons marked data-act.
func (p *DrillPage) renderPicker() app.UI {
	drafts := p.Env.Store.Drafts()
	return app.Elem("div").OnChange(p.pickerChange).OnClick(p.pickerClick).Body(
		app.Raw(pickerHTML(p.Env.pickOptions(), p.pickComp, p.missing)),
		p.renderDue(),
		app.If(len(drafts) > 0, func() app.UI {
			b := p.Env.questions()
			var h strings.Builder
			for _, d := range drafts {
				if q, ok := b.Question(d.QuestionID); ok {
					h.WriteString(`<li>` + linkHTML("/?q="+q.ID, q.Text) +
						`<span class="small muted"> · ` + escapeHTML(localTime(d.UpdatedAt).Format("2 Jan 15:04")) + `</span></li>`)
				}
			}
			return app.Raw(cardHTML("Continue a draft", `<ul class="list-plain question-list">`+h.String()+`</ul>`))
		}),
	)
}

// pickerHTML is the fixed part of the picker: the page's heading and
// introduction, the competency list (see selectHTML) with its Start and
// Surprise me buttons, and the way to the question search. missing says
// that the address named a question there is not.
func pickerHTML(opts []option, chosen string, missing bool) string {
	note := ""
	if missing {
		note = `<p class="notice warn" role="status">There is no such question here: it may have been one of your own that you deleted. Choose another below.</p>`
	}
	return `<div><h1>Drill</h1>` + note +
		`<p class="lead">Answer a behavioral question the way you would in an interview: out loud or in writing, in about two minutes, as a story with a Situation, a Task, your Actions and a Result. stardrill shows what is working as you write.</p>` +
		`<div class="grid-2"><section class="card stack" aria-labelledby="pick-heading"><h2 id="pick-heading">Pick a competency</h2>` +
		`<div><label for="pick-competency">Competency</label>` + selectHTML("pick-competency", opts, chosen) + `</div>` +
		`<div class="row"><button type="button" class="primary" data-act="start">Start</button><button type="button" data-act="surprise">Surprise me</button></div></section>` +
		`<section class="card stack" aria-labelledby="choose-heading"><h2 id="choose-heading">Choose a question</h2>` +
		`<p class="muted">Search the whole bank by any words you remember, then press Practice.</p>` +
		`<a class="button" href="` + escapeHTML(link("/questions?focus=search")) + `">Search questions</a></section></div></div>`
}

// pickerChange keeps the competency chosen in the list, so that a later
// render writes the same list. It does not render for it: the list shows
// the choice already, and new HTML would replace the list under the person.
func (p *DrillPage) pickerChange(ctx app.Context, e app.Event) {
	if e.Get("target").Get("id").String() == "pick-competency" {
		p.pickComp = e.Get("target").Get("value").String()
	}
	ctx.PreventUpdate()
}

// pickerClick acts on the picker's Start and Surprise me buttons.
func (p *DrillPage) pickerClick(ctx app.Context, e app.Event) {
	switch clickedAction(e) {
	case "start":
		// The list holds the choice, even one the browser restored
		// without a change event.
		comp := app.Window().GetElementByID("pick-competency").Get("value").String()
		b := p.Env.questions()
		if len(b.InCompetency(comp)) == 0 {
			comp = b.Competencies()[0].ID
		}
		p.surprise(ctx, b.InCompetency(comp))
	case "surprise":
		p.surprise(ctx, p.Env.questions().Questions())
	default:
		ctx.PreventUpdate()
	}
}

// surprise opens a question from qs: the one most overdue for practice if
// any is due, else one never tried, else any.
func (p *DrillPage) surprise(ctx app.Context, qs []bank.Question) {
	if len(qs) == 0 {
		return
	}
	in := map[string]bool{}
	for _, q := range qs {
		in[q.ID] = true
	}
	for _, d := range p.Env.due() {
		if in[d.QuestionID] && d.QuestionID != p.q.ID {
			ctx.Navigate(link("/?q=" + d.QuestionID))
			return
		}
	}
	tried := map[string]bool{}
	for _, a := range p.Env.Store.Attempts() {
		tried[a.QuestionID] = true
	}
	var fresh []bank.Question
	for _, q := range qs {
		if !tried[q.ID] {
			fresh = append(fresh, q)
		}
	}
	if len(fresh) > 0 {
		qs = fresh
	}
	q := qs[int(p.Env.Random()%uint64(len(qs)))]
	ctx.Navigate(link("/?q=" + q.ID))
}

// maxDue is how many due questions the picker lists.
const maxDue = 5

// renderDue lists the questions due for practice, from how past attempts
// felt: the harder it felt, the sooner it comes back.
func (p *DrillPage) renderDue() app.UI {
	due := p.Env.due()
	if len(due) == 0 {
		return nil
	}
	b := p.Env.questions()
	if len(due) > maxDue {
		due = due[:maxDue]
	}
	var h strings.Builder
	for _, d := range due {
		if q, ok := b.Question(d.QuestionID); ok {
			h.WriteString(`<li>` + linkHTML("/?q="+q.ID, q.Text) + `</li>`)
		}
	}
	return app.Raw(cardHTML("Due for practice", `<p class="muted small">Questions come back sooner when an attempt felt hard, and later when it felt easy.</p>`+
		`<ul class="list-plain question-list">`+h.String()+`</ul>`))
}

func (p *DrillPage) renderTimer() app.UI {
	el := p.elapsedNow()
	target := p.target()
	state := "Not started"
	switch {
	case p.running:
		state = "Running"
	case el > 0:
		state = "Paused"
	}
	cls := "timer"
	if el >= target {
		cls += " over"
	}
	return app.Elem("div").Class(cls).Role("group").Attr("aria-label", "Timer").Body(
		app.Elem("div").Class("timer-face").Body(
			app.Elem("span").Class("timer-time").Attr("aria-hidden", "true").Text(clock(el)),
			app.Elem("span").Class("timer-target small muted").Text(" of "+clock(target)+" target"),
			app.Elem("span").Class("visually-hidden").Text(fmt.Sprintf("%s: %s of %s", state, spoken(el), spoken(target))),
		),
		progressBar(int(min(el, target)/time.Second), int(target/time.Second)).Attr("aria-label", "Time toward target"),
		app.Elem("div").Class("row").Body(
			app.If(p.running, func() app.UI {
				return app.Elem("button").Text("Pause").OnClick(func(ctx app.Context, e app.Event) { p.pause() })
			}).Else(func() app.UI {
				label := "Start timer"
				if el > 0 {
					label = "Resume timer"
				}
				return app.Elem("button").Text(label).OnClick(func(ctx app.Context, e app.Event) { p.run(ctx) })
			}),
			app.Elem("button").Class("quiet").Text("Reset timer").Attr("disabled", el == 0 && !p.running).OnClick(func(ctx app.Context, e app.Event) {
				p.running, p.elapsed, p.targetPassed = false, 0, false
				p.tickGen++
			}),
		),
		app.Elem("div").Class("visually-hidden").Attr("aria-live", "polite").Text(p.targetNote()),
		app.If(p.targetPassed, func() app.UI {
			return app.Elem("p").Class("timer-note small").Attr("aria-hidden", "true").Text(p.targetNote())
		}),
	)
}

func (p *DrillPage) targetNote() string {
	if !p.targetPassed {
		return ""
	}
	return "Target time reached. Bring your answer to its result."
}

func (p *DrillPage) run(ctx app.Context) {
	if p.running {
		return
	}
	if p.startedAt.IsZero() {
		p.startedAt = p.Env.Now()
	}
	p.running, p.runningSince = true, p.Env.Now()
	p.tickGen++
	p.tick(ctx, p.tickGen)
}

func (p *DrillPage) pause() {
	if !p.running {
		return
	}
	p.elapsed = p.elapsedNow()
	p.running = false
	p.tickGen++
}

// tick redraws the timer every second while it runs.
func (p *DrillPage) tick(ctx app.Context, gen int) {
	ctx.After(time.Second, func(ctx app.Context) {
		if gen != p.tickGen || !p.running {
			return
		}
		if !p.targetPassed && p.elapsedNow() >= p.target() {
			p.targetPassed = true
		}
		p.tick(ctx, gen)
	})
}

// clock formats a duration as m:ss.
func clock(d time.Duration) string {
	s := int(d / time.Second)
	return fmt.Sprintf("%d:%02d", s/60, s%60)
}

// spoken formats a duration for screen readers.
func spoken(d time.Duration) string {
	s := int(d / time.Second)
	m, s := s/60, s%60
	switch {
	case m == 0:
		return plural(s, "second")
	case s == 0:
		return plural(m, "minute")
	}
	return plural(m, "minute") + " " + plural(s, "second")
}

func (p *DrillPage) renderModes() app.UI {
	return app.Elem("div").Class("modes row").Role("group").Attr("aria-label", "Answer mode").Body(
		app.Elem("button").Text("Free text").Attr("aria-pressed", strconv.FormatBool(p.mode != "guided")).OnClick(func(ctx app.Context, e app.Event) { p.switchMode("free") }),
		app.Elem("button").Text("Guided STAR").Attr("aria-pressed", strconv.FormatBool(p.mode == "guided")).OnClick(func(ctx app.Context, e app.Event) { p.switchMode("guided") }),
	)
}

// switchMode changes between free text and the four STAR boxes without
// losing a word: the boxes join into free text, and free text goes into the
// boxes sentence by sentence, by the part the feedback engine reads in each
// (as the boxes were, when the text is the one they were joined into).
func (p *DrillPage) switchMode(mode string) {
	if mode == p.mode {
		return
	}
	if mode == "guided" {
		if p.fields == (store.Fields{}) && strings.TrimSpace(p.answer) != "" {
			p.fields = p.split(p.answer)
		}
	} else if joined := star.Join(p.starFields()); joined != "" {
		p.joinedFrom, p.joined = p.fields, joined
		p.answer = joined
		p.fields = store.Fields{}
	}
	p.mode = mode
	p.analyze()
	p.saveDraft()
}

// split divides free text into the four boxes (see switchMode). It reads
// the text afresh: the report on screen may be a pause of typing behind.
func (p *DrillPage) split(text string) store.Fields {
	if text == p.joined {
		return p.joinedFrom
	}
	r, ok := analyze(star.Input{Answer: text})
	if !ok {
		return store.Fields{Situation: text}
	}
	f := star.Split(text, r.Sentences)
	return store.Fields{Situation: f.Situation, Task: f.Task, Action: f.Action, Result: f.Result}
}

// guidedBoxes describes the four boxes of guided mode.
var guidedBoxes = []struct{ id, label, prompt string }{
	{"situation", "Situation", "Where and when was this? Set the scene in a sentence or two."},
	{"task", "Task", "What were you responsible for, or what had to be solved?"},
	{"action", "Action", "What did you do, step by step? Say “I”, not only “we”."},
	{"result", "Result", "What changed because of it? A number helps. What did you learn?"},
}

func (p *DrillPage) field(id string) *string {
	switch id {
	case "situation":
		return &p.fields.Situation
	case "task":
		return &p.fields.Task
	case "action":
		return &p.fields.Action
	}
	return &p.fields.Result
}

func (p *DrillPage) renderEditor() app.UI {
	if p.mode != "guided" {
		return app.Elem("div").Class("editor").Body(
			app.Elem("label").Attr("for", "answer").Text("Your answer"),
			app.Elem("textarea").ID("answer").Attr("rows", 12).Attr("value", p.answer).
				Attr("placeholder", "Start with where and when, say what you had to do and what you did, and finish with the result.").
				Attr("aria-describedby", "answer-count").
				OnInput(func(ctx app.Context, e app.Event) {
					p.answer = ctx.JSSrc().Get("value").String()
					p.edited(ctx)
				}),
			app.Elem("p").ID("answer-count").Class("hint").Text(wordCount(p.answer)),
		)
	}
	return app.Elem("div").Class("editor guided").Body(
		app.Range(guidedBoxes).Slice(func(i int) app.UI {
			box := guidedBoxes[i]
			val := *p.field(box.id)
			return app.Elem("div").Class("guided-box part-"+box.id).Body(
				app.Elem("label").Attr("for", "field-"+box.id).Text(box.label),
				app.Elem("p").ID("prompt-"+box.id).Class("hint").Text(box.prompt),
				app.Elem("textarea").ID("field-"+box.id).Attr("rows", 4).Attr("value", val).
					Attr("aria-describedby", "prompt-"+box.id+" count-"+box.id).
					OnInput(func(ctx app.Context, e app.Event) {
						*p.field(box.id) = ctx.JSSrc().Get("value").String()
						p.edited(ctx)
					}),
				app.Elem("p").ID("count-"+box.id).Class("hint").Text(wordCount(val)),
			)
		}),
	)
}

// wordCount describes the length of text in words and speaking time. A
// word holds at least one letter or digit, so emoji and dashes do not count.
func wordCount(text string) string {
	n := 0
	for _, f := range strings.Fields(text) {
		if strings.IndexFunc(f, func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) }) >= 0 {
			n++
		}
	}
	secs := n * 60 / 150
	return fmt.Sprintf("%s · about %s spoken", plural(n, "word"), spoken(time.Duration(secs)*time.Second))
}

// edited runs after every keystroke: it starts the timer on the first one,
// and schedules feedback and the draft for when typing pauses.
func (p *DrillPage) edited(ctx app.Context) {
	p.draftNote = ""
	p.saved = nil
	if !p.running && p.elapsed == 0 {
		p.run(ctx)
	}
	p.editGen++
	gen := p.editGen
	ctx.After(feedbackDelay, func(ctx app.Context) {
		if gen == p.editGen {
			p.analyze()
		}
	})
	ctx.After(draftDelay, func(ctx app.Context) {
		if gen == p.editGen {
			p.saveDraft()
		}
	})
	ctx.PreventUpdate()
}

func (p *DrillPage) starFields() star.Fields { return starFields(p.fields) }

// starFields turns the guided boxes as stored into what the engine reads.
func starFields(f store.Fields) star.Fields {
	return star.Fields{Situation: f.Situation, Task: f.Task, Action: f.Action, Result: f.Result}
}

// guidedFields returns a copy of the four boxes to save with a draft or an
// attempt, or nil in free-text mode.
func (p *DrillPage) guidedFields() *store.Fields {
	if p.mode != "guided" {
		return nil
	}
	f := p.fields
	return &f
}

// text is the answer as the feedback engine reads it.
func (p *DrillPage) text() string {
	if p.mode == "guided" {
		return star.Join(p.starFields())
	}
	return p.answer
}

func (p *DrillPage) analyze() {
	in := star.Input{Answer: p.answer, Rubric: p.q.Rubric()}
	if p.mode == "guided" {
		f := p.starFields()
		in.Fields = &f
	}
	var ok bool
	p.report, ok = analyze(in)
	p.reportFailed = !ok
}

// saveDraft keeps the unfinished answer, so that a reload or a crash loses
// nothing. A failure is shown; the text stays on screen.
func (p *DrillPage) saveDraft() {
	if !p.has || p.saved != nil {
		return
	}
	if strings.TrimSpace(p.text()) == "" {
		if _, ok := p.Env.Store.Draft(p.q.ID); ok {
			p.Env.Store.DeleteDraft(p.q.ID)
		}
		return
	}
	d := store.Draft{QuestionID: p.q.ID, Phrasing: p.phrasing, Mode: p.mode, Answer: p.answer, Fields: p.guidedFields(),
		Seconds: int(p.elapsedNow() / time.Second), UpdatedAt: p.Env.Now()}
	if err := p.Env.Store.SaveDraft(d); err != nil {
		p.saveError = "Your draft could not be saved: " + err.Error()
		return
	}
	if strings.HasPrefix(p.saveError, "Your draft") {
		p.saveError = ""
	}
}

func (p *DrillPage) renderActions() app.UI {
	if p.saved != nil {
		return app.Elem("div").Class("notice good stack").Role("status").Body(
			app.Elem("p").Text(fmt.Sprintf("Attempt saved with a score of %d. It is in Progress.", p.saved.Score)),
			app.Elem("div").Class("row").Body(
				app.Elem("button").Class("primary").Text("Answer again").OnClick(func(ctx app.Context, e app.Event) {
					p.start(p.q)
				}),
				app.Elem("button").Text("Next question").OnClick(func(ctx app.Context, e app.Event) {
					b := p.Env.questions()
					p.surprise(ctx, b.Questions())
				}),
				app.Elem("a").Class("button quiet").Attr("href", link("/progress")).Text("See progress"),
			),
		)
	}
	return app.Elem("div").Class("stack").Body(
		radioGroup("grades", "grade", "How did that feel? (keys 1–4)", grades, p.grade, func(v string) { p.grade = v }),
		app.Elem("div").Class("row").Body(
			app.Elem("button").Text(feedbackLabel(p.full)).
				Attr("aria-expanded", strconv.FormatBool(p.full)).
				OnClick(func(ctx app.Context, e app.Event) {
					if p.needText() {
						return
					}
					p.analyze()
					p.full = !p.full
				}),
			app.Elem("button").Class("primary").Text("Save attempt").OnClick(p.saveAttempt),
		),
	)
}

// needText reports whether there is no answer yet, and then says so.
// (The buttons stay enabled while typing, because the page does not
// re-render on every keystroke.)
func (p *DrillPage) needText() bool {
	if strings.TrimSpace(p.text()) != "" {
		if p.saveError == noAnswer {
			p.saveError = ""
		}
		return false
	}
	p.saveError = noAnswer
	return true
}

const noAnswer = "Write your answer first: there is nothing to check or save yet."

func (p *DrillPage) saveAttempt(ctx app.Context, e app.Event) {
	if p.needText() {
		return
	}
	p.pause()
	p.analyze()
	a := store.Attempt{
		ID:         p.Env.newID(),
		QuestionID: p.q.ID,
		Phrasing:   p.phrasing,
		Competency: p.q.Competency,
		Mode:       p.mode,
		Answer:     p.text(),
		StartedAt:  p.startedAt,
		SavedAt:    p.Env.Now(),
		Seconds:    int(p.elapsed / time.Second),
		Grade:      p.grade,
		Score:      p.report.Score,
		Engine:     star.Version,
	}
	if a.StartedAt.IsZero() {
		a.StartedAt = a.SavedAt
	}
	a.Fields = p.guidedFields()
	if err := p.Env.Store.SaveAttempt(a); err != nil {
		p.saveError = "Your attempt was not saved: " + err.Error()
		return
	}
	p.saveError = ""
	p.Env.Store.DeleteDraft(p.q.ID)
	p.saved = &a
}

func (p *DrillPage) renderModels() app.UI {
	examples := p.Env.Bank().Examples(p.q.Competency)
	if len(examples) == 0 {
		return nil
	}
	tried := p.saved != nil || len(attemptsAt(p.Env, p.q.ID)) > 0
	if !tried {
		return app.Elem("p").Class("muted small").Text("Example answers for this competency unlock after your first saved attempt, so they do not shape your own story.")
	}
	return region("card", "models-heading").Body(
		app.Elem("h2").ID("models-heading").Text("Example answers"),
		app.If(!p.showModels, func() app.UI {
			return app.Elem("button").Attr("aria-expanded", "false").Text("Show example answers").OnClick(func(ctx app.Context, e app.Event) { p.showModels = true })
		}).Else(func() app.UI {
			// Only read: one piece of HTML (see html.go).
			var h strings.Builder
			h.WriteString(`<div class="stack">`)
			for _, ex := range examples {
				kind, cls := "A weaker answer", "example weak"
				if ex.Strong {
					kind, cls = "A strong answer", "example strong"
				}
				q, _ := p.Env.Bank().Question(ex.QuestionID) // examples answer built-in questions
				h.WriteString(`<article class="` + cls + `"><h3>` + escapeHTML(kind+" to: "+q.Text) + `</h3><div class="example-answer">` +
					paragraphsHTML(ex.Answer) + `</div><p><span class="why-label">Why: </span>` + escapeHTML(ex.Why) + `</p></article>`)
			}
			h.WriteString(`</div>`)
			return app.Raw(h.String())
		}),
	)
}

// paragraphsHTML is text split on blank lines into paragraphs, escaped.
func paragraphsHTML(text string) string {
	var h strings.Builder
	for _, para := range strings.Split(text, "\n\n") {
		if strings.TrimSpace(para) != "" {
			h.WriteString(`<p>` + escapeHTML(para) + `</p>`)
		}
	}
	return h.String()
}

// feedbackLabel names the button that shows or hides the full report.
func feedbackLabel(shown bool) string {
	if shown {
		return "Hide full feedback"
	}
	return "Get feedback"
}
