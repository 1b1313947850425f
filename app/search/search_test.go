package search

import (
	"fmt"
	"strings"
	"testing"
	"unicode/utf8"

	"stardrill/app/bank"
	"stardrill/content"
)

func realIndex(t testing.TB) (*Index, *bank.Bank) {
	t.Helper()
	b, err := bank.Load(content.Files)
	if err != nil {
		t.Fatalf("loading the bank: %v", err)
	}
	return New(FromBank(b)), b
}

func TestFindRealBank(t *testing.T) {
	ix, _ := realIndex(t)
	tests := []struct {
		query string
		want  string // a question ID that must be among the first three
	}{
		{"mistake", "made-a-mistake"},
		{"made a mistake", "made-a-mistake"},
		{"mistak", "made-a-mistake"},
		{"significant error", "made-a-mistake"},
		{"decision turn out wrong", "made-a-mistake"},
		// American spelling finds the bank's British, and back; a hyphen
		// or a final e does not stand in the way.
		{"prioritize", "got-priorities-wrong"},
		{"prioritized the wrong", "got-priorities-wrong"},
		{"co-worker conflict", "conflict-with-coworker"},
		{"apologise coworkers", "mistake-made-work-for-colleague"},
	}
	for _, tt := range tests {
		t.Run(tt.query, func(t *testing.T) {
			got := ix.Find(tt.query, 10)
			if len(got) == 0 {
				t.Fatal("no results")
			}
			for i := 0; i < len(got) && i < 3; i++ {
				if got[i].QuestionID == tt.want {
					return
				}
			}
			var ids []string
			for _, r := range got {
				ids = append(ids, r.QuestionID)
			}
			t.Errorf("%q not in the first three: %v", tt.want, ids)
		})
	}
}

func TestFindShape(t *testing.T) {
	ix := New([]Entry{
		{"a", "Tell me about a time you missed a deadline.", Canonical},
		{"a", "When did you run late on a delivery?", Variant},
		{"a", "Deadlines · time, planning", Topic},
		{"b", "Describe a conflict with a coworker.", Canonical},
		{"b", "Conflict · people", Topic},
		{"c", "Deadline café ☕ question", Canonical},
	})
	got := ix.Find("deadline", 10)
	seen := map[string]bool{}
	for _, r := range got {
		if seen[r.QuestionID] {
			t.Errorf("question %s listed twice", r.QuestionID)
		}
		seen[r.QuestionID] = true
		if len(r.Matched) != len("deadline") {
			t.Errorf("%s: %d matched offsets, want %d", r.QuestionID, len(r.Matched), len("deadline"))
		}
		for _, off := range r.Matched {
			if off < 0 || off >= len(r.Text) || !utf8.RuneStart(r.Text[off]) {
				t.Errorf("%s: offset %d is not a character start in %q", r.QuestionID, off, r.Text)
			}
		}
	}
	if !seen["a"] || !seen["c"] || seen["b"] {
		t.Errorf("results %v: want a and c, not b", got)
	}
	if got := ix.Find("late delivery", 10); len(got) == 0 || got[0].Kind != Variant {
		t.Errorf("a query that matches a variant should show the variant, got %+v", got)
	}
	if got := ix.Find("   ", 10); got != nil {
		t.Errorf("blank query found %v", got)
	}
	if got := ix.Find("deadline", 1); len(got) != 1 {
		t.Errorf("limit 1 gave %d results", len(got))
	}
}

func TestSegments(t *testing.T) {
	tests := []struct {
		text    string
		matched []int
		want    string
	}{
		{"mistake", []int{0, 1, 2}, "[mis]take"},
		{"a mistake", []int{2, 3, 4, 5, 6, 7, 8}, "a [mistake]"},
		{"café ok", []int{3, 6}, "caf[é] [o]k"},
		{"café", []int{4}, "café"}, // not a character start
		{"abc", []int{-1, 9}, "abc"},
		{"", nil, ""},
		{"abc", nil, "abc"},
	}
	for _, tt := range tests {
		var sb strings.Builder
		for _, s := range Segments(tt.text, tt.matched) {
			if s.Matched {
				sb.WriteString("[" + s.Text + "]")
			} else {
				sb.WriteString(s.Text)
			}
		}
		if sb.String() != tt.want {
			t.Errorf("Segments(%q, %v) = %q, want %q", tt.text, tt.matched, sb.String(), tt.want)
		}
	}
}

// queries are prefixes a person types, one keystroke at a time.
func queries() []string {
	var out []string
	for _, q := range []string{"mistake at work", "conflict coworker", "deadline", "leadership"} {
		for i := 1; i <= len(q); i++ {
			out = append(out, q[:i])
		}
	}
	return out
}

func BenchmarkFindRealBank(b *testing.B) {
	ix, _ := realIndex(b)
	qs := queries()
	b.ReportMetric(float64(ix.Len()), "entries")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ix.Find(qs[i%len(qs)], 50)
	}
}

func BenchmarkFindTenfold(b *testing.B) {
	_, bk := realIndex(b)
	var entries []Entry
	for k := 0; k < 10; k++ {
		for _, e := range FromBank(bk) {
			e.QuestionID = fmt.Sprintf("%s-%d", e.QuestionID, k)
			entries = append(entries, e)
		}
	}
	ix := New(entries)
	qs := queries()
	b.ReportMetric(float64(ix.Len()), "entries")
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		ix.Find(qs[i%len(qs)], 50)
	}
}

// TestSessionMatchesIndex checks that narrowing by the previous query never
// changes what a query finds.
func TestSessionMatchesIndex(t *testing.T) {
	ix, _ := realIndex(t)
	s := ix.Session()
	for _, q := range append(queries(), "m", "mx", "m", "", "lead", "leader", "lea") {
		want := fmt.Sprint(ix.Find(q, 50))
		if got := fmt.Sprint(s.Find(q, 50)); got != want {
			t.Fatalf("session query %q:\n got %s\nwant %s", q, got, want)
		}
	}
}

func BenchmarkSessionRealBank(b *testing.B) {
	ix, _ := realIndex(b)
	qs := queries()
	s := ix.Session()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		s.Find(qs[i%len(qs)], 50)
	}
}

// FuzzFind checks that any query, on any text, yields results whose
// highlights are character starts inside the text, and segments that put the
// text back together.
func FuzzFind(f *testing.F) {
	f.Add("mistake", "Tell me about a time you made a mistake.")
	f.Add("é", "café crème")
	f.Add("שלום", "שלום עולם 👋 日本語")
	f.Add("a b", "")
	f.Fuzz(func(t *testing.T, query, text string) {
		ix := New([]Entry{{QuestionID: "q", Text: text}, {QuestionID: "r", Text: strings.ToUpper(text)}})
		for _, r := range ix.Find(query, 5) {
			starts := map[int]bool{} // where ranging over the text puts a character, valid or not
			for i := range r.Text {
				starts[i] = true
			}
			for _, off := range r.Matched {
				if !starts[off] {
					t.Fatalf("offset %d is not a character start in %q", off, r.Text)
				}
			}
			var sb strings.Builder
			for _, s := range Segments(r.Text, r.Matched) {
				sb.WriteString(s.Text)
			}
			if sb.String() != r.Text {
				t.Fatalf("segments %q do not rebuild %q", sb.String(), r.Text)
			}
		}
	})
}
