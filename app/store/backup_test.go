package store

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"testing"
	"time"
)

// filled returns a store with a bit of everything, awkward text included.
func filled(t *testing.T, m *Memory) *Store {
	t.Helper()
	s := mustOpen(t, m)
	must(t, s.SaveSettings(Settings{Theme: "dark", TargetSeconds: 90, Mode: "guided", UpdatedAt: at(-10)}))
	for i := 0; i < 5; i++ {
		a := sampleAttempt(fmt.Sprintf("a%d", i), i)
		switch i {
		case 1:
			a.Answer = "Результат 😀 — עברית and العربية <tag> & \"quotes\" \u2028"
			a.Fields = &Fields{Situation: "S 🚚", Result: "R"}
		case 2:
			a.Answer = strings.Repeat("long ", MaxField/5)
		case 3:
			a.Grade, a.Score = "", 0
		}
		must(t, s.SaveAttempt(a))
	}
	must(t, s.SaveDraft(sampleDraft("made-a-mistake", 3)))
	must(t, s.SaveDraft(Draft{QuestionID: "mine-q1", Answer: "half done…", UpdatedAt: at(4)}))
	must(t, s.SaveQuestion(sampleQuestion("mine-q1", -5)))
	must(t, s.SaveQuestion(Question{ID: "mine-q2", Text: "¿Cuándo cambiaste de opinión?", CreatedAt: at(-4), UpdatedAt: at(-1)}))
	return s
}

func TestExportFormat(t *testing.T) {
	s := mustOpen(t, NewMemory(0))
	must(t, s.SaveAttempt(Attempt{ID: "a1", QuestionID: "q", SavedAt: at(0), Answer: "<ok>"}))
	got, err := s.Export(time.Date(2025, 3, 2, 8, 0, 0, 0, time.FixedZone("X", 7200)))
	must(t, err)
	want := `{
  "format": "stardrill-backup",
  "version": 1,
  "exportedAt": "2025-03-02T06:00:00Z",
  "attempts": [
    {
      "v": 2,
      "id": "a1",
      "question": "q",
      "answer": "<ok>",
      "saved": "2025-03-01T09:30:00Z"
    }
  ],
  "drafts": [],
  "questions": []
}
`
	if string(got) != want {
		t.Errorf("export:\n%s\nwant:\n%s", got, want)
	}
}

func TestExportEraseImportRoundTrip(t *testing.T) {
	m := NewMemory(0)
	s := filled(t, m)
	before := s.RawDump()
	first, err := s.Export(t0)
	must(t, err)
	must(t, s.Erase())
	if keys, _ := m.Keys(); len(keys) != 0 {
		t.Fatalf("keys after erase: %v", keys)
	}
	sum, err := s.Import(first)
	must(t, err)
	if want := (Summary{Added: 10}); sum != want {
		t.Errorf("summary %+v, want %+v", sum, want)
	}
	second, err := s.Export(t0)
	must(t, err)
	if !bytes.Equal(first, second) {
		t.Errorf("export after erase and import differs:\n%s\n---\n%s", first[:500], second[:500])
	}
	if after := s.RawDump(); !bytes.Equal(before, after) {
		t.Error("stored values differ after erase and import")
	}
	// A fresh store over the same memory exports the same bytes too.
	third, err := mustOpen(t, m).Export(t0)
	must(t, err)
	if !bytes.Equal(first, third) {
		t.Error("a reopened store exports different bytes")
	}
	// Importing again changes nothing.
	sum, err = s.Import(first)
	must(t, err)
	if want := (Summary{Unchanged: 10}); sum != want {
		t.Errorf("second import: %+v, want %+v", sum, want)
	}
	// Into another device.
	other := mustOpen(t, NewMemory(0))
	_, err = other.Import(first)
	must(t, err)
	fourth, _ := other.Export(t0)
	if !bytes.Equal(first, fourth) {
		t.Error("another device exports different bytes")
	}
}

