package star

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// subj is who performs a verb.
type subj uint8

const (
	subjNone     subj = iota
	subjI             // the speaker
	subjWe            // the speaker's team
	subjOther         // someone or something else
	subjImplicit      // no subject: a bullet such as "Called the client"
)

// Clause roles, in the order used for scores.
const (
	kS = iota
	kT
	kA
	kR
	kL
	nKinds
	kOther = -1
)

var kindPart = [nKinds]Part{Situation, Task, Action, Result, Lesson}

// feats are the observations about one clause.
type feats struct {
	words                int
	iAct, weAct, implAct int    // past actions by the speaker, the team, an implicit speaker
	otherPast            int    // past events with another subject
	background           int    // progressive, perfect, stative: context
	negPast              int    // didn't, wasn't ...
	hypo, habit, present int    // would/will; usually/always/believe; plain present
	taskObl              int    // had to, needed to, was asked to
	discover             int    // I noticed, I realized
	passiveResult        int    // I was promoted, we were thanked
	counterfactual       int    // should have, could have
	perfect              int    // I have since ...
	perfectI             int    // "I have", "we have" with a participle: "I have met each developer"
	presentOther         int    // present tense with another subject: "she still comes in"
	presentI, presentWe  int    // plain present verbs with "I", "we": "I call the client"
	ambiguous            int    // actions whose verb reads the same in the present: "I split the work"
	routine              int    // every Monday, each morning: time words of a habit
	since                int    // since 2019, since March: time words of a span up to now
	otherEvent           int    // a past action by someone else: "the client renewed"
	trouble              int    // I forgot, I missed: the error in a mistake story
	setback              int    // the printer broke, two nurses complained: trouble for others
	troubleW             int    // wrong, mistake, error ...
	cond                 bool   // the clause opens with "if"
	sub                  bool   // the clause opens with "when", "while", "where": setting
	iVerb                string // the first action verb with I
	iOutcome             bool   // that verb reports an outcome: "I passed", "I won"
	qty, years, timeW    int
	work, role, proper   int
	outcome, eval        int
	fps, fpp             int
	func_, known         int
	hedges, vagueW       int
	again                bool // again, since, anymore: guards denial
	unknown              bool // not sure, half finished, still working on it, I hope: no outcome told
	cat                  [nCat]float32
	blame                float32
	hedge                span // the first hedge, if hedges > 0 or cat[pHedge] > 0
}

// clause is a stretch of a sentence between clause boundaries: commas and
// similar marks, and openers such as "and I", "which", "because".
type clause struct {
	span
	t0, t1  int
	sent    int
	inherit subj // subject carried over from the previous clause of the sentence
	ft      feats
	sc      [nKinds]float32 // role scores
	raw     [nKinds]float32 // role scores before the field or heading prior
	kind    int
	rel     float32 // position in the answer, 0 to 1
}

func (c *clause) actions() int { return c.ft.iAct + c.ft.weAct + c.ft.implAct }

// Word lists of clause roles, built by loadTables with the lexicon.
var (
	taskPassive, resultPassive, errorVerbs, remedyVerbs map[string]bool
	relationVerbs, ambiguousPast, genericVerbs          map[string]bool
	asideVerbs, setbackVerbs                            map[string]bool
)

// buildVerbSets fills the word lists above.
func buildVerbSets() {
	taskPassive = wordSet(`asked told tasked assigned given expected supposed meant hired brought put charged
			appointed required instructed made`)
	resultPassive = wordSet(`promoted praised thanked recognized recognised awarded rewarded congratulated commended
			offered invited selected chosen retained approved accepted renewed credited`)
	errorVerbs = wordSet(`forgot missed overlooked misread misjudged misunderstood underestimated overestimated
			mistook neglected miscalculated misheard mislabeled mislabelled misplaced skipped failed lost broke
			messed screwed disagreed clashed argued`)
	remedyVerbs = wordSet(`fixed corrected rebuilt apologized apologised resolved repaired rolled reverted replaced
			refunded redid reran traced called phoned told reported flagged rewrote restored recovered undid
			contacted emailed`)
	relationVerbs = wordSet("worked reported lived studied belonged sat served volunteered interned joined")
	asideVerbs = wordSet("think guess suppose believe reckon")
	setbackVerbs = wordSet("crashed collapsed complained quit resigned cancelled canceled rejected refused escalated stalled leaked postponed shelved scrapped")
	ambiguousPast = wordSet("put set cut let hit quit read shut spread split cost hurt bet beat upset")
	genericVerbs = wordSet(`believe try tend like love prefer ensure focus value enjoy handle approach pride
			always consider think feel find`)
}

