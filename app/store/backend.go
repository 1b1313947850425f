package store

import (
	"errors"
	"slices"
	"sync"
	"unicode/utf8"
)

// Backend is a flat string key-value store: window.localStorage in the
// browser (see package stardrill/app/localstore) and Memory in tests.
//
// A Backend must never drop or change a value on its own, and Set must leave
// the old value in place when it fails. Set returns an error that matches
// ErrFull (errors.Is) when there is no room for the value.
type Backend interface {
	// Get returns the value stored under key and whether there was one.
	Get(key string) (value string, ok bool, err error)
	// Set stores value under key, replacing any previous value.
	Set(key, value string) error
	// Remove deletes key; removing a missing key is not an error.
	Remove(key string) error
	// Keys lists the stored keys. It may list keys of other apps too; the
	// Store ignores every key outside Prefix.
	Keys() ([]string, error)
}

// ErrFull is returned when storage has no room left for a write. Nothing that
// was saved before is lost; only the write that failed did not happen.
var ErrFull = errors.New("Storage for stardrill is full, so this was not saved. " +
	"Your text is still on screen. Export a backup, then delete old attempts to make room.")

// Memory is a Backend held in memory. It counts its quota the way browsers
// count localStorage: the length of every key plus its value, in UTF-16 code
// units. It is safe for concurrent use, so two Stores over one Memory behave
// like two browser tabs over one localStorage.
type Memory struct {
	mu    sync.Mutex
	quota int
	used  int
	data  map[string]string
}

// NewMemory returns an empty Memory that holds at most quotaChars UTF-16 code
// units of keys and values together; quotaChars <= 0 means no limit.
func NewMemory(quotaChars int) *Memory {
	return &Memory{quota: quotaChars, data: make(map[string]string)}
}

// Get implements Backend.
func (m *Memory) Get(key string) (string, bool, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	v, ok := m.data[key]
	return v, ok, nil
}

// Set implements Backend. It returns ErrFull, and keeps the old value, when
// the new value would take the total past the quota.
func (m *Memory) Set(key, value string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	size := utf16Len(key) + utf16Len(value)
	old := 0
	if v, ok := m.data[key]; ok {
		old = utf16Len(key) + utf16Len(v)
	}
	if m.quota > 0 && m.used-old+size > m.quota {
		return ErrFull
	}
	m.data[key] = value
	m.used += size - old
	return nil
}

// Remove implements Backend.
func (m *Memory) Remove(key string) error {
	m.mu.Lock()
	defer m.mu.Unlock()
	if v, ok := m.data[key]; ok {
		m.used -= utf16Len(key) + utf16Len(v)
		delete(m.data, key)
	}
	return nil
}

// Keys implements Backend. The keys are sorted.
func (m *Memory) Keys() ([]string, error) {
	m.mu.Lock()
	defer m.mu.Unlock()
	keys := make([]string, 0, len(m.data))
	for k := range m.data {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys, nil
}

// Used returns how many UTF-16 code units the stored keys and values take.
func (m *Memory) Used() int {
	m.mu.Lock()
	defer m.mu.Unlock()
	return m.used
}

// utf16Len returns the length of s in UTF-16 code units, as JavaScript's
// String.prototype.length would report it. Invalid UTF-8 bytes count as one
// unit each (they become U+FFFD).
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		if r >= 0x10000 && r <= utf8.MaxRune {
			n += 2
		} else {
			n++
		}
	}
	return n
}