func TestImportErrors(t *testing.T) {
	good := func(f func(map[string]any)) []byte {
		doc := map[string]any{
			"format": "stardrill-backup", "version": 1, "exportedAt": "2025-03-01T00:00:00Z",
			"attempts": []any{map[string]any{"v": 1, "id": "a1", "question": "q", "saved": "2025-03-01T09:30:00Z"}},
		}
		f(doc)
		b, err := json.Marshal(doc)
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	attempt := func(f func(map[string]any)) []byte {
		return good(func(doc map[string]any) {
			a := map[string]any{"v": 1, "id": "a2", "question": "q", "saved": "2025-03-01T09:30:00Z"}
			f(a)
			doc["attempts"] = []any{doc["attempts"].([]any)[0], a}
		})
	}
	const choose = " Choose a file exported from Settings → Export backup."
	const again = " Export the backup again from Settings → Export backup."
	tests := []struct {
		name string
		data []byte
		want string
	}{
		{"empty", nil, "This file is not a stardrill backup (the file is empty)." + choose},
		{"spaces", []byte(" \n "), "This file is not a stardrill backup (the file is empty)." + choose},
		{"not UTF-8", []byte("\xff\xfe{}"), "This file is not a stardrill backup (it is not UTF-8 text)." + choose},
		{"not JSON", []byte("Dear diary, today I practised."), "This file is not a stardrill backup (it is not valid JSON: invalid character 'D' looking for beginning of value at byte 1)." + choose},
		{"truncated", []byte(`{"format": "stardrill-backup", "version": 1, "attempts": [`), "This file is not a stardrill backup (it is not valid JSON: unexpected end of JSON input at byte 58)." + choose},
		{"array", []byte(`[{"format": "stardrill-backup"}]`), "This file is not a stardrill backup (it holds a JSON array, not a JSON object)." + choose},
		{"string", []byte(`"stardrill-backup"`), "This file is not a stardrill backup (it holds a JSON string, not a JSON object)." + choose},
		{"null", []byte(`null`), "This file is not a stardrill backup (it holds JSON null, not a JSON object)." + choose},
		{"other app", []byte(`{"name": "my-notes", "notes": [{"id": 1}]}`), `This file is not a stardrill backup (no "format": "stardrill-backup" field).` + choose},
		{"other format", []byte(`{"format": "anki-deck", "version": 1}`), `This file is not a stardrill backup (its "format" is "anki-deck", not "stardrill-backup").` + choose},
		{"format number", []byte(`{"format": 7}`), `This file is not a stardrill backup (its "format" is 7, not "stardrill-backup").` + choose},
		{"no version", []byte(`{"format": "stardrill-backup"}`), `This backup has no "version" field, so stardrill cannot tell how to read it.` + again},
		{"version text", []byte(`{"format": "stardrill-backup", "version": "1"}`), `This backup's "version" is "1", not a whole number.` + again},
		{"version zero", []byte(`{"format": "stardrill-backup", "version": 0}`), `This backup's "version" is 0, which no version of stardrill writes.` + again},
		{"newer", []byte(`{"format": "stardrill-backup", "version": 2, "tags": []}`), "This backup was made by a newer version of stardrill (backup version 2; this version reads up to 1). Reload the page to update stardrill, then import it again."},
		{"unknown field", good(func(d map[string]any) { d["tags"] = []any{} }), `This backup has a field that this version of stardrill does not know ("tags"), so it was not imported. If the file came from a newer version, reload the page to update stardrill and import it again; otherwise remove that field from the file.`},
		{"bad exportedAt", good(func(d map[string]any) { d["exportedAt"] = "last Tuesday" }), `This backup's "exportedAt" is "last Tuesday", not a time like "2025-01-31T09:30:00Z".` + again},
		{"attempts not a list", good(func(d map[string]any) { d["attempts"] = map[string]any{} }), `This backup's "attempts" is a JSON object, not a list of records.` + again},
		{"bad grade", attempt(func(a map[string]any) { a["grade"] = "meh" }), `This backup was not imported, and nothing was changed: attempt 2 (ID "a2"): grade "meh" is not one of again, hard, good, easy. Fix or remove those records in the file, or export the backup again.`},
		{"score", attempt(func(a map[string]any) { a["score"] = 250 }), `attempt 2 (ID "a2"): score is 250; it must be between 0 and 100.`},
		{"seconds", attempt(func(a map[string]any) { a["seconds"] = -4 }), `attempt 2 (ID "a2"): seconds is -4; it cannot be negative.`},
		{"bad ID", attempt(func(a map[string]any) { a["id"] = "../../etc" }), `attempt 2 (ID "../../etc"): ID "../../etc" has the character '/'`},
		{"no ID", attempt(func(a map[string]any) { delete(a, "id") }), `attempt 2: ID is empty.`},
		{"huge", attempt(func(a map[string]any) { a["answer"] = strings.Repeat("b", MaxField+1) }), `attempt 2 (ID "a2"): answer is 1.0 MB, over the limit of 1 MB for one field; shorten it.`},
		{"unknown record field", attempt(func(a map[string]any) { a["mood"] = 1 }), `attempt 2 (ID "a2"): it does not match the attempt format: unknown field "mood".`},
		{"record not object", good(func(d map[string]any) { d["attempts"] = []any{42} }), `attempt 1: it is a JSON number, not a JSON object.`},
		{"newer record", attempt(func(a map[string]any) { a["v"] = Version + 1 }), `attempt 2 (ID "a2"): it was saved by a newer version of stardrill (record version 3; this version reads up to 2). Reload the page to update stardrill, then import it again.`},
		{"bad draft", good(func(d map[string]any) { d["drafts"] = []any{map[string]any{"v": 1, "question": "q"}} }), `draft 1 (question "q"): updated time is missing.`},
		{"bad question", good(func(d map[string]any) {
			d["questions"] = []any{map[string]any{"v": 1, "id": "mine-1", "created": "2025-03-01T09:30:00Z"}}
		}), `question 1 (ID "mine-1"): question text is empty.`},
		{"bad settings", good(func(d map[string]any) { d["settings"] = map[string]any{"v": 1, "theme": "neon"} }), `the settings: theme "neon" is not one of system, light, dark.`},
		{"many bad", good(func(d map[string]any) {
			var l []any
			for i := 0; i < 5; i++ {
				l = append(l, map[string]any{"v": 1, "id": fmt.Sprint("x", i), "question": "q", "saved": "2025-03-01T09:30:00Z", "grade": "bad"})
			}
			d["attempts"] = l
		}), `attempt 3 (ID "x2"): grade "bad" is not one of again, hard, good, easy; and 2 more. Fix`},
		{"conflicting duplicates", good(func(d map[string]any) {
			d["attempts"] = []any{
				map[string]any{"v": 1, "id": "a1", "question": "q", "saved": "2025-03-01T09:30:00Z", "answer": "one"},
				map[string]any{"v": 1, "id": "a1", "question": "q", "saved": "2025-03-01T09:30:00Z", "answer": "two"},
			}
		}), `This backup was not imported: it has two different copies of the same attempt with the same change time (attempt 1 (ID "a1") and attempt 2 (ID "a1")), so stardrill cannot tell which to keep. Remove one of them from the file, then import again.`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := NewMemory(0)
			s := mustOpen(t, m)
			must(t, s.SaveAttempt(sampleAttempt("mine", 0)))
			before := s.RawDump()
			sum, err := s.Import(tt.data)
			if err == nil || !strings.Contains(err.Error(), tt.want) {
				t.Fatalf("got\n%v\nwant it to contain\n%s", err, tt.want)
			}
			if !errors.Is(err, ErrInvalid) {
				t.Error("error does not match ErrInvalid")
			}
			if sum != (Summary{}) {
				t.Errorf("summary %+v for a rejected file", sum)
			}
			if after := s.RawDump(); !bytes.Equal(before, after) {
				t.Error("a rejected import changed the stored data")
			}
		})
	}
}

