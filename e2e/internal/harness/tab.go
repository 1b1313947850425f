package harness

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/chromedp/cdproto/css"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/cdproto/log"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/cdproto/performance"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"
)

// DefaultTimeout bounds every wait of a Tab unless Tab.Timeout says otherwise.
const DefaultTimeout = 20 * time.Second

// Tab is one browser tab driven by a test. Its methods fail the test when
// the browser does not do what was asked in time; call them from the test's
// goroutine only.
type Tab struct {
	// Timeout bounds each wait (for the app, an element, the service
	// worker). DefaultTimeout unless changed.
	Timeout time.Duration

	t   testing.TB
	ctx context.Context

	mu       sync.Mutex
	problems []Problem
	requests []string
	dialogs  []Dialog
	answer   func(Dialog) (accept bool, promptText string)
}

// Problem is something that went wrong on the page.
type Problem struct {
	// Kind is "console" (console.error or a failed console.assert),
	// "exception" (uncaught), "log" (an error Chromium logged, such as a
	// failed request) or "csp" (a Content-Security-Policy violation).
	Kind string
	Text string
}

func (p Problem) String() string { return p.Kind + ": " + p.Text }

// Dialog is a JavaScript alert, confirm, prompt or beforeunload dialog the
// page opened.
type Dialog struct {
	Type    string // "alert", "confirm", "prompt" or "beforeunload"
	Message string
}

// reportBinding is the function the page calls to hand findings to the test.
const reportBinding = "__e2eReport"

// watchScript runs in every document before the page's own scripts. It
// reports Content-Security-Policy violations through the binding, which
// outlives reloads, unlike anything stored on window.
const watchScript = `document.addEventListener("securitypolicyviolation", (e) => {
  try {
    ` + reportBinding + `(JSON.stringify({kind: "csp", text: e.effectiveDirective + " blocked " +
      (e.blockedURI || "inline") + " in " + e.sourceFile + ":" + e.lineNumber +
      (e.sample ? " (" + e.sample + ")" : "")}));
  } catch (_) {}
}, true);`

func (b *Browser) newTab(t testing.TB, width, height int, isolated bool) *Tab {
	t.Helper()
	var opts []chromedp.ContextOption
	if isolated {
		// chromedp.WithNewBrowserContext opens its tab without a window,
		// which new headless Chromium refuses ("no browser is open"):
		// make the context and its window here.
		id, bc, err := b.newWindow()
		if err != nil {
			t.Fatalf("opening a private browser context: %v", err)
		}
		opts = append(opts, chromedp.WithTargetID(id))
		t.Cleanup(func() { b.dispose(bc) }) // after the tab closes
	}
	ctx, cancel := chromedp.NewContext(b.ctx, opts...)
	tab := &Tab{Timeout: DefaultTimeout, t: t, ctx: ctx}
	tab.answer = func(Dialog) (bool, string) { return true, "" }
	chromedp.ListenTarget(ctx, tab.onEvent)
	if err := chromedp.Run(ctx, runtime.AddBinding(reportBinding)); err != nil {
		cancel()
		t.Fatalf("opening a tab: %v", err)
	}
	t.Cleanup(tab.Close)
	tab.AddScript(watchScript)
	// Hidden before the first page: Chromium applies it to new pages only.
	tab.run("hiding scrollbars", emulation.SetScrollbarsHidden(true))
	tab.Viewport(width, height)
	return tab
}

// Context is the tab's chromedp context, for anything the helpers lack:
// chromedp.Run(tab.Context(), ...).
func (tab *Tab) Context() context.Context { return tab.ctx }

// Close closes the tab before the test ends and waits until it is gone.
func (tab *Tab) Close() { _ = chromedp.Cancel(tab.ctx) }

// AddScript runs the JavaScript source in every document the tab loads from
// now on, before the page's own scripts (and outside its
// Content-Security-Policy).
func (tab *Tab) AddScript(source string) {
	tab.t.Helper()
	tab.run("adding a script", chromedp.ActionFunc(func(ctx context.Context) error {
		_, err := page.AddScriptToEvaluateOnNewDocument(source).Do(ctx)
		return err
	}))
}

