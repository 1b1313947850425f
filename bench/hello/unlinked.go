//go:build wasm && !linked

package main

// linkProduct does nothing in the plain floor; see linked.go.
func linkProduct() {}
