package ui

import (
	"fmt"
	"net/url"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"stardrill/app/bank"
	"stardrill/app/search"
	"stardrill/app/store"
)

// searchLimit is the most results the search list shows: enough to scan,
// few enough to redraw on every keystroke.
const searchLimit = 20

// QuestionsPage lists the question bank by competency, searches it as the
// user types, and lets the user add questions of their own.
type QuestionsPage struct {
	app.Compo
	Env *Env

	query   string
	comp    string // competency filter, "" for all
	level   string // level filter, "" for any
	session *search.Session
	results []search.Result

	expanded map[string]bool // competencies shown in full

	newText  string
	newComp  string
	addError string
	added    string
}

// OnInit applies the address's filters before the first render.
func (p *QuestionsPage) OnInit() {
	if app.IsClient {
		p.fromURL(app.Window().URL())
	}
}

// OnNav follows the address, and skips the render go-app does after it when
// the filters are those shown (as at start, after OnInit).
func (p *QuestionsPage) OnNav(ctx app.Context) {
	u := ctx.Page().URL()
	comp, query := p.comp, p.query
	p.fromURL(u)
	if p.comp == comp && p.query == query {
		ctx.PreventUpdate()
	}
	if u.Query().Get("focus") == "search" {
		ctx.Defer(func(app.Context) { focusElement("search") })
	}
}

func (p *QuestionsPage) fromURL(u *url.URL) {
	p.comp = u.Query().Get("competency")
	if q := u.Query().Get("q"); q != "" {
		p.setQuery(q)
	}
}

func (p *QuestionsPage) setQuery(q string) {
	p.query = q
	if strings.TrimSpace(q) == "" {
		p.results = nil
		return
	}
	if p.session == nil {
		p.session = p.Env.searchIndex().Session()
	}
	p.results = p.session.Find(q, searchLimit)
}

func (p *QuestionsPage) Render() app.UI {
	b := p.Env.questions()
	comps := b.Competencies()
	return frame(p.Env, "/questions",
		app.Elem("h1").Text("Questions"),
		app.Elem("p").Class("muted").Text(strconv.Itoa(len(b.Questions()))+" questions across "+strconv.Itoa(len(comps))+
			" competencies. Open one to see what interviewers look for, then practise it."),
		app.Elem("div").Class("card stack").Body(
			app.Elem("div").Body(
				app.Elem("label").Attr("for", "search").Text("Search questions"),
				app.ElemSelfClosing("input").Attr("type", "search").ID("search").
					Attr("placeholder", "e.g. mistake, conflict").
					Attr("autocomplete", "off").Spellcheck(false).
					Attr("value", p.query).
					Attr("aria-describedby", "search-hint").
					OnInput(p.onSearch).
					OnFocus(p.prepareSearch).
					OnKeyDown(p.onSearchKey),
				app.Elem("p").ID("search-hint").Class("hint").Text("Press / anywhere to search, ↓ to move through results, Enter to open, Escape to clear."),
			),
			app.Elem("div").Class("grid-2").Body(
				p.filter("filter-competency", "Competency", p.comp, competencyOptions(b.Summary()), func(v string) { p.comp = v }),
				p.filter("filter-level", "Level", p.level, []option{
					{"", "Any level"}, {"entry", "Entry level"}, {"experienced", "Experienced"}, {"manager", "People manager"},
				}, func(v string) { p.level = v }),
			),
		),
		app.Elem("div").Attr("aria-live", "polite").Class("visually-hidden").Text(p.resultsSummary()),
		app.If(strings.TrimSpace(p.query) != "", func() app.UI {
			return p.renderResults(b)
		}).Else(func() app.UI {
			return p.renderList(b)
		}),
		p.renderAdd(comps),
	)
}

// option is one choice of a select element.
type option struct{ value, label string }

// competencyOptions offers "All competencies" then each competency of s
// with its number of questions.
func competencyOptions(s bank.Summary) []option {
	opts := []option{{"", "All competencies"}}
	for i, c := range s.Competencies {
		opts = append(opts, option{c.ID, c.Name + " (" + strconv.Itoa(s.Counts[i]) + ")"})
	}
	return opts
}

func (p *QuestionsPage) filter(id, label, value string, opts []option, set func(string)) app.UI {
	return app.Elem("div").Body(
		app.Elem("label").Attr("for", id).Text(label),
		selectBox(id, value, opts, func(ctx app.Context, v string) { set(v) }),
	)
}

