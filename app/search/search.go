// Package search finds questions as a person types, over every phrasing of
// every question and each question's topic (its competency and tags): first
// by the words of the query, in any order, then by fuzzy matching
// (github.com/sahilm/fuzzy) of its letters. It is fast enough for every
// keystroke in the browser.
package search

import (
	"slices"
	"strings"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"

	"stardrill/app/bank"
	"stardrill/app/order"
)

// Kind says what part of a question an entry holds.
type Kind int

// The kinds of entry, from the most to the least telling match.
const (
	Canonical Kind = iota // the question as the bank asks it
	Variant               // another way interviewers ask it
	Topic                 // its competency and tags
)

// Entry is one string a question can be found by.
type Entry struct {
	QuestionID string
	Text       string
	Kind       Kind
}

// Result is the best match for one question.
type Result struct {
	QuestionID string
	// Text is the entry that matched: a phrasing, or the topic line.
	Text string
	Kind Kind
	// Matched holds the byte offsets in Text of the characters that matched
	// the query, in increasing order, for highlighting.
	Matched []int
	// Score ranks results: higher is better.
	Score int
}

// Index holds the entries to search. It is safe for concurrent reads.
type Index struct {
	entries []Entry
	// lower holds each entry's text in lower case, or "" where lowering
	// would move byte offsets (some non-ASCII letters change length).
	lower []string
	// letters holds, for each entry, the set of characters it contains (see
	// letterSet): an entry that lacks one of the query's characters cannot
	// match it, and is skipped before the fuzzy matcher runs.
	letters []uint64
	// question numbers each entry's question, so that results can be kept
	// one per question in a slice rather than a map.
	question  []int32
	questions int
}

// New returns an index over the entries. Earlier entries win ties.
func New(entries []Entry) *Index {
	ix := &Index{entries: entries, lower: make([]string, len(entries)), letters: make([]uint64, len(entries)),
		question: make([]int32, len(entries))}
	number := map[string]int32{}
	for i, e := range entries {
		n, ok := number[e.QuestionID]
		if !ok {
			n = int32(len(number))
			number[e.QuestionID] = n
		}
		ix.question[i] = n
		if l := strings.ToLower(e.Text); len(l) == len(e.Text) {
			ix.lower[i] = fold(l)
		}
		ix.letters[i] = letterSet(e.Text)
	}
	ix.questions = len(number)
	return ix
}

// FromBank lists the entries for every question of b: each phrasing, then a
// topic line made of its competency's name and its tags.
func FromBank(b *bank.Bank) []Entry {
	var out []Entry
	names := map[string]string{}
	for _, c := range b.Competencies() {
		names[c.ID] = c.Name
	}
	for _, q := range b.Questions() {
		for i, p := range q.Phrasings() {
			k := Canonical
			if i > 0 {
				k = Variant
			}
			out = append(out, Entry{QuestionID: q.ID, Text: p, Kind: k})
		}
		topic := names[q.Competency]
		if len(q.Tags) > 0 {
			topic += " · " + strings.Join(q.Tags, ", ")
		}
		out = append(out, Entry{QuestionID: q.ID, Text: topic, Kind: Topic})
	}
	return out
}

// Len returns the number of entries.
func (ix *Index) Len() int { return len(ix.entries) }

// letterSet maps the ASCII letters (either case) and digits of s to bits 0
// to 35, and any other character to bit 63.
func letterSet(s string) uint64 {
	var set uint64
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case 'a' <= c && c <= 'z':
			set |= 1 << (c - 'a')
		case 'A' <= c && c <= 'Z':
			set |= 1 << (c - 'A')
		case '0' <= c && c <= '9':
			set |= 1 << (26 + c - '0')
		case c >= 0x80:
			set |= 1 << 63
		}
	}
	return set
}

// candidates is the fuzzy.Source of the entries that may match a query.
type candidates struct {
	ix  *Index
	ids []int
}

func (c candidates) Len() int            { return len(c.ids) }
func (c candidates) String(i int) string { return c.ix.entries[c.ids[i]].Text }

// Ranking. Results come in two tiers. The word tier holds entries in which
// query words begin words ("mistake at work" finds "…made a mistake at
// work"), ranked by how many query words they hold, then by length; most of
// a multi-word query must be there, in any order. The fuzzy tier, from
// github.com/sahilm/fuzzy, holds entries that only contain the query's
// letters in order ("mstk"). Fuzzy matching runs only when the word tier
// finds fewer than fuzzyBelow questions: below good word matches, letter
// matches are noise, and for the short queries of the first keystrokes,
// which nearly every entry matches letter by letter, they cost the most.
const (
	wordTier    = 1 << 20 // above any fuzzy score
	perWord     = 1 << 12 // each query word found in the entry
	topicCost   = 1 << 11 // the match is in the topic line, not the wording
	variantCost = 10      // among equals, the canonical phrasing first
	fuzzyBelow  = 5
)

