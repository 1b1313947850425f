package star

import (
	"bufio"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"
)

// example is one labelled answer from testdata/answers.txt.
type example struct {
	ID, Question, Quality, Note string
	Parts, Absent               []string
	Signals, Not                []string
	Answer                      string
}

func loadExamples(t testing.TB) []example { return loadFile(t, "testdata/answers.txt") }

func loadFile(t testing.TB, path string) []example {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	var out []example
	var cur *example
	inBody := false
	var body []string
	flush := func() {
		if cur != nil {
			cur.Answer = strings.TrimSpace(strings.Join(body, "\n"))
			out = append(out, *cur)
		}
	}
	sc := bufio.NewScanner(f)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if strings.HasPrefix(line, "=== ") {
			flush()
			cur = &example{ID: strings.TrimSpace(line[4:])}
			inBody, body = false, nil
			continue
		}
		if cur == nil {
			continue
		}
		if inBody {
			body = append(body, line)
			continue
		}
		if line == "---" {
			inBody = true
			continue
		}
		k, v, ok := strings.Cut(line, ":")
		if !ok {
			t.Fatalf("%s: bad header line %q", cur.ID, line)
		}
		v = strings.TrimSpace(v)
		switch k {
		case "question":
			cur.Question = v
		case "quality":
			cur.Quality = v
		case "note":
			cur.Note = v
		case "parts":
			cur.Parts = strings.Fields(v)
		case "absent":
			cur.Absent = strings.Fields(v)
		case "signals":
			cur.Signals = strings.Fields(v)
		case "not":
			cur.Not = strings.Fields(v)
		default:
			t.Fatalf("%s: unknown header %q", cur.ID, k)
		}
	}
	flush()
	if err := sc.Err(); err != nil {
		t.Fatal(err)
	}
	return out
}

