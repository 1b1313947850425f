//go:build !wasm

package main

import (
	"bytes"
	"encoding/json"
	"os"
	"strings"
	"testing"

	"stardrill/app/bank"
	"stardrill/content"
)

func loadBank(t *testing.T) *bank.Bank {
	t.Helper()
	b, err := bank.Load(content.Files)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestQuestionsCommand(t *testing.T) {
	b := loadBank(t)
	var out, errOut bytes.Buffer
	if code := run(b, []string{"questions"}, nil, &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != len(b.Questions()) {
		t.Fatalf("%d lines for %d questions", len(lines), len(b.Questions()))
	}
	var q struct {
		ID, Competency, Text string
		Variants             []string
		MustCover            []struct {
			Text string
			Cues []string
		}
	}
	for _, l := range lines {
		if err := json.Unmarshal([]byte(l), &q); err != nil {
			t.Fatalf("%v: %s", err, l)
		}
		if q.ID == "" || q.Competency == "" || q.Text == "" || len(q.Variants) < 2 || len(q.MustCover) < 2 || len(q.MustCover[0].Cues) == 0 {
			t.Errorf("incomplete line: %s", l)
		}
	}
}

func TestReviewCommand(t *testing.T) {
	b := loadBank(t)
	in := strings.Join([]string{
		`{"id": "made-a-mistake", "answer": "Last spring I was a payroll assistant. I was responsible for overtime. I entered the wrong rate for 14 staff, which was my mistake. I told my manager, fixed the figures and paid everyone within two days. I added a check, and in eight months there have been no errors. I learned to verify inputs."}`,
		`not json`,
		``,
		`{"question": "Tell me about a time you made a mistake", "answer": "I have never really made a serious mistake. Things went wrong because of factors beyond my control."}`,
		`{"question": "What is your favourite colour?", "answer": "Blue."}`,
	}, "\n")
	var out, errOut bytes.Buffer
	if code := run(b, []string{"review"}, strings.NewReader(in), &out, &errOut); code != 0 {
		t.Fatalf("exit %d: %s", code, errOut.String())
	}
	lines := strings.Split(strings.TrimSpace(out.String()), "\n")
	if len(lines) != 4 {
		t.Fatalf("%d output lines for 4 non-blank input lines:\n%s", len(lines), out.String())
	}
	var reports []map[string]any
	for _, l := range lines {
		var r map[string]any
		if err := json.Unmarshal([]byte(l), &r); err != nil {
			t.Fatalf("%v: %s", err, l)
		}
		reports = append(reports, r)
	}
	if _, ok := reports[1]["error"]; !ok {
		t.Errorf("a bad line should give an error line, got %v", reports[1])
	}
	strong, weak := reports[0]["score"].(float64), reports[2]["score"].(float64)
	if strong < weak+50 {
		t.Errorf("strong %v should beat the denial %v by 50 points", strong, weak)
	}
	if len(reports[2]["coverage"].([]any)) == 0 {
		t.Error("free question text was not matched to the bank's mistake question")
	}
	if c, ok := reports[3]["coverage"].([]any); ok && len(c) > 0 {
		t.Error("an unrelated question was matched to a bank question")
	}
	for _, key := range []string{"score", "parts", "signals", "sentences", "tips", "strengths"} {
		if _, ok := reports[0][key]; !ok {
			t.Errorf("report lacks %q", key)
		}
	}
}

func TestUsage(t *testing.T) {
	b := loadBank(t)
	var out, errOut bytes.Buffer
	if code := run(b, []string{"help"}, nil, &out, &errOut); code != 0 || !strings.Contains(out.String(), "serve") {
		t.Errorf("help: exit %d, %q", code, out.String())
	}
	if code := run(b, []string{"frobnicate"}, nil, &out, &errOut); code != 2 || !strings.Contains(errOut.String(), "unknown command") {
		t.Errorf("unknown command: exit %d, %q", code, errOut.String())
	}
}

func TestCompileCommand(t *testing.T) {
	b := loadBank(t)
	out := t.TempDir() + "/bank.bin"
	var stdout, stderr bytes.Buffer
	if code := run(b, []string{"compile", "-o", out}, nil, &stdout, &stderr); code != 0 {
		t.Fatalf("exit %d: %s", code, stderr.String())
	}
	data, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if string(data) != content.Compiled {
		t.Error("compile wrote something other than the bank embedded as content.Compiled")
	}
}