// radioGroup renders radio buttons named name, one for each option, under a
// visible label that names the group; choose gets the value picked. The
// buttons' IDs are name-value.
func radioGroup(class, name, label string, opts []option, checked string, choose func(string)) app.UI {
	return app.Elem("div").Class(class).Role("radiogroup").Attr("aria-labelledby", name+"-label").Body(
		app.Elem("p").ID(name+"-label").Class("group-label").Text(label),
		app.Elem("div").Class("choices").Body(
			app.Range(opts).Slice(func(i int) app.UI {
				o := opts[i]
				id := name + "-" + o.value
				return app.Elem("div").Class("choice").Body(
					app.ElemSelfClosing("input").Attr("type", "radio").Attr("name", name).ID(id).Attr("value", o.value).Attr("checked", checked == o.value).
						OnChange(func(ctx app.Context, e app.Event) { choose(o.value) }),
					app.Elem("label").Attr("for", id).Text(o.label),
				)
			}),
		),
	)
}

// selectBox renders a select element whose change calls onChange.
func selectBox(id, value string, opts []option, onChange func(app.Context, string)) app.UI {
	return app.Elem("select").ID(id).OnChange(func(ctx app.Context, e app.Event) {
		onChange(ctx, ctx.JSSrc().Get("value").String())
	}).Body(
		app.Range(opts).Slice(func(i int) app.UI {
			// The label attribute names the option without a text node:
			// half the nodes for the browser to build at start.
			return app.Elem("option").Attr("value", opts[i].value).Attr("selected", opts[i].value == value).Attr("label", opts[i].label)
		}),
	)
}

// prepareSearch builds the search index when the search box gets focus, so
// that the first keystroke does not wait for it.
func (p *QuestionsPage) prepareSearch(ctx app.Context, e app.Event) {
	if p.session == nil {
		p.session = p.Env.searchIndex().Session()
	}
	ctx.PreventUpdate()
}

func (p *QuestionsPage) onSearch(ctx app.Context, e app.Event) {
	p.setQuery(ctx.JSSrc().Get("value").String())
}

func (p *QuestionsPage) onSearchKey(ctx app.Context, e app.Event) {
	switch e.Get("key").String() {
	case "Escape":
		p.setQuery("")
	case "ArrowDown":
		e.PreventDefault()
		focusResult(0)
	}
}

// onResultKey moves focus through the results with the arrow keys.
func (p *QuestionsPage) onResultKey(i int) app.EventHandler {
	return func(ctx app.Context, e app.Event) {
		switch e.Get("key").String() {
		case "ArrowDown":
			e.PreventDefault()
			focusResult(i + 1)
		case "ArrowUp":
			e.PreventDefault()
			if i == 0 {
				focusElement("search")
			} else {
				focusResult(i - 1)
			}
		case "Escape":
			p.setQuery("")
			focusElement("search")
		}
	}
}

func focusResult(i int) { focusElement("result-" + strconv.Itoa(i)) }

// visible reports whether q passes the competency and level filters.
func (p *QuestionsPage) visible(q bank.Question) bool {
	if p.comp != "" && q.Competency != p.comp {
		return false
	}
	if p.level == "" {
		return true
	}
	for _, l := range q.Levels {
		if string(l) == p.level {
			return true
		}
	}
	return q.Source == bank.Mine
}

func (p *QuestionsPage) shownResults(b *bank.Bank) []search.Result {
	var out []search.Result
	for _, r := range p.results {
		if q, ok := b.Question(r.QuestionID); ok && p.visible(q) {
			out = append(out, r)
		}
	}
	return out
}

func (p *QuestionsPage) resultsSummary() string {
	if strings.TrimSpace(p.query) == "" {
		return ""
	}
	b := p.Env.questions()
	n := len(p.shownResults(b))
	switch n {
	case 0:
		return "No questions match."
	case 1:
		return "1 question matches."
	}
	return strconv.Itoa(n) + " questions match."
}

