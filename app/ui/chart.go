package ui

import (
	"fmt"
	"strings"

	"stardrill/app/store"
)

// chartHTML draws the scores of attempts (newest first, as stored) as an
// inline SVG line chart, from the oldest to the newest, with the dates of
// the first and the last under the line. It holds numbers and dates only,
// never user text. Beyond 60 attempts the line goes without its dots, which
// would only thicken it.
func chartHTML(attempts []store.Attempt, what string) string {
	// left leaves room for the scale's figures, written right-aligned
	// before the grid lines; bottom for the dates.
	const w, h, pad, left, bottom = 600.0, 200.0, 16.0, 48.0, 40.0
	n := len(attempts)
	const scale = (h - pad - bottom) / 100 // y of a score: pad + (100-score)*scale
	var pts, dots strings.Builder
	for i := range attempts {
		a := attempts[n-1-i] // oldest first
		x := left
		if n > 1 {
			x = left + float64(i)*(w-left-pad)/float64(n-1)
		}
		y := pad + float64(100-a.Score)*scale
		fmt.Fprintf(&pts, "%.1f,%.1f ", x, y)
		if n <= 60 {
			fmt.Fprintf(&dots, `<circle cx="%.1f" cy="%.1f" r="4" class="chart-dot"></circle>`, x, y)
		}
	}
	oldest, newest := attempts[n-1], attempts[0]
	from, to := localTime(oldest.SavedAt).Format("2 Jan 2006"), localTime(newest.SavedAt).Format("2 Jan 2006")
	label := fmt.Sprintf("Line chart of %s: %d scores from %d to %d, oldest to newest, from %s to %s.", what, n, oldest.Score, newest.Score, from, to)
	var axes strings.Builder
	for _, v := range []int{0, 50, 100} {
		y := pad + float64(100-v)*scale
		fmt.Fprintf(&axes, `<line x1="%.0f" x2="%.0f" y1="%.1f" y2="%.1f" class="chart-grid"></line><text x="%.0f" y="%.1f" class="chart-label" text-anchor="end" dominant-baseline="middle">%d</text>`, left, w-pad, y, y, left-10, y, v)
	}
	fmt.Fprintf(&axes, `<text x="%.0f" y="%.0f" class="chart-label" text-anchor="start">%s</text>`, left, h-8, from)
	if n > 1 && to != from {
		fmt.Fprintf(&axes, `<text x="%.0f" y="%.0f" class="chart-label" text-anchor="end">%s</text>`, w-pad, h-8, to)
	}
	return fmt.Sprintf(`<div class="chart-wrap"><svg class="chart" viewBox="0 0 %.0f %.0f" role="img" aria-label="%s">%s<polyline points="%s" class="chart-line"></polyline>%s</svg></div>`,
		w, h, escapeHTML(label), axes.String(), strings.TrimSpace(pts.String()), dots.String())
}
