package bank_test

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"reflect"
	"slices"
	"strings"
	"testing"
	"testing/fstest"

	"stardrill/app/bank"
	"stardrill/content"
)

// TestEmbeddedBank loads and validates the real question bank in content/.
// Its errors name files as content/<file>:<line> so an editor can jump to them.
func TestEmbeddedBank(t *testing.T) {
	b, err := bank.Load(content.Files)
	if err != nil {
		for _, line := range strings.Split(err.Error(), "\n") {
			t.Error("content/" + line)
		}
		t.FailNow()
	}
	for _, e := range bank.Validate(b) {
		t.Error("content/" + e.Error())
	}

	qs, comps := b.Questions(), b.Competencies()
	if len(qs) < 200 {
		t.Errorf("the bank has %d questions; want at least 200", len(qs))
	}
	if len(comps) < 16 {
		t.Errorf("the bank has %d competencies; want at least 16", len(comps))
	}
	for _, c := range comps {
		if n := len(b.InCompetency(c.ID)); n < bank.MinQuestions {
			t.Errorf("competency %s has %d questions; want at least %d", c.ID, n, bank.MinQuestions)
		}
		var strong, weak bool
		for _, e := range b.Examples(c.ID) {
			strong = strong || e.Strong
			weak = weak || !e.Strong
		}
		if !strong || !weak {
			t.Errorf("competency %s: strong example %v, weak example %v; want both", c.ID, strong, weak)
		}
	}

	q, ok := b.Question("made-a-mistake")
	if !ok {
		t.Fatal(`no question "made-a-mistake" (content/mistakes.md)`)
	}
	if q.Competency != "mistakes" {
		t.Errorf("made-a-mistake is in competency %q, want mistakes", q.Competency)
	}
	// Each aspect must be the subject of some must-cover point; a point is
	// about an aspect if its text or cues contain one of the stems.
	aspects := []struct {
		name  string
		stems []string
	}{
		{"owning the mistake", []string{"own", "blame", "my mistake", "my fault", "responsib"}},
		{"corrective steps", []string{"fix", "correct", "repair", "put right", "rolled back"}},
		{"the outcome", []string{"outcome", "result", "impact"}},
		{"the lesson", []string{"lesson", "learn", "learnt", "habit", "differently"}},
	}
	if len(q.MustCover) < len(aspects) {
		t.Errorf("made-a-mistake has %d must-cover points; want at least %d", len(q.MustCover), len(aspects))
	}
	for _, a := range aspects {
		found := false
		for _, p := range q.MustCover {
			text := strings.ToLower(p.Text + " " + strings.Join(p.Cues, " "))
			for _, s := range a.stems {
				found = found || strings.Contains(text, s)
			}
		}
		if !found {
			t.Errorf("made-a-mistake has no must-cover point about %s (looked for %q)", a.name, a.stems)
		}
	}
}