func (p *QuestionsPage) renderResults(b *bank.Bank) app.UI {
	results := p.shownResults(b)
	if len(results) == 0 {
		return app.Elem("div").Class("card").Body(
			app.Elem("p").Text(fmt.Sprintf("No question matches “%s”.", strings.TrimSpace(p.query))),
			app.Elem("p").Body(
				app.Text("Try fewer words, or browse a competency such as "),
				app.Elem("a").Attr("href", link("/questions?competency="+suggestCompetency(b, p.query))).Text(p.Env.competencyName(suggestCompetency(b, p.query))),
				app.Text("."),
			),
		)
	}
	return app.Elem("ol").Class("list-plain results").Attr("aria-label", "Search results").Body(
		app.Range(results).Slice(func(i int) app.UI {
			r := results[i]
			q, _ := b.Question(r.QuestionID)
			return app.Elem("li").Class("result").Body(
				app.Elem("a").ID("result-"+strconv.Itoa(i)).Class("result-link").Attr("href", link("/questions/"+q.ID)).
					OnKeyDown(p.onResultKey(i)).Body(
					app.Elem("span").Class("result-text").Body(highlight(r.Text, r.Matched)...),
					app.If(r.Kind != search.Canonical, func() app.UI {
						return app.Elem("span").Class("result-canonical small muted").Text(q.Text)
					}),
					app.Elem("span").Class("small muted").Text(p.Env.competencyName(q.Competency)),
				),
			)
		}),
	)
}

// highlight renders text with the matched characters in mark elements. The
// text is always rendered as text, never parsed as HTML.
func highlight(text string, matched []int) []app.UI {
	segs := search.Segments(text, matched)
	out := make([]app.UI, 0, len(segs))
	for _, s := range segs {
		if s.Matched {
			out = append(out, app.Elem("span").Class("hit").Text(s.Text))
		} else {
			out = append(out, app.Text(s.Text))
		}
	}
	return out
}

// suggestCompetency picks the competency whose name best matches the query,
// or the first competency when none does.
func suggestCompetency(b *bank.Bank, query string) string {
	comps := b.Competencies()
	var entries []search.Entry
	for _, c := range comps {
		entries = append(entries, search.Entry{QuestionID: c.ID, Text: c.Name + " " + c.About})
	}
	if r := search.New(entries).Find(query, 1); len(r) > 0 {
		return r[0].QuestionID
	}
	for _, c := range comps {
		if c.ID == "mistakes" {
			return c.ID
		}
	}
	return comps[0].ID
}

// renderList lists the bank by competency, each competency in a card that
// starts with its first few questions, so the page stays short and quick;
// its "Show all" button shows the rest.
//
// The list is one piece of HTML (see html.go), its buttons heard where their
// clicks bubble to: it is the bulk of the page, some six hundred nodes that
// go-app built one call at a time, with code the browser compiled on the
// first visit. A change of filter or a card shown in full writes it anew.
func (p *QuestionsPage) renderList(b *bank.Bank) app.UI {
	var h strings.Builder
	h.WriteString(`<div>`)
	for _, c := range b.Competencies() {
		if p.comp != "" && c.ID != p.comp {
			continue
		}
		var qs []bank.Question
		for _, q := range b.InCompetency(c.ID) {
			if p.visible(q) {
				qs = append(qs, q)
			}
		}
		if len(qs) == 0 {
			continue
		}
		all := len(qs)
		full := p.comp != "" || p.expanded[c.ID] || all <= previewQuestions+1
		if !full {
			qs = qs[:previewQuestions]
		}
		id := escapeHTML("c-" + c.ID)
		h.WriteString(`<section class="card competency" aria-labelledby="` + id + `"><h2 id="` + id + `">` +
			escapeHTML(c.Name) + ` <span class="tag">` + strconv.Itoa(all) + `</span></h2>` +
			`<p class="muted small">` + escapeHTML(c.About) + `</p><ul class="list-plain question-list">`)
		for _, q := range qs {
			h.WriteString(`<li>` + linkHTML("/questions/"+q.ID, q.Text) +
				`<span class="levels">` + levelTagsHTML(q) + `</span></li>`)
		}
		h.WriteString(`</ul>`)
		if !full {
			h.WriteString(`<button type="button" class="quiet show-all" aria-expanded="false" data-act="` + escapeHTML(showAll+c.ID) + `">` +
				`Show all ` + strconv.Itoa(all) + ` ` + escapeHTML(c.Name) + ` questions</button>`)
		}
		h.WriteString(`</section>`)
	}
	h.WriteString(`</div>`)
	return app.Elem("div").OnClick(p.listClick).Body(app.Raw(h.String()))
}

