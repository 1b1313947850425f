// Package search finds questions as a person types, with fuzzy matching
// (github.com/sahilm/fuzzy) over every phrasing of every question and over
// each question's topic: its competency and tags.
package search

import (
	"sort"
	"strings"
	"unicode/utf8"

	"github.com/sahilm/fuzzy"

	"stardrill/app/bank"
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
}

// New returns an index over the entries. Earlier entries win ties.
func New(entries []Entry) *Index {
	ix := &Index{entries: entries, lower: make([]string, len(entries)), letters: make([]uint64, len(entries))}
	for i, e := range entries {
		if l := strings.ToLower(e.Text); len(l) == len(e.Text) {
			ix.lower[i] = l
		}
		ix.letters[i] = letterSet(e.Text)
	}
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

// Ranking. Fuzzy matching alone commits to the earliest letters it can, so
// "mistake" matches "Tell me about a time…" letter by letter before it
// reaches the word itself. Results are therefore ranked in tiers: an entry
// in which every word of the query starts a word beats one that only holds
// the query's letters in order, and a question's wording beats its topic.
const (
	wordTier    = 4000 // every query word begins a word of the entry
	topicCost   = 2000 // the match is in the topic line, not the wording
	variantCost = 10   // among equals, the canonical phrasing first
)

// Find returns at most limit questions that match query, best first, one
// result per question: its best-matching entry. An empty query finds nothing.
func (ix *Index) Find(query string, limit int) []Result {
	out, _ := ix.find(strings.TrimSpace(query), limit, nil)
	return out
}

// Session searches an index one keystroke at a time. When a query extends
// the previous one, only the entries that matched the previous one can match
// it, so only those are searched. A Session is not safe for concurrent use.
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
	if s.query != "" && strings.HasPrefix(query, s.query) {
		within = s.ids
		if within == nil {
			within = []int{}
		}
	}
	out, ids := s.ix.find(query, limit, within)
	s.query, s.ids = query, ids
	return out
}

// find searches the entries listed in within, or all of them when within is
// nil. It also returns the entries that matched.
func (ix *Index) find(query string, limit int, within []int) ([]Result, []int) {
	if query == "" || limit <= 0 {
		return nil, nil
	}
	words := strings.Fields(strings.ToLower(query))
	need := letterSet(strings.ReplaceAll(query, " ", ""))
	c := candidates{ix: ix, ids: make([]int, 0, len(ix.entries))}
	if within == nil {
		for i, set := range ix.letters {
			if set&need == need {
				c.ids = append(c.ids, i)
			}
		}
	} else {
		for _, i := range within {
			if ix.letters[i]&need == need {
				c.ids = append(c.ids, i)
			}
		}
	}
	matches := fuzzy.FindFromNoSort(query, c)
	matched := make([]int, 0, len(matches))
	best := make(map[string]int, len(matches)) // question ID → index in out
	out := make([]Result, 0, len(matches))
	for _, m := range matches {
		id := c.ids[m.Index]
		matched = append(matched, id)
		e := ix.entries[id]
		r := Result{QuestionID: e.QuestionID, Text: e.Text, Kind: e.Kind, Matched: m.MatchedIndexes, Score: m.Score}
		if hits := wordStarts(ix.lower[id], words); hits != nil {
			r.Matched = hits
			r.Score = wordTier - len(e.Text)
		}
		switch e.Kind {
		case Topic:
			r.Score -= topicCost
		case Variant:
			r.Score -= variantCost
		}
		if i, ok := best[e.QuestionID]; ok {
			if r.Score > out[i].Score {
				out[i] = r
			}
			continue
		}
		best[e.QuestionID] = len(out)
		out = append(out, r)
	}
	// The matches come in entry order, so a stable sort keeps earlier
	// entries first among equal scores.
	sort.SliceStable(out, func(i, j int) bool { return out[i].Score > out[j].Score })
	if len(out) > limit {
		out = out[:limit]
	}
	for i := range out {
		out[i].Matched = append([]int(nil), out[i].Matched...)
	}
	return out, matched
}

// wordStarts returns the byte offsets of every query word where it first
// begins a word of text (both in lower case), or nil unless all words do.
func wordStarts(text string, words []string) []int {
	if text == "" {
		return nil
	}
	var hits []int
	for _, w := range words {
		at := -1
		for from := 0; from < len(text); {
			i := strings.Index(text[from:], w)
			if i < 0 {
				break
			}
			i += from
			if i == 0 || !isWordByte(text[i-1]) {
				at = i
				break
			}
			from = i + 1
		}
		if at < 0 {
			return nil
		}
		for k := 0; k < len(w); k++ {
			if utf8.RuneStart(text[at+k]) {
				hits = append(hits, at+k)
			}
		}
	}
	sort.Ints(hits)
	return hits
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
