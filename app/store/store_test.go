package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"reflect"
	"strings"
	"testing"
	"time"
)

var t0 = time.Date(2025, 3, 1, 9, 30, 0, 0, time.UTC)

func at(minutes int) time.Time { return t0.Add(time.Duration(minutes) * time.Minute) }

func sampleAttempt(id string, minutes int) Attempt {
	return Attempt{
		ID:         id,
		QuestionID: "made-a-mistake",
		Phrasing:   "Tell me about a time you made a mistake at work.",
		Competency: "mistakes",
		Mode:       "free",
		Answer:     "In my first month at the depot I mislabelled a pallet. I told my manager and fixed it.",
		StartedAt:  at(minutes - 2),
		SavedAt:    at(minutes),
		Seconds:    118,
		Grade:      "good",
		Score:      72,
		Engine:     1,
	}
}

func sampleDraft(qid string, minutes int) Draft {
	return Draft{QuestionID: qid, Phrasing: "Describe a conflict.", Mode: "guided",
		Fields: &Fields{Situation: "Two nurses", Task: "Rota"}, Seconds: 30, UpdatedAt: at(minutes)}
}

func sampleQuestion(id string, minutes int) Question {
	return Question{ID: id, Competency: "teamwork", Text: "Tell me about a time you covered for a colleague.", CreatedAt: at(minutes)}
}

func mustOpen(t *testing.T, b Backend) *Store {
	t.Helper()
	s := Open(b)
	if ro, why := s.ReadOnly(); ro {
		t.Fatalf("store is read-only: %s", why)
	}
	if p := s.Problems(); len(p) > 0 {
		t.Fatalf("unexpected problems: %+v", p)
	}
	return s
}