func wordSet(s string) map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(s) {
		m[w] = true
	}
	return m
}

func isTimeUnit(w string) bool {
	switch strings.TrimSuffix(w, "s") {
	case "day", "week", "month", "year", "quarter", "night":
		return true
	}
	return false
}

func isLyAdverb(w string) bool {
	return len(w) > 4 && strings.HasSuffix(w, "ly") && w != "only" && w != "early" && w != "family" &&
		w != "supply" && w != "apply" && w != "reply" && w != "rally" && w != "italy" && w != "july"
}

// skippable reports whether t may stand between a subject and its verb
// without ending the subject: an adverb ("I quickly fixed"), or the first
// half of a hyphenated verb ("I double-checked", "I re-ran", "we
// co-wrote").
func skippable(t *token) bool {
	return (t.f&fAdv != 0 || isLyAdverb(t.w) || t.hyphen) && !t.past() && t.f&(fSubjI|fWe|fModal|fPresent|fPastBe) == 0
}

// buildClauses splits every sentence into clauses and computes their
// features.
func (a *analyzer) buildClauses() {
	a.obligations = 0
	for i := range a.toks {
		a.toks[i].vs = subjNone
	}
	for si := range a.sents {
		s := &a.sents[si]
		first := len(a.cls)
		start := s.t0
		for i := s.t0 + 1; i < s.t1; i++ {
			if clauseBreak(a.text, a.toks, i, i-start, s.t1) {
				a.cls = append(a.cls, clause{span: span{a.toks[start].start, clauseEnd(a.text, a.toks[i-1].end, a.toks[i].start)}, t0: start, t1: i, sent: si})
				start = i
			}
		}
		a.cls = append(a.cls, clause{span: span{a.toks[start].start, s.end}, t0: start, t1: s.t1, sent: si})
		inherit := subjNone
		a.mood = false
		for ci := first; ci < len(a.cls); ci++ {
			c := &a.cls[ci]
			c.inherit = inherit
			got := a.clauseFeats(c, ci == first)
			// A first-person subject carries over a subordinate "it was":
			// "I told her it was my mistake, rebuilt the report ...".
			if got != subjOther || inherit != subjI && inherit != subjWe {
				inherit = got
			}
			if c.ft.hypo+c.ft.habit > 0 {
				a.mood = true
			}
		}
		a.matchPhrases(s, first)
	}
}

// clauseEnd extends a clause that ends at byte end over trailing marks
// such as '%' or a closing quote, up to white space or a clause separator
// (never past limit, the start of the next word).
func clauseEnd(text string, end, limit int) int {
	for end < limit {
		r, size := utf8.DecodeRuneInString(text[end:])
		if unicode.IsSpace(r) || strings.ContainsRune(",;:(—–-", r) {
			break
		}
		end += size
	}
	return end
}

// Modifiers seen between a subject and its verb.
const (
	modHabit    = 1 << iota // usually, always ...
	modNow                  // now, still, today
	modPersonal             // the subject is he, she, they, it
)

