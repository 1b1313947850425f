package e2e

import (
	"fmt"
	"net/url"
	"os/exec"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/cdproto/network"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"stardrill/app/site"
	"stardrill/e2e/internal/harness"
)

// pages are the app's top-level pages: the path, the name of its link in
// the main navigation, and its level-one heading.
var pages = []struct{ path, link, heading string }{
	{"/", "Drill", "Drill"},
	{"/questions", "Questions", "Questions"},
	{"/progress", "Progress", "Progress"},
	{"/settings", "Settings", "Settings"},
}

// navLink finds the link named name in the main navigation (not a link of
// the same name elsewhere on the page).
func navLink(t *testing.T, tab *harness.Tab, name string) harness.Node {
	t.Helper()
	for _, n := range tab.Query("link", name) {
		var inNav bool
		n.Eval(`function() { return !!this.closest("nav"); }`, &inNav)
		if inNav {
			return n
		}
	}
	t.Fatalf("no link %q in the navigation", name)
	return harness.Node{}
}

// waitH1 waits until the page's level-one heading is name.
func waitH1(t *testing.T, tab *harness.Tab, name string) {
	t.Helper()
	tab.WaitTrue(fmt.Sprintf("the level-one heading %q", name), fmt.Sprintf(
		`[...document.querySelectorAll("h1")].some((h) => h.innerText.trim() === %q)`, name))
	for _, h := range tab.Query("heading", name) {
		if h.Prop("level") == "1" {
			return
		}
	}
	t.Fatalf("the h1 %q is not a level-one heading in the accessibility tree", name)
}

// checkCurrent checks that exactly the navigation link named current has
// aria-current="page".
func checkCurrent(t *testing.T, tab *harness.Tab, current string) {
	t.Helper()
	for _, p := range pages {
		got := navLink(t, tab, p.link).Attr("aria-current")
		want := ""
		if p.link == current {
			want = "page"
		}
		if got != want {
			t.Errorf("on %s, the %s link has aria-current=%q, want %q", current, p.link, got, want)
		}
	}
}

// questionPath returns the address of the first question page the current
// page links to, such as "/questions/mistake-1", or "" when there is none.
func questionPath(t *testing.T, tab *harness.Tab) string {
	t.Helper()
	var p string
	tab.Eval(`(() => { const a = document.querySelector('main a[href^="/questions/"]');
		return a ? new URL(a.href).pathname : ""; })()`, &p)
	return p
}

func pathname(t *testing.T, tab *harness.Tab) string {
	t.Helper()
	var p string
	tab.Eval(`location.pathname`, &p)
	return p
}

// TestNavigation clicks through every page from the navigation bar: the app
// routes in place (no page load), the heading changes and aria-current
// follows.
func TestNavigation(t *testing.T) {
	s := start(t)
	tab := s.tab(t, 1280, 800)
	tab.Open(s.server.URL("/"))
	waitH1(t, tab, "Drill")
	checkCurrent(t, tab, "Drill")
	checkWasmReadOnce(t, tab, "/web/app.wasm")
	// A page load would lose this mark: in-app navigation keeps it.
	tab.Eval(`window.__e2eSamePage = true`, nil)
	for _, p := range append(pages[1:], pages[0]) {
		navLink(t, tab, p.link).Click()
		waitH1(t, tab, p.heading)
		if got := pathname(t, tab); got != p.path {
			t.Errorf("after clicking %s the address is %s, want %s", p.link, got, p.path)
		}
		tab.WaitTrue("aria-current to move to "+p.link, fmt.Sprintf(
			`document.querySelector("nav a[aria-current=page]")?.innerText.trim() === %q`, p.link))
		checkCurrent(t, tab, p.link)
	}
	var same bool
	tab.Eval(`window.__e2eSamePage === true`, &same)
	if !same {
		t.Error("clicking the navigation reloaded the page; go-app should route in place")
	}
}