func must(t *testing.T, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

func TestMemory(t *testing.T) {
	m := NewMemory(20)
	must(t, m.Set("ab", "cdef")) // 6
	if got := m.Used(); got != 6 {
		t.Fatalf("used %d, want 6", got)
	}
	must(t, m.Set("e", "😀")) // 1 + 2 UTF-16 units
	if got := m.Used(); got != 9 {
		t.Fatalf("used %d after emoji, want 9", got)
	}
	must(t, m.Set("ab", "c")) // replacing frees room: 3 + 3
	if got := m.Used(); got != 6 {
		t.Fatalf("used %d after replace, want 6", got)
	}
	if err := m.Set("big", strings.Repeat("x", 15)); !errors.Is(err, ErrFull) {
		t.Fatalf("over quota: got %v, want ErrFull", err)
	}
	must(t, m.Set("big", strings.Repeat("x", 11))) // exactly 20
	if err := m.Set("ab", "cd"); !errors.Is(err, ErrFull) {
		t.Fatalf("growing a value past quota: got %v, want ErrFull", err)
	}
	if v, ok, _ := m.Get("ab"); !ok || v != "c" {
		t.Fatalf("failed Set changed the old value: %q %v", v, ok)
	}
	must(t, m.Remove("big"))
	must(t, m.Remove("missing"))
	keys, _ := m.Keys()
	if !reflect.DeepEqual(keys, []string{"ab", "e"}) {
		t.Fatalf("keys %v", keys)
	}
	if got := m.Used(); got != 6 {
		t.Fatalf("used %d after remove, want 6", got)
	}
}

func TestUTF16Len(t *testing.T) {
	for s, want := range map[string]int{"": 0, "abc": 3, "é": 1, "שלום": 4, "😀": 2, "👩‍💻": 5, "\xff": 1} {
		if got := utf16Len(s); got != want {
			t.Errorf("utf16Len(%q) = %d, want %d", s, got, want)
		}
	}
}

// TestRoundTrip saves records and reads them back through a fresh Store, as
// a reload of the page would.
func TestRoundTrip(t *testing.T) {
	big := strings.Repeat("I led the handover. ", MaxField/20) // just under 1 MB
	big += strings.Repeat("x", MaxField-len(big))              // exactly 1 MB
	offset := time.FixedZone("CET", 3600)
	attempts := []Attempt{
		sampleAttempt("a1", 0),
		{ID: "emoji", QuestionID: "q", SavedAt: at(1), Answer: "We shipped 🚀🎉 on time 👩‍💻 — “quoted” <b>&amp;</b>\u2028line"},
		{ID: "rtl", QuestionID: "q", SavedAt: at(2), Answer: "עבדתי כאחות במשמרת לילה. عملت في المستودع. mixed \u202eRTL\u202c", Grade: "easy", Score: 100},
		{ID: "big", QuestionID: "q", SavedAt: at(3), Answer: big},
		{ID: "fields", QuestionID: "q", SavedAt: at(4), Mode: "guided", Fields: &Fields{Situation: "S", Task: "T", Action: "A", Result: "R"}},
		{ID: "empty-fields", QuestionID: "q", SavedAt: at(5), Fields: &Fields{}},
		{ID: "zone", QuestionID: "q", SavedAt: time.Date(2025, 3, 1, 12, 0, 0, 123456789, offset), StartedAt: time.Date(2025, 3, 1, 11, 58, 0, 0, offset)},
		{ID: "ctrl", QuestionID: "q", SavedAt: at(6), Answer: "tab\tnew\nline\r\x00nul \"quote\" \\ back"},
	}
	m := NewMemory(0)
	s := mustOpen(t, m)
	for _, a := range attempts {
		must(t, s.SaveAttempt(a))
	}
	must(t, s.SaveDraft(sampleDraft("made-a-mistake", 7)))
	must(t, s.SaveQuestion(sampleQuestion("mine-cover", 8)))
	must(t, s.SaveSettings(Settings{Theme: "dark", TargetSeconds: 90, Mode: "guided", UpdatedAt: at(9)}))

	r := mustOpen(t, m)
	for _, a := range attempts {
		got, ok := r.Attempt(a.ID)
		if !ok {
			t.Fatalf("attempt %s missing after reopen", a.ID)
		}
		want := a
		want.SavedAt, want.StartedAt = a.SavedAt.UTC(), utc(a.StartedAt)
		if !reflect.DeepEqual(got, want) {
			t.Errorf("attempt %s:\n got %+v\nwant %+v", a.ID, abbrev(got), abbrev(want))
		}
		if mem, _ := s.Attempt(a.ID); !reflect.DeepEqual(mem, got) {
			t.Errorf("attempt %s: the saving store holds %+v, a fresh one reads %+v", a.ID, abbrev(mem), abbrev(got))
		}
	}
	if d, ok := r.Draft("made-a-mistake"); !ok || !reflect.DeepEqual(d, sampleDraft("made-a-mistake", 7)) {
		t.Errorf("draft: %+v %v", d, ok)
	}
	if q := r.Questions(); len(q) != 1 || !reflect.DeepEqual(q[0], sampleQuestion("mine-cover", 8)) {
		t.Errorf("questions: %+v", q)
	}
	if got := r.Settings(); got != (Settings{Theme: "dark", TargetSeconds: 90, Mode: "guided", UpdatedAt: at(9)}) {
		t.Errorf("settings: %+v", got)
	}
	// Newest first.
	var ids []string
	for _, a := range r.Attempts() {
		ids = append(ids, a.ID)
	}
	if want := "zone ctrl empty-fields fields big rtl emoji a1"; strings.Join(ids, " ") != want {
		t.Errorf("order %q, want %q", strings.Join(ids, " "), want)
	}
	// Returned records do not share memory with the store.
	a, _ := r.Attempt("fields")
	a.Fields.Situation = "changed"
	if b, _ := r.Attempt("fields"); b.Fields.Situation != "S" {
		t.Error("Attempt returned a Fields pointer into the store")
	}
}

func abbrev(a Attempt) Attempt {
	if len(a.Answer) > 60 {
		a.Answer = a.Answer[:60] + fmt.Sprintf("…(%d bytes)", len(a.Answer))
	}
	return a
}

func TestStoredForm(t *testing.T) {
	m := NewMemory(0)
	s := mustOpen(t, m)
	// The answer follows the JSON record, after a newline, as it is: with
	// its own newlines, HTML-like text, emoji and right-to-left script.
	answer := "a < b & c\n\nThen \"I\" fixed it 😀 — שלום"
	a := Attempt{ID: "m1", QuestionID: "made-a-mistake", Answer: answer, SavedAt: at(0), Seconds: 5, Grade: "hard", Score: 40, Engine: 2}
	must(t, s.SaveAttempt(a))
	got, _, _ := m.Get("stardrill/attempt/m1")
	want := `{"v":2,"id":"m1","question":"made-a-mistake","saved":"2025-03-01T09:30:00Z","seconds":5,"grade":"hard","score":40,"engine":2}` +
		"\n" + answer
	if got != want {
		t.Errorf("stored\n%s\nwant\n%s", got, want)
	}
	// Without an answer there is nothing after the record.
	must(t, s.SaveAttempt(Attempt{ID: "m2", QuestionID: "q", SavedAt: at(1)}))
	if got, _, _ := m.Get("stardrill/attempt/m2"); got != `{"v":2,"id":"m2","question":"q","saved":"2025-03-01T09:31:00Z"}` {
		t.Errorf("an attempt without an answer stored as %q", got)
	}
	if v, _, _ := m.Get("stardrill/schema"); v != "2" {
		t.Errorf("schema marker %q, want 2", v)
	}
	must(t, s.SaveSettings(Settings{}))
	if got, _, _ := m.Get("stardrill/settings"); got != `{"v":2,"theme":"system","target":120,"mode":"free"}` {
		t.Errorf("settings stored as %s", got)
	}
	// What was stored reads back as it was saved.
	if r, _ := mustOpen(t, m).Attempt("m1"); r.Answer != answer {
		t.Errorf("answer read back as %q", r.Answer)
	}
}

// TestStoredAttemptForms reads attempts as this and earlier versions stored
// them, and refuses the shapes no version writes.
func TestStoredAttemptForms(t *testing.T) {
	const head = `"id":"a1","question":"q","saved":"2025-03-01T09:30:00Z"`
	for _, c := range []struct {
		name, raw, answer, problem string
	}{
		{"version 2", `{"v":2,` + head + "}\nline one\nline two", "line one\nline two", ""},
		{"version 2, no answer", `{"v":2,` + head + `}`, "", ""},
		{"version 1, answer inside", `{"v":1,` + head + `,"answer":"in\nside"}`, "in\nside", ""},
		{"version 0", `{` + head + `,"answer":"old"}`, "old", ""},
		{"version 1 with text after", `{"v":1,` + head + "}\nafter", "", "It has text after its JSON record, which a version 1 record cannot have."},
		{"answer twice", `{"v":2,` + head + `,"answer":"x"}` + "\ny", "", "It has an answer both inside its JSON record and after it."},
		{"record split", "{\n" + `"v":2,` + head + "}", "", "It is not valid JSON"},
		{"bad UTF-8 after", `{"v":2,` + head + "}\n\xff", "", "not valid UTF-8"},
	} {
		t.Run(c.name, func(t *testing.T) {
			m := NewMemory(0)
			must(t, m.Set("stardrill/attempt/a1", c.raw))
			s := Open(m)
			a, ok := s.Attempt("a1")
			if c.problem != "" {
				if ok || len(s.Problems()) != 1 || !strings.Contains(s.Problems()[0].Reason, c.problem) {
					t.Fatalf("got %v and problems %+v, want the problem %q", ok, s.Problems(), c.problem)
				}
				return
			}
			if !ok || a.Answer != c.answer || len(s.Problems()) != 0 {
				t.Fatalf("got %v %q and problems %+v, want the answer %q", ok, a.Answer, s.Problems(), c.answer)
			}
		})
	}
}

func TestDefaults(t *testing.T) {
	s := mustOpen(t, NewMemory(0))
	if got := s.Settings(); got != DefaultSettings() {
		t.Errorf("settings of a new store: %+v", got)
	}
	if len(s.Attempts()) != 0 || len(s.Drafts()) != 0 || len(s.Questions()) != 0 {
		t.Error("a new store has records")
	}
	if _, ok := s.Attempt("x"); ok {
		t.Error("Attempt found a missing attempt")
	}
	if _, ok := s.Draft("x"); ok {
		t.Error("Draft found a missing draft")
	}
}

// TestValidation checks every validation message, on save.
func TestValidation(t *testing.T) {
	huge := strings.Repeat("y", MaxField+1)
	att := func(f func(*Attempt)) func(*Store) error {
		a := sampleAttempt("a1", 0)
		f(&a)
		return func(s *Store) error { return s.SaveAttempt(a) }
	}
	dr := func(f func(*Draft)) func(*Store) error {
		d := sampleDraft("q1", 0)
		f(&d)
		return func(s *Store) error { return s.SaveDraft(d) }
	}
	qu := func(f func(*Question)) func(*Store) error {
		q := sampleQuestion("mine-1", 0)
		f(&q)
		return func(s *Store) error { return s.SaveQuestion(q) }
	}
	set := func(x Settings) func(*Store) error { return func(s *Store) error { return s.SaveSettings(x) } }
	tests := []struct {
		name string
		save func(*Store) error
		want string
	}{
		{"empty ID", att(func(a *Attempt) { a.ID = "" }), "Attempt not saved: ID is empty."},
		{"long ID", att(func(a *Attempt) { a.ID = strings.Repeat("a", 129) }), "Attempt not saved: ID is 129 characters long; the limit is 128."},
		{"slash in ID", att(func(a *Attempt) { a.ID = "a/b" }), `Attempt not saved: ID "a/b" has the character '/'; only letters, digits, '-', '_' and '.' are allowed.`},
		{"space in ID", att(func(a *Attempt) { a.ID = "a b" }), `Attempt not saved: ID "a b" has the character ' '; only letters`},
		{"dots ID", att(func(a *Attempt) { a.ID = ".." }), `Attempt not saved: ID ".." is only dots.`},
		{"no question", att(func(a *Attempt) { a.QuestionID = "" }), "Attempt not saved: question ID is empty."},
		{"huge answer", att(func(a *Attempt) { a.Answer = huge }), "Attempt not saved: answer is 1.0 MB, over the limit of 1 MB for one field; shorten it."},
		{"huge phrasing", att(func(a *Attempt) { a.Phrasing = huge }), "Attempt not saved: phrasing is 1.0 MB, over the limit"},
		{"huge field", att(func(a *Attempt) { a.Fields = &Fields{Result: huge} }), "Attempt not saved: result is 1.0 MB, over the limit"},
		{"bad UTF-8", att(func(a *Attempt) { a.Answer = "ok \xff" }), "Attempt not saved: answer is not valid UTF-8 text."},
		{"no saved time", att(func(a *Attempt) { a.SavedAt = time.Time{} }), "Attempt not saved: saved time is missing."},
		{"year 10000", att(func(a *Attempt) { a.SavedAt = time.Date(10000, 1, 1, 0, 0, 0, 0, time.UTC) }), "Attempt not saved: saved time is in the year 10000; it must be between 1 and 9999."},
		{"start year", att(func(a *Attempt) { a.StartedAt = time.Date(-5, 1, 1, 0, 0, 0, 0, time.UTC) }), "Attempt not saved: start time is in the year -5; it must be between 1 and 9999."},
		{"negative seconds", att(func(a *Attempt) { a.Seconds = -1 }), "Attempt not saved: seconds is -1; it cannot be negative."},
		{"bad grade", att(func(a *Attempt) { a.Grade = "meh" }), `Attempt not saved: grade "meh" is not one of again, hard, good, easy.`},
		{"score high", att(func(a *Attempt) { a.Score = 101 }), "Attempt not saved: score is 101; it must be between 0 and 100."},
		{"score low", att(func(a *Attempt) { a.Score = -3 }), "Attempt not saved: score is -3; it must be between 0 and 100."},
		{"engine", att(func(a *Attempt) { a.Engine = -1 }), "Attempt not saved: engine version is -1; it cannot be negative."},
		{"draft question", dr(func(d *Draft) { d.QuestionID = "" }), "Draft not saved: question ID is empty."},
		{"draft time", dr(func(d *Draft) { d.UpdatedAt = time.Time{} }), "Draft not saved: updated time is missing."},
		{"draft seconds", dr(func(d *Draft) { d.Seconds = -2 }), "Draft not saved: seconds is -2; it cannot be negative."},
		{"draft answer", dr(func(d *Draft) { d.Answer = huge }), "Draft not saved: answer is 1.0 MB"},
		{"draft field", dr(func(d *Draft) { d.Fields.Task = "\xc3" }), "Draft not saved: task is not valid UTF-8 text."},
		{"question ID", qu(func(q *Question) { q.ID = "mine/1" }), `Question not saved: ID "mine/1" has the character '/'`},
		{"question text", qu(func(q *Question) { q.Text = "" }), "Question not saved: question text is empty."},
		{"question huge", qu(func(q *Question) { q.Text = huge }), "Question not saved: question text is 1.0 MB"},
		{"question created", qu(func(q *Question) { q.CreatedAt = time.Time{} }), "Question not saved: created time is missing."},
		{"theme", set(Settings{Theme: "blue"}), `Settings not saved: theme "blue" is not one of system, light, dark.`},
		{"target", set(Settings{TargetSeconds: 5}), "Settings not saved: target time 5 seconds is not between 10 and 3600."},
		{"mode", set(Settings{Mode: "timed"}), `Settings not saved: mode "timed" is not one of free, guided.`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := NewMemory(0)
			s := mustOpen(t, m)
			err := tt.save(s)
			if err == nil || !strings.HasPrefix(err.Error(), tt.want) {
				t.Fatalf("got error\n%v\nwant it to start with\n%s", err, tt.want)
			}
			if !errors.Is(err, ErrInvalid) {
				t.Errorf("error does not match ErrInvalid")
			}
			if keys, _ := m.Keys(); len(keys) != 0 {
				t.Errorf("an invalid save wrote %v", keys)
			}
		})
	}
}

