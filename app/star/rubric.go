package star

import "strings"

// cueWords splits cue into words with the tokenizer's rules (spaces and
// hyphens separate words; surrounding punctuation is dropped) and stores
// them in buf without allocating. It returns the words used.
func cueWords(cue string, buf *[8]string) []string {
	ws := buf[:0]
	i := 0
	for i < len(cue) && len(ws) < len(buf) {
		for i < len(cue) && isCueSep(cue[i]) {
			i++
		}
		j := i
		for j < len(cue) && cue[j] != ' ' && cue[j] != '-' && cue[j] != '\t' {
			j++
		}
		w := strings.TrimFunc(cue[i:j], func(r rune) bool { return strings.ContainsRune(".,;:!?\"()", r) })
		if w != "" {
			ws = append(ws, normalizeCue(w))
		}
		i = j
	}
	return ws
}

func isCueSep(c byte) bool { return c == ' ' || c == '-' || c == '\t' }

// cueMatch reports whether normalized cue word cw matches token t.
func cueMatch(cw string, t *token) bool {
	if n := len(cw); n > 1 && cw[n-1] == '*' {
		return strings.HasPrefix(t.w, cw[:n-1])
	}
	return cw == t.w || t.pct && cw == "percent"
}

// straighten turns the curly apostrophes ’ and ʼ into '.
func straighten(s string) string {
	return strings.ReplaceAll(strings.ReplaceAll(s, "’", "'"), "ʼ", "'")
}

// normalizeCue maps a cue word to the tokenizer's normal form: lower case,
// straight apostrophes, aliases resolved ("cannot" is "can't"), no
// possessive "'s". It allocates only when the word needs changing.
func normalizeCue(w string) string {
	if w == "I" {
		return "i"
	}
	lower := true
	for i := 0; i < len(w); i++ {
		if c := w[i]; c >= 'A' && c <= 'Z' || c >= 0x80 {
			lower = false
			break
		}
	}
	if !lower {
		w = strings.ToLower(straighten(w))
	}
	e, ok := lexicon[w]
	if ok && e.canon != "" {
		return e.canon
	}
	if !ok && !strings.HasSuffix(w, "*") && strings.HasSuffix(w, "'s") && len(w) > 2 {
		return w[:len(w)-2]
	}
	return w
}

// coverage matches every rubric point's cues and returns the coverage
// list, the share of points covered (-1 without points) and whether any
// cue matched words (not only CueResult or CueLesson).
func (a *analyzer) coverage(fs *facts) ([]Coverage, float64, bool) {
	pts := a.rubric.Points
	out := make([]Coverage, 0, len(pts))
	covered := 0
	byWords := false
	var ix cueIndex
	if len(pts) > 0 {
		ix.build(a)
	}
	for _, p := range pts {
		cv := Coverage{ID: p.ID, Text: p.Text, Evidence: []Span{}}
		for _, cue := range p.Cues {
			var cls []int
			switch cue {
			case CueResult:
				cls = fs.rEv
			case CueLesson:
				cls = fs.lEv
			default:
				var buf [8]string
				ws := cueWords(cue, &buf)
				if len(ws) > 0 {
					n := len(cv.Evidence)
					cv.Evidence = ix.find(a, ws, cv.Evidence)
					byWords = byWords || len(cv.Evidence) > n
				}
				continue
			}
			for _, i := range cls {
				cv.Evidence = append(cv.Evidence, Span{a.cls[i].start, a.cls[i].end})
			}
		}
		cv.Evidence = sortSpans(cv.Evidence)
		cv.Covered = len(cv.Evidence) > 0
		if cv.Covered {
			covered++
		}
		out = append(out, cv)
	}
	if len(pts) == 0 {
		return out, -1, false
	}
	return out, float64(covered) / float64(len(pts)), byWords
}

// cueIndex lists the tokens of the answer's sentences by the first byte of
// their word, so that a cue is compared only with the tokens that could
// start it: a rubric has some forty cues and a two-minute answer three
// hundred tokens, and comparing every cue at every token was a fifth of the
// analysis.
type cueIndex struct {
	from  [257]int32 // the tokens starting with byte b are order[from[b]:from[b+1]]
	order []int32    // token indices, ascending within each byte
	all   []int32    // every token in a sentence, ascending
	end   []int32    // end[i] is the end of token i's sentence (exclusive)
}

