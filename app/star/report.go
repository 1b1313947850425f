package star

import (
	"fmt"
	"math"
	"strconv"
	"strings"

	"stardrill/app/order"
)

// totals are answer-level sums over clauses.
type totals struct {
	iCl, weCl, implCl     int // clauses with an action by I, we, an implicit speaker
	fps, fpp              int
	specifics             int
	hedges, vague         int
	funcW, known          int
	blame, denial         float32
	blameWords            int // words of the clauses that blame
	own                   float32
	trouble               int // errors and setbacks told
	hypoCl                int
	seq                   float32
	blameAt, denialAt     int // clause indexes of the first hit, or -1
	hypoAt, vagueAt, weAt int
	hedgeSpan             span
}

func (a *analyzer) totals() totals {
	t := totals{blameAt: -1, denialAt: -1, hypoAt: -1, vagueAt: -1, weAt: -1, hedgeSpan: span{-1, -1}}
	for i := range a.cls {
		c := &a.cls[i]
		f := &c.ft
		hyp := a.hypothetical(i)
		if !hyp {
			switch {
			case f.iAct > 0:
				t.iCl++
			case f.implAct > 0:
				t.implCl++
			case f.weAct > 0:
				t.weCl++
				if t.weAt < 0 {
					t.weAt = i
				}
			}
		} else {
			t.hypoCl++
			if t.hypoAt < 0 {
				t.hypoAt = i
			}
		}
		t.fps += f.fps
		t.fpp += f.fpp
		t.specifics += f.qty + f.years + f.proper + f.timeW
		t.hedges += f.hedges + int(f.cat[pHedge])
		if f.hedges+int(f.cat[pHedge]) > 0 && t.hedgeSpan.start < 0 {
			t.hedgeSpan = f.hedge
		}
		v := f.vagueW + int(f.cat[pVague])
		t.vague += v
		if v > 0 && t.vagueAt < 0 {
			t.vagueAt = i
		}
		t.funcW += f.func_
		t.known += f.known
		if b := f.blame + f.cat[pBlame]; b > 0 {
			t.blame += b
			t.blameWords += f.words
			if t.blameAt < 0 {
				t.blameAt = i
			}
		}
		if f.cat[pDenial] > 0 && !f.again {
			t.denial += f.cat[pDenial]
			if t.denialAt < 0 {
				t.denialAt = i
			}
		}
		t.own += f.cat[pOwn]
		t.trouble += f.trouble + f.troubleW + f.setback
		if f.troubleW > 0 && (f.iAct+f.trouble > 0 || c.inherit == subjI) && f.blame+f.cat[pBlame] == 0 {
			t.own++ // "I sent the wrong file"
		}
		if c.actions() > 0 {
			t.seq += f.cat[pSeq]
		}
	}
	return t
}

// lengthCap is the highest score an answer of w words can get: short
// answers are capped, but a short answer with every part can reach 60-75.
func lengthCap(w int) float64 {
	x := float64(w)
	switch {
	case x <= 15:
		return 20
	case x <= 40:
		return 20 + (x-15)*30/25
	case x <= 70:
		return 50 + (x-40)*25/30
	case x <= 150:
		return 75 + (x-70)*25/80
	}
	return 100
}

// facts are the answer-level findings that the score, the tips and the
// strengths are built from.
type facts struct {
	totals
	sEv, tEv, aEv, rEv   []int // evidence clauses per part
	lEv                  []int // lesson clauses
	sitPhrase, sitSpec   bool
	taskStrong, taskSpec bool
	resPhrase, resEval   bool
	quant, lesson        bool
	lessonWords          int
	setupEnd             int // last setup clause before the first action, or -1
	firstPerson, story   bool
	telegraphic          bool
	reflective           bool
	covFrac              float64 // share of rubric points covered, or -1
	lengthCap            float64
	hedgePen, setupPen   float64
	longPen              float64
}