func TestDeleteValidation(t *testing.T) {
	s := mustOpen(t, NewMemory(0))
	for _, err := range []error{s.DeleteAttempt(""), s.DeleteDraft("a/b"), s.DeleteQuestion("x y")} {
		if !errors.Is(err, ErrInvalid) {
			t.Errorf("got %v, want ErrInvalid", err)
		}
	}
}

func TestDelete(t *testing.T) {
	m := NewMemory(0)
	s := mustOpen(t, m)
	must(t, s.SaveAttempt(sampleAttempt("a1", 0)))
	must(t, s.SaveDraft(sampleDraft("q1", 0)))
	must(t, s.SaveQuestion(sampleQuestion("mine-1", 0)))
	must(t, s.DeleteAttempt("a1"))
	must(t, s.DeleteDraft("q1"))
	must(t, s.DeleteQuestion("mine-1"))
	must(t, s.DeleteAttempt("never-saved"))
	if keys, _ := m.Keys(); !reflect.DeepEqual(keys, []string{"stardrill/schema"}) {
		t.Errorf("keys left: %v", keys)
	}
	r := mustOpen(t, m)
	if len(r.Attempts())+len(r.Drafts())+len(r.Questions()) != 0 {
		t.Error("deleted records came back")
	}
}

// TestLoadProblems stores bad values directly and checks that Open reports
// each one, loads everything else and leaves the bad values alone.
func TestLoadProblems(t *testing.T) {
	good := `{"v":1,"id":"good","question":"q","saved":"2025-03-01T09:30:00Z"}`
	tests := []struct {
		key, raw, reason string
	}{
		{"stardrill/attempt/trunc", `{"v":1,"id":"trunc","question":"q","sav`, "It is not valid JSON (unexpected end of JSON input at byte 39)."},
		{"stardrill/attempt/garbage", `not json at all`, "It is not valid JSON (invalid character 'o' in literal null (expecting 'u') at byte 2)."},
		{"stardrill/attempt/array", `[1,2]`, "It is a JSON array, not a JSON object."},
		{"stardrill/attempt/str", `"hello"`, "It is a JSON string, not a JSON object."},
		{"stardrill/attempt/null", `null`, "It is JSON null, not a JSON object."},
		{"stardrill/attempt/empty", ``, "It is not valid JSON (unexpected end of JSON input at byte 0)."},
		{"stardrill/attempt/badutf8", "{\"id\":\"\xff\"}", "It is not valid UTF-8 text."},
		{"stardrill/attempt/vtext", `{"v":"one","id":"vtext"}`, `Its version "v" is "one", not a whole number.`},
		{"stardrill/attempt/vneg", `{"v":-1,"id":"vneg"}`, `Its version "v" is -1, which no version of stardrill writes.`},
		{"stardrill/attempt/unknown", `{"v":1,"id":"unknown","question":"q","saved":"2025-03-01T09:30:00Z","mood":"happy"}`, `It does not match the attempt format: unknown field "mood".`},
		{"stardrill/attempt/type", `{"v":1,"id":"type","question":"q","saved":"2025-03-01T09:30:00Z","score":"high"}`, `It does not match the attempt format: field "score" is a JSON string, not a whole number.`},
		{"stardrill/attempt/time", `{"v":1,"id":"time","question":"q","saved":"yesterday"}`, `It does not match the attempt format: "yesterday" is not a time like "2025-01-31T09:30:00Z".`},
		{"stardrill/attempt/grade", `{"v":1,"id":"grade","question":"q","saved":"2025-03-01T09:30:00Z","grade":"meh"}`, `Grade "meh" is not one of again, hard, good, easy.`},
		{"stardrill/attempt/mismatch", `{"v":1,"id":"other","question":"q","saved":"2025-03-01T09:30:00Z"}`, `Its ID "other" does not match its key.`},
		{"stardrill/draft/q9", `{"v":1,"question":"q8","updated":"2025-03-01T09:30:00Z"}`, `Its question ID "q8" does not match its key.`},
		{"stardrill/question/mine-x", `{"v":1,"id":"mine-x","created":"2025-03-01T09:30:00Z"}`, `Question text is empty.`},
		{"stardrill/settings", `{"v":1,"theme":"neon"}`, `Theme "neon" is not one of system, light, dark.`},
		{"stardrill/attempt/", `{}`, "This version of stardrill does not know this key"},
		{"stardrill/attempt/a b", `{}`, "This version of stardrill does not know this key"},
		{"stardrill/notes/1", `{"v":3}`, "This version of stardrill does not know this key; it may come from a newer version. It is kept as it is."},
	}
	m := NewMemory(0)
	must(t, m.Set("stardrill/schema", "1"))
	must(t, m.Set("stardrill/attempt/good", good))
	must(t, m.Set("other-app/key", "whatever"))
	for _, tt := range tests {
		must(t, m.Set(tt.key, tt.raw))
	}
	s := Open(m)
	if ro, why := s.ReadOnly(); ro {
		t.Fatalf("read-only: %s", why)
	}
	probs := map[string]Problem{}
	for _, p := range s.Problems() {
		probs[p.Key] = p
	}
	for _, tt := range tests {
		p, ok := probs[tt.key]
		if !ok {
			t.Errorf("%s: no problem reported", tt.key)
			continue
		}
		if p.Raw != tt.raw {
			t.Errorf("%s: problem raw %q, want %q", tt.key, p.Raw, tt.raw)
		}
		if !strings.HasPrefix(p.Reason, tt.reason) {
			t.Errorf("%s: reason\n%s\nwant it to start with\n%s", tt.key, p.Reason, tt.reason)
		}
	}
	if len(probs) != len(tests) {
		t.Errorf("%d problems, want %d", len(probs), len(tests))
	}
	if a := s.Attempts(); len(a) != 1 || a[0].ID != "good" {
		t.Errorf("attempts: %+v", a)
	}
	if s.Settings() != DefaultSettings() {
		t.Errorf("unreadable settings: got %+v, want defaults", s.Settings())
	}

	// Saving other records works and leaves the bad values untouched.
	must(t, s.SaveAttempt(sampleAttempt("new", 1)))
	must(t, s.SaveDraft(sampleDraft("q1", 1)))
	// Saving over a bad value is refused.
	refused := []error{
		s.SaveAttempt(sampleAttempt("trunc", 2)),
		s.DeleteAttempt("garbage"),
		s.SaveDraft(sampleDraft("q9", 2)),
		s.SaveQuestion(sampleQuestion("mine-x", 2)),
		s.SaveSettings(Settings{}),
	}
	for i, err := range refused {
		if !errors.Is(err, ErrProtected) {
			t.Errorf("save %d over a bad value: got %v, want ErrProtected", i, err)
		}
	}
	if msg := refused[0].Error(); msg != "Not saved: the record already stored at stardrill/attempt/trunc could not be read "+
		"(it is not valid JSON (unexpected end of JSON input at byte 39)), so stardrill keeps it untouched. Download the raw "+
		"data from Settings, then discard that record to save here again." {
		t.Errorf("protected message: %s", msg)
	}
	for _, tt := range tests {
		if v, ok, _ := m.Get(tt.key); !ok || v != tt.raw {
			t.Errorf("%s changed to %q", tt.key, v)
		}
	}

	// RawDump has every stardrill key byte for byte, and nothing else.
	var dump map[string]string
	must(t, json.Unmarshal(s.RawDump(), &dump))
	for _, tt := range tests {
		want := tt.raw
		if tt.key == "stardrill/attempt/badutf8" {
			want = string([]rune(want)) // JSON cannot carry invalid UTF-8: each bad byte becomes U+FFFD
		}
		if dump[tt.key] != want {
			t.Errorf("raw dump of %s is %q, want %q", tt.key, dump[tt.key], want)
		}
	}
	if dump["stardrill/attempt/good"] != good {
		t.Error("raw dump lacks the good attempt")
	}
	if _, ok := dump["other-app/key"]; ok {
		t.Error("raw dump has another app's key")
	}
	if len(dump) != len(tests)+4 { // + schema, good, new, draft q1
		t.Errorf("raw dump has %d keys", len(dump))
	}

	// Discarding a bad value lets the user save there again.
	must(t, s.Discard("stardrill/attempt/trunc"))
	must(t, s.SaveAttempt(sampleAttempt("trunc", 3)))
	if err := s.Discard("stardrill/attempt/good"); !errors.Is(err, ErrInvalid) {
		t.Errorf("discarding a good record: %v", err)
	}
	if _, ok, _ := m.Get("stardrill/attempt/good"); !ok {
		t.Error("a refused discard removed the record")
	}
}

