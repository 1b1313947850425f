package bank_test

import (
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
