package bank

import (
	"encoding/binary"
	"errors"
	"strings"
)

// compiledMagic starts every compiled bank; its last digit is the version of
// the layout below, to be raised whenever the layout changes.
const compiledMagic = "stardrill bank 2\n"

// The columns of the compiled form, in the order they are written. Like text
// sits together, which compresses better than question after question.
const (
	colComp     = iota // competency ID, Name, About
	colQID             // question IDs
	colText            // each question's text, then its variants
	colAssess          // Assesses
	colPoint           // must-cover points
	colCue             // their cues
	colPitfall         // Pitfalls
	colTip             // Tip
	colLevel           // Levels
	colTag             // Tags
	colExQID           // the question of each example
	colExAnswer        // its answer
	colExWhy           // why it works or fails
	numCols
)

// Encode writes the built-in part of b in the compact form Decode reads: the
// parsed bank without the Markdown around it. The browser loads this form,
// which downloads smaller and reads in a fraction of the time of parsing the
// question files; `go generate ./content` writes it from them.
//
// After compiledMagic come the shape and then the numCols columns, each as a
// uvarint byte length followed by that many bytes. The shape is a list of
// uvarints: the number of competencies; for each, its number of questions
// and of examples; for each question, its numbers of variants, assesses and
// points, the number of cues of each point, and its numbers of pitfalls,
// levels and tags; for each example, 1 if it is strong, else 0. A column is
// its strings in bank order, each followed by a NUL byte.
//
// Point IDs, question competencies and sources are not stored: Decode derives
// them as Load does. Encode fails only if a string holds a NUL byte, which
// the column format cannot carry.
func Encode(b *Bank) ([]byte, error) {
	var shape []byte
	var cols [numCols][]byte
	var err error
	n := func(k int) { shape = binary.AppendUvarint(shape, uint64(k)) }
	put := func(col int, ss ...string) {
		for _, s := range ss {
			if strings.IndexByte(s, 0) >= 0 && err == nil {
				err = errors.New("bank: " + quote(s) + " holds a NUL character; remove it")
			}
			cols[col] = append(append(cols[col], s...), 0)
		}
	}
	n(len(b.comps))
	for i, c := range b.comps {
		put(colComp, c.ID, c.Name, c.About)
		var qs []Question
		for _, q := range b.byComp[i] {
			if q.Source == BuiltIn {
				qs = append(qs, q)
			}
		}
		exs := b.examples[c.ID]
		n(len(qs))
		n(len(exs))
		for _, q := range qs {
			put(colQID, q.ID)
			put(colText, q.Text)
			put(colText, q.Variants...)
			put(colAssess, q.Assesses...)
			put(colPitfall, q.Pitfalls...)
			put(colTip, q.Tip)
			put(colTag, q.Tags...)
			n(len(q.Variants))
			n(len(q.Assesses))
			n(len(q.MustCover))
			for _, p := range q.MustCover {
				put(colPoint, p.Text)
				put(colCue, p.Cues...)
				n(len(p.Cues))
			}
			n(len(q.Pitfalls))
			n(len(q.Levels))
			for _, l := range q.Levels {
				put(colLevel, string(l))
			}
			n(len(q.Tags))
		}
		for _, e := range exs {
			put(colExQID, e.QuestionID)
			put(colExAnswer, e.Answer)
			put(colExWhy, e.Why)
			if e.Strong {
				n(1)
			} else {
				n(0)
			}
		}
	}
	out := []byte(compiledMagic)
	out = binary.AppendUvarint(out, uint64(len(shape)))
	out = append(out, shape...)
	for _, col := range cols {
		out = binary.AppendUvarint(out, uint64(len(col)))
		out = append(out, col...)
	}
	return out, err
}

// errCompiled is what Decode reports for data it cannot read.
var errCompiled = errors.New("bank: the compiled bank is damaged or from another version of stardrill; run `go generate ./content` and rebuild")

