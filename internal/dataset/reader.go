package dataset

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strconv"
	"time"

	"sepakat/internal/agreement"
)

// The lists of an exchange file, in the order they are written.
var Lists = []string{"parties", "officials", "mandates", "agreements", "counters", "issued_numbers", "history", "files"}

// Item is one element of a list of an exchange file.
type Item struct {
	List  string // one of Lists
	Index int    // its place in the list, from 0
	Line  int    // the line it starts on, from 1; 0 when not read from a file
	// Value is *agreement.Party, *agreement.Official, *agreement.Mandate,
	// *agreement.Agreement, *Counter, *IssuedNumber, *HistoryEntry or *File.
	Value any
}

// Name names the element as messages do: "agreements[2] (id 3)", "files[0]".
func (it Item) Name() string {
	if _, ok := RecordTypeOf(it.List); ok {
		id, _, _, _ := agreement.Meta(it.Value)
		return fmt.Sprintf("%s[%d] (id %d)", it.List, it.Index, *id)
	}
	return fmt.Sprintf("%s[%d]", it.List, it.Index)
}

// RecordTypeOf is the type of the records of a list, if it holds records.
func RecordTypeOf(list string) (RecordType, bool) {
	switch list {
	case "parties":
		return TypeParty, true
	case "officials":
		return TypeOfficial, true
	case "mandates":
		return TypeMandate, true
	case "agreements":
		return TypeAgreement, true
	}
	return "", false
}

func newValue(list string) any {
	switch list {
	case "parties":
		return new(agreement.Party)
	case "officials":
		return new(agreement.Official)
	case "mandates":
		return new(agreement.Mandate)
	case "agreements":
		return new(agreement.Agreement)
	case "counters":
		return new(Counter)
	case "issued_numbers":
		return new(IssuedNumber)
	case "history":
		return new(HistoryEntry)
	case "files":
		return new(File)
	}
	return nil
}

// Items lists d's elements in the order of a file: records, counters, issued
// numbers, history, files. Their Values point into d.
func Items(d *Dataset) []Item {
	var out []Item
	add := func(list string, n int, at func(i int) any) {
		for i := range n {
			out = append(out, Item{List: list, Index: i, Value: at(i)})
		}
	}
	add("parties", len(d.Parties), func(i int) any { return &d.Parties[i] })
	add("officials", len(d.Officials), func(i int) any { return &d.Officials[i] })
	add("mandates", len(d.Mandates), func(i int) any { return &d.Mandates[i] })
	add("agreements", len(d.Agreements), func(i int) any { return &d.Agreements[i] })
	add("counters", len(d.Counters), func(i int) any { return &d.Counters[i] })
	add("issued_numbers", len(d.Numbers), func(i int) any { return &d.Numbers[i] })
	add("history", len(d.History), func(i int) any { return &d.History[i] })
	add("files", len(d.Files), func(i int) any { return &d.Files[i] })
	return out
}

// Reader reads an exchange file element by element, holding one at a time,
// with the checks of Decode. The lists may come in any order.
type Reader struct {
	s        *scanner
	dec      *json.Decoder
	started  bool
	finished bool
	list     string // the list being read, "" between lists
	index    int

	format     string
	version    int
	exportedAt time.Time
}

// NewReader reads the exchange file r.
func NewReader(r io.Reader) *Reader {
	s := newScanner(r)
	dec := json.NewDecoder(s)
	dec.DisallowUnknownFields()
	return &Reader{s: s, dec: dec}
}

// ExportedAt is the file's time of export, once read.
func (r *Reader) ExportedAt() time.Time { return r.exportedAt }

// Next returns the next element, or io.EOF after the end of the file once its
// format and version are known good. Any other error is a *DecodeError, or
// the error of reading the underlying file.
func (r *Reader) Next() (Item, error) {
	if r.finished {
		return Item{}, io.EOF
	}
	if !r.started {
		r.started = true
		if err := r.open(); err != nil {
			return Item{}, err
		}
	}
	for {
		if r.list != "" {
			if r.dec.More() {
				return r.element()
			}
			if _, err := r.dec.Token(); err != nil {
				return Item{}, r.fail(err)
			}
			r.list = ""
			continue
		}
		if !r.dec.More() {
			return Item{}, r.end()
		}
		if err := r.field(); err != nil {
			return Item{}, err
		}
	}
}

// open reads the opening brace: an empty file and a file of another kind
// (a PDF renamed .json) are told apart from broken JSON.
func (r *Reader) open() error {
	tok, err := r.dec.Token()
	if err == io.EOF {
		return &DecodeError{Err: ErrEmpty}
	}
	if err != nil {
		if r.s.first != '{' && r.s.first != 0 {
			return r.problem(0, &DecodeError{Err: ErrNotJSON})
		}
		var de *DecodeError
		if errors.As(err, &de) {
			return de
		}
		if errors.Is(err, io.ErrUnexpectedEOF) {
			return &DecodeError{Err: ErrEmpty}
		}
		return r.fail(err)
	}
	if tok != json.Delim('{') || r.s.first != '{' {
		return r.problem(0, &DecodeError{Err: ErrNotJSON})
	}
	return nil
}

