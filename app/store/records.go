package store

import (
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// MaxField is the largest text field, in bytes of UTF-8, that a record may
// hold. A two-minute answer is about 1,500 characters, so this only stops
// accidents such as pasting a whole document.
const MaxField = 1 << 20

// maxID is the longest ID, in bytes.
const maxID = 128

// Settings are the user's preferences. The zero value of a field means its
// default (see DefaultSettings); saved settings always have every field set.
type Settings struct {
	Theme         string    `json:"theme,omitempty"`  // "system", "light" or "dark"
	TargetSeconds int       `json:"target,omitempty"` // answer length to aim for, 10..3600
	Mode          string    `json:"mode,omitempty"`   // "free" or "guided"
	UpdatedAt     time.Time `json:"updated,omitzero"` // set by the caller; Import keeps the newer settings
}

// DefaultSettings returns the settings of someone who never changed any.
func DefaultSettings() Settings {
	return Settings{Theme: "system", TargetSeconds: 120, Mode: "free"}
}

// Fields is an answer written in guided mode, one box per STAR part.
type Fields struct {
	Situation string `json:"situation,omitempty"`
	Task      string `json:"task,omitempty"`
	Action    string `json:"action,omitempty"`
	Result    string `json:"result,omitempty"`
}

// Attempt is one saved answer. The feedback report is not stored: it is
// recomputed from Answer by the feedback engine whose version is Engine.
type Attempt struct {
	ID         string    `json:"id"`                   // from NewID; letters, digits, '-', '_', '.'
	QuestionID string    `json:"question"`             // built-in slug or custom question ID
	Phrasing   string    `json:"phrasing,omitempty"`   // the wording the user saw
	Competency string    `json:"competency,omitempty"` // competency ID
	Mode       string    `json:"mode,omitempty"`       // "free" or "guided" (not checked)
	Answer     string    `json:"answer,omitempty"`     // the whole answer text
	Fields     *Fields   `json:"fields,omitempty"`     // the guided-mode boxes, if any
	StartedAt  time.Time `json:"started,omitzero"`
	SavedAt    time.Time `json:"saved"`             // required; Import keeps the newer copy by it
	Seconds    int       `json:"seconds,omitempty"` // time spent answering, >= 0
	Grade      string    `json:"grade,omitempty"`   // "", "again", "hard", "good" or "easy"
	Score      int       `json:"score,omitempty"`   // 0..100, from the feedback engine
	Engine     int       `json:"engine,omitempty"`  // version of the feedback engine that scored it
}

// Draft is an unfinished answer, at most one per question.
type Draft struct {
	QuestionID string    `json:"question"`
	Phrasing   string    `json:"phrasing,omitempty"`
	Mode       string    `json:"mode,omitempty"`
	Answer     string    `json:"answer,omitempty"`
	Fields     *Fields   `json:"fields,omitempty"`
	Seconds    int       `json:"seconds,omitempty"`
	UpdatedAt  time.Time `json:"updated"` // required; Import keeps the newer copy by it
}

// Question is a question the user wrote.
type Question struct {
	ID         string    `json:"id"`
	Competency string    `json:"competency,omitempty"`
	Text       string    `json:"text"`
	CreatedAt  time.Time `json:"created"`          // required
	UpdatedAt  time.Time `json:"updated,omitzero"` // last edit; zero means never edited
}

// changed returns the time Import compares to decide which copy is newer.
func (q Question) changed() time.Time {
	if q.UpdatedAt.IsZero() {
		return q.CreatedAt
	}
	return q.UpdatedAt
}

// Wire forms: each record is stored with its record version "v" first.
type (
	settingsWire struct {
		V int `json:"v"`
		Settings
	}
	attemptWire struct {
		V int `json:"v"`
		Attempt
	}
	draftWire struct {
		V int `json:"v"`
		Draft
	}
	questionWire struct {
		V int `json:"v"`
		Question
	}
)

// normalize fills defaults and puts times in UTC, so that a record in memory
// is exactly what decoding its stored form gives.
func (s *Settings) normalize() {
	d := DefaultSettings()
	if s.Theme == "" {
		s.Theme = d.Theme
	}
	if s.TargetSeconds == 0 {
		s.TargetSeconds = d.TargetSeconds
	}
	if s.Mode == "" {
		s.Mode = d.Mode
	}
	s.UpdatedAt = utc(s.UpdatedAt)
}

func (a *Attempt) normalize() {
	a.Fields = copyFields(a.Fields)
	a.StartedAt = utc(a.StartedAt)
	a.SavedAt = utc(a.SavedAt)
}

func (d *Draft) normalize() {
	d.Fields = copyFields(d.Fields)
	d.UpdatedAt = utc(d.UpdatedAt)
}

func (q *Question) normalize() {
	q.CreatedAt = utc(q.CreatedAt)
	q.UpdatedAt = utc(q.UpdatedAt)
}

func utc(t time.Time) time.Time {
	if t.IsZero() {
		return time.Time{}
	}
	return t.UTC()
}

func copyFields(f *Fields) *Fields {
	if f == nil {
		return nil
	}
	c := *f
	return &c
}

// Validation. Each check returns a sentence fragment such as
// `grade "meh" is not one of again, hard, good, easy`; callers add where the
// record was and what to do.

func (s Settings) validate() error {
	switch s.Theme {
	case "system", "light", "dark":
	default:
		return fmt.Errorf("theme %q is not one of system, light, dark", s.Theme)
	}
	if s.TargetSeconds < 10 || s.TargetSeconds > 3600 {
		return fmt.Errorf("target time %d seconds is not between 10 and 3600", s.TargetSeconds)
	}
	switch s.Mode {
	case "free", "guided":
	default:
		return fmt.Errorf("mode %q is not one of free, guided", s.Mode)
	}
	return checkTime("updated time", s.UpdatedAt, false)
}

func (a Attempt) validate() error {
	if err := checkID("ID", a.ID); err != nil {
		return err
	}
	if err := checkID("question ID", a.QuestionID); err != nil {
		return err
	}
	if err := checkTexts(
		"phrasing", a.Phrasing, "competency", a.Competency, "mode", a.Mode, "answer", a.Answer,
	); err != nil {
		return err
	}
	if err := a.Fields.validate(); err != nil {
		return err
	}
	if err := checkTime("start time", a.StartedAt, false); err != nil {
		return err
	}
	if err := checkTime("saved time", a.SavedAt, true); err != nil {
		return err
	}
	if a.Seconds < 0 {
		return fmt.Errorf("seconds is %d; it cannot be negative", a.Seconds)
	}
	switch a.Grade {
	case "", "again", "hard", "good", "easy":
	default:
		return fmt.Errorf("grade %q is not one of again, hard, good, easy", a.Grade)
	}
	if a.Score < 0 || a.Score > 100 {
		return fmt.Errorf("score is %d; it must be between 0 and 100", a.Score)
	}
	if a.Engine < 0 {
		return fmt.Errorf("engine version is %d; it cannot be negative", a.Engine)
	}
	return nil
}

func (d Draft) validate() error {
	if err := checkID("question ID", d.QuestionID); err != nil {
		return err
	}
	if err := checkTexts("phrasing", d.Phrasing, "mode", d.Mode, "answer", d.Answer); err != nil {
		return err
	}
	if err := d.Fields.validate(); err != nil {
		return err
	}
	if d.Seconds < 0 {
		return fmt.Errorf("seconds is %d; it cannot be negative", d.Seconds)
	}
	return checkTime("updated time", d.UpdatedAt, true)
}

func (q Question) validate() error {
	if err := checkID("ID", q.ID); err != nil {
		return err
	}
	if q.Text == "" {
		return fmt.Errorf("question text is empty")
	}
	if err := checkTexts("question text", q.Text, "competency", q.Competency); err != nil {
		return err
	}
	if err := checkTime("created time", q.CreatedAt, true); err != nil {
		return err
	}
	return checkTime("updated time", q.UpdatedAt, false)
}

func (f *Fields) validate() error {
	if f == nil {
		return nil
	}
	return checkTexts("situation", f.Situation, "task", f.Task, "action", f.Action, "result", f.Result)
}

// checkID accepts 1..128 letters, digits, '-', '_' and '.', so an ID can
// never break a key apart or smuggle in a path.
func checkID(name, id string) error {
	if id == "" {
		return fmt.Errorf("%s is empty", name)
	}
	if len(id) > maxID {
		return fmt.Errorf("%s is %d characters long; the limit is %d", name, len(id), maxID)
	}
	if strings.Trim(id, ".") == "" {
		return fmt.Errorf("%s %q is only dots", name, id)
	}
	for _, r := range id {
		if !(r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z' || r >= '0' && r <= '9' || r == '-' || r == '_' || r == '.') {
			return fmt.Errorf("%s %q has the character %q; only letters, digits, '-', '_' and '.' are allowed", name, id, r)
		}
	}
	return nil
}

// checkTexts checks name, value pairs.
func checkTexts(pairs ...string) error {
	for i := 0; i+1 < len(pairs); i += 2 {
		name, s := pairs[i], pairs[i+1]
		if len(s) > MaxField {
			return fmt.Errorf("%s is %s, over the limit of 1 MB for one field; shorten it", name, sizeText(len(s)))
		}
		if !utf8.ValidString(s) {
			return fmt.Errorf("%s is not valid UTF-8 text", name)
		}
	}
	return nil
}

func checkTime(name string, t time.Time, required bool) error {
	if t.IsZero() {
		if required {
			return fmt.Errorf("%s is missing", name)
		}
		return nil
	}
	if y := t.UTC().Year(); y < 1 || y > 9999 {
		return fmt.Errorf("%s is in the year %d; it must be between 1 and 9999", name, y)
	}
	return nil
}

// sizeText formats a byte count for people: "1.2 MB", "800 KB", "12 bytes".
func sizeText(n int) string {
	switch {
	case n >= 1<<20:
		return fmt.Sprintf("%.1f MB", float64(n)/(1<<20))
	case n >= 1<<10:
		return fmt.Sprintf("%d KB", n>>10)
	default:
		return fmt.Sprintf("%d bytes", n)
	}
}
