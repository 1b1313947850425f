// Package star gives feedback on answers to behavioral interview questions
// written in the STAR shape: Situation, Task, Action, Result.
//
// Analyze reads an answer, optionally against the question's rubric, and
// returns a Report: an overall score from 0 to 100, which STAR parts are
// present with the text that shows them, signals such as ownership, blame,
// a lesson and a quantified result, the sentences with the part each plays,
// what is working, and tips ranked by how much they would help.
//
// The engine is deterministic, runs offline in a few hundred microseconds
// for a typical answer, and explains itself: every part, signal and tip
// points at byte offsets of the analyzed text. It reads English only; text
// it does not recognize as English prose scores low with a tip saying so.
//
// # How it reads an answer
//
// The text is split into sentences (on end punctuation, blank lines, line
// breaks that start a new clause and bullet markers; long runs without
// punctuation are cut at clause openers such as "I", "then" or "so"), and
// sentences into clauses (at commas and similar marks, and at "and", "but",
// "so", "which", "because", "when" ... when a new clause follows). Each
// clause is scored for the five roles it can play (situation, task,
// action, result, lesson) from its words: who the subject is and the tense
// of its verb ("I called" is an action by the speaker, "we called" one by
// the team, "I would call" is hypothetical, "I was asked to" is a task,
// "the team was" is background), phrase lexicons (time and context
// markers, responsibility, outcome markers, lessons, blame, denial, hedges)
// and numbers. Its position adjusts the scores: context comes first,
// outcomes and lessons follow actions, so an outcome word before the first
// action reads as setup (unless the answer opens with a measured result,
// headline first). The clause takes the role with the highest score if
// that score clears a threshold; a sentence takes the role that covers
// most of it.
//
// A story told in the present tense ("so I grab the logs, I find the bug")
// or in the present perfect ("last year I have met each developer") is read
// as the same story in the simple past: its verbs are put in the past and
// its clauses read again (tense.go). A routine ("every Monday I review…")
// is not a story.
//
// The overall score weighs the parts (action most, then result, situation
// and task), a lesson, specifics and rubric coverage, then applies caps and
// penalties for what an interviewer would mark down: no action by the
// speaker, all "we" and no "I", no result (at most 50), denial, a
// hypothetical answer, blame, fillers, vagueness (at most 50 when no name,
// number or date makes it one real story), too much setup, an answer that
// is too short or too long, or one that is off the question.
//
// # Report contract
//
// The JSON form of Report is a documented contract (used by the review
// command and by stored attempts). Field names are fixed; scores are
// integers from 0 to 100; spans are half-open byte ranges [start, end) into
// the analyzed text (the answer, or Join(fields) in guided mode), always on
// rune boundaries. Signals:
//
//   - ownership: "i" when the speaker tells at least one action of their own
//     with "I" (or as a subjectless bullet in a first-person answer), "we"
//     when every action is told with "we" (the answer hides the speaker; the
//     score is capped at 50 and the top tip is "use-i"), "none" when there
//     is no first-person action at all. iActions and weActions count the
//     clauses behind it.
//   - blame, denial, hypothetical, lesson, quantified, accountable, vague,
//     offTopic, unrecognized: booleans, see Signals.
//   - words, speakingSeconds (at 150 words a minute), setupShare (share of
//     words spent on context, 0 to 1, two decimals), hedges (count of
//     fillers), specifics (count of numbers, dates, names and other
//     concrete details).
//
// Tip IDs are stable: truncated, unreadable, tell-a-story, off-topic,
// own-it, past-not-hypothetical, full-sentences, add-action, use-i,
// no-blame, add-result, quantify, add-lesson, add-situation, add-task,
// too-short, too-long, too-much-setup, be-specific, cut-fillers and
// cover-point:<point ID>. Impact estimates the points a tip would add; the
// list is sorted by it, so the first two tips are the ones to show.
//
// Strength IDs: clear-context, clear-task, own-actions, owns-mistake,
// measurable-result, clear-result, lesson, good-length, specific,
// covers-points.
//
// # Calibration
//
// testdata/answers.txt holds labelled example answers (strong or weak, with
// the parts and signals each must show) across competencies, including
// the hard cases: blame in a STAR shape, all "we", hypothetical, numbers
// only in the setup, long setup without action, actions without result,
// very short, bullet points, no punctuation and short strong answers.
// testdata/heldout.txt holds answers written after tuning, to estimate how
// the engine does on text it was not shaped around.
package star

