package e2e

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"stardrill/e2e/internal/harness"
)

// TestBenchFigures prints stardrill's size and load figures next to those of
// a bare go-app page (bench/hello), the framework floor: app.wasm raw, gzip
// -9 and brotli -q 11, and the time from navigation start until the app runs
// and answers input, on a cold and a warm visit. It prints figures; it does
// not judge them. It runs only when STARDRILL_BENCH is set (make bench):
//
//	STARDRILL_BENCH=1 go test ./e2e/ -run TestBenchFigures -v
//
// STARDRILL_BENCH_RUNS changes the number of visits per figure (default 5).
func TestBenchFigures(t *testing.T) {
	if os.Getenv("STARDRILL_BENCH") == "" {
		t.Skip("set STARDRILL_BENCH=1 to print the benchmark figures (make bench)")
	}
	s := start(t)
	runs := 5
	if v, err := strconv.Atoi(os.Getenv("STARDRILL_BENCH_RUNS")); err == nil && v > 0 {
		runs = v
	}

	// The product was compiled and built by TestMain with the product's
	// flags (site.WasmBuildArgs); the floor is compiled the same way here.
	dir := t.TempDir()
	floorWasm, floorSite := filepath.Join(dir, "hello.wasm"), filepath.Join(dir, "hello")
	if err := harness.CompileWasm(s.root, "./bench/hello", floorWasm); err != nil {
		t.Fatal(err)
	}
	if err := harness.BuildSite(s.root, "./bench/hello", floorWasm, floorSite); err != nil {
		t.Fatal(err)
	}
	product := benchApp{
		name: "stardrill", wasm: s.wasm, site: s.site,
		// Click "Settings", the lightest page, in the navigation; the app
		// answers when the page's heading changes.
		act:      func(tab *harness.Tab) { tab.Find("link", "Settings").Click() },
		answered: h1Is("Settings"),
	}
	floor := benchApp{
		name: "hello", wasm: floorWasm, site: floorSite,
		// Type a letter; the app answers when the greeting shows it.
		act:      func(tab *harness.Tab) { tab.Find("textbox", "Name").Type("x") },
		answered: `document.querySelector("h1").textContent.includes("x!")`,
	}

	var rows []figure
	pSize, fSize := wasmSizes(t, product.wasm), wasmSizes(t, floor.wasm)
	for i, label := range []string{"app.wasm raw", "app.wasm gzip -9", "app.wasm brotli -q 11"} {
		rows = append(rows, figure{name: label, unit: "MB", product: pSize[i] / 1e6, floor: fSize[i] / 1e6})
	}
	if math.IsNaN(pSize[2]) {
		rows[2].note = "brotli is not installed: apt-get install brotli"
	}

	var version string
	pCold, pWarm := measureLoad(t, product, runs, &version)
	fCold, fWarm := measureLoad(t, floor, runs, &version)
	for _, m := range []struct {
		label string
		p, f  []loadSample
		pick  func(loadSample) float64
	}{
		{label: "cold: app running", p: pCold, f: fCold, pick: func(s loadSample) float64 { return s.running }},
		{label: "cold: app answers input", p: pCold, f: fCold, pick: loadSample.interactive},
		{label: "warm: app running", p: pWarm, f: fWarm, pick: func(s loadSample) float64 { return s.running }},
		{label: "warm: app answers input", p: pWarm, f: fWarm, pick: loadSample.interactive},
		{label: "first input to answer (cold)", p: pCold, f: fCold, pick: func(s loadSample) float64 { return s.latency }},
	} {
		rows = append(rows, figure{name: m.label, unit: "ms", product: median(pick(m.p, m.pick)), floor: median(pick(m.f, m.pick))})
	}

	// Interactions of the product alone (the floor has no counterpart).
	tab := s.tab(t, 1280, 800)
	tab.AddScript(benchScript)
	tab.Open(s.server.URL("/"))
	var toQuestions []float64
	for range runs {
		toQuestions = append(toQuestions, navLatency(tab, "Questions"))
		navLatency(tab, "Drill")
	}
	rows = append(rows, figure{name: "click Questions to page shown", unit: "ms", product: median(toQuestions), floor: math.NaN()})

	var out strings.Builder
	fmt.Fprintf(&out, "\nstardrill vs the go-app floor (bench/hello): %s, 127.0.0.1, median of %d visits\n", version, runs)
	printFigures(&out, rows)
	fmt.Fprintln(&out, "running: from navigation start until go-app removes its loader (the wasm runs).")
	fmt.Fprintln(&out, "answers input: running + the time from a real input until the DOM shows the answer")
	fmt.Fprintln(&out, "  (stardrill: click Settings in the navigation; floor: type a letter in a field).")
	fmt.Fprintln(&out, "cold: fresh profile; warm: same profile, second visit, served by the service worker.")
	fmt.Print(out.String())
	for _, x := range []struct {
		name string
		s    []loadSample
	}{{"stardrill cold", pCold}, {"stardrill warm", pWarm}, {"hello cold", fCold}, {"hello warm", fWarm}} {
		t.Logf("%s samples (running/latency ms): %s", x.name, samples(x.s))
	}
}

