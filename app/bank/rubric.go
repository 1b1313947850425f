package bank

import "stardrill/app/star"

// Rubric returns what the feedback engine checks an answer to q against:
// its competency, its canonical wording and its must-cover points.
func (q Question) Rubric() *star.Rubric {
	r := &star.Rubric{Competency: q.Competency, Question: q.Text}
	for _, p := range q.MustCover {
		r.Points = append(r.Points, star.Point{ID: p.ID, Text: p.Text, Cues: p.Cues})
	}
	return r
}
