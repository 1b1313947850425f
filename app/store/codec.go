package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"
	"unicode/utf8"
)

// Version is the record and schema version this code reads and writes. Every
// stored record carries its own version as "v"; older records are upgraded
// in memory by the registered migrations when they are read, and rewritten in
// the current form only when they are saved again. Records without "v" are
// version 0, the form before versions were recorded.
//
// To change a record's format: add the field or rename, bump Version, and
// add a migration from the old version to defaultConfig. Even an added
// optional field needs a new version, because records with fields this code
// does not know are refused rather than silently stripped on the next save.
//
// Version 2 changed how an attempt is stored, not its JSON: the answer
// follows the JSON record after a newline, as plain text (see storeAttempt).
const Version = 2

// answerAfterJSON is the first version that stores an attempt's answer after
// its JSON record rather than inside it. Opening the store reads every
// attempt, and encoding/json in WebAssembly reads a JSON string a character
// at a time: in Chromium, opening a year of attempts took 0.27–0.35 s with
// the answers inside, 0.12–0.24 s with them after. Backups keep the answer
// inside the JSON.
const answerAfterJSON = 2

// Record kinds; each is also the middle part of its keys.
const (
	kindSettings = "settings"
	kindAttempt  = "attempt"
	kindDraft    = "draft"
	kindQuestion = "question"
)

// migration upgrades one record, decoded as a generic JSON object (numbers
// as json.Number), from its version to the next. It must not set "v".
type migration func(rec map[string]any) error

// config is the version this code writes and how to upgrade older records.
// Open uses defaultConfig; tests build others to exercise migrations.
type config struct {
	version    int
	migrations map[string]map[int]migration // kind -> from version -> step
}

// defaultConfig returns the real configuration.
func defaultConfig() *config {
	// Version 0 records are version 1 records without "v", and version 2
	// only moved where an attempt's answer is stored (loadAttempt reads both
	// places): each upgrade only stamps the version, which the migration
	// runner does.
	stamp := func(map[string]any) error { return nil }
	m := make(map[string]map[int]migration)
	for _, kind := range []string{kindSettings, kindAttempt, kindDraft, kindQuestion} {
		m[kind] = map[int]migration{0: stamp, 1: stamp}
	}
	return &config{version: Version, migrations: m}
}

// newerError reports a record written by a newer version of stardrill.
type newerError struct{ version, current int }

func (e *newerError) Error() string {
	return fmt.Sprintf("it was saved by a newer version of stardrill (record version %d; this version reads up to %d)",
		e.version, e.current)
}

// encode returns the compact JSON form of a wire record, without escaping
// <, > and & (they are safe in localStorage and would only take more room).
func encode(v any) (string, error) {
	var buf strings.Builder
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return "", err
	}
	return strings.TrimSuffix(buf.String(), "\n"), nil
}

// decode parses raw, a record of the given kind, into dst (a pointer to a
// wire struct), upgrading older versions on the way, and returns the version
// raw had. The error is a sentence fragment saying what is wrong; a
// *newerError for a record from the future.
func (c *config) decode(kind, raw string, dst any) (int, error) {
	if !utf8.ValidString(raw) {
		return 0, errors.New("it is not valid UTF-8 text")
	}
	b := []byte(raw)
	if quickVersion(b) == c.version && strictDecode(b, dst) == nil {
		return c.version, nil
	}
	// The full path: find the version whatever the record's shape, upgrade
	// it if older, and say precisely what is wrong if anything is.
	var head struct {
		V json.RawMessage `json:"v"`
	}
	if err := json.Unmarshal(b, &head); err != nil {
		if syn, ok := errors.AsType[*json.SyntaxError](err); ok {
			return 0, fmt.Errorf("it is not valid JSON (%s at byte %d)", strings.TrimPrefix(syn.Error(), "json: "), syn.Offset)
		}
		return 0, fmt.Errorf("it is %s, not a JSON object", jsonKind(b))
	}
	if t := trimJSONSpace(b); len(t) == 0 || t[0] != '{' {
		return 0, fmt.Errorf("it is %s, not a JSON object", jsonKind(b))
	}
	v := 0
	if head.V != nil && string(head.V) != "null" {
		if err := json.Unmarshal(head.V, &v); err != nil {
			return 0, fmt.Errorf("its version \"v\" is %s, not a whole number", head.V)
		}
	}
	switch {
	case v > c.version:
		return v, &newerError{version: v, current: c.version}
	case v < 0:
		return v, fmt.Errorf("its version \"v\" is %d, which no version of stardrill writes", v)
	case v < c.version:
		up, err := c.migrate(kind, b, v)
		if err != nil {
			return v, err
		}
		b = up
	}
	if err := strictDecode(b, dst); err != nil {
		return v, fmt.Errorf("it does not match the %s format: %s", kind, describeJSONError(err))
	}
	return v, nil
}