func TestGetError(t *testing.T) {
	m := &flaky{Memory: NewMemory(0), failGet: "stardrill/attempt/bad"}
	must(t, m.Set("stardrill/attempt/bad", `{"v":1}`))
	s := Open(m)
	p := s.Problems()
	if len(p) != 1 || p[0].Key != "stardrill/attempt/bad" || !strings.Contains(p[0].Reason, "could not be read") {
		t.Fatalf("problems: %+v", p)
	}
	if err := s.SaveAttempt(sampleAttempt("bad", 0)); !errors.Is(err, ErrProtected) {
		t.Errorf("save over an unreadable key: %v", err)
	}
}

func TestKeysError(t *testing.T) {
	m := &flaky{Memory: NewMemory(0), failKeys: true}
	s := Open(m)
	ro, why := s.ReadOnly()
	if !ro || !strings.Contains(why, "could not list its saved data") {
		t.Fatalf("ReadOnly = %v, %q", ro, why)
	}
	if err := s.SaveAttempt(sampleAttempt("a", 0)); !errors.Is(err, ErrReadOnly) {
		t.Errorf("save: %v", err)
	}
	if err := s.Reload(); err == nil {
		t.Error("Reload hid a Keys error")
	}
	if err := s.Erase(); err == nil || !strings.HasPrefix(err.Error(), "Nothing was erased") {
		t.Errorf("Erase: %v", err)
	}
	m.failKeys = false
	must(t, s.Reload())
	if ro, _ := s.ReadOnly(); ro {
		t.Error("still read-only after a good reload")
	}
}