func (x *cueIndex) build(a *analyzer) {
	n := len(a.toks)
	buf := make([]int32, 3*n) // one allocation for the three lists
	x.end, x.all, x.order = buf[:n:n], buf[n:n:2*n], buf[2*n:]
	for _, s := range a.sents {
		for i := s.t0; i < s.t1; i++ {
			x.all = append(x.all, int32(i))
			x.end[i] = int32(s.t1)
			if w := a.toks[i].w; w != "" {
				x.from[int(w[0])+1]++
			}
		}
	}
	for b := 1; b < len(x.from); b++ {
		x.from[b] += x.from[b-1]
	}
	next := x.from
	x.order = x.order[:x.from[256]]
	for _, i := range x.all {
		if w := a.toks[i].w; w != "" {
			x.order[next[w[0]]] = i
			next[w[0]]++
		}
	}
}

// candidates returns the tokens that cue word cw may match, in order.
func (x *cueIndex) candidates(cw string) []int32 {
	if cw == "percent" {
		return x.all // "percent" also matches a number written with '%'
	}
	b := cw[0]
	return x.order[x.from[b]:x.from[int(b)+1]]
}

// find appends to out where the cue words ws occur in a sentence.
func (x *cueIndex) find(a *analyzer, ws []string, out []Span) []Span {
	for _, i := range x.candidates(ws[0]) {
		if int(i)+len(ws) > int(x.end[i]) {
			continue // the cue would run past the sentence's end
		}
		ok := true
		for k, cw := range ws {
			if !cueMatch(cw, &a.toks[int(i)+k]) {
				ok = false
				break
			}
		}
		if ok {
			out = append(out, Span{a.toks[i].start, a.toks[int(i)+len(ws)-1].end})
		}
	}
	if s := cueSubject(ws[0]); s != subjNone && len(ws) > 1 {
		// "I asked" is also the speaker asking with words between
		// ("I got them into the cabin and asked each of them") or with
		// the subject understood, as in a bullet line ("Asked each of them").
		for _, i := range x.candidates(ws[1]) {
			t := &a.toks[i]
			if !a.verbOf(int(i), s) || int(i)+len(ws)-1 > int(x.end[i]) || i > 0 && a.toks[i-1].w == ws[0] {
				continue // another subject, past the sentence, or matched above
			}
			ok := true
			for k, cw := range ws[1:] {
				if !cueMatch(cw, &a.toks[int(i)+k]) {
					ok = false
					break
				}
			}
			if ok {
				out = append(out, Span{t.start, a.toks[int(i)+len(ws)-2].end})
			}
		}
	}
	return out
}

// verbOf reports whether toks[i] is a verb of subject s, not negated: "I
// (then) asked", "(I) asked" in a bullet line, "I had (already) asked",
// "I've asked", "Asked" opening the answer; not "I never asked", "I was
// asked" or "she asked".
func (a *analyzer) verbOf(i int, s subj) bool {
	t, k := &a.toks[i], i-1
	if i == 0 {
		return s == subjI && t.vs == subjImplicit
	}
	for k > 0 && k > i-3 && skippable(&a.toks[k]) && a.toks[k].f&fNeg == 0 {
		k-- // "I had already asked"
	}
	prev := &a.toks[k]
	if prev.f&fNeg != 0 {
		return false
	}
	switch {
	case t.vs == s, s == subjI && t.vs == subjImplicit:
		return true
	case t.vs != subjNone || !t.past():
		return false
	}
	switch prev.w { // a perfect: the subject's verb is "have"
	case "had", "have", "has":
		return prev.vs == s
	case "i've", "i'd":
		return s == subjI
	case "we've", "we'd":
		return s == subjWe
	}
	return false
}

// cueSubject returns the subject a cue's first word names ("I asked", "we
// agreed"), or subjNone.
func cueSubject(w string) subj {
	switch w {
	case "i":
		return subjI
	case "we":
		return subjWe
	}
	return subjNone
}

// sortSpans sorts spans by start then end and drops duplicates.
func sortSpans(sp []Span) []Span {
	for i := 1; i < len(sp); i++ {
		for j := i; j > 0 && (sp[j].Start < sp[j-1].Start || sp[j].Start == sp[j-1].Start && sp[j].End < sp[j-1].End); j-- {
			sp[j], sp[j-1] = sp[j-1], sp[j]
		}
	}
	out := sp[:0]
	for _, s := range sp {
		if len(out) == 0 || s != out[len(out)-1] {
			out = append(out, s)
		}
	}
	return out
}

