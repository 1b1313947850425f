package bank

import (
	"cmp"
	"errors"
	"io/fs"
	"slices"
	"strconv"
	"strings"
	"unicode"
	"unicode/utf8"
	"unsafe"
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
	files := make([]*file, 0, len(entries))
	var errs []error
	p := new(parser) // shared, so that all files cut their slices from the same arenas
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
		// data is ours alone and never changes, so it can back a string.
		f, err := p.parse(name, unsafe.String(unsafe.SliceData(data), len(data)))
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
	n := 0
	for _, f := range files {
		n += len(f.questions)
	}
	b := &Bank{
		comps:     make([]Competency, len(files)),
		compIndex: make(map[string]int, len(files)),
		byComp:    make([][]Question, len(files)),
		byID:      make(map[string]*Question, n),
		examples:  make(map[string][]Example, len(files)),
		files:     make(map[string]*file, len(files)),
	}
	var errs []error
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
		for j := range f.questions {
			q := &f.questions[j]
			n := len(b.byID)
			if b.byID[q.ID] = q; len(b.byID) == n { // the ID was taken: an error, so b is dropped
				g, line := firstUse(b, files, q.ID)
				errs = append(errs, &Error{f.name, f.qline[j], "question ID " + quote(q.ID) +
					" is also used at " + g.name + ":" + itoa(line) + "; IDs must be unique across the bank"})
			}
		}
	}
	if len(errs) > 0 {
		return nil, errors.Join(errs...)
	}
	return b, nil
}

// file is a parsed competency file. Only a file parsed with positions (see
// parser.pos) has the source lines Validate reports.
type file struct {
	name      string
	text      string // as given to parse, so that Validate can parse it again
	comp      Competency
	line      int // "# Name"
	idLine    int
	aboutLine int
	questions []Question
	qline     []int  // line of each question's "## id"
	qpos      []qpos // with positions: parallel to questions
	examples  []Example
	epos      []epos // with positions: parallel to examples
}

