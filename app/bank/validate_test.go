package bank

import (
	"errors"
	"io/fs"
	"strings"
	"testing"
	"testing/fstest"
)

// validFile returns a competency file that passes Validate, with n questions
// named <id>-q0, <id>-q1, ... and a strong and a weak example.
func validFile(id string, n int) string {
	var b strings.Builder
	b.WriteString("# Competency " + id + "\n\nID: " + id + "\nAbout: A sample competency.\n")
	for k := range n {
		topic := "problem " + itoa(k) + " of " + id
		qid := id + "-q" + itoa(k)
		b.WriteString("\n## " + qid + "\n\n" +
			"Ask: Tell me about a time you handled " + topic + " for the team.\n" +
			"Variants:\n" +
			"- Describe a situation where " + topic + " became yours to solve.\n" +
			"- Give me an example of working through " + topic + " and what came of it.\n" +
			"Level: entry, manager\n" +
			"Tags: sample, " + id + "\n" +
			"Assesses:\n- Whether you act.\n- How you explain.\n" +
			"Must cover:\n" +
			"- What happened.\n  Cues: happened; the situation\n" +
			"- What you did.\n  Cues: I did; I act*\n" +
			"Pitfalls:\n- Vague stories.\n- Blaming others.\n" +
			"Tip: Be specific about " + topic + ".\n")
	}
	b.WriteString("\n## Example: strong\nQuestion: " + id + "-q0\n\nI did a thing.\nIt worked.\n\nThen I measured it.\n\nWhy: It is concrete.\n")
	b.WriteString("\n## Example: weak\nQuestion: " + id + "-q1\n\nWe did stuff.\n\nWhy: It says we.\n")
	return b.String()
}

func validFS() fstest.MapFS {
	return fstest.MapFS{
		"README.md": {Data: []byte("# Not a competency\n")},
		"alpha.md":  {Data: []byte(validFile("alpha", 8))},
		"beta.md":   {Data: []byte(validFile("beta", 9))},
	}
}

// lineOf returns the line number of the first line of text containing s.
func lineOf(text, s string) int {
	i := strings.Index(text, s)
	if i < 0 {
		panic("lineOf: " + s + " not found")
	}
	return strings.Count(text[:i], "\n") + 1
}

func TestValidateGood(t *testing.T) {
	b, err := Load(validFS())
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range Validate(b) {
		t.Error(e)
	}
}

