// Package bank loads, looks up and validates stardrill's question bank.
//
// The bank is a set of human-edited text files, one per competency, in the
// format described in content/README.md. Load parses them; Validate runs the
// editorial checks that the bank's tests enforce; Encode and Decode write and
// read the compiled form the browser loads. Questions a
// user writes in the browser use the same model with Source set to Mine and are
// added to a bank view with With.
//
// The package is pure Go and keeps its loader small: it uses no regexp and no
// encoding/json outside WriteJSONLines.
package bank

import (
	"errors"
	"maps"
	"slices"
	"strings"
	"sync"
)

// Level is the seniority a question suits.
type Level string

// The levels a question may name on its Level: line.
const (
	Entry       Level = "entry"
	Experienced Level = "experienced"
	Manager     Level = "manager"
)

// Source says where a question comes from.
type Source string

// The sources of a question.
const (
	BuiltIn Source = "built-in" // shipped in content/
	Mine    Source = "mine"     // written by the user in the browser
)

// CustomPrefix starts the ID of every question a user writes, so that custom
// IDs can never collide with built-in ones.
const CustomPrefix = "mine-"

// Point is one thing a good answer must cover, with the cues that show an
// answer covers it. A cue is matched on whole words, ignoring case; a cue word
// ending in * matches any word that starts with the rest.
type Point struct {
	ID   string // "<question ID>/<n>", n counting from 1 in file order; stable
	Text string
	Cues []string
}

// Question is one interview question with its coaching notes.
type Question struct {
	ID         string // stable slug; saved attempts point at it
	Competency string // competency ID
	Text       string // canonical phrasing
	Variants   []string
	Assesses   []string
	MustCover  []Point
	Pitfalls   []string
	Tip        string
	Levels     []Level
	Tags       []string
	Source     Source
}

// Phrasings returns the canonical phrasing followed by the variants.
func (q Question) Phrasings() []string {
	p := make([]string, 0, 1+len(q.Variants))
	return append(append(p, q.Text), q.Variants...)
}

// Competency is a skill interviewers probe, such as owning mistakes.
type Competency struct {
	ID    string // slug, also the file name without .md
	Name  string // display name
	About string // one sentence
}

// Example is a sample answer to a question, shown after a first attempt.
type Example struct {
	Competency string
	QuestionID string
	Strong     bool   // a model answer; false for an answer to learn from
	Answer     string // paragraphs separated by "\n\n"
	Why        string // why the answer works or fails
}

// Phrasing is one way of asking a question, for search.
type Phrasing struct {
	QuestionID string
	Text       string
	Variant    int // 0 for the canonical phrasing, then 1, 2, ... for variants
}

// Bank is a loaded question bank. It is read-only and safe for concurrent use;
// the slices it returns are fresh, but the questions in them share their own
// slices with the bank and must not be modified.
type Bank struct {
	comps     []Competency   // sorted by name
	compIndex map[string]int // competency ID -> index in comps
	byComp    [][]Question   // parallel to comps: built-in in file order, then custom
	byID      map[string]*Question
	examples  map[string][]Example
	files     map[string]*file // competency ID -> parsed file, for Validate

	normOnce sync.Once
	norm     map[string]string // see normalized
}

// Question returns the question with the given ID.
func (b *Bank) Question(id string) (Question, bool) {
	q, ok := b.byID[id]
	if !ok {
		return Question{}, false
	}
	return *q, true
}

// Questions returns every question in competency order (see Competencies) and,
// within a competency, built-in questions in file order followed by the user's.
func (b *Bank) Questions() []Question {
	n := 0
	for _, qs := range b.byComp {
		n += len(qs)
	}
	all := make([]Question, 0, n)
	for _, qs := range b.byComp {
		all = append(all, qs...)
	}
	return all
}

// Competencies returns the competencies sorted by name.
func (b *Bank) Competencies() []Competency { return slices.Clone(b.comps) }

// Competency returns the competency with the given ID.
func (b *Bank) Competency(id string) (Competency, bool) {
	i, ok := b.compIndex[id]
	if !ok {
		return Competency{}, false
	}
	return b.comps[i], true
}

// InCompetency returns the questions of the competency with the given ID, in
// the order of Questions, or nil if there is no such competency.
func (b *Bank) InCompetency(id string) []Question {
	i, ok := b.compIndex[id]
	if !ok {
		return nil
	}
	return slices.Clone(b.byComp[i])
}

// Examples returns the example answers of the competency with the given ID, in
// file order.
func (b *Bank) Examples(competency string) []Example {
	return slices.Clone(b.examples[competency])
}

