package store

import (
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
	"unicode/utf8"
)

// The backup file format. A backup is one JSON object:
//
//	{
//	  "format": "stardrill-backup",
//	  "version": 1,
//	  "exportedAt": "2025-03-01T18:04:05Z",
//	  "settings": {"v": 1, ...},        (absent if never saved)
//	  "attempts": [{"v": 1, ...}, ...],  (newest first)
//	  "drafts": [...],                   (most recently updated first)
//	  "questions": [...]                 (oldest first)
//	}
//
// Records have exactly their stored form, "v" included, so a backup of older
// records is upgraded on import the same way stored records are.
const (
	BackupFormat  = "stardrill-backup"
	BackupVersion = 1
)

// Summary counts what Import did with the records of a backup.
type Summary struct {
	Added     int // records that were not here
	Updated   int // records that replaced an older copy here
	Unchanged int // records identical to the copy here
	Kept      int // records that differ from the copy here but are not newer; the copy here was kept
}

// String describes the summary for people, e.g. "3 added, 1 updated, 12 already here".
func (sum Summary) String() string {
	parts := []string{
		fmt.Sprintf("%d added", sum.Added),
		fmt.Sprintf("%d updated", sum.Updated),
		fmt.Sprintf("%d already here", sum.Unchanged),
	}
	if sum.Kept == 1 {
		parts = append(parts, "1 older copy ignored")
	} else if sum.Kept > 1 {
		parts = append(parts, fmt.Sprintf("%d older copies ignored", sum.Kept))
	}
	return strings.Join(parts, ", ")
}

type backupFile struct {
	Format     string            `json:"format"`
	Version    int               `json:"version"`
	ExportedAt time.Time         `json:"exportedAt"`
	Settings   json.RawMessage   `json:"settings,omitempty"`
	Attempts   []json.RawMessage `json:"attempts"`
	Drafts     []json.RawMessage `json:"drafts"`
	Questions  []json.RawMessage `json:"questions"`
}

// Export returns a backup of every readable record, stamped with now as
// exportedAt. The same data and the same now give the same bytes. Values
// listed by Problems are not in it; RawDump has them.
func (s *Store) Export(now time.Time) ([]byte, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	f := backupFile{
		Format:     BackupFormat,
		Version:    BackupVersion,
		ExportedAt: now.UTC(),
		Attempts:   []json.RawMessage{},
		Drafts:     []json.RawMessage{},
		Questions:  []json.RawMessage{},
	}
	add := func(list *[]json.RawMessage, raw string, err error) error {
		if err != nil {
			return err
		}
		*list = append(*list, json.RawMessage(raw))
		return nil
	}
	if s.st.hasSet {
		raw, err := s.cfg.encodeSettings(s.st.settings)
		if err != nil {
			return nil, fmt.Errorf("Backup not made: the settings could not be written out (%v).", err)
		}
		f.Settings = json.RawMessage(raw)
	}
	for _, a := range s.sortedAttempts() {
		raw, err := s.cfg.encodeAttempt(a)
		if err := add(&f.Attempts, raw, err); err != nil {
			return nil, fmt.Errorf("Backup not made: attempt %s could not be written out (%v).", a.ID, err)
		}
	}
	for _, d := range s.sortedDrafts() {
		raw, err := s.cfg.encodeDraft(d)
		if err := add(&f.Drafts, raw, err); err != nil {
			return nil, fmt.Errorf("Backup not made: the draft for %s could not be written out (%v).", d.QuestionID, err)
		}
	}
	for _, q := range s.sortedQuestions() {
		raw, err := s.cfg.encodeQuestion(q)
		if err := add(&f.Questions, raw, err); err != nil {
			return nil, fmt.Errorf("Backup not made: question %s could not be written out (%v).", q.ID, err)
		}
	}
	var buf strings.Builder
	enc := json.NewEncoder(&buf)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	if err := enc.Encode(f); err != nil {
		return nil, fmt.Errorf("Backup not made: %v.", err)
	}
	return []byte(buf.String()), nil
}

// item is one record of a backup, decoded, validated and re-encoded.
type item struct {
	kind    string // "attempt", "draft", "question" or "settings"
	key     string
	raw     string    // canonical stored form
	label   string    // e.g. `attempt 3 (ID "x")`, for messages
	changed time.Time // Import keeps the copy changed last
	put     func(st *state)
}

const chooseBackup = "Choose a file exported from Settings → Export backup."

func notBackup(format string, args ...any) error {
	return errorf(ErrInvalid, "This file is not a stardrill backup (%s). %s", fmt.Sprintf(format, args...), chooseBackup)
}