// clauseFeats fills c.ft and returns the subject that the next clause of
// the sentence inherits: the first first-person subject of a verb, else
// the subject of the last verb.
func (a *analyzer) clauseFeats(c *clause, sentStart bool) subj {
	ft := &c.ft
	toks := a.toks
	cur, curPos, mods := subjNone, -1, 0
	last := c.inherit
	verbSeen, leading := false, true
	lead := -1
	main := subjNone
	aside := false // the verb of a leading "I think" or "I guess" comes next
	for j := c.t0; j < c.t1; j++ {
		t := &toks[j]
		if a.wordStart(j) {
			ft.words++
		}
		a.countToken(c, j, sentStart && j == c.t0)
		if !a.retold && (leading || toks[j-1].f&fConj != 0 && toks[j-1].f&fFunc != 0) {
			// "…, arrange a payment and apologise": a verb without its
			// subject, if the story is told in the present.
			s := c.inherit
			if verbSeen {
				s = last
			}
			a.noteBareVerb(j, s)
		}
		if aside {
			aside = false
			continue
		}
		if leading {
			// "I guess at the next review the director asked me…": a
			// filler before a clause that tells the past, not its subject
			// and verb ("I think time management is my strength" is a
			// claim in the present, and stays one).
			if t.f&fSubjI != 0 && j+2 < c.t1 && asideVerbs[toks[j+1].w] && a.tellsPast(c, j+2) {
				aside = true
				continue
			}
			switch t.w {
			case "if", "whenever", "unless", "suppose", "imagine":
				ft.cond = true
				continue
			case "when", "while", "whilst", "where":
				ft.sub = true
				continue
			}
			if (t.w == "which" || t.w == "who") && j+1 < c.t1 && toks[j+1].simplePast() {
				// A relative clause: its subject is what came before.
				cur, curPos, mods = subjOther, j, 0
				leading = false
				continue
			}
			if t.f&(fConj|fSeq) != 0 || skippable(t) {
				continue
			}
			leading = false
			if (t.f&(fSubjI|fWe|fSubjOther|fFunc|fModal) == 0 || t.w == "did") && t.simplePast() {
				lead = j
				continue
			}
		}
		switch {
		case t.f&fSubjI != 0:
			if a.contraction(c, subjI, j) {
				last, cur = subjI, subjNone
				if main == subjNone {
					main = subjI
				}
			} else {
				cur, curPos, mods = subjI, j, 0
			}
			continue
		case t.f&fWe != 0:
			if a.contraction(c, subjWe, j) {
				last, cur = subjWe, subjNone
				if main == subjNone {
					main = subjWe
				}
			} else {
				cur, curPos, mods = subjWe, j, 0
			}
			continue
		case t.f&fSubjOther != 0 && t.f&fPresent == 0 && a.otherSubject(c, j, lead >= 0 || verbSeen):
			cur, curPos, mods = subjOther, j, 0
			if t.f&fPerson3 != 0 || t.w == "it" {
				mods = modPersonal
			}
			continue
		}
		if cur != subjNone {
			if j-curPos <= 3 && skippable(t) {
				if t.f&fHabit != 0 {
					mods |= modHabit
				}
				if t.w == "now" || t.w == "still" || t.w == "today" {
					mods |= modNow
				}
				continue
			}
			if a.verb(c, cur, j, mods) {
				t.vs = cur
				if main == subjNone && (cur == subjI || cur == subjWe) {
					main = cur
				}
				last, cur, verbSeen = cur, subjNone, true
				continue
			}
			if cur == subjOther && j-curPos <= 3 {
				curPos = j // still inside a noun phrase
				continue
			}
			cur = subjNone
		}
		if !verbSeen && lead < 0 && t.f&(fFunc|fConj|fSeq|fModal|fPresent|fPastBe|fNeg) == 0 && !t.past() && !skippable(t) {
			// A noun phrase that may be the subject: "the tension went away".
			cur, curPos, mods = subjOther, j, 0
		}
	}
	// A clause that opens with a past verb ("called the client", "and
	// asked what he needed") takes the inherited subject; any subject
	// later in it belongs to a subordinate clause.
	if lead >= 0 && !(lead+2 < c.t1 && toks[lead+1].f&fFunc == 0 && toks[lead+2].simplePast()) &&
		!(ambiguousPast[toks[lead].w] && lead+1 < c.t1 && (toks[lead+1].w == "into" || toks[lead+1].w == "across" || toks[lead+1].w == "between")) {
		// (not an adjective before a subject: "frustrated customers called",
		// nor a participle after a noun: "two floors, split into sales")
		s := c.inherit
		if s == subjNone || s == subjOther && sentStart {
			s = subjImplicit
		}
		if a.verb(c, s, lead, 0) {
			toks[lead].vs = s
		}
		last = s
		if main == subjNone && s != subjOther {
			main = s
		}
	}
	if main != subjNone {
		return main
	}
	if !verbSeen && lead < 0 && cur == subjOther && ft.fps == 0 && toks[curPos].f&(fTime|fYear|fNumber) == 0 {
		last = subjOther // "Our lead, Marcus, reorganized…": the noun phrase is the next verb's subject
	}
	return last
}