// rubrics for the questions of the labelled set, in the bank's style.
var rubrics = map[string]*Rubric{
	"mistake": {Competency: "Mistakes and accountability", Question: "Tell me about a time you made a mistake at work.",
		Points: []Point{
			{ID: "own", Text: "Name a real, specific mistake and own it.", Cues: []string{"my mistake", "I made a mistake", "I missed", "I forgot", "I overlooked", "my fault", "I skipped", "I misread", "I used"}},
			{ID: "fix", Text: "The corrective steps you took yourself.", Cues: []string{"I fixed", "I corrected", "I told", "I called", "I rolled back", "I apologi*", "I rebuilt", "I reported"}},
			{ID: "prevent", Text: "What you changed so it does not happen again.", Cues: []string{"since then", "now", "checklist", "I learned", "every time"}},
		}},
	"conflict": {Competency: "Working through conflict", Question: "Tell me about a time you disagreed with a colleague.",
		Points: []Point{
			{ID: "issue", Text: "What the disagreement was about.", Cues: []string{"disagreed", "disagreement", "clash*", "argu*", "wanted", "worried"}},
			{ID: "talk", Text: "How you raised it directly and listened.", Cues: []string{"I asked", "I listened", "I booked", "let her explain", "let him explain", "coffee"}},
			{ID: "outcome", Text: "How it was resolved.", Cues: []string{"agreed", "compromise", "middle ground", "result", "we still"}},
		}},
	"leadership": {Competency: "Leadership", Question: "Tell me about a time you led a team or a project.",
		Points: []Point{
			{ID: "role", Text: "Why you were leading.", Cues: []string{"asked me to lead", "I took", "stepped in", "team lead", "coordinate"}},
			{ID: "plan", Text: "How you organised the people.", Cues: []string{"rota", "split", "paired", "check-in", "stand-ups", "re-planned", "roles"}},
			{ID: "result", Text: "What the team achieved.", Cues: []string{"finished", "shipped", "percent", "saved", "instead of"}},
		}},
	"deadline": {Competency: "Deadlines", Question: "Tell me about a time you had to meet a tight deadline.",
		Points: []Point{
			{ID: "plan", Text: "How you planned the time you had.", Cues: []string{"plan", "listed", "sorted", "blocked out", "first"}},
			{ID: "help", Text: "Who you involved.", Cues: []string{"asked", "colleague", "manager", "client"}},
			{ID: "met", Text: "Whether you met it.", Cues: []string{"on time", "before the deadline", "a day early", "submitted", "went live"}},
		}},
	"customer": {Competency: "Customer focus", Question: "Tell me about a time you dealt with an unhappy customer.",
		Points: []Point{
			{ID: "why", Text: "Why the customer was upset.", Cues: []string{"angry", "upset", "complained", "furious", "shouting"}},
			{ID: "calm", Text: "How you calmed the situation.", Cues: []string{"I let him", "I let her", "I apologi*", "I listened", "without interrupting"}},
			{ID: "fix", Text: "What you did to solve the problem.", Cues: []string{"I raised", "refund*", "remade", "I found", "I walked", "I called"}},
		}},
	"failure": {Competency: "Learning from failure", Question: "Tell me about a time you failed.",
		Points: []Point{
			{ID: "what", Text: "What failed and your part in it.", Cues: []string{"failed", "I skipped", "I assumed", "against a target", "I owned"}},
			{ID: "recover", Text: "What you did next.", Cues: []string{"relaunched", "resit", "I went to see", "I then"}},
			{ID: "lesson", Text: "What you learned.", Cues: []string{"I learned", "what I took", "I now", "I still"}},
		}},
	"teamwork": {Competency: "Teamwork", Question: "Tell me about a time you worked well as part of a team.",
		Points: []Point{
			{ID: "team", Text: "The team and the goal.", Cues: []string{"team", "colleagues", "students", "kitchen"}},
			{ID: "part", Text: "Your part in it.", Cues: []string{"I took", "I offered", "I suggested", "I showed"}},
			{ID: "result", Text: "What the team achieved.", Cues: []string{"won", "went off", "published", "adopted"}},
		}},
	"feedback": {Competency: "Taking feedback", Question: "Tell me about a time you received critical feedback.",
		Points: []Point{
			{ID: "what", Text: "The feedback you were given.", Cues: []string{"told me", "said", "feedback"}},
			{ID: "change", Text: "What you changed.", Cues: []string{"I rewrote", "rebuilt", "practised", "I asked"}},
			{ID: "effect", Text: "What difference it made.", Cues: []string{"fell", "asked me to present", "next"}},
		}},
	"initiative": {Competency: "Initiative", Question: "Tell me about a time you improved a process without being asked.",
		Points: []Point{
			{ID: "spot", Text: "What you noticed.", Cues: []string{"I noticed", "by hand", "kept asking"}},
			{ID: "build", Text: "What you built or changed.", Cues: []string{"I built", "I wrote", "template", "guide", "script"}},
			{ID: "effect", Text: "The effect.", Cues: []string{"now takes", "instead of", "adopted", "use the same", "official"}},
		}},
	"priorities": {Competency: "Prioritisation", Question: "Tell me about a time you had to juggle competing priorities.",
		Points: []Point{
			{ID: "clash", Text: "What competed for your time.", Cues: []string{"same week", "same afternoon", "same time", "three things"}},
			{ID: "decide", Text: "How you decided what came first.", Cues: []string{"rated", "ranked", "first", "decide*"}},
			{ID: "outcome", Text: "How it turned out.", Cues: []string{"delivered", "closed", "finished", "on time"}},
		}},
}

// signalOf returns the value of a named signal of a report.
func signalOf(r *Report, name string) bool {
	s := r.Signals
	switch name {
	case "lesson":
		return s.Lesson
	case "quantified":
		return s.Quantified
	case "blame":
		return s.Blame
	case "denial":
		return s.Denial
	case "hypothetical":
		return s.Hypothetical
	case "accountable":
		return s.Accountable
	case "we":
		return s.Ownership == "we"
	}
	panic("unknown signal " + name)
}

func partOf(r *Report, name string) bool {
	switch name {
	case "situation":
		return r.Parts.Situation.Present
	case "task":
		return r.Parts.Task.Present
	case "action":
		return r.Parts.Action.Present
	case "result":
		return r.Parts.Result.Present
	}
	panic("unknown part " + name)
}

type scored struct {
	example
	rep Report
}

func scoreAll(t testing.TB, withRubric bool) []scored {
	return scoreExamples(t, loadExamples(t), withRubric)
}

func scoreExamples(t testing.TB, exs []example, withRubric bool) []scored {
	out := make([]scored, len(exs))
	for i, ex := range exs {
		in := Input{Answer: ex.Answer}
		if withRubric {
			in.Rubric = rubrics[ex.Question]
			if in.Rubric == nil {
				t.Fatalf("%s: no rubric for question %q", ex.ID, ex.Question)
			}
		}
		out[i] = scored{ex, Analyze(in)}
	}
	return out
}

