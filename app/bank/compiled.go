package bank

import (
	"errors"
	"strings"
)

// compiledMagic starts every compiled bank; its last byte is the version of
// the layout below, to be raised whenever the layout changes.
const compiledMagic = "stardrill bank 1\n"

// The two bytes that shape the compiled form: every string ends with
// endString and every list with endList. Neither may occur in the bank's
// text, and no string starts with endList, so a list ends where its next
// item would start with it.
const (
	endString = 0x00
	endList   = 0x01
)

// Encode writes the built-in part of b in the compact form Decode reads: the
// parsed bank without the Markdown around it. The browser loads this form,
// which downloads smaller and reads in a fraction of the time of parsing the
// question files; `go generate ./content` writes it from them.
//
// The layout, after compiledMagic, is a list of competencies, with each
// string followed by endString and each list by endList:
//
//	competency: ID, Name, About, list of questions, list of examples
//	question:   ID, Text, Variants, Assesses, list of points, Pitfalls, Tip, Levels, Tags
//	point:      Text, Cues
//	example:    QuestionID, "strong" or "weak", Answer, Why
//
// Point IDs, question competencies and sources are not stored: Decode derives
// them as Load does. Encode fails only if a string holds one of the two
// reserved control bytes, which question files cannot.
func Encode(b *Bank) ([]byte, error) {
	w := &encoder{buf: []byte(compiledMagic)}
	for i, c := range b.comps {
		w.str(c.ID)
		w.str(c.Name)
		w.str(c.About)
		for _, q := range b.byComp[i] {
			if q.Source != BuiltIn {
				continue
			}
			w.str(q.ID)
			w.str(q.Text)
			w.strs(q.Variants)
			w.strs(q.Assesses)
			for _, p := range q.MustCover {
				w.str(p.Text)
				w.strs(p.Cues)
			}
			w.end()
			w.strs(q.Pitfalls)
			w.str(q.Tip)
			for _, l := range q.Levels {
				w.str(string(l))
			}
			w.end()
			w.strs(q.Tags)
		}
		w.end()
		for _, e := range b.examples[c.ID] {
			w.str(e.QuestionID)
			if e.Strong {
				w.str("strong")
			} else {
				w.str("weak")
			}
			w.str(e.Answer)
			w.str(e.Why)
		}
		w.end()
	}
	w.end()
	return w.buf, w.err
}

type encoder struct {
	buf []byte
	err error
}

func (w *encoder) str(s string) {
	if strings.ContainsAny(s, "\x00\x01") && w.err == nil {
		w.err = errors.New("bank: " + quote(s) + " holds a NUL or SOH control character; remove it")
	}
	w.buf = append(append(w.buf, s...), endString)
}

func (w *encoder) end() { w.buf = append(w.buf, endList) }

func (w *encoder) strs(ss []string) {
	for _, s := range ss {
		w.str(s)
	}
	w.end()
}

// errCompiled is what Decode reports for data it cannot read.
var errCompiled = errors.New("bank: the compiled bank is damaged or from another version of stardrill; run `go generate ./content` and rebuild")

// Decode reads a bank written by Encode. The bank's strings share data's
// memory, so decoding allocates little more than the slices that hold them.
func Decode(data string) (*Bank, error) {
	if !strings.HasPrefix(data, compiledMagic) {
		return nil, errCompiled
	}
	r := &decoder{data: data, off: len(compiledMagic)}
	b := &Bank{
		compIndex: make(map[string]int, 32),
		byID:      make(map[string]*Question, 256),
		examples:  make(map[string][]Example, 32),
	}
	for r.more() {
		c := Competency{ID: r.str(), Name: r.str(), About: r.str()}
		if _, dup := b.compIndex[c.ID]; dup {
			r.fail()
		}
		b.compIndex[c.ID] = len(b.comps)
		b.comps = append(b.comps, c)
		var qs []Question
		for r.more() {
			q := Question{ID: r.str(), Competency: c.ID, Text: r.str(), Variants: r.strs(), Assesses: r.strs(), Source: BuiltIn}
			for r.more() {
				q.MustCover = append(q.MustCover, Point{ID: q.ID + "/" + itoa(len(q.MustCover)+1), Text: r.str(), Cues: r.strs()})
			}
			q.Pitfalls, q.Tip = r.strs(), r.str()
			for r.more() {
				q.Levels = append(q.Levels, Level(r.str()))
			}
			q.Tags = r.strs()
			qs = append(qs, q)
		}
		for i := range qs {
			if _, dup := b.byID[qs[i].ID]; dup {
				r.fail()
			}
			b.byID[qs[i].ID] = &qs[i]
		}
		b.byComp = append(b.byComp, qs)
		var exs []Example
		for r.more() {
			e := Example{Competency: c.ID, QuestionID: r.str()}
			switch r.str() {
			case "strong":
				e.Strong = true
			case "weak":
			default:
				r.fail()
			}
			e.Answer, e.Why = r.str(), r.str()
			exs = append(exs, e)
		}
		b.examples[c.ID] = exs
	}
	if r.bad || r.off != len(data) || len(b.comps) == 0 {
		return nil, errCompiled
	}
	return b, nil
}

// decoder reads Encode's layout. Once the data proves damaged it reads
// nothing more: every list is empty and every string "".
type decoder struct {
	data string
	off  int
	bad  bool
}

func (r *decoder) fail() { r.bad, r.off = true, len(r.data) }

// more reports whether the open list has another item, and consumes the
// list's end if not.
func (r *decoder) more() bool {
	if r.off >= len(r.data) {
		r.fail()
		return false
	}
	if r.data[r.off] == endList {
		r.off++
		return false
	}
	return true
}

func (r *decoder) str() string {
	i := strings.IndexByte(r.data[r.off:], endString)
	if i < 0 {
		r.fail()
		return ""
	}
	s := r.data[r.off : r.off+i]
	if strings.IndexByte(s, endList) >= 0 {
		r.fail()
		return ""
	}
	r.off += i + 1
	return s
}

func (r *decoder) strs() []string {
	var ss []string
	for r.more() {
		ss = append(ss, r.str())
	}
	return ss
}
