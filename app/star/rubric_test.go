package star

import (
	"reflect"
	"strings"
	"testing"
)

// findByScan is how coverage found a cue before cueIndex: its words
// compared at every token of every sentence, and a cue such as "I asked"
// also at every verb whose subject is its first word. It is the reference
// that cueIndex.find must agree with.
func findByScan(a *analyzer, ws []string) []Span {
	var out []Span
	for _, s := range a.sents {
		for i := s.t0; i+len(ws) <= s.t1; i++ {
			n := 0
			for n < len(ws) && cueMatch(ws[n], &a.toks[i+n]) {
				n++
			}
			if n == len(ws) {
				out = append(out, Span{a.toks[i].start, a.toks[i+len(ws)-1].end})
			}
		}
	}
	subject := map[string]subj{"i": subjI, "we": subjWe}[ws[0]]
	for _, s := range a.sents {
		for i := s.t0; subject != subjNone && len(ws) > 1 && i+len(ws)-1 <= s.t1; i++ {
			if !a.verbOf(i, subject) || i > 0 && a.toks[i-1].w == ws[0] {
				continue
			}
			n := 1
			for n < len(ws) && cueMatch(ws[n], &a.toks[i+n-1]) {
				n++
			}
			if n == len(ws) {
				out = append(out, Span{a.toks[i].start, a.toks[i+len(ws)-2].end})
			}
		}
	}
	return sortSpans(out)
}

// checkCoverage fails t if the indexed search and the full scan find any
// cue of rub in different places of text.
func checkCoverage(t *testing.T, text string, fields *[4]span, rub *Rubric) {
	t.Helper()
	loadTables()
	a := analyze(text, fields, rub)
	var ix cueIndex
	ix.build(a)
	for _, p := range rub.Points {
		for _, cue := range p.Cues {
			var buf [8]string
			ws := cueWords(cue, &buf)
			if len(ws) == 0 {
				continue
			}
			got, want := sortSpans(ix.find(a, ws, nil)), findByScan(a, ws)
			if !reflect.DeepEqual(got, want) {
				t.Fatalf("%.60q: cue %q found at %v, a full scan finds it at %v", text, cue, got, want)
			}
		}
	}
}

func TestCoverageIndex(t *testing.T) {
	cues := &Rubric{Points: []Point{
		{ID: "a", Text: "Cues of every shape.", Cues: []string{"percent", "I apologi*", "on time", "check-in", "a", "x*", "Dr.", "naïve", "café*", "5", "end of", "(quoted)", "I"}},
		{ID: "b", Text: "Cues that cross a sentence's end.", Cues: []string{"late i", "deadline so", "it. then"}},
	}}
	texts := []string{
		"", "I", "percent 20% 3 percent", "I was late. I called. I apologised, apologies, I apologize!",
		"We met the deadline. So I sent it on time, on. time, end of day and end\nof week.",
		"Café owner, cafés and a naïve plan: a check-in every 5 days (quoted) at Dr. Smith's, x xx xy.",
		strings.Repeat("I finished on time and saved 12% of the cost. ", 40),
	}
	for _, ex := range loadExamples(t) {
		texts = append(texts, ex.Answer)
	}
	rubs := []*Rubric{cues}
	for _, r := range rubrics {
		rubs = append(rubs, r)
	}
	for _, text := range texts {
		for _, rub := range rubs {
			checkCoverage(t, text, nil, rub)
			fl := Fields{text, "", text, ""}
			joined, fields := joinFields(fl)
			checkCoverage(t, joined, &fields, rub)
		}
	}
}

