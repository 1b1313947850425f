package star

import (
	"math"
	"strings"
	"unicode"
	"unicode/utf8"
)

// analyzer holds the working state of one Analyze call.
type analyzer struct {
	text   string
	toks   []token
	sents  []sentence
	cls    []clause
	words  int
	rubric *Rubric

	mood        bool // the current sentence is hypothetical or habitual so far
	obligations int  // clauses so far with "I had to", "we needed to"
	firstAction int  // index of the first action clause, or len(cls)
	lastAction  int  // index of the last action clause, or -1
	actionCls   int  // number of clauses with a first-person action

	headline bool // the first clause tells the result: "Last year I cut errors by 80%"

	present []presentVerb // possible present-tense verbs, for retell
	perfect [][2]int32    // "have" and its participle ("I have met"), for retell
	retold  bool          // the story was told in the present and is read in the past
}

// Analyze reads an answer and returns its report. It never fails: empty or
// unreadable text gets a low score and a tip that says what to do.
func Analyze(in Input) Report {
	loadTables()
	var text string
	var fields [4]span
	if in.Fields != nil {
		text, fields = joinFields(*in.Fields)
	} else {
		text = in.Answer
	}
	rep := Report{Version: Version}
	if len(text) > MaxBytes {
		text = cutText(text, MaxBytes)
		rep.Truncated = true
	}
	var fp *[4]span
	if in.Fields != nil {
		fp = &fields
	}
	a := analyze(text, fp, in.Rubric)
	a.report(&rep)
	return rep
}

// analyze splits text into sentences and clauses and labels them. fields,
// if not nil, are the byte ranges of the guided-mode fields in text.
func analyze(text string, fields *[4]span, rubric *Rubric) *analyzer {
	a := &analyzer{text: text, rubric: rubric}
	a.toks = tokenize(text, make([]token, 0, len(text)/5+4))
	phrasalVerbs(a.toks)
	a.sents = splitSentences(text, a.toks, make([]sentence, 0, len(text)/60+2))
	if fields != nil {
		for i := range a.sents {
			for f, sp := range fields {
				if sp.start <= a.sents[i].start && a.sents[i].start < sp.end {
					a.sents[i].field = f
				}
			}
		}
	}
	a.cls = make([]clause, 0, len(a.sents)*3+1)
	a.present = make([]presentVerb, 0, len(a.toks)/8+2)
	a.buildClauses()
	a.retell()
	a.label()
	return a
}

// phrasalVerbs clears the outcome flag of a verb that a particle turns into
// a plain action: "reached out" is contacting, not reaching a goal, and
// "signed up", "passed on" or "stopped by" report no outcome either.
func phrasalVerbs(toks []token) {
	for i := 0; i+1 < len(toks); i++ {
		t := &toks[i]
		if t.f&fOutcome == 0 || t.end != toks[i+1].start-1 {
			continue
		}
		switch t.w + " " + toks[i+1].w {
		case "reached out", "signed up", "passed on", "passed along", "stopped by", "finished off":
			t.f &^= fOutcome
		}
	}
}

// cutText returns the longest prefix of s of at most max bytes that ends
// on a rune boundary, preferably at white space.
func cutText(s string, max int) string {
	end := max
	for end > 0 && !utf8.RuneStart(s[end]) {
		end--
	}
	cut := strings.LastIndexFunc(s[:end], unicode.IsSpace)
	if cut > end-1024 && cut > 0 {
		end = cut
	}
	return s[:end]
}

func min1(n int) float32 {
	if n > 0 {
		return 1
	}
	return 0
}

func capf(x, max float32) float32 {
	if x > max {
		return max
	}
	return x
}

func capi(n, max int) float32 {
	if n > max {
		n = max
	}
	return float32(n)
}

