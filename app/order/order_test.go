package order_test

import (
	"math/rand/v2"
	"slices"
	"testing"

	"stardrill/app/order"
)

type item struct {
	key int
	pos int // original position
}

func TestSortAndStable(t *testing.T) {
	for _, n := range []int{0, 1, 2, 7, 13, 100, 1000} {
		r := rand.New(rand.NewPCG(uint64(n), 1))
		s := make([]item, n)
		for i := range s {
			s[i] = item{r.IntN(10), i}
		}
		sorted := slices.Clone(s)
		order.Sort(len(sorted), func(i, j int) bool { return sorted[i].key < sorted[j].key }, func(i, j int) { sorted[i], sorted[j] = sorted[j], sorted[i] })
		if !slices.IsSortedFunc(sorted, func(a, b item) int { return a.key - b.key }) {
			t.Errorf("n=%d: Sort left the slice out of order", n)
		}
		stable := slices.Clone(s)
		order.Stable(len(stable), func(i, j int) bool { return stable[i].key < stable[j].key }, func(i, j int) { stable[i], stable[j] = stable[j], stable[i] })
		want := slices.Clone(s)
		slices.SortStableFunc(want, func(a, b item) int { return a.key - b.key })
		if !slices.Equal(stable, want) {
			t.Errorf("n=%d: Stable did not keep equal keys in their first order", n)
		}
	}
}
