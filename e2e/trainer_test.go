package e2e

import (
	"encoding/json"
	"fmt"
	"github.com/chromedp/cdproto/emulation"
	"maps"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/page"
	"github.com/chromedp/chromedp"
	"github.com/chromedp/chromedp/kb"

	"stardrill/e2e/internal/harness"
)

// Answers typed in the trainer tests.
var (
	strongGuided = map[string]string{
		"Situation": "Last spring I worked as a payroll assistant at a logistics company with 200 staff.",
		"Task":      "I was responsible for entering overtime hours before the monthly payroll run.",
		"Action": "I misread a column in the overtime spreadsheet and entered the wrong rate for 14 warehouse staff, so they were underpaid. " +
			"That was my mistake. When a supervisor queried it, I checked the figures, found my error and told my manager within the hour. " +
			"I calculated what each person was owed, arranged an extra payment within two days and apologised to each of them in writing. " +
			"I then added a check that compares every overtime rate with the contract table before I submit.",
		"Result": "Everyone was paid in full within 48 hours, and in the eight months since there have been no overtime errors. " +
			"I learned to check inputs against the source rather than trust a copied sheet.",
	}
	strongFree = strongGuided["Situation"] + " " + strongGuided["Task"] + " " + strongGuided["Action"] + " " + strongGuided["Result"]
	denial     = "Honestly, I've never really made a serious mistake at work. When things went wrong it was because of factors beyond my control, " +
		"like other teams missing their deadlines or management changing priorities at the last minute. I always do my best."
)

const mistakeQuestion = "Tell me about a time you made a mistake at work."

// privateTab opens a tab with storage of its own, checked for page problems
// when the test ends.
func (s *suite) privateTab(t *testing.T, width, height int) *harness.Tab {
	t.Helper()
	tab := s.browser.NewIsolatedTab(t, width, height)
	t.Cleanup(func() { checkClean(t, tab, s.server.Origin()) })
	return tab
}

// linkStarting returns the first link whose accessible name starts with
// prefix.
func linkStarting(t *testing.T, tab *harness.Tab, prefix string) (harness.Node, bool) {
	t.Helper()
	for _, n := range tab.Query("link", "") {
		if strings.HasPrefix(n.Name, prefix) {
			return n, true
		}
	}
	t.Fatalf("no link starting %q", prefix)
	return harness.Node{}, false
}

// fill focuses the text field named name and enters text as one input.
func fill(t *testing.T, tab *harness.Tab, name, text string) {
	t.Helper()
	tab.WaitFor("textbox", name).Focus()
	tab.InsertText(text)
}

// score opens the full feedback and returns its score.
func score(t *testing.T, tab *harness.Tab) int {
	t.Helper()
	tab.WaitTrue("feedback to catch up with the text", `document.querySelector(".chips") !== null`)
	if len(tab.Query("button", "Get feedback")) > 0 {
		tab.Find("button", "Get feedback").Click()
	}
	tab.WaitFor("heading", "Feedback")
	var s string
	tab.Eval(`document.querySelector(".score-value").innerText`, &s)
	n, err := strconv.Atoi(strings.TrimSpace(s))
	if err != nil {
		t.Fatalf("the score %q is not a number", s)
	}
	return n
}

// tips returns the text of the full report's tips.
func tips(t *testing.T, tab *harness.Tab) string {
	t.Helper()
	var s string
	tab.Eval(`[...document.querySelectorAll(".report .tips li")].map((li) => li.innerText).join("\n")`, &s)
	return s
}

func saveAttempt(t *testing.T, tab *harness.Tab) {
	t.Helper()
	tab.Find("button", "Save attempt").Click()
	tab.WaitTrue("the attempt to be saved", `[...document.querySelectorAll("[role=status]")].some((e) => e.innerText.includes("Attempt saved"))`)
}

func attemptCount(t *testing.T, tab *harness.Tab) int {
	t.Helper()
	var n int
	tab.Eval(`document.querySelectorAll(".attempt").length`, &n)
	return n
}

// TestSearchPracticeSaveOffline is the trainer's main path: search, open the
// mistake question, answer it well in guided mode and badly in free text,
// save both, find both in Progress after a reload and again offline.
func TestSearchPracticeSaveOffline(t *testing.T) {
	s := start(t)
	tab := s.privateTab(t, 1280, 900)
	tab.Open(s.server.URL("/questions"))

	tab.WaitFor("searchbox", "Search questions").Type("mistake")
	tab.WaitFor("list", "Search results")
	link, _ := linkStarting(t, tab, mistakeQuestion)
	if id := link.Attr("id"); id != "result-0" && id != "result-1" && id != "result-2" {
		t.Errorf("the mistake question is %s, want among the first three results", id)
	}
	// The matched characters are highlighted, and the highlight has a
	// background of its own.
	var marks int
	link.Eval(`function() { return [...this.querySelectorAll(".hit")].filter((e) => getComputedStyle(e).backgroundColor !== getComputedStyle(this).backgroundColor).length; }`, &marks)
	if marks == 0 {
		t.Error("the matched characters are not highlighted")
	}
	link.Click()
	waitH1(t, tab, mistakeQuestion)

	tab.Find("link", "Practice").Click()
	tab.WaitFor("button", "Guided STAR").Click()
	for _, part := range []string{"Situation", "Task", "Action", "Result"} {
		fill(t, tab, part, strongGuided[part])
	}
	tab.WaitTrue("all four parts to show as present", `document.querySelectorAll(".chips .present").length === 4`)
	if got := score(t, tab); got < 70 {
		t.Errorf("the strong guided answer scored %d, want at least 70", got)
	}
	tab.Find("radio", "3 Good").Click()
	saveAttempt(t, tab)

	tab.Find("button", "Answer again").Click()
	tab.Find("button", "Free text").Click()
	fill(t, tab, "Your answer", denial)
	if got := score(t, tab); got > 40 {
		t.Errorf("the denial scored %d, want at most 40", got)
	}
	if tp := strings.ToLower(tips(t, tab)); !strings.Contains(tp, "own") {
		t.Errorf("no tip about owning the mistake in:\n%s", tp)
	}
	saveAttempt(t, tab)

	navLink(t, tab, "Progress").Click()
	waitH1(t, tab, "Progress")
	tab.Reload()
	waitH1(t, tab, "Progress")
	if n := attemptCount(t, tab); n != 2 {
		t.Fatalf("Progress lists %d attempts after a reload, want 2", n)
	}
	tab.Screenshot(filepath.Join(s.shots, "progress-1280-light.png"))

	tab.WaitServiceWorker()
	tab.DisableCache()
	if err := s.server.Stop(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := s.server.Start(); err != nil {
			t.Errorf("restarting the server: %v", err)
		}
	})
	tab.Reload()
	waitH1(t, tab, "Progress")
	if n := attemptCount(t, tab); n != 2 {
		t.Errorf("offline, Progress lists %d attempts, want 2", n)
	}
	// Open one attempt: its report is recomputed from the saved answer.
	openAttempt(t, tab)
	tab.WaitFor("heading", "Your answer")
	tab.WaitFor("heading", "Feedback")
}