// report fills rep from the labelled clauses.
func (a *analyzer) report(rep *Report) {
	fs := facts{totals: a.totals(), setupEnd: -1, covFrac: -1}
	a.sentenceParts(rep)
	a.signals(rep, &fs)
	a.parts(rep, &fs)
	if a.rubric != nil {
		fs.reflective = isReflective(a.rubric)
		var byWords bool
		rep.Coverage, fs.covFrac, byWords = a.coverage(&fs)
		// Asked for a failure, a story in which nothing goes wrong and
		// nothing is learned answers another question.
		rep.Signals.OffTopic = !byWords && a.offTopic() ||
			fs.trouble == 0 && fs.own == 0 && !rep.Signals.Lesson &&
				strings.Contains(a.rubric.Competency+" "+a.rubric.Question, "fail")
	} else {
		rep.Coverage = []Coverage{}
	}
	rep.Score = round(a.score(rep, &fs))
	rep.Tips = a.tips(rep, &fs)
	rep.Strengths = a.strengths(rep, &fs)
}

// sentenceParts gives each sentence the role that covers most of it.
func (a *analyzer) sentenceParts(rep *Report) {
	n := len(a.cls)
	rep.Sentences = make([]Sentence, 0, len(a.sents))
	ci := 0
	for si := range a.sents {
		var w [nKinds]float32
		for ; ci < n && a.cls[ci].sent == si; ci++ {
			c := &a.cls[ci]
			if c.kind >= 0 {
				w[c.kind] += c.sc[c.kind] * float32(c.ft.words)
			}
		}
		k, best := kOther, float32(0)
		for i, v := range w {
			if v > best {
				k, best = i, v
			}
		}
		p := Other
		if k >= 0 {
			p = kindPart[k]
		}
		rep.Sentences = append(rep.Sentences, Sentence{Start: a.sents[si].start, End: a.sents[si].end, Part: p})
	}
}

// signals sets the answer-level signals that do not depend on the parts.
func (a *analyzer) signals(rep *Report, fs *facts) {
	sig := &rep.Signals
	t := &fs.totals
	sig.Words = a.words
	sig.SpeakingSeconds = (a.words*60 + 75) / 150
	sig.Hedges = t.hedges
	sig.Specifics = t.specifics
	sig.Unrecognized = a.words >= 4 && float64(t.known) < 0.25*float64(a.words)
	fs.telegraphic = a.words >= 12 && float64(t.funcW) < 0.15*float64(a.words) && !sig.Unrecognized
	fs.firstPerson = t.fps+t.fpp > 0
	fs.story = fs.firstPerson || t.implCl >= 2

	// Subjectless steps ("Called the vendor") are the speaker's unless the
	// answer speaks only as "we".
	sig.IActions = t.iCl
	if t.implCl > 0 && (t.fps > 0 || t.fpp == 0) {
		sig.IActions += t.implCl
	} else {
		t.weCl += t.implCl
	}
	sig.WeActions = t.weCl
	switch {
	case sig.IActions > 0:
		sig.Ownership = "i"
	case sig.WeActions > 0:
		sig.Ownership = "we"
	default:
		sig.Ownership = "none"
	}
	sig.Blame = t.blame >= 2
	sig.Denial = t.denial > 0
	acts := sig.IActions + sig.WeActions
	sig.Hypothetical = t.hypoCl >= 1 && acts == 0 || t.hypoCl >= 2 && t.hypoCl > acts
	sig.Accountable = t.own > 0
	sig.Vague = a.words >= 25 && t.vague >= 3 && t.specifics*2 < t.vague+2
}