// role reports whether toks[j] is a verb that, with what follows, names the
// speaker's role: "managed a desk of", "led a team of".
func (a *analyzer) role(j int) bool {
	switch a.toks[j].w {
	case "managed", "led", "ran", "supervised", "headed", "oversaw":
	default:
		return false
	}
	if j+3 >= len(a.toks) || a.toks[j+1].w != "a" || a.toks[j+3].w != "of" {
		return false
	}
	switch a.toks[j+2].w {
	case "team", "desk", "group", "crew", "department", "unit", "ward", "shift":
		return true
	}
	return false
}

// change reports whether toks[k] in clause c is the size of a change told
// after "by": "by 80%", "by $2,000", "by half", "by a third".
func (a *analyzer) change(c *clause, k int) bool {
	if k >= c.t1 {
		return false
	}
	t := &a.toks[k]
	if t.pct || t.money || t.w == "half" {
		return true
	}
	return t.w == "a" && k+1 < c.t1 && (a.toks[k+1].w == "third" || a.toks[k+1].w == "quarter")
}

// wordStart reports whether toks[j] starts a word as a person counts words,
// between spaces: "same-week", "A/B", "e.g." and "3,000" are one word each.
func (a *analyzer) wordStart(j int) bool {
	return j == 0 || strings.IndexFunc(a.text[a.toks[j-1].end:a.toks[j].start], unicode.IsSpace) >= 0
}

// tellsPast reports whether the clause has a past verb from toks[from] on.
func (a *analyzer) tellsPast(c *clause, from int) bool {
	for k := from; k < c.t1; k++ {
		if t := &a.toks[k]; t.simplePast() || t.f&fPastBe != 0 {
			return true
		}
	}
	return false
}

// otherSubject reports whether toks[j], a word such as "it", "that" or
// "they", is the subject of a verb. After a verb, only personal pronouns
// start a new subject; "that", "this" and "there" must be followed by a verb.
func (a *analyzer) otherSubject(c *clause, j int, afterVerb bool) bool {
	w := a.toks[j].w
	personal := w == "he" || w == "she" || w == "they" || w == "someone" || w == "nobody" || w == "everyone" ||
		w == "somebody" || w == "everybody"
	if afterVerb && !personal {
		return false
	}
	if w == "that" || w == "this" || w == "there" {
		n := a.next(c, j)
		if n < 0 {
			return false
		}
		t := &a.toks[n]
		return t.past() || t.f&(fModal|fPresent|fPastBe) != 0
	}
	return true
}