// TestInstallButton checks the "Install app" action: it appears once
// Chromium offers to install the app (headless Chromium does for an
// installable site, with a beforeinstallprompt event), is on the next page
// too, and goes when the browser says the app was installed, on this page
// and the next.
func TestInstallButton(t *testing.T) {
	s := start(t)
	tab := s.tab(t, 1280, 800)
	tab.Open(s.server.URL("/"))
	waitH1(t, tab, "Drill")
	tab.WaitFor("button", "Install app")

	navLink(t, tab, "Questions").Click()
	waitH1(t, tab, "Questions")
	tab.Find("button", "Install app")

	tab.Eval(`window.dispatchEvent(new Event("appinstalled"))`, nil)
	tab.WaitGone("button", "Install app")
	navLink(t, tab, "Settings").Click()
	waitH1(t, tab, "Settings")
	if n := len(tab.Query("button", "Install app")); n != 0 {
		t.Errorf(`%d "Install app" buttons on Settings after the app was installed, want none`, n)
	}
}

// TestInstallHelpOnSafari: Safari offers no installation prompt, so
// "Install app" (there on every Apple browser, by go-app's own test) shows
// the steps instead: Share, Add to Home Screen. It used to do nothing.
func TestInstallHelpOnSafari(t *testing.T) {
	s := start(t)
	tab := s.browser.NewIsolatedTab(t, 390, 844)
	t.Cleanup(func() { checkClean(t, tab, s.server.Origin()) })
	const iPhone = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1"
	if err := chromedp.Run(tab.Context(), emulation.SetUserAgentOverride(iPhone)); err != nil {
		t.Fatal(err)
	}
	tab.Open(s.server.URL("/"))
	waitH1(t, tab, "Drill")
	tab.WaitFor("button", "Install app").Click()
	tab.WaitFor("heading", "Install stardrill")
	var help string
	tab.Eval(`document.getElementById("install-help").innerText`, &help)
	if !strings.Contains(help, "tap Share, then Add to Home Screen") {
		t.Errorf("the install help says %q", help)
	}
	tab.Screenshot(filepath.Join(s.shots, "install-help-390.png"))
	axe(t, s, tab, "install help")
	tab.Press(kb.Escape)
	tab.WaitGone("heading", "Install stardrill")
	tab.Find("button", "Install app").Click()
	tab.WaitFor("button", "Close").Click()
	tab.WaitGone("heading", "Install stardrill")
}

// TestDeepLinks opens every page by its address and reloads it, as a person
// following a bookmark would: the static host must answer PATH with
// PATH.html, and the app must start on that page.
func TestDeepLinks(t *testing.T) {
	s := start(t)
	tab := s.tab(t, 1280, 800)
	for _, p := range pages {
		tab.Open(s.server.URL(p.path))
		waitH1(t, tab, p.heading)
		checkCurrent(t, tab, p.link)
		tab.Reload()
		waitH1(t, tab, p.heading)
		if got := pathname(t, tab); got != p.path {
			t.Errorf("after reloading %s the address is %s", p.path, got)
		}
	}

	// A question's own page, when the Questions page links to one.
	tab.Open(s.server.URL("/questions"))
	q := questionPath(t, tab)
	if q == "" {
		t.Log("the Questions page links to no question page yet")
		return
	}
	want := prerenderedH1(t, tab, q)
	if want == "" {
		t.Fatalf("%s has no level-one heading", q)
	}
	tab.Open(s.server.URL(q))
	waitH1(t, tab, want)
	tab.Reload()
	waitH1(t, tab, want)
	if got := pathname(t, tab); got != q {
		t.Errorf("after reloading %s the address is %s", q, got)
	}
}

// prerenderedH1 fetches path's HTML as the server sends it (before any app
// code runs) and returns the text of its level-one heading.
func prerenderedH1(t *testing.T, tab *harness.Tab, path string) string {
	t.Helper()
	var h string
	tab.Eval(fmt.Sprintf(`fetch(%q).then((r) => r.text()).then((html) => {
		const h = new DOMParser().parseFromString(html, "text/html").querySelector("h1");
		return h ? h.textContent.trim() : "";
	})`, path), &h)
	return h
}

// headingLog records, in every document, each change of the first h1's
// text from the moment the prerendered body has been parsed (go-app's loader,
// which comes after the content, is there), and whether the loader was gone
// by then (the app running).
const headingLog = `(() => {
  const log = window.__e2eHeadings = [];
  let last, seen = false;
  new MutationObserver(() => {
    seen = seen || !!document.getElementById("app-wasm-loader");
    if (!seen) return;
    const h = document.querySelector("h1");
    const text = h ? h.textContent.trim() : "";
    if (text !== last) {
      last = text;
      log.push({Text: text, Running: !document.getElementById("app-wasm-loader")});
    }
  }).observe(document, {childList: true, subtree: true, characterData: true});
})()`

