package star

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// token is one word of the analyzed text.
type token struct {
	start, end int    // byte offsets into the text
	w          string // normalized form: lower case, straight apostrophes, no possessive 's
	f          uint64 // lexicon flags plus fNumber, fYear, fPoss
	upper      bool   // the word starts with an upper-case letter
	pct        bool   // a number followed by '%'
	money      bool   // a number preceded by a currency sign
	skip       bool   // a bullet number or a heading label: not part of any sentence
	hyphen     bool   // joined to the next word by a hyphen: "double" in "double-checked"
	vs         subj   // read as a verb: its subject ("asked" in "I got up and asked"); else subjNone
}

// past reports whether the token is a past-tense or past-participle verb form.
func (t *token) past() bool { return t.f&(fPast|fPart) != 0 || isRegularPast(t.w) }

// simplePast reports whether the token can be a simple past verb ("called",
// "went", "put"); participles such as "run" or "done" are not.
func (t *token) simplePast() bool { return t.f&fPast != 0 || isRegularPast(t.w) }

// quantity reports whether the token states an amount (not a year).
func (t *token) quantity() bool {
	return t.f&fNumber != 0 && t.f&fYear == 0 || t.f&fNumWord != 0 || t.pct || t.money
}

func isASCIIAlnum(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9'
}

func isWordRune(r rune) bool {
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r)
}

// wordRuneAt reports whether a word rune starts at byte i of s.
func wordRuneAt(s string, i int) bool {
	if i >= len(s) {
		return false
	}
	if c := s[i]; c < utf8.RuneSelf {
		return isASCIIAlnum(c)
	}
	r, _ := utf8.DecodeRuneInString(s[i:])
	return isWordRune(r)
}

func isDigitAt(s string, i int) bool { return i >= 0 && i < len(s) && s[i] >= '0' && s[i] <= '9' }

// lowerASCII returns s with ASCII letters lower-cased and every other byte
// unchanged, so that byte offsets into it equal offsets into s.
func lowerASCII(s string) string {
	var b strings.Builder
	b.Grow(len(s))
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= 'A' && c <= 'Z' {
			c += 'a' - 'A'
		}
		b.WriteByte(c)
	}
	return b.String()
}

// tokenize splits text into words. Letters, digits and combining marks form
// words; an apostrophe between letters and a '.' or ',' between digits stay
// inside a word; everything else separates words.
func tokenize(text string, toks []token) []token {
	low := lowerASCII(text)
	i := 0
	for i < len(text) {
		if !wordRuneAt(text, i) {
			_, size := utf8.DecodeRuneInString(text[i:])
			i += size
			continue
		}
		start := i
		ascii, curly := true, false
		for i < len(text) {
			c := text[i]
			if c < utf8.RuneSelf {
				if isASCIIAlnum(c) {
					i++
					continue
				}
				if c == '\'' && i > start && wordRuneAt(text, i+1) && !isDigitAt(text, i-1) {
					i++
					continue
				}
				if (c == '.' || c == ',' || c == ':') && isDigitAt(text, i-1) && isDigitAt(text, i+1) {
					i++
					continue
				}
				break
			}
			r, size := utf8.DecodeRuneInString(text[i:])
			if r == '’' || r == 'ʼ' {
				// Unicode counts ʼ itself as a letter: two in a row end the word.
				if i > start && wordRuneAt(text, i+size) && !strings.HasPrefix(text[i+size:], "ʼ") {
					curly = true
					ascii = false
					i += size
					continue
				}
				break
			}
			if isWordRune(r) {
				ascii = false
				i += size
				continue
			}
			break
		}
		if i == start {
			// A modifier apostrophe (ʼ, the apostrophe of Ukrainian
			// keyboards) is a letter to Unicode, but it opens no word.
			_, size := utf8.DecodeRuneInString(text[i:])
			i += size
			continue
		}
		t := token{start: start, end: i}
		t.hyphen = i+1 < len(text) && text[i] == '-' && wordRuneAt(text, i+1)
		if ascii {
			t.w = low[start:i]
		} else {
			w := strings.ToLower(text[start:i])
			if curly {
				w = straighten(w)
			}
			t.w = w
		}
		r, _ := utf8.DecodeRuneInString(text[start:])
		t.upper = unicode.IsUpper(r)
		classify(&t, text)
		toks = append(toks, t)
	}
	return toks
}

