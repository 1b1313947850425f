// Package store keeps stardrill's data: settings, drafts, attempts and the
// user's own questions, in a flat key-value Backend (window.localStorage in
// the browser).
//
// Every record has a key of its own, so two browser tabs saving different
// records never overwrite each other:
//
//	stardrill/schema             the highest record version written here, e.g. "2"
//	stardrill/settings           Settings
//	stardrill/attempt/<id>       Attempt
//	stardrill/draft/<questionID> Draft
//	stardrill/question/<id>      Question
//
// Records are compact JSON objects with their version as "v" (see Version);
// an attempt's answer follows its JSON object after a newline, as plain text.
// Backups hold the same records as JSON, the answer inside.
// A Store reads every key once when opened and again on Reload, which the UI
// calls on the browser's "storage" event.
//
// The store never loses data on its own. A value it cannot read is reported
// as a Problem, left exactly as it is, offered by RawDump, and protected: a
// save to its key is refused until the user discards it. Data written by a
// newer version of stardrill makes the whole store read-only. A write that
// does not fit returns ErrFull and leaves everything saved before in place.
package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"sync"

	"stardrill/app/order"
)

// Prefix starts every key the store uses. Keys outside it belong to someone
// else and are never read, changed or removed.
const Prefix = "stardrill/"

const (
	schemaKey   = Prefix + "schema"
	settingsKey = Prefix + kindSettings
)

// Errors that a save can match with errors.Is. Their messages are written to
// be shown to people; the errors returned usually say more.
var (
	// ErrReadOnly: the data was written by a newer version of stardrill, or
	// could not be listed, so nothing may be changed.
	ErrReadOnly = errors.New("stardrill is only reading saved data right now, so this was not saved")
	// ErrProtected: the key holds a value that could not be read; it is kept
	// until the user discards it.
	ErrProtected = errors.New("the record saved here could not be read, so stardrill will not overwrite it")
	// ErrInvalid: a record or a backup file is not valid.
	ErrInvalid = errors.New("the data is not valid")
)

// userError is an error with a message for people that matches a sentinel.
type userError struct {
	msg  string
	kind error
}

func (e *userError) Error() string { return e.msg }
func (e *userError) Unwrap() error { return e.kind }

func errorf(kind error, format string, args ...any) error {
	return &userError{msg: fmt.Sprintf(format, args...), kind: kind}
}

// Problem is a stored value that could not be used. The store leaves it
// untouched; RawDump includes it.
type Problem struct {
	Key    string // the full key, e.g. "stardrill/attempt/m1x2y3z4a5b6c7d8"
	Raw    string // the value exactly as stored
	Reason string // what is wrong, in a sentence
}

// Store is stardrill's data, cached in memory over a Backend. It is safe for
// concurrent use. Open it with Open.
type Store struct {
	mu  sync.Mutex
	b   Backend
	cfg *config
	st  *state
}

// state is everything read from the backend.
type state struct {
	raw       map[string]string  // every stardrill key -> value as stored
	problems  map[string]Problem // keys whose value could not be used
	readOnly  string             // why nothing may be written; "" if writable
	schema    int                // value of schemaKey; 0 if absent
	settings  Settings
	hasSet    bool // settings were saved (else settings are the defaults)
	attempts  map[string]Attempt
	drafts    map[string]Draft
	questions map[string]Question
}

func newState() *state {
	return &state{
		raw:       make(map[string]string),
		problems:  make(map[string]Problem),
		settings:  DefaultSettings(),
		attempts:  make(map[string]Attempt),
		drafts:    make(map[string]Draft),
		questions: make(map[string]Question),
	}
}

// Open reads every stardrill key of b. It never fails: values it cannot use
// are listed by Problems, and if the data cannot be listed at all or comes
// from a newer version, the store is read-only (see ReadOnly).
func Open(b Backend) *Store {
	return open(b, defaultConfig())
}

func open(b Backend, cfg *config) *Store {
	s := &Store{b: b, cfg: cfg}
	st, err := s.load()
	if err != nil {
		st = newState()
		st.readOnly = fmt.Sprintf("stardrill could not list its saved data (%v), so saving is turned off "+
			"to avoid overwriting anything. Reload the page; if this keeps happening, check that the "+
			"browser allows this site to store data.", err)
	}
	s.st = st
	return s
}