// countToken adds the per-word counts of toks[j] to the clause.
func (a *analyzer) countToken(c *clause, j int, sentFirst bool) {
	ft := &c.ft
	t := &a.toks[j]
	if t.f&(fSubjI|fFPS) != 0 {
		ft.fps++
	}
	if t.f&(fWe|fFPP) != 0 {
		ft.fpp++
	}
	if t.quantity() && !(j > 0 && (a.toks[j-1].w == "the" && (t.w == "third" || t.w == "quarter") || a.toks[j-1].w == "no")) {
		ft.qty++ // not "on the third floor", "no two shifts are the same"
	}
	if t.f&fYear != 0 {
		ft.years++
	}
	if t.f&fTime != 0 {
		ft.timeW++
	}
	if t.f&(fTime|fYear) != 0 && j > c.t0 && a.toks[j-1].w == "since" {
		ft.since++
	}
	if t.f&(fTime|fUnit) != 0 && j > c.t0 {
		switch a.toks[j-1].w {
		case "every", "each":
			ft.routine++
		case "last", "one", "that":
			if t.f&fTime == 0 && isTimeUnit(t.w) {
				ft.timeW++ // "last year", "one day"
			}
		}
	}
	if t.f&fWork != 0 {
		ft.work++
	}
	if t.f&fRole != 0 {
		ft.role++
	}
	if t.upper && !sentFirst && j > a.sents[c.sent].t0 && t.f&(fSubjI|fFunc|fLabel|fTime) == 0 && t.f&fNumber == 0 {
		ft.proper++
	}
	if t.f&fOutcome != 0 || t.w == "by" && a.change(c, j+1) {
		ft.outcome++ // "reduced", "cut errors by 80%"
	}
	if t.f&fEval != 0 {
		ft.eval++
	}
	if t.f&fFunc != 0 {
		ft.func_++
	}
	if t.f != 0 || t.past() || t.f&fNumber != 0 {
		ft.known++
	}
	if t.f&fHedge != 0 {
		ft.hit(pHedge, t.start, t.end)
		ft.hedges++
	}
	if t.f&fVague != 0 {
		ft.vagueW++
	}
	if t.f&fAgain != 0 {
		ft.again = true
		if t.w == "since" && j == c.t1-1 && ft.perfectI > 0 {
			ft.cat[pLesson]++ // "I've used it on every site since"
		}
	}
	if j > c.t0 {
		// No outcome told yet: "I'm not sure what ended up happening",
		// "it is half finished", "we're still working on it", "I hope
		// it will be ready".
		p := &a.toks[j-1]
		switch t.w {
		case "sure", "know", "idea", "found":
			ft.unknown = ft.unknown || p.f&fNeg != 0
		case "finished", "done", "ready", "complete":
			ft.unknown = ft.unknown || p.f&fNeg != 0 || p.w == "half"
		case "working":
			ft.unknown = ft.unknown || p.w == "still"
		case "hope":
			ft.unknown = ft.unknown || p.f&fSubjI != 0
		}
	}
	if t.w == "hold" && j > c.t0 && a.toks[j-1].w == "on" {
		ft.setback++ // "everything new was on hold"
	}
	if t.f&fTrouble != 0 {
		ft.troubleW++
	}
	if t.f&(fDisp|fDispStrong) != 0 && a.subjectBefore(c, j) != subjI {
		if t.f&fDispStrong != 0 {
			ft.blame += 2
		} else {
			ft.blame++
		}
	}
}

func (ft *feats) hit(cat int, start, end int) {
	if cat == pHedge && ft.hedges == 0 && ft.cat[pHedge] == 0 {
		ft.hedge = span{start, end}
	}
}

// subjectBefore returns the nearest subject before toks[j] in the clause.
func (a *analyzer) subjectBefore(c *clause, j int) subj {
	for k := j - 1; k >= c.t0; k-- {
		t := &a.toks[k]
		switch {
		case t.f&(fSubjI|fFPS) != 0:
			return subjI
		case t.f&(fWe|fFPP) != 0:
			return subjWe
		case t.f&(fSubjOther|fRole|fPerson3) != 0:
			return subjOther
		}
	}
	return c.inherit
}

// next returns the index of the first word after j in the clause that is
// not a skippable adverb, or -1.
func (a *analyzer) next(c *clause, j int) int {
	for k := j + 1; k < c.t1 && k <= j+3; k++ {
		if !skippable(&a.toks[k]) || a.toks[k].f&fNeg != 0 {
			return k
		}
	}
	return -1
}

func (a *analyzer) word(k int) string {
	if k < 0 {
		return ""
	}
	return a.toks[k].w
}

// contraction handles "I'm", "I've", "I'd", "I'll" (and the "we" forms),
// which carry their verb. It reports whether toks[j] was one.
func (a *analyzer) contraction(c *clause, s subj, j int) bool {
	ft := &c.ft
	w := a.toks[j].w
	if len(w) < 3 || w[len(w)-3] != '\'' && w[len(w)-2] != '\'' {
		return false
	}
	n := a.next(c, j)
	switch w[strings.IndexByte(w, '\'')+1:] {
	case "m", "re":
		if a.retold { // "so I'm working at this startup": "I was working"
			a.pastBe(c, s, n)
			return true
		}
		if n >= 0 && a.toks[n].past() && resultPassive[a.toks[n].w] {
			ft.passiveResult++
		}
		ft.present++
	case "ve":
		if n >= 0 && a.toks[n].past() {
			ft.perfect++
			if s == subjI || s == subjWe {
				ft.perfectI++
				a.notePerfect(j, n)
			}
		} else {
			ft.present++
		}
	case "ll":
		ft.hypo++
	case "d":
		switch {
		case n >= 0 && a.toks[n].w == "have":
			ft.counterfactual++
		case n >= 0 && a.toks[n].past() && a.toks[n].f&fStative == 0 || a.word(n) == "been" || a.word(n) == "already":
			ft.background++
		default:
			ft.hypo++
		}
	default:
		return false
	}
	return true
}