// parts finds the evidence of each STAR part, the lesson, the quantified
// result and the setup share.
func (a *analyzer) parts(rep *Report, fs *facts) {
	n := len(a.cls)
	fa := a.firstAction
	buf := make([]int, 4*n) // one backing array for the four evidence lists
	fs.sEv, fs.tEv, fs.aEv, fs.rEv = buf[0:0:n], buf[n:n:2*n], buf[2*n:2*n:3*n], buf[3*n:3*n:4*n]
	for i := range a.cls {
		c := &a.cls[i]
		raw := &c.raw
		f := &c.ft
		field := a.sents[c.sent].field
		thrS := float32(1.2)
		if field == kS {
			thrS = 0.9
		}
		if c.kind == kS && raw[kS] >= thrS || raw[kS] >= 1.8 && i <= fa {
			fs.sEv = append(fs.sEv, i)
			fs.sitPhrase = fs.sitPhrase || f.cat[pSit] > 0
			fs.sitSpec = fs.sitSpec || f.years+f.timeW+f.proper+f.qty > 0
		}
		if c.kind == kT && (raw[kT] >= 1.0 || field == kT) || raw[kT] >= 1.8 {
			fs.tEv = append(fs.tEv, i)
			fs.taskStrong = fs.taskStrong || f.cat[pTask] >= 2
			fs.taskSpec = fs.taskSpec || f.qty+f.timeW > 0 || f.cat[pTask] > 0 && f.work > 0
		}
		if c.actions() > 0 && !a.hypothetical(i) {
			fs.aEv = append(fs.aEv, i)
		}
		// A result follows the first action (or stands alone in an answer
		// without one).
		thrR := float32(1.3)
		if field == kR {
			thrR = 0.8
		}
		if (i >= fa || fa == n) && (c.kind == kR && raw[kR] >= thrR || raw[kR] >= 2.0 && c.kind != kL) || i == 0 && a.headline {
			fs.rEv = append(fs.rEv, i)
			fs.quant = fs.quant || f.qty > 0
			fs.resPhrase = fs.resPhrase || f.cat[pResult] > 0
			fs.resEval = fs.resEval || f.eval+f.passiveResult > 0
		}
		// A lesson closes the story: a lesson clause after the first
		// action, a strong lesson phrase, or a late step that prevents a
		// repeat ("I made the dry run a required step ... since").
		after := i > fa && fa < n
		if c.kind == kL && (after || fa == n) && (f.cat[pLesson] > 0 || fa < n) || raw[kL] >= 2.0 && after ||
			after && c.rel >= 0.5 && c.actions() > 0 && (f.cat[pPrevent] >= 2 || f.cat[pPrevent] > 0 && f.again) {
			fs.lesson = true
			fs.lessonWords += f.words
			fs.lEv = append(fs.lEv, i)
		}
	}
	rep.Signals.Lesson = fs.lesson
	rep.Signals.Quantified = fs.quant

	var sScore, tScore, aScore, rScore float64
	if len(fs.sEv) > 0 {
		sScore = 70 + 10*b2f(fs.sitPhrase) + 10*b2f(fs.sitSpec) + 10*b2f(len(fs.sEv) >= 2)
	}
	if len(fs.tEv) > 0 {
		tScore = 70 + 15*b2f(fs.taskStrong) + 15*b2f(fs.taskSpec)
	}
	if len(fs.aEv) > 0 {
		eff := float64(rep.Signals.IActions) + 0.4*float64(rep.Signals.WeActions)
		aScore = 30 + 70*(1-math.Exp(-eff/2)) + 5*b2f(fs.seq > 0)
		if rep.Signals.IActions == 0 {
			aScore = math.Min(aScore, 40)
		}
	}
	if len(fs.rEv) > 0 {
		rScore = 65 + 20*b2f(fs.quant) + 10*b2f(fs.resPhrase) + 5*b2f(fs.resEval)
	}
	rep.Parts.Situation = a.partReport(fs.sEv, sScore)
	rep.Parts.Task = a.partReport(fs.tEv, tScore)
	rep.Parts.Action = a.partReport(fs.aEv, aScore)
	rep.Parts.Result = a.partReport(fs.rEv, rScore)

	// Setup: context and unlabelled talk before the first action.
	setupWords := 0
	for i := range a.cls {
		c := &a.cls[i]
		if c.kind == kS || i < fa && c.kind == kOther {
			setupWords += c.ft.words
			if i < fa {
				fs.setupEnd = i
			}
		}
	}
	if a.words > 0 {
		rep.Signals.SetupShare = math.Round(float64(setupWords)/float64(a.words)*100) / 100
	}
}