func BenchmarkLoad(b *testing.B) {
	for b.Loop() {
		if _, err := bank.Load(content.Files); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkValidate(b *testing.B) {
	bk, err := bank.Load(content.Files)
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		bank.Validate(bk)
	}
}

// small is a two-competency bank for the API tests.
var small = fstest.MapFS{
	"zeta.md": {Data: []byte(`# Alpha things
ID: zeta
About: Sorted first by name.

## z-one
Ask: Tell me about a time you tried something new.
Variants:
- Describe a first attempt at something.
- Give me an example of trying your hand at an unfamiliar task.
Must cover:
- What.
  Cues: a; b*

## z-two
Ask: When did a plan of yours go wrong?
Variants:
- Describe a plan that failed.
- Walk me through a project that went sideways.

## Example: weak
Question: z-two

We planned.

Why: Vague.
`)},
	"alpha.md": {Data: []byte(`# Beta things
ID: alpha
About: Sorted second by name.

## a-one
Ask: Tell me about a hard conversation.
Variants:
- Describe telling someone bad news.
- How did you handle your last difficult talk with a colleague?
`)},
}

func TestLookups(t *testing.T) {
	b, err := bank.Load(small)
	if err != nil {
		t.Fatal(err)
	}
	ids := func(qs []bank.Question) (out []string) {
		for _, q := range qs {
			out = append(out, q.ID)
		}
		return out
	}
	if got, want := ids(b.Questions()), []string{"z-one", "z-two", "a-one"}; !slices.Equal(got, want) {
		t.Errorf("Questions = %q, want %q", got, want)
	}
	if got := b.Competencies(); len(got) != 2 || got[0].ID != "zeta" || got[1].Name != "Beta things" {
		t.Errorf("Competencies = %+v", got)
	}
	if c, ok := b.Competency("alpha"); !ok || c.About != "Sorted second by name." {
		t.Errorf("Competency(alpha) = %+v, %v", c, ok)
	}
	if _, ok := b.Competency("nope"); ok {
		t.Error("Competency(nope) found")
	}
	if got := ids(b.InCompetency("zeta")); !slices.Equal(got, []string{"z-one", "z-two"}) {
		t.Errorf("InCompetency(zeta) = %q", got)
	}
	if got := b.InCompetency("nope"); got != nil {
		t.Errorf("InCompetency(nope) = %v", got)
	}
	q, ok := b.Question("z-one")
	if !ok || q.Source != bank.BuiltIn || q.MustCover[0].ID != "z-one/1" || !slices.Equal(q.MustCover[0].Cues, []string{"a", "b*"}) {
		t.Errorf("Question(z-one) = %+v, %v", q, ok)
	}
	if _, ok := b.Question("nope"); ok {
		t.Error("Question(nope) found")
	}
	if got := b.Examples("zeta"); len(got) != 1 || got[0].QuestionID != "z-two" || got[0].Answer != "We planned." {
		t.Errorf("Examples(zeta) = %+v", got)
	}
	ph := b.Phrasings()
	if len(ph) != 9 || ph[0] != (bank.Phrasing{QuestionID: "z-one", Text: "Tell me about a time you tried something new.", Variant: 0}) ||
		ph[8] != (bank.Phrasing{QuestionID: "a-one", Text: "How did you handle your last difficult talk with a colleague?", Variant: 2}) {
		t.Errorf("Phrasings = %+v", ph)
	}
	if got := q.Phrasings(); len(got) != 3 || got[0] != q.Text || got[2] != q.Variants[1] {
		t.Errorf("Question.Phrasings = %q", got)
	}
	// Returned slices are copies.
	all := b.Questions()
	all[0].ID = "changed"
	if b.Questions()[0].ID != "z-one" {
		t.Error("Questions returned the bank's own slice")
	}
}

func TestWith(t *testing.T) {
	b, err := bank.Load(small)
	if err != nil {
		t.Fatal(err)
	}
	custom := []bank.Question{
		{ID: "mine-1", Competency: "zeta", Text: "  How do you pick up a new hobby?  "},
		{ID: "mine-2", Competency: "alpha", Text: "Too short."},
		{ID: "mine-3", Competency: "zeta", Text: "Describe a first attempt at something."},
		{ID: "mine-4", Competency: "alpha", Text: "What is the hardest feedback you have given?", Variants: []string{"Who did you last give tough feedback to?"}},
		{ID: "mine-5", Competency: "zeta", Text: "How do you pick up a new hobby!"},
		{ID: "mine-1", Competency: "zeta", Text: "What is a skill you taught yourself?"},
	}
	b2, err := b.With(custom)
	if b2 == nil {
		t.Fatal("With returned a nil bank")
	}
	want := []string{
		`"Too short.": Write the question in at least 4 words.`,
		`"Describe a first attempt at something.": This question is already in the bank: "Describe a first attempt at something."`,
		`"How do you pick up a new hobby!": This question is already in the bank: "How do you pick up a new hobby?"`,
		`"What is a skill you taught yourself?": A question with the same ID already exists; save it again to get a new one.`,
	}
	if err == nil || err.Error() != strings.Join(want, "\n") {
		t.Errorf("With error:\n%v\nwant:\n%s", err, strings.Join(want, "\n"))
	}
	var got []string
	for _, q := range b2.Questions() {
		got = append(got, q.ID+":"+string(q.Source))
	}
	wantIDs := []string{"z-one:built-in", "z-two:built-in", "mine-1:mine", "a-one:built-in", "mine-4:mine"}
	if !slices.Equal(got, wantIDs) {
		t.Errorf("With questions = %q, want %q", got, wantIDs)
	}
	if q, ok := b2.Question("mine-1"); !ok || q.Text != "How do you pick up a new hobby?" {
		t.Errorf("custom question = %+v, %v", q, ok)
	}
	if n := len(b2.InCompetency("alpha")); n != 2 {
		t.Errorf("InCompetency(alpha) has %d questions, want 2", n)
	}
	if n := len(b2.Phrasings()); n != 9+1+2 {
		t.Errorf("Phrasings has %d entries, want 12", n)
	}
	// The original bank is unchanged.
	if n := len(b.Questions()); n != 3 {
		t.Errorf("original bank has %d questions after With, want 3", n)
	}
	if _, ok := b.Question("mine-1"); ok {
		t.Error("original bank sees custom question")
	}
	// Custom questions are not held to the editorial rules.
	if errs := bank.Validate(b2); len(bank.Validate(b)) != len(errs) {
		t.Errorf("Validate counts custom questions: %v", errors.Join(errs...))
	}
}

func TestValidateCustom(t *testing.T) {
	b, err := bank.Load(small)
	if err != nil {
		t.Fatal(err)
	}
	long := strings.Repeat("word ", 61)
	tests := []struct {
		q    bank.Question
		want string // "" for valid
	}{
		{bank.Question{ID: "mine-a", Competency: "zeta", Text: "How do you learn new software?"}, ""},
		{bank.Question{ID: "mine-a", Competency: "zeta", Text: "New software?"}, "Write the question in at least 4 words."},
		{bank.Question{ID: "mine-a", Competency: "zeta", Text: long}, "Keep the question under 300 characters."},
		{bank.Question{ID: "mine-a", Competency: "", Text: "How do you learn new software?"}, "Choose a competency for the question."},
		{bank.Question{ID: "mine-a", Competency: "nope", Text: "How do you learn new software?"}, "Choose a competency for the question."},
		{bank.Question{ID: "z-one", Competency: "zeta", Text: "How do you learn new software?"}, "The question has no valid ID; save it again to get a new one."},
		{bank.Question{ID: "mine-A", Competency: "zeta", Text: "How do you learn new software?"}, "The question has no valid ID; save it again to get a new one."},
		{bank.Question{ID: "mine-a", Competency: "zeta", Text: "tell me about a hard conversation"}, `This question is already in the bank: "Tell me about a hard conversation."`},
		{bank.Question{ID: "mine-a", Competency: "zeta", Text: "How do you learn new software?", Variants: []string{"how do you LEARN new software"}}, "Two phrasings of the question are the same; remove one."},
		{bank.Question{ID: "mine-a", Competency: "zeta", Text: "How do you learn new software?", Variants: []string{"Why?"}}, "Write the question in at least 4 words."},
	}
	for _, tt := range tests {
		err := b.ValidateCustom(tt.q)
		got := ""
		if err != nil {
			got = err.Error()
		}
		if got != tt.want {
			t.Errorf("ValidateCustom(%+v) = %q, want %q", tt.q, got, tt.want)
		}
	}
	b2, _ := b.With([]bank.Question{{ID: "mine-a", Competency: "zeta", Text: "How do you learn new software?"}})
	if err := b2.ValidateCustom(bank.Question{ID: "mine-a", Competency: "zeta", Text: "Something else to ask about?"}); err == nil ||
		err.Error() != "A question with the same ID already exists; save it again to get a new one." {
		t.Errorf("duplicate custom ID: err = %v", err)
	}
}

func TestWriteJSONLines(t *testing.T) {
	b, err := bank.Load(small)
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := bank.WriteJSONLines(&buf, b); err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(&buf)
	var lines []string
	for sc.Scan() {
		lines = append(lines, sc.Text())
	}
	if len(lines) != 3 {
		t.Fatalf("got %d lines, want 3:\n%s", len(lines), strings.Join(lines, "\n"))
	}
	want := `{"id":"z-one","competency":"zeta","text":"Tell me about a time you tried something new.",` +
		`"variants":["Describe a first attempt at something.","Give me an example of trying your hand at an unfamiliar task."],` +
		`"mustCover":[{"text":"What.","cues":["a","b*"]}]}`
	if lines[0] != want {
		t.Errorf("line 1 =\n%s\nwant\n%s", lines[0], want)
	}
	var v map[string]any
	if err := json.Unmarshal([]byte(lines[2]), &v); err != nil {
		t.Fatal(err)
	}
	if mc, ok := v["mustCover"].([]any); !ok || len(mc) != 0 {
		t.Errorf("empty mustCover written as %v, want []", v["mustCover"])
	}
	keys := []string{"competency", "id", "mustCover", "text", "variants"}
	var got []string
	for k := range v {
		got = append(got, k)
	}
	slices.Sort(got)
	if !reflect.DeepEqual(got, keys) {
		t.Errorf("keys = %q, want %q", got, keys)
	}
}

func TestClosest(t *testing.T) {
	b, err := bank.Load(content.Files)
	if err != nil {
		t.Fatal(err)
	}
	if q, share := b.Closest("Tell me about a time you made a mistake"); q.ID != "made-a-mistake" || share < 0.5 {
		t.Errorf("Closest = %s (%.2f), want made-a-mistake", q.ID, share)
	}
	if _, share := b.Closest("   "); share != 0 {
		t.Errorf("blank text shares %.2f", share)
	}
}