// act records a past action by s; inside an "if" clause it is hypothetical.
func (ft *feats) act(s subj) {
	if ft.cond && s != subjOther {
		ft.hypo++
		return
	}
	if ft.sub && s != subjOther {
		ft.background++ // "when I joined the team", "where I worked"
		return
	}
	switch s {
	case subjI:
		ft.iAct++
	case subjWe:
		ft.weAct++
	case subjImplicit:
		ft.implAct++
	default:
		ft.otherPast++
		ft.otherEvent++
	}
}

// negated reports whether a negation or "only" comes before toks[j] in
// clause c: "nobody complained", "only one cancelled".
func (a *analyzer) negated(c *clause, j int) bool {
	for k := c.t0; k < j; k++ {
		if a.toks[k].f&fNeg != 0 || a.toks[k].w == "only" {
			return true
		}
	}
	return false
}

// myStep reports whether the words before toks[j] in clause c name a step
// of the speaker's: "my next step", "my first move".
func (a *analyzer) myStep(c *clause, j int) bool {
	if j < c.t0+2 {
		return false
	}
	switch a.toks[j-1].w {
	case "step", "move", "action":
	default:
		return false
	}
	for k := j - 2; k >= c.t0 && k >= j-4; k-- {
		if a.toks[k].w == "my" {
			return true
		}
	}
	return false
}

// obligation classifies "I had to", "we needed to": the first tells the
// task ("I had to sort it out fast"); those after it tell the steps taken,
// as many people tell them ("I had to call the bank, I had to fix the
// record").
func (a *analyzer) obligation(c *clause, s subj) {
	if a.obligations == 0 {
		c.ft.taskObl++
	} else {
		c.ft.act(s)
	}
	a.obligations++
}

// pastBe classifies "was" or "were" with subject s, followed by toks[n].
func (a *analyzer) pastBe(c *clause, s subj, n int) {
	ft := &c.ft
	nw := a.word(n)
	switch {
	case nw == "able":
		ft.act(s)
		ft.outcome++
	case strings.HasSuffix(nw, "ing") && len(nw) > 4:
		ft.background++
	case n >= 0 && a.toks[n].past() && taskPassive[nw] && (s == subjI || s == subjWe):
		ft.taskObl++
	case n >= 0 && resultPassive[nw]:
		ft.passiveResult++
	case nw == "responsible" || nw == "accountable" || nw == "in" && n+1 < c.t1 && a.word(n+1) == "charge":
		ft.taskObl++
	case s == subjOther && n >= 0 && a.toks[n].past() && a.toks[n-1].f&fHabit == 0:
		ft.otherEvent++ // "all six were filed", not "it was often broken"
		if setbackVerbs[nw] {
			ft.setback++ // "the launch was postponed"
		}
	default:
		ft.background++
	}
	if s == subjOther {
		ft.otherPast++
	}
}

