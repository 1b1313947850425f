package star

import (
	"encoding/binary"
	"math/rand/v2"
	"sort"
	"strings"
	"testing"
)

// FuzzAnalyze checks that Analyze never panics and that every report holds
// its invariants, for free text and for guided-mode fields.
func FuzzAnalyze(f *testing.F) {
	seeds := []string{
		"",
		"I.",
		"Situation. Task. Action. Result. I learned a lot and improved 50%.",
		"- Called the vendor\n- Agreed a new date\n1. Shipped 2 days late\n2) Done",
		"Result:\nIt worked 😀👍🏽 and sales rose 12%!!!",
		"في العام الماضي، أخطأت في تقرير المبيعات، فاتصلت بالعميل واعتذرت. I fixed it.",
		"בשנה שעברה טעיתי בדוח ותיקנתי אותו באותו יום.",
		"去年我在报告里犯了一个错误。我马上告诉了经理，并在当天改正了它。",
		"I’ve never really made a serious mistake… it wasn’t my fault!",
		"Dr. Smith said e.g. the U.S. team at 9.30 a.m. was late. I called him.",
		"i was late so i called the client and we agreed a new date and then i sent the plan",
		"\u200f\u202eI fixed\u202c it\u0301 ́ ̈ \x00\xff\xfe invalid utf8 \xc3",
		strings.Repeat("I called the client. ", 50),
		strings.Repeat("word ", 300),
		"$40,000 £3.5m €12 20% 3x 1,200.50 2019 in 2020",
		"Situation:\n\nTask -\nAction —\nResult:",
	}
	for _, ex := range loadExamples(f) {
		seeds = append(seeds, ex.Answer)
	}
	for _, s := range seeds {
		f.Add(s, false)
		f.Add(s, true)
	}
	rub := rubrics["mistake"]
	f.Fuzz(func(t *testing.T, s string, guided bool) {
		in := Input{Answer: s, Rubric: rub}
		text := s
		var fields *[4]span // the guided fields' ranges in text
		if guided {
			parts := strings.SplitN(s, "\n", 4)
			for len(parts) < 4 {
				parts = append(parts, "")
			}
			fl := Fields{parts[0], parts[1], parts[2], parts[3]}
			in.Fields = &fl
			var spans [4]span
			text, spans = joinFields(fl)
			fields = &spans
		}
		r := Analyze(in)
		if len(text) > MaxBytes {
			text = text[:MaxBytes]
		} else {
			// The indexed cue search finds what a full scan finds.
			checkCoverage(t, text, fields, rubrics["leadership"])
		}
		if err := checkReport(text, &r); err != nil {
			t.Fatalf("%q: %v", s, err)
		}
		if !guided {
			if got := Join(Split(s, r.Sentences)); noSpace(got) != noSpace(s) {
				t.Fatalf("%q split into guided fields reads %q", s, got)
			}
		}
	})
}

// noSpace returns s without its white space: what splitting text into
// fields and joining them again must keep.
func noSpace(s string) string {
	return strings.Join(strings.Fields(s), "")
}

// vocabulary is every word the analyzer knows, sorted, and marks that end or
// split sentences, numbers and money: the stuff of answers whose words the
// clause rules look at ahead and behind.
func vocabulary() []string {
	loadTables()
	v := make([]string, 0, len(lexicon)+32)
	for w := range lexicon {
		v = append(v, w)
	}
	sort.Strings(v)
	return append(v, ".", ",", "!", "?", "\n", "\n- ", ":", ";", "—", "(", ")", "40%", "$300", "2019", "14",
		"I", "We", "They", "She", "Situation:", "Result:", "ʼ", "’", "'",
		"double-checked", "re-ran", "co-wrote", "e-mailed", "follow-up", "re-", "-")
}

// wordText builds an answer from picks, two bytes a word of vocab.
func wordText(vocab []string, picks []byte) string {
	var b strings.Builder
	for i := 0; i+1 < len(picks); i += 2 {
		if b.Len() > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(vocab[int(binary.BigEndian.Uint16(picks[i:]))%len(vocab)])
	}
	return b.String()
}

// FuzzAnalyzeWords explores sequences of known words rather than bytes:
// every two bytes of input pick a word.
func FuzzAnalyzeWords(f *testing.F) {
	vocab := vocabulary()
	f.Add([]byte{0, 1, 0, 2, 0, 3})
	f.Add([]byte("I was in charge of it and we were able to fix it"))
	f.Fuzz(func(t *testing.T, picks []byte) {
		s := wordText(vocab, picks)
		r := Analyze(Input{Answer: s, Rubric: rubrics["mistake"]})
		if err := checkReport(s, &r); err != nil {
			t.Fatalf("%q: %v", s, err)
		}
	})
}

// TestRandomWords runs what FuzzAnalyzeWords checks on random answers of
// 1 to 16 known words, the same ones every run.
func TestRandomWords(t *testing.T) {
	vocab := vocabulary()
	rng := rand.New(rand.NewPCG(1, 2))
	n := 200000
	if testing.Short() {
		n = 20000
	}
	picks := make([]byte, 32)
	for range n {
		p := picks[:2*(1+rng.IntN(16))]
		for i := range p {
			p[i] = byte(rng.Uint32())
		}
		s := wordText(vocab, p)
		func() {
			defer func() {
				if v := recover(); v != nil {
					t.Fatalf("%q: panic: %v", s, v)
				}
			}()
			r := Analyze(Input{Answer: s, Rubric: rubrics["mistake"]})
			if err := checkReport(s, &r); err != nil {
				t.Fatalf("%q: %v", s, err)
			}
		}()
	}
}