// TestKeyboardOnly walks the same path with the keyboard alone.
func TestKeyboardOnly(t *testing.T) {
	s := start(t)
	tab := s.privateTab(t, 1280, 900)
	tab.Open(s.server.URL("/"))
	waitH1(t, tab, "Drill")

	tab.Press("/")
	tab.WaitTrue("the search box to have focus", `document.activeElement && document.activeElement.id === "search"`)
	tab.Press("mistake")
	tab.WaitFor("list", "Search results")
	if v := tab.Find("searchbox", "Search questions").Value(); v != "mistake" {
		t.Errorf("the search box holds %q after pressing / and typing mistake; the / must not be typed", v)
	}
	focusedText := `(document.activeElement && document.activeElement.innerText) || ""`
	found := false
	for i := 0; i < 5 && !found; i++ {
		tab.Press(kb.ArrowDown)
		var text string
		tab.Eval(focusedText, &text)
		found = strings.HasPrefix(text, mistakeQuestion)
	}
	if !found {
		t.Fatal("arrowing down did not reach the mistake question")
	}
	tab.Press(kb.Enter)
	waitH1(t, tab, mistakeQuestion)

	tabTo(t, tab, `document.activeElement.innerText === "Practice"`, "the Practice link")
	tab.Press(kb.Enter)
	tab.WaitFor("textbox", "Your answer")
	tabTo(t, tab, `document.activeElement.id === "answer"`, "the answer box")
	tab.InsertText(strongFree)
	tabTo(t, tab, `document.activeElement.type === "radio"`, "the grades")
	tab.Press("4")
	tab.WaitTrue("key 4 to choose Easy", `document.getElementById("grade-easy").checked`)
	tabTo(t, tab, `document.activeElement.innerText === "Save attempt"`, "the Save attempt button")
	tab.Press(kb.Enter)
	tab.WaitTrue("the attempt to be saved", `[...document.querySelectorAll("[role=status]")].some((e) => e.innerText.includes("Attempt saved"))`)

	// A stored attempt is its JSON record, then its answer after a newline.
	var grade string
	tab.Eval(`Object.entries(localStorage).filter(([k]) => k.startsWith("stardrill/attempt/")).map(([, v]) => JSON.parse(v.split("\n")[0]).grade).join()`, &grade)
	if grade != "easy" {
		t.Errorf("the saved attempt's grade is %q, want easy", grade)
	}
}

// tabTo presses Tab until cond holds for the focused element.
func tabTo(t *testing.T, tab *harness.Tab, cond, what string) {
	t.Helper()
	for i := 0; i < 60; i++ {
		var ok bool
		tab.Eval("!!(document.activeElement && "+cond+")", &ok)
		if ok {
			return
		}
		tab.Press(kb.Tab)
	}
	t.Fatalf("Tab never reached %s", what)
}

// TestDraftSurvivesReload types half an answer and reloads: it is back.
func TestDraftSurvivesReload(t *testing.T) {
	s := start(t)
	tab := s.privateTab(t, 1280, 900)
	tab.Open(s.server.URL("/?q=made-a-mistake"))
	draft := "Last spring I worked as a payroll assistant and I misread a column in the overtime sheet, so 14 people were underpaid. مرحبا 👋"
	fill(t, tab, "Your answer", draft)
	tab.WaitTrue("the draft to be saved", `localStorage.getItem("stardrill/draft/made-a-mistake") !== null`)
	tab.Reload()
	got := tab.WaitFor("textbox", "Your answer").Value()
	if got != draft {
		t.Errorf("after a reload the answer box holds %q, want %q", got, draft)
	}
	tab.WaitFor("status", "")
}

// download captures what the page hands the browser to save.
const captureDownloads = `(() => {
  const make = URL.createObjectURL;
  URL.createObjectURL = function (blob) {
    blob.text().then((text) => { (window.__downloads = window.__downloads || []).push(text); });
    return make.call(URL, blob);
  };
})();`

func lastDownload(t *testing.T, tab *harness.Tab, n int) string {
	t.Helper()
	tab.WaitTrue("the download", fmt.Sprintf(`(window.__downloads || []).length >= %d`, n))
	var text string
	tab.Eval(fmt.Sprintf(`window.__downloads[%d]`, n-1), &text)
	return text
}

// chooseFile chooses path in the file field labelled Import backup, as a
// person would in the browser's file dialog.
func chooseFile(t *testing.T, tab *harness.Tab, path string) {
	t.Helper()
	// Chromium names a file input after its label plus the chosen file, so
	// find the field through its label, as assistive technology does.
	var id string
	tab.Eval(`[...document.querySelectorAll("label")].filter((l) => l.innerText.trim() === "Import backup").map((l) => l.htmlFor)[0] || ""`, &id)
	if id == "" {
		t.Fatal("no label Import backup for a file field")
	}
	if err := chromedp.Run(tab.Context(), chromedp.SetUploadFiles("#"+id, []string{path}, chromedp.ByQuery)); err != nil {
		t.Fatal(err)
	}
}

// withoutExportTime drops the one field that differs between two exports.
func withoutExportTime(t *testing.T, data string) string {
	t.Helper()
	var v map[string]any
	if err := json.Unmarshal([]byte(data), &v); err != nil {
		t.Fatalf("the backup is not JSON: %v", err)
	}
	delete(v, "exportedAt")
	out, _ := json.Marshal(v)
	return string(out)
}