// Reload reads every stardrill key again, picking up what other tabs saved.
// On error the store keeps what it had.
func (s *Store) Reload() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.reloadLocked()
}

func (s *Store) reloadLocked() error {
	st, err := s.load()
	if err != nil {
		return fmt.Errorf("stardrill could not read its saved data again (%v); what is on screen may be out of date. Reload the page.", err)
	}
	s.st = st
	return nil
}

// load reads the backend into a new state.
func (s *Store) load() (*state, error) {
	keys, err := s.b.Keys()
	if err != nil {
		return nil, err
	}
	slices.Sort(keys)
	st := newState()
	for _, key := range keys {
		if !strings.HasPrefix(key, Prefix) {
			continue
		}
		raw, ok, err := s.b.Get(key)
		if err != nil {
			st.problems[key] = Problem{Key: key, Reason: fmt.Sprintf("The value could not be read (%v).", err)}
			continue
		}
		if !ok {
			continue // removed by another tab meanwhile
		}
		st.raw[key] = raw
		s.loadKey(st, key, raw)
	}
	return st, nil
}

// loadKey decodes one stored value into st.
func (s *Store) loadKey(st *state, key, raw string) {
	fail := func(err error) {
		if newer, ok := errors.AsType[*newerError](err); ok {
			st.setReadOnly(fmt.Sprintf("Some data was saved by a newer version of stardrill (%s has record version %d; "+
				"this version reads up to %d), so this page only reads it. Reload the page to get the newest version.",
				key, newer.version, newer.current))
		}
		st.problems[key] = Problem{Key: key, Raw: raw, Reason: sentence(err.Error())}
	}
	kind, id := parseKey(key)
	switch kind {
	case "schema":
		v, err := strconv.Atoi(raw)
		if err != nil || v < 0 || strconv.Itoa(v) != raw {
			st.setReadOnly("The marker that says which version of stardrill wrote this data is damaged, so saving is " +
				"turned off to avoid overwriting anything. Download the raw data, then discard the marker (" + key + ") or erase all data.")
			fail(fmt.Errorf("it should be a version number such as %q, but is %q", strconv.Itoa(s.cfg.version), abbreviate(raw)))
			return
		}
		st.schema = v
		if v > s.cfg.version { // the clearest reason: it replaces any other
			st.readOnly = fmt.Sprintf("This data was saved by a newer version of stardrill (data version %d; this version "+
				"reads up to %d), so this page only reads it. Reload the page to get the newest version.", v, s.cfg.version)
		}
	case kindSettings:
		set, err := s.cfg.decodeSettings(raw)
		if err != nil {
			fail(err)
			return
		}
		st.settings, st.hasSet = set, true
	case kindAttempt:
		a, err := s.cfg.loadAttempt(raw)
		if err == nil && a.ID != id {
			err = fmt.Errorf("its ID %q does not match its key", a.ID)
		}
		if err != nil {
			fail(err)
			return
		}
		st.attempts[id] = a
	case kindDraft:
		d, err := s.cfg.decodeDraft(raw)
		if err == nil && d.QuestionID != id {
			err = fmt.Errorf("its question ID %q does not match its key", d.QuestionID)
		}
		if err != nil {
			fail(err)
			return
		}
		st.drafts[id] = d
	case kindQuestion:
		q, err := s.cfg.decodeQuestion(raw)
		if err == nil && q.ID != id {
			err = fmt.Errorf("its ID %q does not match its key", q.ID)
		}
		if err != nil {
			fail(err)
			return
		}
		st.questions[id] = q
	default:
		st.problems[key] = Problem{Key: key, Raw: raw, Reason: "This version of stardrill does not know this key; " +
			"it may come from a newer version. It is kept as it is."}
	}
}

func (st *state) setReadOnly(reason string) {
	if st.readOnly == "" {
		st.readOnly = reason
	}
}