// figure is one row of the benchmark table. floor is NaN for a figure that
// has no counterpart in the floor app, product NaN for one that could not be
// measured. To add a row, such as the latency of a search keystroke, measure
// it with answerLatency on an open tab and append a figure with floor
// math.NaN().
type figure struct {
	name, unit     string
	product, floor float64
	note           string
}

// printFigures writes the rows as an aligned table with the product/floor
// ratio.
func printFigures(w io.Writer, rows []figure) {
	num := func(v float64, unit string) string {
		switch {
		case math.IsNaN(v):
			return "—"
		case unit == "MB":
			return fmt.Sprintf("%.3f MB", v)
		default:
			return fmt.Sprintf("%.0f %s", v, unit)
		}
	}
	fmt.Fprintf(w, "%-30s %12s %12s %7s\n", "", "stardrill", "floor", "ratio")
	for _, r := range rows {
		ratio := "—"
		if !math.IsNaN(r.product) && !math.IsNaN(r.floor) && r.floor > 0 {
			ratio = fmt.Sprintf("%.2f", r.product/r.floor)
		}
		line := fmt.Sprintf("%-30s %12s %12s %7s", r.name, num(r.product, r.unit), num(r.floor, r.unit), ratio)
		if r.note != "" {
			line += "  (" + r.note + ")"
		}
		fmt.Fprintln(w, line)
	}
}

// wasmSizes returns the bytes of the file raw, gzip -9 and brotli -q 11
// (NaN when brotli is not installed).
func wasmSizes(t *testing.T, name string) [3]float64 {
	t.Helper()
	data, err := os.ReadFile(name)
	if err != nil {
		t.Fatal(err)
	}
	var gz bytes.Buffer
	zw, _ := gzip.NewWriterLevel(&gz, gzip.BestCompression)
	zw.Write(data)
	zw.Close()
	br := math.NaN()
	if _, err := exec.LookPath("brotli"); err == nil {
		out, err := exec.Command("brotli", "-q", "11", "-c", name).Output()
		if err != nil {
			t.Fatalf("brotli -q 11 -c %s: %v", name, err)
		}
		br = float64(len(out))
	}
	return [3]float64{float64(len(data)), float64(gz.Len()), br}
}

// benchApp is an app to time: its built site, and how to give it input and
// tell that it answered.
type benchApp struct {
	name, wasm, site string
	act              func(*harness.Tab) // real input, once the app runs
	answered         string             // JavaScript: true once the app answered
}

// loadSample is one visit, in milliseconds from navigation start.
type loadSample struct {
	running    float64 // go-app removed its loader
	latency    float64 // from the first input event until the answer is in the DOM
	controlled bool    // a service worker answered the page
}

// interactive is when the app would have answered input given right as it
// started: running plus the input latency. It leaves out how long the test
// itself takes to send the input.
func (s loadSample) interactive() float64 { return s.running + s.latency }