// TestSettingsAndBackup changes a setting and finds it kept after a reload,
// then exports, erases and imports: the second export is the first one.
func TestSettingsAndBackup(t *testing.T) {
	s := start(t)
	tab := s.privateTab(t, 1280, 900)
	tab.AddScript(captureDownloads)

	// Some data: an attempt and a question of one's own.
	tab.Open(s.server.URL("/?q=made-a-mistake"))
	fill(t, tab, "Your answer", strongFree)
	saveAttempt(t, tab)
	tab.Open(s.server.URL("/questions"))
	fill(t, tab, "Your question", "Tell me about a time you rescued a failing supplier relationship.")
	tab.Eval(`(() => { const s = document.getElementById("new-competency"); s.value = "customer"; s.dispatchEvent(new Event("change", {bubbles: true})); })()`, nil)
	tab.Find("button", "Add question").Click()
	tab.WaitFor("link", "Open your question")
	const mine = "Tell me about a time you rescued a failing supplier relationship."
	tab.Find("searchbox", "Search questions").Type("supplier rel")
	tab.WaitFor("list", "Search results")
	if _, ok := linkStarting(t, tab, mine); !ok {
		t.Error("search does not find the question just added")
	}
	tab.Find("link", "Open your question").Click()
	waitH1(t, tab, mine)
	// The page of one's own question loads by its address too, from the
	// service worker's store. (Before the worker serves the site, the host
	// answers with 404.html, which is the app too, but under a 404 status
	// that the browser logs as an error.)
	tab.WaitServiceWorker()
	tab.Reload()
	waitH1(t, tab, mine)
	tab.Find("link", "Practice").Click()
	waitH1(t, tab, mine)

	navLink(t, tab, "Settings").Click()
	waitH1(t, tab, "Settings")
	tab.Find("radio", "Dark").Click()
	tab.WaitTrue("the dark theme", `document.documentElement.dataset.theme === "dark"`)
	tab.Reload()
	tab.WaitTrue("the dark theme after a reload", `document.documentElement.dataset.theme === "dark"`)
	if tab.WaitFor("radio", "Dark").Prop("checked") != "true" {
		t.Error("after a reload the Dark choice is not checked")
	}

	tab.Find("button", "Export backup").Click()
	first := lastDownload(t, tab, 1)
	if !strings.Contains(first, "stardrill-backup") || !strings.Contains(first, "overtime") {
		t.Fatalf("the backup lacks the data: %.300s", first)
	}
	tab.Find("button", "Erase all my data").Click()
	tab.WaitTrue("the erase", `document.body.innerText.includes("0 saved attempts")`)

	dir := t.TempDir()
	wrong := filepath.Join(dir, "notes.json")
	os.WriteFile(wrong, []byte(`{"hello": "world"}`), 0o644)
	chooseFile(t, tab, wrong)
	tab.WaitTrue("a message about the wrong file", `[...document.querySelectorAll("[role=alert]")].some((e) => e.innerText.includes("not a stardrill backup"))`)

	backup := filepath.Join(dir, "backup.json")
	os.WriteFile(backup, []byte(first), 0o644)
	chooseFile(t, tab, backup)
	tab.WaitTrue("the import", `document.body.innerText.includes("Imported backup.json")`)
	tab.WaitTrue("the imported theme", `document.documentElement.dataset.theme === "dark"`)
	tab.Find("button", "Export backup").Click()
	second := lastDownload(t, tab, 2)
	if withoutExportTime(t, first) != withoutExportTime(t, second) {
		t.Errorf("export → erase → import → export changed the data:\n%s\n%s", first, second)
	}
	chooseFile(t, tab, backup)
	tab.WaitTrue("a second import to add nothing", `document.body.innerText.includes("0 added")`)
}

// TestCorruptStorageIsKept plants unreadable data: the app loads, says so,
// offers the raw data, and leaves it untouched while the user works.
func TestCorruptStorageIsKept(t *testing.T) {
	s := start(t)
	tab := s.privateTab(t, 1280, 900)
	tab.AddScript(captureDownloads)
	const key, bad = "stardrill/attempt/zz0000000000000000", `{"id": "zz0000000000000000", "score": 7`
	tab.SetLocalStorage(s.server.Origin(), map[string]string{key: bad})
	tab.Open(s.server.URL("/progress"))
	alert := tab.WaitFor("alert", "")
	if !strings.Contains(alert.Text(), "could not be read") {
		t.Errorf("the alert says %q", alert.Text())
	}
	tab.Find("button", "Download raw data").Click()
	if raw := lastDownload(t, tab, 1); !strings.Contains(raw, `\"score\": 7`) {
		t.Errorf("the raw data download lacks the unreadable value: %s", raw)
	}
	navLink(t, tab, "Settings").Click()
	tab.WaitFor("radio", "Light").Click()
	tab.WaitTrue("the light theme", `document.documentElement.dataset.theme === "light"`)
	if got := tab.LocalStorage()[key]; got != bad {
		t.Errorf("the unreadable value changed to %q", got)
	}
}

// TestTwoTabs saves from two tabs open at once: neither loses the other's.
func TestTwoTabs(t *testing.T) {
	s := start(t)
	// Tabs of the shared browser context share one localStorage.
	a := s.tab(t, 1280, 900)
	a.Open(s.server.URL("/"))
	a.Eval(`localStorage.clear()`, nil)
	a.Open(s.server.URL("/?q=made-a-mistake"))
	b := s.tab(t, 1280, 900)
	b.Open(s.server.URL("/progress"))
	front(t, a)
	fill(t, a, "Your answer", strongFree)
	saveAttempt(t, a)
	front(t, b)
	b.Open(s.server.URL("/?q=costly-mistake"))
	fill(t, b, "Your answer", strongFree)
	saveAttempt(t, b)
	front(t, a)
	a.Open(s.server.URL("/progress"))
	if n := attemptCount(t, a); n != 2 {
		t.Errorf("Progress lists %d attempts, want 2 (one from each tab)", n)
	}
	// A Settings page shows what another tab changes: a theme chosen there
	// is the one checked here, and the count of what is saved follows.
	b.Open(s.server.URL("/settings"))
	b.WaitTrue("the count of attempts", `document.body.innerText.includes("holds 2 saved attempts")`)
	front(t, a)
	a.Open(s.server.URL("/settings"))
	a.Find("radio", "Dark").Click()
	a.Open(s.server.URL("/?q=made-a-mistake"))
	fill(t, a, "Your answer", strongFree)
	saveAttempt(t, a)
	front(t, b)
	b.WaitTrue("the other tab's theme, checked", `document.getElementById("theme-dark").checked && !document.getElementById("theme-system").checked`)
	b.WaitTrue("the other tab's attempt, counted", `document.body.innerText.includes("holds 3 saved attempts")`)
	a.Eval(`localStorage.clear()`, nil)
}

// front brings a tab to the front, as a person switching tabs would:
// Chromium throttles the pages of background tabs.
func front(t *testing.T, tab *harness.Tab) {
	t.Helper()
	if err := chromedp.Run(tab.Context(), page.BringToFront()); err != nil {
		t.Fatal(err)
	}
}