// Find returns at most limit questions that match query, best first, one
// result per question: its best-matching entry. An empty query finds nothing.
func (ix *Index) Find(query string, limit int) []Result {
	out, _ := ix.find(strings.TrimSpace(query), limit, nil)
	return out
}

// Session searches an index one keystroke at a time. When a query extends
// the last word of the previous one, only the entries that matched the
// previous one can match it, so only those are searched. A Session is not
// safe for concurrent use.
type Session struct {
	ix    *Index
	query string
	ids   []int // entries that matched query
}

// Session starts a typing session over the index.
func (ix *Index) Session() *Session { return &Session{ix: ix} }

// Find is Index.Find, narrowed by the previous query when it can be.
func (s *Session) Find(query string, limit int) []Result {
	query = strings.TrimSpace(query)
	var within []int
	if s.query != "" && strings.HasPrefix(query, s.query) && !strings.ContainsAny(query[len(s.query):], " \t") {
		within = s.ids
		if within == nil {
			within = []int{}
		}
	}
	out, ids := s.ix.find(query, limit, within)
	s.query, s.ids = query, ids
	return out
}

// needWords is how many of n query words an entry must begin words with to
// enter the word tier: all of one or two, then all but one in three.
func needWords(n int) int {
	return n - n/3
}

// find searches the entries listed in within, or all of them when within is
// nil. It also returns the entries that matched, in either tier.
func (ix *Index) find(query string, limit int, within []int) ([]Result, []int) {
	if query == "" || limit <= 0 {
		return nil, nil
	}
	lowerQuery := fold(strings.ToLower(query))
	words := wordForms(strings.Fields(lowerQuery))
	need := needWords(len(words))
	letters := letterSet(strings.ReplaceAll(query, " ", ""))
	// The best match so far of each question: an entry and its score.
	type hit struct {
		entry, score int
		fuzzy        []int // matched offsets, for fuzzy-tier hits
	}
	best := make([]hit, ix.questions)
	for i := range best {
		best[i].entry = -1
	}
	found := 0
	keep := func(h hit) {
		q := ix.question[h.entry]
		if best[q].entry < 0 {
			found++
		} else if h.score <= best[q].score {
			return
		}
		best[q] = h
	}
	var matched, rest []int
	visit := func(i int) {
		if n := wordCount(ix.lower[i], words, need); n >= need {
			keep(hit{entry: i, score: wordTier + n*perWord - len(ix.entries[i].Text) - cost(ix.entries[i].Kind)})
			matched = append(matched, i)
			return
		}
		if ix.letters[i]&letters == letters && subsequence(ix.lower[i], lowerQuery) {
			rest = append(rest, i)
		}
	}
	if within == nil {
		for i := range ix.entries {
			visit(i)
		}
	} else {
		for _, i := range within {
			visit(i)
		}
	}
	if found < fuzzyBelow && len(rest) > 0 {
		c := candidates{ix: ix, ids: rest}
		for _, m := range fuzzy.FindFromNoSort(query, c) {
			i := rest[m.Index]
			matched = append(matched, i)
			keep(hit{entry: i, score: m.Score - cost(ix.entries[i].Kind), fuzzy: m.MatchedIndexes})
		}
	} else {
		// Not searched now, but they may match the next keystroke's query
		// when it narrows to them.
		matched = append(matched, rest...)
	}
	hits := make([]hit, 0, found)
	for _, h := range best {
		if h.entry >= 0 {
			hits = append(hits, h)
		}
	}
	// Ties go to the earlier entry, so the order never depends on chance.
	order.Sort(len(hits), func(i, j int) bool {
		if hits[i].score != hits[j].score {
			return hits[i].score > hits[j].score
		}
		return hits[i].entry < hits[j].entry
	}, func(i, j int) { hits[i], hits[j] = hits[j], hits[i] })
	if len(hits) > limit {
		hits = hits[:limit]
	}
	out := make([]Result, len(hits))
	for k, h := range hits {
		e := ix.entries[h.entry]
		marks := h.fuzzy
		if marks == nil {
			marks = wordStarts(ix.lower[h.entry], words)
		} else {
			marks = append([]int(nil), marks...)
		}
		out[k] = Result{QuestionID: e.QuestionID, Text: e.Text, Kind: e.Kind, Matched: marks, Score: h.score}
	}
	slices.Sort(matched)
	return out, matched
}

func cost(k Kind) int {
	switch k {
	case Topic:
		return topicCost
	case Variant:
		return variantCost
	}
	return 0
}