func (tab *Tab) onEvent(ev any) {
	switch ev := ev.(type) {
	case *runtime.EventConsoleAPICalled:
		if ev.Type == runtime.APITypeError || ev.Type == runtime.APITypeAssert {
			var parts []string
			for _, a := range ev.Args {
				parts = append(parts, remoteText(a))
			}
			tab.addProblem("console", strings.Join(parts, " "))
		}
	case *runtime.EventExceptionThrown:
		d := ev.ExceptionDetails
		text := d.Text
		if d.Exception != nil && d.Exception.Description != "" {
			text += " " + d.Exception.Description
		}
		tab.addProblem("exception", fmt.Sprintf("%s (%s:%d)", text, d.URL, d.LineNumber))
	case *runtime.EventBindingCalled:
		if ev.Name != reportBinding {
			return
		}
		var p Problem
		var msg struct{ Kind, Text string }
		if err := json.Unmarshal([]byte(ev.Payload), &msg); err != nil {
			p = Problem{"csp", ev.Payload}
		} else {
			p = Problem{msg.Kind, msg.Text}
		}
		tab.addProblem(p.Kind, p.Text)
	case *network.EventRequestWillBeSent:
		tab.mu.Lock()
		tab.requests = append(tab.requests, ev.Request.URL)
		tab.mu.Unlock()
	case *page.EventJavascriptDialogOpening:
		d := Dialog{Type: string(ev.Type), Message: ev.Message}
		tab.mu.Lock()
		tab.dialogs = append(tab.dialogs, d)
		answer := tab.answer
		tab.mu.Unlock()
		accept, text := answer(d)
		// Answering from the event loop would deadlock it.
		go chromedp.Run(tab.ctx, page.HandleJavaScriptDialog(accept).WithPromptText(text))
	case *log.EventEntryAdded:
		if e := ev.Entry; e.Level == log.LevelError {
			text := e.Text
			if e.URL != "" {
				text += " (" + e.URL + ")"
			}
			tab.addProblem("log", string(e.Source)+": "+text)
		}
	}
}

func (tab *Tab) addProblem(kind, text string) {
	tab.mu.Lock()
	tab.problems = append(tab.problems, Problem{kind, text})
	tab.mu.Unlock()
}

func remoteText(o *runtime.RemoteObject) string {
	if o == nil {
		return ""
	}
	if len(o.Value) > 0 {
		var s string
		if json.Unmarshal(o.Value, &s) == nil {
			return s
		}
		return string(o.Value)
	}
	if o.Description != "" {
		return o.Description
	}
	return string(o.Type)
}

// Problems returns, in order, everything that went wrong on the page since
// the tab opened: console errors, uncaught exceptions, errors Chromium
// logged (failed requests among them) and CSP violations.
func (tab *Tab) Problems() []Problem {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	return append([]Problem(nil), tab.problems...)
}

// ResetProblems forgets the problems recorded so far, for a test that
// provokes some on purpose and checks them.
func (tab *Tab) ResetProblems() {
	tab.mu.Lock()
	tab.problems = nil
	tab.mu.Unlock()
}

// Requests returns the URL of every request the tab's pages made since the
// tab opened, including those a service worker answered. The worker's own
// requests (its install-time downloads) are not included.
func (tab *Tab) Requests() []string {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	return append([]string(nil), tab.requests...)
}

// OffOrigin returns the requests that went anywhere but the given origins
// (such as "http://127.0.0.1:8000"). data:, blob: and about: URLs count as
// local.
func (tab *Tab) OffOrigin(origins ...string) []string {
	var off []string
	for _, u := range tab.Requests() {
		if !IsLocal(u, origins...) {
			off = append(off, u)
		}
	}
	return off
}

// IsLocal reports whether the URL u stays on one of origins or needs no
// network at all (data:, blob:, about:).
func IsLocal(u string, origins ...string) bool {
	for _, scheme := range []string{"data:", "blob:", "about:"} {
		if strings.HasPrefix(u, scheme) {
			return true
		}
	}
	for _, o := range origins {
		if u == o || strings.HasPrefix(u, o+"/") {
			return true
		}
	}
	return false
}

