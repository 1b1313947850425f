package ui

import (
	"fmt"
	"html"
	"strings"
	"testing"
	"time"

	"stardrill/app/star"
	"stardrill/app/store"
)

func TestClockAndSpoken(t *testing.T) {
	tests := []struct {
		d            time.Duration
		clock, words string
	}{
		{0, "0:00", "0 seconds"},
		{time.Second, "0:01", "1 second"},
		{90 * time.Second, "1:30", "1 minute 30 seconds"},
		{120 * time.Second, "2:00", "2 minutes"},
		{3725 * time.Second, "62:05", "62 minutes 5 seconds"},
	}
	for _, tt := range tests {
		if got := clock(tt.d); got != tt.clock {
			t.Errorf("clock(%v) = %q, want %q", tt.d, got, tt.clock)
		}
		if got := spoken(tt.d); got != tt.words {
			t.Errorf("spoken(%v) = %q, want %q", tt.d, got, tt.words)
		}
	}
}

func TestWordCount(t *testing.T) {
	tests := map[string]string{
		"":                               "0 words · about 0 seconds spoken",
		"one":                            "1 word · about 0 seconds spoken",
		strings.Repeat("word ", 150):     "150 words · about 1 minute spoken",
		strings.Repeat("مرحبا ", 300):    "300 words · about 2 minutes spoken",
		"I fixed it 👍 and told my team.": "7 words · about 2 seconds spoken",
	}
	for in, want := range tests {
		if got := wordCount(in); got != want {
			t.Errorf("wordCount(%.20q) = %q, want %q", in, got, want)
		}
	}
}

// TestWordCountMatchesFeedback: the count under the answer box and the one
// in the feedback below it are the same number.
func TestWordCountMatchesFeedback(t *testing.T) {
	for _, text := range []string{
		"I ran an A/B test on 5% of sign-ups.",
		"e.g. the U.S. office, at 9:30 on 3,000 orders, 1.5 times the usual",
		"I don't know; it's my mistake — I'm sorry.",
		"mid-2023 I co-led a three-person re-write—twice",
		"رفعت المبيعات بنسبة ٢٠٪ خلال شهرين",
		"I fixed it 👍 and told my team.",
		"Situation: a same-week payment.\n\n- Called the client\n- Re-ran the payroll",
	} {
		var n int
		fmt.Sscan(wordCount(text), &n)
		if w := star.Analyze(star.Input{Answer: text}).Signals.Words; w != n {
			t.Errorf("%q: %d words under the box, %d in the feedback", text, n, w)
		}
	}
}

func TestExcerptKeepsCharacters(t *testing.T) {
	long := strings.Repeat("é", 300)
	got := excerpt(long)
	if !strings.HasSuffix(got, "…") || !strings.HasPrefix(long, strings.TrimSuffix(got, "…")) {
		t.Errorf("excerpt cut a character: %q", got)
	}
	if excerpt("short") != "short" {
		t.Error("excerpt changed a short text")
	}
}

func TestSlug(t *testing.T) {
	if got := slug("What a strong answer covers"); got != "what-a-strong-answer-covers" {
		t.Errorf("slug = %q", got)
	}
}

func TestEscapeHTMLMatchesTheStandardLibrary(t *testing.T) {
	for _, s := range []string{"", "plain", `<b>"Tom" & 'Jerry'</b>`, "émoji 🙂 &amp;", "עברית <", "\x00<\xff"} {
		if got, want := escapeHTML(s), html.EscapeString(s); got != want {
			t.Errorf("escapeHTML(%q) = %q, want %q", s, got, want)
		}
	}
}

// TestReportHTML: the report quotes the answer and shows the question's
// points as text, escaped, inside one section.
func TestReportHTML(t *testing.T) {
	answer := `It was not my fault <img src="x.png">, the other team dropped the ball. I fixed it & told my manager.`
	r := star.Analyze(star.Input{Answer: answer})
	r.Coverage = []star.Coverage{{Text: "The <outcome>", Covered: true}}
	h := reportHTML(r, answer)
	for _, want := range []string{`<p class="evidence">It was not my fault &lt;img src=&#34;`, `</span>The &lt;outcome&gt;<span`} {
		if !strings.Contains(h, want) {
			t.Errorf("the report lacks %s:\n%s", want, h)
		}
	}
	if strings.Contains(h, "<img") || strings.Count(h, "<section") != 1 || !strings.HasSuffix(h, "</section>") {
		t.Errorf("the report is not one section of escaped text:\n%s", h)
	}
}

