package bank

import (
	"path"
	"slices"
	"strings"
	"unicode"

	"stardrill/app/star"
)

// MinQuestions is the fewest questions a competency may have.
const MinQuestions = 8

// Other editorial limits that Validate enforces.
const (
	minVariants = 2
	minAssesses = 2
	maxAssesses = 4
	minCover    = 2
	maxCover    = 5
	minPitfalls = 2
	maxPitfalls = 4

	// nearCopy is the word-set Jaccard similarity at or above which two
	// phrasings of one question count as near copies. Honest rewordings in the
	// bank stay under 0.4; swapping one word of a ten-word question gives 0.82.
	nearCopy = 0.7
)

// Validate runs the editorial checks on the built-in questions of b and
// returns one *Error per problem, sorted by file and line, or nil if there
// are none. It reports:
//   - missing fields and list lengths out of range (2+ variants, 2–4
//     assesses, 2–5 must-cover points, 2–4 pitfalls, a level, tags, a tip);
//   - must-cover points without cues, and misplaced * in cues;
//   - phrasings of one question that nearly copy each other, and phrasings
//     that repeat one elsewhere in the bank;
//   - examples that name an unknown question or one of another competency;
//   - a competency with fewer than MinQuestions questions or without a
//     strong and a weak example, or whose ID does not match its file name;
//   - leftover markup such as **bold**, backticks, links or HTML in any text.
//
// Custom questions are checked by ValidateCustom instead.
func Validate(b *Bank) []error {
	v := &validator{seen: map[string]string{}}
	for _, c := range b.comps {
		if f := b.files[c.ID]; f != nil {
			v.file(f, b)
		}
	}
	slices.SortStableFunc(v.errs, func(a, b *Error) int {
		if c := strings.Compare(a.File, b.File); c != 0 {
			return c
		}
		return a.Line - b.Line
	})
	if len(v.errs) == 0 {
		return nil
	}
	out := make([]error, len(v.errs))
	for i, e := range v.errs {
		out[i] = e
	}
	return out
}

type validator struct {
	f    *file
	errs []*Error
	seen map[string]string // normalized phrasing -> "file:line"
}

func (v *validator) add(line int, msg string) {
	v.errs = append(v.errs, &Error{v.f.name, line, msg})
}

// text reports leftover markup in s.
func (v *validator) text(line int, what, s string) {
	if m := markup(s, false); m != "" {
		v.add(line, what+" contains "+m+"; write plain text")
	}
}

// item reports an empty list item or markup in it.
func (v *validator) item(line int, what, s string) {
	if s == "" {
		v.add(line, what+" is empty; write it or remove the line")
	}
	v.text(line, what, s)
}

func (v *validator) file(f *file, b *Bank) {
	v.f = f
	c := f.comp
	if base := path.Base(f.name); base != c.ID+".md" {
		v.add(f.idLine, "competency ID "+quote(c.ID)+" does not match the file name "+base+"; rename one of them")
	}
	v.text(f.line, "the competency name", c.Name)
	if c.About == "" {
		v.add(f.line, `the competency has no About: line; add one sentence on what it covers`)
	}
	v.text(f.aboutLine, "About", c.About)
	if n := len(f.questions); n < MinQuestions {
		v.add(f.line, "the competency has "+itoa(n)+" questions; it needs at least "+itoa(MinQuestions))
	}
	for i := range f.questions {
		v.question(&f.questions[i], &f.qpos[i])
	}
	var strong, weak bool
	for i, e := range f.examples {
		ep := &f.epos[i]
		strong = strong || e.Strong
		weak = weak || !e.Strong
		if q, ok := b.byID[e.QuestionID]; !ok || q.Source != BuiltIn {
			v.add(ep.question, "the example answers an unknown question "+quote(e.QuestionID)+"; name a question ID of this file")
		} else if q.Competency != c.ID {
			v.add(ep.question, "the example answers "+quote(e.QuestionID)+", a question of competency "+
				quote(q.Competency)+"; move the example to that file or pick a question of this one")
		}
		if e.Answer == "" {
			v.add(ep.line, "the example has no answer; write it as paragraphs between Question: and Why:")
		}
		for j, para := range strings.Split(e.Answer, "\n\n") {
			if j < len(ep.paras) {
				v.text(ep.paras[j], "the answer", para)
			}
		}
		if e.Why == "" {
			v.add(ep.why, "the example's Why: is empty; say in a short paragraph why the answer works or fails")
		}
		v.text(ep.why, "Why", e.Why)
	}
	if !strong {
		v.add(f.line, `the competency has no strong example; add a "## Example: strong" section`)
	}
	if !weak {
		v.add(f.line, `the competency has no weak example; add a "## Example: weak" section`)
	}
}

