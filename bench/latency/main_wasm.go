//go:build wasm

package main

import (
	"fmt"
	"runtime/metrics"
	"strings"
	"syscall/js"

	"stardrill/app/bank"
	"stardrill/app/search"
	"stardrill/app/star"
	"stardrill/content"
)

// limit is the most results a search returns: twice what the Questions
// page asks for, so the figures err on the slow side.
const limit = 40

// question is the question whose rubric the feedback engine checks answers
// against.
const question = "made-a-mistake"

// main loads the bank, builds the indexes and exposes to JavaScript:
//
//	sdStrings(bank)       every entry's text, in index order ("real" or "tenfold")
//	sdSearchReal(query)   one keystroke: Session.Find on the real bank; the number of results
//	sdSearchTenfold(q)    the same over the bank repeated ten times
//	sdAnswer(words)       an answer of that many words, from the bank's strong examples
//	sdAnalyze(text)       star.Analyze against the question's rubric; the score
//	sdGCs()               how many garbage collections have run
//
// then calls sdReady(), which the page defines.
func main() {
	b, err := bank.Decode(content.Compiled)
	if err != nil {
		js.Global().Get("console").Call("error", "loading the bank: "+err.Error())
		return
	}
	q, ok := b.Question(question)
	if !ok {
		js.Global().Get("console").Call("error", "the bank has no question "+question)
		return
	}
	entries := search.FromBank(b)
	realSession := search.New(entries).Session()
	// The tenfold index is built when first asked for, so that it is not
	// on the heap (where the collector would have to scan it) while the
	// real bank is timed.
	var tenfoldEntries []search.Entry
	var tenfoldSession *search.Session
	buildTenfold := func() {
		if tenfoldSession == nil {
			tenfoldEntries = tenfold(entries)
			tenfoldSession = search.New(tenfoldEntries).Session()
		}
	}
	gcs := []metrics.Sample{{Name: "/gc/cycles/total:gc-cycles"}}

	g := js.Global()
	g.Set("sdStrings", js.FuncOf(func(_ js.Value, args []js.Value) any {
		list := entries
		if len(args) > 0 && args[0].String() == "tenfold" {
			buildTenfold()
			list = tenfoldEntries
		}
		out := make([]any, len(list))
		for i, e := range list {
			out[i] = e.Text
		}
		return out
	}))
	g.Set("sdSearchReal", js.FuncOf(func(_ js.Value, args []js.Value) any {
		return len(realSession.Find(args[0].String(), limit))
	}))
	g.Set("sdSearchTenfold", js.FuncOf(func(_ js.Value, args []js.Value) any {
		buildTenfold()
		return len(tenfoldSession.Find(args[0].String(), limit))
	}))
	g.Set("sdGCs", js.FuncOf(func(js.Value, []js.Value) any {
		metrics.Read(gcs)
		return gcs[0].Value.Uint64()
	}))
	g.Set("sdAnswer", js.FuncOf(func(_ js.Value, args []js.Value) any {
		return answer(b, args[0].Int())
	}))
	g.Set("sdAnalyze", js.FuncOf(func(_ js.Value, args []js.Value) any {
		// As the drill page does: the rubric is made for each analysis.
		return star.Analyze(star.Input{Answer: args[0].String(), Rubric: q.Rubric()}).Score
	}))
	g.Call("sdReady")
	select {}
}

// tenfold repeats every entry ten times under distinct question IDs, as
// app/search's BenchmarkFindTenfold does: a bank ten times the size.
func tenfold(entries []search.Entry) []search.Entry {
	out := make([]search.Entry, 0, 10*len(entries))
	for k := range 10 {
		for _, e := range entries {
			e.QuestionID = fmt.Sprintf("%s-%d", e.QuestionID, k)
			out = append(out, e)
		}
	}
	return out
}

// answer returns the first n words of the bank's strong example answers,
// those of the question's competency first, keeping paragraph breaks.
func answer(b *bank.Bank, n int) string {
	q, _ := b.Question(question)
	var paras []string
	add := func(ex []bank.Example) {
		for _, e := range ex {
			if e.Strong {
				paras = append(paras, strings.Split(e.Answer, "\n\n")...)
			}
		}
	}
	add(b.Examples(q.Competency))
	for _, c := range b.Competencies() {
		if c.ID != q.Competency {
			add(b.Examples(c.ID))
		}
	}
	var out []string
	words := 0
	for _, p := range paras {
		w := strings.Fields(p)
		if words+len(w) > n {
			w = w[:n-words]
		}
		out = append(out, strings.Join(w, " "))
		if words += len(w); words == n {
			break
		}
	}
	return strings.Join(out, "\n\n")
}
