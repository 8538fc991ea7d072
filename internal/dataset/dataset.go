// Package dataset is Sepakat's JSON exchange format: the export file, the import
// file, the built-in examples and the files given to "add" and "update".
// See docs/format.md.
package dataset

import (
	"bytes"
	"encoding/base64"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"time"

	"sepakat/internal/agreement"
	"sepakat/internal/i18n"
	"sepakat/resources"
)

// Format and Version identify the file; Version changes when a field changes meaning.
const (
	Format  = "sepakat"
	Version = 1
)

// Dataset is a whole store, or part of one.
type Dataset struct {
	Format     string                `json:"format"`
	Version    int                   `json:"version"`
	ExportedAt time.Time             `json:"exported_at,omitzero"`
	Parties    []agreement.Party     `json:"parties,omitempty"`
	Officials  []agreement.Official  `json:"officials,omitempty"`
	Mandates   []agreement.Mandate   `json:"mandates,omitempty"`
	Agreements []agreement.Agreement `json:"agreements,omitempty"`
	Counters   []Counter             `json:"counters,omitempty"`
	Numbers    []IssuedNumber        `json:"issued_numbers,omitempty"`
	History    []HistoryEntry        `json:"history,omitempty"`
	Files      []File                `json:"files,omitempty"`
}

// Counter is the last running number handed out for an office, kind and year.
type Counter struct {
	Office agreement.ID   `json:"office"`
	Kind   agreement.Kind `json:"kind"`
	Year   int            `json:"year"`
	Last   uint64         `json:"last"`
}

// IssuedNumber is a number once handed out; it is never handed out again.
type IssuedNumber struct {
	Number      string         `json:"number"`
	Office      agreement.ID   `json:"office"`
	Kind        agreement.Kind `json:"kind"`
	Year        int            `json:"year"`
	Seq         uint64         `json:"seq"`
	AgreementID agreement.ID   `json:"agreement_id,omitempty"`
	At          time.Time      `json:"at"`
	By          string         `json:"by"`
}

// RecordType names a kind of stored record.
type RecordType string

const (
	TypeAgreement RecordType = "agreement"
	TypeParty     RecordType = "party"
	TypeOfficial  RecordType = "official"
	TypeMandate   RecordType = "mandate"
)

// HistoryEntry is one change to one record (Riwayat): the change that made
// revision Rev. A record has at most one entry per revision; besides them an
// agreement's history holds its prints (Action "cetak", Seq > 0), each at the
// revision then stored.
type HistoryEntry struct {
	Type    RecordType         `json:"type"`
	ID      agreement.ID       `json:"id"`
	Rev     uint64             `json:"rev"`
	Seq     uint64             `json:"print_no,omitempty"` // a print's number, per agreement; 0 for a change (not schema 1's "seq")
	At      time.Time          `json:"at"`
	By      string             `json:"by"`
	Action  string             `json:"action"` // "buat", "ubah", "status", "impor", "cetak"
	Changes []agreement.Change `json:"changes,omitempty"`
	Print   *Print             `json:"print,omitempty"` // what a "cetak" entry printed
	// Text is the fingerprint of the agreement's text as signed, on the
	// entry of the save that made it Ditandatangani.
	Text string `json:"text,omitempty"`
	// Prev is the Hash of the entry before this one in its record's history
	// (empty for the first); Hash is this entry's own (chain.go).
	Prev string `json:"prev,omitempty"`
	Hash string `json:"hash,omitempty"`
}

// File is a stored file (lambang, attachment), its bytes base64-encoded in JSON.
type File struct {
	SHA256    string `json:"sha256"`
	MediaType string `json:"media_type"`
	Data      []byte `json:"data"`
}

// Single is the file given to "add" and "update": one record of one type.
type Single struct {
	Format    string               `json:"format"`
	Version   int                  `json:"version"`
	Agreement *agreement.Agreement `json:"agreement,omitempty"`
	Party     *agreement.Party     `json:"party,omitempty"`
	Official  *agreement.Official  `json:"official,omitempty"`
	Mandate   *agreement.Mandate   `json:"mandate,omitempty"`
}

// ErrFormat is returned, wrapped in a *DecodeError, for any file that cannot be read.
var ErrFormat = errors.New("dataset: bad file")

// What is wrong with a file that does not decode; a *DecodeError wraps one of
// these and ErrFormat.
var (
	ErrEmpty        = errors.New("dataset: empty file")
	ErrNotJSON      = errors.New("dataset: not a JSON file")
	ErrSyntax       = errors.New("dataset: invalid JSON")
	ErrTruncated    = errors.New("dataset: file cut short")
	ErrTrailing     = errors.New("dataset: data after the end")
	ErrUnknownField = errors.New("dataset: unknown field")
	ErrWrongType    = errors.New("dataset: wrong type of value")
	ErrNumberRange  = errors.New("dataset: number out of range")
	ErrBadDate      = errors.New("dataset: impossible date")
	ErrInvalidUTF8  = errors.New("dataset: invalid UTF-8")
	ErrBase64       = errors.New("dataset: file data not base64")
	ErrFileTooLarge = errors.New("dataset: stored file too large")
	ErrForeign      = errors.New("dataset: not a Sepakat file")
	ErrVersion      = errors.New("dataset: unknown version")
	ErrNotOne       = errors.New("dataset: not exactly one record")
)

