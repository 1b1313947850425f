package ui

import (
	"time"

	"github.com/maxence-charriere/go-app/v10/pkg/app"
)

// The few things the UI asks of the browser directly. When prerendering
// natively, app.Window() is inert and these do nothing.

// localTime returns t as the browser's clock showed it then, daylight saving
// time included. Go's time.Local in the browser is the offset of the moment
// the program started, applied to every date: a summer morning's attempt
// read an hour early all winter.
func localTime(t time.Time) time.Time {
	date := app.Window().Get("Date")
	if !date.Truthy() {
		return t.Local()
	}
	offset := date.New(float64(t.UnixMilli())).Call("getTimezoneOffset").Int()
	return t.In(time.FixedZone("", -offset*60))
}

// focusElement moves keyboard focus to the element with the given ID.
func focusElement(id string) {
	el := app.Window().GetElementByID(id)
	if el.Truthy() {
		el.Call("focus")
	}
}

// applyTheme sets the colour theme: "light", "dark", or "system" to follow
// the operating system.
func applyTheme(theme string) {
	root := app.Window().Get("document").Get("documentElement")
	if !root.Truthy() {
		return
	}
	if theme == "light" || theme == "dark" {
		root.Call("setAttribute", "data-theme", theme)
	} else {
		root.Call("removeAttribute", "data-theme")
	}
}

// download hands data to the browser as a file the user saves.
func download(name, mime string, data []byte) {
	win := app.Window()
	if !win.Get("Blob").Truthy() {
		return
	}
	arr := win.Get("Uint8Array").New(len(data))
	app.CopyBytesToJS(arr, data)
	blob := win.Get("Blob").New([]any{arr}, map[string]any{"type": mime})
	url := win.Get("URL").Call("createObjectURL", blob)
	doc := win.Get("document")
	a := doc.Call("createElement", "a")
	a.Set("href", url)
	a.Set("download", name)
	a.Set("rel", "noopener")
	doc.Get("body").Call("appendChild", a)
	a.Call("click")
	a.Call("remove")
	win.Get("URL").Call("revokeObjectURL", url)
}

// readChosenFile reads the first file chosen in a file input and calls done
// on the UI goroutine with its bytes, or with an error message.
func readChosenFile(ctx app.Context, input app.Value, done func(ctx app.Context, name string, data []byte, problem string)) {
	files := input.Get("files")
	if !files.Truthy() || files.Length() == 0 {
		return
	}
	f := files.Index(0)
	name := f.Get("name").String()
	const maxBackup = 50 << 20
	if f.Get("size").Int() > maxBackup {
		done(ctx, name, nil, "That file is larger than 50 MB, far larger than any stardrill backup. Choose the .json file that Export backup saved.")
		return
	}
	f.Call("arrayBuffer").Then(func(buf app.Value) {
		arr := app.Window().Get("Uint8Array").New(buf)
		data := make([]byte, arr.Length())
		app.CopyBytesToGo(data, arr)
		ctx.Dispatch(func(ctx app.Context) { done(ctx, name, data, "") })
	})
}

// later runs f once the browser's current task is over. Called before the
// first render, that is after go-app has shown the first page and removed
// its loader.
func later(f func()) { callOnce("setTimeout", f, 0) }

// beforeNextFrame runs f when the browser next draws the page, before it
// draws it.
func beforeNextFrame(f func()) { callOnce("requestAnimationFrame", f) }

// callOnce calls the window's function name with a callback that runs f
// once, then args.
func callOnce(name string, f func(), args ...any) {
	var run app.Func
	run = app.FuncOf(func(this app.Value, args []app.Value) any {
		run.Release()
		f()
		return nil
	})
	app.Window().Call(name, append([]any{run}, args...)...)
}

// announceRunning tells a service worker that is installing for the first
// time that the app runs, so that it stores the app for offline use now:
// it waits for this so as not to download app.wasm a second time while the
// first visit downloads it (see app/site/worker.js).
func announceRunning() {
	sw := app.Window().Get("navigator").Get("serviceWorker")
	if !sw.Truthy() {
		return
	}
	var then app.Func
	then = app.FuncOf(func(this app.Value, args []app.Value) any {
		defer then.Release()
		if r := args[0]; r.Truthy() {
			if w := r.Get("installing"); w.Truthy() {
				w.Call("postMessage", "stardrill:running")
			}
		}
		return nil
	})
	sw.Call("getRegistration").Call("then", then)
}

// requestPersistence asks the browser to keep this site's storage even
// under disk pressure. Browsers may grant it silently or not at all.
func requestPersistence() {
	storage := app.Window().Get("navigator").Get("storage")
	if storage.Truthy() && storage.Get("persist").Truthy() {
		storage.Call("persist")
	}
}

// isAppleBrowser reports whether the browser is Safari or another on iOS,
// by go-app's own test.
func isAppleBrowser() bool { return goappAsks("goappIsAppleBrowser") }

// appInstallable reports whether the browser offers to install the app, as
// go-app's Context.IsAppInstallable does, for where no Context is at hand.
func appInstallable() bool { return goappAsks("goappIsAppInstallable") }

// goappAsks calls the yes-or-no function name of go-app's app.js, and
// answers no where there is none (when prerendering, say).
func goappAsks(name string) bool {
	w := app.Window()
	return w.Get(name).Truthy() && w.Call(name).Bool()
}