// score weighs the parts and signals into the overall score.
func (a *analyzer) score(rep *Report, fs *facts) float64 {
	sig := &rep.Signals
	p := &rep.Parts
	x := 0.14*float64(p.Situation.Score) + 0.06*float64(p.Task.Score) + 0.36*float64(p.Action.Score) +
		0.27*float64(p.Result.Score)
	if fs.lesson {
		lw := 6.0
		if fs.reflective {
			lw = 9
		}
		if fs.lessonWords < 6 {
			lw /= 2 // "I learned a lot."
		}
		x += lw
	}
	x += math.Min(5, float64(fs.specifics))
	if sig.Accountable && fs.reflective {
		x += 3
	}
	if fs.covFrac >= 0 {
		x += 8 * (fs.covFrac - 0.5)
	}

	// Penalties.
	if sig.Vague {
		x -= 5
	}
	if sig.SetupShare > 0.5 && a.words >= 80 {
		fs.setupPen = math.Min(15, (sig.SetupShare-0.5)*40)
		x -= fs.setupPen
	}
	if a.words > 450 {
		fs.longPen = math.Min(12, float64(a.words-450)/25)
		x -= fs.longPen
	}

	// Caps. A short answer is held by its length, and what it does wrong
	// must still cost it there: fillers ("kind of", "I guess", about two
	// words each) earn no length and cost after the cap, the question's
	// points it leaves out lower the cap, and blame earns no length either
	// (once it is flagged) and costs after it (below).
	// Otherwise padding an answer with fillers or blame would raise it, and
	// one that owns its mistake would score no more than one that does not.
	counted := a.words - 2*fs.hedges
	if sig.Blame {
		counted -= fs.blameWords
	}
	fs.lengthCap = lengthCap(max(0, counted))
	limit := fs.lengthCap
	if fs.covFrac >= 0 {
		limit -= 8 * (1 - fs.covFrac)
	}
	fs.hedgePen = math.Min(8, 2*float64(fs.hedges))
	x = math.Min(x, limit) - fs.hedgePen
	if sig.Blame {
		x = math.Min(x-20, 50)
	}
	if !p.Result.Present {
		// A story that stops before its result is half told, however
		// long and detailed its actions.
		x = math.Min(x, 50)
	}
	if fs.setupPen >= 2 && a.words >= 100 && a.words >= 55*max(sig.IActions, 1) {
		// Mostly background (55% of the words), with at most one step of
		// the speaker's own per 55 words: someone else's story, or setup.
		x = math.Min(x, 50)
	}
	switch {
	case !fs.firstPerson && fs.implCl >= 2:
		x = math.Min(x, 45) // notes without "I"
	case !fs.firstPerson:
		x = math.Min(x, 20) // a definition, a recipe: no story
	case sig.Ownership == "none":
		x = math.Min(x, 30)
	case sig.Ownership == "we":
		// A cost as well as a cap: a short answer, held by its length
		// cap, would otherwise score the same told with "we".
		x = math.Min(x-10, 50)
	}
	if sig.Vague && fs.specifics <= 1 {
		// General from start to end, without a name, a number or a date
		// to make it one real story, however tidy its shape.
		x = math.Min(x, 50)
	}
	if sig.Denial {
		x = math.Min(x, 20)
	}
	if sig.Hypothetical {
		x = math.Min(x, 35)
	}
	if sig.OffTopic {
		x = math.Min(x, 35)
	}
	if fs.telegraphic {
		x = math.Min(x, 45)
	}
	if sig.Unrecognized {
		x = math.Min(x, 10)
	}
	return x
}