// topicFamilies widen a question's own words with words that answers on
// that topic use. A family applies when one of its words is in the
// question, the competency or a point.
var topicFamilies = [][]string{
	strings.Fields(`mistake error wrong fault miss forgot overlook oversight slip bug typo incorrect fix apologize
		apologise correct accident blunder misjudge misread misunderstand regret responsibility own`),
	strings.Fields(`fail failure setback lost lose missed wrong mistake learn lesson cancel short`),
	strings.Fields(`conflict disagree argument argue tension clash friction dispute difficult tense upset frustrate
		compromise perspective resolve colleague`),
	strings.Fields(`deadline pressure urgent late deliver schedule priority prioritize prioritise rush hour day week
		date time stress`),
	strings.Fields(`customer client patient complain complaint service user guest buyer angry upset refund`),
	strings.Fields(`lead leader leadership team manage mentor motivate direct delegate coach people decision`),
	strings.Fields(`team teamwork colleague together collaborate help support peer group`),
	strings.Fields(`feedback criticism critic review comment improve advice`),
	strings.Fields(`change adapt new shift transition learn flexible unexpected`),
	strings.Fields(`problem solve issue fix root cause analyse analyze solution`),
	strings.Fields(`persuade convince influence argue agree proposal pitch idea`),
	strings.Fields(`ethic ethics honest right wrong integrity report rule policy pressure`),
	strings.Fields(`initiative idea improve new propose creative start build built`),
	strings.Fields(`communicate communication explain present audience message clear understand write`),
}

// stem reduces a word to a crude stem for topic overlap.
func stem(w string) string {
	for _, suf := range []string{"ing", "ed", "es", "s", "ly"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
			w = w[:len(w)-len(suf)]
			break
		}
	}
	if len(w) > 5 {
		w = w[:5]
	}
	return w
}

// topicStop are question words that say nothing about the topic. loadTables
// builds it.
var topicStop map[string]bool

func buildTopicStop() {
	topicStop = wordSet(`tell time describe example give walk through about your you when what how why which
	had have did were was happened situation work worked job experience share talk most recent once one ever
	think can could would should will like made make made get got take took`)
}

// offTopic reports whether the answer has nothing to do with the rubric:
// no topic word of the question appears (the caller checks first that no
// cue's words do).
func (a *analyzer) offTopic() bool {
	if a.words < 30 {
		return false
	}
	r := a.rubric
	var src strings.Builder
	src.WriteString(r.Question)
	src.WriteByte(' ')
	src.WriteString(r.Competency)
	for _, p := range r.Points {
		src.WriteByte(' ')
		src.WriteString(p.Text)
		for _, c := range p.Cues {
			if c != CueResult && c != CueLesson {
				src.WriteByte(' ')
				src.WriteString(c)
			}
		}
	}
	topic := map[string]bool{}
	qs := tokenize(src.String(), nil)
	for i := range qs {
		w := qs[i].w
		if qs[i].f&fFunc != 0 || topicStop[w] || len(w) < 3 {
			continue
		}
		topic[stem(w)] = true
	}
	if len(topic) == 0 {
		return false
	}
	for _, fam := range topicFamilies {
		hit := false
		for _, w := range fam {
			if topic[stem(w)] {
				hit = true
				break
			}
		}
		if hit {
			for _, w := range fam {
				topic[stem(w)] = true
			}
		}
	}
	for i := range a.toks {
		t := &a.toks[i]
		if t.f&fFunc != 0 || len(t.w) < 3 {
			continue
		}
		if topic[stem(t.w)] {
			return false
		}
	}
	return true
}

// isReflective reports whether the question is about a mistake, a failure
// or criticism, where a lesson matters more.
func isReflective(r *Rubric) bool {
	s := strings.ToLower(r.Competency + " " + r.Question)
	for _, w := range []string{"mistake", "fail", "error", "wrong", "setback", "regret", "feedback", "critic", "weakness", "learn"} {
		if strings.Contains(s, w) {
			return true
		}
	}
	return false
}