// strictDecode decodes the JSON object b into dst, refusing fields dst does
// not have.
func strictDecode(b []byte, dst any) error {
	dec := json.NewDecoder(&sliceReader{b})
	dec.DisallowUnknownFields()
	return dec.Decode(dst)
}

// quickVersion returns the record version of b when b starts the way encode
// writes every record, {"v":N followed by a comma or the end of the object,
// and names "v" nowhere else; otherwise -1. It lets decode read a current
// record in one JSON pass instead of two: opening the store reads every
// attempt, and a year of them is hundreds of records.
func quickVersion(b []byte) int {
	const prefix = `{"v":`
	if len(b) < len(prefix) || string(b[:len(prefix)]) != prefix {
		return -1
	}
	v, i := 0, len(prefix)
	for ; i < len(b) && i < len(prefix)+6 && '0' <= b[i] && b[i] <= '9'; i++ {
		v = v*10 + int(b[i]-'0')
	}
	switch {
	case i == len(prefix), i == len(b), b[i] != ',' && b[i] != '}':
		return -1
	case b[len(prefix)] == '0' && i > len(prefix)+1: // a leading zero is not JSON
		return -1
	case namesV(b[i:]): // a second "v" would win
		return -1
	}
	return v
}

// migrate upgrades b, a record of version v, to c.version.
func (c *config) migrate(kind string, b []byte, v int) ([]byte, error) {
	var rec map[string]any
	dec := json.NewDecoder(&sliceReader{b})
	dec.UseNumber()
	if err := dec.Decode(&rec); err != nil {
		return nil, fmt.Errorf("it is not a JSON object (%s)", describeJSONError(err))
	}
	for from := v; from < c.version; from++ {
		step := c.migrations[kind][from]
		if step == nil {
			return nil, fmt.Errorf("it has version %d, and this version of stardrill cannot upgrade a %s from version %d", v, kind, from)
		}
		if err := step(rec); err != nil {
			return nil, fmt.Errorf("it could not be upgraded from version %d to %d: %v", from, from+1, err)
		}
		rec["v"] = from + 1
	}
	out, err := json.Marshal(rec)
	if err != nil {
		return nil, fmt.Errorf("it could not be upgraded: %v", err)
	}
	return out, nil
}

// describeJSONError turns an encoding/json error into a short phrase.
func describeJSONError(err error) string {
	if pe, ok := errors.AsType[*time.ParseError](err); ok {
		return fmt.Sprintf("%q is not a time like \"2025-01-31T09:30:00Z\"", abbreviate(strings.Trim(pe.Value, `"`)))
	}
	if typ, ok := errors.AsType[*json.UnmarshalTypeError](err); ok {
		field := typ.Field
		if i := strings.LastIndexByte(field, '.'); i >= 0 {
			field = field[i+1:]
		}
		if field == "" {
			return fmt.Sprintf("a JSON %s is in the wrong place", typ.Value)
		}
		return fmt.Sprintf("field %q is a JSON %s, not %s", field, typ.Value, goKind(typ.Type.Kind().String(), typ.Type.String()))
	}
	return strings.TrimPrefix(err.Error(), "json: ")
}

func goKind(kind, typ string) string {
	switch {
	case typ == "time.Time":
		return "a time like \"2025-01-31T09:30:00Z\""
	case strings.HasPrefix(kind, "int"):
		return "a whole number"
	case kind == "string":
		return "a string"
	case kind == "ptr", kind == "struct":
		return "an object"
	}
	return "a " + kind
}

// namesV reports whether b holds "v" in quotes.
func namesV(b []byte) bool {
	for k := 0; k+2 < len(b); k++ {
		if b[k] == '"' && b[k+1] == 'v' && b[k+2] == '"' {
			return true
		}
	}
	return false
}

// trimJSONSpace returns b without the white space JSON allows around a
// value.
func trimJSONSpace(b []byte) []byte {
	for len(b) > 0 && isJSONSpace(b[0]) {
		b = b[1:]
	}
	for len(b) > 0 && isJSONSpace(b[len(b)-1]) {
		b = b[:len(b)-1]
	}
	return b
}