// Tip messages, by ID.
const (
	msgTruncated    = "Only the first %d KB were read. A spoken answer fits in a few hundred words: cut it down to the story itself."
	msgUnreadable   = "Write the answer in full English sentences, as you would say it to the interviewer."
	msgStory        = "Tell a real story from your own experience, with \"I\": where you were, what you did and how it turned out."
	msgOffTopic     = "Answer the question you were asked: pick a story that shows it directly."
	msgOwnIt        = "Pick a real example and own it: interviewers trust someone who names a mistake and shows how they fixed it."
	msgPast         = "Tell what actually happened, in the past tense (\"I called\", \"I fixed\"), instead of what you would do."
	msgSentences    = "Say it in full sentences, the way you would speak: who did what, and what happened."
	msgAddAction    = "Say what you did yourself: two or three concrete steps, each starting with \"I\"."
	msgUseI         = "Say what you did, not only what the team did: use \"I\" for the steps that were yours."
	msgNoBlame      = "Drop the blame: describe what others did neutrally and put the focus on what you did about it."
	msgAddResult    = "Finish with the result: what changed because of what you did, with a number if you have one."
	msgQuantify     = "Put a number on the outcome: time saved, money, a percentage, how many customers or how many days early."
	msgAddLesson    = "Close with what you learned or what you changed so it does not happen again."
	msgAddSituation = "Open with a sentence or two of context: where you were, when, and what was at stake."
	msgAddTask      = "Say what your part was: the goal you owned or the problem that was yours to solve."
	msgTooShort     = "Add detail: aim for about 1.5 to 2 minutes spoken (around 250 words) on the situation, your actions and the result."
	msgTooLong      = "Trim it to about 2 minutes spoken: keep one sentence of background, your actions and the result."
	msgSetup        = "Cut the background to a sentence or two and spend the time on what you did."
	msgSpecific     = "Swap general statements for specifics: a name, a date, a number, the exact step you took."
	msgFillers      = "Drop fillers such as \"kind of\", \"basically\" and \"I guess\": they make a solid story sound unsure."
	msgCoverPoint   = "Cover this point: "
)

// tips lists what would help most, ranked by the points each would add.
func (a *analyzer) tips(rep *Report, fs *facts) []Tip {
	sig := &rep.Signals
	text := a.text
	tips := make([]Tip, 0, 8)
	add := func(id, msg string, sp span, impact int) {
		tips = append(tips, Tip{ID: id, Message: msg, Start: sp.start, End: sp.end, Impact: impact})
	}
	end := span{len(text), len(text)}
	whole := span{0, len(text)}
	clauseSpan := func(i int) span {
		if i < 0 || i >= len(a.cls) {
			return whole
		}
		return a.cls[i].span
	}
	start := span{0, 0}
	if len(a.sents) > 0 {
		start = span{a.sents[0].start, a.sents[0].start}
	}
	afterSetup := start
	if fs.setupEnd >= 0 {
		e := a.sents[a.cls[fs.setupEnd].sent].end
		afterSetup = span{e, e}
	}
	readable := a.words > 0 && !sig.Unrecognized

	if rep.Truncated {
		add("truncated", fmt.Sprintf(msgTruncated, MaxBytes>>10), end, 95)
	}
	switch {
	case sig.Unrecognized:
		add("unreadable", msgUnreadable, whole, 90)
	case a.words == 0:
		add("tell-a-story", msgStory, end, 90)
	case !fs.story:
		add("tell-a-story", msgStory, whole, 60)
	}
	if sig.OffTopic {
		add("off-topic", msgOffTopic, whole, 50)
	}
	if sig.Denial {
		add("own-it", msgOwnIt, clauseSpan(fs.denialAt), 45)
	}
	if sig.Hypothetical {
		add("past-not-hypothetical", msgPast, clauseSpan(fs.hypoAt), 40)
	}
	if fs.telegraphic || !fs.firstPerson && fs.implCl >= 2 { // held at 45 above
		add("full-sentences", msgSentences, whole, 30)
	}
	if fs.story && readable && !sig.Hypothetical {
		switch sig.Ownership {
		case "none":
			add("add-action", msgAddAction, afterSetup, 35)
		case "we":
			add("use-i", msgUseI, clauseSpan(fs.weAt), 25)
		}
	}
	if sig.Blame {
		add("no-blame", msgNoBlame, clauseSpan(fs.blameAt), 20)
	}
	if fs.story && readable && !sig.Denial {
		switch {
		case !rep.Parts.Result.Present:
			sp := end
			if k := len(fs.aEv); k > 0 {
				e := a.sents[a.cls[fs.aEv[k-1]].sent].end
				sp = span{e, e}
			}
			add("add-result", msgAddResult, sp, 18)
		case !fs.quant:
			add("quantify", msgQuantify, a.cls[fs.rEv[0]].span, 7)
		}
		if !fs.lesson {
			imp := 5
			if fs.reflective {
				imp = 9
			}
			add("add-lesson", msgAddLesson, end, imp)
		}
		if !rep.Parts.Situation.Present {
			add("add-situation", msgAddSituation, start, 9)
		}
		if !rep.Parts.Task.Present {
			add("add-task", msgAddTask, afterSetup, 5)
		}
	}
	if readable && sig.SpeakingSeconds < 60 {
		add("too-short", msgTooShort, whole, max(4, int((100-fs.lengthCap)/2)))
	}
	if sig.SpeakingSeconds > 180 {
		add("too-long", msgTooLong, whole, int(fs.longPen)+4)
	}
	if fs.setupPen > 0 {
		sp := whole
		if fs.setupEnd >= 0 {
			sp = span{a.cls[0].start, a.cls[fs.setupEnd].end}
		}
		add("too-much-setup", msgSetup, sp, int(fs.setupPen)+4)
	}
	if sig.Vague {
		impact := 6
		if fs.specifics <= 1 {
			impact = 20 // the cap in score
		}
		add("be-specific", msgSpecific, clauseSpan(fs.vagueAt), impact)
	}
	if fs.hedges >= 2 {
		add("cut-fillers", msgFillers, fs.hedgeSpan, int(fs.hedgePen))
	}
	if !sig.OffTopic {
		for _, cv := range rep.Coverage {
			if !cv.Covered {
				add("cover-point:"+cv.ID, msgCoverPoint+cv.Text, end, 3)
			}
		}
	}
	order.Stable(len(tips), func(i, j int) bool { return tips[i].Impact > tips[j].Impact }, func(i, j int) { tips[i], tips[j] = tips[j], tips[i] })
	return tips
}

