package ui

import (
	"fmt"
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// appNotices shows the calm, app-wide messages: a new version is ready, the
// app can be installed, or saved data needs the user's attention. It also
// picks up saves made in another tab.
type appNotices struct {
	app.Compo
	Env *Env

	updateReady bool
	message     string

	onStorage app.Func
	onKey     app.Func
}

func (n *appNotices) OnMount(ctx app.Context) {
	if ready := ctx.AppUpdateAvailable(); ready != n.updateReady {
		n.updateReady = ready
	} else {
		// go-app renders this and every enclosing component again after
		// OnMount; at start that would redo the whole page for nothing.
		ctx.PreventUpdate()
	}
	n.onStorage = app.FuncOf(func(this app.Value, args []app.Value) any {
		ctx.Dispatch(func(ctx app.Context) {
			if err := n.Env.Store.Reload(); err == nil {
				applyTheme(n.Env.Store.Settings().Theme)
			}
			ctx.NewAction(actionDataChanged)
		})
		return nil
	})
	app.Window().Call("addEventListener", "storage", n.onStorage)
	// "/" jumps to the question search from anywhere but a text field.
	n.onKey = app.FuncOf(func(this app.Value, args []app.Value) any {
		e := args[0]
		if e.Get("key").String() != "/" || typingTarget(e.Get("target")) || e.Get("ctrlKey").Bool() || e.Get("metaKey").Bool() {
			return nil
		}
		e.Call("preventDefault")
		// Act once this key event is over: focusing or navigating from
		// inside it leaves go-app deaf to the search box's input.
		win := app.Window()
		if strings.HasSuffix(win.URL().Path, "/questions") {
			if el := win.GetElementByID("search"); el.Truthy() {
				win.Call("setTimeout", el.Get("focus").Call("bind", el), 0)
			}
			return nil
		}
		// goappNav is go-app's entry point for navigation started outside
		// its event handlers.
		win.Call("setTimeout", win.Get("goappNav"), 0, link("/questions?focus=search"))
		return nil
	})
	app.Window().Call("addEventListener", "keydown", n.onKey)
}

func (n *appNotices) OnDismount() {
	if n.onStorage != nil {
		app.Window().Call("removeEventListener", "storage", n.onStorage)
		n.onStorage.Release()
	}
	if n.onKey != nil {
		app.Window().Call("removeEventListener", "keydown", n.onKey)
		n.onKey.Release()
	}
}

// OnNav scrolls a page opened by a link to its top and moves the focus to
// it (see afterNav): the notices are part of every page.
func (n *appNotices) OnNav(ctx app.Context) {
	afterNav(n.Env, ctx.Page().URL())
	ctx.PreventUpdate() // nothing shown changed
}

func (n *appNotices) OnAppUpdate(ctx app.Context) {
	n.updateReady = ctx.AppUpdateAvailable()
}

func (n *appNotices) Render() app.UI {
	problems := n.Env.Store.Problems()
	readOnly, why := n.Env.Store.ReadOnly()
	return app.Elem("div").Class("notices").Body(
		app.If(n.updateReady, func() app.UI {
			return app.Elem("div").Class("notice info row").Role("status").Body(
				app.Elem("span").Text("A new version of stardrill is ready."),
				app.Elem("span").Class("spacer"),
				app.Elem("button").Class("primary").Text("Reload to update").OnClick(func(ctx app.Context, e app.Event) {
					ctx.Reload()
				}),
			)
		}),
		app.If(n.Env.StoreErr != nil, func() app.UI {
			return app.Elem("div").Class("notice warn").Role("alert").Body(
				app.Elem("p").Text(n.Env.StoreErr.Error()), // says what to do
			)
		}),
		app.If(len(problems) > 0 || readOnly, func() app.UI {
			msg := "Some saved data could not be read. stardrill has left it exactly as it was and carries on with the rest."
			if readOnly {
				msg = why
			}
			return app.Elem("div").Class("notice warn stack").Role("alert").Body(
				app.Elem("p").Text(msg),
				app.If(len(problems) > 0, func() app.UI {
					return app.Elem("p").Class("small").Text(fmt.Sprintf("Unreadable: %s. First reason: %s", plural(len(problems), "saved item"), problems[0].Reason))
				}),
				app.Elem("div").Class("row").Body(
					app.Elem("button").Text("Download raw data").OnClick(func(ctx app.Context, e app.Event) {
						download("stardrill-raw-data.json", "application/json", n.Env.Store.RawDump())
						n.message = "Saved a copy of everything stardrill keeps in this browser, exactly as stored."
					}),
					app.If(len(problems) > 0, func() app.UI {
						return app.Elem("button").Class("danger").Text("Discard unreadable data").OnClick(n.discard)
					}),
				),
				app.If(n.message != "", func() app.UI {
					return app.Elem("div").Class("small").Role("status").Text(n.message)
				}),
			)
		}),
	)
}

// installButton offers to install the app, only while the browser says it
// can be installed. The button is always there, hidden while the browser
// does not offer installation, and is shown or hidden in place: as a change
// of state, go-app would render the whole enclosing page again, which it did
// after every move between pages and soon after every load, when Chromium
// decides that the app can be installed.
type installButton struct {
	app.Compo
	installable bool
}

// OnInit reads the browser's answer before the first render.
func (b *installButton) OnInit() { b.installable = appInstallable() }

func (b *installButton) OnMount(ctx app.Context) { b.show(ctx) }

func (b *installButton) OnAppInstallChange(ctx app.Context) { b.show(ctx) }

// show brings the button in line with the browser's answer, in place.
func (b *installButton) show(ctx app.Context) {
	b.installable = ctx.IsAppInstallable()
	if button := b.JSValue().Get("firstElementChild"); button.Truthy() {
		button.Set("hidden", !b.installable)
	}
	ctx.PreventUpdate()
}

func (b *installButton) Render() app.UI {
	return app.Elem("span").Class("install-slot").Body(
		app.Elem("button").Class("quiet install").Attr("hidden", !b.installable).
			Title("Install stardrill to practise from your home screen, even offline").
			Text("Install app").OnClick(b.install),
		app.Raw(installHelpHTML),
	)
}

// install asks the browser to install the app. Safari offers no prompt to
// ask for (go-app calls every Apple browser installable, since each can
// add the app to the home screen or the Dock from its own menus): it gets
// the steps instead.
func (b *installButton) install(ctx app.Context, e app.Event) {
	win := app.Window()
	help := win.GetElementByID("install-help")
	if isAppleBrowser() && help.Truthy() && help.Get("showPopover").Truthy() {
		help.Call("showPopover")
		return
	}
	ctx.ShowAppInstallPrompt()
}

// installHelpHTML tells Safari users how to install the app. It is a
// popover: the browser shows it above the page and closes it on Escape or
// a click elsewhere.
const installHelpHTML = `<div id="install-help" class="install-help" popover>` +
	`<h2>Install stardrill</h2>` +
	`<p>On an iPhone or iPad, in Safari: tap <strong>Share</strong>, then <strong>Add to Home Screen</strong>.</p>` +
	`<p>On a Mac, in Safari: choose <strong>File › Add to Dock</strong>.</p>` +
	`<p class="small muted">It then opens like an app and works offline.</p>` +
	`<button type="button" popovertarget="install-help" popovertargetaction="hide">Close</button></div>`

func (n *appNotices) discard(ctx app.Context, e app.Event) {
	problems := n.Env.Store.Problems()
	if !confirm("Discard " + strconv.Itoa(len(problems)) + " unreadable saved item(s)? Download the raw data first if you may want them; this cannot be undone.") {
		return
	}
	for _, p := range problems {
		if err := n.Env.Store.Discard(p.Key); err != nil {
			n.message = err.Error()
			return
		}
	}
	n.message = "Discarded the unreadable data."
	ctx.NewAction(actionDataChanged)
}

// actionDataChanged tells pages that saved data changed under them.
const actionDataChanged = "data-changed"
