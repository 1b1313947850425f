package ui

import (
	"strconv"
	"strings"

	"github.com/maxence-charriere/go-app/v10/pkg/app"

	"stardrill/app/star"
)

// liveTips is how many fixes the live feedback shows at once: more would
// distract from writing.
const liveTips = 2

// partNames label the parts of an answer in words, so that colour is never
// the only cue.
var partNames = map[star.Part]string{
	star.Situation: "Situation",
	star.Task:      "Task",
	star.Action:    "Action",
	star.Result:    "Result",
	star.Lesson:    "Lesson",
	star.Other:     "Other",
}

// analyze runs the feedback engine on in. An answer may hold any text at
// all, and a fault of the engine on some text must cost that text its
// feedback, never the page and the answer on it: ok is false then, and the
// report empty.
func analyze(in star.Input) (r star.Report, ok bool) {
	return guard(func() star.Report { return star.Analyze(in) })
}

// guard returns what f returns, or ok false if f panics.
func guard(f func() star.Report) (r star.Report, ok bool) {
	defer func() {
		if v := recover(); v != nil {
			app.Logf("stardrill: the feedback engine failed on this answer: %v", v)
			r, ok = star.Report{}, false
		}
	}()
	return f(), true
}

// noFeedback says that the feedback engine failed on an answer.
const noFeedback = "No feedback for this text: stardrill's feedback engine failed on something in it. " +
	"Your answer is safe: it is kept as a draft, and you can still save it."

// renderLive shows, while the person types, how their answer reads and the
// one or two changes that would help most. Updates are announced politely.
func (p *DrillPage) renderLive() app.UI {
	r := p.report
	text := p.text()
	if strings.TrimSpace(text) == "" {
		return app.Elem("div").Class("live card").Body(
			app.Elem("h2").Text("Live feedback"),
			app.Elem("p").Class("muted").Text("Start writing and stardrill will show which parts of a STAR story your answer has, and the next thing to improve."),
			starLegend(),
		)
	}
	if p.reportFailed {
		return app.Elem("div").Class("live card").Body(
			app.Elem("h2").Text("Live feedback"),
			app.Elem("p").Class("notice warn").Role("status").Text(noFeedback),
		)
	}
	tips := r.Tips
	if len(tips) > liveTips {
		tips = tips[:liveTips]
	}
	return app.Elem("div").Class("live card").Body(
		app.Elem("h2").Text("Live feedback"),
		partChips(r.Parts),
		app.Elem("div").Attr("aria-live", "polite").Body(
			app.If(len(tips) == 0, func() app.UI {
				return app.Elem("p").Class("good-text").Text("Nothing to fix: this reads as a complete STAR answer.")
			}).Else(func() app.UI {
				return app.Elem("ol").Class("tips").Attr("aria-label", "Top fixes").Body(
					app.Range(tips).Slice(func(i int) app.UI { return app.Elem("li").Text(tips[i].Message) }),
				)
			}),
		),
		app.Elem("h3").Class("small").Text("How your answer reads"),
		sentencesView(text, r.Sentences),
	)
}

func starLegend() app.UI {
	return app.Elem("ul").Class("list-plain legend").Body(
		legendItem(star.Situation, "where and when"),
		legendItem(star.Task, "what you had to do"),
		legendItem(star.Action, "what you did"),
		legendItem(star.Result, "what changed"),
		legendItem(star.Lesson, "what you learned"),
	)
}

func legendItem(part star.Part, what string) app.UI {
	return app.Elem("li").Body(
		app.Elem("span").Class("part-label part-"+string(part)).Text(partNames[part]),
		app.Text(" "+what),
	)
}

// partChips says which of the four parts the answer has.
func partChips(parts star.Parts) app.UI {
	items := []struct {
		part star.Part
		r    star.PartReport
	}{{star.Situation, parts.Situation}, {star.Task, parts.Task}, {star.Action, parts.Action}, {star.Result, parts.Result}}
	return app.Elem("ul").Class("list-plain chips").Attr("aria-label", "STAR parts").Body(
		app.Range(items).Slice(func(i int) app.UI {
			it := items[i]
			state, mark := "missing", "○"
			if it.r.Present {
				state, mark = "present", "●"
			}
			return app.Elem("li").Class("chip part-"+string(it.part)+" "+state).Body(
				app.Elem("span").Attr("aria-hidden", "true").Text(mark+" "),
				app.Text(partNames[it.part]+" "),
				app.Elem("span").Class("visually-hidden").Text(state),
			)
		}),
	)
}