import "strings"

// Version is the version of the scoring. It changes whenever the same answer
// could get a different report; stored reports with an older version should
// be recomputed from their answers.
const Version = 6

// MaxBytes is the length of text the engine reads. A longer answer is cut at
// the last space before this limit, the report sets Truncated and a tip says
// so. 64 KiB is roughly 11,000 words, over an hour of speaking.
const MaxBytes = 64 << 10

// Part is the role a sentence plays in a STAR answer.
type Part string

// The roles a sentence can play.
const (
	Situation Part = "situation"
	Task      Part = "task"
	Action    Part = "action"
	Result    Part = "result"
	Lesson    Part = "lesson"
	Other     Part = "other"
)

// Rubric is what a question from the bank expects of an answer.
type Rubric struct {
	Competency string  // the competency's name or ID, such as "mistakes"
	Question   string  // the canonical question text, used to notice an off-topic answer
	Points     []Point // the must-cover points
}

// Point is one must-cover point of a rubric.
type Point struct {
	ID   string // stable ID, used in the tip "cover-point:<ID>"
	Text string // the point as shown to the user
	// Cues are words and phrases that show an answer covers the point. They
	// match whole words, ignoring case; a word ending in '*' matches any
	// word starting with it ("apologi*"); a cue of several words matches
	// them in a row, and one that opens with "I" or "we" ("I asked") also
	// matches that subject's verb with words between ("I then asked"). The
	// cues CueResult and CueLesson match what the analysis reads rather
	// than words.
	Cues []string
}

// Cues met by the analysis rather than by words: a point about how the
// story ended is covered by any result the answer reports ("the queue was
// gone by noon"), one about what the speaker took from it by any lesson,
// however they are worded.
const (
	CueResult = "(result)"
	CueLesson = "(lesson)"
)

// Input is what Analyze reads.
type Input struct {
	Answer string  // the answer as free text
	Fields *Fields // guided mode: if non-nil, Answer is ignored and Join(*Fields) is analyzed
	Rubric *Rubric // optional
}

// Fields are the four boxes of the guided mode.
type Fields struct {
	Situation, Task, Action, Result string
}

// Span is a half-open byte range [Start, End) of the analyzed text.
type Span struct {
	Start int `json:"start"`
	End   int `json:"end"`
}

// PartReport says whether one STAR part is present, how well it is done
// (0 to 100) and which spans show it.
type PartReport struct {
	Present  bool   `json:"present"`
	Score    int    `json:"score"`
	Evidence []Span `json:"evidence"`
}

// Parts holds the report for each STAR part.
type Parts struct {
	Situation PartReport `json:"situation"`
	Task      PartReport `json:"task"`
	Action    PartReport `json:"action"`
	Result    PartReport `json:"result"`
}

// Signals are the answer-level observations behind the score.
type Signals struct {
	// Ownership is "i", "we" or "none"; see the package documentation.
	Ownership string `json:"ownership"`
	IActions  int    `json:"iActions"`  // clauses with an action by the speaker
	WeActions int    `json:"weActions"` // clauses with an action told with "we"
	// Blame: others or circumstances are named as the cause, or colleagues
	// are disparaged.
	Blame bool `json:"blame"`
	// Denial: the answer claims there is no such story ("I've never really
	// made a serious mistake").
	Denial bool `json:"denial"`
	// Hypothetical: the answer says what the speaker would or usually does
	// instead of what happened.
	Hypothetical bool `json:"hypothetical"`
	Lesson       bool `json:"lesson"`     // a lesson learned or a change made so it does not recur
	Quantified   bool `json:"quantified"` // the outcome (not only the setup) has a number
	// Accountable: the speaker names an error as their own ("my mistake",
	// "I missed", "I should have").
	Accountable     bool    `json:"accountable"`
	Words           int     `json:"words"`
	SpeakingSeconds int     `json:"speakingSeconds"` // at 150 words a minute
	SetupShare      float64 `json:"setupShare"`      // share of words spent on context, 0 to 1
	Hedges          int     `json:"hedges"`          // fillers such as "kind of", "basically", "I guess"
	Specifics       int     `json:"specifics"`       // numbers, dates, names and other concrete details
	Vague           bool    `json:"vague"`           // generic statements outweigh specifics
	OffTopic        bool    `json:"offTopic"`        // nothing relates to the question, or it asks for a failure and none is told
	// Unrecognized: the text does not read as English prose (lorem ipsum,
	// another language, a list of keywords).
	Unrecognized bool `json:"unrecognized"`
}