func isJSONSpace(c byte) bool { return c == ' ' || c == '\t' || c == '\n' || c == '\r' }

// sliceReader reads a byte slice. (bytes.Reader would do, but it alone
// brings the bytes package into app.wasm.)
type sliceReader struct{ b []byte }

func (r *sliceReader) Read(p []byte) (int, error) {
	if len(r.b) == 0 {
		return 0, io.EOF
	}
	n := copy(p, r.b)
	r.b = r.b[n:]
	return n, nil
}

// jsonKind names the kind of JSON value b holds, for messages.
func jsonKind(b []byte) string {
	t := trimJSONSpace(b)
	if len(t) == 0 {
		return "empty"
	}
	var v json.RawMessage // (json.Valid would do, but it is code app.wasm has no other use for)
	if json.Unmarshal(t, &v) != nil {
		return "not valid JSON"
	}
	switch t[0] {
	case '{':
		return "a JSON object"
	case '[':
		return "a JSON array"
	case '"':
		return "a JSON string"
	case 't', 'f':
		return "a JSON true/false value"
	case 'n':
		return "JSON null"
	}
	return "a JSON number"
}

// The codecs of each kind. Each decode validates and normalizes.

func (c *config) encodeSettings(s Settings) (string, error) {
	return encode(settingsWire{V: c.version, Settings: s})
}

func (c *config) encodeAttempt(a Attempt) (string, error) {
	return encode(attemptWire{V: c.version, Attempt: a})
}

func (c *config) encodeDraft(d Draft) (string, error) {
	return encode(draftWire{V: c.version, Draft: d})
}

func (c *config) encodeQuestion(q Question) (string, error) {
	return encode(questionWire{V: c.version, Question: q})
}

func (c *config) decodeSettings(raw string) (Settings, error) {
	var w settingsWire
	if _, err := c.decode(kindSettings, raw, &w); err != nil {
		return Settings{}, err
	}
	w.Settings.normalize()
	return w.Settings, w.Settings.validate()
}

// decodeAttempt reads an attempt in its JSON form, as backups hold it.
func (c *config) decodeAttempt(raw string) (Attempt, error) {
	a, _, err := c.decodeAttemptJSON(raw)
	if err != nil {
		return Attempt{}, err
	}
	return a, a.validate()
}

func (c *config) decodeAttemptJSON(raw string) (Attempt, int, error) {
	var w attemptWire
	v, err := c.decode(kindAttempt, raw, &w)
	if err != nil {
		return Attempt{}, v, err
	}
	w.Attempt.normalize()
	return w.Attempt, v, nil
}

// storeAttempt returns the stored form of a: its JSON form without the
// answer, then, if there is an answer, a newline and the answer as it is.
// JSON never holds a raw newline, so the first one ends the record.
func (c *config) storeAttempt(a Attempt) (string, error) {
	if c.version < answerAfterJSON || a.Answer == "" {
		return c.encodeAttempt(a)
	}
	answer := a.Answer
	a.Answer = ""
	head, err := c.encodeAttempt(a)
	if err != nil {
		return "", err
	}
	return head + "\n" + answer, nil
}

// loadAttempt reads an attempt in its stored form (see storeAttempt), or in
// the JSON form older versions stored.
func (c *config) loadAttempt(raw string) (Attempt, error) {
	head, answer, split := strings.Cut(raw, "\n")
	a, v, err := c.decodeAttemptJSON(head)
	switch {
	case err != nil:
		return Attempt{}, err
	case !split:
	case v < answerAfterJSON:
		return Attempt{}, fmt.Errorf("it has text after its JSON record, which a version %d record cannot have", v)
	case a.Answer != "":
		return Attempt{}, errors.New("it has an answer both inside its JSON record and after it")
	case !utf8.ValidString(answer):
		return Attempt{}, errors.New("it is not valid UTF-8 text")
	default:
		a.Answer = answer
	}
	return a, a.validate()
}

func (c *config) decodeDraft(raw string) (Draft, error) {
	var w draftWire
	if _, err := c.decode(kindDraft, raw, &w); err != nil {
		return Draft{}, err
	}
	w.Draft.normalize()
	return w.Draft, w.Draft.validate()
}

func (c *config) decodeQuestion(raw string) (Question, error) {
	var w questionWire
	if _, err := c.decode(kindQuestion, raw, &w); err != nil {
		return Question{}, err
	}
	w.Question.normalize()
	return w.Question, w.Question.validate()
}