func TestValidate(t *testing.T) {
	tests := []struct {
		name string
		file string // file to edit: alpha.md unless set
		old  string // text to replace (first occurrence)
		new  string
		at   string // the error's line is the first line of the edited file containing this; "" for line 1
		off  int    // added to that line
		msg  string // a part of the error message
	}{
		{name: "missing ask", old: "Ask: Tell me about a time you handled problem 2 of alpha for the team.\n", new: "", at: "## alpha-q2", msg: `"alpha-q2" has no Ask`},
		{name: "empty ask", old: "Ask: Tell me about a time you handled problem 2 of alpha for the team.", new: "Ask:", at: "Ask:\n", msg: "has no Ask"},
		{name: "one variant", old: "- Give me an example of working through problem 3 of alpha and what came of it.\n", new: "", at: "Ask: Tell me about a time you handled problem 3", off: 1, msg: "has 1 Variants items; it needs at least 2"},
		{name: "missing level", old: "Level: entry, manager\n", new: "", at: "## alpha-q0", msg: "has no Level"},
		{name: "missing tags", old: "Tags: sample, alpha\n", new: "", at: "## alpha-q0", msg: "has no Tags"},
		{name: "uppercase tag", old: "Tags: sample, alpha\n", new: "Tags: Sample, alpha\n", at: "Tags: Sample", msg: `tag "Sample" must be lowercase`},
		{name: "one assesses", old: "- How you explain.\n", new: "", at: "Assesses:", msg: "has 1 Assesses items; it needs 2 to 4"},
		{name: "five assesses", old: "- How you explain.\n", new: "- B.\n- C.\n- D.\n- E.\n", at: "Assesses:", msg: "has 5 Assesses items"},
		{name: "one must cover", old: "- What you did.\n  Cues: I did; I act*\n", new: "", at: "Must cover:", msg: "has 1 Must cover items; it needs 2 to 5"},
		{name: "one pitfall", old: "- Blaming others.\n", new: "", at: "Pitfalls:", msg: "has 1 Pitfalls items"},
		{name: "missing tip", old: "Tip: Be specific about problem 0 of alpha.\n", new: "", at: "## alpha-q0", msg: "has no Tip"},
		{name: "empty pitfall", old: "- Blaming others.", new: "-", at: "-\n", msg: "the pitfall is empty"},
		{name: "empty cues", old: "Cues: happened; the situation", new: "Cues: ; ", at: "Cues: ;", msg: "has no cues"},
		{name: "star inside cue", old: "Cues: happened; the situation", new: "Cues: happ*ened; the situation", at: "happ*ened", msg: `cue "happ*ened" contains a *`},
		{name: "bare star cue", old: "Cues: happened; the situation", new: "Cues: happened; *", at: "happened; *", msg: "a bare *"},
		{name: "unknown bracket cue", old: "Cues: happened; the situation", new: "Cues: happened; (outcome)", at: "happened; (outcome)", msg: `cue "(outcome)" is in brackets, which only (result) and (lesson) may be`},
		{name: "near copy variant", old: "- Describe a situation where problem 1 of alpha became yours to solve.", new: "- Tell me about a time you handled problem 1 of alpha for the whole team.", at: "the whole team", msg: "nearly copies"},
		{name: "identical variant", old: "- Describe a situation where problem 1 of alpha became yours to solve.", new: "- Tell me about a time you handled problem 1 of alpha for the team!", at: "the team!", msg: "nearly copies"},
		{name: "duplicate phrasing across files", file: "beta.md", old: "- Describe a situation where problem 1 of beta became yours to solve.", new: "- Describe a SITUATION where problem 2 of alpha became yours to solve?", at: "SITUATION", msg: "repeats a phrasing of another question (alpha.md:"},
		{name: "bold", old: "- Whether you act.", new: "- Whether you **act**.", at: "**act**", msg: "bold markup"},
		{name: "underscore italics", old: "- Vague stories.", new: "- _Vague_ stories.", at: "_Vague_", msg: "an _ (italics)"},
		{name: "backtick", old: "Tip: Be specific about problem 0 of alpha.", new: "Tip: Be `specific`.", at: "Tip: Be `", msg: "a backtick"},
		{name: "link", old: "- What happened.", new: "- What [happened](http://x).", at: "[happened]", msg: "a Markdown link"},
		{name: "html", old: "- How you explain.", new: "- How you <b>explain</b>.", at: "<b>", msg: "an HTML tag"},
		{name: "html entity", old: "- How you explain.", new: "- How you explain &amp; act.", at: "&amp;", msg: "an HTML entity"},
		{name: "italic star", old: "- How you explain.", new: "- How you *explain*.", at: "*explain*", msg: "a *"},
		{name: "heading mark in continuation", old: "Tip: Be specific about problem 0 of alpha.", new: "Tip:\n  # Be specific.", at: "Tip:", msg: "# heading mark"},
		{name: "markup in answer", old: "Then I measured it.", new: "Then I measured **it**.", at: "Then I measured", msg: "the answer contains bold"},
		{name: "markup in why", old: "Why: It is concrete.", new: "Why: It is `concrete`.", at: "Why: It is `", msg: "Why contains a backtick"},
		{name: "markup in about", old: "About: A sample competency.", new: "About: A <i>sample</i>.", at: "About:", msg: "About contains an HTML tag"},
		{name: "example names unknown question", old: "Question: alpha-q0", new: "Question: alpha-q99", at: "Question: alpha-q99", msg: `unknown question "alpha-q99"`},
		{name: "example names other competency", old: "Question: alpha-q0", new: "Question: beta-q0", at: "Question: beta-q0", msg: `a question of competency "beta"`},
		{name: "no strong example", old: "## Example: strong", new: "## Example: weak", msg: "no strong example"},
		{name: "no weak example", old: "## Example: weak", new: "## Example: strong", msg: "no weak example"},
		{name: "empty why", old: "Why: It says we.", new: "Why:", at: "Why:\n", msg: "Why: is empty"},
		{name: "reserved prefix", old: "## alpha-q5", new: "## mine-q5", at: "## mine-q5", msg: "kept for the user's own questions"},
		{name: "file name mismatch", old: "ID: alpha", new: "ID: alfa", at: "ID: alfa", msg: "does not match the file name alpha.md"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := validFS()
			name := tt.file
			if name == "" {
				name = "alpha.md"
			}
			text := string(fsys[name].Data)
			if !strings.Contains(text, tt.old) {
				t.Fatalf("fixture lacks %q", tt.old)
			}
			text = strings.Replace(text, tt.old, tt.new, 1)
			fsys[name] = &fstest.MapFile{Data: []byte(text)}
			b, err := Load(fsys)
			if err != nil {
				t.Fatal(err)
			}
			line := 1
			if tt.at != "" {
				line = lineOf(text, tt.at) + tt.off
			}
			want := name + ":" + itoa(line) + ": "
			errs := Validate(b)
			for _, e := range errs {
				if strings.HasPrefix(e.Error(), want) && strings.Contains(e.Error(), tt.msg) {
					if len(errs) > 1 {
						t.Errorf("want one error, got %d: %v", len(errs), errors.Join(errs...))
					}
					return
				}
			}
			t.Errorf("errors: %v\nwant %q...%q", errors.Join(errs...), want, tt.msg)
		})
	}
}