// Decode reads a bank written by Encode. The bank's strings share data's
// memory, so decoding allocates little more than the slices that hold them.
func Decode(data string) (*Bank, error) {
	shape, cols, ok := split(data)
	if !ok {
		return nil, errCompiled
	}
	// Every list of strings is a window on one slice per column, sized by
	// the column's count of strings, so that decoding allocates a few dozen
	// times instead of once per list: the browser runs this at start.
	var pool [numCols][]string
	for i := range cols {
		pool[i] = make([]string, strings.Count(cols[i].rest, "\x00"))
	}
	bad := false
	strs := func(col int) []string {
		k := shape.count(&cols[col])
		if k == 0 {
			return nil
		}
		if k > len(pool[col]) {
			bad = true
			return nil
		}
		ss := pool[col][:k:k]
		pool[col] = pool[col][k:]
		for i := range ss {
			ss[i] = cols[col].str()
		}
		return ss
	}
	points := make([]Point, len(pool[colPoint]))
	levels := make([]Level, len(pool[colLevel]))
	nc := shape.count(&cols[colComp])
	b := &Bank{
		comps:     make([]Competency, nc),
		compIndex: make(map[string]int, nc),
		byComp:    make([][]Question, nc),
		byID:      make(map[string]*Question, len(pool[colQID])),
		examples:  make(map[string][]Example, nc),
	}
	for i := range b.comps {
		c := Competency{ID: cols[colComp].str(), Name: cols[colComp].str(), About: cols[colComp].str()}
		if _, dup := b.compIndex[c.ID]; dup {
			bad = true
		}
		b.comps[i], b.compIndex[c.ID] = c, i
		qs := make([]Question, shape.count(&cols[colQID]))
		var exs []Example
		if k := shape.count(&cols[colExQID]); k > 0 {
			exs = make([]Example, k)
		}
		for j := range qs {
			q := &qs[j]
			q.ID, q.Competency, q.Source = cols[colQID].str(), c.ID, BuiltIn
			q.Text = cols[colText].str()
			q.Variants = strs(colText)
			q.Assesses = strs(colAssess)
			if k := shape.count(&cols[colPoint]); k > 0 && k <= len(points) {
				q.MustCover, points = points[:k:k], points[k:]
				ids := pointIDs(q.ID, k)
				for p := range q.MustCover {
					q.MustCover[p] = Point{ID: ids[p], Text: cols[colPoint].str(), Cues: strs(colCue)}
				}
			} else if k > 0 {
				bad = true
			}
			q.Pitfalls = strs(colPitfall)
			if k := shape.count(&cols[colLevel]); k > 0 && k <= len(levels) {
				q.Levels, levels = levels[:k:k], levels[k:]
				for l := range q.Levels {
					q.Levels[l] = Level(cols[colLevel].str())
				}
			} else if k > 0 {
				bad = true
			}
			q.Tip = cols[colTip].str()
			q.Tags = strs(colTag)
			if _, dup := b.byID[q.ID]; dup {
				bad = true
			}
			b.byID[q.ID] = q
		}
		for j := range exs {
			exs[j] = Example{Competency: c.ID, QuestionID: cols[colExQID].str(), Answer: cols[colExAnswer].str(), Why: cols[colExWhy].str()}
			switch shape.uvarint() {
			case 1:
				exs[j].Strong = true
			case 0:
			default:
				bad = true
			}
		}
		b.byComp[i], b.examples[c.ID] = qs, exs
		if shape.bad {
			return nil, errCompiled
		}
	}
	if bad || shape.bad || shape.rest != "" || nc == 0 {
		return nil, errCompiled
	}
	for i := range cols {
		if cols[i].bad || cols[i].rest != "" {
			return nil, errCompiled
		}
	}
	return b, nil
}

// split checks data's magic and cuts the rest into the shape and the
// numCols columns that Encode wrote, each to be read from its front. ok is
// false when data is not a compiled bank of this version or is cut short.
func split(data string) (shape *reader, cols *[numCols]reader, ok bool) {
	if !strings.HasPrefix(data, compiledMagic) {
		return nil, nil, false
	}
	r := &reader{rest: data[len(compiledMagic):]}
	shape = &reader{rest: r.section()}
	cols = new([numCols]reader)
	for i := range cols {
		cols[i].rest = r.section()
	}
	return shape, cols, !r.bad && r.rest == ""
}

// pointIDs returns the IDs of the first n points of the question id
// ("id/1", "id/2", …), cut from one string.
func pointIDs(id string, n int) []string {
	var all strings.Builder
	all.Grow(n * (len(id) + 3))
	ends := make([]int, n)
	for p := range n {
		all.WriteString(id)
		all.WriteByte('/')
		all.WriteString(itoa(p + 1))
		ends[p] = all.Len()
	}
	s, ids, start := all.String(), make([]string, n), 0
	for p, end := range ends {
		ids[p], start = s[start:end], end
	}
	return ids
}

// reader reads the parts of a compiled bank from the front of rest. Once the
// data proves damaged, bad is set and it reads only zeros and empty strings.
type reader struct {
	rest string
	bad  bool
}

func (r *reader) fail() { r.bad, r.rest = true, "" }

func (r *reader) uvarint() uint64 {
	var x uint64
	for shift := 0; shift < 64; shift += 7 {
		if r.rest == "" {
			break
		}
		c := r.rest[0]
		r.rest = r.rest[1:]
		x |= uint64(c&0x7f) << shift
		if c < 0x80 {
			return x
		}
	}
	r.fail()
	return 0
}

// count reads a number of items that each take at least one byte of col, a
// column still to be read: as no count can exceed the bytes col has left,
// damaged data cannot make Decode allocate much more than it was given.
func (r *reader) count(col *reader) int {
	n := r.uvarint()
	if n > uint64(len(col.rest)) {
		r.fail()
		return 0
	}
	return int(n)
}

// section reads a uvarint length and that many bytes.
func (r *reader) section() string {
	n := r.uvarint()
	if n > uint64(len(r.rest)) {
		r.fail()
		return ""
	}
	s := r.rest[:n]
	r.rest = r.rest[n:]
	return s
}

// str reads a string ended by a NUL byte.
func (r *reader) str() string {
	i := strings.IndexByte(r.rest, 0)
	if i < 0 {
		r.fail()
		return ""
	}
	s := r.rest[:i]
	r.rest = r.rest[i+1:]
	return s
}