// parseKey splits a stardrill key into its kind and ID. Kinds without IDs
// ("schema", "settings") need the exact key; a bad or missing ID, or an
// unknown kind, gives kind "".
func parseKey(key string) (kind, id string) {
	rest := strings.TrimPrefix(key, Prefix)
	switch rest {
	case "schema", kindSettings:
		return rest, ""
	}
	kind, id, ok := strings.Cut(rest, "/")
	if !ok || checkID("ID", id) != nil {
		return "", ""
	}
	switch kind {
	case kindAttempt, kindDraft, kindQuestion:
		return kind, id
	}
	return "", ""
}

func attemptKey(id string) string  { return Prefix + kindAttempt + "/" + id }
func draftKey(id string) string    { return Prefix + kindDraft + "/" + id }
func questionKey(id string) string { return Prefix + kindQuestion + "/" + id }

// sentence capitalizes the first letter of a fragment and ends it with a
// full stop.
func sentence(s string) string {
	if s == "" {
		return s
	}
	if s[0] >= 'a' && s[0] <= 'z' {
		s = string(s[0]-'a'+'A') + s[1:]
	}
	if !strings.HasSuffix(s, ".") {
		s += "."
	}
	return s
}

// fragment turns a sentence back into a fragment to embed in another.
func fragment(s string) string {
	s = strings.TrimSuffix(s, ".")
	if len(s) > 1 && s[0] >= 'A' && s[0] <= 'Z' && (s[1] < 'A' || s[1] > 'Z') {
		s = string(s[0]-'A'+'a') + s[1:]
	}
	return s
}

// abbreviate shortens a raw value for a message.
func abbreviate(s string) string {
	const max = 40
	if len(s) <= max {
		return s
	}
	cut := max
	for cut > 0 && s[cut]&0xC0 == 0x80 { // do not split a UTF-8 sequence
		cut--
	}
	return s[:cut] + "…"
}