// OnDialog sets how the tab answers JavaScript dialogs. By default every
// dialog is accepted (confirm answers OK, prompt answers ""). The function
// runs on chromedp's event goroutine: it must not call the tab's methods.
func (tab *Tab) OnDialog(answer func(Dialog) (accept bool, promptText string)) {
	tab.mu.Lock()
	tab.answer = answer
	tab.mu.Unlock()
}

// Dialogs returns the dialogs the page opened, in order.
func (tab *Tab) Dialogs() []Dialog {
	tab.mu.Lock()
	defer tab.mu.Unlock()
	return append([]Dialog(nil), tab.dialogs...)
}

// run runs chromedp actions with the tab's timeout and fails the test on
// error, naming what was being done.
func (tab *Tab) run(what string, actions ...chromedp.Action) {
	tab.t.Helper()
	if err := tab.try(actions...); err != nil {
		tab.t.Fatalf("%s: %v", what, err)
	}
}

func (tab *Tab) try(actions ...chromedp.Action) error {
	ctx, cancel := context.WithTimeout(tab.ctx, tab.Timeout)
	defer cancel()
	return chromedp.Run(ctx, actions...)
}

// Viewport sets the size of the page's viewport in CSS pixels, at a device
// scale factor of 1, as a desktop browser would (no mobile emulation).
func (tab *Tab) Viewport(width, height int) {
	tab.t.Helper()
	tab.run("setting the viewport", emulation.SetDeviceMetricsOverride(int64(width), int64(height), 1, false))
}

// ColorScheme makes the page see prefers-color-scheme as "light" or "dark".
func (tab *Tab) ColorScheme(scheme string) {
	tab.t.Helper()
	tab.Media("", map[string]string{"prefers-color-scheme": scheme})
}

// Media makes the page see the media type media ("print", or "" for the
// screen) and the media features given, such as "forced-colors": "active"
// (Windows' contrast themes, which Chromium then applies). Each call replaces
// what the previous one set.
func (tab *Tab) Media(media string, features map[string]string) {
	tab.t.Helper()
	var list []*emulation.MediaFeature
	for name, value := range features {
		list = append(list, &emulation.MediaFeature{Name: name, Value: value})
	}
	tab.run(fmt.Sprintf("emulating media %q %v", media, features), emulation.SetEmulatedMedia().WithMedia(media).WithFeatures(list))
}

// TextSize sets the browser's default text size in pixels (16 unless the
// reader changed it in the browser's settings, as people with low vision do).
// Screenshot puts it back to 16: set it again after a screenshot.
func (tab *Tab) TextSize(px int) {
	tab.t.Helper()
	tab.run(fmt.Sprintf("setting the default text size to %dpx", px), page.SetFontSizes(&page.FontSizes{Standard: int64(px), Fixed: int64(px) * 13 / 16}))
}

// TimeZone makes the page's clock show the time of an IANA zone, such as
// "America/New_York", daylight saving time included.
func (tab *Tab) TimeZone(zone string) {
	tab.t.Helper()
	tab.run("setting the time zone to "+zone, emulation.SetTimezoneOverride(zone))
}

// Navigate loads url and waits for the page's load event, without waiting
// for the app. Most tests want Open.
func (tab *Tab) Navigate(url string) {
	tab.t.Helper()
	tab.run("opening "+url, chromedp.Navigate(url))
}

// Open loads url and waits until the app runs (see WaitApp).
func (tab *Tab) Open(url string) {
	tab.t.Helper()
	tab.Navigate(url)
	tab.WaitApp()
}

// Reload reloads the page and waits until the app runs again.
func (tab *Tab) Reload() {
	tab.t.Helper()
	tab.run("reloading", chromedp.Reload())
	tab.WaitApp()
}

// appRunning is true once go-app runs: the prerendered page already shows
// the content, but only the running app removes the loader.
const appRunning = `document.readyState !== "loading" && !document.getElementById("app-wasm-loader")`

