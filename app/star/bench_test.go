package star

import (
	"strings"
	"testing"
)

// benchText returns an answer of about n words built from the labelled
// strong answers.
func benchText(b *testing.B, n int) string {
	var parts []string
	for _, ex := range loadExamples(b) {
		if ex.Quality == "strong" {
			parts = append(parts, ex.Answer)
		}
	}
	var sb strings.Builder
	words := 0
	for i := 0; words < n; i++ {
		for _, w := range strings.Fields(parts[i%len(parts)]) {
			if words == n {
				break
			}
			if words > 0 {
				sb.WriteByte(' ')
			}
			sb.WriteString(w)
			words++
		}
	}
	return sb.String()
}

func benchAnalyze(b *testing.B, words int) {
	text := benchText(b, words)
	in := Input{Answer: text, Rubric: rubrics["mistake"]}
	b.SetBytes(int64(len(text)))
	b.ReportAllocs()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		Analyze(in)
	}
}

func BenchmarkAnalyze300Words(b *testing.B)  { benchAnalyze(b, 300) }
func BenchmarkAnalyze1200Words(b *testing.B) { benchAnalyze(b, 1200) }
func BenchmarkAnalyze4800Words(b *testing.B) { benchAnalyze(b, 4800) }