// TestFullStorage fills the browser's storage: saving says why it failed and
// the answer stays on screen; once there is room again, it saves.
func TestFullStorage(t *testing.T) {
	s := start(t)
	tab := s.privateTab(t, 1280, 900)
	tab.Open(s.server.URL("/?q=made-a-mistake"))
	var filled int
	tab.Eval(`(() => { let lo = 0, hi = 6000000;
		while (lo < hi) { const mid = Math.ceil((lo + hi) / 2);
			try { localStorage.setItem("someone-else", "x".repeat(mid)); lo = mid; } catch (e) { hi = mid - 1; } }
		localStorage.setItem("someone-else", "x".repeat(lo)); return lo; })()`, &filled)
	if filled == 0 {
		t.Fatal("could not fill localStorage")
	}
	fill(t, tab, "Your answer", strongFree)
	tab.Find("button", "Save attempt").Click()
	alert := tab.WaitFor("alert", "")
	if !strings.Contains(alert.Text(), "full") {
		t.Errorf("the alert says %q, want it to mention full storage", alert.Text())
	}
	if got := tab.Find("textbox", "Your answer").Value(); got != strongFree {
		t.Error("the answer left the screen when saving failed")
	}
	tab.Eval(`localStorage.removeItem("someone-else")`, nil)
	saveAttempt(t, tab)
}

// TestBlockedStorage opens the trainer in a browser that refuses the site
// any storage (site data blocked in its settings), where reading
// window.localStorage throws. It once left the page dead: go-app read it at
// start, and the exception ended the Go program. The page must say that
// nothing will be kept and how to change that, and still work for the visit.
func TestBlockedStorage(t *testing.T) {
	s := start(t)
	tab := s.privateTab(t, 1280, 900)
	// As Chromium does with site data blocked: the property is there,
	// configurable, and reading it throws.
	tab.AddScript(`Object.defineProperty(window, "localStorage", {configurable: true, get() {
		throw new DOMException("Failed to read the 'localStorage' property from 'Window': Access is denied for this document.", "SecurityError");
	}});`)
	tab.Open(s.server.URL("/"))
	alert := tab.WaitFor("alert", "")
	for _, want := range []string{"does not let stardrill save anything", "SecurityError", "Allow this site to store data"} {
		if !strings.Contains(alert.Text(), want) {
			t.Errorf("the alert reads %q, want it to say %q", alert.Text(), want)
		}
	}
	tab.Find("button", "Start").Click()
	tab.WaitTrue("a question", `document.querySelector("h1.question") !== null`)
	fill(t, tab, "Your answer", strongFree)
	score(t, tab)
	saveAttempt(t, tab)
	navLink(t, tab, "Progress").Click()
	tab.WaitTrue("the attempt, kept for the visit", `document.querySelectorAll(".attempt").length === 1`)
}

// TestUnusualAnswers gives the trainer a 1 MB answer, emoji and
// right-to-left text: it keeps working and says what it did.
func TestUnusualAnswers(t *testing.T) {
	s := start(t)
	tab := s.privateTab(t, 1280, 900)
	tab.Open(s.server.URL("/?q=made-a-mistake"))
	huge := strings.Repeat("I fixed the report and told my manager about the error. ", 1<<20/57)
	tab.WaitFor("textbox", "Your answer")
	tab.Eval(fmt.Sprintf(`(() => { const a = document.getElementById("answer"); a.value = %q; a.dispatchEvent(new Event("input", {bubbles: true})); })()`, huge), nil)
	score(t, tab)
	if tp := tips(t, tab); !strings.Contains(tp, "Only the first 64 KB were read") {
		t.Errorf("no tip says the answer was cut:\n%.500s", tp)
	}
	tab.Find("button", "Hide full feedback").Click()
	tab.Eval(`(() => { const a = document.getElementById("answer"); a.value = ""; a.dispatchEvent(new Event("input", {bubbles: true})); })()`, nil)
	fill(t, tab, "Your answer", "בשנה שעברה טעיתי בדוח 🙈 and I fixed it the same day. 我修好了。")
	score(t, tab)
	saveAttempt(t, tab)
	// One attempt at one question, in the singular.
	navLink(t, tab, "Progress").Click()
	tab.WaitTrue("the figures in the singular", `[...document.querySelectorAll(".stat-label")].map((e) => e.innerText).join("|") === "attempt|question practised|average score"`)
	// The answer starts in Hebrew, so it reads from the right, as the
	// browser would set it for dir="auto".
	openAttempt(t, tab)
	tab.WaitFor("heading", "Your answer")
	var rtl bool
	tab.Eval(`(() => {
	  const p = document.querySelector(".answer-text p"), r = document.createRange();
	  r.selectNodeContents(p);
	  const text = r.getBoundingClientRect(), box = p.getBoundingClientRect();
	  return box.right - text.right < 2 && text.left - box.left > 20;
	})()`, &rtl)
	if !rtl {
		t.Error("the saved answer, which starts in Hebrew, is not set from the right")
	}
}

// TestFeedbackWhileTyping pauses where the feedback engine once panicked
// and took the page with it: after "I was in", and on a lone modifier
// apostrophe (ʼ). Live feedback must follow each pause, and the answer
// must still get its report.
func TestFeedbackWhileTyping(t *testing.T) {
	s := start(t)
	tab := s.privateTab(t, 1280, 900)
	tab.Open(s.server.URL("/?q=made-a-mistake"))
	fill(t, tab, "Your answer", "In my previous job I was in")
	tab.WaitTrue("feedback on the first words", `document.querySelector(".chips") !== null`)
	for _, more := range []string{" charge of payroll ʼ", " and I entered the wrong rate, so I told my manager, fixed it in an hour and paid 14 people in full."} {
		tab.InsertText(more)
		tab.WaitTrue("the word count to follow", fmt.Sprintf(`document.getElementById("answer").value.endsWith(%q)`, more))
		tab.WaitTrue("feedback to follow", `document.querySelector(".live .chips") !== null`)
	}
	if got := score(t, tab); got == 0 {
		t.Errorf("the answer scored 0")
	}
}