// classify sets the flags of a token from the lexicon and its shape.
func classify(t *token, text string) {
	e, ok := lexicon[t.w]
	if !ok && strings.HasSuffix(t.w, "'s") && len(t.w) > 2 {
		// A possessive or a contraction not in the lexicon: "client's".
		base := t.w[:len(t.w)-2]
		e, ok = lexicon[base]
		t.w = base
		t.f |= fPoss
	}
	if ok {
		if e.canon != "" {
			t.w = e.canon
		}
		t.f |= e.f
	}
	c := t.w[0]
	if c >= '0' && c <= '9' {
		t.f |= fNumber
		if t.end-t.start == 4 && (strings.HasPrefix(t.w, "19") || strings.HasPrefix(t.w, "20")) && allDigits(t.w) {
			t.f |= fYear
		}
		if t.end < len(text) && text[t.end] == '%' {
			t.pct = true
			t.f &^= fYear
		}
		before := text[:t.start]
		if strings.HasSuffix(before, "$") || strings.HasSuffix(before, "£") || strings.HasSuffix(before, "€") ||
			strings.HasSuffix(before, "¥") || strings.HasSuffix(before, "₹") {
			t.money = true
			t.f &^= fYear
		}
	}
}

func allDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// gapInfo describes the characters between two consecutive tokens.
type gapInfo struct {
	terminal bool // ends a sentence: . ! ? and their CJK/Arabic forms
	period   bool // the terminal mark is a '.' directly before the next word
	newlines int
	bullet   bool // a bullet marker opens the next line
	clause   bool // , ; : ( ) dashes and quotes: a clause boundary
	colon    bool // ':' or a dash right after the previous word
}

func scanGap(g string) gapInfo {
	var gi gapInfo
	lineStart := false
	for i := 0; i < len(g); {
		r, size := utf8.DecodeRuneInString(g[i:])
		switch r {
		case '\n', '\u2028', '\u2029':
			gi.newlines++
			lineStart = true
			i += size
			continue
		case '.':
			if i+size >= len(g) {
				gi.period = true
			} else {
				next, _ := utf8.DecodeRuneInString(g[i+size:])
				if unicode.IsSpace(next) || strings.ContainsRune("\"'”’)]»", next) {
					gi.terminal = true
				}
			}
		case '!', '?', '…', '。', '！', '？', '؟', '۔', '।':
			gi.terminal = true
		case ',', ';', '(', ')', '"', '“', '”', '、', '，', '；', '،':
			gi.clause = true
		case ':':
			gi.clause = true
			if i == 0 {
				gi.colon = true
			}
		case '-', '–', '—', '*', '•', '·', '>', '●', '▪', '◦':
			if lineStart {
				gi.bullet = true
			} else if r != '-' || i > 0 && i+size < len(g) {
				// A spaced hyphen or any dash is a clause boundary.
				gi.clause = true
				if i <= 1 {
					gi.colon = true
				}
			}
		}
		if !unicode.IsSpace(r) {
			lineStart = false
		}
		i += size
	}
	return gi
}

// isTitle reports whether w is a title that a '.' never ends a sentence
// after ("Dr. Smith").
func isTitle(w string) bool {
	switch w {
	case "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs":
		return true
	}
	return false
}

// isAbbrev reports whether a '.' after w may be an abbreviation's rather
// than the end of a sentence: single letters ("a.m.", "U.S.") and a few
// common short forms.
func isAbbrev(w string) bool {
	if len(w) == 1 && w != "i" {
		return true
	}
	switch w {
	case "mr", "mrs", "ms", "dr", "prof", "st", "jr", "sr", "vs", "approx", "inc", "ltd", "co", "dept", "e", "g",
		"ie", "eg", "no", "fig", "est", "etc", "u", "s":
		return true
	}
	return false
}

// span is a half-open byte range of the analyzed text.
type span struct{ start, end int }

// sentence is a run of tokens with its byte span.
type sentence struct {
	span
	t0, t1 int // token range [t0, t1)
	field  int // part named by the guided-mode field or a heading, or -1
}

// maxRunOn is the number of words after which a sentence without
// punctuation is split into clauses of about that size.
const maxRunOn = 40

// splitSentences groups tokens into sentences. It marks list numbers and
// heading labels ("Situation:") as skipped tokens.
func splitSentences(text string, toks []token, out []sentence) []sentence {
	n := len(toks)
	first := 0    // first token of the current sentence
	heading := -1 // part named by the last heading
	mark := len(out)
	for i := 0; i < n; i++ {
		var gi gapInfo
		if i+1 < n {
			gi = scanGap(text[toks[i].end:toks[i+1].start])
		}
		if i == first {
			lineStart := i == 0 || strings.ContainsAny(text[toks[i-1].end:toks[i].start], "\n\u2028\u2029")
			if lineStart && markSkip(text, toks, i) {
				first++
				continue
			}
			if toks[i].f&fLabel != 0 && (gi.colon || gi.newlines > 0) && (len(toks[i].w) > 1 || toks[i].upper && gi.colon) {
				toks[i].skip = true
				first++
				for ; mark < len(out); mark++ {
					out[mark].field = heading
				}
				heading = labelKind(toks[i].w)
				continue
			}
		}
		if i+1 == n {
			out = appendRunOn(text, toks, first, n, out)
			break
		}
		brk := gi.terminal && !(isAbbrev(toks[i].w) && !toks[i+1].upper) && !isTitle(toks[i].w)
		if gi.period && toks[i+1].upper && !isAbbrev(toks[i].w) {
			brk = true
		}
		if gi.newlines >= 2 || gi.bullet {
			brk = true
		} else if gi.newlines == 1 {
			// A single newline ends a sentence unless it only wraps a line:
			// the next word is lower case and does not start a new clause.
			nw := &toks[i+1]
			if nw.upper || nw.f&(fSubjI|fWe|fNumber) != 0 || !unicode.IsLetter(firstRune(nw.w)) {
				brk = true
			}
		}
		if brk {
			out = appendRunOn(text, toks, first, i+1, out)
			first = i + 1
		}
	}
	if heading >= 0 {
		for ; mark < len(out); mark++ {
			out[mark].field = heading
		}
	}
	return out
}