func TestImportMerge(t *testing.T) {
	m := NewMemory(0)
	s := mustOpen(t, m)
	must(t, s.SaveSettings(Settings{Theme: "dark", UpdatedAt: at(5)}))
	must(t, s.SaveAttempt(sampleAttempt("same", 0)))
	older := sampleAttempt("local-newer", 10)
	must(t, s.SaveAttempt(older))
	stale := sampleAttempt("local-older", 0)
	must(t, s.SaveAttempt(stale))
	tie := sampleAttempt("tie", 3)
	must(t, s.SaveAttempt(tie))
	must(t, s.SaveDraft(sampleDraft("q1", 0)))
	must(t, s.SaveQuestion(sampleQuestion("mine-1", 0)))

	// The backup, made on another device.
	o := mustOpen(t, NewMemory(0))
	must(t, o.SaveSettings(Settings{Theme: "light", UpdatedAt: at(1)})) // older: kept local
	must(t, o.SaveAttempt(sampleAttempt("same", 0)))                    // identical
	b := sampleAttempt("local-newer", 5)                                // older than here
	b.Grade = "again"
	must(t, o.SaveAttempt(b))
	c := sampleAttempt("local-older", 7) // newer than here
	c.Grade, c.Answer = "easy", "rewritten answer ✓"
	must(t, o.SaveAttempt(c))
	d := sampleAttempt("tie", 3) // same time, different text: kept local
	d.Answer = "other"
	must(t, o.SaveAttempt(d))
	must(t, o.SaveAttempt(sampleAttempt("brand-new", 20)))
	dr := sampleDraft("q1", 9) // newer draft
	dr.Answer = "more"
	must(t, o.SaveDraft(dr))
	q := sampleQuestion("mine-1", 0) // edited later
	q.Text, q.UpdatedAt = "Tell me about a time you covered a shift.", at(2)
	must(t, o.SaveQuestion(q))
	must(t, o.SaveQuestion(sampleQuestion("mine-2", 1)))
	backup, err := o.Export(t0)
	must(t, err)

	sum, err := s.Import(backup)
	must(t, err)
	if want := (Summary{Added: 2, Updated: 3, Unchanged: 1, Kept: 3}); sum != want {
		t.Errorf("summary %+v, want %+v", sum, want)
	}
	if got, want := sum.String(), "2 added, 3 updated, 1 already here, 3 older copies ignored"; got != want {
		t.Errorf("summary text %q, want %q", got, want)
	}
	check := func(s *Store) {
		t.Helper()
		if s.Settings().Theme != "dark" {
			t.Error("older settings replaced newer ones")
		}
		if a, _ := s.Attempt("local-newer"); a.Grade != "good" {
			t.Error("an older attempt replaced a newer one")
		}
		if a, _ := s.Attempt("local-older"); a.Grade != "easy" || a.Answer != "rewritten answer ✓" {
			t.Errorf("a newer attempt did not replace an older one: %+v", a)
		}
		if a, _ := s.Attempt("tie"); a.Answer != tie.Answer {
			t.Error("a tie replaced the local copy")
		}
		if _, ok := s.Attempt("brand-new"); !ok {
			t.Error("new attempt not added")
		}
		if d, _ := s.Draft("q1"); d.Answer != "more" {
			t.Error("newer draft not taken")
		}
		if len(s.Questions()) != 2 || s.Questions()[0].Text != q.Text {
			t.Errorf("questions: %+v", s.Questions())
		}
		if len(s.Attempts()) != 5 {
			t.Errorf("%d attempts, want 5 (no duplicates)", len(s.Attempts()))
		}
	}
	check(s)
	check(mustOpen(t, m)) // and it was all written
	if got := (Summary{Added: 1, Kept: 1}).String(); got != "1 added, 0 updated, 0 already here, 1 older copy ignored" {
		t.Errorf("summary text %q", got)
	}
}