// TestNoFlashOfWrongContent opens every page directly and records its
// level-one heading from the first byte until the app has run a moment:
// when the app starts, it must keep the heading the prerendered HTML showed,
// not replace it, even briefly, with another (such as a "not found" or
// empty state) that people and screen readers would see flash by.
func TestNoFlashOfWrongContent(t *testing.T) {
	s := start(t)
	tab := s.tab(t, 1280, 800)
	tab.AddScript(headingLog)
	paths := []string{}
	for _, p := range pages {
		paths = append(paths, p.path)
	}
	tab.Open(s.server.URL("/questions"))
	if q := questionPath(t, tab); q != "" {
		paths = append(paths, q)
	}
	for _, p := range paths {
		want := prerenderedH1(t, tab, p)
		tab.Open(s.server.URL(p))
		tab.Eval(`new Promise((ok) => setTimeout(ok, 300))`, nil)
		var log []struct {
			Text    string
			Running bool
		}
		tab.Eval(`window.__e2eHeadings`, &log)
		for _, h := range log {
			if h.Text != want {
				t.Errorf("%s: the heading read %q (app running: %v), but the page's heading is %q; all changes: %+v",
					p, h.Text, h.Running, want, log)
				break
			}
		}
	}
}

// TestUnknownAddress opens addresses that name no page, as an old bookmark
// or a typo does: each shows the app's own page that says so, with the
// navigation and a way back, never go-app's bare "404 Not Found".
func TestUnknownAddress(t *testing.T) {
	s := start(t)
	tab := s.tab(t, 1280, 800)
	for _, tt := range []struct{ path, heading string }{
		{"/nothing/here", "Page not found"},
		{"/settings/", "Page not found"},
		{"/questions/made-a-mistake/more", "Page not found"},
		{"/questions/no-such-question", "Question not found"},
	} {
		openUnknown(t, tab, s.server.URL(tt.path))
		tab.WaitFor("heading", tt.heading)
		if n := len(tab.Query("navigation", "Main")); n != 1 {
			t.Errorf("%s: %d main navigations", tt.path, n)
		}
	}
	// A drill of a question there is not (one of your own, deleted since,
	// from Progress's "Practise again") offers the others and says why.
	tab.Open(s.server.URL("/?q=gone"))
	tab.WaitApp()
	waitH1(t, tab, "Drill")
	const noSuch = `[...document.querySelectorAll("[role=status]")].some((e) => e.innerText.startsWith("There is no such question here"))`
	tab.WaitTrue("the note that the question is not here", noSuch)
	navLink(t, tab, "Drill").Click()
	tab.WaitTrue("the note gone", "!"+noSuch)

	openUnknown(t, tab, s.server.URL("/nothing/here"))
	tab.WaitFor("heading", "Page not found")
	axe(t, s, tab, "page not found")
	tab.WaitFor("link", "Go to Drill").Click()
	tab.WaitFor("heading", "Drill")
}

// openUnknown opens url, an address the server answers with its 404 page
// (the app itself) until the service worker serves the app: Chromium logs
// that status, which is no problem of the page's. Any other problem is.
func openUnknown(t *testing.T, tab *harness.Tab, url string) {
	t.Helper()
	tab.Open(url)
	tab.WaitApp()
	for _, p := range tab.Problems() {
		if p.Text != "network: Failed to load resource: the server responded with a status of 404 (Not Found) ("+url+")" {
			t.Errorf("page problem: %s", p)
		}
	}
	tab.ResetProblems()
}

// TestKeyboardSkipLink checks that the first Tab reaches the skip link and
// that following it moves focus past the navigation. It uses the Progress
// page, the one least likely to move focus into a field on its own.
func TestKeyboardSkipLink(t *testing.T) {
	s := start(t)
	tab := s.tab(t, 1280, 800)
	tab.Open(s.server.URL("/progress"))
	tab.Press(kb.Tab)
	skip := tab.Find("link", "Skip to content")
	if skip.Prop("focused") != "true" {
		var active string
		tab.Eval(`document.activeElement.outerHTML.slice(0, 120)`, &active)
		t.Fatalf("the first Tab focused %s, want the skip link", active)
	}
	tab.Press(kb.Enter)
	tab.WaitTrue("the skip link to reach the main content", `location.hash === "#main"`)
	waitH1(t, tab, "Progress")
}

