// Package schedule decides when a question is due for practice again, from
// the grades a person gave their own attempts (Again, Hard, Good, Easy). It
// is a small interval scheduler: each good answer spaces the next practice
// further out, a struggle brings it back soon.
package schedule

import (
	"time"

	"stardrill/app/order"
)

// Grade is how an attempt felt, as the person judged it.
type Grade string

// The four grades, as the drill offers them.
const (
	Again Grade = "again"
	Hard  Grade = "hard"
	Good  Grade = "good"
	Easy  Grade = "easy"
)

// Review is one graded attempt at a question.
type Review struct {
	QuestionID string
	At         time.Time
	Grade      Grade // "" when the person did not grade it: counts as Good
}

// Due is when a question should be practised next.
type Due struct {
	QuestionID string
	At         time.Time
	Interval   time.Duration // the gap the last review earned
}

const day = 24 * time.Hour

// next returns the interval after a review, given the interval before it.
func next(prev time.Duration, g Grade) time.Duration {
	switch g {
	case Again:
		return 10 * time.Minute
	case Hard:
		return max(day, prev*6/5)
	case Easy:
		return max(4*day, prev*7/2)
	}
	return max(2*day, prev*5/2)
}

// Plan returns, for every question with a review, when it is due next,
// earliest first (ties by question ID, so the order is stable). Reviews may
// come in any order.
func Plan(reviews []Review) []Due {
	sorted := append([]Review(nil), reviews...)
	order.Stable(len(sorted), func(i, j int) bool { return sorted[i].At.Before(sorted[j].At) }, func(i, j int) { sorted[i], sorted[j] = sorted[j], sorted[i] })
	byID := map[string]*Due{}
	for _, r := range sorted {
		d := byID[r.QuestionID]
		if d == nil {
			d = &Due{QuestionID: r.QuestionID}
			byID[r.QuestionID] = d
		}
		d.Interval = next(d.Interval, r.Grade)
		d.At = r.At.Add(d.Interval)
	}
	out := make([]Due, 0, len(byID))
	for _, d := range byID {
		out = append(out, *d)
	}
	order.Sort(len(out), func(i, j int) bool {
		if !out[i].At.Equal(out[j].At) {
			return out[i].At.Before(out[j].At)
		}
		return out[i].QuestionID < out[j].QuestionID
	}, func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// DueBy returns the questions due at or before now, earliest first.
func DueBy(plan []Due, now time.Time) []Due {
	var out []Due
	for _, d := range plan {
		if !d.At.After(now) {
			out = append(out, d)
		}
	}
	return out
}