// Phrasings returns every phrasing of every question, in the order of
// Questions, for search.
func (b *Bank) Phrasings() []Phrasing {
	n := 0
	for _, qs := range b.byComp {
		for _, q := range qs {
			n += 1 + len(q.Variants)
		}
	}
	ps := make([]Phrasing, 0, n)
	for _, qs := range b.byComp {
		for _, q := range qs {
			ps = append(ps, Phrasing{QuestionID: q.ID, Text: q.Text})
			for v, p := range q.Variants {
				ps = append(ps, Phrasing{QuestionID: q.ID, Text: p, Variant: v + 1})
			}
		}
	}
	return ps
}

// With returns a view of b that also holds the user's own questions. Each
// custom question gets Source Mine and is placed after the questions of its
// competency. Questions that fail ValidateCustom (checked against b and the
// custom questions before them) are left out, and err joins the reasons; the
// returned bank is never nil. b itself is unchanged.
func (b *Bank) With(custom []Question) (*Bank, error) {
	nb := &Bank{
		comps:     b.comps,
		compIndex: b.compIndex,
		byComp:    make([][]Question, len(b.byComp)),
		byID:      maps.Clone(b.byID), // grows with each accepted question, for the ID check
		examples:  b.examples,
		files:     b.files,
		norm:      maps.Clone(b.normalized()), // grows likewise; normalized keeps it
	}
	for i, qs := range b.byComp {
		nb.byComp[i] = slices.Clip(qs)
	}
	var refused []string
	for _, q := range custom {
		q.Source = Mine
		q.Text = strings.TrimSpace(q.Text)
		if err := nb.validateCustom(q, nb.norm); err != nil {
			refused = append(refused, quote(q.Text)+": "+err.Error())
			continue
		}
		for _, p := range q.Phrasings() {
			nb.norm[normalize(p)] = p
		}
		i := nb.compIndex[q.Competency]
		nb.byComp[i] = append(nb.byComp[i], q)
		nb.byID[q.ID] = &q
	}
	if len(refused) > 0 {
		// One line each, as errors.Join would write them (which app.wasm
		// does not otherwise need).
		return nb, errors.New(strings.Join(refused, "\n"))
	}
	return nb, nil
}

// ValidateCustom checks a question the user wrote before it is saved or added
// with With. It needs only ID, Competency and Text; variants, if any, follow the
// rules of Text. The error is a sentence the user can act on.
func (b *Bank) ValidateCustom(q Question) error {
	return b.validateCustom(q, b.normalized())
}

// normalized maps each normalized phrasing of b to the phrasing, the last one
// in the order of Phrasings where two normalize alike. It is made on first use
// (a bank made by With starts with it), as only custom questions need it.
func (b *Bank) normalized() map[string]string {
	b.normOnce.Do(b.fillNorm)
	return b.norm
}

func (b *Bank) fillNorm() {
	if b.norm != nil {
		return
	}
	b.norm = make(map[string]string, 4*len(b.byID))
	for _, qs := range b.byComp {
		for _, q := range qs {
			b.norm[normalize(q.Text)] = q.Text
			for _, p := range q.Variants {
				b.norm[normalize(p)] = p
			}
		}
	}
}

func (b *Bank) validateCustom(q Question, known map[string]string) error {
	if !strings.HasPrefix(q.ID, CustomPrefix) || !isSlug(q.ID) {
		return errors.New("The question has no valid ID; save it again to get a new one.")
	}
	if _, ok := b.byID[q.ID]; ok {
		return errors.New("A question with the same ID already exists; save it again to get a new one.")
	}
	if _, ok := b.compIndex[q.Competency]; !ok {
		return errors.New("Choose a competency for the question.")
	}
	seen := make(map[string]bool, 1+len(q.Variants))
	for _, p := range q.Phrasings() {
		p = strings.TrimSpace(p)
		if len(strings.Fields(p)) < 4 {
			return errors.New("Write the question in at least 4 words.")
		}
		if len(p) > maxCustomLen {
			return errors.New("Keep the question under " + itoa(maxCustomLen) + " characters.")
		}
		n := normalize(p)
		if seen[n] {
			return errors.New("Two phrasings of the question are the same; remove one.")
		}
		seen[n] = true
		if o, ok := known[n]; ok {
			return errors.New("This question is already in the bank: " + quote(o))
		}
	}
	return nil
}

// maxCustomLen is the longest phrasing, in bytes, a user may write.
const maxCustomLen = 300

// Closest returns the question whose phrasing shares the largest part of its
// words with text (Jaccard similarity of the normalized word sets), and that
// share, from 0 to 1. On an empty bank or text the share is 0.
func (b *Bank) Closest(text string) (Question, float64) {
	want := wordSet(text)
	var best Question
	bestScore := 0.0
	if len(want) == 0 {
		return best, 0
	}
	for _, qs := range b.byComp {
		for _, q := range qs {
			for _, p := range q.Phrasings() {
				if s := jaccard(want, wordSet(p)); s > bestScore {
					best, bestScore = q, s
				}
			}
		}
	}
	return best, bestScore
}
