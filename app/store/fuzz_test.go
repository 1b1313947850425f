package store

import (
	"bytes"
	"encoding/json"
	"strings"
	"testing"
	"unicode/utf8"
)

func FuzzImport(f *testing.F) {
	src := mustOpenF(f)
	mustF(f, src.SaveSettings(Settings{Theme: "dark", UpdatedAt: at(1)}))
	a := sampleAttempt("a1", 0)
	a.Fields = &Fields{Situation: "S 😀"}
	mustF(f, src.SaveAttempt(a))
	mustF(f, src.SaveDraft(sampleDraft("q1", 0)))
	mustF(f, src.SaveQuestion(sampleQuestion("mine-1", 0)))
	backup, _ := src.Export(t0)
	f.Add(backup)
	f.Add([]byte(`{"format":"stardrill-backup","version":1,"attempts":[{"id":"x","question":"q","saved":"2025-01-01T00:00:00Z"}]}`))
	f.Add([]byte(`{"format":"stardrill-backup","version":1,"attempts":[{"v":1,"id":"a1","question":"q","saved":"2026-01-01T00:00:00Z"},{"v":1,"id":"a1","question":"q","saved":"2026-01-01T00:00:00Z"}]}`))
	f.Add([]byte(`{"format":"stardrill-backup","version":1,"drafts":[{"v":1,"question":"q1","updated":"2030-01-01T00:00:00Z","fields":{"task":"t"}}]}`))
	f.Add([]byte(`[]`))
	f.Add([]byte(`{"format":"stardrill-backup","version":2}`))
	f.Add([]byte("\xef\xbb\xbf{}"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m := NewMemory(0)
		s := mustOpen(t, m)
		must(t, s.SaveAttempt(sampleAttempt("a1", 0)))
		must(t, s.SaveAttempt(sampleAttempt("keep", 0)))
		before, _ := m.Keys()
		sum, err := s.Import(data)
		if err != nil {
			if sum != (Summary{}) {
				t.Fatalf("summary %+v with error %v", sum, err)
			}
			if msg := err.Error(); msg == "" || !utf8.ValidString(msg) {
				t.Fatalf("bad message %q", msg)
			}
			return
		}
		after, _ := m.Keys()
		for _, k := range before {
			if !contains(after, k) {
				t.Fatalf("import removed %s", k)
			}
		}
		if p := s.Problems(); len(p) > 0 {
			t.Fatalf("import stored values the store cannot read: %+v", p)
		}
		// What the store shows is what a fresh store reads.
		out, err := s.Export(t0)
		must(t, err)
		out2, err := mustOpen(t, m).Export(t0)
		must(t, err)
		if !bytes.Equal(out, out2) {
			t.Fatal("the importing store and a fresh one disagree")
		}
		// Importing the result again changes nothing.
		sum, err = s.Import(out)
		must(t, err)
		if sum.Added != 0 || sum.Updated != 0 || sum.Kept != 0 {
			t.Fatalf("re-import: %+v", sum)
		}
	})
}

func FuzzOpen(f *testing.F) {
	f.Add(uint8(0), "attempt/x", `{"v":1,"id":"x","question":"q","saved":"2025-03-01T09:30:00Z"}`, `{"v":1,"id":"y"}`)
	f.Add(uint8(1), "schema", "2", `{`)
	f.Add(uint8(2), "settings", `{"theme":"dark"}`, `null`)
	f.Add(uint8(3), "draft/q", `{"v":1,"question":"q","updated":"2025-03-01T09:30:00Z","fields":{}}`, `[]`)
	f.Add(uint8(4), "question/mine-1", `{"v":0,"id":"mine-1","text":"t","created":"2025-03-01T09:30:00Z"}`, `{"v":99}`)
	f.Add(uint8(5), "attempt/a1", `{"v":1,"id":"a1","question":"q","saved":"2025-03-01T09:30:00+05:00","seconds":1e3}`, "\xff")
	f.Fuzz(func(t *testing.T, which uint8, suffix, raw1, raw2 string) {
		fixed := []string{"attempt/a1", "attempt/q", "draft/q", "draft/q1", "question/mine-1", "settings", "schema"}
		m := NewMemory(0)
		must(t, m.Set(Prefix+suffix, raw1))
		key2 := Prefix + fixed[int(which)%len(fixed)]
		must(t, m.Set(key2, raw2))
		must(t, m.Set("other/key", raw2))
		stored := func() map[string]string {
			keys, _ := m.Keys()
			out := map[string]string{}
			for _, k := range keys {
				out[k], _, _ = m.Get(k)
			}
			return out
		}
		orig := stored()

		s := Open(m)
		ro, why := s.ReadOnly()
		if ro && why == "" {
			t.Fatal("read-only without a reason")
		}
		for _, p := range s.Problems() {
			if p.Raw != orig[p.Key] || p.Reason == "" || !strings.HasPrefix(p.Key, Prefix) {
				t.Fatalf("problem %+v", p)
			}
		}
		_ = s.Settings()
		_ = s.Attempts()
		_ = s.Drafts()
		_ = s.Questions()

		// Saves never touch a value the store could not read.
		problems := s.Problems()
		_ = s.SaveAttempt(sampleAttempt("a1", 0))
		_ = s.SaveAttempt(sampleAttempt("q", 0))
		_ = s.SaveDraft(sampleDraft("q", 0))
		_ = s.SaveQuestion(sampleQuestion("mine-1", 0))
		_ = s.SaveSettings(Settings{})
		_ = s.DeleteDraft("q1")
		now := stored()
		for _, p := range problems {
			if v, ok := now[p.Key]; !ok || v != orig[p.Key] {
				t.Fatalf("%s changed from %q to %q", p.Key, orig[p.Key], v)
			}
		}
		if ro && len(now) != len(orig) {
			t.Fatal("a read-only store wrote")
		}
		for k, v := range orig {
			if ro && now[k] != v {
				t.Fatalf("a read-only store changed %s", k)
			}
		}
		if now["other/key"] != raw2 {
			t.Fatal("another app's key changed")
		}

		// RawDump mirrors the stored stardrill keys.
		var dump map[string]string
		if err := json.Unmarshal(s.RawDump(), &dump); err != nil {
			t.Fatal(err)
		}
		for k, v := range now {
			if !strings.HasPrefix(k, Prefix) {
				if _, ok := dump[k]; ok {
					t.Fatalf("raw dump has %s", k)
				}
				continue
			}
			// JSON carries only valid UTF-8; browsers never hand out anything else.
			if dump[string([]rune(k))] != string([]rune(v)) {
				t.Fatalf("raw dump of %s is %q, stored %q", k, dump[k], v)
			}
		}

		// Whatever the store could read, it can export, and the export imports.
		out, err := s.Export(t0)
		must(t, err)
		fresh := mustOpen(t, NewMemory(0))
		if _, err := fresh.Import(out); err != nil {
			t.Fatalf("export does not import: %v\n%s", err, out)
		}
		again, err := fresh.Export(t0)
		must(t, err)
		if !bytes.Equal(out, again) {
			t.Fatalf("round trip differs:\n%s\n%s", out, again)
		}
	})
}

func mustOpenF(f *testing.F) *Store {
	return Open(NewMemory(0))
}

func mustF(f *testing.F, err error) {
	f.Helper()
	if err != nil {
		f.Fatal(err)
	}
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}