// manifestReport is what the page finds when it reads its web app manifest.
type manifestReport struct {
	URL      string
	Status   int
	Manifest struct {
		Name            string `json:"name"`
		ShortName       string `json:"short_name"`
		Description     string `json:"description"`
		StartURL        string `json:"start_url"`
		Scope           string `json:"scope"`
		Display         string `json:"display"`
		ThemeColor      string `json:"theme_color"`
		BackgroundColor string `json:"background_color"`
	}
	Icons []struct {
		URL, Sizes, Purpose, Type, ContentType string
		Status, Width, Height                  int
	}
	MetaTheme string
}

// readManifest fetches the manifest the page links to and every icon it
// lists, and loads each icon as an image, all from inside the page (under
// its Content-Security-Policy).
const readManifest = `(async () => {
  const url = new URL(document.querySelector('link[rel="manifest"]').href, location.href);
  const res = await fetch(url);
  const manifest = await res.json();
  const icons = [];
  for (const icon of manifest.icons || []) {
    const u = new URL(icon.src, url);
    const r = await fetch(u);
    const size = await new Promise((ok) => {
      const img = new Image();
      img.onload = () => ok([img.naturalWidth, img.naturalHeight]);
      img.onerror = () => ok([0, 0]);
      img.src = u.href;
    });
    icons.push({URL: u.href, Sizes: icon.sizes || "", Purpose: icon.purpose || "", Type: icon.type || "",
      ContentType: r.headers.get("content-type") || "", Status: r.status, Width: size[0], Height: size[1]});
  }
  const meta = document.querySelector('meta[name="theme-color"]');
  return {URL: url.href, Status: res.status, Manifest: manifest, Icons: icons, MetaTheme: meta ? meta.content : ""};
})()`

// TestManifest checks the web app manifest that makes stardrill installable:
// names, description, colours, and icons at 192 and 512 pixels plus a
// maskable one, all on the site's own origin and loadable.
func TestManifest(t *testing.T) {
	s := start(t)
	tab := s.tab(t, 1280, 800)
	tab.Open(s.server.URL("/"))
	var r manifestReport
	tab.Eval(readManifest, &r)
	origin := s.server.Origin()
	if r.Status != 200 || !harness.IsLocal(r.URL, origin) {
		t.Fatalf("manifest %s answered %d, want 200 from %s", r.URL, r.Status, origin)
	}
	m := r.Manifest
	for _, c := range []struct{ field, got, want string }{
		{"name", m.Name, site.Name},
		{"short_name", m.ShortName, site.ShortName},
		{"description", m.Description, site.Description},
		{"display", m.Display, "standalone"},
	} {
		if c.got != c.want {
			t.Errorf("manifest %s = %q, want %q", c.field, c.got, c.want)
		}
	}
	if len([]rune(m.ShortName)) > 12 {
		t.Errorf("short_name %q is longer than the 12 characters a home screen shows", m.ShortName)
	}
	colour := regexp.MustCompile(`^#[0-9a-fA-F]{6}$`)
	for field, c := range map[string]string{"theme_color": m.ThemeColor, "background_color": m.BackgroundColor} {
		if !colour.MatchString(c) {
			t.Errorf("manifest %s = %q, want a #rrggbb colour", field, c)
		}
	}
	if !strings.EqualFold(r.MetaTheme, m.ThemeColor) {
		t.Errorf("the page's theme-color %q differs from the manifest's %q", r.MetaTheme, m.ThemeColor)
	}
	for field, u := range map[string]string{"start_url": m.StartURL, "scope": m.Scope} {
		abs, err := url.Parse(r.URL)
		if err == nil {
			var ref *url.URL
			if ref, err = url.Parse(u); err == nil {
				abs = abs.ResolveReference(ref)
			}
		}
		if err != nil || !harness.IsLocal(abs.String(), origin) {
			t.Errorf("manifest %s %q is not on the site's origin", field, u)
		}
	}
	var has192, has512, maskable bool
	for _, ic := range r.Icons {
		if !harness.IsLocal(ic.URL, origin) {
			t.Errorf("icon %s is not on the site's origin: it would fail offline and leak visits", ic.URL)
			continue
		}
		if ic.Status != 200 || ic.Width == 0 {
			t.Errorf("icon %s: status %d, %d×%d: it does not load", ic.URL, ic.Status, ic.Width, ic.Height)
			continue
		}
		if ic.Type != "" && !strings.HasPrefix(ic.ContentType, ic.Type) {
			t.Errorf("icon %s is declared %s but served as %s", ic.URL, ic.Type, ic.ContentType)
		}
		if ic.Sizes != "any" && ic.Sizes != fmt.Sprintf("%dx%d", ic.Width, ic.Height) {
			t.Errorf("icon %s is declared %s but is %d×%d", ic.URL, ic.Sizes, ic.Width, ic.Height)
		}
		has192 = has192 || ic.Sizes == "192x192"
		has512 = has512 || ic.Sizes == "512x512"
		maskable = maskable || strings.Contains(ic.Purpose, "maskable")
	}
	if !has192 || !has512 || !maskable {
		t.Errorf("manifest icons: 192×192 %v, 512×512 %v, maskable %v; all three are needed to install", has192, has512, maskable)
	}
}

