package bank

import (
	"encoding/json"
	"io"
)

// WriteJSONLines writes every question of b to w in the order of Questions,
// one JSON object a line:
//
//	{"id":"…","competency":"…","text":"…","variants":["…"],"mustCover":[{"text":"…","cues":["…"]}]}
//
// Empty lists are written as [].
func WriteJSONLines(w io.Writer, b *Bank) error {
	type point struct {
		Text string   `json:"text"`
		Cues []string `json:"cues"`
	}
	type question struct {
		ID         string   `json:"id"`
		Competency string   `json:"competency"`
		Text       string   `json:"text"`
		Variants   []string `json:"variants"`
		MustCover  []point  `json:"mustCover"`
	}
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	for _, q := range b.Questions() {
		out := question{
			ID:         q.ID,
			Competency: q.Competency,
			Text:       q.Text,
			Variants:   nonNil(q.Variants),
			MustCover:  make([]point, len(q.MustCover)),
		}
		for i, p := range q.MustCover {
			out.MustCover[i] = point{p.Text, nonNil(p.Cues)}
		}
		if err := enc.Encode(out); err != nil {
			return err
		}
	}
	return nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