func (v *validator) question(q *Question, qp *qpos) {
	at := func(field int) int {
		if l := qp.field[field]; l != 0 {
			return l
		}
		return qp.line
	}
	missing := func(field int, advice string) {
		v.add(at(field), "question "+quote(q.ID)+" has no "+fieldNames[field]+"; "+advice)
	}
	count := func(field, n, lo, hi int) {
		if n >= lo && (hi == 0 || n <= hi) {
			return
		}
		want := "at least " + itoa(lo)
		if hi != 0 {
			want = itoa(lo) + " to " + itoa(hi)
		}
		v.add(at(field), "question "+quote(q.ID)+" has "+itoa(n)+" "+fieldNames[field]+" items; it needs "+want)
	}

	if strings.HasPrefix(q.ID, CustomPrefix) {
		v.add(qp.line, "question IDs starting with "+quote(CustomPrefix)+" are kept for the user's own questions; rename it")
	}
	if q.Text == "" {
		missing(fAsk, `add "Ask: " and the canonical phrasing`)
	}
	count(fVariants, len(q.Variants), minVariants, 0)
	if len(q.Levels) == 0 {
		missing(fLevel, `add "Level: " with entry, experienced and/or manager`)
	}
	if len(q.Tags) == 0 {
		missing(fTags, `add "Tags: " with comma-separated lowercase tags`)
	}
	count(fAssesses, len(q.Assesses), minAssesses, maxAssesses)
	count(fMustCover, len(q.MustCover), minCover, maxCover)
	count(fPitfalls, len(q.Pitfalls), minPitfalls, maxPitfalls)
	if q.Tip == "" {
		missing(fTip, `add "Tip: " and one or two sentences of advice`)
	}

	// Phrasings: markup, near copies within the question, repeats across the bank.
	lines := append([]int{at(fAsk)}, qp.items[fVariants]...)
	phr := q.Phrasings()
	sets := make([][]string, len(phr))
	for i, p := range phr {
		what := "the variant"
		if i == 0 {
			what = "the question"
		}
		if p == "" {
			if i > 0 {
				v.add(lines[i], "the variant is empty; write a rewording or remove the line")
			}
			continue
		}
		v.text(lines[i], what, p)
		sets[i] = wordSet(p)
		for j := range i {
			if sets[j] != nil && jaccard(sets[i], sets[j]) >= nearCopy {
				v.add(lines[i], what+" "+quote(p)+" nearly copies "+quote(phr[j])+"; reword it with a different structure")
				break
			}
		}
		n := normalize(p)
		if n == "" {
			continue
		}
		if w, ok := v.seen[n]; ok {
			if !strings.HasPrefix(w, q.ID+" ") {
				v.add(lines[i], what+" "+quote(p)+" repeats a phrasing of another question ("+w[strings.IndexByte(w, ' ')+1:]+")")
			}
			continue
		}
		v.seen[n] = q.ID + " " + v.f.name + ":" + itoa(lines[i])
	}

	for i, t := range q.Assesses {
		v.item(qp.items[fAssesses][i], "the Assesses item", t)
	}
	for i, pt := range q.MustCover {
		v.item(qp.items[fMustCover][i], "the Must cover item", pt.Text)
		if len(pt.Cues) == 0 {
			v.add(qp.cues[i], "the Must cover item has no cues; list the words that show an answer covers it, separated by ;")
		}
		for _, c := range pt.Cues {
			if strings.HasPrefix(c, "(") && c != star.CueResult && c != star.CueLesson {
				v.add(qp.cues[i], "the cue "+quote(c)+" is in brackets, which only "+star.CueResult+" and "+star.CueLesson+" may be; write the words without brackets")
			}
			if m := markup(c, true); m != "" {
				v.add(qp.cues[i], "the cue "+quote(c)+" contains "+m+"; only a final * is allowed, meaning any ending")
			}
		}
	}
	for i, t := range q.Pitfalls {
		v.item(qp.items[fPitfalls][i], "the pitfall", t)
	}
	v.text(at(fTip), "Tip", q.Tip)
	for _, t := range q.Tags {
		if t != strings.ToLower(t) {
			v.add(at(fTags), "the tag "+quote(t)+" must be lowercase")
		}
		v.text(at(fTags), "the tag", t)
	}
}