// cachedURLs lists every URL in the page's Cache Storage.
const cachedURLs = `(async () => {
  const urls = [];
  for (const name of await caches.keys()) {
    const cache = await caches.open(name);
    for (const req of await cache.keys()) urls.push(req.url);
  }
  return urls;
})()`

// checkWasmReadOnce fails the test unless the page in tab read app.wasm (at
// path, such as "/web/app.wasm") once: a page the service worker controls
// reads it from the worker's store (site/loader.js) without a request, any
// other page downloads it once.
func checkWasmReadOnce(t *testing.T, tab *harness.Tab, path string) {
	t.Helper()
	var fetched int
	var controlled bool
	tab.Eval(`performance.getEntriesByType("resource").filter((e) => new URL(e.name).pathname === `+strconv.Quote(path)+`).length`, &fetched)
	tab.Eval(`!!navigator.serviceWorker.controller`, &controlled)
	switch {
	case controlled && fetched != 0:
		t.Errorf("app.wasm was requested %d times by a page the service worker controls, want it read from the worker's store", fetched)
	case !controlled && fetched != 1:
		t.Errorf("app.wasm was fetched %d times on one page load, want 1", fetched)
	}
}

// loaderLabels records, in every document, each text go-app's loader label
// shows until the loader goes.
const loaderLabels = `(() => {
  const seen = window.__e2eLabels = [];
  new MutationObserver(() => {
    const label = document.getElementById("app-wasm-loader-label");
    const text = label ? label.innerText.trim() : null;
    if (text !== null && text !== seen[seen.length - 1]) seen.push(text);
  }).observe(document, {childList: true, subtree: true, characterData: true});
})();`

// TestLoader checks how the page loads app.wasm (site/loader.js): the
// module goes to the compiler as it is downloaded, without go-app's
// per-chunk copy, the loader counts a download only when it is slow, and a
// page the service worker controls reads the module from the worker's store.
func TestLoader(t *testing.T) {
	s := start(t)
	const plain = "Loading your trainer…"
	labels := func(tab *harness.Tab) []string {
		var l []string
		tab.Eval(`window.__e2eLabels`, &l)
		return l
	}
	counted := func(labels []string) (n int) {
		for _, l := range labels {
			if strings.HasSuffix(l, "%") && !strings.HasSuffix(l, " 0%") {
				n++
			}
		}
		return n
	}
	tab := s.browser.NewIsolatedTab(t, 1280, 800)
	tab.AddScript(loaderLabels)
	tab.Open(s.server.URL("/"))
	first := labels(tab)
	tab.WaitServiceWorker() // reloads once the worker has stored the app
	var controlled bool
	tab.Eval(`!!navigator.serviceWorker.controller`, &controlled)
	if !controlled {
		t.Fatal("the page is not controlled by the service worker after it installed")
	}
	for name, l := range map[string][]string{"a first visit": first, "a visit the service worker answered": labels(tab)} {
		if len(l) == 0 || l[len(l)-1] != plain || counted(l) > 0 {
			t.Errorf("%s showed the loader labels %q, want them to end on %q without counting a fast download", name, l, plain)
		}
	}
	checkWasmReadOnce(t, tab, "/web/app.wasm")
	checkClean(t, tab, s.server.Origin())

	// A first visit over a slow network (2 MB/s: a few seconds) shows the
	// download moving.
	slow := s.browser.NewIsolatedTab(t, 1280, 800)
	slow.Timeout = time.Minute
	slow.AddScript(loaderLabels)
	slow.Navigate(s.server.URL(harness.BlankPath))
	if err := chromedp.Run(slow.Context(), network.Enable(), network.EmulateNetworkConditions(false, 20, 2<<20, 1<<20)); err != nil {
		t.Fatal(err)
	}
	slow.Open(s.server.URL("/"))
	if l := labels(slow); counted(l) < 3 {
		t.Errorf("a slow first visit showed the loader labels %q, want the download counted", l)
	}
	checkClean(t, slow, s.server.Origin())
}