// labelKind maps a heading word to the part it names, or -1.
func labelKind(w string) int {
	switch w {
	case "situation", "context", "background", "s":
		return kS
	case "task", "t":
		return kT
	case "action", "actions", "a":
		return kA
	case "result", "results", "outcome", "outcomes", "r":
		return kR
	case "lesson", "lessons", "learning", "learnings", "reflection":
		return kL
	}
	return -1
}

func firstRune(s string) rune {
	r, _ := utf8.DecodeRuneInString(s)
	return r
}

// markSkip marks toks[i] as skipped when it is a list number ("1." or "2)")
// at the start of a line, and reports whether it did.
func markSkip(text string, toks []token, i int) bool {
	t := &toks[i]
	if t.f&fNumber == 0 || t.end-t.start > 2 || t.w[0] < '0' || t.w[0] > '9' {
		if len(t.w) == 1 && t.w[0] >= 'a' && t.w[0] <= 'h' && t.end < len(text) && text[t.end] == ')' {
			t.skip = true
			return true
		}
		return false
	}
	if t.end < len(text) && (text[t.end] == '.' || text[t.end] == ')') {
		if t.end+1 == len(text) || text[t.end+1] == ' ' || text[t.end+1] == '\t' {
			t.skip = true
			return true
		}
	}
	return false
}

// appendRunOn appends the sentence made of toks[t0:t1], split into pieces
// when it is a long run without punctuation.
func appendRunOn(text string, toks []token, t0, t1 int, out []sentence) []sentence {
	for t0 < t1 && toks[t0].skip {
		t0++
	}
	if t0 >= t1 {
		return out
	}
	if t1-t0 <= maxRunOn+maxRunOn/4 {
		return append(out, makeSentence(text, toks, t0, t1))
	}
	start := t0
	for i := t0 + 1; i < t1; i++ {
		n := i - start
		if t1-i < 6 {
			break
		}
		cut := false
		if n >= 8 {
			w := &toks[i]
			prev := &toks[i-1]
			glue := prev.f&(fConj|fFunc) != 0 && prev.f&(fSubjI|fWe|fPerson3) == 0
			if w.f&(fSubjI|fWe) != 0 && !glue {
				cut = true
			}
			if w.f&fSeq != 0 || w.w == "so" || w.w == "but" || w.w == "after" || w.w == "because" {
				cut = true
			}
			if strings.ContainsAny(text[prev.end:w.start], ",;:") && n >= 12 {
				cut = true
			}
		}
		if n >= maxRunOn {
			cut = true
		}
		if cut {
			out = append(out, makeSentence(text, toks, start, i))
			start = i
		}
	}
	return append(out, makeSentence(text, toks, start, t1))
}

// makeSentence builds the sentence over toks[t0:t1]; its span runs from the
// first word to the last word plus the marks that follow it up to white
// space ("8%.", "done!\"").
func makeSentence(text string, toks []token, t0, t1 int) sentence {
	end := toks[t1-1].end
	limit := len(text)
	if t1 < len(toks) {
		limit = toks[t1].start
	}
	for end < limit {
		r, size := utf8.DecodeRuneInString(text[end:])
		if unicode.IsSpace(r) {
			break
		}
		end += size
	}
	return sentence{span: span{toks[t0].start, end}, t0: t0, t1: t1, field: -1}
}

// clauseBreak reports whether a clause boundary falls before toks[i], given
// that the current clause already has n words and the sentence ends at
// token t1.
func clauseBreak(text string, toks []token, i, n, t1 int) bool {
	if n < 3 {
		return false
	}
	gi := scanGap(text[toks[i-1].end:toks[i].start])
	if gi.clause {
		return true
	}
	w := &toks[i]
	if w.f&fConj == 0 || t1-i < 3 {
		return false
	}
	nx := &toks[i+1]
	if nx.hyphen && i+2 < t1 && toks[i+2].simplePast() {
		nx = &toks[i+2] // "and double-checked": the verb is the second half
	}
	switch w.w {
	case "and", "but", "so", "then":
		return nx.f&(fSubjI|fWe|fSubjOther|fSeq|fAdv) != 0 || nx.simplePast() || nx.w == "as" || nx.w == "the"
	case "since", "once", "where":
		return nx.f&(fSubjI|fWe|fPerson3) != 0
	}
	return true
}