func TestSelectHTML(t *testing.T) {
	opts := []option{{"a", "Alpha (3)"}, {"b&c", `<script>"x"</script>`}}
	want := `<select id="pick"><option value="a">Alpha (3)</option>` +
		`<option value="b&amp;c" selected>&lt;script&gt;&#34;x&#34;&lt;/script&gt;</option></select>`
	if got := selectHTML("pick", opts, "b&c"); got != want {
		t.Errorf("selectHTML = %s\nwant          %s", got, want)
	}
	if got := selectHTML("pick", opts, "none"); strings.Contains(got, "selected") {
		t.Errorf("no option is chosen, yet one is selected: %s", got)
	}
}

func TestNavHTMLMarksTheCurrentPage(t *testing.T) {
	for _, it := range navItems {
		h := navHTML(it.path)
		if n := strings.Count(h, `aria-current="page"`); n != 1 {
			t.Errorf("navHTML(%q) marks %d items as the current page, want 1", it.path, n)
		}
		if want := `<a href="` + it.path + `" aria-current="page">` + it.label + `</a>`; !strings.Contains(h, want) {
			t.Errorf("navHTML(%q) does not mark %s: %s", it.path, it.label, h)
		}
		for _, other := range navItems {
			if !strings.Contains(h, `>`+other.label+`</a>`) {
				t.Errorf("navHTML(%q) lacks the %s link", it.path, other.label)
			}
		}
	}
	if h := navHTML("/questions/some-question"); strings.Contains(h, "aria-current") {
		t.Errorf("a question's page is not in the navigation, yet an item is marked: %s", h)
	}
}

// The picker is one piece of HTML whose buttons pickerClick finds by their
// data-act attribute; it must be well formed (one root, as go-app's Raw
// wants), hold the competency list with the choice selected, and say each
// button's action.
func TestPickerHTML(t *testing.T) {
	h := pickerHTML([]option{{"teamwork", "Teamwork (12)"}, {"conflict", `Conflict <& "quotes">`}}, "conflict", false)
	if strings.Contains(h, "notice") {
		t.Errorf("pickerHTML says a question is missing: %s", h)
	}
	if h := pickerHTML(nil, "", true); !strings.Contains(h, `<h1>Drill</h1><p class="notice warn" role="status">There is no such question here`) {
		t.Errorf("pickerHTML does not say that the question is missing: %s", h)
	}
	if !strings.HasPrefix(h, "<div>") || !strings.HasSuffix(h, "</div>") || strings.Count(h, "<div") != strings.Count(h, "</div>") {
		t.Errorf("pickerHTML is not one balanced element: %s", h)
	}
	for _, want := range []string{
		`<h1>Drill</h1>`,
		`<option value="conflict" selected>Conflict &lt;&amp; &#34;quotes&#34;&gt;</option>`,
		`data-act="start">Start</button>`,
		`data-act="surprise">Surprise me</button>`,
		`href="/questions?focus=search"`,
	} {
		if !strings.Contains(h, want) {
			t.Errorf("pickerHTML lacks %s: %s", want, h)
		}
	}
}