// TestStoryInThePresent types a story told in the present tense, as many
// people tell one aloud: the feedback finds its result and its figure as it
// would in the past, and counts its words as the box under it does.
func TestStoryInThePresent(t *testing.T) {
	s := start(t)
	tab := s.privateTab(t, 1280, 900)
	tab.Open(s.server.URL("/?q=made-a-mistake"))
	fill(t, tab, "Your answer", "So I'm working at a startup, and on a Friday my manager tells me the demo for our biggest "+
		"client is on Monday and the login page is broken. I grab the logs, I find the bug in about an hour, a token that "+
		"expires too early. I write the fix, I get a colleague to review it on Saturday morning, and I stay online on "+
		"Sunday to watch it. On Monday the demo goes fine and the client signs a two-year contract worth about 300k.")
	if got := score(t, tab); got < 65 {
		t.Errorf("the story scored %d", got)
	}
	var report, count string
	tab.Eval(`document.querySelector(".report").innerText`, &report)
	tab.Eval(`document.getElementById("answer-count").innerText`, &count)
	if !strings.Contains(report, "Result present") {
		t.Errorf("the report finds no result:\n%s", report)
	}
	if words, _, _ := strings.Cut(count, " · "); !strings.Contains(report, words+" · ") {
		t.Errorf("the box counts %q, the report says otherwise:\n%s", words, report)
	}
}

// TestFeedbackLayout shows the trainer's busiest screens (search results, a
// question, a drill with its full report) at a phone and a desktop width, in
// light and dark: nothing scrolls sideways, and each is saved as a
// screenshot to look at.
func TestFeedbackLayout(t *testing.T) {
	s := start(t)
	for _, w := range []int{360, 1280} {
		t.Run(strconv.Itoa(w), func(t *testing.T) {
			tab := s.privateTab(t, w, 800)
			shoot := func(name string) {
				for _, scheme := range []string{"light", "dark"} {
					tab.ColorScheme(scheme)
					var wide bool
					tab.Eval(`new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(() =>
						ok(document.scrollingElement.scrollWidth > document.documentElement.clientWidth))))`, &wide)
					if wide {
						t.Errorf("%s at %dpx (%s) scrolls sideways", name, w, scheme)
					}
					tab.Screenshot(filepath.Join(s.shots, fmt.Sprintf("%s-%d-%s.png", name, w, scheme)))
				}
			}
			tab.Open(s.server.URL("/questions"))
			tab.WaitFor("searchbox", "Search questions").Type("conflict")
			tab.WaitFor("list", "Search results")
			shoot("search")
			tab.Open(s.server.URL("/questions/made-a-mistake"))
			waitH1(t, tab, mistakeQuestion)
			shoot("question")
			tab.Open(s.server.URL("/?q=made-a-mistake"))
			tab.WaitFor("button", "Guided STAR").Click()
			for _, part := range []string{"Situation", "Task", "Action", "Result"} {
				fill(t, tab, part, strongGuided[part])
			}
			score(t, tab)
			shoot("feedback")
		})
	}
}

// TestDeleteWithUndo deletes a saved attempt from Progress and takes it back.
func TestDeleteWithUndo(t *testing.T) {
	s := start(t)
	tab := s.privateTab(t, 1280, 900)
	tab.Open(s.server.URL("/?q=made-a-mistake"))
	fill(t, tab, "Your answer", strongFree)
	saveAttempt(t, tab)
	tab.Open(s.server.URL("/progress"))
	openAttempt(t, tab)
	tab.WaitFor("button", "Delete attempt").Click()
	tab.WaitFor("button", "Undo")
	if n := attemptCount(t, tab); n != 0 {
		t.Errorf("%d attempts listed after deleting the only one", n)
	}
	tab.Find("button", "Undo").Click()
	tab.WaitTrue("the attempt to come back", `document.querySelectorAll(".attempt").length === 1`)
	tab.Reload()
	if n := attemptCount(t, tab); n != 1 {
		t.Errorf("after undo and a reload, %d attempts listed, want 1", n)
	}
}

// TestQuestionsList shows each competency's first questions and the rest on
// request, and filters by competency and level.
func TestQuestionsList(t *testing.T) {
	s := start(t)
	tab := s.privateTab(t, 1280, 900)
	tab.Open(s.server.URL("/questions"))
	show := tab.WaitFor("button", "Show all 11 Mistakes and accountability questions")
	show.Click()
	tab.WaitGone("button", "Show all 11 Mistakes and accountability questions")
	tab.Find("link", mistakeQuestion)
	// The button is gone; the focus is on the first question it showed.
	tab.WaitTrue("the focus on the first question shown", `document.activeElement.matches(".competency li:nth-child(5) a") && document.activeElement.closest("section").innerText.includes("Mistakes and accountability")`)
	tab.Eval(`(() => { const s = document.getElementById("filter-level"); s.value = "manager"; s.dispatchEvent(new Event("change", {bubbles: true})); })()`, nil)
	tab.WaitTrue("the level filter", `[...document.querySelectorAll(".question-list li")].every((li) => li.innerText.includes("manager"))`)
}

// TestScrollOnNavigation: a page opened by a link shows from its top, as a
// new document would, with the focus on its heading, and Back returns to
// where the person was. go-app
// moves between pages without loading a document, and a question opened
// from far down the Questions list used to show mid-page.
func TestScrollOnNavigation(t *testing.T) {
	s := start(t)
	tab := s.privateTab(t, 1280, 800)
	tab.Open(s.server.URL("/questions"))
	tab.WaitApp()
	var last harness.Node
	for _, n := range tab.Query("link", "") {
		if strings.HasPrefix(n.Attr("href"), "/questions/") {
			last = n
		}
	}
	if last.Name == "" {
		t.Fatal("no question links on the Questions page")
	}
	// Scroll to the link as a person would, and let the page note where.
	var before float64
	tab.Eval(`[...document.querySelectorAll("main a[href^='/questions/']")].pop().scrollIntoView({block: "center"})`, nil)
	tab.Eval(`new Promise((ok) => setTimeout(() => ok(window.scrollY), 400))`, &before)
	last.Click()
	waitH1(t, tab, last.Name)
	var y float64
	tab.Eval(`window.scrollY`, &y)
	if y != 0 {
		t.Errorf("the question's page opened scrolled %v px down", y)
	}
	// The focus, lost with the link, starts again from the page's heading.
	tab.WaitTrue("the focus on the heading", `document.activeElement === document.querySelector("main h1")`)
	tab.Press(kb.Tab)
	var next string
	tab.Eval(`document.activeElement.compareDocumentPosition(document.querySelector("main h1")) & Node.DOCUMENT_POSITION_PRECEDING ? "after" : "before"`, &next)
	if next != "after" {
		t.Errorf("Tab from the heading went %s it", next)
	}
	// On a slow device the page comes back a moment after the move, later
	// than the browser puts back the position: slow this one down.
	if err := chromedp.Run(tab.Context(), emulation.SetCPUThrottlingRate(6)); err != nil {
		t.Fatal(err)
	}
	defer chromedp.Run(tab.Context(), emulation.SetCPUThrottlingRate(1))
	tab.Eval(`history.back()`, nil)
	waitH1(t, tab, "Questions")
	tab.WaitTrue("the list scrolled back to the link", fmt.Sprintf(`Math.abs(window.scrollY - %f) < 2`, before))
	if before < 1000 {
		t.Errorf("the last question link is only %v px down", before)
	}
}