func TestSetError(t *testing.T) {
	m := &flaky{Memory: NewMemory(0)}
	s := mustOpen(t, m)
	must(t, s.SaveAttempt(sampleAttempt("a", 0)))
	m.failSet = errors.New("SecurityError: denied")
	err := s.SaveAttempt(sampleAttempt("b", 1))
	if err == nil || !errors.Is(err, m.failSet) || !strings.HasPrefix(err.Error(), "Not saved: the browser refused to store it (SecurityError: denied).") {
		t.Fatalf("got %v", err)
	}
	if _, ok := s.Attempt("b"); ok {
		t.Error("a failed save shows up in the store")
	}
}

// flaky is a Memory that fails on demand.
type flaky struct {
	*Memory
	failKeys bool
	failGet  string
	failSet  error
	failRm   bool
	setsLeft int // when > 0, Set fails with ErrFull after this many more
}

func (f *flaky) Keys() ([]string, error) {
	if f.failKeys {
		return nil, errors.New("storage unavailable")
	}
	return f.Memory.Keys()
}

func (f *flaky) Get(k string) (string, bool, error) {
	if k == f.failGet {
		return "", false, errors.New("boom")
	}
	return f.Memory.Get(k)
}

func (f *flaky) Remove(k string) error {
	if f.failRm {
		return errors.New("cannot remove")
	}
	return f.Memory.Remove(k)
}

func (f *flaky) Set(k, v string) error {
	if f.failSet != nil {
		return f.failSet
	}
	if f.setsLeft > 0 {
		f.setsLeft--
		if f.setsLeft == 0 {
			return ErrFull
		}
	}
	return f.Memory.Set(k, v)
}

func TestFutureVersion(t *testing.T) {
	tests := []struct {
		name, key, raw, why string
	}{
		{"schema", "stardrill/schema", "3", "This data was saved by a newer version of stardrill (data version 3; this version reads up to 2), so this page only reads it. Reload the page to get the newest version."},
		{"record", "stardrill/attempt/fut", `{"v":7,"id":"fut","hologram":true}`, "Some data was saved by a newer version of stardrill (stardrill/attempt/fut has record version 7; this version reads up to 2), so this page only reads it. Reload the page to get the newest version."},
		{"settings", "stardrill/settings", `{"v":3,"theme":"dark"}`, "Some data was saved by a newer version of stardrill (stardrill/settings has record version 3"},
		{"damaged schema", "stardrill/schema", "one", "The marker that says which version of stardrill wrote this data is damaged"},
		{"padded schema", "stardrill/schema", " 1", "The marker that says which version of stardrill wrote this data is damaged"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := NewMemory(0)
			old := mustOpen(t, m)
			must(t, old.SaveAttempt(sampleAttempt("old", 0)))
			must(t, old.SaveSettings(Settings{Theme: "light"}))
			must(t, m.Set(tt.key, tt.raw))
			s := Open(m)
			ro, why := s.ReadOnly()
			if !ro || !strings.HasPrefix(why, tt.why) {
				t.Fatalf("ReadOnly = %v,\n%s\nwant it to start with\n%s", ro, why, tt.why)
			}
			if _, ok := s.Attempt("old"); !ok {
				t.Error("readable data is not shown when read-only")
			}
			before := s.RawDump()
			for i, err := range []error{
				s.SaveAttempt(sampleAttempt("new", 1)),
				s.SaveAttempt(sampleAttempt("old", 2)),
				s.DeleteAttempt("old"),
				s.SaveDraft(sampleDraft("q", 1)),
				s.DeleteDraft("q"),
				s.SaveQuestion(sampleQuestion("mine-q", 1)),
				s.DeleteQuestion("mine-q"),
				s.SaveSettings(Settings{}),
			} {
				if !errors.Is(err, ErrReadOnly) || !strings.HasPrefix(err.Error(), "Not saved: "+tt.why) {
					t.Errorf("write %d: got %v, want ErrReadOnly with the reason", i, err)
				}
			}
			if _, err := s.Export(t0); err != nil {
				t.Errorf("export of a read-only store: %v", err)
			}
			if after := s.RawDump(); string(after) != string(before) {
				t.Error("a read-only store changed the stored data")
			}
		})
	}
}

