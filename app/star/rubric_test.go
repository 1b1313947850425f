package star

import (
	"reflect"
	"strings"
	"testing"
)

// findByScan is how coverage found a cue before cueIndex: its words
// compared at every token of every sentence. It is the reference that
// cueIndex.find must agree with.
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
	return out
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
			got, want := ix.find(a, ws, nil), findByScan(a, ws)
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