// Problems returns the stored values that could not be used, sorted by key.
func (s *Store) Problems() []Problem {
	s.mu.Lock()
	defer s.mu.Unlock()
	out := make([]Problem, 0, len(s.st.problems))
	for _, p := range s.st.problems {
		out = append(out, p)
	}
	order.Sort(len(out), func(i, j int) bool { return out[i].Key < out[j].Key }, func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// ReadOnly reports whether saving is turned off, and why.
func (s *Store) ReadOnly() (bool, string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.st.readOnly != "", s.st.readOnly
}

// RawDump returns every stardrill key with its value exactly as stored, as
// an indented JSON object sorted by key, for the user to download when
// something could not be read. It reads the backend afresh; if that fails,
// it returns what the store read last.
func (s *Store) RawDump() []byte {
	s.mu.Lock()
	defer s.mu.Unlock()
	dump := make(map[string]string, len(s.st.raw))
	for k, v := range s.st.raw {
		dump[k] = v
	}
	if keys, err := s.b.Keys(); err == nil {
		fresh := make(map[string]string, len(keys))
		for _, k := range keys {
			if !strings.HasPrefix(k, Prefix) {
				continue
			}
			v, ok, err := s.b.Get(k)
			switch {
			case err != nil:
				if old, had := dump[k]; had {
					fresh[k] = old
				}
			case ok:
				fresh[k] = v
			}
		}
		dump = fresh
	}
	var buf strings.Builder
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(dump); err != nil {
		// A map of strings always encodes.
		panic("store: encoding raw dump: " + err.Error())
	}
	return []byte(buf.String())
}

// Settings returns the saved settings, or DefaultSettings if none were saved
// or they could not be read.
func (s *Store) Settings() Settings {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.st.settings
}

// SaveSettings saves set. Zero fields take their defaults.
func (s *Store) SaveSettings(set Settings) error {
	set.normalize()
	if err := set.validate(); err != nil {
		return errorf(ErrInvalid, "Settings not saved: %s.", err)
	}
	raw, err := s.cfg.encodeSettings(set)
	if err != nil {
		return errorf(ErrInvalid, "Settings not saved: %v.", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.put(settingsKey, raw); err != nil {
		return err
	}
	s.st.settings, s.st.hasSet = set, true
	return nil
}

// Attempts returns every readable attempt, newest first (by SavedAt, then ID).
func (s *Store) Attempts() []Attempt {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sortedAttempts()
}

func (s *Store) sortedAttempts() []Attempt {
	out := make([]Attempt, 0, len(s.st.attempts))
	for _, a := range s.st.attempts {
		a.Fields = copyFields(a.Fields)
		out = append(out, a)
	}
	order.Sort(len(out), func(i, j int) bool {
		if !out[i].SavedAt.Equal(out[j].SavedAt) {
			return out[i].SavedAt.After(out[j].SavedAt)
		}
		return out[i].ID > out[j].ID
	}, func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// Attempt returns the attempt with the given ID.
func (s *Store) Attempt(id string) (Attempt, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	a, ok := s.st.attempts[id]
	a.Fields = copyFields(a.Fields)
	return a, ok
}

// SaveAttempt saves a, replacing any attempt with the same ID. Times are
// kept in UTC.
func (s *Store) SaveAttempt(a Attempt) error {
	a.normalize()
	if err := a.validate(); err != nil {
		return errorf(ErrInvalid, "Attempt not saved: %s.", err)
	}
	raw, err := s.cfg.storeAttempt(a)
	if err != nil {
		return errorf(ErrInvalid, "Attempt not saved: %v.", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.put(attemptKey(a.ID), raw); err != nil {
		return err
	}
	s.st.attempts[a.ID] = a
	return nil
}

// DeleteAttempt deletes the attempt with the given ID, if there is one.
func (s *Store) DeleteAttempt(id string) error {
	if err := checkID("ID", id); err != nil {
		return errorf(ErrInvalid, "Attempt not deleted: %s.", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.remove(attemptKey(id)); err != nil {
		return err
	}
	delete(s.st.attempts, id)
	return nil
}

// Drafts returns every readable draft, most recently updated first.
func (s *Store) Drafts() []Draft {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sortedDrafts()
}

func (s *Store) sortedDrafts() []Draft {
	out := make([]Draft, 0, len(s.st.drafts))
	for _, d := range s.st.drafts {
		d.Fields = copyFields(d.Fields)
		out = append(out, d)
	}
	order.Sort(len(out), func(i, j int) bool {
		if !out[i].UpdatedAt.Equal(out[j].UpdatedAt) {
			return out[i].UpdatedAt.After(out[j].UpdatedAt)
		}
		return out[i].QuestionID < out[j].QuestionID
	}, func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// Draft returns the draft for the question with the given ID.
func (s *Store) Draft(questionID string) (Draft, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	d, ok := s.st.drafts[questionID]
	d.Fields = copyFields(d.Fields)
	return d, ok
}

// SaveDraft saves d as the draft of its question, replacing any earlier one.
func (s *Store) SaveDraft(d Draft) error {
	d.normalize()
	if err := d.validate(); err != nil {
		return errorf(ErrInvalid, "Draft not saved: %s.", err)
	}
	raw, err := s.cfg.encodeDraft(d)
	if err != nil {
		return errorf(ErrInvalid, "Draft not saved: %v.", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.put(draftKey(d.QuestionID), raw); err != nil {
		return err
	}
	s.st.drafts[d.QuestionID] = d
	return nil
}

// DeleteDraft deletes the draft of the question, if there is one.
func (s *Store) DeleteDraft(questionID string) error {
	if err := checkID("question ID", questionID); err != nil {
		return errorf(ErrInvalid, "Draft not deleted: %s.", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.remove(draftKey(questionID)); err != nil {
		return err
	}
	delete(s.st.drafts, questionID)
	return nil
}

// Questions returns the user's readable questions, oldest first (by
// CreatedAt, then ID).
func (s *Store) Questions() []Question {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.sortedQuestions()
}

func (s *Store) sortedQuestions() []Question {
	out := make([]Question, 0, len(s.st.questions))
	for _, q := range s.st.questions {
		out = append(out, q)
	}
	order.Sort(len(out), func(i, j int) bool {
		if !out[i].CreatedAt.Equal(out[j].CreatedAt) {
			return out[i].CreatedAt.Before(out[j].CreatedAt)
		}
		return out[i].ID < out[j].ID
	}, func(i, j int) { out[i], out[j] = out[j], out[i] })
	return out
}

// SaveQuestion saves q, replacing any question with the same ID.
func (s *Store) SaveQuestion(q Question) error {
	q.normalize()
	if err := q.validate(); err != nil {
		return errorf(ErrInvalid, "Question not saved: %s.", err)
	}
	raw, err := s.cfg.encodeQuestion(q)
	if err != nil {
		return errorf(ErrInvalid, "Question not saved: %v.", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.put(questionKey(q.ID), raw); err != nil {
		return err
	}
	s.st.questions[q.ID] = q
	return nil
}

// DeleteQuestion deletes the question with the given ID, if there is one.
// Attempts and drafts that point at it are kept.
func (s *Store) DeleteQuestion(id string) error {
	if err := checkID("ID", id); err != nil {
		return errorf(ErrInvalid, "Question not deleted: %s.", err)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if err := s.remove(questionKey(id)); err != nil {
		return err
	}
	delete(s.st.questions, id)
	return nil
}

// Discard removes the value under key, which must be one that Problems
// lists, after the user chose to give it up (having downloaded RawDump).
// Afterwards the store reads everything again, so a store that was
// read-only because of that value may become writable.
func (s *Store) Discard(key string) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if _, bad := s.st.problems[key]; !bad {
		return errorf(ErrInvalid, "Nothing discarded: %s has no problem listed.", key)
	}
	if err := s.b.Remove(key); err != nil {
		return fmt.Errorf("%s could not be discarded (%v). Reload the page and try again.", key, err)
	}
	return s.reloadLocked()
}

// Erase removes every stardrill key, readable or not, and nothing else. It
// works even when the store is read-only: the user asked for it. It tries
// every key and reports the ones it could not remove.
func (s *Store) Erase() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	keys, err := s.b.Keys()
	if err != nil {
		return fmt.Errorf("Nothing was erased: stardrill could not list its saved data (%v). Reload the page and try again.", err)
	}
	var failed []string
	var first error
	for _, k := range keys {
		if !strings.HasPrefix(k, Prefix) {
			continue
		}
		if err := s.b.Remove(k); err != nil {
			failed = append(failed, k)
			if first == nil {
				first = err
			}
		}
	}
	reloadErr := s.reloadLocked()
	if len(failed) > 0 {
		return fmt.Errorf("%d saved item(s) could not be erased, for example %s (%v). Reload the page and try again.",
			len(failed), failed[0], first)
	}
	return reloadErr
}

// writable returns why key may not be written, or nil.
func (s *Store) writable(key string) error {
	if s.st.readOnly != "" {
		return errorf(ErrReadOnly, "Not saved: %s", s.st.readOnly)
	}
	if p, bad := s.st.problems[key]; bad {
		return errorf(ErrProtected, "Not saved: the record already stored at %s could not be read (%s), so stardrill "+
			"keeps it untouched. Download the raw data from Settings, then discard that record to save here again.",
			key, fragment(p.Reason))
	}
	return nil
}

// put writes raw under key, first stamping the schema version.
func (s *Store) put(key, raw string) error {
	if err := s.writable(key); err != nil {
		return err
	}
	if err := s.stampSchema(); err != nil {
		return err
	}
	if err := s.b.Set(key, raw); err != nil {
		return writeError(err)
	}
	s.st.raw[key] = raw
	return nil
}

// remove deletes key if it is stored.
func (s *Store) remove(key string) error {
	if err := s.writable(key); err != nil {
		return err
	}
	if _, ok := s.st.raw[key]; !ok {
		return nil
	}
	if err := s.b.Remove(key); err != nil {
		return fmt.Errorf("Not deleted: the browser refused to remove %s (%v). Reload the page and try again.", key, err)
	}
	delete(s.st.raw, key)
	return nil
}

// stampSchema records that data of this version is stored here, so that an
// older version of stardrill opens it read-only.
func (s *Store) stampSchema() error {
	if s.st.schema == s.cfg.version {
		return nil
	}
	v := strconv.Itoa(s.cfg.version)
	if err := s.b.Set(schemaKey, v); err != nil {
		return writeError(err)
	}
	s.st.schema = s.cfg.version
	s.st.raw[schemaKey] = v
	return nil
}

func writeError(err error) error {
	if errors.Is(err, ErrFull) {
		return ErrFull
	}
	return &userError{kind: err, msg: fmt.Sprintf("Not saved: the browser refused to store it (%v). "+
		"Your text is still on screen; try again, and if it keeps failing, export a backup.", err)}
}