func TestValidateTooFewQuestions(t *testing.T) {
	fsys := validFS()
	fsys["alpha.md"] = &fstest.MapFile{Data: []byte(validFile("alpha", 7))}
	b, err := Load(fsys)
	if err != nil {
		t.Fatal(err)
	}
	errs := Validate(b)
	if len(errs) != 1 || errs[0].Error() != "alpha.md:1: the competency has 7 questions; it needs at least 8" {
		t.Errorf("errors = %v", errs)
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		name  string
		files map[string]string
		want  []string // each a line of the joined error
	}{
		{
			name:  "duplicate question ID across files",
			files: map[string]string{"beta.md": strings.Replace(validFile("beta", 9), "## beta-q3\n", "## alpha-q1\n", 1)},
			want:  []string{`beta.md:` + itoa(lineOf(validFile("beta", 9), "## beta-q3")) + `: question ID "alpha-q1" is also used at alpha.md:` + itoa(lineOf(validFile("alpha", 8), "## alpha-q1")) + "; IDs must be unique across the bank"},
		},
		{
			name:  "duplicate question ID in one file",
			files: map[string]string{"alpha.md": strings.Replace(validFile("alpha", 8), "## alpha-q3\n", "## alpha-q1\n", 1)},
			want:  []string{`alpha.md:` + itoa(lineOf(validFile("alpha", 8), "## alpha-q3")) + `: question ID "alpha-q1" is also used at alpha.md:`},
		},
		{
			name:  "duplicate competency ID",
			files: map[string]string{"beta.md": strings.Replace(validFile("beta", 9), "ID: beta", "ID: alpha", 1)},
			want:  []string{`: competency ID "alpha" is also used by `},
		},
		{
			name: "parse errors in two files",
			files: map[string]string{
				"alpha.md": strings.Replace(validFile("alpha", 8), "Tip: Be specific about problem 4", "Tipp: Be specific about problem 4", 1),
				"beta.md":  strings.Replace(validFile("beta", 9), "  Cues: I did; I act*\n", "", 1),
			},
			want: []string{
				"alpha.md:" + itoa(lineOf(validFile("alpha", 8), "Tip: Be specific about problem 4")) + `: unexpected line "Tipp:`,
				"beta.md:" + itoa(lineOf(validFile("beta", 9), "- What you did.")) + ": this Must cover item has no Cues: line",
			},
		},
		{
			name:  "empty files",
			files: map[string]string{"alpha.md": "", "beta.md": ""},
			want:  []string{`alpha.md:1: the file has no "# Name" line`, `beta.md:1: the file has no "# Name" line`},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			fsys := validFS()
			for name, text := range tt.files {
				fsys[name] = &fstest.MapFile{Data: []byte(text)}
			}
			_, err := Load(fsys)
			if err == nil {
				t.Fatal("no error")
			}
			lines := strings.Split(err.Error(), "\n")
			if len(lines) != len(tt.want) {
				t.Fatalf("error:\n%v\nwant %d lines", err, len(tt.want))
			}
			for i, w := range tt.want {
				if !strings.Contains(lines[i], w) {
					t.Errorf("error line %d = %q, want it to contain %q", i, lines[i], w)
				}
			}
		})
	}
	if _, err := Load(fstest.MapFS{"README.md": {Data: []byte("x")}, "notes.txt": {}, "sub/x.md": {}}); err == nil || !strings.Contains(err.Error(), "no competency files") {
		t.Errorf("empty bank: err = %v", err)
	}
	if _, err := Load(struct{ fs.FS }{validFS()}); err == nil || !strings.Contains(err.Error(), "fs.ReadDirFS") {
		t.Errorf("plain fs.FS: err = %v", err)
	}
}