// verb classifies toks[j] as the verb of subject s. It reports false when
// the word does not look like a verb.
func (a *analyzer) verb(c *clause, s subj, j int, mods int) bool {
	ft := &c.ft
	t := &a.toks[j]
	n := a.next(c, j)
	nw := a.word(n)
	pron := s == subjI || s == subjWe
	habit := mods&modHabit != 0
	switch {
	case t.f&fPastBe != 0 && nw == "to" && a.myStep(c, j):
		ft.act(subjI) // "my next step was to call the bank"
	case t.f&fPastBe != 0:
		a.pastBe(c, s, n)
	case t.w == "had" || t.w == "hadn't":
		if nw == "to" && pron {
			a.obligation(c, s)
		} else {
			ft.background++
		}
		if s == subjOther {
			ft.otherPast++
		}
	case t.w == "did":
		if n >= 0 && a.toks[n].f&fNeg != 0 {
			ft.negPast++
		} else {
			ft.act(s)
		}
	case t.w == "didn't" || t.w == "wasn't" || t.w == "weren't" || t.w == "couldn't" || t.w == "could":
		ft.negPast++
		if s == subjOther {
			ft.otherPast++
		}
	case t.f&fModal != 0:
		switch {
		case nw == "have":
			ft.counterfactual++
		case pron && t.w == "can":
			ft.habit++
		case pron:
			ft.hypo++
		}
	case t.f&fPresent != 0:
		switch {
		case (t.w == "have" || t.w == "has") && n >= 0 && a.toks[n].past():
			ft.perfect++
			if s == subjOther {
				ft.presentOther++
			}
			if pron {
				ft.perfectI++
			}
			if s != subjNone {
				a.notePerfect(j, n)
			}
		case pron && habit:
			ft.habit++
		case s == subjOther:
			ft.presentOther++
			a.notePresent(j, true)
		default:
			ft.present++
			a.notePresent(j, false)
		}
	case t.simplePast() && !(ambiguousPast[t.w] && (mods&(modHabit|modNow) != 0 || a.mood) && pron):
		switch {
		case t.f&fStative != 0 && !(t.w == "looked" && (nw == "at" || nw == "into" || nw == "through" || nw == "over") &&
			a.word(a.next(c, n)) != "why" && a.word(a.next(c, n)) != "how"):
			// "I looked at the data" is a step; "it looked bad" is not,
			// and "I looked at why it went wrong" is reflection.
			if pron && t.w == "needed" && nw == "to" {
				a.obligation(c, s)
			} else if pron && (t.w == "needed" || t.w == "wanted" && nw == "to") {
				ft.taskObl++
			} else {
				ft.background++
			}
			if s == subjOther {
				ft.otherPast++
			}
		case relationVerbs[t.w] && (nw == "at" || nw == "for" || nw == "in" || nw == "to" || nw == "as" || nw == "" || nw == "there" || nw == "here"):
			ft.background++ // "we reported to a director", "I worked at a bank"
		case c.t0 == 0 && a.role(j):
			ft.background++ // the answer opens "I managed a desk of six"
		case errorVerbs[t.w] && s != subjOther:
			ft.trouble++
		case t.f&fDiscover != 0 && s != subjOther:
			ft.discover++
		default:
			if resultPassive[t.w] && s == subjOther && (nw == "me" || nw == "us") {
				ft.passiveResult++
			}
			if s == subjI && ft.iVerb == "" {
				ft.iVerb, ft.iOutcome = t.w, t.f&fOutcome != 0
			}
			if ambiguousPast[t.w] && (s == subjI || s == subjImplicit) {
				ft.ambiguous++
			}
			if s == subjOther && (errorVerbs[t.w] || setbackVerbs[t.w] || t.w == "fell" && (nw == "through" || nw == "apart" || nw == "behind")) &&
				!a.negated(c, j) {
				ft.setback++ // "the printer broke", not "nobody complained"
			}
			ft.act(s)
		}
	default:
		if s == subjOther {
			// "she still comes in", "the import now takes two hours",
			// "two other teams use the same script"
			if t.f&(fFunc|fNumber|fConj) != 0 || isLyAdverb(t.w) || len(t.w) < 3 {
				return false
			}
			third := len(t.w) > 3 && t.w[len(t.w)-1] == 's'
			if mods&(modNow|modPersonal) != 0 && third {
				ft.presentOther++
				a.notePresent(j, true)
				return true
			}
			if t.w[len(t.w)-1] != 's' && j > 0 && strings.HasSuffix(a.toks[j-1].w, "s") && n >= 0 &&
				a.toks[n].f&(fBeforeAdj|fFPS|fFPP|fPerson3) != 0 {
				ft.presentOther++
				a.notePresent(j, false)
				return true
			}
			if third {
				// "the client signs": a verb only if the story is told
				// in the present (retell), else perhaps a noun.
				a.notePresent(j, true)
			}
			return false
		}
		if !pron || t.f&(fFunc|fNumber) != 0 && t.f&fPresent == 0 {
			return false
		}
		if habit || genericVerbs[t.w] || a.mood && ambiguousPast[t.w] {
			ft.habit++
			if !habit && genericVerbs[t.w] {
				a.notePresent(j, false) // "I find the bug"
			}
		} else {
			a.notePresent(j, false)
			ft.present++
			if s == subjI {
				ft.presentI++
			} else {
				ft.presentWe++
			}
		}
	}
	return true
}