// markup describes the first piece of Markdown or HTML left in s, or returns
// "". In a cue, a single * at the end is allowed.
func markup(s string, cue bool) string {
	if cue && strings.HasSuffix(s, "*") {
		s = s[:len(s)-1]
		if s == "" {
			return "a bare *"
		}
	}
	switch {
	case strings.HasPrefix(s, "#"):
		return "a # heading mark"
	case strings.HasPrefix(s, "> "):
		return "a > quote mark"
	case strings.Contains(s, "**") || strings.Contains(s, "__"):
		return "bold markup (** or __)"
	case strings.Contains(s, "`"):
		return "a backtick"
	case strings.Contains(s, "]("):
		return "a Markdown link"
	case strings.Contains(s, "~~"):
		return "strikethrough markup (~~)"
	case strings.Contains(s, "*"):
		return "a * (italics or a list mark)"
	}
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case '<':
			if i+1 < len(s) && (isASCIILetter(s[i+1]) || s[i+1] == '/' || s[i+1] == '!') {
				return "an HTML tag"
			}
		case '&':
			j := i + 1
			for j < len(s) && (isASCIILetter(s[j]) || s[j] == '#' || '0' <= s[j] && s[j] <= '9') {
				j++
			}
			if j > i+1 && j < len(s) && s[j] == ';' {
				return "an HTML entity"
			}
		case '_':
			// _italics_: an underscore at either edge of a word.
			before := i == 0 || !isWordByte(s[i-1])
			after := i+1 == len(s) || !isWordByte(s[i+1])
			if before || after {
				return "an _ (italics)"
			}
		}
	}
	return ""
}

func isASCIILetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }

func isWordByte(c byte) bool { return isASCIILetter(c) || '0' <= c && c <= '9' || c >= 0x80 }

// normalize lowercases s, drops apostrophes and turns every other run of
// non-letters and non-digits into one space, so that phrasings differing only
// in case and punctuation compare equal.
func normalize(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			if space && b.Len() > 0 {
				b.WriteByte(' ')
			}
			space = false
			b.WriteRune(unicode.ToLower(r))
		case r == '\'' || r == '’' || r == '‘' || r == 'ʼ':
		default:
			space = true
		}
	}
	return b.String()
}

// wordSet returns the distinct normalized words of s, sorted.
func wordSet(s string) []string {
	w := strings.Fields(normalize(s))
	slices.Sort(w)
	return slices.Compact(w)
}

// jaccard returns |a∩b| / |a∪b| for sorted sets a and b.
func jaccard(a, b []string) float64 {
	if len(a) == 0 && len(b) == 0 {
		return 1
	}
	common, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch c := strings.Compare(a[i], b[j]); {
		case c == 0:
			common++
			i++
			j++
		case c < 0:
			i++
		default:
			j++
		}
	}
	return float64(common) / float64(len(a)+len(b)-common)
}