func TestDiscardDamagedSchema(t *testing.T) {
	m := NewMemory(0)
	must(t, m.Set("stardrill/schema", "??"))
	s := Open(m)
	if ro, _ := s.ReadOnly(); !ro {
		t.Fatal("damaged schema marker: not read-only")
	}
	must(t, s.Discard("stardrill/schema"))
	if ro, why := s.ReadOnly(); ro {
		t.Fatalf("still read-only after discarding the marker: %s", why)
	}
	must(t, s.SaveAttempt(sampleAttempt("a", 0)))
	if v, _, _ := m.Get("stardrill/schema"); v != fmt.Sprint(Version) {
		t.Errorf("schema marker %q after save", v)
	}
}

func TestOlderSchemaIsUpgradedOnWrite(t *testing.T) {
	m := NewMemory(0)
	must(t, m.Set("stardrill/schema", "0"))
	must(t, m.Set("stardrill/attempt/legacy", `{"id":"legacy","question":"q","saved":"2025-03-01T09:30:00Z","grade":"good"}`))
	s := mustOpen(t, m)
	a, ok := s.Attempt("legacy")
	if !ok || a.Grade != "good" {
		t.Fatalf("legacy attempt without \"v\": %+v %v", a, ok)
	}
	if v, _, _ := m.Get("stardrill/attempt/legacy"); strings.Contains(v, `"v"`) {
		t.Error("opening rewrote a legacy record")
	}
	must(t, s.SaveAttempt(a))
	if v, _, _ := m.Get("stardrill/attempt/legacy"); !strings.HasPrefix(v, `{"v":2,`) {
		t.Errorf("re-saved legacy record: %s", v)
	}
	if v, _, _ := m.Get("stardrill/schema"); v != fmt.Sprint(Version) {
		t.Errorf("schema marker %q after save", v)
	}
}

// TestMigrations runs the migration mechanism with a made-up version 2, in
// which attempts call "answer" "text" and store "seconds" as minutes.
func TestMigrations(t *testing.T) {
	// A made-up next version, 3, whose attempts say "text" and "minutes"
	// where version 2 says "answer" and "seconds".
	v3 := defaultConfig()
	v3.version = 3
	v3.migrations[kindAttempt][2] = func(rec map[string]any) error {
		if s, ok := rec["seconds"].(json.Number); ok {
			n, err := s.Int64()
			if err != nil {
				return err
			}
			if n%60 != 0 {
				return fmt.Errorf("seconds %d is not whole minutes", n)
			}
			rec["minutes"] = n / 60
			delete(rec, "seconds")
		}
		if a, ok := rec["answer"]; ok {
			rec["text"] = a
			delete(rec, "answer")
		}
		return nil
	}
	for _, kind := range []string{kindSettings, kindDraft, kindQuestion} {
		v3.migrations[kind][2] = func(map[string]any) error { return nil }
	}
	delete(v3.migrations[kindDraft], 0) // drafts have no path from version 0
	type attemptV3 struct {
		V          int       `json:"v"`
		ID         string    `json:"id"`
		QuestionID string    `json:"question"`
		Text       string    `json:"text"`
		Minutes    int       `json:"minutes"`
		SavedAt    time.Time `json:"saved"`
	}
	tests := []struct {
		name, raw string
		want      *attemptV3
		err       string
	}{
		{"v1", `{"v":1,"id":"a","question":"q","answer":"hi 😀","seconds":120,"saved":"2025-03-01T09:30:00Z"}`,
			&attemptV3{V: 3, ID: "a", QuestionID: "q", Text: "hi 😀", Minutes: 2, SavedAt: t0}, ""},
		{"v0 through v1 and v2", `{"id":"a","question":"q","answer":"x","saved":"2025-03-01T09:30:00Z"}`,
			&attemptV3{V: 3, ID: "a", QuestionID: "q", Text: "x", SavedAt: t0}, ""},
		{"v3 as is", `{"v":3,"id":"a","question":"q","text":"y","minutes":3,"saved":"2025-03-01T09:30:00Z"}`,
			&attemptV3{V: 3, ID: "a", QuestionID: "q", Text: "y", Minutes: 3, SavedAt: t0}, ""},
		{"failing step", `{"v":1,"id":"a","seconds":90}`, nil,
			"it could not be upgraded from version 2 to 3: seconds 90 is not whole minutes"},
		{"v1 with a field v3 lacks", `{"v":1,"id":"a","grade":"good"}`, nil,
			`it does not match the attempt format: unknown field "grade"`},
		{"future", `{"v":4}`, nil, "it was saved by a newer version of stardrill (record version 4; this version reads up to 3)"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got attemptV3
			_, err := v3.decode(kindAttempt, tt.raw, &got)
			if tt.err != "" {
				if err == nil || err.Error() != tt.err {
					t.Fatalf("got error %v, want %s", err, tt.err)
				}
				return
			}
			must(t, err)
			if got != *tt.want {
				t.Errorf("got %+v, want %+v", got, *tt.want)
			}
		})
	}
	var d draftWire
	if _, err := v3.decode(kindDraft, `{"question":"q"}`, &d); err == nil ||
		err.Error() != "it has version 0, and this version of stardrill cannot upgrade a draft from version 0" {
		t.Errorf("missing migration: %v", err)
	}

	// Through a Store: a v1 record under a v3 store is read via the chain;
	// its stored form is untouched until it is saved again.
	m := NewMemory(0)
	must(t, m.Set("stardrill/schema", "1"))
	must(t, m.Set("stardrill/draft/q", `{"v":1,"question":"q","updated":"2025-03-01T09:30:00Z"}`))
	s := open(m, v3)
	if ro, why := s.ReadOnly(); ro {
		t.Fatalf("v3 store over v1 data is read-only: %s", why)
	}
	if p := s.Problems(); len(p) != 0 {
		t.Fatalf("problems: %+v", p)
	}
	if _, ok := s.Draft("q"); !ok {
		t.Fatal("draft not read through migration")
	}
	must(t, s.SaveDraft(sampleDraft("q2", 1)))
	if v, _, _ := m.Get("stardrill/schema"); v != "3" {
		t.Errorf("schema %q after saving with v3", v)
	}
	if v, _, _ := m.Get("stardrill/draft/q2"); !strings.HasPrefix(v, `{"v":3,`) {
		t.Errorf("v3 store wrote %s", v)
	}
	// The real code, version 2, now opens the store read-only.
	if ro, why := Open(m).ReadOnly(); !ro || !strings.Contains(why, "data version 3; this version reads up to 2") {
		t.Errorf("v2 code over v3 data: %v %s", ro, why)
	}
}