// firstUse returns the first of the files in b that has a question with the
// given ID, and the question's line.
func firstUse(b *Bank, files []*file, id string) (*file, int) {
	for _, f := range files {
		if b.files[f.comp.ID] != f {
			continue // left out for its competency ID, or not indexed yet
		}
		for i := range f.questions {
			if f.questions[i].ID == id {
				return f, f.qline[i]
			}
		}
	}
	return nil, 0 // not reached
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

// field returns the field named key, or -1.
func field(key string) int {
	switch key {
	case "Ask":
		return fAsk
	case "Variants":
		return fVariants
	case "Level":
		return fLevel
	case "Tags":
		return fTags
	case "Assesses":
		return fAssesses
	case "Must cover":
		return fMustCover
	case "Pitfalls":
		return fPitfalls
	case "Tip":
		return fTip
	}
	return -1
}

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

// What an indented line continues, besides a field of a question.
const (
	cNone  = -1
	cAbout = nFields
	cCues  = nFields + 1
)

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

// A parser parses competency files. Loading the bank is much of the app's
// start-up, so a parser allocates little: the strings it returns are
// substrings of the text it is given wherever the text allows (only wrapped
// lines are joined), and the questions and their slices are built in place in
// arenas shared by every file the parser parses. Positions, which only
// Validate reports, are kept in scratch space unless pos is set.
type parser struct {
	pos  bool // record qpos and epos, which only Validate needs
	f    *file
	text string // the file, without a byte order mark
	n    int    // current line number
	off  int    // offset in text of the current line
	end  int    // offset in text of the end of the current line, before "\n"
	sect int    // section
	cont int    // what an indented line continues: a field (of a list, its last item), cAbout, cCues or cNone
	list int    // field of the open list, or -1
	// The open list's items are strs[lstart:], or points[lstart:] for Must
	// cover: lists are built in place in the arenas.
	lstart int

	q  *Question // the question being parsed, the last of quests
	qp qpos      // scratch space, stored in f.qpos only with pos

	e    Example
	ep   epos
	ex   int      // example state
	para []string // lines of the open answer paragraph
	ans  []string // finished answer paragraphs
	// The answer is text[ansFrom:ansTo] if verbatim: one line a paragraph,
	// one empty line between them and no spaces to trim.
	verbatim       bool
	ansFrom, ansTo int

	quests []Question // arenas
	strs   []string
	points []Point
	levels []Level

	qstart int    // the file's questions are quests[qstart:]
	qline  []int  // their lines
	ids    []byte // the Must cover point IDs of the file, back to back
}

// parse parses one file with a fresh parser.
func parse(name string, data []byte) (*file, error) {
	return new(parser).parse(name, string(data))
}

func (p *parser) parse(name, text string) (*file, error) {
	f := &file{name: name, text: text}
	text = strings.TrimPrefix(text, "\uFEFF")
	p.f, p.text, p.n, p.sect, p.cont, p.list, p.ids = f, text, 0, sNone, cNone, -1, p.ids[:0]
	p.qstart, p.qline = len(p.quests), p.qline[:0]
	valid := utf8.ValidString(text)
	for i := 0; i < len(text); {
		end := strings.IndexByte(text[i:], '\n')
		if end < 0 {
			end = len(text)
		} else {
			end += i
		}
		p.n++
		s := text[i:end]
		p.off, p.end, i = i, end, end+1
		for s != "" && (s[len(s)-1] == ' ' || s[len(s)-1] == '\t' || s[len(s)-1] == '\r') {
			s = s[:len(s)-1]
		}
		if !valid && !utf8.ValidString(s) {
			return nil, p.err("the line is not valid UTF-8 text; save the file as UTF-8")
		}
		var err error
		switch {
		case strings.HasPrefix(s, "#"):
			err = p.heading(s)
		case p.sect == sHeader:
			err = p.header(s)
		case p.sect == sQuestion:
			err = p.question(s)
		case p.sect == sExample:
			err = p.example(s)
		case s != "":
			err = p.err(`a competency file starts with a "# Name" line`)
		}
		if err != nil {
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
	if f.comp.ID == "" {
		p.n = f.line
		return nil, p.err(`the competency has no ID; add "ID: competency-id" under this line`)
	}
	if q := p.quests[p.qstart:]; len(q) > 0 {
		f.questions = q[:len(q):len(q)]
	} else if strings.Contains(text, "\n## ") {
		f.questions = []Question{} // as it always was
	}
	f.qline = slices.Clone(p.qline)
	ids := string(p.ids)
	for i := range f.questions {
		q := &f.questions[i]
		for j := range q.MustCover {
			n := len(q.ID) + 1 + len(itoa(j+1))
			q.MustCover[j].ID, ids = ids[:n], ids[n:]
		}
	}
	return f, nil
}

func (p *parser) err(msg string) error { return &Error{p.f.name, p.n, msg} }

func (p *parser) errAt(line int, msg string) error { return &Error{p.f.name, line, msg} }

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
	p.cont, p.list = cNone, -1
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
			p.sect, p.ex, p.verbatim = sExample, exQuestion, false
			p.e = Example{Competency: p.f.comp.ID, Strong: strong}
			p.ep = epos{line: p.n, paras: p.ep.paras[:0]}
			p.para, p.ans = p.para[:0], p.ans[:0]
			return nil
		}
		if !isSlug(rest) {
			return p.err("question ID " + quote(rest) + " must be lowercase letters, digits and single hyphens, like made-a-mistake")
		}
		p.sect = sQuestion
		push(&p.quests, &p.qstart, Question{ID: rest, Competency: p.f.comp.ID, Source: BuiltIn}, 64)
		p.q = &p.quests[len(p.quests)-1]
		qp := &p.qp // reset field by field, keeping the slices' arrays
		qp.line, qp.field, qp.raw[fLevel], qp.raw[fTags] = p.n, [nFields]int{}, "", ""
		qp.cues, qp.rawCu = qp.cues[:0], qp.rawCu[:0]
		for f := range qp.items {
			qp.items[f] = qp.items[f][:0]
		}
		return nil
	}
	return p.err("unknown heading " + quote(s) + `; use "## question-id" for a question or "## Example: strong" for an example`)
}

func (p *parser) header(s string) error {
	if s == "" {
		p.cont = cNone
		return nil
	}
	if isIndented(s) {
		return p.continueLine(s)
	}
	key, val, _ := strings.Cut(s, ":")
	val = strings.TrimSpace(val)
	p.cont = cNone
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
		p.cont = cAbout
		return nil
	}
	return p.err("unexpected line " + quote(s) + ` under the "# Name" line; expected "ID:" or "About:"`)
}

// continueLine appends an indented line to the text it continues.
func (p *parser) continueLine(s string) error {
	var t *string
	q, qp := p.q, &p.qp
	switch p.cont {
	case cNone:
		return p.err(`this indented line continues nothing; start it with a field such as "Tip:" or a list item "- "`)
	case cAbout:
		t = &p.f.comp.About
	case cCues:
		t = &qp.rawCu[len(qp.rawCu)-1]
	case fAsk:
		t = &q.Text
	case fTip:
		t = &q.Tip
	case fLevel, fTags:
		t = &qp.raw[p.cont]
	case fVariants, fAssesses, fPitfalls: // the open list's last item
		t = &p.strs[len(p.strs)-1]
	case fMustCover:
		t = &p.points[len(p.points)-1].Text
	}
	*t = joinSpace(*t, strings.TrimSpace(s))
	return nil
}