// splitThreshold separates strong from weak answers in the labelled set.
const splitThreshold = 55

func TestCorpusSize(t *testing.T) {
	exs := loadExamples(t)
	if len(exs) < 60 {
		t.Fatalf("labelled set has %d answers, want at least 60", len(exs))
	}
	ids := map[string]bool{}
	qs := map[string][2]int{}
	for _, ex := range exs {
		if ids[ex.ID] {
			t.Errorf("duplicate id %s", ex.ID)
		}
		ids[ex.ID] = true
		c := qs[ex.Question]
		switch ex.Quality {
		case "strong":
			c[0]++
		case "weak":
			c[1]++
		default:
			t.Errorf("%s: quality %q", ex.ID, ex.Quality)
		}
		qs[ex.Question] = c
	}
	for q, c := range qs {
		if c[0] == 0 || c[1] == 0 {
			t.Errorf("question %s has %d strong and %d weak answers; want both", q, c[0], c[1])
		}
	}
}

// TestCorpusOrdering checks that every strong answer outscores every weak
// answer to the same question, and that a single threshold splits them.
func TestCorpusOrdering(t *testing.T) {
	for _, withRubric := range []bool{false, true} {
		all := scoreAll(t, withRubric)
		byQ := map[string][]scored{}
		var qs []string
		for _, s := range all {
			if _, ok := byQ[s.Question]; !ok {
				qs = append(qs, s.Question)
			}
			byQ[s.Question] = append(byQ[s.Question], s)
		}
		pairs, bad := 0, 0
		for _, q := range qs {
			for _, a := range byQ[q] {
				for _, b := range byQ[q] {
					if a.Quality != "strong" || b.Quality != "weak" {
						continue
					}
					pairs++
					if a.rep.Score <= b.rep.Score {
						bad++
						t.Errorf("rubric=%v: strong %s (%d) not above weak %s (%d)", withRubric, a.ID, a.rep.Score, b.ID, b.rep.Score)
					}
				}
			}
		}
		miss := 0
		for _, s := range all {
			if (s.Quality == "strong") != (s.rep.Score >= splitThreshold) {
				miss++
				t.Errorf("rubric=%v: %s (%s) scored %d, threshold %d", withRubric, s.ID, s.Quality, s.rep.Score, splitThreshold)
			}
		}
		t.Logf("rubric=%v: %d/%d strong-weak pairs ordered, %d/%d on the right side of %d", withRubric, pairs-bad, pairs, len(all)-miss, len(all), splitThreshold)
	}
}

// TestCorpusDetection checks the labelled parts and signals.
func TestCorpusDetection(t *testing.T) {
	all := scoreAll(t, false)
	type tally struct{ ok, n int }
	stats := map[string]*tally{}
	check := func(id, name string, want, got bool) {
		st := stats[name]
		if st == nil {
			st = &tally{}
			stats[name] = st
		}
		st.n++
		if want == got {
			st.ok++
		} else {
			t.Errorf("%s: %s = %v, want %v", id, name, got, want)
		}
	}
	for _, s := range all {
		for _, p := range s.Parts {
			check(s.ID, "part "+p, true, partOf(&s.rep, p))
		}
		for _, p := range s.Absent {
			check(s.ID, "part "+p, false, partOf(&s.rep, p))
		}
		for _, g := range s.Signals {
			check(s.ID, "signal "+g, true, signalOf(&s.rep, g))
		}
		for _, g := range s.Not {
			check(s.ID, "signal "+g, false, signalOf(&s.rep, g))
		}
	}
	var names []string
	for k := range stats {
		names = append(names, k)
	}
	sort.Strings(names)
	for _, k := range names {
		t.Logf("%-22s %d/%d", k, stats[k].ok, stats[k].n)
	}
}

// TestWordCountBaseline shows that the labelled set judges content, not
// length: a scorer that counts words misorders pairs the engine orders.
func TestWordCountBaseline(t *testing.T) {
	all := scoreAll(t, false)
	naive := func(s scored) int {
		n := s.rep.Signals.Words / 3
		if n > 100 {
			n = 100
		}
		return n
	}
	engineOnly, naiveBad, pairs := 0, 0, 0
	for _, a := range all {
		for _, b := range all {
			if a.Question != b.Question || a.Quality != "strong" || b.Quality != "weak" {
				continue
			}
			pairs++
			if naive(a) <= naive(b) {
				naiveBad++
				if a.rep.Score > b.rep.Score {
					engineOnly++
				}
			}
		}
	}
	t.Logf("word-count scorer misorders %d of %d pairs; the engine orders %d of those", naiveBad, pairs, engineOnly)
	if engineOnly < 5 {
		t.Errorf("word-count scorer misorders only %d pairs the engine gets right; the set does not test content", engineOnly)
	}
}

