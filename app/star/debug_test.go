package star

import (
	"fmt"
	"os"
	"strings"
	"testing"
)

// The tests in this file are tools for tuning the engine; they skip unless
// an environment variable asks for them:
//
//	STAR_DEBUG=answers.txt go test -run 'TestDebug$' -v ./app/star/
//	STAR_ID=mistake-strong-report go test -run TestDebugID -v ./app/star/
//
// Each prints one line per clause: its role, its role scores, counts of
// actions (i, w for we, m for implicit), other-subject past verbs,
// background, hypotheticals, habits and numbers, and then the report.

// TestDebug prints the clause analysis of the answers in the file
// $STAR_DEBUG, separated by lines holding "===".
func TestDebug(t *testing.T) {
	path := os.Getenv("STAR_DEBUG")
	if path == "" {
		t.Skip("set STAR_DEBUG to a file to dump its analysis")
	}
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	for _, ans := range strings.Split(string(b), "\n===\n") {
		fmt.Print(dump(ans))
	}
}

func dump(ans string) string {
	var sb strings.Builder
	loadTables()
	a := analyze(ans, nil, nil)
	var rep Report
	a.report(&rep)
	for i := range a.cls {
		c := &a.cls[i]
		k := "-"
		if c.kind >= 0 {
			k = string(kindPart[c.kind])[:1]
		}
		f := &c.ft
		fmt.Fprintf(&sb, "%s S%.1f T%.1f A%.1f R%.1f L%.1f |i%d w%d m%d o%d bg%d hy%d hb%d q%d| %q\n", k, c.sc[0], c.sc[1], c.sc[2], c.sc[3], c.sc[4],
			f.iAct, f.weAct, f.implAct, f.otherPast, f.background, f.hypo, f.habit, f.qty, ans[c.start:c.end])
	}
	fmt.Fprintf(&sb, "score=%d S=%v/%d T=%v/%d A=%v/%d R=%v/%d sig=%+v\n", rep.Score,
		rep.Parts.Situation.Present, rep.Parts.Situation.Score, rep.Parts.Task.Present, rep.Parts.Task.Score,
		rep.Parts.Action.Present, rep.Parts.Action.Score, rep.Parts.Result.Present, rep.Parts.Result.Score, rep.Signals)
	for _, tp := range rep.Tips {
		fmt.Fprintf(&sb, "  tip %s %d\n", tp.ID, tp.Impact)
	}
	return sb.String()
}

// TestDebugID prints the analysis of the labelled answers whose IDs are in
// $STAR_ID (comma separated).
func TestDebugID(t *testing.T) {
	ids := os.Getenv("STAR_ID")
	if ids == "" {
		t.Skip("set STAR_ID")
	}
	for _, ex := range loadExamples(t) {
		for _, id := range strings.Split(ids, ",") {
			if ex.ID == id {
				fmt.Printf("##### %s\n%s", id, dump(ex.Answer))
			}
		}
	}
}