func (p *parser) question(s string) error {
	if s == "" {
		p.cont = cNone
		return nil
	}
	t := s
	if !trimmed(s) {
		t = strings.TrimSpace(s)
	}
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
		text := strings.TrimPrefix(s[1:], " ")
		if !trimmed(text) {
			text = strings.TrimSpace(text)
		}
		return p.item(text)
	}
	key, val, ok := strings.Cut(s, ":")
	f := field(key)
	if !ok || f < 0 {
		return p.err("unexpected line " + quote(s) + `; expected a field such as "Ask:", a list item "- " or an indented continuation`)
	}
	if l := p.qp.field[f]; l != 0 {
		return p.err("question " + quote(p.q.ID) + " already has a " + key + ": line (line " + itoa(l) + ")")
	}
	p.qp.field[f] = p.n
	if p.list >= 0 {
		p.closeList()
	}
	p.list, p.cont = -1, cNone
	if val = strings.TrimPrefix(val, " "); !trimmed(val) {
		val = strings.TrimSpace(val)
	}
	switch f {
	case fAsk:
		p.q.Text, p.cont = val, f
	case fTip:
		p.q.Tip, p.cont = val, f
	case fLevel, fTags:
		p.qp.raw[f], p.cont = val, f
	default:
		if val != "" {
			return p.err("put each item of " + key + `: on its own line starting with "- "`)
		}
		p.list, p.lstart = f, len(p.strs)
		if f == fMustCover {
			p.lstart = len(p.points)
		}
	}
	return nil
}

// item adds a list item to the open list.
func (p *parser) item(text string) error {
	qp := &p.qp
	switch p.list {
	case fVariants, fAssesses, fPitfalls:
		push(&p.strs, &p.lstart, text, 512)
	case fMustCover:
		push(&p.points, &p.lstart, Point{Text: text}, 128)
		qp.cues = append(qp.cues, 0)
		qp.rawCu = append(qp.rawCu, "")
	default:
		return p.err(`this list item belongs to no list; put it under "Variants:", "Assesses:", "Must cover:" or "Pitfalls:"`)
	}
	if p.pos || p.list == fMustCover { // the lines only Validate and a missing Cues: need
		qp.items[p.list] = append(qp.items[p.list], p.n)
	}
	p.cont = p.list
	return nil
}

// closeList sets the open list of the question to its items, if any.
func (p *parser) closeList() {
	q, n := p.q, len(p.strs)
	switch {
	case p.list == fMustCover:
		if n := len(p.points); n > p.lstart {
			q.MustCover = p.points[p.lstart:n:n]
		}
	case p.list < 0 || n == p.lstart:
	case p.list == fVariants:
		q.Variants = p.strs[p.lstart:n:n]
	case p.list == fAssesses:
		q.Assesses = p.strs[p.lstart:n:n]
	case p.list == fPitfalls:
		q.Pitfalls = p.strs[p.lstart:n:n]
	}
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
	p.cont = cCues
	return nil
}

func (p *parser) finishQuestion() error {
	p.closeList()
	q, qp := p.q, &p.qp
	for i, l := range qp.cues {
		if l == 0 {
			return p.errAt(qp.items[fMustCover][i], `this Must cover item has no Cues: line; add one under it, indented by two spaces: "  Cues: word; phrase"`)
		}
	}
	start := len(p.levels)
	for s := qp.raw[fLevel]; s != ""; {
		var l string
		if l, s = cut(s, ','); l == "" {
			continue
		}
		switch lv := Level(strings.ToLower(l)); lv {
		case Entry, Experienced, Manager:
			if !slices.Contains(p.levels[start:], lv) {
				push(&p.levels, &start, lv, 256)
			}
		default:
			return p.errAt(qp.field[fLevel], "unknown level "+quote(l)+"; use entry, experienced or manager")
		}
	}
	if start < len(p.levels) {
		q.Levels = p.levels[start:len(p.levels):len(p.levels)]
	}
	q.Tags = p.keepSplit(qp.raw[fTags], ',')
	for i := range q.MustCover {
		q.MustCover[i].Cues = p.keepSplit(qp.rawCu[i], ';')
		p.ids = append(append(append(p.ids, q.ID...), '/'), itoa(i+1)...) // see parse
	}
	p.qline = append(p.qline, qp.line)
	if p.pos {
		c := *qp
		for f := range c.items {
			c.items[f] = slices.Clone(c.items[f])
		}
		c.cues, c.rawCu = slices.Clone(c.cues), nil
		p.f.qpos = append(p.f.qpos, c)
	}
	return nil
}