// TestOffline visits the app once, waits for the service worker, then stops
// the server and turns off Chromium's HTTP cache: only the worker can answer.
// Reloading and opening pages must still start the app on the right page.
// It uses its own server (its own origin) and a private browser context, so
// it neither disturbs nor inherits other tests' worker.
func TestOffline(t *testing.T) {
	s := start(t)
	srv, err := harness.Serve(s.site)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Stop() })
	tab := s.browser.NewIsolatedTab(t, 1280, 800)
	tab.Open(srv.URL("/"))
	tab.WaitServiceWorker()

	var cached []string
	tab.Eval(cachedURLs, &cached)
	if len(cached) == 0 {
		t.Fatal("the service worker stored nothing")
	}
	for _, u := range cached {
		if !harness.IsLocal(u, srv.Origin()) {
			t.Errorf("the service worker stored %s, from another origin", u)
		}
	}
	tab.Open(srv.URL("/questions"))
	q := questionPath(t, tab)
	var qTitle string
	if q != "" {
		qTitle = prerenderedH1(t, tab, q)
	}
	tab.Open(srv.URL("/"))
	checkClean(t, tab, srv.Origin())
	tab.ResetProblems()

	if err := srv.Stop(); err != nil {
		t.Fatal(err)
	}
	tab.DisableCache()
	var reach string
	tab.Eval(`fetch("`+harness.BlankPath+`", {cache: "no-store"}).then(() => "reached", () => "unreachable")`, &reach)
	if reach != "unreachable" {
		t.Fatalf("the server still answers after Stop (%s): the test would prove nothing", reach)
	}
	tab.ResetProblems() // the probe's failed request

	tab.Reload()
	waitH1(t, tab, "Drill")
	for _, p := range pages[1:] {
		tab.Open(srv.URL(p.path))
		waitH1(t, tab, p.heading)
		checkCurrent(t, tab, p.link)
	}
	tab.Open(srv.URL("/questions"))
	tab.Reload()
	waitH1(t, tab, "Questions")
	navLink(t, tab, "Drill").Click()
	waitH1(t, tab, "Drill")
	if q == "" {
		t.Log("the Questions page links to no question page yet: none checked offline")
	} else {
		// Never visited offline, and not stored by the worker: the app
		// shell must start and route to it.
		tab.Open(srv.URL(q))
		waitH1(t, tab, qTitle)
	}
	for _, p := range offlineProblems(tab.Problems()) {
		t.Errorf("offline page problem: %s", p)
	}
	for _, u := range tab.OffOrigin(srv.Origin()) {
		t.Errorf("request to another origin: %s", u)
	}
}

// offlineProblems drops what Chromium logs because the network is gone on
// purpose (failed requests to the stopped server) and keeps the rest.
func offlineProblems(ps []harness.Problem) []harness.Problem {
	var keep []harness.Problem
	for _, p := range ps {
		if p.Kind == "log" && strings.Contains(p.Text, "net::ERR_CONNECTION_REFUSED") {
			continue
		}
		keep = append(keep, p)
	}
	return keep
}

