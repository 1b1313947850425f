package ui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"testing"
)

// TestElementsAreUntyped fails where a page builds an element with one of
// go-app's typed constructors (app.Div(), app.A(), …) instead of
// app.Elem("div"): every typed constructor brings a Go type whose methods the
// browser compiles when a page first mounts one (see the package doc).
func TestElementsAreUntyped(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	// go-app's functions that take no argument and build no element.
	allowed := map[string]bool{"Window": true}
	fset := token.NewFileSet()
	for _, name := range files {
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			call, ok := n.(*ast.CallExpr)
			if !ok || len(call.Args) > 0 {
				return true
			}
			sel, ok := call.Fun.(*ast.SelectorExpr)
			if !ok {
				return true
			}
			if pkg, ok := sel.X.(*ast.Ident); ok && pkg.Name == "app" && !allowed[sel.Sel.Name] {
				t.Errorf("%s: app.%s(): build the element with app.Elem (or app.ElemSelfClosing) and the tag's name", fset.Position(call.Pos()), sel.Sel.Name)
			}
			return true
		})
	}
}