// field reads one key of the top object and its value, or the opening of its list.
func (r *Reader) field() error {
	tok, err := r.dec.Token()
	if err != nil {
		return r.fail(err)
	}
	key, _ := tok.(string)
	keyAt := r.dec.InputOffset() - 1 // the key's closing quote
	r.s.mark(keyAt)
	switch key {
	case "format":
		if err := r.value(key, keyAt, &r.format); err != nil {
			return err
		}
		if r.format != Format {
			return r.problem(keyAt, &DecodeError{Field: key, Err: ErrForeign, Value: strconv.Quote(r.format)})
		}
		return nil
	case "version":
		if err := r.value(key, keyAt, &r.version); err != nil {
			return err
		}
		if r.version < 1 || r.version > Version {
			return r.problem(keyAt, &DecodeError{Field: key, Err: ErrVersion, Value: strconv.Itoa(r.version)})
		}
		return nil
	case "exported_at":
		return r.value(key, keyAt, &r.exportedAt)
	}
	if newValue(key) == nil {
		return r.problem(keyAt, &DecodeError{Field: key, Err: ErrUnknownField})
	}
	tok, err = r.dec.Token()
	if err != nil {
		return r.fail(err)
	}
	switch tok {
	case json.Delim('['):
		r.list, r.index = key, 0
		return nil
	case nil:
		return nil // "files": null, as an empty list
	}
	return r.problem(keyAt, &DecodeError{Field: key, Err: ErrWrongType, Value: fmt.Sprint(tok)})
}

func (r *Reader) value(key string, at int64, v any) error {
	var raw json.RawMessage
	if err := r.dec.Decode(&raw); err != nil {
		return r.fail(err)
	}
	if err := json.Unmarshal(raw, v); err != nil {
		e := describe(raw, 0, err)
		e.Field = key
		return r.problem(at, e)
	}
	return nil
}

// element decodes the next element of the current list.
func (r *Reader) element() (Item, error) {
	before := r.dec.InputOffset()
	r.s.mark(before)
	it := Item{List: r.list, Index: r.index, Value: newValue(r.list)}
	err := r.dec.Decode(it.Value)
	// The element starts after the comma and spaces before it.
	start := before
	for _, c := range r.s.since(before) {
		if c != ',' && c != ' ' && c != '\n' && c != '\r' && c != '\t' {
			break
		}
		start++
	}
	if err != nil {
		var syn *json.SyntaxError
		var de *DecodeError
		switch {
		case errors.As(err, &de):
		case errors.As(err, &syn):
			err = &json.SyntaxError{Offset: start + r.syntaxIn(start)}
		case !errors.Is(err, io.EOF) && !errors.Is(err, io.ErrUnexpectedEOF):
			// The whole element was read: decode it again from its bytes,
			// whose offsets name the place.
			raw := r.s.since(start)
			raw = raw[:min(len(raw), int(r.dec.InputOffset()-start))]
			dec := json.NewDecoder(bytes.NewReader(raw))
			dec.DisallowUnknownFields()
			if again := dec.Decode(newValue(r.list)); again != nil {
				err = again
			}
			e := describe(raw, start, err)
			if e.offset < start {
				e.offset = start
			}
			e.Line, e.Column = r.s.position(e.offset)
			e.Record = r.elementName(it, raw)
			return Item{}, e
		}
		e := r.fail(err)
		if errors.As(e, &de) && de.Record == "" {
			de.Record = fmt.Sprintf("%s[%d]", r.list, r.index)
		}
		return Item{}, e
	}
	it.Line, _ = r.s.position(start)
	r.index++
	agreement.Fold(it.Value) // an agreement written before one number per party
	return it, nil
}

// syntaxIn finds where the element that starts at start breaks the JSON
// syntax, from its bytes read so far and those the decoder holds.
func (r *Reader) syntaxIn(start int64) int64 {
	buf := r.s.since(start)
	var v any
	var syn *json.SyntaxError
	if err := json.Unmarshal(buf, &v); errors.As(err, &syn) {
		return syn.Offset
	}
	return 0
}

// elementName names an element that did not decode, with its ID when that much reads.
func (r *Reader) elementName(it Item, raw []byte) string {
	if _, ok := RecordTypeOf(it.List); ok {
		var head struct {
			ID agreement.ID `json:"id"`
		}
		if json.Unmarshal(raw, &head) == nil && head.ID != 0 {
			return fmt.Sprintf("%s[%d] (id %d)", it.List, it.Index, head.ID)
		}
	}
	return fmt.Sprintf("%s[%d]", it.List, it.Index)
}

// end reads the closing brace and checks that nothing follows and that the
// header was there.
func (r *Reader) end() error {
	if _, err := r.dec.Token(); err != nil {
		return r.fail(err)
	}
	if _, err := r.dec.Token(); err != io.EOF {
		if err != nil {
			var de *DecodeError
			if errors.As(err, &de) {
				return de
			}
		}
		return r.problem(r.dec.InputOffset(), &DecodeError{Err: ErrTrailing})
	}
	if r.format != Format {
		return &DecodeError{Field: "format", Err: ErrForeign, Value: strconv.Quote(r.format)}
	}
	if r.version < 1 {
		return &DecodeError{Field: "version", Err: ErrVersion, Value: strconv.Itoa(r.version)}
	}
	r.finished = true
	return io.EOF
}

// fail turns an error of the top-level decoder into a DecodeError at the
// place the decoder reached; an error of reading the file itself is returned
// as it is.
func (r *Reader) fail(err error) error {
	var de *DecodeError
	if errors.As(err, &de) {
		if de.Record == "" && r.list != "" {
			de.Record = fmt.Sprintf("%s[%d]", r.list, r.index)
		}
		return de
	}
	var syn *json.SyntaxError
	switch {
	case errors.As(err, &syn):
		return r.problem(max(syn.Offset-1, 0), &DecodeError{Err: ErrSyntax})
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return r.problem(r.s.off, &DecodeError{Err: ErrTruncated})
	}
	return err
}

// problem places e at offset off.
func (r *Reader) problem(off int64, e *DecodeError) *DecodeError {
	e.offset = off
	e.Line, e.Column = r.s.position(off)
	return e
}
