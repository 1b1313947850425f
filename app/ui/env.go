package ui

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"stardrill/app/bank"
	"stardrill/app/schedule"
	"stardrill/app/search"
	"stardrill/app/store"
)

// Env is what every page needs: the question bank, the user's saved data and
// the clock. main builds one and hands it to Routes; pages share it.
type Env struct {
	// Bank returns the built-in question bank. The browser decodes it only
	// when a page first needs a question: most first pages need no more
	// than its Summary.
	Bank func() *bank.Bank
	// Summary is the built-in bank's competencies, their sizes and the IDs
	// of its questions, ready at start.
	Summary bank.Summary
	// Store holds the user's data. In the browser it is backed by
	// localStorage; when prerendering it is empty.
	Store *store.Store
	// StoreErr is set when the browser's storage could not be opened at all
	// (for example when the browser blocks it); Store is then in memory only.
	StoreErr error
	// Now and Random are the clock and a source of random numbers.
	Now    func() time.Time
	Random func() uint64

	// Derived from Bank and the user's own questions; see questions().
	custom    []store.Question
	all       *bank.Bank
	index     *search.Index
	customErr error

	// Moves between pages, for afterNav.
	navigated bool    // a page was shown
	traversed bool    // the move under way is back or forward in the history
	restoreY  float64 // where that move's page was scrolled to, or -1
}

// Routes registers every page of the app with go-app.
func Routes(env *Env) {
	pages := map[string]func() app.Composer{
		"/":          func() app.Composer { return &DrillPage{Env: env} },
		"/questions": func() app.Composer { return &QuestionsPage{Env: env} },
		"/progress":  func() app.Composer { return &ProgressPage{Env: env} },
		"/settings":  func() app.Composer { return &SettingsPage{Env: env} },
	}
	for path, page := range pages {
		app.Route(path, page)
	}
	// One route per question rather than a pattern: a route with a regular
	// expression has go-app compile it at start, which costs the first
	// load about 10 ms. The user's own questions get theirs here for those
	// saved already, and in questions() for those added later.
	for _, id := range env.Summary.IDs {
		routeQuestion(env, id)
	}
	for _, q := range env.Store.Questions() {
		routeQuestion(env, q.ID)
	}
	if app.IsClient {
		routeUnknown(env, pages, app.Window().URL().Path)
	}
}

// routeQuestion registers the page of the question with the given ID.
func routeQuestion(env *Env, id string) {
	app.Route("/questions/"+id, func() app.Composer { return &QuestionPage{Env: env} })
}

// questions returns the bank with the user's own questions added,
// rebuilding it, and routing the pages of those questions, only when they
// changed.
func (e *Env) questions() *bank.Bank {
	custom := e.Store.Questions()
	if e.all != nil && sameQuestions(custom, e.custom) {
		return e.all
	}
	e.all, e.index, e.custom, e.customErr = e.Bank(), nil, custom, nil
	if len(custom) > 0 {
		mine := make([]bank.Question, 0, len(custom))
		for _, q := range custom {
			mine = append(mine, bank.Question{ID: q.ID, Competency: q.Competency, Text: q.Text, Source: bank.Mine})
			routeQuestion(e, q.ID)
		}
		e.all, e.customErr = e.all.With(mine)
	}
	return e.all
}

// searchIndex returns the search index over questions(), built on first use:
// most visits never search, and start-up is what people wait for.
func (e *Env) searchIndex() *search.Index {
	b := e.questions()
	if e.index == nil {
		e.index = search.New(search.FromBank(b))
	}
	return e.index
}

func sameQuestions(a, b []store.Question) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// due returns the questions due for practice now, most overdue first.
func (e *Env) due() []schedule.Due {
	attempts := e.Store.Attempts()
	if len(attempts) == 0 {
		return nil
	}
	reviews := make([]schedule.Review, len(attempts))
	for i, a := range attempts {
		reviews[i] = schedule.Review{QuestionID: a.QuestionID, At: a.SavedAt, Grade: schedule.Grade(a.Grade)}
	}
	return schedule.DueBy(schedule.Plan(reviews), e.Now())
}

// competencyName returns the display name of a competency ID.
func (e *Env) competencyName(id string) string {
	for _, c := range e.Summary.Competencies {
		if c.ID == id {
			return c.Name
		}
	}
	return id
}

// pickOptions offers every competency with its number of questions, the
// person's own included, for the Drill page's list. Without questions of
// their own it needs only the bank's Summary, not the questions.
func (e *Env) pickOptions() []option {
	if len(e.Store.Questions()) > 0 {
		return competencyOptions(e.questions().Summary())[1:]
	}
	return competencyOptions(e.Summary)[1:]
}

// newID returns a fresh record ID.
func (e *Env) newID() string {
	return store.NewID(e.Now(), e.Random())
}