// strengths lists what the answer does well.
func (a *analyzer) strengths(rep *Report, fs *facts) []Strength {
	sig := &rep.Signals
	st := make([]Strength, 0, 6)
	if sig.Unrecognized || sig.Denial || sig.Hypothetical || !fs.story {
		return st
	}
	add := func(id, msg string) { st = append(st, Strength{ID: id, Message: msg}) }
	if rep.Parts.Situation.Score >= 70 {
		add("clear-context", "You set the scene quickly: the listener knows where and when this happened.")
	}
	if rep.Parts.Task.Present {
		add("clear-task", "You make clear what was yours to solve.")
	}
	if sig.IActions >= 2 {
		add("own-actions", "You tell what you did yourself, step by step, with \"I\".")
	}
	if sig.Accountable && fs.reflective && !sig.Blame {
		add("owns-mistake", "You own the mistake plainly, without excuses.")
	}
	if rep.Parts.Result.Present {
		if fs.quant {
			add("measurable-result", "Your result has a number, which makes it concrete and believable.")
		} else {
			add("clear-result", "You finish with what changed because of your work.")
		}
	}
	if fs.lesson && fs.lessonWords >= 6 {
		add("lesson", "You show what you learned and what you changed, which interviewers look for.")
	}
	if sig.SpeakingSeconds >= 75 && sig.SpeakingSeconds <= 150 {
		add("good-length", "At about "+strconv.Itoa(sig.SpeakingSeconds)+" seconds spoken, the length is right.")
	}
	if fs.specifics >= 4 && !sig.Vague {
		add("specific", "You give concrete details (numbers, dates, names) instead of generalities.")
	}
	if fs.covFrac >= 0.75 {
		add("covers-points", "You cover the points this question is looking for.")
	}
	return st
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// partReport builds the report of one part from its evidence clauses,
// merging clauses that follow each other in the same sentence.
func (a *analyzer) partReport(ev []int, score float64) PartReport {
	pr := PartReport{Present: len(ev) > 0, Score: round(score), Evidence: make([]Span, 0, len(ev))}
	for k, i := range ev {
		c := &a.cls[i]
		if k > 0 && ev[k-1] == i-1 && a.cls[i-1].sent == c.sent {
			pr.Evidence[len(pr.Evidence)-1].End = c.end
			continue
		}
		pr.Evidence = append(pr.Evidence, Span{Start: c.start, End: c.end})
	}
	return pr
}
