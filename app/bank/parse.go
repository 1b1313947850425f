package bank

import (
	"errors"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Error is a problem at a line of a bank file. Parse, Load and Validate report
// their problems as *Error values.
type Error struct {
	File string // the name given to Parse, or the file's path in the fs.FS given to Load
	Line int    // counting from 1
	Msg  string // what is wrong and how to fix it
}

// Error returns "file:line: message".
func (e *Error) Error() string { return e.File + ":" + itoa(e.Line) + ": " + e.Msg }

// Load parses every *.md file at the root of fsys except README.md, one
// competency per file, and indexes them. fsys must implement fs.ReadDirFS, as
// embed.FS, os.DirFS and fstest.MapFS do; asking for that rather than walking
// any fs.FS keeps directory code out of app.wasm.
//
// Load fails on anything it cannot parse, and on a competency or question ID
// used twice, but leaves editorial rules (counts, missing fields, near copies,
// markup) to Validate. A failure joins one *Error per broken file.
func Load(fsys fs.FS) (*Bank, error) {
	dir, ok := fsys.(fs.ReadDirFS)
	if !ok {
		return nil, errors.New("bank: Load needs an fs.FS that implements fs.ReadDirFS, such as embed.FS or os.DirFS")
	}
	entries, err := dir.ReadDir(".")
	if err != nil {
		return nil, err
	}
	var files []*file
	var errs []error
	for _, e := range entries {
		name := e.Name()
		if e.IsDir() || !strings.HasSuffix(name, ".md") || strings.EqualFold(name, "README.md") {
			continue
		}
		data, err := fs.ReadFile(fsys, name)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		f, err := parse(name, data)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		files = append(files, f)
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	if len(files) == 0 {
		return nil, errors.New("bank: no competency files found; add a *.md file other than README.md")
	}
	return build(files)
}

// Parse parses one competency file. name is used only in errors, which are
// *Error values naming the line at fault. Parse checks the structure of the
// file, not the editorial rules of Validate.
func Parse(name string, data []byte) (Competency, []Question, []Example, error) {
	f, err := parse(name, data)
	if err != nil {
		return Competency{}, nil, nil, err
	}
	return f.comp, f.questions, f.examples, nil
}

// build indexes parsed files into a bank.
func build(files []*file) (*Bank, error) {
	slices.SortFunc(files, func(a, b *file) int {
		if c := compareFold(a.comp.Name, b.comp.Name); c != 0 {
			return c
		}
		return strings.Compare(a.comp.ID, b.comp.ID)
	})
	b := &Bank{
		comps:     make([]Competency, len(files)),
		compIndex: make(map[string]int, len(files)),
		byComp:    make([][]Question, len(files)),
		examples:  make(map[string][]Example, len(files)),
		files:     make(map[string]*file, len(files)),
	}
	var errs []error
	where := map[string]string{} // question ID -> "file:line"
	for i, f := range files {
		if g, ok := b.files[f.comp.ID]; ok {
			errs = append(errs, &Error{f.name, f.idLine, "competency ID " + quote(f.comp.ID) +
				" is also used by " + g.name + "; give each file its own ID"})
			continue
		}
		b.comps[i] = f.comp
		b.compIndex[f.comp.ID] = i
		b.byComp[i] = slices.Clip(f.questions)
		b.examples[f.comp.ID] = f.examples
		b.files[f.comp.ID] = f
		for j, q := range f.questions {
			at := f.name + ":" + itoa(f.qpos[j].line)
			if w, ok := where[q.ID]; ok {
				errs = append(errs, &Error{f.name, f.qpos[j].line, "question ID " + quote(q.ID) +
					" is also used at " + w + "; IDs must be unique across the bank"})
				continue
			}
			where[q.ID] = at
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	b.byID = make(map[string]*Question, len(where))
	for i := range b.byComp {
		for j := range b.byComp[i] {
			q := &b.byComp[i][j]
			b.byID[q.ID] = q
		}
	}
	return b, nil
}

// file is a parsed competency file with the source lines Validate reports.
type file struct {
	name      string
	comp      Competency
	line      int // "# Name"
	idLine    int
	aboutLine int
	questions []Question
	qpos      []qpos // parallel to questions
	examples  []Example
	epos      []epos // parallel to examples
}

// The fields of a question, as indexes into qpos.field and qpos.items.
const (
	fAsk = iota
	fVariants
	fLevel
	fTags
	fAssesses
	fMustCover
	fPitfalls
	fTip
	nFields
)

var fieldNames = [nFields]string{"Ask", "Variants", "Level", "Tags", "Assesses", "Must cover", "Pitfalls", "Tip"}

// qpos records where the parts of a question are.
type qpos struct {
	line  int             // "## id"
	field [nFields]int    // line of each field, 0 if absent
	items [nFields][]int  // line of each list item
	cues  []int           // line of each Must cover item's Cues:, 0 if none
	raw   [nFields]string // Level and Tags, unsplit
	rawCu []string        // unsplit Cues of each Must cover item
}

// epos records where the parts of an example are.
type epos struct {
	line     int   // "## Example: ..."
	question int   // "Question:"
	paras    []int // first line of each answer paragraph
	why      int
}

// Parser sections.
const (
	sNone = iota
	sHeader
	sQuestion
	sExample
)

// Example parser states.
const (
	exQuestion = iota // waiting for Question:
	exAnswer
	exWhy
	exDone
)

type parser struct {
	f    *file
	n    int     // current line number
	sect int     // section
	cont *string // text an indented line continues, or nil
	list int     // field of the open list, or -1

	q  Question
	qp qpos

	e    Example
	ep   epos
	ex   int      // example state
	para []string // lines of the open answer paragraph
	ans  []string // finished answer paragraphs
}

func parse(name string, data []byte) (*file, error) {
	p := &parser{f: &file{name: name}, list: -1}
	text := strings.TrimPrefix(string(data), "\uFEFF")
	if n := strings.Count(text, "\n## "); n > 0 {
		p.f.questions = make([]Question, 0, n)
		p.f.qpos = make([]qpos, 0, n)
	}
	for line := range strings.Lines(text) {
		p.n++
		line = strings.TrimRight(line, " \t\r\n")
		if !utf8.ValidString(line) {
			return nil, p.err("the line is not valid UTF-8 text; save the file as UTF-8")
		}
		if err := p.line(line); err != nil {
			return nil, err
		}
	}
	if err := p.finish(); err != nil {
		return nil, err
	}
	if p.n == 0 {
		p.n = 1
	}
	if p.sect == sNone {
		return nil, p.err(`the file has no "# Name" line; a competency file starts with one`)
	}
	if p.f.comp.ID == "" {
		p.n = p.f.line
		return nil, p.err(`the competency has no ID; add "ID: competency-id" under this line`)
	}
	return p.f, nil
}

func (p *parser) err(msg string) error { return &Error{p.f.name, p.n, msg} }

func (p *parser) errAt(line int, msg string) error { return &Error{p.f.name, line, msg} }

func (p *parser) line(s string) error {
	if strings.HasPrefix(s, "#") {
		return p.heading(s)
	}
	switch p.sect {
	case sHeader:
		return p.header(s)
	case sQuestion:
		return p.question(s)
	case sExample:
		return p.example(s)
	}
	if s == "" {
		return nil
	}
	return p.err(`a competency file starts with a "# Name" line`)
}

// finish closes the open section.
func (p *parser) finish() error {
	switch p.sect {
	case sQuestion:
		return p.finishQuestion()
	case sExample:
		return p.finishExample()
	}
	return nil
}

func (p *parser) heading(s string) error {
	if err := p.finish(); err != nil {
		return err
	}
	p.cont, p.list = nil, -1
	level := len(s) - len(strings.TrimLeft(s, "#"))
	if rest := s[level:]; rest != "" && rest[0] != ' ' && rest[0] != '\t' {
		level = 0 // "#hashtag", not a heading
	}
	switch level {
	case 1:
		if p.sect != sNone {
			return p.err(`a file has only one "# Name" line; start a question with "## question-id"`)
		}
		p.f.comp.Name = strings.TrimSpace(s[1:])
		if p.f.comp.Name == "" {
			return p.err(`write the competency's name after "# "`)
		}
		p.f.line, p.sect = p.n, sHeader
		return nil
	case 2:
		if p.sect == sNone {
			return p.err(`a competency file starts with a "# Name" line`)
		}
		if p.f.comp.ID == "" {
			return p.err(`add "ID: competency-id" under the "# Name" line, before the first "##" section`)
		}
		rest := strings.TrimSpace(s[2:])
		if len(rest) >= 8 && strings.EqualFold(rest[:8], "example:") {
			var strong bool
			switch strings.ToLower(strings.TrimSpace(rest[8:])) {
			case "strong":
				strong = true
			case "weak":
			default:
				return p.err(`an example heading is "## Example: strong" or "## Example: weak"`)
			}
			p.sect, p.ex = sExample, exQuestion
			p.e = Example{Competency: p.f.comp.ID, Strong: strong}
			p.ep = epos{line: p.n}
			p.para, p.ans = p.para[:0], nil
			return nil
		}
		if !isSlug(rest) {
			return p.err("question ID " + quote(rest) + " must be lowercase letters, digits and single hyphens, like made-a-mistake")
		}
		p.sect = sQuestion
		p.q = Question{ID: rest, Competency: p.f.comp.ID, Source: BuiltIn}
		p.qp = qpos{line: p.n}
		return nil
	}
	return p.err("unknown heading " + quote(s) + `; use "## question-id" for a question or "## Example: strong" for an example`)
}

func (p *parser) header(s string) error {
	if s == "" {
		p.cont = nil
		return nil
	}
	if isIndented(s) {
		return p.continueLine(s)
	}
	key, val, _ := strings.Cut(s, ":")
	val = strings.TrimSpace(val)
	p.cont = nil
	switch key {
	case "ID":
		if p.f.idLine != 0 {
			return p.err("the competency already has an ID: line (line " + itoa(p.f.idLine) + ")")
		}
		if !isSlug(val) {
			return p.err("competency ID " + quote(val) + " must be lowercase letters, digits and single hyphens")
		}
		p.f.comp.ID, p.f.idLine = val, p.n
		return nil
	case "About":
		if p.f.aboutLine != 0 {
			return p.err("the competency already has an About: line (line " + itoa(p.f.aboutLine) + ")")
		}
		p.f.comp.About, p.f.aboutLine = val, p.n
		p.cont = &p.f.comp.About
		return nil
	}
	return p.err("unexpected line " + quote(s) + ` under the "# Name" line; expected "ID:" or "About:"`)
}

// continueLine appends an indented line to the text it continues.
func (p *parser) continueLine(s string) error {
	if p.cont == nil {
		return p.err(`this indented line continues nothing; start it with a field such as "Tip:" or a list item "- "`)
	}
	*p.cont = joinSpace(*p.cont, strings.TrimSpace(s))
	return nil
}

func (p *parser) question(s string) error {
	if s == "" {
		p.cont = nil
		return nil
	}
	t := strings.TrimSpace(s)
	if rest, ok := strings.CutPrefix(t, "Cues:"); ok {
		return p.cues(rest)
	}
	if isIndented(s) {
		if t == "-" || strings.HasPrefix(t, "- ") {
			return p.err(`lists do not nest; start a list item "- " at the beginning of the line`)
		}
		return p.continueLine(s)
	}
	if s == "-" || strings.HasPrefix(s, "- ") {
		return p.item(strings.TrimSpace(s[1:]))
	}
	key, val, ok := strings.Cut(s, ":")
	f := slices.Index(fieldNames[:], key)
	if !ok || f < 0 {
		return p.err("unexpected line " + quote(s) + `; expected a field such as "Ask:", a list item "- " or an indented continuation`)
	}
	if l := p.qp.field[f]; l != 0 {
		return p.err("question " + quote(p.q.ID) + " already has a " + key + ": line (line " + itoa(l) + ")")
	}
	p.qp.field[f] = p.n
	p.list, p.cont = -1, nil
	val = strings.TrimSpace(val)
	switch f {
	case fAsk:
		p.q.Text, p.cont = val, &p.q.Text
	case fTip:
		p.q.Tip, p.cont = val, &p.q.Tip
	case fLevel, fTags:
		p.qp.raw[f], p.cont = val, &p.qp.raw[f]
	default:
		if val != "" {
			return p.err("put each item of " + key + `: on its own line starting with "- "`)
		}
		p.list = f
	}
	return nil
}

// item adds a list item to the open list.
func (p *parser) item(text string) error {
	q, qp := &p.q, &p.qp
	switch p.list {
	case fVariants:
		q.Variants = add(q.Variants, text)
		p.cont = &q.Variants[len(q.Variants)-1]
	case fAssesses:
		q.Assesses = add(q.Assesses, text)
		p.cont = &q.Assesses[len(q.Assesses)-1]
	case fPitfalls:
		q.Pitfalls = add(q.Pitfalls, text)
		p.cont = &q.Pitfalls[len(q.Pitfalls)-1]
	case fMustCover:
		q.MustCover = add(q.MustCover, Point{ID: q.ID + "/" + itoa(len(q.MustCover)+1), Text: text})
		p.cont = &q.MustCover[len(q.MustCover)-1].Text
		qp.cues = add(qp.cues, 0)
		qp.rawCu = add(qp.rawCu, "")
	default:
		return p.err(`this list item belongs to no list; put it under "Variants:", "Assesses:", "Must cover:" or "Pitfalls:"`)
	}
	qp.items[p.list] = add(qp.items[p.list], p.n)
	return nil
}

// add appends v to s, making room for a typical list of up to 5 items at once.
func add[T any](s []T, v T) []T {
	if s == nil {
		s = make([]T, 0, 5)
	}
	return append(s, v)
}

// cues records the Cues: line of the last Must cover item.
func (p *parser) cues(rest string) error {
	qp := &p.qp
	i := len(qp.cues) - 1
	if p.list != fMustCover || i < 0 {
		return p.err(`a Cues: line belongs under a "Must cover:" item, indented by two spaces`)
	}
	if qp.cues[i] != 0 {
		return p.err("this Must cover item already has a Cues: line (line " + itoa(qp.cues[i]) + ")")
	}
	qp.cues[i], qp.rawCu[i] = p.n, strings.TrimSpace(rest)
	p.cont = &qp.rawCu[i]
	return nil
}

func (p *parser) finishQuestion() error {
	q, qp := &p.q, &p.qp
	for i, l := range qp.cues {
		if l == 0 {
			return p.errAt(qp.items[fMustCover][i], `this Must cover item has no Cues: line; add one under it, indented by two spaces: "  Cues: word; phrase"`)
		}
		q.MustCover[i].Cues = splitList(qp.rawCu[i], ";")
	}
	for _, l := range splitList(qp.raw[fLevel], ",") {
		switch lv := Level(strings.ToLower(l)); lv {
		case Entry, Experienced, Manager:
			if !slices.Contains(q.Levels, lv) {
				q.Levels = append(q.Levels, lv)
			}
		default:
			return p.errAt(qp.field[fLevel], "unknown level "+quote(l)+"; use entry, experienced or manager")
		}
	}
	q.Tags = splitList(qp.raw[fTags], ",")
	// No list keeps room to grow: Load's banks hold them clipped.
	q.Variants, q.Assesses, q.MustCover = slices.Clip(q.Variants), slices.Clip(q.Assesses), slices.Clip(q.MustCover)
	q.Pitfalls, q.Levels, q.Tags = slices.Clip(q.Pitfalls), slices.Clip(q.Levels), slices.Clip(q.Tags)
	for i := range q.MustCover {
		q.MustCover[i].Cues = slices.Clip(q.MustCover[i].Cues)
	}
	p.f.questions = append(p.f.questions, *q)
	p.f.qpos = append(p.f.qpos, *qp)
	return nil
}

func (p *parser) example(s string) error {
	t := strings.TrimSpace(s)
	switch p.ex {
	case exQuestion:
		if t == "" {
			return nil
		}
		id, ok := strings.CutPrefix(t, "Question:")
		if !ok {
			return p.err(`an example starts with a "Question: question-id" line naming the question it answers`)
		}
		p.e.QuestionID, p.ep.question, p.ex = strings.TrimSpace(id), p.n, exAnswer
	case exAnswer:
		if t == "" {
			p.endParagraph()
			return nil
		}
		if why, ok := strings.CutPrefix(t, "Why:"); ok {
			p.endParagraph()
			p.e.Why, p.ep.why, p.ex = strings.TrimSpace(why), p.n, exWhy
			return nil
		}
		if isListLine(t) {
			return p.err("an example answer is plain paragraphs, as a candidate would say it; remove the list marker")
		}
		if len(p.para) == 0 {
			p.ep.paras = append(p.ep.paras, p.n)
		}
		p.para = append(p.para, t)
	case exWhy:
		if t == "" {
			if p.e.Why != "" {
				p.ex = exDone
			}
			return nil
		}
		p.e.Why = joinSpace(p.e.Why, t)
	default:
		if t != "" {
			return p.err(`text after the Why: paragraph; join it to Why or start a new "##" section`)
		}
	}
	return nil
}

func (p *parser) endParagraph() {
	if len(p.para) > 0 {
		p.ans = append(p.ans, strings.Join(p.para, " "))
		p.para = p.para[:0]
	}
}

func (p *parser) finishExample() error {
	switch p.ex {
	case exQuestion:
		return p.errAt(p.ep.line, `this example has no "Question: question-id" line`)
	case exAnswer:
		return p.errAt(p.ep.line, `this example has no Why: line; end the answer with "Why: " and a short paragraph`)
	}
	p.e.Answer = strings.Join(p.ans, "\n\n")
	p.f.examples = append(p.f.examples, p.e)
	p.f.epos = append(p.f.epos, p.ep)
	return nil
}

// isSlug reports whether s is lowercase letters and digits joined by single
// hyphens.
func isSlug(s string) bool {
	if s == "" || s[0] == '-' || s[len(s)-1] == '-' || strings.Contains(s, "--") {
		return false
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		if !('a' <= c && c <= 'z' || '0' <= c && c <= '9' || c == '-') {
			return false
		}
	}
	return true
}

func isIndented(s string) bool { return s != "" && (s[0] == ' ' || s[0] == '\t') }

// isListLine reports whether t starts like a Markdown list item.
func isListLine(t string) bool {
	if t == "-" || t == "*" || t == "+" {
		return true
	}
	if len(t) > 1 && (t[0] == '-' || t[0] == '*' || t[0] == '+') && t[1] == ' ' {
		return true
	}
	i := 0
	for i < len(t) && '0' <= t[i] && t[i] <= '9' {
		i++
	}
	return i > 0 && i+1 < len(t) && (t[i] == '.' || t[i] == ')') && t[i+1] == ' '
}

// splitList splits s at sep, trims the parts and drops empty ones.
func splitList(s, sep string) []string {
	if s == "" {
		return nil
	}
	out := make([]string, 0, strings.Count(s, sep)+1)
	for s != "" {
		part, rest, _ := strings.Cut(s, sep)
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
		s = rest
	}
	return out
}

func joinSpace(a, b string) string {
	if a == "" {
		return b
	}
	return a + " " + b
}

// compareFold compares a and b ignoring case, then exactly.
func compareFold(a, b string) int {
	if c := strings.Compare(strings.ToLower(a), strings.ToLower(b)); c != 0 {
		return c
	}
	return strings.Compare(a, b)
}

func itoa(n int) string { return strconv.Itoa(n) }

func quote(s string) string { return strconv.Quote(s) }
