package ui

import "github.com/maxence-charriere/go-app/v10/pkg/app"

// appNotices shows the calm, app-wide messages: a new version is ready, the
// app can be installed, or saved data needs the user's attention.
type appNotices struct {
	app.Compo
	Env *Env

	updateReady bool
	installable bool
}

func (n *appNotices) OnMount(ctx app.Context) {
	n.updateReady = ctx.AppUpdateAvailable()
	n.installable = ctx.IsAppInstallable()
}

func (n *appNotices) OnAppUpdate(ctx app.Context) {
	n.updateReady = ctx.AppUpdateAvailable()
}

func (n *appNotices) OnAppInstallChange(ctx app.Context) {
	n.installable = ctx.IsAppInstallable()
}

func (n *appNotices) Render() app.UI {
	return app.Div().Body(
		app.If(n.updateReady, func() app.UI {
			return app.Div().Class("notice info row").Aria("live", "polite").Body(
				app.Span().Text("A new version of stardrill is ready."),
				app.Span().Class("spacer"),
				app.Button().Class("primary").Text("Reload to update").OnClick(func(ctx app.Context, e app.Event) {
					ctx.Reload()
				}),
			)
		}),
		app.If(n.installable, func() app.UI {
			return app.Div().Class("notice row").Body(
				app.Span().Text("Install stardrill to practise from your home screen, even offline."),
				app.Span().Class("spacer"),
				app.Button().Text("Install app").OnClick(func(ctx app.Context, e app.Event) {
					ctx.ShowAppInstallPrompt()
				}),
			)
		}),
	)
}