func TestImportDuplicatesInFile(t *testing.T) {
	rec := func(id, saved, answer string) map[string]any {
		return map[string]any{"v": 1, "id": id, "question": "q", "saved": saved, "answer": answer}
	}
	doc := map[string]any{
		"format": "stardrill-backup", "version": 1,
		"attempts": []any{
			rec("a", "2025-03-01T09:30:00Z", "first"),
			rec("a", "2025-03-01T09:30:00Z", "first"), // exact copy
			rec("b", "2025-03-01T09:30:00Z", "old"),
			rec("b", "2025-03-02T09:30:00Z", "new"), // newer copy wins
			rec("c", "2025-03-02T09:30:00Z", "new"),
			rec("c", "2025-03-01T09:30:00Z", "old"), // older copy loses
		},
		"drafts": []any{
			map[string]any{"v": 1, "question": "q", "updated": "2025-03-01T09:30:00Z"},
			map[string]any{"updated": "2025-03-01T09:30:00Z", "question": "q", "v": 1}, // same, other key order
		},
	}
	data, _ := json.Marshal(doc)
	s := mustOpen(t, NewMemory(0))
	sum, err := s.Import(data)
	must(t, err)
	if want := (Summary{Added: 4}); sum != want {
		t.Errorf("summary %+v, want %+v", sum, want)
	}
	if a, _ := s.Attempt("b"); a.Answer != "new" {
		t.Errorf("b = %q, want the newer copy", a.Answer)
	}
	if a, _ := s.Attempt("c"); a.Answer != "new" {
		t.Errorf("c = %q, want the newer copy", a.Answer)
	}
}

func TestImportLegacyAndBOM(t *testing.T) {
	data := "\xef\xbb\xbf" + `{"format":"stardrill-backup","version":1,
		"settings":{"theme":"light"},
		"attempts":[{"id":"old","question":"q","saved":"2024-01-01T10:00:00+02:00","grade":"hard"}],
		"drafts":null}`
	s := mustOpen(t, NewMemory(0))
	sum, err := s.Import([]byte(data))
	must(t, err)
	if sum.Added != 2 {
		t.Errorf("summary %+v", sum)
	}
	a, _ := s.Attempt("old")
	if want := time.Date(2024, 1, 1, 8, 0, 0, 0, time.UTC); a.SavedAt != want || a.Grade != "hard" {
		t.Errorf("legacy attempt: %+v", a)
	}
	if s.Settings().Theme != "light" || s.Settings().TargetSeconds != 120 {
		t.Errorf("legacy settings: %+v", s.Settings())
	}
}

