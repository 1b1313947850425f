package schedule

import (
	"testing"
	"time"
)

var t0 = time.Date(2026, 3, 2, 9, 0, 0, 0, time.UTC)

func TestIntervalsGrowWithGoodAnswers(t *testing.T) {
	tests := []struct {
		grades []Grade
		want   time.Duration
	}{
		{[]Grade{Good}, 2 * day},
		{[]Grade{Good, Good}, 5 * day},
		{[]Grade{Good, Good, Good}, 12*day + 12*time.Hour},
		{[]Grade{Easy}, 4 * day},
		{[]Grade{Easy, Easy}, 14 * day},
		{[]Grade{Hard}, day},
		{[]Grade{Good, Good, Again}, 10 * time.Minute},
		{[]Grade{Good, Again, Good}, 2 * day},
		{[]Grade{""}, 2 * day},
	}
	for _, tt := range tests {
		var rs []Review
		for i, g := range tt.grades {
			rs = append(rs, Review{QuestionID: "q", At: t0.Add(time.Duration(i) * time.Hour), Grade: g})
		}
		plan := Plan(rs)
		if len(plan) != 1 || plan[0].Interval != tt.want {
			t.Errorf("%v: interval %v, want %v", tt.grades, plan[0].Interval, tt.want)
		}
		last := rs[len(rs)-1].At
		if !plan[0].At.Equal(last.Add(tt.want)) {
			t.Errorf("%v: due %v, want %v", tt.grades, plan[0].At, last.Add(tt.want))
		}
	}
}

func TestPlanOrderAndDue(t *testing.T) {
	rs := []Review{
		{QuestionID: "b", At: t0.Add(time.Hour), Grade: Easy},
		{QuestionID: "a", At: t0, Grade: Again},
		{QuestionID: "c", At: t0, Grade: Good},
		{QuestionID: "a", At: t0.Add(-time.Hour), Grade: Easy}, // older, comes first
	}
	plan := Plan(rs)
	var ids []string
	for _, d := range plan {
		ids = append(ids, d.QuestionID)
	}
	if got := ids[0] + ids[1] + ids[2]; got != "acb" {
		t.Errorf("order %v, want a, c, b", ids)
	}
	due := DueBy(plan, t0.Add(day))
	if len(due) != 1 || due[0].QuestionID != "a" {
		t.Errorf("due after a day: %v, want only a", due)
	}
	if len(DueBy(plan, t0.Add(30*day))) != 3 {
		t.Error("after a month all three should be due")
	}
	if DueBy(nil, t0) != nil || len(Plan(nil)) != 0 {
		t.Error("no reviews should plan nothing")
	}
}
