package bank

// Summary is what a bank's first page and its routes need before any
// question: the competencies in order, how many questions each holds, and
// every question's ID.
type Summary struct {
	Competencies []Competency
	Counts       []int    // the number of questions of each competency, by index
	IDs          []string // every question's ID, in bank order
}

// Summary returns b's Summary, its built-in questions and the person's own
// alike.
func (b *Bank) Summary() Summary {
	s := Summary{Competencies: b.Competencies(), Counts: make([]int, len(b.comps))}
	for i, qs := range b.byComp {
		s.Counts[i] = len(qs)
		for _, q := range qs {
			s.IDs = append(s.IDs, q.ID)
		}
	}
	return s
}

// Summarize reads the Summary of a bank written by Encode without decoding
// its questions, a small part of Decode's work: the browser starts with it
// and decodes the questions when a page first needs one. Data that Decode
// reads gives the Summary of the bank Decode returns; Summarize may accept
// data that Decode finds damaged elsewhere.
func Summarize(data string) (Summary, error) {
	shape, cols, ok := split(data)
	if !ok {
		return Summary{}, errCompiled
	}
	// skip reads a count of strings that col holds, as Decode would.
	skip := func(col int) int { return shape.count(&cols[col]) }
	nc := shape.count(&cols[colComp])
	s := Summary{Competencies: make([]Competency, nc), Counts: make([]int, nc)}
	for i := range s.Competencies {
		s.Competencies[i] = Competency{ID: cols[colComp].str(), Name: cols[colComp].str(), About: cols[colComp].str()}
		nq := shape.count(&cols[colQID])
		nex := skip(colExQID)
		s.Counts[i] = nq
		for range nq {
			s.IDs = append(s.IDs, cols[colQID].str())
			skip(colText)
			skip(colAssess)
			for range skip(colPoint) {
				skip(colCue)
			}
			skip(colPitfall)
			skip(colLevel)
			skip(colTag)
		}
		for range nex {
			shape.uvarint()
		}
		if shape.bad || cols[colComp].bad || cols[colQID].bad {
			return Summary{}, errCompiled
		}
	}
	if shape.rest != "" || nc == 0 {
		return Summary{}, errCompiled
	}
	return s, nil
}