// push appends v to the arena, where a slice is being built from start on.
// If the arena is full, push moves that slice to a new chunk and start to 0.
func push[T any](arena *[]T, start *int, v T, chunk int) {
	if len(*arena) == cap(*arena) {
		*arena = append(make([]T, 0, chunk+len(*arena)-*start), (*arena)[*start:]...)
		*start = 0
	}
	*arena = append(*arena, v)
}

// keepSplit splits s at sep, trims the parts and drops empty ones, straight
// into the arena. The result is nil if s is empty, and empty but not nil if s
// has only separators and spaces.
func (p *parser) keepSplit(s string, sep byte) []string {
	if s == "" {
		return nil
	}
	a := p.strs // a local, to spare a write barrier a part
	start := len(a)
	for s != "" {
		part := s
		if i := strings.IndexByte(s, sep); i >= 0 {
			part, s = s[:i], s[i+1:]
		} else {
			s = ""
		}
		if part = strings.TrimPrefix(part, " "); !trimmed(part) {
			part = strings.TrimSpace(part)
		}
		if part != "" {
			push(&a, &start, part, 512)
		}
	}
	p.strs = a
	if start == len(a) {
		return []string{}
	}
	return a[start:len(a):len(a)]
}

// trimmed reports whether s starts and ends with printable ASCII other than
// space, so that strings.TrimSpace(s) is s. Checking first spares the call,
// which costs in WebAssembly; TrimSpace(" "+s) is TrimSpace(s) too.
func trimmed(s string) bool {
	return s != "" && s[0]-'!' <= '~'-'!' && s[len(s)-1]-'!' <= '~'-'!'
}

// cut returns s up to the first sep, trimmed, and the rest after sep.
func cut(s string, sep byte) (part, rest string) {
	if i := strings.IndexByte(s, sep); i >= 0 {
		return strings.TrimSpace(s[:i]), s[i+1:]
	}
	return strings.TrimSpace(s), ""
}

func (p *parser) example(s string) error {
	t := s
	if !trimmed(s) {
		t = strings.TrimSpace(s)
	}
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
			if len(p.ans) == 0 {
				p.verbatim, p.ansFrom = true, p.off
			} else if p.off != p.ansTo+2 {
				p.verbatim = false // not one empty line since the last paragraph
			}
		} else {
			p.verbatim = false // a paragraph of several lines
		}
		if len(t) != p.end-p.off {
			p.verbatim = false // spaces to trim
		}
		p.ansTo = p.end
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
	if p.verbatim {
		p.e.Answer = p.text[p.ansFrom:p.ansTo] // the same as the join below
	} else {
		p.e.Answer = strings.Join(p.ans, "\n\n")
	}
	p.f.examples = append(p.f.examples, p.e)
	if p.pos {
		ep := p.ep
		ep.paras = slices.Clone(ep.paras)
		p.f.epos = append(p.f.epos, ep)
	}
	return nil
}

// isSlug reports whether s is lowercase letters and digits joined by single
// hyphens.
func isSlug(s string) bool {
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c == '-':
			if i == 0 || i == len(s)-1 || s[i-1] == '-' {
				return false
			}
		case c < '0' || c > 'z' || c > '9' && c < 'a':
			return false
		}
	}
	return s != ""
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

func joinSpace(a, b string) string {
	if a == "" {
		return b
	}
	return a + " " + b
}

// compareFold compares a and b ignoring case, then exactly. It compares as
// strings.ToLower would make them, without making them.
func compareFold(a, b string) int {
	for x, y := a, b; x != "" || y != ""; {
		if x == "" || y == "" {
			return len(x) - len(y) // the one that ran out is less
		}
		rx, nx := utf8.DecodeRuneInString(x)
		ry, ny := utf8.DecodeRuneInString(y)
		if c := cmp.Compare(unicode.ToLower(rx), unicode.ToLower(ry)); c != 0 {
			return c
		}
		x, y = x[nx:], y[ny:]
	}
	return strings.Compare(a, b)
}

func itoa(n int) string { return strconv.Itoa(n) }

func quote(s string) string { return strconv.Quote(s) }
