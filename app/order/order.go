// Package order sorts through sort.Sort, given the length, a less function
// and a swap function over indexes.
//
// It exists for the size of app.wasm: every go-app build already carries
// sort.Sort's code, while sort.Slice brings in reflection to swap, and
// slices.SortFunc compiles a copy of its algorithm for every element type.
package order

import "sort"

// Sort orders the n elements that less and swap reach by index. Elements
// neither less than the other may end up in any order: give less a
// tie-breaker where the order must not depend on chance.
func Sort(n int, less func(i, j int) bool, swap func(i, j int)) {
	sort.Sort(funcs{n, less, swap})
}

// Stable is Sort that keeps equal elements in their original order.
func Stable(n int, less func(i, j int) bool, swap func(i, j int)) {
	sort.Stable(funcs{n, less, swap})
}

// funcs is a sort.Interface made of functions.
type funcs struct {
	n    int
	less func(i, j int) bool
	swap func(i, j int)
}

func (f funcs) Len() int           { return f.n }
func (f funcs) Less(i, j int) bool { return f.less(i, j) }
func (f funcs) Swap(i, j int)      { f.swap(i, j) }
