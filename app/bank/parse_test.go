package bank

import (
	"errors"
	"os"
	"reflect"
	"strings"
	"testing"
)

func TestParseGood(t *testing.T) {
	data, err := os.ReadFile("testdata/good.md")
	if err != nil {
		t.Fatal(err)
	}
	comp, qs, exs, err := Parse("good.md", data)
	if err != nil {
		t.Fatal(err)
	}
	wantComp := Competency{ID: "good", Name: "Owning mistakes", About: "How you own an error and put it right, told in your own words."}
	if comp != wantComp {
		t.Errorf("competency = %+v, want %+v", comp, wantComp)
	}
	wantQs := []Question{
		{
			ID:         "broke-the-build",
			Competency: "good",
			Text:       "Tell me about a time you broke something that others relied on.",
			Variants: []string{
				"Describe an error of yours that stopped your colleagues from working.",
				"What happened the last time a change you made caused an outage, and what did you do in the first hour?",
			},
			Assesses: []string{"Whether you own the error without excuses.", "How fast you limit the damage."},
			MustCover: []Point{
				{ID: "broke-the-build/1", Text: "Own the mistake plainly.", Cues: []string{"my mistake", "I broke", "my fault"}},
				{ID: "broke-the-build/2", Text: "The steps you took to fix it.", Cues: []string{"I fixed", "I rolled back", "I apologi*"}},
			},
			Pitfalls: []string{"Blaming the tools.", "Skipping the repair."},
			Tip:      "Keep the story short and spend most of it on the repair.",
			Levels:   []Level{Entry, Experienced},
			Tags:     []string{"errors", "accountability"},
			Source:   BuiltIn,
		},
		{
			ID:         "missed-a-handover",
			Competency: "good",
			Text:       "Tell me about a handover you got wrong.",
			Variants: []string{
				"Give me an example of information you failed to pass on to a colleague.",
				"Describe a shift change that went badly because of something you left out.",
			},
			Assesses: []string{"Care with details.", "Honesty."},
			MustCover: []Point{
				{ID: "missed-a-handover/1", Text: "What you left out.", Cues: []string{"I forgot", "I left out"}},
				{ID: "missed-a-handover/2", Text: "What changed afterwards.", Cues: []string{"checklist", "now I"}},
			},
			Pitfalls: []string{"Saying it was not important.", "Not saying what changed."},
			Tip:      "Say what you do differently now.",
			Levels:   []Level{Manager},
			Tags:     []string{"handover"},
			Source:   BuiltIn,
		},
	}
	if !reflect.DeepEqual(qs, wantQs) {
		t.Errorf("questions:\n got %+v\nwant %+v", qs, wantQs)
	}
	wantExs := []Example{
		{
			Competency: "good",
			QuestionID: "broke-the-build",
			Strong:     true,
			Answer: "On my second week I pushed a config change that stopped the build for twelve engineers.\n\n" +
				"I rolled it back within ten minutes and told the team.",
			Why: "It owns the mistake at once and gives numbers.",
		},
		{
			Competency: "good",
			QuestionID: "missed-a-handover",
			Answer:     "Handovers are hard and nobody told me what to include.",
			Why:        "It blames others.",
		},
	}
	if !reflect.DeepEqual(exs, wantExs) {
		t.Errorf("examples:\n got %+v\nwant %+v", exs, wantExs)
	}

	// Windows line endings and a byte order mark change nothing.
	crlf := "\uFEFF" + strings.ReplaceAll(string(data), "\n", "\r\n")
	comp2, qs2, exs2, err := Parse("good.md", []byte(crlf))
	if err != nil {
		t.Fatal(err)
	}
	if comp2 != comp || !reflect.DeepEqual(qs2, qs) || !reflect.DeepEqual(exs2, exs) {
		t.Error("CRLF and BOM changed the parse")
	}
}

// head is a valid file start; its last line is line 4.
const head = "# Name\n\nID: comp\nAbout: One sentence.\n"