// TestCorpusPrint prints every score with -v; it never fails.
func TestCorpusPrint(t *testing.T) {
	if !testing.Verbose() {
		t.Skip("run with -v to print the scores")
	}
	for _, s := range scoreAll(t, false) {
		r := &s.rep
		mark := func(b bool, c string) string {
			if b {
				return c
			}
			return "."
		}
		tips := ""
		if len(r.Tips) > 0 {
			tips = r.Tips[0].ID
		}
		fmt.Printf("%3d %-6s %-30s %s%s%s%s own=%-4s %s%s%s%s%s %s\n", r.Score, s.Quality, s.ID,
			mark(r.Parts.Situation.Present, "S"), mark(r.Parts.Task.Present, "T"), mark(r.Parts.Action.Present, "A"), mark(r.Parts.Result.Present, "R"),
			r.Signals.Ownership, mark(r.Signals.Blame, "B"), mark(r.Signals.Denial, "D"), mark(r.Signals.Hypothetical, "H"),
			mark(r.Signals.Lesson, "L"), mark(r.Signals.Quantified, "Q"), tips)
	}
}

// TestProbes reports how the engine does on answers written to fool it and
// left untuned. It fails if fewer land on the right side of 55 than the 13
// of 18 that did when they were written; the README lists the misses.
func TestProbes(t *testing.T) {
	right, all := 0, scoreExamples(t, loadFile(t, "testdata/probes.txt"), false)
	for _, s := range all {
		if (s.Quality == "strong") == (s.rep.Score >= splitThreshold) {
			right++
		} else {
			t.Logf("wrong side of %d: %s (%s) %d", splitThreshold, s.ID, s.Quality, s.rep.Score)
		}
	}
	t.Logf("probes: %d of %d on the right side of %d", right, len(all), splitThreshold)
	if right < 13 {
		t.Errorf("probes: %d of %d on the right side of %d, want at least 13", right, len(all), splitThreshold)
	}
}

// TestHeldOut reports how the engine does on answers written after it was
// tuned, with loose bounds: ordering, sides of the split and detection well
// above chance (90% of pairs and of answers, 80% of labels).
func TestHeldOut(t *testing.T) {
	all := scoreExamples(t, loadFile(t, "testdata/heldout.txt"), false)
	pairs, good := 0, 0
	for _, a := range all {
		for _, b := range all {
			if a.Question == b.Question && a.Quality == "strong" && b.Quality == "weak" {
				pairs++
				if a.rep.Score > b.rep.Score {
					good++
				} else {
					t.Logf("misordered: %s (%d) vs %s (%d)", a.ID, a.rep.Score, b.ID, b.rep.Score)
				}
			}
		}
	}
	split := 0
	checks, ok := 0, 0
	for _, s := range all {
		if (s.Quality == "strong") == (s.rep.Score >= splitThreshold) {
			split++
		} else {
			t.Logf("wrong side of %d: %s (%s) %d", splitThreshold, s.ID, s.Quality, s.rep.Score)
		}
		for _, p := range s.Parts {
			checks++
			if partOf(&s.rep, p) {
				ok++
			} else {
				t.Logf("%s: part %s missed", s.ID, p)
			}
		}
		for _, p := range s.Absent {
			checks++
			if !partOf(&s.rep, p) {
				ok++
			} else {
				t.Logf("%s: part %s detected but absent", s.ID, p)
			}
		}
		for _, g := range s.Signals {
			checks++
			if signalOf(&s.rep, g) {
				ok++
			} else {
				t.Logf("%s: signal %s missed", s.ID, g)
			}
		}
	}
	t.Logf("held-out: %d answers, %d/%d pairs ordered, %d on the right side of %d, %d/%d labels detected",
		len(all), good, pairs, split, splitThreshold, ok, checks)
	if good*10 < pairs*9 || ok*10 < checks*8 || split*10 < len(all)*9 {
		t.Errorf("held-out figures too low: %d/%d pairs, %d/%d labels, %d/%d on the right side of %d",
			good, pairs, ok, checks, split, len(all), splitThreshold)
	}
}