// TestCueSubject: a cue that opens with "I" or "we" ("I asked", "we
// agreed") is the speaker or the team doing it, with words between the two
// or with the subject understood; not someone else doing it, nor the speaker
// being done to.
func TestCueSubject(t *testing.T) {
	rub := &Rubric{Points: []Point{
		{ID: "asked", Text: "You asked.", Cues: []string{"I asked"}},
		{ID: "agreed", Text: "The team agreed.", Cues: []string{"we agreed on"}},
	}}
	for _, tc := range []struct {
		text          string
		asked, agreed bool
	}{
		{"I got the two foremen into the cabin at 7am and asked each of them for the hours they needed.", true, false},
		{"Last March I ran the site. I then quietly asked each foreman for his hours.", true, false},
		{"Steps I took:\n- Booked the cabin for Monday.\n- Asked each foreman for his hours.", true, false},
		{"Asked each foreman for his hours, then booked the cabin for Monday.", true, false},
		{"After a long talk we finally agreed on a rota, and I asked the client to sign it.", true, true},
		{"She asked me for the hours, and they agreed on a rota without me.", false, false},
		{"I was asked to lead the project because we had not agreed on a rota.", false, false},
		{"I didn't ask anyone, and we never agreed.", false, false},
		{"I never asked him, and we hardly agreed on anything.", false, false},
		{"By then I had already asked twice, and we'd agreed on a rota.", true, true},
		{"I've asked each foreman, and we have agreed on a rota.", true, true},
	} {
		r := Analyze(Input{Answer: tc.text, Rubric: rub})
		if got := r.Coverage[0].Covered; got != tc.asked {
			t.Errorf("%q: \"I asked\" covered %v, want %v (%v)", tc.text, got, tc.asked, r.Coverage[0].Evidence)
		}
		if got := r.Coverage[1].Covered; got != tc.agreed {
			t.Errorf("%q: \"we agreed on\" covered %v, want %v (%v)", tc.text, got, tc.agreed, r.Coverage[1].Evidence)
		}
	}
}

// TestPartCues: a point whose cues include CueResult is covered by any
// result the answer reports, however it is worded, and CueLesson by any
// lesson; the evidence is what the engine read as one. Neither makes an
// answer on another subject count as on topic.
func TestPartCues(t *testing.T) {
	rub := &Rubric{Competency: "Customer focus", Question: "Tell me about a time you calmed an angry customer.", Points: []Point{
		{ID: "end", Text: "How it ended.", Cues: []string{"thanked", CueResult}},
		{ID: "lesson", Text: "What you took from it.", Cues: []string{"taught me", CueLesson}},
	}}
	const story = "Last June a guest at the hotel where I worked the front desk was shouting about a double charge. " +
		"I let him finish, apologised and checked the bill line by line. I found the duplicate and refunded it on the spot."
	const result = " The refund reached his card within the hour and he booked again for August."
	const lesson = " Since then I read every disputed bill back to the guest before I look into it."
	cases := []struct {
		text          string
		ended, lesson bool
	}{
		{story + result + lesson, true, true},
		{story + result, true, false},
		{story, false, false},
	}
	for _, tc := range cases {
		r := Analyze(Input{Answer: tc.text, Rubric: rub})
		if r.Coverage[0].Covered != tc.ended || r.Coverage[1].Covered != tc.lesson {
			t.Errorf("%q: covered %v, %v; want %v, %v", tc.text[len(story):], r.Coverage[0].Covered, r.Coverage[1].Covered, tc.ended, tc.lesson)
		}
		if tc.ended {
			ev := r.Coverage[0].Evidence
			if len(ev) == 0 || !strings.Contains(tc.text[ev[0].Start:ev[0].End], "refund reached his card") {
				t.Errorf("result evidence %v, want the result sentence", ev)
			}
		}
		if tc.ended != r.Parts.Result.Present {
			t.Errorf("%q: result point covered %v but Result present %v", tc.text[len(story):], tc.ended, r.Parts.Result.Present)
		}
	}
	off := "Last spring I rebuilt the warehouse rota so that every shift had a forklift driver, and I trained two new drivers myself. " +
		"Overtime fell by 30 percent over the next quarter and nobody had to cover a double shift again."
	for _, cues := range [][]string{{"thanked", CueResult}, {CueResult, "thanked"}} {
		rub.Points[0].Cues = cues
		r := Analyze(Input{Answer: off, Rubric: rub})
		if !r.Coverage[0].Covered || !r.Signals.OffTopic {
			t.Errorf("cues %q, an answer on another subject with a result: result point covered %v, off topic %v; want both", cues, r.Coverage[0].Covered, r.Signals.OffTopic)
		}
	}
}
