//go:build js && wasm

package localstore

import (
	"errors"
	"fmt"
	"sort"
	"strings"
	"syscall/js"
	"testing"
	"time"
	"unicode/utf16"

	"stardrill/app/store"
)

// fake is an in-memory localStorage written in Go and installed on
// globalThis. Over its quota (in UTF-16 code units of keys and values),
// setItem throws what throwFull makes, the way browsers throw a
// QuotaExceededError DOMException.
type fake struct {
	data      map[string]string
	order     []string // insertion order, like browsers' key(i)
	quota     int
	throwFull func() js.Value
	throwAll  js.Value // when set, every method throws it
	funcs     []js.Func
}

// thrower wraps a Go implementation so that it can throw: the Go function
// returns {value} or {error}, and the JavaScript wrapper throws the error.
var thrower = js.Global().Get("Function").New("impl",
	`return function(...args) { const r = impl(...args); if (r && "error" in r) { throw r.error; } return r ? r.value : undefined; }`)

func (f *fake) method(impl func(args []js.Value) (any, js.Value)) js.Value {
	fn := js.FuncOf(func(this js.Value, args []js.Value) any {
		if f.throwAll.Truthy() {
			return map[string]any{"error": f.throwAll}
		}
		v, thrown := impl(args)
		if thrown.Truthy() {
			return map[string]any{"error": thrown}
		}
		return map[string]any{"value": v}
	})
	f.funcs = append(f.funcs, fn)
	return thrower.Invoke(fn)
}

// units is the length of s in UTF-16 code units, as browsers count quota.
func units(s string) int { return len(utf16.Encode([]rune(s))) }

func (f *fake) used() int {
	n := 0
	for k, v := range f.data {
		n += units(k) + units(v)
	}
	return n
}

// install puts a fake localStorage on globalThis until the test ends.
func install(t *testing.T, quota int, throwFull func() js.Value) *fake {
	f := &fake{data: map[string]string{}, quota: quota, throwFull: throwFull}
	obj := js.Global().Get("Object").New()
	obj.Set("getItem", f.method(func(a []js.Value) (any, js.Value) {
		if v, ok := f.data[a[0].String()]; ok {
			return v, js.Undefined()
		}
		return nil, js.Undefined()
	}))
	obj.Set("setItem", f.method(func(a []js.Value) (any, js.Value) {
		k, v := a[0].String(), a[1].String()
		old, had := f.data[k]
		size := f.used() + units(k) + units(v)
		if had {
			size -= units(k) + units(old)
		}
		if size > f.quota {
			return nil, f.throwFull()
		}
		if !had {
			f.order = append(f.order, k)
		}
		f.data[k] = v
		return nil, js.Undefined()
	}))
	obj.Set("removeItem", f.method(func(a []js.Value) (any, js.Value) {
		k := a[0].String()
		if _, ok := f.data[k]; ok {
			delete(f.data, k)
			for i, o := range f.order {
				if o == k {
					f.order = append(f.order[:i], f.order[i+1:]...)
					break
				}
			}
		}
		return nil, js.Undefined()
	}))
	obj.Set("key", f.method(func(a []js.Value) (any, js.Value) {
		if i := a[0].Int(); i >= 0 && i < len(f.order) {
			return f.order[i], js.Undefined()
		}
		return nil, js.Undefined()
	}))
	length := f.method(func([]js.Value) (any, js.Value) { return len(f.order), js.Undefined() })
	js.Global().Get("Object").Call("defineProperty", obj, "length", map[string]any{"get": length})
	js.Global().Set("localStorage", obj)
	t.Cleanup(func() {
		js.Global().Delete("localStorage")
		for _, fn := range f.funcs {
			fn.Release()
		}
	})
	return f
}

func domException(name string) func() js.Value {
	return func() js.Value {
		return js.Global().Get("DOMException").New("The quota has been exceeded.", name)
	}
}

func plainError(fields map[string]any) func() js.Value {
	return func() js.Value {
		e := js.Global().Get("Error").New("storage full")
		for k, v := range fields {
			e.Set(k, v)
		}
		return e
	}
}

func TestBackend(t *testing.T) {
	f := install(t, 1000, domException("QuotaExceededError"))
	f.data["other-app/key"], f.order = "theirs", []string{"other-app/key"}
	b, err := New()
	if err != nil {
		t.Fatal(err)
	}
	if _, ok, err := b.Get("stardrill/missing"); ok || err != nil {
		t.Errorf("Get of a missing key: %v %v", ok, err)
	}
	for k, v := range map[string]string{
		"stardrill/a":     "plain",
		"stardrill/emoji": "😀 עברית \u0000 \"q\"",
		"stardrill/empty": "",
	} {
		if err := b.Set(k, v); err != nil {
			t.Fatalf("Set %s: %v", k, err)
		}
		if got, ok, err := b.Get(k); got != v || !ok || err != nil {
			t.Errorf("Get %s = %q %v %v, want %q", k, got, ok, err, v)
		}
	}
	if err := b.Remove("stardrill/a"); err != nil {
		t.Fatal(err)
	}
	if err := b.Remove("stardrill/never"); err != nil {
		t.Fatal(err)
	}
	keys, err := b.Keys()
	if err != nil {
		t.Fatal(err)
	}
	sort.Strings(keys)
	if got := strings.Join(keys, " "); got != "stardrill/emoji stardrill/empty" {
		t.Errorf("Keys = %q", got)
	}
	// Over the quota: ErrFull, and the old value stays.
	err = b.Set("stardrill/emoji", strings.Repeat("x", 2000))
	if !errors.Is(err, store.ErrFull) {
		t.Fatalf("over quota: %v, want store.ErrFull", err)
	}
	if got, _, _ := b.Get("stardrill/emoji"); got != "😀 עברית \u0000 \"q\"" {
		t.Errorf("a failed Set changed the value to %q", got)
	}
}

