package ui

import (
	"fmt"
	"strconv"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"stardrill/app/store"
)

// SettingsPage holds preferences and the data controls: export, import and
// erase.
type SettingsPage struct {
	app.Compo
	Env *Env

	status  string // last outcome, announced politely
	problem string // last failure, announced as an alert
}

// Settings choices.
var (
	themeOptions  = []option{{"system", "Match my device"}, {"light", "Light"}, {"dark", "Dark"}}
	targetOptions = []option{{"60", "1 minute"}, {"90", "1½ minutes"}, {"120", "2 minutes"}, {"150", "2½ minutes"}, {"180", "3 minutes"}, {"240", "4 minutes"}}
	modeOptions   = []option{{"free", "Free text"}, {"guided", "Guided STAR (four boxes)"}}
)

func (p *SettingsPage) Render() app.UI {
	set := p.Env.Store.Settings()
	attempts, drafts, mine := len(p.Env.Store.Attempts()), len(p.Env.Store.Drafts()), len(p.Env.Store.Questions())
	return frame(p.Env, "/settings",
		app.Elem("h1").Text("Settings"),
		app.Elem("div").Role("status").Attr("aria-live", "polite").Class("status-line").Text(p.status),
		app.If(p.problem != "", func() app.UI {
			return app.Elem("div").Class("notice bad").Role("alert").Text(p.problem)
		}),
		section("Appearance",
			radioGroup("", "theme", "Theme", themeOptions, set.Theme, p.saveTheme),
		),
		section("Practice",
			app.Elem("div").Class("grid-2").Body(
				app.Elem("div").Body(
					app.Elem("label").Attr("for", "target").Text("Target answer length"),
					selectBox("target", strconv.Itoa(set.TargetSeconds), targetOptions, func(ctx app.Context, v string) {
						n, _ := strconv.Atoi(v)
						p.save(func(s *store.Settings) { s.TargetSeconds = n }, "Target length saved.")
					}),
					app.Elem("p").Class("hint").Text("Most interviewers expect one and a half to two minutes."),
				),
				app.Elem("div").Body(
					app.Elem("label").Attr("for", "default-mode").Text("Answer mode"),
					selectBox("default-mode", set.Mode, modeOptions, func(ctx app.Context, v string) {
						p.save(func(s *store.Settings) { s.Mode = v }, "Answer mode saved.")
					}),
					app.Elem("p").Class("hint").Text("You can switch modes at any time while answering."),
				),
			),
		),
		section("Your data",
			// Joined, not fmt.Sprintf: the first visit to this page would
			// otherwise have the browser compile fmt's printer.
			app.Elem("p").Text("This browser holds "+plural(attempts, "saved attempt")+", "+plural(drafts, "draft")+" and "+
				plural(mine, "question of your own")+". Nothing is sent anywhere."),
			app.Elem("div").Class("row").Body(
				app.Elem("button").Text("Export backup").OnClick(p.export),
				app.Elem("label").Class("button file-button").Attr("for", "import").Text("Import backup"),
				app.ElemSelfClosing("input").Attr("type", "file").ID("import").Class("visually-hidden").Attr("accept", ".json,application/json").
					OnChange(p.importFile),
			),
			app.Elem("p").Class("hint").Text("A backup is one .json file. Importing one adds what is missing here and keeps the newer copy of anything saved in both places; nothing is duplicated."),
			app.Elem("h3").Class("divided").Text("Start again"),
			app.Elem("p").Class("muted").Text("Erasing removes every attempt, draft, setting and question of your own from this browser. Export a backup first if you may want them back."),
			app.Elem("button").Class("danger").Text("Erase all my data").OnClick(p.erase),
		),
	)
}

func plural(n int, noun string) string {
	if n == 1 {
		return "1 " + noun
	}
	switch noun {
	case "question of your own":
		return strconv.Itoa(n) + " questions of your own"
	}
	return strconv.Itoa(n) + " " + noun + "s"
}

func (p *SettingsPage) saveTheme(theme string) {
	p.save(func(s *store.Settings) { s.Theme = theme }, "Theme saved.")
	applyTheme(p.Env.Store.Settings().Theme)
}

// save changes the settings and reports the outcome.
func (p *SettingsPage) save(change func(*store.Settings), done string) {
	s := p.Env.Store.Settings()
	change(&s)
	s.UpdatedAt = p.Env.Now()
	if err := p.Env.Store.SaveSettings(s); err != nil {
		p.status, p.problem = "", err.Error()
		return
	}
	p.status, p.problem = done, ""
}

func (p *SettingsPage) export(ctx app.Context, e app.Event) {
	data, err := p.Env.Store.Export(p.Env.Now())
	if err != nil {
		p.status, p.problem = "", err.Error()
		return
	}
	name := "stardrill-backup-" + p.Env.Now().Format("2006-01-02") + ".json"
	download(name, "application/json", data)
	p.status, p.problem = fmt.Sprintf("Backup saved as %s.", name), ""
}

func (p *SettingsPage) importFile(ctx app.Context, e app.Event) {
	input := ctx.JSSrc()
	readChosenFile(ctx, input, func(ctx app.Context, name string, data []byte, problem string) {
		input.Set("value", "")
		if problem != "" {
			p.status, p.problem = "", problem
			return
		}
		sum, err := p.Env.Store.Import(data)
		if err != nil {
			p.status, p.problem = "", fmt.Sprintf("%s was not imported. %v", name, err)
			return
		}
		applyTheme(p.Env.Store.Settings().Theme)
		p.status, p.problem = fmt.Sprintf("Imported %s: %s.", name, sum), ""
	})
}

func (p *SettingsPage) erase(ctx app.Context, e app.Event) {
	if !confirm("Erase all your stardrill data from this browser? Attempts, drafts, settings and your own questions will be gone. This cannot be undone.") {
		p.status = "Nothing was erased."
		return
	}
	if err := p.Env.Store.Erase(); err != nil {
		p.status, p.problem = "", err.Error()
		return
	}
	applyTheme("system")
	p.status, p.problem = "All your data was erased from this browser.", ""
}