// TestLayout opens every page at a phone and a desktop size, in light and
// dark, checks that nothing scrolls sideways, and saves a screenshot of each.
func TestLayout(t *testing.T) {
	s := start(t)
	sizes := []struct{ w, h int }{{360, 740}, {1280, 800}}
	for _, size := range sizes {
		t.Run(fmt.Sprintf("%dx%d", size.w, size.h), func(t *testing.T) {
			tab := s.tab(t, size.w, size.h)
			for _, p := range pages {
				tab.Open(s.server.URL(p.path))
				waitH1(t, tab, p.heading)
				for _, scheme := range []string{"light", "dark"} {
					tab.ColorScheme(scheme)
					var m struct{ ScrollWidth, InnerWidth, ClientWidth int }
					// Two frames let the new colours and layout settle.
					tab.Eval(`new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => ok({
						ScrollWidth: document.scrollingElement.scrollWidth,
						InnerWidth: innerWidth,
						ClientWidth: document.documentElement.clientWidth}))))`, &m)
					if m.ScrollWidth > m.InnerWidth || m.ScrollWidth > m.ClientWidth {
						t.Errorf("%s at %dpx (%s) scrolls sideways: content %dpx wide, window %dpx",
							p.path, size.w, scheme, m.ScrollWidth, m.ClientWidth)
					}
					name := strings.ToLower(p.link)
					tab.Screenshot(filepath.Join(s.shots, fmt.Sprintf("%s-%d-%s.png", name, size.w, scheme)))
				}
			}
		})
	}
}

// TestHarness checks that the helpers the other tests rely on see what they
// claim to: console errors, CSP violations, dialogs and planted storage.
// Without it, "no problems" could mean "not looking".
func TestHarness(t *testing.T) {
	s := start(t)
	tab := s.browser.NewTab(t, 800, 600)
	tab.SetLocalStorage(s.server.Origin(), map[string]string{"e2e-planted": `{"v":1}`})
	tab.Open(s.server.URL("/"))
	if got := tab.LocalStorage()["e2e-planted"]; got != `{"v":1}` {
		t.Errorf("planted localStorage item reads %q", got)
	}
	tab.Eval(`localStorage.removeItem("e2e-planted")`, nil)

	tab.Eval(`console.error("e2e canary")`, nil)
	// The page's policy forbids inline style attributes.
	tab.Eval(`document.body.setAttribute("style", "outline: 1px solid red")`, nil)
	tab.WaitTrue("the CSP report", `true`)
	kinds := map[string]bool{}
	for range 40 {
		for _, p := range tab.Problems() {
			kinds[p.Kind] = true
		}
		if kinds["console"] && kinds["csp"] {
			break
		}
		tab.Eval(`new Promise((ok) => setTimeout(ok, 25))`, nil)
	}
	if !kinds["console"] || !kinds["csp"] {
		t.Errorf("the harness missed a console error or a CSP violation: %v", tab.Problems())
	}

	var ok bool
	tab.Eval(`confirm("Delete everything?")`, &ok)
	if !ok {
		t.Error("confirm was not accepted by default")
	}
	tab.OnDialog(func(harness.Dialog) (bool, string) { return false, "" })
	tab.Eval(`confirm("Really?")`, &ok)
	if ok {
		t.Error("confirm was accepted although the test said no")
	}
	if d := tab.Dialogs(); len(d) != 2 || d[0].Message != "Delete everything?" || d[1].Type != "confirm" {
		t.Errorf("dialogs seen: %+v", d)
	}
	if off := tab.OffOrigin(s.server.Origin()); len(off) > 0 {
		t.Errorf("requests to other origins: %v", off)
	}
	if len(tab.Requests()) == 0 {
		t.Error("the harness saw no requests at all")
	}
}