// DecodeError says where a file went wrong, in terms a user can act on: the
// line and column, the record (such as "agreements[3] (id 17)"), the field,
// and what is wrong (Err, one of the sentinels above).
type DecodeError struct {
	Line, Column int
	Record       string
	Field        string
	Err          error
	// Value is the offending value as written in the file, when known.
	Value  string
	offset int64
}

func (e *DecodeError) Error() string {
	var b strings.Builder
	if e.Line > 0 {
		fmt.Fprintf(&b, "baris %d kolom %d: ", e.Line, e.Column)
	}
	if e.Record != "" {
		fmt.Fprintf(&b, "%s: ", e.Record)
	}
	if e.Field != "" {
		fmt.Fprintf(&b, "isian %q: ", e.Field)
	}
	b.WriteString(e.kind().Error())
	if e.Value != "" {
		fmt.Fprintf(&b, " (%s)", e.Value)
	}
	return b.String()
}

func (e *DecodeError) kind() error {
	if e.Err == nil {
		return ErrFormat
	}
	return e.Err
}

// Unwrap makes errors.Is true for ErrFormat and for what is wrong.
func (e *DecodeError) Unwrap() []error { return []error{e.kind(), ErrFormat} }

// Where names the place in lang: "baris 3, agreements[2] (id 3), isian term.end".
func (e *DecodeError) Where(l i18n.Lang) string {
	var parts []string
	if e.Line > 0 {
		parts = append(parts, i18n.Text{ID: "baris %d", EN: "line %d"}.In(l, e.Line))
	}
	if e.Record != "" {
		parts = append(parts, e.Record)
	}
	if e.Field != "" {
		parts = append(parts, i18n.Text{ID: "isian %s", EN: "field %s"}.In(l, e.Field))
	}
	return strings.Join(parts, ", ")
}

// Decode reads a Dataset strictly: unknown fields, wrong types, impossible dates,
// invalid UTF-8, bad base64, trailing data and a wrong format or version are
// errors. It holds the whole dataset; NewReader reads record by record.
func Decode(r io.Reader) (*Dataset, error) {
	d := &Dataset{}
	rd := NewReader(r)
	for {
		it, err := rd.Next()
		if err == io.EOF {
			break
		}
		if err != nil {
			return nil, err
		}
		d.add(it)
	}
	d.Format, d.Version, d.ExportedAt = Format, rd.version, rd.exportedAt
	return d, nil
}

func (d *Dataset) add(it Item) {
	switch v := it.Value.(type) {
	case *agreement.Party:
		d.Parties = append(d.Parties, *v)
	case *agreement.Official:
		d.Officials = append(d.Officials, *v)
	case *agreement.Mandate:
		d.Mandates = append(d.Mandates, *v)
	case *agreement.Agreement:
		d.Agreements = append(d.Agreements, *v)
	case *Counter:
		d.Counters = append(d.Counters, *v)
	case *IssuedNumber:
		d.Numbers = append(d.Numbers, *v)
	case *HistoryEntry:
		d.History = append(d.History, *v)
	case *File:
		d.Files = append(d.Files, *v)
	}
}

// DecodeSingle reads an "add"/"update" file; exactly one record must be present.
func DecodeSingle(r io.Reader) (*Single, error) {
	var s Single
	if err := decodeStrict(r, &s); err != nil {
		return nil, err
	}
	if s.Agreement != nil {
		s.Agreement.FoldSigning() // written before one number per party
	}
	if err := checkHeader(s.Format, s.Version); err != nil {
		return nil, err
	}
	n := 0
	for _, present := range []bool{s.Agreement != nil, s.Party != nil, s.Official != nil, s.Mandate != nil} {
		if present {
			n++
		}
	}
	if n != 1 {
		return nil, &DecodeError{Err: ErrNotOne}
	}
	return &s, nil
}

func checkHeader(format string, version int) error {
	if format != Format {
		return &DecodeError{Field: "format", Err: ErrForeign, Value: strconv.Quote(format)}
	}
	if version < 1 || version > Version {
		return &DecodeError{Field: "version", Err: ErrVersion, Value: strconv.Itoa(version)}
	}
	return nil
}

func decodeStrict(r io.Reader, v any) error {
	sc := newScanner(r)
	raw, err := io.ReadAll(sc)
	if err != nil {
		var de *DecodeError
		if errors.As(err, &de) {
			return de
		}
		return err // the reader's own error: the file could not be read
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		return &DecodeError{Err: ErrEmpty}
	}
	if bytes.TrimLeft(raw, " \t\r\n")[0] != '{' {
		return &DecodeError{Line: 1, Column: 1, Err: ErrNotJSON}
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		e := describe(raw, 0, err)
		if e.Record == "" {
			e.Record = locate(raw, e.offset)
		}
		return e
	}
	if dec.More() {
		return at(raw, 0, dec.InputOffset(), &DecodeError{Err: ErrTrailing})
	}
	return nil
}