func TestQuotaErrors(t *testing.T) {
	tests := []struct {
		name  string
		throw func() js.Value
		full  bool
		msg   string
	}{
		{"DOMException", domException("QuotaExceededError"), true, ""},
		{"code 22", plainError(map[string]any{"code": 22}), true, ""},
		{"Firefox", plainError(map[string]any{"name": "NS_ERROR_DOM_QUOTA_REACHED", "code": 1014}), true, ""},
		{"other DOMException", domException("InvalidStateError"), false, "InvalidStateError: The quota has been exceeded."},
		{"TypeError", func() js.Value { return js.Global().Get("TypeError").New("bad") }, false, "TypeError: bad"},
		{"string", func() js.Value { return js.ValueOf("just a string") }, false, "the browser's storage failed: just a string"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			install(t, 10, tt.throw)
			b, err := New()
			if err != nil {
				t.Fatal(err)
			}
			err = b.Set("stardrill/k", "a value too long")
			if errors.Is(err, store.ErrFull) != tt.full {
				t.Fatalf("got %v, full = %v", err, tt.full)
			}
			if !tt.full && err.Error() != tt.msg {
				t.Errorf("message %q, want %q", err, tt.msg)
			}
		})
	}
}

func TestThrowingMethods(t *testing.T) {
	f := install(t, 1000, domException("QuotaExceededError"))
	b, err := New()
	if err != nil {
		t.Fatal(err)
	}
	f.throwAll = js.Global().Get("DOMException").New("The operation is insecure.", "SecurityError")
	if _, _, err := b.Get("stardrill/a"); err == nil || err.Error() != "SecurityError: The operation is insecure." {
		t.Errorf("Get: %v", err)
	}
	if err := b.Remove("stardrill/a"); err == nil {
		t.Error("Remove: no error")
	}
	if _, err := b.Keys(); err == nil {
		t.Error("Keys: no error")
	}
}

func TestUnavailable(t *testing.T) {
	js.Global().Delete("localStorage")
	if _, err := New(); err == nil || !strings.Contains(err.Error(), "Allow this site to store data") {
		t.Errorf("no localStorage: %v", err)
	}
	// Browsers that block site data throw when the property is read.
	getter := js.Global().Get("Function").New(`throw new DOMException("The operation is insecure.", "SecurityError")`)
	js.Global().Get("Object").Call("defineProperty", js.Global(), "localStorage",
		map[string]any{"get": getter, "configurable": true})
	defer js.Global().Delete("localStorage")
	_, err := New()
	if err == nil || !strings.HasPrefix(err.Error(), "This browser does not let stardrill save anything here (SecurityError: The operation is insecure.)") {
		t.Errorf("throwing localStorage: %v", err)
	}
	// The site's loader puts a stand-in in its place that carries the reason.
	js.Global().Get("Object").Call("defineProperty", js.Global(), "localStorage",
		map[string]any{"value": map[string]any{"stardrillBlocked": "SecurityError: Access is denied for this document."}, "configurable": true})
	_, err = New()
	if err == nil || !strings.HasPrefix(err.Error(), "This browser does not let stardrill save anything here (SecurityError: Access is denied for this document.)") {
		t.Errorf("the loader's stand-in: %v", err)
	}
}

// TestStore runs the real store over the adapter.
func TestStore(t *testing.T) {
	install(t, 2000, domException("QuotaExceededError"))
	b, err := New()
	if err != nil {
		t.Fatal(err)
	}
	s := store.Open(b)
	if ro, why := s.ReadOnly(); ro {
		t.Fatal(why)
	}
	t0 := time.Date(2025, 3, 1, 9, 30, 0, 0, time.UTC)
	saved := 0
	for i := 0; ; i++ {
		err = s.SaveAttempt(store.Attempt{ID: fmt.Sprint("a", i), QuestionID: "q", SavedAt: t0, Answer: strings.Repeat("I did it. ", 20)})
		if err != nil {
			break
		}
		saved++
	}
	if !errors.Is(err, store.ErrFull) || saved == 0 {
		t.Fatalf("after %d saves: %v", saved, err)
	}
	again := store.Open(b)
	if got := len(again.Attempts()); got != saved {
		t.Errorf("%d attempts read back, want %d", got, saved)
	}
	if err := again.Erase(); err != nil {
		t.Fatal(err)
	}
	if keys, _ := b.Keys(); len(keys) != 0 {
		t.Errorf("keys after Erase: %v", keys)
	}
}