// matchPhrases finds lexicon phrases in sentence s and adds them to the
// clauses (starting at index first) that hold their first word.
func (a *analyzer) matchPhrases(s *sentence, first int) {
	ci := first
	for i := s.t0; i < s.t1; i++ {
		for ci+1 < len(a.cls) && a.cls[ci].t1 <= i {
			ci++
		}
		c := &a.cls[ci]
		t := &a.toks[i]
		var best [nCat]float32
		var bestEnd [nCat]int
		a.matchIndex(c, i, s.t1, phrases[t.w], &best, &bestEnd)
		if t.f&fPoss != 0 || t.w == "his" || t.w == "her" || t.w == "their" {
			a.matchIndex(c, i, s.t1, phrases["<poss3>"], &best, &bestEnd)
		}
		if t.f&fYear != 0 {
			a.matchIndex(c, i, s.t1, phrases["<year>"], &best, &bestEnd)
		}
		for k := range best {
			if best[k] > 0 {
				c.ft.hit(k, t.start, a.toks[bestEnd[k]-1].end)
				c.ft.cat[k] += best[k]
			}
		}
	}
}

// matchIndex tries the phrases of idx at token i.
func (a *analyzer) matchIndex(c *clause, i, limit int, idx *phraseIndex, best *[nCat]float32, bestEnd *[nCat]int) {
	if idx == nil {
		return
	}
	a.matchList(c, i, limit, idx.single, best, bestEnd)
	if i+1 >= limit || len(idx.next) == 0 {
		return
	}
	t := &a.toks[i+1]
	a.matchList(c, i, limit, idx.next[t.w], best, bestEnd)
	if t.f&fRole != 0 {
		a.matchList(c, i, limit, idx.next["<role>"], best, bestEnd)
	}
	if t.quantity() {
		a.matchList(c, i, limit, idx.next["<num>"], best, bestEnd)
	}
	if t.pct {
		a.matchList(c, i, limit, idx.next["<pct>"], best, bestEnd)
	}
}

func (a *analyzer) matchList(c *clause, i, limit int, list []phrase, best *[nCat]float32, bestEnd *[nCat]int) {
	for pi := range list {
		p := &list[pi]
		end := i + len(p.words)
		if end > limit || p.weight <= best[p.cat] {
			continue
		}
		ok := true
		for k, pw := range p.words {
			if !matchWord(pw, &a.toks[i+k]) {
				ok = false
				break
			}
		}
		if !ok {
			continue
		}
		if p.notI {
			if s := a.subjectBefore(c, i); s == subjI || s == subjWe || s == subjImplicit || s == subjNone {
				continue
			}
		}
		if p.cat == pHedge && (p.words[0] == "kind" || p.words[0] == "sort") && i > 0 &&
			a.toks[i-1].f&(fBeforeAdj|fNumWord) != 0 {
			continue
		}
		best[p.cat], bestEnd[p.cat] = p.weight, end
	}
}

// matchWord matches one phrase pattern against a token.
func matchWord(pw string, t *token) bool {
	switch pw {
	case "<role>":
		return t.f&fRole != 0
	case "<poss3>":
		return t.f&fPoss != 0 || t.w == "his" || t.w == "her" || t.w == "their"
	case "<year>":
		return t.f&fYear != 0
	case "<num>":
		return t.quantity()
	case "<pct>":
		return t.pct
	}
	if n := len(pw); n > 1 && pw[n-1] == '*' {
		return strings.HasPrefix(t.w, pw[:n-1])
	}
	return t.w == pw
}