// describe turns an error of decoding raw, which starts at offset base of
// the file, into a DecodeError.
func describe(raw []byte, base int64, err error) *DecodeError {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var bad *agreement.DateError
	var b64 base64.CorruptInputError
	var de *DecodeError
	switch {
	case errors.As(err, &de):
		return de
	case errors.As(err, &syn):
		return at(raw, base, syn.Offset, &DecodeError{Err: ErrSyntax})
	case errors.As(err, &typ):
		if n, ok := strings.CutPrefix(typ.Value, "number "); ok && isInteger(typ.Type) {
			return at(raw, base, typ.Offset, &DecodeError{Field: typ.Field, Err: ErrNumberRange, Value: n})
		}
		return at(raw, base, typ.Offset, &DecodeError{Field: typ.Field, Err: ErrWrongType})
	case errors.As(err, &bad):
		off := int64(bytes.Index(raw, []byte(`"`+bad.Value+`"`)))
		return at(raw, base, off, &DecodeError{Field: keyBefore(raw, off), Err: ErrBadDate, Value: strconv.Quote(bad.Value)})
	case errors.As(err, &b64):
		off := int64(bytes.Index(raw, []byte(`"data"`)))
		return at(raw, base, off, &DecodeError{Field: "data", Err: ErrBase64})
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		return at(raw, base, int64(len(raw)), &DecodeError{Err: ErrTruncated})
	}
	msg := err.Error()
	if f, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
		f = strings.Trim(f, `"`)
		off := int64(bytes.Index(raw, []byte(`"`+f+`"`)))
		return at(raw, base, off, &DecodeError{Field: f, Err: ErrUnknownField})
	}
	return &DecodeError{Value: strings.TrimPrefix(msg, "json: "), offset: -1}
}

func isInteger(t reflect.Type) bool {
	if t == nil {
		return false
	}
	switch t.Kind() {
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64:
		return true
	}
	return false
}

// at places e at offset off of raw (relative), raw starting at base in the
// file; lines are counted within raw, so base must be 0 unless the caller
// sets the line itself.
func at(raw []byte, base, off int64, e *DecodeError) *DecodeError {
	e.offset = base + off
	if off >= 0 {
		e.Line, e.Column = position(raw, off)
	}
	return e
}

// keyBefore returns the object key just before offset off: the field a value belongs to.
func keyBefore(raw []byte, off int64) string {
	if off <= 0 {
		return ""
	}
	s := strings.TrimRight(string(raw[:off]), " \t\r\n")
	s = strings.TrimSuffix(s, ":")
	s = strings.TrimRight(s, " \t\r\n")
	if !strings.HasSuffix(s, `"`) {
		return ""
	}
	s = s[:len(s)-1]
	i := strings.LastIndexByte(s, '"')
	if i < 0 {
		return ""
	}
	return s[i+1:]
}

// locate names the record of a Single file whose JSON spans offset off.
func locate(raw []byte, off int64) string {
	if off < 0 {
		return ""
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	if t, err := dec.Token(); err != nil || t != json.Delim('{') {
		return ""
	}
	for dec.More() {
		t, err := dec.Token()
		if err != nil {
			return ""
		}
		key, _ := t.(string)
		begin := dec.InputOffset()
		var elem json.RawMessage
		if err := dec.Decode(&elem); err != nil || (off >= begin && off <= dec.InputOffset()) {
			if isRecord(key) {
				return key
			}
			return ""
		}
	}
	return ""
}

func isRecord(key string) bool {
	switch key {
	case "agreement", "party", "official", "mandate":
		return true
	}
	return false
}

func position(raw []byte, off int64) (line, col int) {
	if off > int64(len(raw)) {
		off = int64(len(raw))
	}
	line = 1 + bytes.Count(raw[:off], []byte{'\n'})
	col = int(off) - bytes.LastIndexByte(raw[:off], '\n')
	return line, col
}

// Encode writes d as indented JSON.
func Encode(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// SaveEntry is the history entry of a save that made revision rev of a record:
// "buat" when there was no stored version (prev nil), else "ubah" with the
// changes between the two JSON encodings.
func SaveEntry(t RecordType, id agreement.ID, rev uint64, at time.Time, by string, prev, next []byte) HistoryEntry {
	e := HistoryEntry{Type: t, ID: id, Rev: rev, At: at, By: by, Action: "buat"}
	if prev != nil {
		e.Action = "ubah"
		e.Changes = agreement.DiffJSON(prev, next)
	}
	return e
}

// Valid reports whether t is one of the stored record types.
func (t RecordType) Valid() bool {
	switch t {
	case TypeAgreement, TypeParty, TypeOfficial, TypeMandate:
		return true
	}
	return false
}

// Examples decodes the examples shipped with the program (resources/examples).
func Examples() (*Dataset, error) {
	f, err := resources.FS.Open(resources.ExamplesFile)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return Decode(f)
}
