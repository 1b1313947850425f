package ui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"stardrill/app/store"
)

// SettingsPage holds preferences and the data controls: export, import and
// erase.
//
// Its controls are pieces of HTML (see html.go), heard where their events
// bubble to (change and click), as the Drill page's picker is: the page is
// the one most visits reach by a click, and go-app built its five dozen
// nodes one call at a time, with code the browser compiled on that first
// click. The HTML is written once, with the settings as they were when the
// page opened, so that a later render never replaces a control under the
// person using it; what changes the settings other than these controls (an
// import, an erase, another tab) sets the controls itself (showSettings).
type SettingsPage struct {
	app.Compo
	Env *Env

	appearance, practice string // the preference controls' HTML (see OnInit)

	status  string // last outcome, announced politely
	problem string // last failure, announced as an alert
}

// Settings choices.
var (
	themeOptions  = []option{{"system", "Match my device"}, {"light", "Light"}, {"dark", "Dark"}}
	targetOptions = []option{{"60", "1 minute"}, {"90", "1½ minutes"}, {"120", "2 minutes"}, {"150", "2½ minutes"}, {"180", "3 minutes"}, {"240", "4 minutes"}}
	modeOptions   = []option{{"free", "Free text"}, {"guided", "Guided STAR (four boxes)"}}
)

// OnInit writes the preference controls for the saved settings.
func (p *SettingsPage) OnInit() {
	set := p.Env.Store.Settings()
	p.appearance = appearanceHTML(set)
	p.practice = practiceHTML(set)
}

// OnMount follows saves made in another tab: the settings and the count of
// what is saved. It starts to once the page shows: go-app names an action's
// handler with fmt's printer, which the browser would otherwise compile
// while the person waits for the page.
func (p *SettingsPage) OnMount(ctx app.Context) {
	later(func() {
		ctx.Dispatch(func(ctx app.Context) {
			if !p.Mounted() {
				return
			}
			ctx.Handle(actionDataChanged, func(ctx app.Context, a app.Action) {
				showSettings(p.Env.Store.Settings())
				ctx.Update()
			})
			// Dispatch would draw the page again: nothing it shows changed.
			ctx.PreventUpdate()
		})
	})
	// Nothing changed since the first render.
	ctx.PreventUpdate()
}

func (p *SettingsPage) Render() app.UI {
	attempts, drafts, mine := len(p.Env.Store.Attempts()), len(p.Env.Store.Drafts()), len(p.Env.Store.Questions())
	return frame(p.Env, "/settings",
		app.Elem("div").OnChange(p.change).OnClick(p.click).Body(
			app.Elem("h1").Text("Settings"),
			app.Elem("div").Role("status").Attr("aria-live", "polite").Class("status-line").Text(p.status),
			app.If(p.problem != "", func() app.UI {
				return app.Elem("div").Class("notice bad").Role("alert").Text(p.problem)
			}),
			app.Raw(p.appearance),
			app.Raw(p.practice),
			section("Your data",
				// Joined, not fmt.Sprintf: the first visit to this page would
				// otherwise have the browser compile fmt's printer.
				app.Elem("p").Text("This browser holds "+plural(attempts, "saved attempt")+", "+plural(drafts, "draft")+" and "+
					plural(mine, "question of your own")+". Nothing is sent anywhere."),
				app.Raw(dataControlsHTML),
			),
		),
	)
}

// appearanceHTML is the Appearance card: the colour theme, set as chosen.
func appearanceHTML(set store.Settings) string {
	return cardHTML("Appearance", radioGroupHTML("theme", "Theme", themeOptions, set.Theme))
}

