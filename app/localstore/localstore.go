//go:build js && wasm

// Package localstore is the browser's window.localStorage as a
// store.Backend.
//
// syscall/js turns a JavaScript exception into a Go panic; every call here
// recovers it and returns an error instead. A full quota becomes
// store.ErrFull.
package localstore

import (
	"errors"
	"fmt"
	"strings"
	"syscall/js"

	"stardrill/app/store"
)

// backend is window.localStorage.
type backend struct {
	ls js.Value
}

// New returns a store.Backend over globalThis.localStorage, or an error that
// says how to turn storage on if the browser does not offer it (for example
// when the user blocks site data).
func New() (store.Backend, error) {
	var ls js.Value
	// Reading window.localStorage itself throws a SecurityError when the
	// user blocks site data. Reflect.get turns that into a catchable
	// exception; a plain Get would not be caught by syscall/js.
	err := catch(func() {
		ls = js.Global().Get("Reflect").Call("get", js.Global(), "localStorage")
	})
	if err == nil && (ls.Type() != js.TypeObject) {
		err = errors.New("window.localStorage is missing")
	}
	if err == nil {
		// The page's stand-in for a storage the browser refuses (see the
		// site's loader.js) carries the browser's reason.
		if reason := ls.Get("stardrillBlocked"); reason.Type() == js.TypeString {
			err = errors.New(reason.String())
		}
	}
	if err != nil {
		return nil, fmt.Errorf("This browser does not let stardrill save anything here (%v), so your answers "+
			"would be lost when the page closes. Allow this site to store data (cookies and site data in the "+
			"browser settings), or leave private browsing, then reload the page.", err)
	}
	return backend{ls: ls}, nil
}

// Get implements store.Backend.
func (b backend) Get(key string) (value string, ok bool, err error) {
	err = catch(func() {
		v := b.ls.Call("getItem", key)
		if v.Type() == js.TypeString {
			value, ok = v.String(), true
		}
	})
	return value, ok, err
}

// Set implements store.Backend. A full quota returns store.ErrFull.
func (b backend) Set(key, value string) error {
	return catch(func() { b.ls.Call("setItem", key, value) })
}

// Remove implements store.Backend.
func (b backend) Remove(key string) error {
	return catch(func() { b.ls.Call("removeItem", key) })
}

// Keys implements store.Backend. It lists only keys that start with
// store.Prefix: other apps on the same origin are none of our business.
func (b backend) Keys() (keys []string, err error) {
	err = catch(func() {
		n := js.Global().Get("Reflect").Call("get", b.ls, "length").Int()
		for i := 0; i < n; i++ {
			k := b.ls.Call("key", i)
			if k.Type() != js.TypeString {
				continue
			}
			// Each String copies the key out of JavaScript: once is enough.
			if s := k.String(); strings.HasPrefix(s, store.Prefix) {
				keys = append(keys, s)
			}
		}
	})
	return keys, err
}

// catch runs f and turns a JavaScript exception that it raises into an
// error. Other panics are bugs and go on.
func catch(f func()) (err error) {
	defer func() {
		r := recover()
		if r == nil {
			return
		}
		jsErr, ok := r.(js.Error)
		if !ok {
			panic(r)
		}
		err = convert(jsErr)
	}()
	f()
	return nil
}

// convert maps a JavaScript exception to an error: a full quota to
// store.ErrFull, anything else to an error with its name and message.
func convert(e js.Error) error {
	v := e.Value
	if v.Type() != js.TypeObject {
		return fmt.Errorf("the browser's storage failed: %s", safeString(v))
	}
	name := prop(v, "name")
	code := v.Get("code")
	if name == "QuotaExceededError" || name == "NS_ERROR_DOM_QUOTA_REACHED" ||
		code.Type() == js.TypeNumber && (code.Int() == 22 || code.Int() == 1014) {
		return store.ErrFull
	}
	msg := prop(v, "message")
	switch {
	case name != "" && msg != "":
		return fmt.Errorf("%s: %s", name, msg)
	case msg != "":
		return errors.New(msg)
	case name != "":
		return errors.New(name)
	}
	return fmt.Errorf("the browser's storage failed: %s", safeString(v))
}

func prop(v js.Value, name string) string {
	p := v.Get(name)
	if p.Type() != js.TypeString {
		return ""
	}
	return p.String()
}

// safeString returns String(v) without letting a throwing toString escape.
func safeString(v js.Value) (s string) {
	defer func() {
		if recover() != nil {
			s = "an unknown error"
		}
	}()
	return js.Global().Call("String", v).String()
}
