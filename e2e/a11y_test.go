package e2e

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/input"
	"github.com/chromedp/chromedp"

	"stardrill/e2e/internal/harness"
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

// look describes how an element stands out from the page, to compare two
// elements by: its background (the nearest one drawn, behind a transparent
// element), text colour and weight, border and outline. A radio button is
// drawn as its label.
const look = `function() {
	const e = this.type === "radio" ? this.labels[0] : this;
	const s = getComputedStyle(e);
	let bg = s.backgroundColor;
	for (let p = e; /^rgba\(.*, 0\)$/.test(bg) && p.parentElement; ) {
		p = p.parentElement;
		bg = getComputedStyle(p).backgroundColor;
	}
	const border = s.borderTopStyle === "none" || s.borderTopWidth === "0px" ? "no border" : s.borderTopWidth + " " + s.borderTopColor;
	const outline = s.outlineStyle === "none" ? "no outline" : s.outlineStyle + " " + s.outlineColor;
	return [bg, s.color, s.fontWeight, s.textDecorationLine, border, outline].join(" | ");
}`

// TestForcedColors uses the app in a forced-colors theme (Windows' contrast
// themes), where the browser draws every page in a few system colours and
// drops backgrounds and shadows. What the app otherwise shows by colour
// alone must still show: the current page in the navigation, the pressed
// mode and grade buttons, the chosen theme, the matched letters of a search
// and how far each score bar goes.
func TestForcedColors(t *testing.T) {
	s := start(t)
	tab := s.privateTab(t, 1280, 900)
	differ := func(what string, a, b harness.Node) {
		t.Helper()
		var la, lb string
		// Neither a focus ring nor a hover is a state.
		tab.Eval(`document.activeElement.blur()`, nil)
		if err := chromedp.Run(tab.Context(), chromedp.MouseEvent(input.MouseMoved, 0, 0)); err != nil {
			t.Fatal(err)
		}
		a.Eval(look, &la)
		b.Eval(look, &lb)
		if la == lb {
			t.Errorf("%s: %s %q looks like %s %q (%s)", what, a.Role, a.Name, b.Role, b.Name, la)
		}
	}
	for _, scheme := range []string{"dark", "light"} {
		t.Run(scheme, func(t *testing.T) {
			tab.Media("", map[string]string{"forced-colors": "active", "prefers-color-scheme": scheme})
			var forced bool
			tab.Eval(`matchMedia("(forced-colors: active)").matches`, &forced)
			if !forced {
				t.Fatal("the page does not see forced colours")
			}

			tab.Open(s.server.URL("/?q=made-a-mistake"))
			tab.WaitFor("button", "Guided STAR").Click()
			tab.WaitTrue("Guided STAR pressed", `document.querySelector("[aria-pressed=true]") !== null`)
			differ("the current page", navLink(t, tab, "Drill"), navLink(t, tab, "Questions"))
			differ("the answer mode", tab.Find("button", "Guided STAR"), tab.Find("button", "Free text"))
			for _, part := range []string{"Situation", "Task", "Action", "Result"} {
				fill(t, tab, part, strongGuided[part])
			}
			score(t, tab)
			tab.Find("radio", "3 Good").Click()
			tab.WaitTrue("the grade chosen", `document.querySelector("input[type=radio]:checked") !== null`)
			differ("the grade", tab.Find("radio", "3 Good"), tab.Find("radio", "2 Hard"))
			bars := tab.Query("progressbar", "")
			if len(bars) < 4 {
				t.Fatalf("%d progress bars with the report, want the four parts' at least", len(bars))
			}
			for _, b := range bars {
				var edge, fill struct{ Track, Fill string }
				b.Eval(`function() {
					const s = getComputedStyle(this);
					return {Track: s.borderTopStyle + " " + s.borderTopWidth, Fill: ""};
				}`, &edge)
				if strings.HasPrefix(edge.Track, "none") || strings.HasSuffix(edge.Track, " 0px") {
					t.Errorf("the bar %q has no visible edge (border %s): a part's score cannot be read off it", b.Name, edge.Track)
				}
				b.Eval(`function() {
					return {Track: getComputedStyle(this).backgroundColor,
						Fill: getComputedStyle(this.querySelector("rect")).fill};
				}`, &fill)
				if fill.Track == fill.Fill {
					t.Errorf("the bar %q is filled in its own background colour %s", b.Name, fill.Fill)
				}
			}

			tab.Open(s.server.URL("/settings"))
			tab.WaitFor("radio", "Dark")
			differ("the chosen theme", tab.Find("radio", "Match my device"), tab.Find("radio", "Dark"))

			tab.Open(s.server.URL("/questions"))
			tab.WaitFor("searchbox", "Search questions").Type("conflict")
			tab.WaitFor("list", "Search results")
			var hit struct{ Hit, Text string }
			tab.Eval(`(() => {
				const h = document.querySelector(".results .hit");
				const k = (e) => getComputedStyle(e).backgroundColor + " " + getComputedStyle(e).color;
				return {Hit: k(h), Text: k(h.parentElement)};
			})()`, &hit)
			if hit.Hit == hit.Text {
				t.Errorf("a search's matched letters look like the rest of the result (%s)", hit.Hit)
			}
		})
	}
}