// TestDrillControls covers the timer, switching answer modes without losing
// a word, and the search box's empty result and Escape.
func TestDrillControls(t *testing.T) {
	s := start(t)
	tab := s.privateTab(t, 1280, 900)
	tab.Open(s.server.URL("/?q=made-a-mistake"))
	timer := `document.querySelector(".timer-time").innerText`
	tab.WaitFor("button", "Start timer").Click()
	tab.WaitTrue("the timer to count", timer+` === "0:02"`)
	tab.Find("button", "Pause").Click()
	var paused string
	tab.Eval(timer, &paused)
	tab.WaitFor("button", "Resume timer")
	tab.Eval(`new Promise((ok) => setTimeout(ok, 1500))`, nil)
	var later string
	tab.Eval(timer, &later)
	if later != paused {
		t.Errorf("the paused timer moved from %s to %s", paused, later)
	}
	tab.Find("button", "Reset timer").Click()
	tab.WaitTrue("the timer to reset", timer+` === "0:00"`)

	// Free text goes into the boxes by the part each sentence plays, and
	// comes back into them as it was after a trip to free text.
	fill(t, tab, "Your answer", strongFree)
	tab.Find("button", "Guided STAR").Click()
	boxes := func() map[string]string {
		m := map[string]string{}
		for _, part := range []string{"Situation", "Task", "Action", "Result"} {
			m[part] = tab.WaitFor("textbox", part).Value()
		}
		return m
	}
	first := boxes()
	for part, starts := range map[string]string{"Situation": "Last spring", "Task": "I was responsible", "Result": "Everyone was paid"} {
		if !strings.HasPrefix(first[part], starts) {
			t.Errorf("switching to guided mode put %q in %s, want the sentence starting %q", first[part], part, starts)
		}
	}
	if !strings.Contains(first["Action"], "I calculated what each person was owed") {
		t.Errorf("switching to guided mode put %q in Action", first["Action"])
	}
	tab.Find("button", "Free text").Click()
	got := tab.WaitFor("textbox", "Your answer").Value()
	if strings.Join(strings.Fields(got), " ") != strings.Join(strings.Fields(strongFree), " ") {
		t.Errorf("switching back to free text reads %q, want the answer's words in order", got)
	}
	tab.Find("button", "Guided STAR").Click()
	if again := boxes(); !maps.Equal(again, first) {
		t.Errorf("back in guided mode the boxes read %q, want %q as before", again, first)
	}

	tab.Open(s.server.URL("/questions"))
	search := tab.WaitFor("searchbox", "Search questions")
	search.Type("zqxj")
	tab.WaitTrue("the empty result", `document.body.innerText.includes("No question matches")`)
	if _, ok := linkStarting(t, tab, "Mistakes and accountability"); !ok {
		t.Error("the empty result suggests no competency")
	}
	tab.Press(kb.Escape)
	tab.WaitTrue("Escape to clear the search", `document.getElementById("search").value === ""`)
}

// TestPickCompetency chooses a competency on the Drill page with the
// keyboard and starts: the question comes from that competency. The page's
// address can choose one too.
func TestPickCompetency(t *testing.T) {
	s := start(t)
	tab := s.privateTab(t, 1280, 900)
	tab.Open(s.server.URL("/"))
	list := tab.WaitFor("combobox", "Competency")
	first := list.Value()
	list.Focus()
	tab.Press(kb.ArrowDown)
	tab.Press(kb.ArrowDown)
	chosen := list.Value()
	if chosen == first || chosen == "" {
		t.Fatalf("the arrow keys left the list at %q", chosen)
	}
	var focused bool
	tab.Eval(`document.activeElement && document.activeElement.id === "pick-competency"`, &focused)
	if !focused {
		t.Error("choosing a competency took the keyboard focus away from the list")
	}
	var name string
	tab.Eval(`document.getElementById("pick-competency").selectedOptions[0].textContent.replace(/ \(\d+\)$/, "")`, &name)
	tab.Find("button", "Start").Click()
	tab.WaitFor("link", "Choose another question")
	if tab.Find("link", name).Attr("href") == "" {
		t.Errorf("the question started is not in %q", name)
	}

	// Back on the Drill page, the list starts from the top again, and Start
	// goes by what it shows.
	tab.Find("link", "Choose another question").Click()
	if got := tab.WaitFor("combobox", "Competency").Value(); got != first {
		t.Errorf("back on the Drill page the list shows %q, want %q", got, first)
	}
	tab.Open(s.server.URL("/?competency=" + chosen))
	if got := tab.WaitFor("combobox", "Competency").Value(); got != chosen {
		t.Errorf("?competency=%s shows %q", chosen, got)
	}
}