// scores computes the raw role scores of clause c at relative position rel
// (0 at the start of the answer, 1 at the end).
func (a *analyzer) scores(c *clause, rel float32, first bool) [nKinds]float32 {
	f := &c.ft
	var sc [nKinds]float32
	acts := c.actions()

	s := 1.3*capf(f.cat[pSit], 2) + 0.8*min1(f.timeW) + 0.6*capi(f.background, 2) + 0.4*capi(f.otherPast, 2) +
		0.3*capi(f.work+f.role, 2) + 0.5*min1(f.years) + 0.6*min1(f.trouble)
	if acts > 0 {
		s -= 0.6
	}
	switch {
	case first:
		s += 0.6
		if f.timeW+f.years > 0 || f.cat[pSit] > 0 {
			s += 0.8
		}
	case rel < 0.25:
		s += 0.3
	case rel > 0.6:
		s -= 0.4
	}
	sc[kS] = s

	t := capf(f.cat[pTask], 3) + 0.9*capi(f.taskObl, 2)
	if rel < 0.5 {
		t += 0.2
	}
	sc[kT] = t

	act := 1.7*capi(f.iAct, 2) + 1.0*capi(f.weAct, 2) + 0.9*capi(f.implAct, 2) + 0.9*min1(f.discover)
	if acts > 0 {
		act += 0.4*capf(f.cat[pSeq], 1) + 0.3*capf(f.cat[pOwn], 1)
	}
	sc[kA] = act

	rp := capf(f.cat[pResult], 2.5)
	if acts > 0 && f.outcome+f.eval+f.passiveResult == 0 {
		// In a step of the speaker's, a result phrase is usually part of
		// the step: "I checked the results", "we met the ward manager".
		rp *= 0.5
	}
	r := rp + 0.8*capi(f.outcome, 2) + 0.5*capi(f.eval, 2) + 0.8*min1(f.passiveResult)
	if f.iOutcome { // "I passed", "I won"
		r += 0.8
	}
	if f.qty > 0 {
		if f.cat[pResult] > 0 || f.outcome > 0 || f.eval > 0 || f.passiveResult > 0 {
			r += 1.0
		} else {
			r += 0.3
		}
	}
	if rel > 0.6 {
		r += 0.4
		// Late in the story, "we" with figures tells its scale: "We moved
		// 40,000 customers with two hours of downtime."
		if f.weAct > 0 && f.iAct == 0 && f.qty >= 2 {
			r += 0.6
		}
	}
	if f.unknown {
		r = 0 // "I'm not sure what ended up happening with it"
	}
	sc[kR] = r

	l := capf(f.cat[pLesson], 3) + 0.9*capf(f.cat[pLessonWeak], 1) + 0.8*capf(f.cat[pPrevent], 2) +
		0.5*min1(f.counterfactual) + 0.4*min1(f.perfect)
	if rel > 0.6 {
		l += 0.3
	}
	sc[kL] = l

	if acts == 0 && f.hypo+f.habit > 0 {
		sc[kR] *= 0.5
		sc[kT] = 0.9 * capi(f.taskObl, 2)
	}
	return sc
}

func argmax(sc *[nKinds]float32) int {
	k := kOther
	best := float32(1.0) // threshold
	for i, v := range sc {
		if v >= best+0.001 || k == kOther && v >= best {
			k, best = i, v
		}
	}
	return k
}

// label scores every clause and gives it a role.
func (a *analyzer) label() {
	clauseWords := 0
	for i := range a.cls {
		clauseWords += a.cls[i].ft.words
	}
	// The answer's length counts every word typed, headings ("Situation:")
	// and bullet numbers too, as the count under the answer box does.
	for j := range a.toks {
		if a.wordStart(j) {
			a.words++
		}
	}
	total := float32(clauseWords)
	if total == 0 {
		total = 1
	}
	pos := 0
	for i := range a.cls {
		c := &a.cls[i]
		c.rel = (float32(pos) + float32(c.ft.words)/2) / total
		pos += c.ft.words
		c.sc = a.scores(c, c.rel, i == 0)
		c.kind = argmax(&c.sc)
	}
	// The first action anchors the story. An action that is itself the error
	// ("I approved the list without checking") belongs to the setup when a
	// repair follows.
	n := len(a.cls)
	a.firstAction, a.lastAction = n, -1
	firstAny := n
	for i := range a.cls {
		c := &a.cls[i]
		if c.actions() > 0 {
			a.actionCls++
		}
		if c.kind != kA && c.ft.iAct+c.ft.implAct == 0 {
			continue
		}
		if firstAny == n {
			firstAny = i
		}
		if a.firstAction == n && !a.troubled(c) {
			a.firstAction = i
		}
		a.lastAction = i
	}
	repaired := a.firstAction < n // a step other than the error itself
	if a.firstAction == n {
		a.firstAction = firstAny
	}
	for i := range a.cls {
		c := &a.cls[i]
		f := &c.ft
		switch {
		case i < a.firstAction:
			// Outcomes and lessons follow actions: before the first action
			// they are setup ("sales had dropped 20%") or discovery.
			if a.firstAction < n && c.sc[kR] > 0 {
				c.sc[kS] += 0.3 * c.sc[kR]
			}
			if f.otherPast+f.background > 0 {
				c.sc[kS] += 0.5
			}
			c.sc[kR] *= 0.5
			c.sc[kL] *= 0.5
		case i > a.firstAction:
			// Tasks come before actions; what others did or how things
			// stand afterwards is a consequence.
			c.sc[kT] *= 0.6
			bonus := float32(0)
			// A past event in a clause whose first words are "before" or
			// "after" and a pronoun tells when a step happened, not what
			// came of it: "I had it checked before it went out".
			framed := false
			for j := c.t0; f.otherPast > 0 && j < c.t1-1 && j < c.t0+3; j++ {
				w, nw := a.toks[j].w, a.toks[j+1].w
				framed = framed || (w == "before" || w == "after") && (nw == "it" || nw == "he" || nw == "she" || nw == "they")
			}
			switch {
			case !repaired || f.unknown || framed:
			case f.setback > 0 && f.outcome+f.eval == 0:
				// A setback is no consequence of the steps: "then the
				// printer broke", "two nurses complained".
			case c.actions() == 0 && (f.otherEvent+f.passiveResult > 0 ||
				f.presentOther > 0 && (f.outcome+f.eval+f.qty > 0 || f.cat[pResult] > 0 || a.standsNow(c))):
				// How things stand now is a consequence when it speaks of
				// the story: not "the office has a nice canteen".
				bonus = 0.9
			case f.otherPast > 0 && f.outcome+f.eval+f.qty > 0:
				// "the patient was fine"; "we sent a report that she accepted"
				bonus = 0.5
			}
			if bonus > 0 && f.qty > 0 && f.cat[pResult]+float32(f.outcome+f.eval+f.passiveResult) == 0 {
				bonus += 0.5 // the number is part of the consequence
			}
			c.sc[kR] += bonus
		}
		c.raw = c.sc
		a.prior(c)
		c.kind = argmax(&c.sc)
	}
	// A story that ends saying its outcome is not known yet has no result
	// but a measured one: what others did on the way is no outcome.
	for i := len(a.cls) - 1; i >= 0 && a.cls[i].rel > 0.7; i-- {
		if !a.cls[i].ft.unknown {
			continue
		}
		for k := range a.cls {
			c := &a.cls[k]
			f := &c.ft
			if c.kind == kR && f.qty+f.outcome+f.eval+f.passiveResult == 0 && f.cat[pResult] == 0 && !f.iOutcome {
				c.kind = kOther
			}
		}
		break
	}
	// An answer may open with its result, headline first: "Last year I cut
	// invoice errors by 80%." That clause also sets the scene.
	if n > 0 {
		f := &a.cls[0].ft
		a.headline = f.outcome > 0 && f.qty > 0 && f.iAct+f.weAct > 0 && f.trouble == 0
		if a.headline {
			a.cls[0].kind = kR
		}
	}
}