// subsequence reports whether text may hold the bytes of q in order, which
// a fuzzy match needs. Both are in lower case; where text could not be
// lowered without moving offsets (it is ""), it answers yes and leaves the
// decision to the fuzzy matcher.
func subsequence(text, q string) bool {
	if text == "" {
		return true
	}
	for i := 0; i < len(q); i++ {
		j := strings.IndexByte(text, q[i])
		if j < 0 {
			return false
		}
		text = text[j+1:]
	}
	return true
}

// wordAt returns where w first begins a word of text, or -1.
func wordAt(text, w string) int {
	for from := 0; from < len(text); {
		i := strings.Index(text[from:], w)
		if i < 0 {
			return -1
		}
		i += from
		if i == 0 || !isWordByte(text[i-1]) {
			return i
		}
		from = i + 1
	}
	return -1
}

// wordCount returns how many query words begin a word of text (both in
// lower case and folded), in any of their forms, stopping early once fewer
// than need can be reached.
func wordCount(text string, words []wordForm, need int) int {
	if text == "" {
		return 0
	}
	found := 0
	for wi, f := range words {
		if found+len(words)-wi < need {
			return found
		}
		if _, at := formAt(text, f.match); at >= 0 {
			found++
		}
	}
	return found
}

// formAt returns the first of forms that begins a word of text, and where.
func formAt(text string, forms []string) (string, int) {
	for _, w := range forms {
		if at := wordAt(text, w); at >= 0 {
			return w, at
		}
	}
	return "", -1
}

// wordStarts returns the byte offsets of the characters of every query word
// where it first begins a word of text, in order, for highlighting.
func wordStarts(text string, words []wordForm) []int {
	var hits []int
	for _, f := range words {
		w, at := formAt(text, f.show)
		if at < 0 {
			continue
		}
		for k := 0; k < len(w); k++ {
			if utf8.RuneStart(text[at+k]) {
				hits = append(hits, at+k)
			}
		}
	}
	slices.Sort(hits)
	return compact(hits)
}

// fold spells the way British and American English differ alike, without
// moving a byte: every z becomes s, so that "prioritize" finds
// "prioritise" and "organise" finds "organized". Text and query are both
// folded; a word with a real z matches its own folded self.
func fold(s string) string {
	if strings.IndexByte(s, 'z') < 0 {
		return s
	}
	return strings.ReplaceAll(s, "z", "s")
}

// wordForm is a query word and the forms it may take in the text: the
// word; without its hyphens ("co-worker" finds "coworker"); and without a
// final e ("prioritise" finds "prioritisation", "manage" finds "manager").
type wordForm struct {
	// show lists the forms longest first, to highlight the most of a match.
	show []string
	// match lists the fewest forms that find the same: a form without its
	// final e finds all the form with it finds.
	match []string
}

// wordForms returns the forms of each query word. Each form is the word
// typed so far, only shorter or plainer, so a Session's narrowing holds.
func wordForms(words []string) []wordForm {
	out := make([]wordForm, len(words))
	for i, w := range words {
		f := &out[i]
		for _, base := range []string{w, strings.ReplaceAll(w, "-", "")} {
			if base == "" || len(f.show) > 0 && base == f.show[0] {
				continue
			}
			f.show = append(f.show, base)
			if len(base) >= 5 && strings.HasSuffix(base, "e") {
				f.show = append(f.show, base[:len(base)-1])
				f.match = append(f.match, base[:len(base)-1])
			} else {
				f.match = append(f.match, base)
			}
		}
	}
	return out
}

// compact drops repeated offsets (two query words matching the same place).
func compact(s []int) []int {
	out := s[:0]
	for i, v := range s {
		if i == 0 || v != s[i-1] {
			out = append(out, v)
		}
	}
	return out
}

// isWordByte reports whether b is part of a word: a letter, a digit, or a
// byte of a multi-byte character.
func isWordByte(b byte) bool {
	return b >= 0x80 || b == '\'' || ('a' <= b && b <= 'z') || ('0' <= b && b <= '9')
}

// Segment is a piece of a result's text, marked when it matched the query.
type Segment struct {
	Text    string
	Matched bool
}

// Segments cuts text into runs of matched and unmatched characters, given
// the byte offsets of the matched ones, so a view can highlight them as text.
// Offsets outside text or not at the start of a character are ignored.
func Segments(text string, matched []int) []Segment {
	var out []Segment
	start, j := 0, 0
	inMatch := false
	for i := range text {
		for j < len(matched) && matched[j] < i {
			j++
		}
		m := j < len(matched) && matched[j] == i
		if i > 0 && m != inMatch {
			out = append(out, Segment{Text: text[start:i], Matched: inMatch})
			start = i
		}
		inMatch = m
	}
	if start < len(text) {
		out = append(out, Segment{Text: text[start:], Matched: inMatch})
	}
	return out
}
