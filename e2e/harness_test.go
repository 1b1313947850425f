package e2e

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sync"
	"testing"
	"time"

	"stardrill/e2e/internal/harness"
)

// suite is what TestMain prepares once for every test: the compiled app, the
// built site, a server and one Chromium. Tests open their own tabs.
type suite struct {
	root    string // module root
	wasm    string // compiled ./wasm
	site    string // built static site
	server  *harness.Server
	browser *harness.Browser
	shots   string // screenshot folder
}

// env is set by TestMain; skip says why the e2e tests do not run, if so.
var (
	env  *suite
	skip string
)

func TestMain(m *testing.M) {
	flag.Parse()
	if testing.Short() {
		skip = "-short skips the browser tests"
	} else if v := os.Getenv("STARDRILL_E2E_SHORT"); v != "" && v != "0" {
		skip = "STARDRILL_E2E_SHORT skips the browser tests"
	}
	if skip != "" {
		os.Exit(m.Run())
	}
	os.Exit(run(m))
}

func run(m *testing.M) int {
	exe, err := harness.FindChromium()
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	tmp, err := os.MkdirTemp("", "stardrill-e2e-")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer os.RemoveAll(tmp)
	s, err := setup(exe, tmp)
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		return 1
	}
	defer s.browser.Close()
	defer s.server.Stop()
	env = s
	return m.Run()
}

func setup(exe, tmp string) (*suite, error) {
	s := &suite{wasm: filepath.Join(tmp, "app.wasm"), site: filepath.Join(tmp, "site")}
	var err error
	if s.root, err = harness.ModuleRoot(); err != nil {
		return nil, err
	}
	start := time.Now()
	if err := harness.CompileWasm(s.root, "./wasm", s.wasm); err != nil {
		return nil, err
	}
	if err := harness.BuildSite(s.root, "./wasm", s.wasm, s.site); err != nil {
		return nil, err
	}
	fmt.Fprintf(os.Stderr, "e2e: compiled app.wasm and built the site in %.1fs\n", time.Since(start).Seconds())
	if s.server, err = harness.Serve(s.site); err != nil {
		return nil, err
	}
	if s.browser, err = harness.Launch(exe, filepath.Join(tmp, "profile")); err != nil {
		s.server.Stop()
		return nil, err
	}
	s.shots = os.Getenv("STARDRILL_SHOTS")
	if s.shots == "" {
		s.shots = "screenshots"
	}
	return s, nil
}

// inputsSeen makes go test's result cache see what the tests depend on.
var inputsSeen sync.Once

// start returns the suite, skipping the test when the e2e tests are off.
func start(t *testing.T) *suite {
	t.Helper()
	inputsSeen.Do(func() {
		// TestMain read these before the cache was listening: read them
		// again so that changing one reruns the tests instead of
		// replaying a cached result.
		for _, v := range []string{"STARDRILL_E2E_SHORT", "STARDRILL_SHOTS", "STARDRILL_BENCH", "STARDRILL_BENCH_RUNS"} {
			os.Getenv(v)
		}
		if env != nil {
			harness.FindChromium()
			if err := harness.WatchSources(env.root); err != nil {
				t.Logf("listing the sources for the test cache: %v", err)
			}
		}
	})
	if skip != "" {
		t.Skip(skip)
	}
	return env
}

// tab opens a tab in the shared browser and, when the test ends, checks that
// nothing went wrong on its pages (see checkClean).
func (s *suite) tab(t *testing.T, width, height int) *harness.Tab {
	t.Helper()
	tab := s.browser.NewTab(t, width, height)
	t.Cleanup(func() { checkClean(t, tab, s.server.Origin()) })
	return tab
}

// checkClean fails the test if the tab saw a console error, an uncaught
// exception, an error Chromium logged, a CSP violation or a request to any
// origin but the given ones.
func checkClean(t *testing.T, tab *harness.Tab, origins ...string) {
	t.Helper()
	for _, p := range tab.Problems() {
		t.Errorf("page problem: %s", p)
	}
	for _, u := range tab.OffOrigin(origins...) {
		t.Errorf("request to another origin: %s", u)
	}
}