// practiceHTML is the Practice card: the target length and the answer mode,
// set as chosen.
func practiceHTML(set store.Settings) string {
	return cardHTML("Practice", `<div class="grid-2">`+
		`<div><label for="target">Target answer length</label>`+selectHTML("target", targetOptions, strconv.Itoa(set.TargetSeconds))+
		`<p class="hint">Most interviewers expect one and a half to two minutes.</p></div>`+
		`<div><label for="default-mode">Answer mode</label>`+selectHTML("default-mode", modeOptions, set.Mode)+
		`<p class="hint">You can switch modes at any time while answering.</p></div></div>`)
}

// dataControlsHTML is what the Your data card holds under its count of what
// is saved: export, import and erase.
const dataControlsHTML = `<div>` +
	`<div class="row"><button type="button" data-act="export">Export backup</button>` +
	`<label class="button file-button" for="import">Import backup</label>` +
	`<input type="file" id="import" class="visually-hidden" accept=".json,application/json"></div>` +
	`<p class="hint">A backup is one .json file. Importing one adds what is missing here and keeps the newer copy of anything saved in both places; nothing is duplicated.</p>` +
	`<h3 class="divided">Start again</h3>` +
	`<p class="muted">Erasing removes every attempt, draft, setting and question of your own from this browser. Export a backup first if you may want them back.</p>` +
	`<button type="button" class="danger" data-act="erase">Erase all my data</button></div>`

// change acts on a change to one of the page's controls.
func (p *SettingsPage) change(ctx app.Context, e app.Event) {
	target := e.Get("target")
	value := target.Get("value").String()
	switch id := target.Get("id").String(); {
	case strings.HasPrefix(id, "theme-"):
		p.saveTheme(value)
	case id == "target":
		n, _ := strconv.Atoi(value)
		p.save(func(s *store.Settings) { s.TargetSeconds = n }, "Target length saved.")
	case id == "default-mode":
		p.save(func(s *store.Settings) { s.Mode = value }, "Answer mode saved.")
	case id == "import":
		p.importFile(ctx, target)
	default:
		ctx.PreventUpdate()
	}
}

// click acts on the page's Export backup and Erase all my data buttons.
func (p *SettingsPage) click(ctx app.Context, e app.Event) {
	switch clickedAction(e) {
	case "export":
		p.export()
	case "erase":
		p.erase()
	default:
		ctx.PreventUpdate()
	}
}

// showSettings sets the preference controls to set, for when the settings
// change other than by those controls.
func showSettings(set store.Settings) {
	win := app.Window()
	if radio := win.GetElementByID("theme-" + set.Theme); radio.Truthy() {
		radio.Set("checked", true)
	}
	for id, value := range map[string]string{"target": strconv.Itoa(set.TargetSeconds), "default-mode": set.Mode} {
		if list := win.GetElementByID(id); list.Truthy() {
			list.Set("value", value)
			if list.Get("selectedIndex").Int() < 0 {
				// A value the list does not offer: show its first
				// choice, as the list written for it would.
				list.Set("selectedIndex", 0)
			}
		}
	}
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

func (p *SettingsPage) export() {
	data, err := p.Env.Store.Export(p.Env.Now())
	if err != nil {
		p.status, p.problem = "", err.Error()
		return
	}
	name := "stardrill-backup-" + p.Env.Now().Format("2006-01-02") + ".json"
	download(name, "application/json", data)
	p.status, p.problem = fmt.Sprintf("Backup saved as %s.", name), ""
}

func (p *SettingsPage) importFile(ctx app.Context, input app.Value) {
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
		showSettings(p.Env.Store.Settings())
		p.status, p.problem = fmt.Sprintf("Imported %s: %s.", name, sum), ""
	})
}

func (p *SettingsPage) erase() {
	if !confirm("Erase all your stardrill data from this browser? Attempts, drafts, settings and your own questions will be gone. This cannot be undone.") {
		p.status = "Nothing was erased."
		return
	}
	if err := p.Env.Store.Erase(); err != nil {
		p.status, p.problem = "", err.Error()
		return
	}
	applyTheme("system")
	showSettings(p.Env.Store.Settings())
	p.status, p.problem = "All your data was erased from this browser.", ""
}