// standsNow reports whether clause c, in the present tense, tells how
// things stand since the story: through a word of time ("the import now
// takes two hours", "the checklist is still in use") or a pronoun that points
// back into it ("she comes in every week"). "My manager there is great"
// and "the office has a nice canteen" tell neither.
func (a *analyzer) standsNow(c *clause) bool {
	for j := c.t0; j < c.t1; j++ {
		t := &a.toks[j]
		switch {
		case t.f&fPerson3 != 0 && t.f&fPoss == 0:
		case t.w == "it" || t.w == "everyone" || t.w == "everybody" || t.w == "nobody":
		case t.w == "now" || t.w == "still" || t.w == "today" || t.w == "since" || t.w == "anymore":
		default:
			continue
		}
		return true
	}
	return false
}

// troubled reports whether an action clause tells the error itself rather
// than a step taken about it.
func (a *analyzer) troubled(c *clause) bool {
	f := &c.ft
	if remedyVerbs[f.iVerb] {
		return false
	}
	return f.trouble > 0 || f.troubleW > 0 || f.cat[pOwn] > 0
}

// prior raises the score of the part named by the guided-mode field or the
// heading ("Result:") a clause came under, when its content can support
// that part.
func (a *analyzer) prior(c *clause) {
	f := a.sents[c.sent].field
	if f < 0 {
		return
	}
	ft := &c.ft
	switch f {
	case kS:
		if ft.words >= 4 && ft.known*2 >= ft.words {
			c.sc[kS] += 1.0
		}
	case kT:
		if ft.words >= 3 && ft.known*2 >= ft.words {
			c.sc[kT] += 1.0
		}
	case kA:
		if c.actions() > 0 {
			c.sc[kA] += 1.0
		}
	case kR:
		if ft.outcome+ft.eval+ft.qty+ft.passiveResult > 0 || ft.cat[pResult] > 0 || ft.otherPast+ft.weAct+ft.iAct > 0 {
			c.sc[kR] += 1.0
		}
	case kL:
		if ft.words >= 3 && ft.known*2 >= ft.words {
			c.sc[kL] += 1.0
		}
	}
}

// hypothetical reports whether clause i tells what would or usually
// happens rather than what happened, outside a closing reflection.
func (a *analyzer) hypothetical(i int) bool {
	c := &a.cls[i]
	f := &c.ft
	routine := f.routine > 0 && f.present > 0 // "every Monday I review the tickets"
	if f.hypo+f.habit == 0 && f.cat[pHypo] == 0 && !routine {
		return false
	}
	if c.actions() > 0 || c.kind == kL || f.cat[pLesson] > 0 || f.cat[pLessonWeak] > 0 {
		return false
	}
	// After a story, "next time I would ..." is reflection.
	if a.lastAction >= 0 && i > a.lastAction && a.actionCls >= 2 {
		return false
	}
	return true
}

// round rounds x to the nearest integer, clamped to [0, 100].
func round(x float64) int {
	if x < 0 || math.IsNaN(x) {
		return 0
	}
	if x > 100 {
		return 100
	}
	return int(math.Floor(x + 0.5))
}
