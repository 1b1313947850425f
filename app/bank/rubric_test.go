package bank_test

import (
	"os"
	"strings"
	"testing"

	"stardrill/app/bank"
	"stardrill/app/star"
	"stardrill/content"
)

// TestMistakeOwnership: on the flagship question, an answer that says "I
// entered the wrong rate" owns its mistake and covers that point; one that
// says "mistakes were made" or "the wrong rate was entered" does not, is
// told to, and scores lower, even though all three are short enough to be
// held by the length cap.
func TestMistakeOwnership(t *testing.T) {
	b, err := bank.Load(content.Files)
	if err != nil {
		t.Fatal(err)
	}
	q, ok := b.Question("made-a-mistake")
	if !ok {
		t.Fatal("no made-a-mistake question")
	}
	const before, after = "Last spring I ran payroll at a logistics firm. ",
		" and 14 staff were underpaid. I told my manager the same hour, paid the 14 staff within two days and added a check against the contract table. There have been no errors since."
	analyze := func(mistake string) star.Report {
		return star.Analyze(star.Input{Answer: before + mistake + after, Rubric: q.Rubric()})
	}
	owned := analyze("I entered the wrong overtime rate")
	if !owned.Coverage[0].Covered {
		t.Errorf("owning the mistake does not cover %q", owned.Coverage[0].Text)
	}
	for _, hidden := range []string{"Mistakes were made with the overtime rates", "The wrong overtime rate was entered"} {
		r := analyze(hidden)
		if r.Coverage[0].Covered {
			t.Errorf("%q covers %q", hidden, r.Coverage[0].Text)
		}
		var told bool
		for _, tp := range r.Tips {
			told = told || strings.HasPrefix(tp.ID, "cover-point") && strings.Contains(tp.Message, "own it")
		}
		if !told {
			t.Errorf("%q is not told to own the mistake: %v", hidden, r.Tips)
		}
		if r.Score >= owned.Score {
			t.Errorf("%q scores %d, owning it %d", hidden, r.Score, owned.Score)
		}
	}
}

// TestExamples: the bank's example answers, which the app shows as models
// and as answers to learn from, are judged as they are labelled: every
// strong one scores at least 80 without a blame flag, above every weak one
// of its competency, and covers every point its question asks for (five
// points of three questions were missed, their cues narrower than the
// words of their own model answers). The two strong examples of giving and receiving
// feedback once scored 50, flagged for blame: a tech lead saying a review
// "should have" taken twenty minutes, and a server's behaviour that new
// hires wanted to leave "because of her", in the story of telling her so.
func TestExamples(t *testing.T) {
	b, err := bank.Load(content.Files)
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range b.Competencies() {
		lowestStrong, highestWeak := 101, -1
		for _, e := range b.Examples(c.ID) {
			in := star.Input{Answer: e.Answer}
			if q, ok := b.Question(e.QuestionID); ok {
				in.Rubric = q.Rubric()
			}
			r := star.Analyze(in)
			if !e.Strong {
				highestWeak = max(highestWeak, r.Score)
				continue
			}
			lowestStrong = min(lowestStrong, r.Score)
			if r.Score < 80 || r.Signals.Blame {
				t.Errorf("%s: the strong example for %s scores %d (blame %v)", c.ID, e.QuestionID, r.Score, r.Signals.Blame)
			}
			// A model answer covers what its question asks for: if
			// its words miss a point's cues, so would a person's.
			for _, cv := range r.Coverage {
				if !cv.Covered {
					t.Errorf("%s: the strong example does not cover %q", e.QuestionID, cv.Text)
				}
			}
		}
		if lowestStrong <= highestWeak {
			t.Errorf("%s: a weak example scores %d, a strong one %d", c.ID, highestWeak, lowestStrong)
		}
	}
}

// bankQuestion is the bank question each question key of the feedback
// engine's labelled and held-out answers stands for. An answer may fit a
// sibling question better (a conflict someone else had, mediated), so the
// figures below are a floor.
var bankQuestion = map[string]string{
	"mistake": "made-a-mistake", "failure": "time-you-failed", "conflict": "conflict-with-coworker",
	"customer": "calming-angry-customer", "deadline": "tight-deadline-met", "feedback": "received-critical-feedback",
	"initiative": "went-beyond-job-description", "leadership": "led-a-team-to-deliver",
	"teamwork": "worked-well-on-team", "priorities": "competing-priorities",
}

// TestAnswersWithBankRubrics scores the feedback engine's labelled and
// held-out answers (app/star/testdata) against the bank's own rubrics, as
// the app does, where the engine's tests use rubrics of their own: strong
// answers stay on the right side of 55 and cover most of what their
// question asks for, far more than weak ones. Before the cues "I asked" and
// (result) were read as the speaker's verb and the answer's result, strong
// held-out answers covered 47% of their points and three short strong
// labelled answers fell under 55.
func TestAnswersWithBankRubrics(t *testing.T) {
	b, err := bank.Load(content.Files)
	if err != nil {
		t.Fatal(err)
	}
	for _, file := range []string{"../star/testdata/answers.txt", "../star/testdata/heldout.txt"} {
		data, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		var n, right int
		var points, covered [2]int // weak, strong
		for _, block := range strings.Split(string(data), "\n=== ")[1:] {
			head, answer, _ := strings.Cut(block, "\n---\n")
			lines := strings.Split(head, "\n")
			var key, quality string
			for _, l := range lines[1:] {
				if v, ok := strings.CutPrefix(l, "question: "); ok {
					key = v
				} else if v, ok := strings.CutPrefix(l, "quality: "); ok {
					quality = v
				}
			}
			q, ok := b.Question(bankQuestion[key])
			if !ok {
				t.Fatalf("%s: %s: no bank question for %q", file, lines[0], key)
			}
			r := star.Analyze(star.Input{Answer: strings.TrimSpace(answer), Rubric: q.Rubric()})
			strong := 0
			if quality == "strong" {
				strong = 1
			}
			n++
			if (r.Score >= 55) == (strong == 1) {
				right++
			} else {
				t.Logf("%s: %s answer scores %d with the rubric of %s", lines[0], quality, r.Score, q.ID)
			}
			for _, c := range r.Coverage {
				points[strong]++
				if c.Covered {
					covered[strong]++
				}
			}
		}
		share := func(i int) float64 { return float64(covered[i]) / float64(max(1, points[i])) }
		t.Logf("%s: %d of %d on the right side of 55; points covered: strong %.0f%%, weak %.0f%%",
			file, right, n, 100*share(1), 100*share(0))
		if right*100 < n*95 || share(1) < 0.55 || share(1)-share(0) < 0.2 {
			t.Errorf("%s: %d of %d on the right side of 55 (want 95%%), strong answers cover %.0f%% of their points (want 55%%), weak ones %.0f%% (want 20 points fewer)",
				file, right, n, 100*share(1), 100*share(0))
		}
	}
}
