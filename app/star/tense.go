package star

import "strings"

// A story told in the present tense ("so one Friday my boss calls me, I
// grab the logs, I find the bug, Monday the demo goes fine") or in the
// present perfect ("last year I have taken the responsibility, I have met
// each developer", as many people who learned English as a second language
// tell it) is read as if it had been told in the simple past: its verbs are
// put in the past and the clauses are built again, so that every rule that
// reads a past story (actions, outcomes, result phrases such as "went fine")
// reads it too.

// presentVerb is a token that may be a present-tense verb, noted while the
// clauses are built, with whether its subject is a third person ("she
// calls", "the client signs") rather than "I" or "we" ("I call").
type presentVerb struct {
	tok   int32
	third bool
}

// notePresent records toks[j] as a possible present-tense verb; third is
// set for a third-person form ("calls").
func (a *analyzer) notePresent(j int, third bool) {
	if !a.retold {
		a.present = append(a.present, presentVerb{int32(j), third})
	}
}

// notePerfect records toks[j], "have", "has" or a contraction such as
// "I've", and toks[n], its participle.
func (a *analyzer) notePerfect(j, n int) {
	if !a.retold {
		a.perfect = append(a.perfect, [2]int32{int32(j), int32(n)})
	}
}

// noteBareVerb notes toks[j], a word after "and" or at the start of a
// clause whose subject s comes before it, if it may be a present verb.
func (a *analyzer) noteBareVerb(j int, s subj) {
	t := &a.toks[j]
	if s == subjNone || s == subjImplicit || len(t.w) < 3 || t.f&^(fOutcome|fEval) != 0 || t.past() ||
		strings.HasSuffix(t.w, "ing") || isLyAdverb(t.w) {
		return
	}
	base := t.w
	if s == subjOther {
		if base = baseOf(t.w); base == "" {
			return
		}
	}
	if irregularPast[base] == "" {
		// A regular verb takes an object or a particle: "share it",
		// "arrange a payment", "apologise to them".
		n := j + 1
		if n >= len(a.toks) || a.toks[n].f&(fBeforeAdj|fPerson3|fFPS|fFPP) == 0 && !afterBareVerb(a.toks[n].w) {
			return
		}
	}
	a.notePresent(j, s == subjOther)
}

func afterBareVerb(w string) bool {
	switch w {
	case "it", "to", "with", "up", "out", "down", "back", "over":
		return true
	}
	return false
}

// toldInPast reports whether the answer tells a story in the present tense
// or in the present perfect, to be read in the simple past. Either way it
// has no past action by the speaker (other than with a verb such as "split"
// that reads the same in both) and at least twice as many steps as habits
// or hypotheticals. In the present, it anchors itself in time (not "every
// Monday") and tells at least two steps with "I" (or three with "we"); in
// the present perfect, at least two steps with "I have" or "we have", and
// the time is a past one ("last year", "in 2022", not "since 2019").
func (a *analyzer) toldInPast() bool {
	past, steps, weSteps, perfect, generic := 0, 0, 0, 0, 0
	anchor, pastAnchor := false, false
	for i := range a.cls {
		f := &a.cls[i].ft
		past += f.iAct + f.implAct - f.ambiguous
		switch {
		case f.presentI+f.ambiguous > 0:
			steps++
		case f.presentWe > 0:
			weSteps++
		}
		if f.perfectI > 0 {
			perfect++
		}
		if f.hypo+f.habit+f.routine > 0 {
			generic++
		}
		anchor = anchor || f.timeW+f.years > f.routine
		pastAnchor = pastAnchor || f.timeW+f.years > f.routine+f.since
	}
	return past == 0 && (anchor && (steps >= 2 || weSteps >= 3) && generic*2 <= steps+weSteps ||
		pastAnchor && perfect >= 2 && generic*2 <= perfect)
}

// retell puts the noted verbs of a story told in the present or the present
// perfect in the simple past and builds the clauses again; other answers it
// leaves as they are.
func (a *analyzer) retell() {
	if !a.toldInPast() {
		return
	}
	for _, p := range a.perfect {
		// "I have met" reads "I met": the auxiliary stands aside like an
		// adverb, "I've" becomes "I", and the participle a simple past.
		aux, part := &a.toks[p[0]], &a.toks[p[1]]
		switch {
		case aux.f&fSubjI != 0:
			aux.w, aux.f = "i", lexicon["i"].f
		case aux.f&fWe != 0:
			aux.w, aux.f = "we", lexicon["we"].f
		case aux.w == "have" || aux.w == "has":
			aux.f = fAdv | fFunc
		default:
			continue
		}
		if w := simplePastOf[part.w]; w != "" {
			part.w, part.f = w, lexicon[w].f
		}
	}
	for _, p := range a.present {
		t := &a.toks[p.tok]
		if t.past() {
			continue // noted twice, and already put in the past
		}
		w := pastOf(t.w, p.third)
		if w == "" {
			continue
		}
		e := lexicon[w]
		if e.canon != "" {
			w = e.canon
		}
		t.w, t.f = w, e.f|t.f&fPoss
	}
	phrasalVerbs(a.toks)
	a.retold = true
	a.cls = a.cls[:0]
	a.buildClauses()
}