func TestQuota(t *testing.T) {
	m := NewMemory(20_000)
	s := mustOpen(t, m)
	must(t, s.SaveSettings(Settings{Theme: "dark"}))
	must(t, s.SaveDraft(sampleDraft("q1", 0)))
	saved := 0
	var err error
	for i := 0; i < 1000; i++ {
		a := sampleAttempt(fmt.Sprintf("a%03d", i), i)
		a.Answer = strings.Repeat("I asked the team what went wrong. ", 40)
		if err = s.SaveAttempt(a); err != nil {
			break
		}
		saved++
	}
	if !errors.Is(err, ErrFull) {
		t.Fatalf("filling storage ended with %v, want ErrFull", err)
	}
	if err.Error() != "Storage for stardrill is full, so this was not saved. Your text is still on screen. "+
		"Export a backup, then delete old attempts to make room." {
		t.Errorf("message: %s", err)
	}
	if saved < 5 {
		t.Fatalf("only %d attempts fit", saved)
	}
	// Growing a saved draft past the quota fails and keeps the old draft.
	big := sampleDraft("q1", 5)
	big.Answer = strings.Repeat("z", 20_000)
	if err := s.SaveDraft(big); !errors.Is(err, ErrFull) {
		t.Errorf("big draft: %v", err)
	}
	r := mustOpen(t, m)
	if got := len(r.Attempts()); got != saved {
		t.Errorf("%d attempts after reopen, want %d", got, saved)
	}
	if d, _ := r.Draft("q1"); d.Answer != "" || !d.UpdatedAt.Equal(at(0)) {
		t.Errorf("draft changed by a failed save: %+v", d)
	}
	if d, _ := s.Draft("q1"); !d.UpdatedAt.Equal(at(0)) {
		t.Errorf("the store's copy changed on a failed save")
	}
	if r.Settings().Theme != "dark" {
		t.Error("settings lost")
	}
	if _, ok := s.Attempt(fmt.Sprintf("a%03d", saved)); ok {
		t.Error("the attempt that did not fit is in the store")
	}
	// Deleting makes room again.
	must(t, s.DeleteAttempt("a000"))
	must(t, s.DeleteAttempt("a001"))
	a := sampleAttempt("after", 9999)
	must(t, s.SaveAttempt(a))
}

func TestSchemaStampFull(t *testing.T) {
	m := NewMemory(10) // not even room for the schema marker and a record
	s := mustOpen(t, m)
	if err := s.SaveAttempt(sampleAttempt("a", 0)); !errors.Is(err, ErrFull) {
		t.Fatalf("got %v", err)
	}
}

func TestTwoTabs(t *testing.T) {
	m := NewMemory(0)
	tab1, tab2 := mustOpen(t, m), mustOpen(t, m)
	must(t, tab1.SaveAttempt(sampleAttempt("from-tab1", 0)))
	must(t, tab2.SaveAttempt(sampleAttempt("from-tab2", 1)))
	must(t, tab1.SaveDraft(sampleDraft("q1", 0)))
	must(t, tab2.SaveDraft(sampleDraft("q2", 0)))
	must(t, tab2.SaveQuestion(sampleQuestion("mine-2", 0)))
	// tab1 saves again after tab2 wrote: tab2's work must survive.
	must(t, tab1.SaveAttempt(sampleAttempt("from-tab1-again", 2)))
	must(t, tab1.Reload())
	must(t, tab2.Reload())
	for _, s := range []*Store{tab1, tab2} {
		if got := len(s.Attempts()); got != 3 {
			t.Errorf("%d attempts, want 3", got)
		}
		if got := len(s.Drafts()); got != 2 {
			t.Errorf("%d drafts, want 2", got)
		}
		if got := len(s.Questions()); got != 1 {
			t.Errorf("%d questions, want 1", got)
		}
	}
	// A delete in one tab shows in the other after Reload.
	must(t, tab2.DeleteAttempt("from-tab1"))
	must(t, tab1.Reload())
	if _, ok := tab1.Attempt("from-tab1"); ok {
		t.Error("tab1 still shows an attempt tab2 deleted")
	}
}

func TestErase(t *testing.T) {
	m := NewMemory(0)
	s := mustOpen(t, m)
	must(t, s.SaveAttempt(sampleAttempt("a", 0)))
	must(t, s.SaveDraft(sampleDraft("q", 0)))
	must(t, s.SaveQuestion(sampleQuestion("mine-q", 0)))
	must(t, s.SaveSettings(Settings{Theme: "dark"}))
	must(t, m.Set("stardrill/attempt/bad", "{"))
	must(t, m.Set("stardrill/future", "x"))
	must(t, m.Set("other-app/settings", "keep me"))
	must(t, m.Set("stardrill", "no slash: not ours"))
	must(t, m.Set("Stardrill/attempt/x", "other case: not ours"))
	must(t, m.Set("schema", "1"))
	must(t, s.Erase())
	keys, _ := m.Keys()
	if want := []string{"Stardrill/attempt/x", "other-app/settings", "schema", "stardrill"}; !reflect.DeepEqual(keys, want) {
		t.Errorf("keys after Erase: %v, want %v", keys, want)
	}
	if len(s.Attempts())+len(s.Drafts())+len(s.Questions())+len(s.Problems()) != 0 || s.Settings() != DefaultSettings() {
		t.Error("the store still shows erased data")
	}
	must(t, s.SaveAttempt(sampleAttempt("fresh", 0)))
}

func TestEraseReadOnly(t *testing.T) {
	m := NewMemory(0)
	must(t, m.Set("stardrill/schema", "9"))
	must(t, m.Set("stardrill/attempt/x", `{"v":9}`))
	s := Open(m)
	if ro, _ := s.ReadOnly(); !ro {
		t.Fatal("not read-only")
	}
	must(t, s.Erase())
	if ro, why := s.ReadOnly(); ro {
		t.Errorf("read-only after Erase: %s", why)
	}
	if keys, _ := m.Keys(); len(keys) != 0 {
		t.Errorf("keys left: %v", keys)
	}
}