// sentencesView renders the answer sentence by sentence, each tinted and
// labelled with the part it plays. It renders text, never HTML.
func sentencesView(text string, sentences []star.Sentence) app.UI {
	// The list scrolls when long, so it takes focus for keyboard users.
	return app.Elem("ol").Class("list-plain sentences").TabIndex(0).Attr("aria-label", "Your answer, sentence by sentence").Body(
		app.Range(sentences).Slice(func(i int) app.UI {
			s := sentences[i]
			if s.Start < 0 || s.End > len(text) || s.Start >= s.End {
				return nil
			}
			return app.Elem("li").Class("sentence part-"+string(s.Part)).Body(
				app.Elem("span").Class("part-label part-"+string(s.Part)).Text(partNames[s.Part]),
				app.Elem("span").Class("sentence-text").Text(text[s.Start:s.End]),
			)
		}),
	)
}

// reportView is the whole report: the score, the four parts, what works,
// and every tip with the text it is about. It is one piece of HTML (see
// html.go): a report is built once and read, never edited, and the browser
// parses it far faster than go-app builds it node by node. Every text in it
// is escaped, the answer's quotes included, so they show as typed.
func reportView(r star.Report, text string) app.UI {
	return app.Raw(reportHTML(r, text))
}

// reportHTML is reportView's HTML.
func reportHTML(r star.Report, text string) string {
	var h strings.Builder
	put := func(ss ...string) {
		for _, s := range ss {
			h.WriteString(s)
		}
	}
	n := strconv.Itoa(r.Score)
	put(`<section class="card report" aria-labelledby="report-heading"><h2 id="report-heading">Feedback</h2>`,
		`<div class="score-row"><div class="score `, scoreClass(r.Score), `"><span class="score-value">`, n,
		`</span><span class="score-of">/ 100</span></div><p class="score-words">Score `, n, ` out of 100. `,
		scoreWords(r.Score), `</p></div><ul class="list-plain part-scores">`)
	for _, pt := range []struct {
		part star.Part
		r    star.PartReport
	}{{star.Situation, r.Parts.Situation}, {star.Task, r.Parts.Task}, {star.Action, r.Parts.Action}, {star.Result, r.Parts.Result}} {
		state := "missing"
		if pt.r.Present {
			state = "present"
		}
		name := partNames[pt.part]
		put(`<li class="part-score part-`, string(pt.part), `"><span class="part-name">`, name,
			`</span><span class="small muted"> `, state, ` · `, strconv.Itoa(pt.r.Score), ` of 100</span>`,
			barHTML(pt.r.Score, 100, "aria-label", name+" score"), `</li>`)
	}
	put(`</ul><div class="grid-2"><div><h3>What's working</h3>`)
	if len(r.Strengths) == 0 {
		put(`<p class="muted">Nothing stands out yet. Tell one real story, in the past tense, with what you did.</p>`)
	} else {
		put(`<ul class="strengths">`)
		for _, s := range r.Strengths {
			put(`<li>`, escapeHTML(s.Message), `</li>`)
		}
		put(`</ul>`)
	}
	put(`</div><div><h3>What would help most</h3>`)
	if len(r.Tips) == 0 {
		put(`<p>No changes to suggest.</p>`)
	} else {
		put(`<ol class="tips">`)
		for _, t := range r.Tips {
			put(`<li><span>`, escapeHTML(t.Message), `</span>`)
			// Quote the text a tip is about, unless it is about the whole
			// answer.
			if t.Start < t.End && t.End <= len(text) && t.End-t.Start < len(text)/2 {
				put(`<p class="evidence">`, escapeHTML(excerpt(text[t.Start:t.End])), `</p>`)
			}
			put(`</li>`)
		}
		put(`</ol>`)
	}
	put(`</div></div>`)
	if len(r.Coverage) > 0 {
		put(`<div><h3>What this question asks for</h3><ul class="list-plain coverage-list">`)
		for _, c := range r.Coverage {
			mark, state, class := "○", "not yet covered", "cover missing"
			if c.Covered {
				mark, state, class = "●", "covered", "cover covered"
			}
			put(`<li class="`, class, `"><span aria-hidden="true">`, mark, ` </span>`, escapeHTML(c.Text),
				`<span class="small muted"> (`, state, `)</span></li>`)
		}
		put(`</ul></div>`)
	}
	put(`<p class="small muted">`, plural(r.Signals.Words, "word"), ` · about `, spokenSeconds(r.Signals.SpeakingSeconds), ` spoken.</p></section>`)
	return h.String()
}

func spokenSeconds(s int) string {
	if s < 60 {
		return plural(s, "second")
	}
	m, s := s/60, s%60
	if s == 0 {
		return plural(m, "minute")
	}
	return plural(m, "minute") + " " + plural(s, "second")
}

// excerpt shortens long evidence to its start.
func excerpt(s string) string {
	const max = 240
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}

func scoreClass(score int) string {
	switch {
	case score >= 70:
		return "high"
	case score >= 45:
		return "mid"
	}
	return "low"
}

func scoreWords(score int) string {
	switch {
	case score >= 85:
		return "An answer interviewers remember."
	case score >= 70:
		return "A strong answer; polish the tips below."
	case score >= 45:
		return "A fair start; the tips below say what to add."
	}
	return "Not yet an interview answer; start with the first tip."
}