// The Settings page's controls are pieces of HTML that its change and click
// handlers find by ID and data-act; each must be one balanced element (as
// go-app's Raw wants) and show the settings it was written for.
func TestSettingsHTML(t *testing.T) {
	set := store.Settings{Theme: "dark", TargetSeconds: 150, Mode: "guided"}
	pieces := map[string]struct {
		html, tag string
		want      []string
	}{
		"appearance": {appearanceHTML(set), "section", []string{
			`role="radiogroup" aria-labelledby="theme-label"`,
			`<p id="theme-label" class="group-label">Theme</p>`,
			`<input type="radio" name="theme" id="theme-dark" value="dark" checked><label for="theme-dark">Dark</label>`,
			`<input type="radio" name="theme" id="theme-light" value="light"><label for="theme-light">Light</label>`,
		}},
		"practice": {practiceHTML(set), "section", []string{
			`<label for="target">Target answer length</label><select id="target">`,
			`<option value="150" selected>2½ minutes</option>`,
			`<option value="guided" selected>Guided STAR (four boxes)</option>`,
		}},
		"data controls": {dataControlsHTML, "div", []string{
			`data-act="export">Export backup</button>`,
			`<label class="button file-button" for="import">Import backup</label><input type="file" id="import"`,
			`data-act="erase">Erase all my data</button>`,
		}},
	}
	for name, p := range pieces {
		if !strings.HasPrefix(p.html, "<"+p.tag) || !strings.HasSuffix(p.html, "</"+p.tag+">") {
			t.Errorf("%s is not one %s element: %s", name, p.tag, p.html)
		}
		for _, tag := range []string{"div", "section", "select", "p", "label"} {
			if open, closed := strings.Count(p.html, "<"+tag+">")+strings.Count(p.html, "<"+tag+" "), strings.Count(p.html, "</"+tag+">"); open != closed {
				t.Errorf("%s opens %d <%s> and closes %d: %s", name, open, tag, closed, p.html)
			}
		}
		for _, want := range p.want {
			if !strings.Contains(p.html, want) {
				t.Errorf("%s lacks %s: %s", name, want, p.html)
			}
		}
	}
	if n := strings.Count(appearanceHTML(set), " checked"); n != 1 {
		t.Errorf("%d themes are checked, want 1", n)
	}
	if h := radioGroupHTML("x", `<"&'>`, []option{{`"v"`, "<b>"}}, ""); strings.ContainsAny(strings.NewReplacer(`="`, "", `">`, "", `" `, "", `<div`, "", `</div>`, "", `<p`, "", `</p>`, "", `<input`, "", `<label`, "", `</label>`, "").Replace(h), `<>"`) {
		t.Errorf("radioGroupHTML leaves a label or value unescaped: %s", h)
	}
}

// TestGuard: a fault of the feedback engine costs the answer its feedback,
// not the page.
func TestGuard(t *testing.T) {
	r, ok := guard(func() star.Report { return star.Report{Score: 7} })
	if !ok || r.Score != 7 {
		t.Errorf("no fault: got %d, %v", r.Score, ok)
	}
	var none []int
	r, ok = guard(func() star.Report { return star.Report{Score: none[3]} })
	if ok || r.Score != 0 {
		t.Errorf("a fault: got %d, %v; want an empty report and false", r.Score, ok)
	}
	if _, ok := analyze(star.Input{Answer: "ʼ I fixed it."}); !ok {
		t.Error("analyze failed on a modifier apostrophe")
	}
}

// TestChartSVG: the chart names its period, on the axis and to assistive
// technology, and draws dots only while they stay apart.
func TestChartHTML(t *testing.T) {
	day := func(y int, m time.Month, d, score int) store.Attempt {
		return store.Attempt{SavedAt: time.Date(y, m, d, 12, 0, 0, 0, time.UTC), Score: score}
	}
	two := []store.Attempt{day(2027, time.January, 15, 80), day(2026, time.July, 1, 40)} // newest first
	svg := chartHTML(two, "your attempts")
	for _, want := range []string{
		`aria-label="Line chart of your attempts: 2 scores from 40 to 80, oldest to newest, from 1 Jul 2026 to 15 Jan 2027."`,
		`text-anchor="start">1 Jul 2026</text>`, `text-anchor="end">15 Jan 2027</text>`,
	} {
		if !strings.Contains(svg, want) {
			t.Errorf("the chart lacks %s:\n%s", want, svg)
		}
	}
	if n := strings.Count(svg, "<circle"); n != 2 {
		t.Errorf("%d dots for 2 attempts", n)
	}
	same := chartHTML([]store.Attempt{day(2026, time.July, 1, 50), day(2026, time.July, 1, 40)}, "x")
	if strings.Count(same, "1 Jul 2026</text>") != 1 {
		t.Errorf("one day's attempts name the day twice:\n%s", same)
	}
	var year []store.Attempt
	for i := range 365 {
		year = append(year, day(2026, time.January, 1+i, i%100))
	}
	if n := strings.Count(chartHTML(year, "x"), "<circle"); n != 0 {
		t.Errorf("%d dots for a year of attempts: they would only thicken the line", n)
	}
}

// TestBarSVG: a bar is filled to value out of limit, clamped to the bar,
// and empty when limit is not positive.
func TestBarSVG(t *testing.T) {
	for _, tc := range []struct{ value, limit, width int }{
		{5, 10, 50}, {0, 10, 0}, {-3, 10, 0}, {15, 10, 100}, {1, 3, 33}, {3, 0, 0}, {3, -2, 0},
	} {
		want := fmt.Sprintf(`<rect width="%d" height="1">`, tc.width)
		if got := barSVG(tc.value, tc.limit); !strings.Contains(got, want) {
			t.Errorf("barSVG(%d, %d) = %s, want %s", tc.value, tc.limit, got, want)
		}
	}
}