// WaitApp waits until go-app has started: it removes #app-wasm-loader once
// the wasm runs. On timeout the loader's label (go-app's error message, if
// loading failed) is in the failure.
func (tab *Tab) WaitApp() {
	tab.t.Helper()
	if tab.poll(appRunning) {
		return
	}
	var label string
	_ = tab.try(chromedp.Evaluate(`(document.getElementById("app-wasm-loader-label") || {}).innerText || ""`, &label))
	tab.t.Fatalf("the app did not start within %v (loader says %q); page problems: %v", tab.Timeout, label, tab.Problems())
}

// poll evaluates the JavaScript condition every 25 ms until it is true or
// the tab's timeout passes, and says whether it became true. Evaluation
// errors (such as a page being replaced) count as false.
func (tab *Tab) poll(cond string) bool {
	deadline := time.Now().Add(tab.Timeout)
	for {
		var ok bool
		if err := tab.try(chromedp.Evaluate("!!("+cond+")", &ok)); err == nil && ok {
			return true
		}
		if time.Now().After(deadline) {
			return false
		}
		time.Sleep(25 * time.Millisecond)
	}
}

// WaitTrue waits until the JavaScript expression cond is truthy, failing the
// test after the tab's timeout with what, such as "the timer to start".
func (tab *Tab) WaitTrue(what, cond string) {
	tab.t.Helper()
	if !tab.poll(cond) {
		tab.t.Fatalf("waited %v for %s (%s)", tab.Timeout, what, cond)
	}
}

// Eval evaluates the JavaScript expression js in the page and stores its
// JSON value in out (which may be nil). A promise is awaited.
func (tab *Tab) Eval(js string, out any) {
	tab.t.Helper()
	tab.run("evaluating "+abbrev(js), chromedp.Evaluate(js, out, awaitPromise))
}

func awaitPromise(p *runtime.EvaluateParams) *runtime.EvaluateParams {
	return p.WithAwaitPromise(true)
}

func abbrev(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 80 {
		return s[:77] + "..."
	}
	return s
}

// Press sends key events for each key in keys to whatever has focus, as a
// keyboard does: printable characters such as "/" or "a", or the keys of
// github.com/chromedp/chromedp/kb such as kb.Tab, kb.Enter, kb.Escape.
//
// A printable key goes as one keyDown that carries its text, so that a page
// calling preventDefault on the keydown stops the character, as it does for
// a person. (chromedp.KeyEvent sends the character as a separate "char"
// event, which arrives whatever the keydown's handler did.)
func (tab *Tab) Press(keys string) {
	tab.t.Helper()
	var actions []chromedp.Action
	for _, r := range keys {
		for _, ev := range keyEvents(r) {
			actions = append(actions, ev)
		}
	}
	tab.run(fmt.Sprintf("pressing %q", keys), actions...)
}

// keyEvents is kb.Encode(r) with the char event folded into the keyDown.
func keyEvents(r rune) []*input.DispatchKeyEventParams {
	evs := kb.Encode(r)
	var out []*input.DispatchKeyEventParams
	for _, ev := range evs {
		if ev.Type == input.KeyChar {
			continue
		}
		if ev.Type == input.KeyDown {
			for _, c := range evs {
				if c.Type == input.KeyChar {
					ev.Text, ev.UnmodifiedText = c.Text, c.UnmodifiedText
				}
			}
			if ev.Text == "" {
				ev.Type = input.KeyRawDown
			}
		}
		out = append(out, ev)
	}
	return out
}

// InsertText types text into the focused field in one go, as an input method
// or paste would: quicker than Press for long answers.
func (tab *Tab) InsertText(text string) {
	tab.t.Helper()
	tab.run("inserting text", input.InsertText(text))
}