func TestImportFull(t *testing.T) {
	src := filled(t, NewMemory(0))
	backup, err := src.Export(t0)
	must(t, err)

	for _, setsBeforeFailure := range []int{1, 2, 5, 9} {
		t.Run(fmt.Sprint(setsBeforeFailure), func(t *testing.T) {
			m := &flaky{Memory: NewMemory(0)}
			s := mustOpen(t, m)
			must(t, s.SaveAttempt(sampleAttempt("a0", -50))) // older than the backup's a0
			must(t, s.SaveAttempt(sampleAttempt("only-here", 0)))
			before := s.RawDump()
			m.setsLeft = setsBeforeFailure
			sum, err := s.Import(backup)
			if !errors.Is(err, ErrFull) {
				t.Fatalf("got %v, want ErrFull", err)
			}
			if want := "Storage for stardrill is full, so the backup was not imported; nothing on this device changed. " +
				"Export a backup of what is here, delete old attempts to make room, then import again."; err.Error() != want {
				t.Errorf("message:\n%s\nwant\n%s", err, want)
			}
			if sum != (Summary{}) {
				t.Errorf("summary %+v", sum)
			}
			if after := s.RawDump(); !bytes.Equal(before, after) {
				t.Errorf("a failed import left changes:\n%s\nwant\n%s", after, before)
			}
			if a, _ := s.Attempt("a0"); !a.SavedAt.Equal(at(-50)) {
				t.Error("the store shows the backup's copy after a failed import")
			}
			if len(s.Attempts()) != 2 {
				t.Errorf("%d attempts in the store", len(s.Attempts()))
			}
		})
	}

	// Into an empty store: the schema marker is taken back too, and written
	// again by the next save.
	m0 := &flaky{Memory: NewMemory(0)}
	s0 := mustOpen(t, m0)
	m0.setsLeft = 3
	if _, err := s0.Import(backup); !errors.Is(err, ErrFull) {
		t.Fatalf("got %v, want ErrFull", err)
	}
	if keys, _ := m0.Keys(); len(keys) != 0 {
		t.Errorf("keys left after a failed import into an empty store: %v", keys)
	}
	must(t, s0.SaveAttempt(sampleAttempt("x", 0)))
	if v, _, _ := m0.Get("stardrill/schema"); v != fmt.Sprint(Version) {
		t.Errorf("schema marker %q after the next save", v)
	}

	// When the writes cannot be taken back, the error says so.
	m1 := &flaky{Memory: NewMemory(0)}
	s1 := mustOpen(t, m1)
	must(t, s1.SaveAttempt(sampleAttempt("here", 0)))
	m1.setsLeft, m1.failRm = 4, true
	_, err = s1.Import(backup)
	if !errors.Is(err, ErrFull) || !strings.HasPrefix(err.Error(), "The import stopped partway: storage for stardrill filled up (") {
		t.Errorf("partial import: %v", err)
	}
	if _, ok := s1.Attempt("here"); !ok || len(s1.Attempts()) != 3 {
		t.Errorf("after a partial import the store shows %d attempts, want 3 (here + 2 imported)", len(s1.Attempts()))
	}

	// With a real quota: the store on this device is almost full.
	m := NewMemory(3000)
	s := mustOpen(t, m)
	must(t, s.SaveAttempt(sampleAttempt("here", 0)))
	before := s.RawDump()
	if _, err := s.Import(backup); !errors.Is(err, ErrFull) {
		t.Fatalf("got %v, want ErrFull", err)
	}
	if !bytes.Equal(before, s.RawDump()) {
		t.Error("a failed import left changes")
	}
}

func TestImportIntoProblemsAndReadOnly(t *testing.T) {
	src := mustOpen(t, NewMemory(0))
	must(t, src.SaveAttempt(sampleAttempt("bad", 0)))
	backup, _ := src.Export(t0)

	m := NewMemory(0)
	must(t, m.Set("stardrill/attempt/bad", "{broken"))
	s := Open(m)
	_, err := s.Import(backup)
	if !errors.Is(err, ErrProtected) || !strings.HasPrefix(err.Error(), `Nothing imported: the backup has attempt 1 (ID "bad"), but the copy already at stardrill/attempt/bad could not be read`) {
		t.Errorf("import over a bad value: %v", err)
	}
	if v, _, _ := m.Get("stardrill/attempt/bad"); v != "{broken" {
		t.Error("import overwrote a bad value")
	}

	must(t, m.Set("stardrill/schema", "5"))
	must(t, s.Reload())
	if _, err := s.Import(backup); !errors.Is(err, ErrReadOnly) || !strings.HasPrefix(err.Error(), "Nothing imported: This data was saved by a newer version") {
		t.Errorf("import into a read-only store: %v", err)
	}
}