func TestNewID(t *testing.T) {
	tests := []struct {
		now    time.Time
		random uint64
		want   string
	}{
		{time.UnixMilli(0), 0, "00000000000000000"},
		{time.UnixMilli(35), 35, "00000000z0000000z"},
		{time.UnixMilli(-5), 1, "00000000000000001"},
		{time.UnixMilli(1740821400000), 1<<64 - 1, "0m7q044w0" + "1264sgsf"},
	}
	for _, tt := range tests {
		got := NewID(tt.now, tt.random)
		if len(got) != 17 {
			t.Errorf("NewID(%v, %d) = %q: length %d", tt.now, tt.random, got, len(got))
		}
		if tt.want != "" && got != tt.want {
			t.Errorf("NewID(%v, %d) = %q, want %q", tt.now.UnixMilli(), tt.random, got, tt.want)
		}
		if err := checkID("ID", got); err != nil {
			t.Error(err)
		}
	}
	prev := ""
	for i := 0; i < 1000; i++ {
		id := NewID(t0.Add(time.Duration(i)*time.Millisecond), uint64(1000-i)*7919)
		if id <= prev {
			t.Fatalf("IDs do not sort by time: %q after %q", id, prev)
		}
		prev = id
	}
}

// BenchmarkOpen reads a year of daily practice: 365 attempts of about 1,500
// characters each, plus drafts and settings.
func BenchmarkOpen(b *testing.B) {
	m := NewMemory(0)
	s := Open(m)
	for i := 0; i < 365; i++ {
		a := sampleAttempt(NewID(at(i*24*60), uint64(i)), i*24*60)
		a.Answer = strings.Repeat("I called the supplier and rebooked. ", 42)
		if err := s.SaveAttempt(a); err != nil {
			b.Fatal(err)
		}
	}
	for b.Loop() {
		if len(Open(m).Attempts()) != 365 {
			b.Fatal("lost attempts")
		}
	}
	b.ReportMetric(float64(m.Used()), "stored-chars")
}

func BenchmarkSaveAttempt(b *testing.B) {
	s := Open(NewMemory(0))
	a := sampleAttempt("a1", 0)
	a.Answer = strings.Repeat("I called the supplier and rebooked. ", 42)
	for b.Loop() {
		if err := s.SaveAttempt(a); err != nil {
			b.Fatal(err)
		}
	}
}

func TestQuickVersion(t *testing.T) {
	for _, c := range []struct {
		raw  string
		want int
	}{
		{`{"v":1,"id":"a1"}`, 1},
		{`{"v":1}`, 1},
		{`{"v":42,"id":"a1"}`, 42},
		{`{"v":0,"id":"a1"}`, 0},
		{`{"v":01,"id":"a1"}`, -1},  // not JSON
		{`{"v":1.5,"id":"a1"}`, -1}, // not a whole number
		{`{"v":-1,"id":"a1"}`, -1},
		{`{"v":1234567,"id":"a1"}`, -1}, // longer than any real version
		{`{"v":1`, -1},
		{`{"v":,"id":"a1"}`, -1},
		{`{ "v":1,"id":"a1"}`, -1},
		{`{"id":"a1","v":1}`, -1},
		{`{"v":1,"id":"a1","v":2}`, -1}, // the last "v" is the one JSON keeps
		{`{"v":1,"answer":"say \"v\""}`, 1},
		{``, -1},
	} {
		if got := quickVersion([]byte(c.raw)); got != c.want {
			t.Errorf("quickVersion(%s) = %d, want %d", c.raw, got, c.want)
		}
	}
}

// TestDecodeDuplicateVersion checks that a record naming its version twice
// is judged by the last, as JSON reads it, and not by the quick path.
func TestDecodeDuplicateVersion(t *testing.T) {
	m := NewMemory(0)
	must(t, m.Set(Prefix+"attempt/a1", `{"v":1,"id":"a1","question":"q","saved":"2025-03-01T09:30:00Z","v":99}`))
	s := Open(m)
	if ro, _ := s.ReadOnly(); !ro {
		t.Error("a record whose last \"v\" is 99 did not make the store read-only")
	}
	if len(s.Attempts()) != 0 || len(s.Problems()) != 1 {
		t.Errorf("got %d attempts and %d problems, want the record kept aside as a problem", len(s.Attempts()), len(s.Problems()))
	}
}

// TestRecordsAreNotGoAppStates guards the records against go-app's start-up
// sweep of localStorage (CleanupExpiredPersistedStates in go-app v10), which
// reads every item as one of its own persisted states and deletes those whose
// "Value" or "EncryptedValue" is set and whose "ExpiresAt" has passed. Go's
// JSON decoding matches keys whatever their case, so a record with such keys
// could be deleted behind the store's back. None may have them.
func TestRecordsAreNotGoAppStates(t *testing.T) {
	a := sampleAttempt("a1", 0)
	a.Fields = &Fields{Situation: "s", Task: "t", Action: "a", Result: "r"}
	d := sampleDraft("q", 0)
	d.Answer = "x"
	records := []any{
		settingsWire{V: Version, Settings: Settings{Theme: "dark", TargetSeconds: 90, Mode: "guided", UpdatedAt: at(1)}},
		attemptWire{V: Version, Attempt: a},
		draftWire{V: Version, Draft: d},
		questionWire{V: Version, Question: Question{ID: "mine-1", Competency: "c", Text: "t", CreatedAt: at(0), UpdatedAt: at(1)}},
	}
	for _, r := range records {
		raw, err := encode(r)
		if err != nil {
			t.Fatal(err)
		}
		var top map[string]json.RawMessage
		if err := json.Unmarshal([]byte(raw), &top); err != nil {
			t.Fatal(err)
		}
		for k := range top {
			for _, taken := range []string{"Value", "EncryptedValue", "ExpiresAt"} {
				if strings.EqualFold(k, taken) {
					t.Errorf("%T has the key %q, which go-app reads as its state's %s: rename it", r, k, taken)
				}
			}
		}
	}
}

func TestJSONKind(t *testing.T) {
	for raw, want := range map[string]string{
		"":          "empty",
		" \n\t":     "empty",
		`{"a":1}`:   "a JSON object",
		` [1, 2] `:  "a JSON array",
		`"text"`:    "a JSON string",
		`false`:     "a JSON true/false value",
		`null`:      "JSON null",
		`-12.5e3`:   "a JSON number",
		`{"a":`:     "not valid JSON",
		`12 13`:     "not valid JSON",
		`[1,]`:      "not valid JSON",
		"\u00a0{}":  "not valid JSON",
		`{"a":1}x`:  "not valid JSON",
		`"unclosed`: "not valid JSON",
	} {
		if got := jsonKind([]byte(raw)); got != want {
			t.Errorf("jsonKind(%q) = %q, want %q", raw, got, want)
		}
	}
}
