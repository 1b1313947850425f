//go:build !wasm

package main

import (
	"bufio"
	"encoding/json"
	"flag"
	"fmt"
	"io"
	"strings"

	"stardrill/app/bank"
	"stardrill/app/star"
)

// reviewRequest is one line of the review command's input.
type reviewRequest struct {
	ID       string `json:"id"`       // a bank question's ID
	Question string `json:"question"` // or the question's text, matched to the bank
	Answer   string `json:"answer"`
}

// reviewCmd reads answers as JSON lines and writes one report per line, in
// order. A line it cannot read gets {"error": "..."} so the output stays in
// step with the input.
func reviewCmd(b *bank.Bank, args []string, stdin io.Reader, stdout, stderr io.Writer) error {
	fs := flag.NewFlagSet("review", flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintln(stderr, `Usage: go run ./wasm review < answers.jsonl > reports.jsonl

Each input line is {"question": "...", "answer": "..."} or {"id": "made-a-mistake", "answer": "..."}.
Free question text is matched to the closest bank question. Each output line is
the report for the same input line: score, parts, signals, sentences, strengths,
tips and coverage (see README), or {"error": "..."}.`)
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	in := bufio.NewScanner(stdin)
	in.Buffer(make([]byte, 0, 1<<16), 16<<20)
	out := bufio.NewWriter(stdout)
	defer out.Flush()
	enc := json.NewEncoder(out)
	enc.SetEscapeHTML(false)
	line := 0
	for in.Scan() {
		line++
		if strings.TrimSpace(in.Text()) == "" {
			continue
		}
		var req reviewRequest
		if err := json.Unmarshal(in.Bytes(), &req); err != nil {
			enc.Encode(map[string]string{"error": fmt.Sprintf("line %d is not a JSON object with \"answer\": %v", line, err)})
			continue
		}
		input := star.Input{Answer: req.Answer}
		if q, ok := matchQuestion(b, req); ok {
			input.Rubric = q.Rubric()
		} else if req.Question != "" {
			input.Rubric = &star.Rubric{Question: req.Question}
		}
		if err := enc.Encode(star.Analyze(input)); err != nil {
			return err
		}
	}
	if err := in.Err(); err != nil {
		return fmt.Errorf("reading line %d: %w", line+1, err)
	}
	return nil
}

// matchQuestion finds the bank question a request names by ID, or the one
// whose phrasing shares the most words with its free text.
func matchQuestion(b *bank.Bank, req reviewRequest) (bank.Question, bool) {
	if req.ID != "" {
		return b.Question(req.ID)
	}
	q, share := b.Closest(req.Question)
	// Below this, the question shares little more than "tell me about a time".
	const enough = 0.34
	return q, share >= enough
}
