package star

import "testing"

func TestPastOf(t *testing.T) {
	tests := []struct {
		w     string
		third bool
		want  string
	}{
		{"grab", false, "grabbed"},
		{"find", false, "found"},
		{"write", false, "wrote"},
		{"stay", false, "stayed"},
		{"copy", false, "copied"},
		{"apologise", false, "apologised"},
		{"visit", false, "visited"},
		{"commit", false, "committed"},
		{"split", false, "split"},
		{"is", false, "was"},
		{"are", false, "were"},
		{"has", true, "had"},
		{"goes", true, "went"},
		{"signs", true, "signed"},
		{"fixes", true, "fixed"},
		{"tries", true, "tried"},
		{"watches", true, "watched"},
		{"drops", true, "dropped"},
		{"loses", true, "lost"},
		{"pays", true, "paid"},
		{"class", true, ""},
		{"it's", true, ""},
	}
	loadTables()
	for _, tt := range tests {
		if got := pastOf(tt.w, tt.third); got != tt.want {
			t.Errorf("pastOf(%q, %v) = %q, want %q", tt.w, tt.third, got, tt.want)
		}
	}
}

// TestToldInPresent retells stories in the present tense, as people often
// tell them aloud, and expects the report of the same story in the past:
// the same parts, the same ownership, figures counted as results, a score
// within a few points.
func TestToldInPresent(t *testing.T) {
	pairs := []struct{ name, past, present string }{
		{"demo",
			"So I was working at a startup, and on a Friday my manager told me the demo for our biggest client was on Monday and the login page was broken. I grabbed the logs, I found the bug in about an hour, a token that expired too early. I wrote the fix, I got a colleague to review it on Saturday morning, and I stayed online on Sunday to watch it. On Monday the demo went fine and the client signed a two-year contract worth about 300k.",
			"So I'm working at a startup, and on a Friday my manager tells me the demo for our biggest client is on Monday and the login page is broken. I grab the logs, I find the bug in about an hour, a token that expires too early. I write the fix, I get a colleague to review it on Saturday morning, and I stay online on Sunday to watch it. On Monday the demo goes fine and the client signs a two-year contract worth about 300k."},
		{"payroll",
			"It was my first month as a payroll clerk, last March. I was entering overtime for the warehouse and I copied the wrong column, so fourteen people were paid short. A supervisor called me the next morning. I checked the sheet, I saw my mistake straight away and I told my manager within the hour. Then I worked out what each person was owed, arranged a same-week payment and apologised to each of them in person. Everyone had their money within two days, and since then I compare every rate with the contract table before I submit.",
			"It's my first month as a payroll clerk, last March. I'm entering overtime for the warehouse and I copy the wrong column, so fourteen people are paid short. A supervisor calls me the next morning. I check the sheet, I see my mistake straight away and I tell my manager within the hour. Then I work out what each person is owed, arrange a same-week payment and apologise to each of them in person. Everyone has their money within two days, and since then I compare every rate with the contract table before I submit."},
		{"team lead",
			"It was 2021, I was the new team lead, and two of my engineers refused to work together. I met each of them alone, I listened, and I found out that both thought they owned the same service. I split the ownership, wrote it down and shared it with the team. Within a month they paired on a release and it went out with zero incidents.",
			"It's 2021, I'm the new team lead, and two of my engineers refuse to work together. I meet each of them alone, I listen, and I find out that both think they own the same service. I split the ownership, write it down and share it with the team. Within a month they pair on a release and it goes out with zero incidents."},
		{"we",
			"Last year we were three weeks from launch when we found out the vendor could not deliver the payment module. We sat down as a team, we split the work, we built a simpler version ourselves and we shipped on the original date. Sales went up 12% that quarter.",
			"Last year we're three weeks from launch when we find out the vendor can't deliver the payment module. We sit down as a team, we split the work, we build a simpler version ourselves and we ship on the original date. Sales go up 12% that quarter."},
	}
	pairs = append(pairs, struct{ name, past, present string }{"present perfect",
		"Last year in my company there was a big delay in the billing project. I took the responsibility to recover the plan. I met each developer, I made a new schedule with daily check-ins and I removed two features after discussing with the client. Because of this we delivered the project only one week late instead of six weeks, and the client gave us the next phase also.",
		"Last year in my company there was a big delay in the billing project. I have taken the responsibility to recover the plan. I have met each developer, I have made a new schedule with daily check-ins and I have removed two features after discussing with the client. Because of this we have delivered the project only one week late instead of six weeks, and the client has given us the next phase also."})
	for _, p := range pairs {
		past, present := Analyze(Input{Answer: p.past}), Analyze(Input{Answer: p.present})
		if past.Parts.Action.Present != present.Parts.Action.Present || past.Parts.Result.Present != present.Parts.Result.Present {
			t.Errorf("%s: action, result %v %v in the past, %v %v in the present", p.name,
				past.Parts.Action.Present, past.Parts.Result.Present, present.Parts.Action.Present, present.Parts.Result.Present)
		}
		if past.Signals.Ownership != present.Signals.Ownership || present.Signals.Hypothetical {
			t.Errorf("%s: ownership %q in the past, %q in the present (hypothetical %v)", p.name,
				past.Signals.Ownership, present.Signals.Ownership, present.Signals.Hypothetical)
		}
		if d := past.Score - present.Score; d > 6 || d < -6 {
			t.Errorf("%s: score %d in the past, %d in the present", p.name, past.Score, present.Score)
		}
		if err := checkReport(p.present, &present); err != nil {
			t.Errorf("%s: %v", p.name, err)
		}
	}
}

// TestRoutineIsNotAStory: what someone does every week, told in the
// present, is not a story in the present tense; a career summed up in the
// present perfect ("since 2019 I have managed…") is not a story either.
func TestRoutineIsNotAStory(t *testing.T) {
	summary := "In my career I have led three migrations and I have always kept the client informed. Since 2019 I have managed a team of eight engineers, and I have learned that clear communication is the key to every project."
	if r := Analyze(Input{Answer: summary}); r.Parts.Action.Present || r.Score > 30 {
		t.Errorf("career summary: action %v, score %d", r.Parts.Action.Present, r.Score)
	}
	routine := "Every Monday I review the open tickets, I call each customer who is waiting and I update the tracker. I send a summary to my manager and I flag anything that is late."
	story := "Last Monday I reviewed the open tickets, I called each customer who was waiting and I updated the tracker. I sent a summary to my manager and I flagged two orders that were late."
	r, s := Analyze(Input{Answer: routine}), Analyze(Input{Answer: story})
	if !r.Signals.Hypothetical || len(r.Tips) == 0 || r.Tips[0].ID != "past-not-hypothetical" {
		t.Errorf("routine: hypothetical %v, tips %v; want the tip to tell what happened", r.Signals.Hypothetical, r.Tips)
	}
	if r.Score+20 > s.Score {
		t.Errorf("routine scores %d, the story %d", r.Score, s.Score)
	}
}
