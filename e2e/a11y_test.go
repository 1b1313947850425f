package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// axeResult is the part of axe-core's report the test reads.
type axeResult struct {
	Violations []struct {
		ID     string `json:"id"`
		Impact string `json:"impact"`
		Help   string `json:"help"`
		Nodes  []struct {
			Target []any  `json:"target"`
			HTML   string `json:"html"`
		} `json:"nodes"`
	} `json:"violations"`
}

// axe runs axe-core (from the npm package the tests install; the product
// never loads it) on the current page against WCAG 2.1 A and AA, and fails
// the test for each violation.
func axe(t *testing.T, s *suite, tab interface {
	Eval(string, any)
}, where string) {
	t.Helper()
	src, err := os.ReadFile(filepath.Join(s.root, "e2e", "js", "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		t.Fatalf("axe-core is not installed (make test runs npm ci in e2e/js): %v", err)
	}
	var loaded bool
	tab.Eval(string(src)+";\ntypeof axe === 'object'", &loaded)
	if !loaded {
		t.Fatal("axe-core did not load")
	}
	var res axeResult
	tab.Eval(`axe.run(document, {runOnly: {type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]}})`, &res)
	for _, v := range res.Violations {
		var where2 []string
		for _, n := range v.Nodes {
			where2 = append(where2, fmt.Sprint(n.Target)+" "+abbrevHTML(n.HTML))
		}
		t.Errorf("%s: %s (%s, %s): %s", where, v.ID, v.Impact, v.Help, strings.Join(where2, "; "))
	}
}

func abbrevHTML(s string) string {
	if len(s) > 160 {
		return s[:157] + "..."
	}
	return s
}

// TestAccessibility checks every page, in its empty and its busy states, in
// light and dark, with axe-core.
func TestAccessibility(t *testing.T) {
	s := start(t)
	tab := s.privateTab(t, 1280, 900)
	check := func(where string) {
		t.Helper()
		for _, scheme := range []string{"light", "dark"} {
			tab.ColorScheme(scheme)
			axe(t, s, tab, where+" ("+scheme+")")
		}
	}
	for _, p := range pages {
		tab.Open(s.server.URL(p.path))
		waitH1(t, tab, p.heading)
		check(p.path)
	}
	tab.Open(s.server.URL("/questions"))
	tab.WaitFor("searchbox", "Search questions").Type("deadline")
	tab.WaitFor("list", "Search results")
	check("search results")
	tab.Open(s.server.URL("/questions/made-a-mistake"))
	waitH1(t, tab, mistakeQuestion)
	check("a question")
	tab.Open(s.server.URL("/?q=made-a-mistake"))
	fill(t, tab, "Your answer", strongFree)
	score(t, tab)
	check("a drill with its report")
	tab.Find("button", "Guided STAR").Click()
	tab.WaitFor("textbox", "Situation")
	check("guided mode")
	saveAttempt(t, tab)
	tab.Find("button", "Show example answers").Click()
	tab.WaitFor("heading", "Example answers")
	check("example answers")
	tab.Open(s.server.URL("/progress"))
	waitH1(t, tab, "Progress")
	openAttempt(t, tab)
	tab.WaitFor("heading", "Your answer")
	check("progress with an attempt open")
}