// showAll starts the data-act of a competency's "Show all" button; the
// competency's ID follows.
const showAll = "show-all:"

// listClick shows a competency in full when its "Show all" button is
// clicked, and moves the focus to the first question that was hidden, where
// a keyboard user reads on (the button is gone).
func (p *QuestionsPage) listClick(ctx app.Context, e app.Event) {
	id, ok := strings.CutPrefix(clickedAction(e), showAll)
	if !ok {
		ctx.PreventUpdate()
		return
	}
	if p.expanded == nil {
		p.expanded = map[string]bool{}
	}
	p.expanded[id] = true
	ctx.Defer(func(app.Context) {
		next := app.Window().Get("document").Call("querySelector",
			`[aria-labelledby="c-`+id+`"] li:nth-child(`+strconv.Itoa(previewQuestions+1)+`) a`)
		if next.Truthy() {
			next.Call("focus")
		}
	})
}

// previewQuestions is how many questions each competency shows before
// "Show all".
const previewQuestions = 4

// levelTagsHTML is the levels a question suits, as tags in a piece of HTML
// (see html.go); a question of the user's own is marked "mine".
func levelTagsHTML(q bank.Question) string {
	if q.Source == bank.Mine {
		return `<span class="tag mine">mine</span>`
	}
	var h strings.Builder
	for _, l := range q.Levels {
		h.WriteString(`<span class="tag">` + escapeHTML(levelLabel(l)) + `</span>`)
	}
	return h.String()
}

func levelLabel(l bank.Level) string {
	switch l {
	case bank.Entry:
		return "entry"
	case bank.Manager:
		return "manager"
	}
	return "experienced"
}

func (p *QuestionsPage) renderAdd(comps []bank.Competency) app.UI {
	opts := []option{{"", "Choose a competency"}}
	for _, c := range comps {
		opts = append(opts, option{c.ID, c.Name})
	}
	// A form, so that Enter in the text box adds the question too.
	return app.Elem("form").Class("card stack").Attr("aria-labelledby", "add-heading").OnSubmit(p.add).Body(
		app.Elem("h2").ID("add-heading").Text("Add your own question"),
		app.Elem("p").Class("muted small").Text("Preparing for a question you expect? Add it here. It stays in this browser and you can practise it like any other."),
		app.Elem("div").Body(
			app.Elem("label").Attr("for", "new-question").Text("Your question"),
			app.ElemSelfClosing("input").Attr("type", "text").ID("new-question").Attr("value", p.newText).
				Attr("placeholder", "Tell me about a time you…").
				OnInput(func(ctx app.Context, e app.Event) { p.newText = ctx.JSSrc().Get("value").String() }),
		),
		app.Elem("div").Body(
			app.Elem("label").Attr("for", "new-competency").Text("Competency"),
			selectBox("new-competency", p.newComp, opts, func(ctx app.Context, v string) { p.newComp = v }),
		),
		app.If(p.addError != "", func() app.UI {
			return app.Elem("div").Class("notice bad").Role("alert").Text(p.addError)
		}),
		app.If(p.added != "", func() app.UI {
			return app.Elem("div").Class("notice good").Role("status").Body(
				app.Text("Added. "),
				app.Elem("a").Attr("href", link("/questions/"+p.added)).Text("Open your question"),
			)
		}),
		app.Elem("div").Body(
			app.Elem("button").Attr("type", "submit").Class("primary").Text("Add question"),
		),
	)
}

func (p *QuestionsPage) add(ctx app.Context, e app.Event) {
	e.PreventDefault() // the page stays; the app adds the question
	b := p.Env.questions()
	q := store.Question{ID: bank.CustomPrefix + p.Env.newID(), Competency: p.newComp, Text: strings.TrimSpace(p.newText), CreatedAt: p.Env.Now()}
	if err := b.ValidateCustom(bank.Question{ID: q.ID, Competency: q.Competency, Text: q.Text}); err != nil {
		p.addError, p.added = err.Error(), ""
		return
	}
	if err := p.Env.Store.SaveQuestion(q); err != nil {
		p.addError, p.added = err.Error(), ""
		return
	}
	p.addError, p.added, p.newText = "", q.ID, ""
	p.session = nil
	if p.query != "" {
		p.setQuery(p.query)
	}
}
