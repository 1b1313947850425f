package harness

import (
	"context"
	"encoding/json"
	"fmt"
	"math"
	"strings"
	"time"

	"github.com/chromedp/cdproto/cdp"
	"github.com/chromedp/cdproto/dom"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// Node is an element found in the page's accessibility tree, the way
// assistive technology sees it. It is a snapshot: after the app re-renders,
// query again.
type Node struct {
	Role string // computed role, such as "link", "heading", "button", "textbox"
	Name string // accessible name
	// ID is the DOM node behind the accessibility node; the action
	// methods use it.
	ID cdp.BackendNodeID

	props map[string]string
	tab   *Tab
}

// The accessibility tree as Chromium sends it. cdproto's typed structs
// reject values newer Chromium versions send (such as the ignored reason
// "uninteresting"), so only the fields used here are decoded, leniently.
type axNode struct {
	Ignored    bool     `json:"ignored"`
	Role       *axValue `json:"role"`
	Name       *axValue `json:"name"`
	Properties []struct {
		Name  string  `json:"name"`
		Value axValue `json:"value"`
	} `json:"properties"`
	BackendDOMNodeID int64 `json:"backendDOMNodeId"`
}

type axValue struct {
	Value json.RawMessage `json:"value"`
}

func (v *axValue) text() string {
	if v == nil || len(v.Value) == 0 {
		return ""
	}
	var s string
	if json.Unmarshal(v.Value, &s) == nil {
		return s
	}
	return string(v.Value) // numbers, booleans
}

// query asks Chromium for the accessibility nodes under the document with
// the given role and accessible name (either may be empty for any).
func (tab *Tab) query(role, name string) ([]Node, error) {
	var nodes []Node
	err := tab.try(chromedp.ActionFunc(func(ctx context.Context) error {
		// DOM.getDocument would reset chromedp's node ids: refer to the
		// document through a JavaScript handle instead.
		doc, _, err := runtime.Evaluate("document").WithObjectGroup("e2e-ax").Do(ctx)
		if err != nil {
			return err
		}
		defer runtime.ReleaseObjectGroup("e2e-ax").Do(ctx)
		params := map[string]any{"objectId": doc.ObjectID}
		if role != "" {
			params["role"] = role
		}
		if name != "" {
			params["accessibleName"] = name
		}
		var res struct {
			Nodes []axNode `json:"nodes"`
		}
		if err := chromedp.FromContext(ctx).Target.Execute(ctx, "Accessibility.queryAXTree", params, &res); err != nil {
			return fmt.Errorf("Accessibility.queryAXTree: %w", err)
		}
		for _, n := range res.Nodes {
			if n.Ignored || n.BackendDOMNodeID == 0 {
				continue
			}
			node := Node{Role: n.Role.text(), Name: n.Name.text(), ID: cdp.BackendNodeID(n.BackendDOMNodeID),
				props: map[string]string{}, tab: tab}
			for _, p := range n.Properties {
				node.props[p.Name] = p.Value.text()
			}
			nodes = append(nodes, node)
		}
		return nil
	}))
	return nodes, err
}

// Query returns every element with the role and accessible name, in
// document order; an empty name matches any.
func (tab *Tab) Query(role, name string) []Node {
	tab.t.Helper()
	nodes, err := tab.query(role, name)
	if err != nil {
		tab.t.Fatalf("querying role %q name %q: %v", role, name, err)
	}
	return nodes
}

// Find returns the first element with the role and accessible name, failing
// the test (and listing what has that role) when there is none.
func (tab *Tab) Find(role, name string) Node {
	tab.t.Helper()
	if nodes := tab.Query(role, name); len(nodes) > 0 {
		return nodes[0]
	}
	tab.t.Fatalf("no %s named %q; the page has %s", role, name, tab.describe(role))
	return Node{}
}

// WaitFor waits until an element with the role and accessible name is in the
// accessibility tree and returns the first.
func (tab *Tab) WaitFor(role, name string) Node {
	tab.t.Helper()
	deadline := time.Now().Add(tab.Timeout)
	for {
		nodes, err := tab.query(role, name)
		if err == nil && len(nodes) > 0 {
			return nodes[0]
		}
		if time.Now().After(deadline) {
			tab.t.Fatalf("waited %v for a %s named %q; the page has %s (last error: %v)",
				tab.Timeout, role, name, tab.describe(role), err)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// WaitGone waits until no element with the role and accessible name is left.
func (tab *Tab) WaitGone(role, name string) {
	tab.t.Helper()
	deadline := time.Now().Add(tab.Timeout)
	for {
		nodes, err := tab.query(role, name)
		if err == nil && len(nodes) == 0 {
			return
		}
		if time.Now().After(deadline) {
			tab.t.Fatalf("waited %v for the %s named %q to go", tab.Timeout, role, name)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// describe lists the names of the elements with role, for failure messages.
func (tab *Tab) describe(role string) string {
	nodes, err := tab.query(role, "")
	if err != nil {
		return "(could not list: " + err.Error() + ")"
	}
	var names []string
	for _, n := range nodes {
		names = append(names, fmt.Sprintf("%q", n.Name))
	}
	if len(names) == 0 {
		return "no " + role
	}
	return role + "s " + strings.Join(names, ", ")
}

// Prop returns an accessibility property of the node as text, such as
// "level" of a heading ("1"), "focused", "checked", "expanded", "disabled",
// or "" when the node does not have it.
func (n Node) Prop(name string) string { return n.props[name] }

// Click scrolls the element into view and clicks its centre with real mouse
// events.
func (n Node) Click() {
	n.tab.t.Helper()
	n.tab.run(fmt.Sprintf("clicking the %s %q", n.Role, n.Name), chromedp.ActionFunc(func(ctx context.Context) error {
		if err := dom.ScrollIntoViewIfNeeded().WithBackendNodeID(n.ID).Do(ctx); err != nil {
			return err
		}
		quads, err := dom.GetContentQuads().WithBackendNodeID(n.ID).Do(ctx)
		if err != nil {
			return err
		}
		if len(quads) == 0 || len(quads[0]) < 8 {
			return fmt.Errorf("it has no box on screen")
		}
		q := quads[0]
		x := (q[0] + q[2] + q[4] + q[6]) / 4
		y := (q[1] + q[3] + q[5] + q[7]) / 4
		return chromedp.MouseClickXY(math.Round(x), math.Round(y)).Do(ctx)
	}))
}

// Focus moves keyboard focus to the element.
func (n Node) Focus() {
	n.tab.t.Helper()
	n.tab.run(fmt.Sprintf("focusing the %s %q", n.Role, n.Name), dom.Focus().WithBackendNodeID(n.ID))
}

// Type focuses the element and types text with real key events, one key at
// a time (keydown, char, keyup), as a person would.
func (n Node) Type(text string) {
	n.tab.t.Helper()
	n.Focus()
	n.tab.Press(text)
}

// Value returns the element's value property (fields) as text.
func (n Node) Value() string {
	n.tab.t.Helper()
	var s string
	n.call("reading the value", `function() { return String(this.value ?? ""); }`, &s)
	return s
}

// Text returns the element's rendered text (innerText).
func (n Node) Text() string {
	n.tab.t.Helper()
	var s string
	n.call("reading the text", `function() { return this.innerText ?? this.textContent ?? ""; }`, &s)
	return s
}

// Attr returns the element's DOM attribute name, or "" when it has none.
func (n Node) Attr(name string) string {
	n.tab.t.Helper()
	var s string
	js, _ := json.Marshal(name)
	n.call("reading the attribute "+name, `function() { return this.getAttribute(`+string(js)+`) ?? ""; }`, &s)
	return s
}

// Eval calls the JavaScript function fn (such as "function() { return
// this.checked; }") with the element as this and stores the JSON result in
// out.
func (n Node) Eval(fn string, out any) {
	n.tab.t.Helper()
	n.call("evaluating on the element", fn, out)
}

func (n Node) call(what, fn string, out any) {
	n.tab.t.Helper()
	n.tab.run(fmt.Sprintf("%s of the %s %q", what, n.Role, n.Name), chromedp.ActionFunc(func(ctx context.Context) error {
		obj, err := dom.ResolveNode().WithBackendNodeID(n.ID).WithObjectGroup("e2e-node").Do(ctx)
		if err != nil {
			return err
		}
		defer runtime.ReleaseObjectGroup("e2e-node").Do(ctx)
		res, exc, err := runtime.CallFunctionOn(fn).WithObjectID(obj.ObjectID).WithReturnByValue(true).Do(ctx)
		if err != nil {
			return err
		}
		if exc != nil {
			return fmt.Errorf("%s", exc.Text)
		}
		if out == nil || len(res.Value) == 0 {
			return nil
		}
		return json.Unmarshal(res.Value, out)
	}))
}
