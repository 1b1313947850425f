package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// Env is what every page needs: the question bank, the user's saved data and
// the clock. main builds one and hands it to Routes.
type Env struct{}

// Routes registers every page of the app with go-app.
func Routes(env *Env) {
	app.Route("/", func() app.Composer { return &DrillPage{Env: env} })
	app.Route("/questions", func() app.Composer { return &QuestionsPage{Env: env} })
	app.Route("/progress", func() app.Composer { return &ProgressPage{Env: env} })
	app.Route("/settings", func() app.Composer { return &SettingsPage{Env: env} })
}