// TestUpdateNotice deploys a new version under a visitor: the page offers
// to reload, and reloading runs the new version.
func TestUpdateNotice(t *testing.T) {
	s := start(t)
	dir := t.TempDir()
	if err := os.CopyFS(dir, os.DirFS(s.site)); err != nil {
		t.Fatal(err)
	}
	srv, err := harness.Serve(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Stop()
	tab := s.browser.NewIsolatedTab(t, 1280, 900)
	t.Cleanup(func() { checkClean(t, tab, srv.Origin()) })
	tab.Open(srv.URL("/"))
	tab.WaitServiceWorker()

	// A new deployment: a new worker with a new version.
	worker := filepath.Join(dir, "app-worker.js")
	old, err := os.ReadFile(worker)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(worker, []byte(strings.Replace(string(old), `"stardrill-`, `"stardrill-next-`, 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	tab.DisableCache()
	tab.Eval(`navigator.serviceWorker.getRegistration().then((r) => r.update())`, nil)
	tab.WaitFor("button", "Reload to update").Click()
	tab.WaitApp()
	tab.WaitGone("button", "Reload to update")
	for i := 0; ; i++ {
		var updated bool
		tab.Eval(`caches.keys().then((k) => k.some((n) => n.startsWith("stardrill-next-")))`, &updated)
		if updated {
			break
		}
		if i == 40 {
			t.Fatal("the new version's cache never appeared")
		}
		tab.Eval(`new Promise((ok) => setTimeout(ok, 250))`, nil)
	}
}

// TestProgressLongList opens Progress with a year of daily practice saved:
// it lists the newest attempts and offers the older ones; showing them moves
// the focus to the first that was hidden, and an attempt opened and closed
// keeps the focus on its row.
func TestProgressLongList(t *testing.T) {
	s := start(t)
	tab := s.privateTab(t, 1280, 900)
	tab.Open(s.server.URL("/"))
	tab.SetLocalStorage(s.server.Origin(), yearOfPractice(t))
	tab.Open(s.server.URL("/progress"))
	more := tab.WaitFor("button", "Show 335 older attempts")
	if n := attemptCount(t, tab); n != 30 {
		t.Errorf("Progress lists %d attempts at first, want the newest 30", n)
	}
	more.Click()
	tab.WaitTrue("every attempt listed", `document.querySelectorAll(".attempt").length === 365`)
	tab.WaitTrue("the focus on the first attempt shown", `document.activeElement === document.querySelectorAll(".attempt-row")[30]`)
	for _, want := range []string{"true", "false"} {
		tab.Eval(`document.activeElement.click()`, nil)
		tab.WaitTrue("the row to say it is open: "+want, `document.activeElement === document.querySelectorAll(".attempt-row")[30] && document.activeElement.getAttribute("aria-expanded") === "`+want+`"`)
	}
	tab.Eval(`localStorage.clear()`, nil)
}

// TestDueForPractice: an attempt that felt hard an hour ago is not due yet;
// one that needed "Again" is, and the Drill page offers it.
func TestDueForPractice(t *testing.T) {
	s := start(t)
	tab := s.privateTab(t, 1280, 900)
	hourAgo := time.Now().Add(-time.Hour).UTC().Format(time.RFC3339)
	tab.SetLocalStorage(s.server.Origin(), map[string]string{
		"stardrill/schema":                    "1",
		"stardrill/attempt/aaaaaaaaa00000001": `{"v":1,"id":"aaaaaaaaa00000001","question":"made-a-mistake","saved":"` + hourAgo + `","grade":"again","score":40,"engine":1}`,
		"stardrill/attempt/aaaaaaaaa00000002": `{"v":1,"id":"aaaaaaaaa00000002","question":"costly-mistake","saved":"` + hourAgo + `","grade":"hard","score":60,"engine":1}`,
	})
	tab.Open(s.server.URL("/"))
	tab.WaitFor("heading", "Due for practice")
	tab.Find("link", mistakeQuestion)
	var dueList string
	tab.Eval(`document.querySelector("[aria-labelledby=s-due-for-practice]").innerText`, &dueList)
	if strings.Contains(dueList, "cost your employer") {
		t.Error("a question graded Hard an hour ago is listed as due")
	}
	tab.Find("button", "Surprise me").Click()
	waitH1OneOf(t, tab, "made-a-mistake")
}

// waitH1OneOf waits for the drill of the question with the given ID.
func waitH1OneOf(t *testing.T, tab *harness.Tab, id string) {
	t.Helper()
	tab.WaitTrue("the drill of "+id, fmt.Sprintf(`location.search === "?q=%s" && document.querySelector("h1.question") !== null`, id))
}

// openAttempt opens the first attempt listed in Progress.
func openAttempt(t *testing.T, tab *harness.Tab) {
	t.Helper()
	for _, b := range tab.Query("button", "") {
		if strings.Contains(b.Name, "score") {
			b.Click()
			return
		}
	}
	t.Fatal("no attempt to open")
}

// TestPrint prints what a person would take to an interview (a drill with
// its feedback, a saved attempt, a question's guidance) in the dark theme:
// the paper gets dark ink, every word of the answer and none of the app's
// controls.
func TestPrint(t *testing.T) {
	s := start(t)
	tab := s.privateTab(t, 1280, 900)
	tab.Open(s.server.URL("/settings"))
	tab.WaitFor("radio", "Dark").Click()
	tab.WaitTrue("the dark theme", `document.documentElement.dataset.theme === "dark"`)
	long := strings.Repeat(strongGuided["Action"]+"\n\n", 4)
	tab.Open(s.server.URL("/?q=made-a-mistake"))
	fill(t, tab, "Your answer", strongGuided["Situation"]+" "+long+strongGuided["Result"])
	score(t, tab)

	check := func(where string, gone ...[2]string) {
		t.Helper()
		tab.Media("print", nil)
		defer tab.Media("", nil)
		var ink struct{ Text, Muted, Link float64 }
		tab.Eval(`(() => {
			const lum = (c) => {
				const [r, g, b] = c.match(/[\d.]+/g).slice(0, 3).map((v) => {
					v /= 255;
					return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
				});
				return 0.2126 * r + 0.7152 * g + 0.0722 * b;
			};
			const contrast = (e) => e ? 1.05 / (lum(getComputedStyle(e).color) + 0.05) : 21;
			return {Text: contrast(document.querySelector("main h1")),
				Muted: contrast(document.querySelector("main .muted")),
				Link: contrast(document.querySelector("main a"))};
		})()`, &ink)
		for what, c := range map[string]float64{"text": ink.Text, "grey text": ink.Muted, "a link": ink.Link} {
			if c < 4.5 {
				t.Errorf("%s, printed: %s has a contrast of %.1f on white paper, want 4.5 or more", where, what, c)
			}
		}
		if n := tab.Query("navigation", ""); len(n) > 0 {
			t.Errorf("%s, printed: the navigation is on the paper", where)
		}
		for _, g := range gone {
			if len(tab.Query(g[0], g[1])) > 0 {
				t.Errorf("%s, printed: the %s %q is on the paper", where, g[0], g[1])
			}
		}
	}

	check("a drill", [2]string{"button", "Save attempt"}, [2]string{"group", "Timer"})
	var cut bool
	tab.Media("print", nil)
	tab.Eval(`(() => { const a = document.querySelector("textarea"); return a.scrollHeight > a.clientHeight + 2; })()`, &cut)
	tab.Media("", nil)
	if cut {
		t.Error("a drill, printed: the answer's box cuts its text off")
	}
	saveAttempt(t, tab)
	tab.Open(s.server.URL("/progress"))
	openAttempt(t, tab)
	tab.WaitFor("heading", "Your answer")
	check("a saved attempt", [2]string{"button", "Delete attempt"}, [2]string{"button", "Practise again"})
	if len(tab.Query("heading", "Your answer")) == 0 {
		t.Error("a saved attempt, printed: its answer is not on the paper")
	}
	tab.Open(s.server.URL("/questions/made-a-mistake"))
	waitH1(t, tab, mistakeQuestion)
	check("a question")
}

// TestLocalTimes reads saved times in New York, one from summer and one from
// winter: each must show the hour the clock showed then (09:30 in July is
// 13:30 UTC, and 08:30 in January), whichever season it is now.
func TestLocalTimes(t *testing.T) {
	s := start(t)
	tab := s.privateTab(t, 1280, 900)
	tab.TimeZone("America/New_York")
	tab.SetLocalStorage(s.server.Origin(), map[string]string{
		"stardrill/schema":                    "1",
		"stardrill/attempt/aaaaaaaaa00000001": `{"v":1,"id":"aaaaaaaaa00000001","question":"made-a-mistake","saved":"2026-07-01T13:30:00Z","score":40,"engine":1}`,
		"stardrill/attempt/aaaaaaaaa00000002": `{"v":1,"id":"aaaaaaaaa00000002","question":"costly-mistake","saved":"2026-01-15T13:30:00Z","score":60,"engine":1}`,
		"stardrill/draft/made-a-mistake":      `{"v":1,"question":"made-a-mistake","answer":"In my first job","updated":"2026-07-02T13:30:00Z"}`,
		"stardrill/draft/costly-mistake":      `{"v":1,"question":"costly-mistake","answer":"In my first job","updated":"2026-01-16T13:30:00Z"}`,
	})
	tab.Open(s.server.URL("/progress"))
	tab.WaitTrue("the attempts", `document.querySelectorAll(".attempt").length === 2`)
	var meta []string
	tab.Eval(`[...document.querySelectorAll(".attempt-meta")].map((e) => e.innerText)`, &meta)
	for _, want := range []string{"1 Jul 2026, 09:30", "15 Jan 2026, 08:30"} {
		if !strings.Contains(strings.Join(meta, "\n"), want) {
			t.Errorf("Progress lists %q, want an attempt saved at %s", meta, want)
		}
	}
	tab.Open(s.server.URL("/"))
	tab.WaitFor("heading", "Continue a draft")
	var list string
	tab.Eval(`[...document.querySelectorAll("h2")].find((h) => h.innerText === "Continue a draft").parentElement.innerText`, &list)
	for _, want := range []string{"2 Jul 09:30", "16 Jan 08:30"} {
		if !strings.Contains(list, want) {
			t.Errorf("the drafts read %q, want one kept at %s", list, want)
		}
	}
	tab.Open(s.server.URL("/?q=made-a-mistake"))
	tab.WaitTrue("the note that the draft from 2 Jul 09:30 is back", `[...document.querySelectorAll("[role=status]")].some((e) => e.innerText === "Your draft from 2 Jul 09:30 is back.")`)
	tab.Eval(`localStorage.clear()`, nil)
}

// TestAddQuestionWithEnter adds a question of one's own by pressing Enter in
// its text box, as in any form: first without a competency (the page says
// so), then with one. The page stays; nothing is lost on the way.
func TestAddQuestionWithEnter(t *testing.T) {
	s := start(t)
	tab := s.privateTab(t, 1280, 900)
	tab.Open(s.server.URL("/questions"))
	tab.Eval(`window.e2eSamePage = true`, nil)
	const mine = "Tell me about a time you calmed an angry customer on the phone."
	fill(t, tab, "Your question", mine)
	tab.Press(kb.Enter)
	tab.WaitFor("alert", "")
	tab.WaitTrue("the reason", `document.querySelector("[role=alert]").innerText === "Choose a competency for the question."`)
	if v := tab.Find("textbox", "Your question").Value(); v != mine {
		t.Errorf("after the refusal the question reads %q, want what was typed", v)
	}
	tab.Eval(`(() => { const s = document.getElementById("new-competency"); s.value = "customer"; s.dispatchEvent(new Event("change", {bubbles: true})); })()`, nil)
	tab.Find("textbox", "Your question").Focus()
	tab.Press(kb.Enter)
	tab.WaitFor("link", "Open your question")
	var same bool
	tab.Eval(`window.e2eSamePage === true`, &same)
	if !same {
		t.Error("pressing Enter loaded the page again")
	}
	tab.Find("link", "Open your question").Click()
	waitH1(t, tab, mine)
}

// TestMarkupShowsAsText types HTML into an answer and into a question of
// the person's own: the live feedback, the report, the saved attempt, the
// questions list and the question's page show it as the characters typed,
// and the page holds none of its elements.
func TestMarkupShowsAsText(t *testing.T) {
	s := start(t)
	tab := s.privateTab(t, 1280, 900)
	tab.Open(s.server.URL("/?q=made-a-mistake"))
	const answer = `Last year I ran the <b>payroll</b> report. It was not my fault <img src="x.png">, the other team dropped the ball. I fixed the rate & told my manager <script>alert(1)</script> the same day.`
	noElements := `(() => [...document.querySelectorAll("main b, main img, main script")].length === 0)()`
	fill(t, tab, "Your answer", answer)
	tab.WaitTrue("the sentences of the live feedback, as typed", `[...document.querySelectorAll(".live .sentence-text")].map((e) => e.textContent).join(" ").includes("the <b>payroll</b> report")`)
	score(t, tab)
	if tp := tips(t, tab); !strings.Contains(tp, `fault <img src="`) {
		t.Errorf("the report does not quote the markup as typed:\n%s", tp)
	}
	tab.WaitTrue("no element made of the answer", noElements)
	saveAttempt(t, tab)
	navLink(t, tab, "Progress").Click()
	openAttempt(t, tab)
	tab.WaitFor("heading", "Your answer")
	tab.WaitTrue("the saved answer, as typed", `document.querySelector(".answer-text").textContent.includes("<script>alert(1)</script>")`)
	tab.WaitTrue("no element made of the saved answer", noElements)

	const mine = `Tell me about a time you <i>rescued</i> a project & what it took.`
	navLink(t, tab, "Questions").Click()
	fill(t, tab, "Your question", mine)
	tab.Eval(`(() => { const s = document.getElementById("new-competency"); s.value = "failure"; s.dispatchEvent(new Event("change", {bubbles: true})); })()`, nil)
	tab.Find("button", "Add question").Click()
	tab.WaitFor("link", "Open your question")
	tab.Find("searchbox", "Search questions").Focus()
	tab.InsertText("rescued")
	tab.WaitTrue("the question in the list, as typed", fmt.Sprintf(`[...document.querySelectorAll("main li")].some((li) => li.textContent.includes(%q))`, "<i>rescued</i>"))
	tab.WaitTrue("no element made of the question", `document.querySelectorAll("main i").length === 0`)
	tab.Find("link", "Open your question").Click()
	waitH1(t, tab, mine)
	tab.WaitTrue("no element made of the question on its page", `document.querySelectorAll("main i").length === 0`)
}
