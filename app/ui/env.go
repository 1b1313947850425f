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
	// Bank is the built-in question bank.
	Bank *bank.Bank
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
}

// Routes registers every page of the app with go-app.
func Routes(env *Env) {
	app.Route("/", func() app.Composer { return &DrillPage{Env: env} })
	app.Route("/questions", func() app.Composer { return &QuestionsPage{Env: env} })
	app.Route("/progress", func() app.Composer { return &ProgressPage{Env: env} })
	app.Route("/settings", func() app.Composer { return &SettingsPage{Env: env} })
	// One route per question rather than a pattern: a route with a regular
	// expression has go-app compile it at start, which costs the first
	// load about 10 ms. The user's own questions get theirs in questions(),
	// called here for those saved already.
	for _, q := range env.Bank.Questions() {
		routeQuestion(env, q.ID)
	}
	env.questions()
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
	e.all, e.index, e.custom, e.customErr = e.Bank, nil, custom, nil
	if len(custom) > 0 {
		mine := make([]bank.Question, 0, len(custom))
		for _, q := range custom {
			mine = append(mine, bank.Question{ID: q.ID, Competency: q.Competency, Text: q.Text, Source: bank.Mine})
			routeQuestion(e, q.ID)
		}
		e.all, e.customErr = e.Bank.With(mine)
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
	if c, ok := e.Bank.Competency(id); ok {
		return c.Name
	}
	return id
}

// newID returns a fresh record ID.
func (e *Env) newID() string {
	return store.NewID(e.Now(), e.Random())
}