// benchScript timestamps, in every document, the moment go-app removes its
// loader. arm(cond) starts a measurement: it timestamps the next click or key
// and the moment cond() becomes true after a DOM change.
const benchScript = `(() => {
  const b = window.__e2eBench = {running: 0, input: 0, answer: 0};
  let seen = false;
  new MutationObserver(() => {
    if (document.getElementById("app-wasm-loader")) seen = true;
    else if (seen && !b.running) b.running = performance.now();
  }).observe(document, {childList: true, subtree: true});
  for (const type of ["click", "keydown"]) {
    addEventListener(type, () => { if (!b.input) b.input = performance.now(); }, true);
  }
  let obs = null;
  b.arm = (cond) => {
    if (obs) obs.disconnect();
    b.input = 0;
    b.answer = 0;
    const test = () => { if (b.input && !b.answer && cond()) { b.answer = performance.now(); obs.disconnect(); } };
    obs = new MutationObserver(test);
    obs.observe(document, {childList: true, subtree: true, characterData: true, attributes: true});
  };
})();`

// measureLoad visits the app runs times, each in a new Chromium with a fresh
// profile: a cold visit, then, once the service worker controls the page, a
// warm visit in a new tab.
func measureLoad(t *testing.T, app benchApp, runs int, version *string) (cold, warm []loadSample) {
	t.Helper()
	srv, err := harness.Serve(app.site)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Stop()
	exe, err := harness.FindChromium()
	if err != nil {
		t.Fatal(err)
	}
	for range runs {
		b, err := harness.Launch(exe, t.TempDir())
		if err != nil {
			t.Fatal(err)
		}
		*version = b.Version()
		first := b.NewTab(t, 1280, 800)
		cold = append(cold, visit(t, first, srv.URL("/"), app))
		first.WaitServiceWorker()
		second := b.NewTab(t, 1280, 800)
		w := visit(t, second, srv.URL("/"), app)
		if !w.controlled {
			t.Errorf("%s: the warm visit was not served by the service worker", app.name)
		}
		warm = append(warm, w)
		for _, tab := range []*harness.Tab{first, second} {
			for _, p := range tab.Problems() {
				t.Errorf("%s: page problem: %s", app.name, p)
			}
			tab.Close()
		}
		b.Close()
	}
	return cold, warm
}

// visit opens url in tab and times it (see loadSample).
func visit(t *testing.T, tab *harness.Tab, url string, app benchApp) loadSample {
	t.Helper()
	tab.AddScript(benchScript)
	tab.Navigate(url)
	tab.WaitTrue("the app to run", `window.__e2eBench.running > 0`)
	var s loadSample
	tab.Eval(`window.__e2eBench.running`, &s.running)
	tab.Eval(`!!navigator.serviceWorker.controller`, &s.controlled)
	s.latency = answerLatency(tab, func() { app.act(tab) }, app.answered)
	return s
}

// answerLatency measures, in milliseconds, how long the app in tab (which
// must have loaded benchScript) takes from the first click or key that act
// sends until the JavaScript condition answered is true after a DOM change.
// Use it for latency rows, such as a search keystroke or a feedback report.
func answerLatency(tab *harness.Tab, act func(), answered string) float64 {
	tab.Eval(`window.__e2eBench.arm(() => (`+answered+`))`, nil)
	act()
	tab.WaitTrue("the app to answer", `window.__e2eBench.answer > 0`)
	var ms float64
	tab.Eval(`window.__e2eBench.answer - window.__e2eBench.input`, &ms)
	return ms
}

// pick returns one figure of every sample.
func pick(s []loadSample, f func(loadSample) float64) []float64 {
	v := make([]float64, len(s))
	for i, x := range s {
		v[i] = f(x)
	}
	return v
}

func median(v []float64) float64 {
	if len(v) == 0 {
		return math.NaN()
	}
	v = slices.Sorted(slices.Values(v))
	if len(v)%2 == 1 {
		return v[len(v)/2]
	}
	return (v[len(v)/2-1] + v[len(v)/2]) / 2
}

// h1Is is a JavaScript condition: the page's level-one heading reads name.
func h1Is(name string) string {
	return fmt.Sprintf(`[...document.querySelectorAll("h1")].some((h) => h.textContent.trim() === %q)`, name)
}

// navLatency clicks the navigation link named page and returns how long the
// app took to show that page's heading.
func navLatency(tab *harness.Tab, page string) float64 {
	return answerLatency(tab, func() { tab.Find("link", page).Click() }, h1Is(page))
}

func samples(s []loadSample) string {
	var parts []string
	for _, x := range s {
		parts = append(parts, fmt.Sprintf("%.0f/%.1f", x.running, x.latency))
	}
	return strings.Join(parts, " ")
}