// TestSubPath serves the site under /stardrill, as a GitHub Pages project
// site would: deep links, navigation and the search shortcut keep the prefix.
func TestSubPath(t *testing.T) {
	s := start(t)
	root := t.TempDir()
	cmd := exec.Command("go", "run", "./wasm", "build", "-o", filepath.Join(root, "stardrill"), "-prefix", "/stardrill", "-wasm", s.wasm)
	cmd.Dir = s.root
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("building under /stardrill: %v\n%s", err, out)
	}
	srv, err := harness.Serve(root)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Stop()
	tab := s.browser.NewIsolatedTab(t, 1280, 900)
	t.Cleanup(func() { checkClean(t, tab, srv.Origin()) })
	tab.Open(srv.URL("/stardrill/questions/made-a-mistake"))
	waitH1(t, tab, "Tell me about a time you made a mistake at work.")
	navLink(t, tab, "Progress").Click()
	waitH1(t, tab, "Progress")
	if p := pathname(t, tab); p != "/stardrill/progress" {
		t.Errorf("the Progress link led to %s", p)
	}
	tab.Press("/")
	tab.WaitTrue("the search box to have focus", `document.activeElement && document.activeElement.id === "search"`)
	if p := pathname(t, tab); p != "/stardrill/questions" {
		t.Errorf("the / shortcut led to %s", p)
	}
	tab.Reload()
	waitH1(t, tab, "Questions")
	// A visit the worker answers reads app.wasm from its store under the
	// prefix too.
	tab.WaitServiceWorker()
	waitH1(t, tab, "Questions")
	checkWasmReadOnce(t, tab, "/stardrill/web/app.wasm")
}

// TestLargeText reads the app on a phone with the browser's text set to
// 150% and 200% (24 and 32 px), and in a desktop window zoomed to 400% (320
// by 256 CSS px, where WCAG asks that nothing need scrolling sideways):
// nothing may run off the side of the screen (every navigation link on it,
// no scrolling sideways), and the header may not stay over the page, where
// it would hide a third of a short window.
func TestLargeText(t *testing.T) {
	s := start(t)
	views := []struct {
		name          string
		width, height int
		px            int
	}{
		{"text 150%", 360, 740, 24},
		{"text 200%", 360, 740, 32},
		{"zoom 400%", 320, 256, 16},
	}
	for _, v := range views {
		t.Run(v.name, func(t *testing.T) {
			px := v.px
			tab := s.privateTab(t, v.width, v.height)
			tab.TextSize(px)
			check := func(where string) {
				t.Helper()
				var m struct {
					Text          string
					Wide          []string
					Nav           []string
					Header, Inner float64
				}
				tab.Eval(`new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() => {
					const width = document.documentElement.clientWidth;
					const out = (e) => { const r = e.getBoundingClientRect(); return r.width > 0 && (r.left < -1 || r.right > width + 1); };
					const name = (e) => e.tagName.toLowerCase() + " " + JSON.stringify(e.innerText.slice(0, 30));
					scrollTo(0, document.scrollingElement.scrollHeight);
					ok({Text: getComputedStyle(document.body).fontSize,
						Wide: [...document.querySelectorAll("main *")].filter(out).slice(0, 5).map(name),
						Nav: [...document.querySelectorAll("nav a")].filter(out).map(name),
						Header: Math.max(0, document.querySelector("header").getBoundingClientRect().bottom),
						Inner: innerHeight});
				})))`, &m)
				if want := strconv.Itoa(px) + "px"; m.Text != want {
					t.Errorf("%s: text is %s, want the reader's %s", where, m.Text, want)
				}
				if len(m.Wide) > 0 {
					t.Errorf("%s (%s) runs off the screen: %s", where, v.name, strings.Join(m.Wide, ", "))
				}
				if len(m.Nav) > 0 {
					t.Errorf("%s (%s): navigation links off the screen: %s", where, v.name, strings.Join(m.Nav, ", "))
				}
				if m.Header > m.Inner/4 {
					t.Errorf("%s (%s): scrolled to the end, the header still covers %.0f of %.0f px", where, v.name, m.Header, m.Inner)
				}
			}
			for _, p := range pages {
				tab.Open(s.server.URL(p.path))
				waitH1(t, tab, p.heading)
				check(p.path)
			}
			tab.Open(s.server.URL("/questions"))
			waitH1(t, tab, "Questions")
			tab.Find("button", "Show all 11 Communication questions").Click()
			check("the Questions list, opened")
			tab.Open(s.server.URL("/questions/made-a-mistake"))
			waitH1(t, tab, mistakeQuestion)
			check("a question")
			tab.Open(s.server.URL("/?q=made-a-mistake"))
			fill(t, tab, "Your answer", strongFree)
			score(t, tab)
			check("a drill with its report")
			saveAttempt(t, tab)
			tab.Open(s.server.URL("/progress"))
			openAttempt(t, tab)
			tab.WaitFor("heading", "Your answer")
			check("a saved attempt")
		})
	}
}