// pastOf returns the simple past of w, a present-tense verb: a third-person
// form ("goes", "signs") when third is set, else a plain one ("go",
// "sign"). It returns "" for a word it cannot put in the past.
func pastOf(w string, third bool) string {
	if strings.ContainsRune(w, '\'') || len(w) < 2 {
		return ""
	}
	switch w {
	case "is", "am":
		return "was"
	case "are":
		return "were"
	case "has", "have":
		return "had"
	case "does", "do":
		return "did"
	}
	if third {
		w = baseOf(w)
		if w == "" {
			return ""
		}
	}
	if p := irregularPast[w]; p != "" {
		return p
	}
	return regularPast(w)
}

// baseOf returns the plain form of a third-person verb: "tries" → "try",
// "fixes" → "fix", "signs" → "sign"; "" when w does not end in -s.
func baseOf(w string) string {
	n := len(w)
	switch {
	case n < 3 || w[n-1] != 's' || w[n-2] == 's' || w[n-2] == 'u' || w[n-2] == 'i' && n < 4:
		return ""
	case strings.HasSuffix(w, "ies") && n > 4:
		return w[:n-3] + "y"
	case strings.HasSuffix(w, "sses") || strings.HasSuffix(w, "shes") || strings.HasSuffix(w, "ches") ||
		strings.HasSuffix(w, "xes") || strings.HasSuffix(w, "zes") || strings.HasSuffix(w, "oes"):
		return w[:n-2]
	}
	return w[:n-1]
}

func isVowel(c byte) bool { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' }

// regularPast adds -ed to a plain verb with English spelling: "agree" →
// "agreed", "copy" → "copied", "plan" → "planned", "visit" → "visited".
func regularPast(b string) string {
	n := len(b)
	switch {
	case b[n-1] == 'e':
		return b + "d"
	case b[n-1] == 'y' && !isVowel(b[n-2]):
		return b[:n-1] + "ied"
	case n >= 3 && !isVowel(b[n-1]) && !strings.ContainsRune("wxy", rune(b[n-1])) && isVowel(b[n-2]) &&
		!isVowel(b[n-3]) && (!strings.ContainsAny(b[:n-2], "aeiouy") || doublesFinal(b)):
		return b + b[n-1:] + "ed"
	}
	return b + "ed"
}

// doublesFinal reports whether b is a verb of two syllables, stressed on
// the last, that doubles its final consonant: "committed", "preferred".
func doublesFinal(b string) bool {
	switch b {
	case "commit", "submit", "admit", "omit", "permit", "refer", "prefer", "occur", "transfer", "control",
		"regret", "compel":
		return true
	}
	return false
}

// participles pairs each irregular past participle that differs from the
// simple past with that simple past, for loadTables.
const participles = `taken took given gave done did written wrote spoken spoke chosen chose broken broke driven drove
	known knew shown showed seen saw grown grew drawn drew thrown threw begun began run ran
	become became come came gone went fallen fell forgotten forgot gotten got rewritten rewrote
	redone redid overtaken overtook overcome overcame undertaken undertook withdrawn withdrew
	proven proved beaten beat mistaken mistook overseen oversaw`

// irregularVerbs pairs the plain form of each irregular verb with its
// simple past, for loadTables.
const irregularVerbs = `go went come came get got make made take took find found give gave tell told say said see saw
	know knew think thought bring brought buy bought catch caught teach taught fight fought leave left
	keep kept feel felt meet met send sent spend spent build built lose lost pay paid lay laid lead led
	read read run ran win won write wrote speak spoke break broke choose chose drive drove fall fell
	forget forgot hold held stand stood understand understood sit sat begin began become became
	hear heard mean meant put put set set cut cut let let hit hit quit quit shut shut sell sold
	grow grew draw drew throw threw hang hung stick stuck strike struck feed fed dig dug deal dealt
	oversee oversaw undertake undertook overcome overcame rewrite rewrote redo redid rebuild rebuilt
	remake remade withdraw withdrew upset upset spread spread split split seek sought overtake overtook
	undo undid`

func pairs(s string) map[string]string {
	f := strings.Fields(s)
	m := make(map[string]string, len(f)/2)
	for i := 0; i+1 < len(f); i += 2 {
		m[f[i]] = f[i+1]
	}
	return m
}