// Sentence is one sentence of the analyzed text and the part it plays.
type Sentence struct {
	Start int  `json:"start"`
	End   int  `json:"end"`
	Part  Part `json:"part"`
}

// Strength is something the answer does well.
type Strength struct {
	ID      string `json:"id"`
	Message string `json:"message"`
}

// Tip is one change that would improve the answer. Impact estimates the
// points it would add; tips are sorted by Impact, highest first. Start and
// End locate the text the tip is about, or, when Start equals End, the place
// where something should be added.
type Tip struct {
	ID      string `json:"id"`
	Message string `json:"message"`
	Start   int    `json:"start"`
	End     int    `json:"end"`
	Impact  int    `json:"impact"`
}

// Coverage reports whether the answer covers one rubric point.
type Coverage struct {
	ID       string `json:"id"`
	Text     string `json:"text"`
	Covered  bool   `json:"covered"`
	Evidence []Span `json:"evidence"`
}

// Report is the feedback on one answer.
type Report struct {
	Version   int        `json:"version"`
	Score     int        `json:"score"`
	Parts     Parts      `json:"parts"`
	Signals   Signals    `json:"signals"`
	Sentences []Sentence `json:"sentences"`
	Strengths []Strength `json:"strengths"`
	Tips      []Tip      `json:"tips"`
	Coverage  []Coverage `json:"coverage"`
	Truncated bool       `json:"truncated"`
}

// fieldSep joins the guided-mode fields.
const fieldSep = "\n\n"

// Join returns the text analyzed in guided mode: the fields that are not
// blank, trimmed of surrounding white space, joined by a blank line in
// Situation, Task, Action, Result order. Offsets in the report refer to it.
func Join(f Fields) string {
	text, _ := joinFields(f)
	return text
}

// joinFields is Join that also returns the byte range of each field in the
// text (an empty range for a blank field).
func joinFields(f Fields) (string, [4]span) {
	var spans [4]span
	parts := [4]string{strings.TrimSpace(f.Situation), strings.TrimSpace(f.Task), strings.TrimSpace(f.Action), strings.TrimSpace(f.Result)}
	n := 0
	for _, p := range parts {
		n += len(p) + len(fieldSep)
	}
	b := make([]byte, 0, n)
	for i, p := range parts {
		if p == "" {
			spans[i] = span{len(b), len(b)}
			continue
		}
		if len(b) > 0 {
			b = append(b, fieldSep...)
		}
		spans[i] = span{len(b), len(b) + len(p)}
		b = append(b, p...)
	}
	return string(b), spans
}

// Split divides a free-text answer into the four guided-mode fields by the
// part each of its sentences plays, as a report of that same text gives
// them: a sentence goes to its part's field, a lesson to Result, a sentence
// of no part to the field of the sentence before it. No sentence goes to an
// earlier field than the one before it, so the text keeps its order and
// Join gives back every word of it. Sentences that do not fit the text (a
// report of other text) put it all in Situation.
func Split(text string, sentences []Sentence) Fields {
	var fields [4]string
	field, next := 0, 0
	for i, s := range sentences {
		if s.Start < next || s.End < s.Start || s.End > len(text) {
			return Fields{Situation: strings.TrimSpace(text)}
		}
		switch s.Part {
		case Task:
			field = max(field, 1)
		case Action:
			field = max(field, 2)
		case Result, Lesson:
			field = 3
		}
		end := len(text)
		if i+1 < len(sentences) {
			end = max(sentences[i+1].Start, s.End)
		}
		fields[field] += text[next:min(end, len(text))]
		next = min(end, len(text))
	}
	fields[field] += text[next:]
	return Fields{strings.TrimSpace(fields[0]), strings.TrimSpace(fields[1]), strings.TrimSpace(fields[2]), strings.TrimSpace(fields[3])}
}