// quest is a valid question that starts on line 6 when it follows head and a
// blank line.
const quest = `## q-one
Ask: Tell me about a time.
Variants:
- One way to ask it.
- Another way to ask it.
Must cover:
- A point.
  Cues: a; b
`

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name, in string
		line     int
		msg      string // a part of the message
	}{
		{"empty file", "", 1, `no "# Name" line`},
		{"text before name", "hello\n# Name\n", 1, `starts with a "# Name"`},
		{"question before name", "\n## q-one\n", 2, `starts with a "# Name"`},
		{"empty name", "# \n", 1, "competency's name"},
		{"two names", head + "# Again\n", 5, `only one "# Name"`},
		{"no ID at end", "# Name\nAbout: x\n", 1, "no ID"},
		{"no ID before question", "# Name\n\n## q-one\n", 3, `add "ID: competency-id"`},
		{"bad competency ID", "# Name\nID: Bad ID\n", 2, "lowercase letters"},
		{"second ID", head + "ID: other\n", 5, "already has an ID"},
		{"second About", head + "About: again\n", 5, "already has an About"},
		{"unknown header field", head + "Owner: me\n", 5, `expected "ID:" or "About:"`},
		{"indented line continues nothing", "# Name\nID: comp\n  stray\n", 3, "continues nothing"},
		{"unknown heading", head + "### Deep\n", 5, "unknown heading"},
		{"hash without space", head + "#Name\n", 5, "unknown heading"},
		{"bad question ID", head + "## Made a Mistake\n", 5, "lowercase letters, digits"},
		{"double hyphen ID", head + "## made--mistake\n", 5, "lowercase letters, digits"},
		{"bad example kind", head + "## Example: good\n", 5, `"## Example: strong" or`},
		{"unknown field", head + "\n" + quest + "Asks: x\n", 14, `unexpected line "Asks: x"`},
		{"plain text in question", head + "\n" + quest + "just text\n", 14, "unexpected line"},
		{"duplicate field", head + "\n" + quest + "Ask: again\n", 14, "already has a Ask: line (line 7)"},
		{"inline list value", head + "\n## q-one\nPitfalls: one, two\n", 7, "on its own line"},
		{"item outside list", head + "\n## q-one\nAsk: x\n- item\n", 8, "belongs to no list"},
		{"nested list", head + "\n" + quest + "  - nested\n", 14, "do not nest"},
		{"cues outside must cover", head + "\n## q-one\nVariants:\n- a\n  Cues: x\n", 9, "belongs under a \"Must cover:\" item"},
		{"cues before any item", head + "\n## q-one\nMust cover:\n  Cues: x\n", 8, "belongs under"},
		{"second cues", head + "\n" + quest + "  Cues: c\n", 14, "already has a Cues: line (line 13)"},
		{"must cover without cues", head + "\n## q-one\nMust cover:\n- A point.\n- Another.\n  Cues: x\n", 8, "has no Cues: line"},
		{"must cover without cues at end", head + "\n## q-one\nMust cover:\n- A point.\n  Cues: x\n- Last.\n", 10, "has no Cues: line"},
		{"unknown level", head + "\n## q-one\nLevel: entry, senior\n", 7, `unknown level "senior"`},
		{"example without question", head + "\n## Example: weak\nSome answer.\n", 7, `"Question: question-id" line naming`},
		{"example never names question", head + "\n## Example: weak\n", 6, "has no \"Question:"},
		{"example without why", head + "\n## Example: strong\nQuestion: q-one\n\nAn answer.\n", 6, "has no Why: line"},
		{"list in example", head + "\n## Example: strong\nQuestion: q-one\n\n- first I did this\n", 9, "remove the list marker"},
		{"numbered list in example", head + "\n## Example: strong\nQuestion: q-one\n\n1. first\n", 9, "remove the list marker"},
		{"text after why", head + "\n## Example: weak\nQuestion: q-one\nA.\nWhy: B.\n\nMore.\n", 11, "after the Why:"},
		{"invalid UTF-8", head + "Tip: \xff\n", 5, "UTF-8"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, _, _, err := Parse("x.md", []byte(tt.in))
			if err == nil {
				t.Fatalf("no error; want x.md:%d: ...%s...", tt.line, tt.msg)
			}
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v is %T, want *Error", err, err)
			}
			prefix := "x.md:" + itoa(tt.line) + ": "
			if got := err.Error(); !strings.HasPrefix(got, prefix) || !strings.Contains(got, tt.msg) {
				t.Errorf("error = %q\nwant %q...%q", got, prefix, tt.msg)
			}
		})
	}
}

func TestParseLenient(t *testing.T) {
	// Things Parse accepts and leaves to Validate.
	in := head + "\n## q-one\nAsk:\nLevel:\nCues: a\n"
	_, _, _, err := Parse("x.md", []byte(in))
	if err == nil || !strings.Contains(err.Error(), "belongs under") {
		t.Errorf("unindented Cues outside Must cover: err = %v", err)
	}
	in = head + "\n## q-one\nMust cover:\n- A.\nCues: a; b*\nLevel: Entry, entry\n"
	_, qs, _, err := Parse("x.md", []byte(in))
	if err != nil {
		t.Fatal(err)
	}
	q := qs[0]
	if !reflect.DeepEqual(q.MustCover[0].Cues, []string{"a", "b*"}) || !reflect.DeepEqual(q.Levels, []Level{Entry}) {
		t.Errorf("got cues %q levels %q", q.MustCover[0].Cues, q.Levels)
	}
}

func FuzzParse(f *testing.F) {
	// Seeds stay small: the fuzzer minimizes every new input it finds, and
	// minimizing a whole competency file takes longer than a short fuzz run.
	data, err := os.ReadFile("testdata/good.md")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(data)
	f.Add([]byte(head + "\n" + quest + "\n## Example: weak\nQuestion: q-one\n\nA.\nWhy: B.\n"))
	f.Add([]byte(head + "\n## q-one\nMust cover:\n- A.\n  Cues: **a; b*\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		fl, err := parse("f.md", data)
		if err != nil {
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("error %v is %T, want *Error", err, err)
			}
			lines := strings.Count(string(data), "\n") + 1
			if e.File != "f.md" || e.Line < 1 || e.Line > lines {
				t.Fatalf("error %q names line %d of %d", err, e.Line, lines)
			}
			if !strings.HasPrefix(err.Error(), "f.md:"+itoa(e.Line)+": ") || e.Msg == "" {
				t.Fatalf("error %q lacks name:line: message", err)
			}
			return
		}
		if !isSlug(fl.comp.ID) || fl.comp.Name == "" {
			t.Fatalf("parsed competency %+v", fl.comp)
		}
		for _, q := range fl.questions {
			if !isSlug(q.ID) || q.Competency != fl.comp.ID {
				t.Fatalf("parsed question %+v", q)
			}
			for i, p := range q.MustCover {
				if p.ID != q.ID+"/"+itoa(i+1) {
					t.Fatalf("point ID %q", p.ID)
				}
			}
		}
		// The rest of the pipeline must not panic on whatever parsed.
		if b, err := build([]*file{fl}); err == nil {
			for _, e := range Validate(b) {
				if e.(*Error).Line < 1 {
					t.Fatalf("validation error without a line: %v", e)
				}
			}
			b.With([]Question{{ID: "mine-x", Competency: fl.comp.ID, Text: "Tell me about your week."}})
		}
	})
}