// Import merges a backup into the store. It checks the whole file before it
// writes anything, and writes nothing if any record is bad. Records are
// matched by ID (drafts by question ID): a new one is added, an identical
// one skipped, and of two different copies the one changed last is kept.
//
// If storage fills up partway, Import takes back what it wrote so far and
// returns an error matching ErrFull; the data that was here before is
// untouched either way.
func (s *Store) Import(data []byte) (Summary, error) {
	items, err := s.cfg.parseBackup(data)
	if err != nil {
		return Summary{}, err
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.st.readOnly != "" {
		return Summary{}, errorf(ErrReadOnly, "Nothing imported: %s", s.st.readOnly)
	}

	// Decide what to write, before writing.
	var sum Summary
	var writes []item
	for _, it := range items {
		if p, bad := s.st.problems[it.key]; bad {
			return Summary{}, errorf(ErrProtected, "Nothing imported: the backup has %s, but the copy already "+
				"at %s could not be read (%s). Download the raw data from Settings, discard that record, then "+
				"import again.", it.label, it.key, fragment(p.Reason))
		}
		have, changed, ok, err := s.current(it.key)
		if err != nil {
			return Summary{}, fmt.Errorf("Nothing imported: %s here could not be compared (%v).", it.key, err)
		}
		switch {
		case !ok:
			sum.Added++
			writes = append(writes, it)
		case have == it.raw:
			sum.Unchanged++
		case it.changed.After(changed):
			sum.Updated++
			writes = append(writes, it)
		default:
			sum.Kept++
		}
	}
	if len(writes) == 0 {
		return sum, nil
	}

	// Write, keeping a journal to take the writes back if one fails.
	var journal []undo
	oldSchema := s.st.schema
	record := func(key string) {
		prev, had := s.st.raw[key]
		journal = append(journal, undo{key, prev, had})
	}
	fail := func(err error) (Summary, error) {
		// Remove added keys first: that frees room for restoring the others.
		ok := true
		for i := len(journal) - 1; i >= 0; i-- {
			if u := journal[i]; !u.had && s.b.Remove(u.key) != nil {
				ok = false
			}
		}
		for i := len(journal) - 1; i >= 0; i-- {
			if u := journal[i]; u.had && s.b.Set(u.key, u.prev) != nil {
				ok = false
			}
		}
		if ok { // as before the import, so the next save stamps the schema again
			s.st.schema = oldSchema
			if oldSchemaRaw, had := journalPrev(journal, schemaKey); had {
				s.st.raw[schemaKey] = oldSchemaRaw
			} else {
				delete(s.st.raw, schemaKey)
			}
		}
		full := errors.Is(err, ErrFull)
		switch {
		case ok && full:
			return Summary{}, &userError{kind: ErrFull, msg: "Storage for stardrill is full, so the backup was not " +
				"imported; nothing on this device changed. Export a backup of what is here, delete old attempts to " +
				"make room, then import again."}
		case ok:
			return Summary{}, &userError{kind: err, msg: fmt.Sprintf("The backup was not imported: the browser "+
				"refused to store a record (%v). Nothing on this device changed. Try again.", err)}
		}
		// Some writes could not be taken back: show what is stored now.
		_ = s.reloadLocked() // on error the old state stays, and the message says to reload
		what := "the browser refused to store a record"
		if full {
			what = "storage for stardrill filled up"
		}
		return Summary{}, &userError{kind: err, msg: fmt.Sprintf("The import stopped partway: %s (%v), and some "+
			"records from the backup stayed saved. Nothing that was here before was removed. Reload the page, "+
			"make room by deleting old attempts, then import again: records already here are skipped.", what, err)}
	}
	if s.st.schema != s.cfg.version {
		record(schemaKey)
		if err := s.stampSchema(); err != nil {
			return fail(err)
		}
	}
	for _, it := range writes {
		record(it.key)
		if err := s.b.Set(it.key, it.raw); err != nil {
			journal = journal[:len(journal)-1] // the failed write changed nothing
			return fail(err)
		}
	}
	for _, it := range writes {
		s.st.raw[it.key] = it.raw
		it.put(s.st)
	}
	return sum, nil
}

// undo is how to take back one write of Import.
type undo struct {
	key, prev string
	had       bool
}

// journalPrev returns the value key had before Import wrote it, if it had
// one; a key Import did not write keeps its value.
func journalPrev(journal []undo, key string) (string, bool) {
	for _, u := range journal {
		if u.key == key {
			return u.prev, u.had
		}
	}
	return "", false
}

// current returns the canonical form and change time of the record stored
// under key, and whether there is one.
func (s *Store) current(key string) (raw string, changed time.Time, ok bool, err error) {
	kind, id := parseKey(key)
	switch kind {
	case kindSettings:
		if !s.st.hasSet {
			return "", time.Time{}, false, nil
		}
		raw, err = s.cfg.encodeSettings(s.st.settings)
		return raw, s.st.settings.UpdatedAt, true, err
	case kindAttempt:
		a, ok := s.st.attempts[id]
		if !ok {
			return "", time.Time{}, false, nil
		}
		raw, err = s.cfg.storeAttempt(a)
		return raw, a.SavedAt, true, err
	case kindDraft:
		d, ok := s.st.drafts[id]
		if !ok {
			return "", time.Time{}, false, nil
		}
		raw, err = s.cfg.encodeDraft(d)
		return raw, d.UpdatedAt, true, err
	case kindQuestion:
		q, ok := s.st.questions[id]
		if !ok {
			return "", time.Time{}, false, nil
		}
		raw, err = s.cfg.encodeQuestion(q)
		return raw, q.changed(), true, err
	}
	return "", time.Time{}, false, fmt.Errorf("unknown key")
}

// parseBackup checks a whole backup file and returns its records, with
// duplicates within the file merged.
func (c *config) parseBackup(data []byte) ([]item, error) {
	if string(data[:min(3, len(data))]) == "\xef\xbb\xbf" {
		data = data[3:] // a byte order mark some editors add
	}
	if strings.TrimSpace(string(data)) == "" {
		return nil, notBackup("the file is empty")
	}
	if !utf8.Valid(data) {
		return nil, notBackup("it is not UTF-8 text")
	}
	var top map[string]json.RawMessage
	if err := json.Unmarshal(data, &top); err != nil {
		if syn, ok := errors.AsType[*json.SyntaxError](err); ok {
			return nil, notBackup("it is not valid JSON: %s at byte %d", strings.TrimPrefix(syn.Error(), "json: "), syn.Offset)
		}
		return nil, notBackup("it holds %s, not a JSON object", jsonKind(data))
	}
	if top == nil { // the file is "null"
		return nil, notBackup("it holds JSON null, not a JSON object")
	}

	again := "Export the backup again from Settings → Export backup."
	var format string
	if raw, ok := top["format"]; !ok {
		return nil, notBackup(`no "format": %q field`, BackupFormat)
	} else if json.Unmarshal(raw, &format) != nil || format != BackupFormat {
		return nil, notBackup(`its "format" is %s, not %q`, abbreviate(string(raw)), BackupFormat)
	}
	raw, ok := top["version"]
	if !ok {
		return nil, errorf(ErrInvalid, `This backup has no "version" field, so stardrill cannot tell how to read it. %s`, again)
	}
	var version int
	if json.Unmarshal(raw, &version) != nil {
		return nil, errorf(ErrInvalid, `This backup's "version" is %s, not a whole number. %s`, abbreviate(string(raw)), again)
	}
	if version > BackupVersion {
		return nil, errorf(ErrInvalid, "This backup was made by a newer version of stardrill (backup version %d; "+
			"this version reads up to %d). Reload the page to update stardrill, then import it again.", version, BackupVersion)
	}
	if version < 1 {
		return nil, errorf(ErrInvalid, `This backup's "version" is %d, which no version of stardrill writes. %s`, version, again)
	}
	for name := range top {
		switch name {
		case "format", "version", "exportedAt", "settings", "attempts", "drafts", "questions":
		default:
			return nil, errorf(ErrInvalid, "This backup has a field that this version of stardrill does not know "+
				"(%q), so it was not imported. If the file came from a newer version, reload the page to update "+
				"stardrill and import it again; otherwise remove that field from the file.", abbreviate(name))
		}
	}
	if raw, ok := top["exportedAt"]; ok {
		var t time.Time
		if json.Unmarshal(raw, &t) != nil {
			return nil, errorf(ErrInvalid, `This backup's "exportedAt" is %s, not a time like "2025-01-31T09:30:00Z". %s`,
				abbreviate(string(raw)), again)
		}
	}
	list := func(name string) ([]json.RawMessage, error) {
		raw, ok := top[name]
		if !ok || string(raw) == "null" {
			return nil, nil
		}
		var l []json.RawMessage
		if json.Unmarshal(raw, &l) != nil {
			return nil, errorf(ErrInvalid, "This backup's %q is %s, not a list of records. %s", name, jsonKind(raw), again)
		}
		return l, nil
	}

	var (
		items []item
		bad   []string
		newer bool
		index = make(map[string]int) // key -> position in items
	)
	note := func(label string, err error) {
		if _, ok := errors.AsType[*newerError](err); ok {
			newer = true
		}
		bad = append(bad, label+": "+err.Error())
	}
	// merge adds it, or merges it with an earlier record of the same key.
	merge := func(it item) error {
		i, dup := index[it.key]
		if !dup {
			index[it.key] = len(items)
			items = append(items, it)
			return nil
		}
		prev := items[i]
		switch {
		case prev.raw == it.raw:
		case it.changed.After(prev.changed):
			items[i] = it
		case prev.changed.After(it.changed):
		default:
			return errorf(ErrInvalid, "This backup was not imported: it has two different copies of the same %s with the same "+
				"change time (%s and %s), so stardrill cannot tell which to keep. Remove one of them from the file, "+
				"then import again.", it.kind, prev.label, it.label)
		}
		return nil
	}

	if raw, ok := top["settings"]; ok && string(raw) != "null" {
		set, err := c.decodeSettings(string(raw))
		if err != nil {
			note("the settings", err)
		} else if enc, err := c.encodeSettings(set); err != nil {
			note("the settings", err)
		} else {
			items = append(items, item{kind: kindSettings, key: settingsKey, raw: enc, label: "the settings", changed: set.UpdatedAt,
				put: func(st *state) { st.settings, st.hasSet = set, true }})
		}
	}
	sections := []struct {
		name string
		add  func(n int, raw string) error
	}{
		{"attempts", func(n int, raw string) error {
			a, err := c.decodeAttempt(raw)
			label := label("attempt", n, "ID", a.ID, raw)
			if err != nil {
				note(label, err)
				return nil
			}
			enc, err := c.storeAttempt(a)
			if err != nil {
				note(label, err)
				return nil
			}
			return merge(item{kind: kindAttempt, key: attemptKey(a.ID), raw: enc, label: label, changed: a.SavedAt,
				put: func(st *state) { st.attempts[a.ID] = a }})
		}},
		{"drafts", func(n int, raw string) error {
			d, err := c.decodeDraft(raw)
			label := label("draft", n, "question", d.QuestionID, raw)
			if err != nil {
				note(label, err)
				return nil
			}
			enc, err := c.encodeDraft(d)
			if err != nil {
				note(label, err)
				return nil
			}
			return merge(item{kind: kindDraft, key: draftKey(d.QuestionID), raw: enc, label: label, changed: d.UpdatedAt,
				put: func(st *state) { st.drafts[d.QuestionID] = d }})
		}},
		{"questions", func(n int, raw string) error {
			q, err := c.decodeQuestion(raw)
			label := label("question", n, "ID", q.ID, raw)
			if err != nil {
				note(label, err)
				return nil
			}
			enc, err := c.encodeQuestion(q)
			if err != nil {
				note(label, err)
				return nil
			}
			return merge(item{kind: kindQuestion, key: questionKey(q.ID), raw: enc, label: label, changed: q.changed(),
				put: func(st *state) { st.questions[q.ID] = q }})
		}},
	}
	for _, sec := range sections {
		l, err := list(sec.name)
		if err != nil {
			return nil, err
		}
		for i, raw := range l {
			if err := sec.add(i+1, string(raw)); err != nil {
				return nil, err
			}
		}
	}
	if len(bad) > 0 {
		const show = 3
		msg := strings.Join(bad[:min(len(bad), show)], "; ")
		if len(bad) > show {
			msg += fmt.Sprintf("; and %d more", len(bad)-show)
		}
		what := "Fix or remove those records in the file, or export the backup again."
		if newer {
			what = "Reload the page to update stardrill, then import it again."
		}
		return nil, errorf(ErrInvalid, "This backup was not imported, and nothing was changed: %s. %s", msg, what)
	}
	return items, nil
}

// label names the n-th record of a backup section for messages, e.g.
// `attempt 3 (ID "m1abc")`. If the record could not be decoded, its ID is
// looked for in raw.
func label(kind string, n int, idName, id, raw string) string {
	if id == "" {
		var peek struct {
			ID       string `json:"id"`
			Question string `json:"question"`
		}
		_ = json.Unmarshal([]byte(raw), &peek) // best effort: a field may be missing or of the wrong type
		id = peek.ID
		if kind == kindDraft {
			id = peek.Question
		}
	}
	if id == "" {
		return fmt.Sprintf("%s %d", kind, n)
	}
	return fmt.Sprintf("%s %d (%s %q)", kind, n, idName, abbreviate(id))
}
