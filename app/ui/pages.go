package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// DrillPage is where a person answers a question under a timer.
type DrillPage struct {
	app.Compo
	Env *Env
}

func (p *DrillPage) Render() app.UI {
	return frame(p.Env, "/", app.H1().Text("Drill"), app.P().Text("Pick a question and answer it out loud or in writing."))
}

// QuestionsPage lists and searches the question bank.
type QuestionsPage struct {
	app.Compo
	Env *Env
}

func (p *QuestionsPage) Render() app.UI {
	return frame(p.Env, "/questions", app.H1().Text("Questions"))
}

// ProgressPage shows every saved attempt.
type ProgressPage struct {
	app.Compo
	Env *Env
}

func (p *ProgressPage) Render() app.UI {
	return frame(p.Env, "/progress", app.H1().Text("Progress"))
}

// SettingsPage holds preferences and the data controls.
type SettingsPage struct {
	app.Compo
	Env *Env
}

func (p *SettingsPage) Render() app.UI {
	return frame(p.Env, "/settings", app.H1().Text("Settings"))
}