// Screenshot writes a PNG of the whole page (beyond the viewport) to path,
// creating its folder, and returns path.
func (tab *Tab) Screenshot(path string) string {
	tab.t.Helper()
	var png []byte
	tab.run("taking a screenshot", chromedp.ActionFunc(func(ctx context.Context) error {
		_, _, _, viewport, _, content, err := page.GetLayoutMetrics().Do(ctx)
		if err != nil {
			return err
		}
		clip := &page.Viewport{
			Width:  math.Max(content.Width, float64(viewport.ClientWidth)),
			Height: math.Max(content.Height, float64(viewport.ClientHeight)),
			Scale:  1,
		}
		png, err = page.CaptureScreenshot().WithFormat(page.CaptureScreenshotFormatPng).
			WithCaptureBeyondViewport(true).WithFromSurface(true).WithClip(clip).Do(ctx)
		return err
	}))
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		tab.t.Fatal(err)
	}
	if err := os.WriteFile(path, png, 0o644); err != nil {
		tab.t.Fatal(err)
	}
	return path
}

// DisableCache stops the tab from using Chromium's HTTP cache, so that once
// the server is stopped only the service worker can answer.
func (tab *Tab) DisableCache() {
	tab.t.Helper()
	tab.run("disabling the HTTP cache", network.SetCacheDisabled(true))
}

// WaitServiceWorker waits until the page's service worker has installed
// (stored the app) and activated, reloads, and waits until the worker
// controls the page, so the next visit can be answered offline.
func (tab *Tab) WaitServiceWorker() {
	tab.t.Helper()
	var state string
	tab.run("waiting for the service worker to be ready",
		chromedp.Evaluate(`navigator.serviceWorker.ready.then((r) => r.active ? r.active.state : "")`, &state, awaitPromise))
	tab.Reload()
	tab.WaitTrue("the service worker to control the page",
		`navigator.serviceWorker.controller && navigator.serviceWorker.controller.state === "activated"`)
}

// SetLocalStorage plants items in the localStorage of origin (such as
// Server.Origin()) before the app reads them: it opens a blank page of that
// origin and sets each key. Open the app afterwards.
func (tab *Tab) SetLocalStorage(origin string, items map[string]string) {
	tab.t.Helper()
	tab.Navigate(origin + BlankPath)
	data, _ := json.Marshal(items)
	tab.Eval(`(() => { const items = `+string(data)+`;
		for (const [k, v] of Object.entries(items)) localStorage.setItem(k, v);
		return true; })()`, nil)
}

// LocalStorage returns every item of the current page's localStorage.
func (tab *Tab) LocalStorage() map[string]string {
	tab.t.Helper()
	items := map[string]string{}
	tab.Eval(`Object.fromEntries(Object.entries(localStorage))`, &items)
	return items
}

// Unobserved stops DevTools from recording the tab's requests and from
// tracking its DOM and style sheets, which chromedp turns on for every tab.
// That bookkeeping runs on the page's main thread, in proportion to the bytes
// the page downloads (DevTools keeps a copy of each response body) and to
// its DOM changes: it came to about a sixth of the main thread's time
// during a load (medians of 7 warm visits: 427 against 348 ms for stardrill,
// 355 against 293 ms for the bare go-app page).
// Timed visits use it so as to measure the page as a person gets it.
// Requests lists nothing from then on.
func (tab *Tab) Unobserved() {
	tab.t.Helper()
	tab.run("turning off DevTools' network, DOM and CSS tracking", network.Disable(), css.Disable(), dom.Disable())
}

// MainThreadTime returns, in milliseconds, the CPU time the renderer's main
// thread has spent running tasks (Chromium's Performance domain, counted in
// thread time, so time the thread spends waiting for a busy machine is left
// out). Take it before and after what you measure and subtract: the thread
// may serve other pages of the same site too.
func (tab *Tab) MainThreadTime() float64 {
	tab.t.Helper()
	var ms float64
	tab.run("reading the main thread's time", chromedp.ActionFunc(func(ctx context.Context) error {
		if err := performance.Enable().WithTimeDomain(performance.EnableTimeDomainThreadTicks).Do(ctx); err != nil {
			return err
		}
		metrics, err := performance.GetMetrics().Do(ctx)
		if err != nil {
			return err
		}
		for _, m := range metrics {
			if m.Name == "TaskDuration" {
				ms = m.Value * 1000
				return nil
			}
		}
		return fmt.Errorf("no TaskDuration among %d metrics", len(metrics))
	}))
	return ms
}
