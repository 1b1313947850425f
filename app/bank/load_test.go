package bank

import (
	"io/fs"
	"reflect"
	"strings"
	"sync"
	"testing"

	"stardrill/content"
)

// TestParseContinuations checks that an indented line continues the text it
// follows, whichever field or list item that is.
func TestParseContinuations(t *testing.T) {
	in := head + `
## q-one
Ask: Tell me
  about a time.
Variants:
- One way
  to ask it.
- Another way.
Level: entry,
  manager
Tags: a,
  b
Assesses:
- First
  thing.
Must cover:
- A
  point.
  Cues: a;
    b
Pitfalls:
- A
  pitfall.
Tip: Be
  brief.

## Example: weak
Question: q-one

A first
paragraph.

A second one.
Why: It is
  weak.
`
	_, qs, exs, err := Parse("x.md", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	q := qs[0]
	got := []any{q.Text, q.Variants, q.Levels, q.Tags, q.Assesses, q.MustCover[0].Text, q.MustCover[0].Cues, q.Pitfalls, q.Tip, exs[0].Answer, exs[0].Why}
	want := []any{"Tell me about a time.", []string{"One way to ask it.", "Another way."}, []Level{Entry, Manager},
		[]string{"a", "b"}, []string{"First thing."}, "A point.", []string{"a", "b"}, []string{"A pitfall."}, "Be brief.",
		"A first paragraph.\n\nA second one.", "It is weak."}
	for i := range want {
		if !reflect.DeepEqual(got[i], want[i]) {
			t.Errorf("part %d = %#v, want %#v", i, got[i], want[i])
		}
	}
}

// TestLoadMatchesParse checks that Load gives what Parse gives for each file
// on its own, and that no slice of a question has room to grow.
func TestLoadMatchesParse(t *testing.T) {
	b, err := Load(content.Files)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range b.Competencies() {
		data, err := fs.ReadFile(content.Files, c.ID+".md")
		if err != nil {
			t.Fatal(err)
		}
		comp, qs, exs, err := Parse(c.ID+".md", data)
		if err != nil {
			t.Fatal(err)
		}
		if comp != c || !reflect.DeepEqual(qs, b.InCompetency(c.ID)) || !reflect.DeepEqual(exs, b.Examples(c.ID)) {
			t.Errorf("Load and Parse differ for %s", c.ID)
		}
	}
	clipped := func(id, what string, n, c int) {
		if n != c {
			t.Errorf("%s: %s has length %d and capacity %d", id, what, n, c)
		}
	}
	for _, q := range b.Questions() {
		clipped(q.ID, "Variants", len(q.Variants), cap(q.Variants))
		clipped(q.ID, "Assesses", len(q.Assesses), cap(q.Assesses))
		clipped(q.ID, "MustCover", len(q.MustCover), cap(q.MustCover))
		clipped(q.ID, "Pitfalls", len(q.Pitfalls), cap(q.Pitfalls))
		clipped(q.ID, "Levels", len(q.Levels), cap(q.Levels))
		clipped(q.ID, "Tags", len(q.Tags), cap(q.Tags))
		for _, p := range q.MustCover {
			clipped(p.ID, "Cues", len(p.Cues), cap(p.Cues))
		}
	}
}

// TestAnswerJoin checks the answer text when the paragraphs are not laid out
// one line each with one empty line between them.
func TestAnswerJoin(t *testing.T) {
	tests := []struct{ answer, want string }{
		{"One.\n\nTwo.\n", "One.\n\nTwo."},
		{"One.\n\n\nTwo.\n", "One.\n\nTwo."},
		{"One.\n \nTwo.\n", "One.\n\nTwo."},
		{"One\nline.\n\nTwo.\n", "One line.\n\nTwo."},
		{" One.\n\nTwo. \n", "One.\n\nTwo."},
		{"One.\r\n\r\nTwo.\r\n", "One.\n\nTwo."},
	}
	for _, tt := range tests {
		in := head + "\n## Example: weak\nQuestion: q-one\n\n" + tt.answer + "Why: B.\n"
		_, _, exs, err := Parse("x.md", []byte(in))
		if err != nil {
			t.Fatal(err)
		}
		if exs[0].Answer != tt.want {
			t.Errorf("answer %q parsed as %q, want %q", tt.answer, exs[0].Answer, tt.want)
		}
	}
}

// TestValidateCustomConcurrent runs the first ValidateCustom calls, which
// build the bank's set of phrasings, at the same time; run it with -race.
func TestValidateCustomConcurrent(t *testing.T) {
	b, err := Load(validFS())
	if err != nil {
		t.Fatal(err)
	}
	var wg sync.WaitGroup
	errs := make([]error, 8)
	for i := range errs {
		wg.Go(func() {
			errs[i] = b.ValidateCustom(Question{ID: "mine-x", Competency: "alpha", Text: "tell me about a time you handled problem 3 of alpha for the team"})
		})
	}
	wg.Wait()
	for _, err := range errs {
		if err == nil || !strings.Contains(err.Error(), "already in the bank") {
			t.Errorf("ValidateCustom = %v, want a repeat", err)
		}
	}
}

func BenchmarkValidateCustom(b *testing.B) {
	bk, err := Load(content.Files)
	if err != nil {
		b.Fatal(err)
	}
	q := Question{ID: "mine-x", Competency: "mistakes", Text: "How do you keep track of the mistakes you make?"}
	for b.Loop() {
		if err := bk.ValidateCustom(q); err != nil {
			b.Fatal(err)
		}
	}
}