func TestMarkup(t *testing.T) {
	tests := []struct {
		in   string
		cue  bool
		want string // "" for clean
	}{
		{"Tell me about a time you failed.", false, ""},
		{"It’s fine to say “I was wrong”.", false, ""},
		{"We cut errors by 30% (from 10 to 7) & saved £2k; <5 mistakes.", false, ""},
		{"snake_case is fine", false, ""},
		{"apologi*", true, ""},
		{"apologi*", false, "a * (italics or a list mark)"},
		{"a**b", true, "bold markup (** or __)"},
		{"__init", false, "bold markup (** or __)"},
		{"_word", false, "an _ (italics)"},
		{"word_", false, "an _ (italics)"},
		{"see [docs](x)", false, "a Markdown link"},
		{"# title", false, "a # heading mark"},
		{"> quoted", false, "a > quote mark"},
		{"~~gone~~", false, "strikethrough markup (~~)"},
		{"</p>", false, "an HTML tag"},
		{"<!-- note -->", false, "an HTML tag"},
		{"&#39;", false, "an HTML entity"},
		{"AT&T;", false, "an HTML entity"},
		{"R&D; next", false, "an HTML entity"},
		{"R&D next", false, ""},
	}
	for _, tt := range tests {
		if got := markup(tt.in, tt.cue); got != tt.want {
			t.Errorf("markup(%q, %v) = %q, want %q", tt.in, tt.cue, got, tt.want)
		}
	}
}

func TestNearCopy(t *testing.T) {
	tests := []struct {
		a, b string
		near bool
	}{
		{"Tell me about a time you made a mistake at work.", "Tell me about a time when you made a mistake at work.", true},
		{"Tell me about a time you disagreed with your manager.", "Tell me about a time you disagreed with your boss.", true},
		{"Tell me about a time you made a mistake at work.", "TELL me about a time you made a mistake, at work!", true},
		{"Tell me about a time you made a mistake at work.", "Describe a significant error you made in a past job and how you put it right.", false},
		{"Tell me about a time you made a mistake at work.", "When did a decision of yours turn out to be wrong, and what did you learn?", false},
		{"Tell me about a time your first approach to learning something didn't work and you had to change it.",
			"Describe a time you were struggling to learn something and had to rethink how you were going about it.", false},
	}
	for _, tt := range tests {
		j := jaccard(wordSet(tt.a), wordSet(tt.b))
		if got := j >= nearCopy; got != tt.near {
			t.Errorf("near(%q, %q) = %v (%.2f), want %v", tt.a, tt.b, got, j, tt.near)
		}
	}
}

func TestNormalize(t *testing.T) {
	tests := []struct{ in, want string }{
		{"Tell me — about   a time!", "tell me about a time"},
		{"Don’t you've", "dont youve"},
		{"  ¿Qué pasó?  ", "qué pasó"},
		{"", ""},
	}
	for _, tt := range tests {
		if got := normalize(tt.in); got != tt.want {
			t.Errorf("normalize(%q) = %q, want %q", tt.in, got, tt.want)
		}
	}
}
