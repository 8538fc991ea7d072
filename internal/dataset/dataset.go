// Package dataset is Sepakat's JSON exchange format: the export file, the import
// file, the built-in examples and the files given to "add" and "update".
// See docs/format.md.
package dataset

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"sepakat/internal/agreement"
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
// revision Rev. A record has at most one entry per revision.
type HistoryEntry struct {
	Type    RecordType         `json:"type"`
	ID      agreement.ID       `json:"id"`
	Rev     uint64             `json:"rev"`
	At      time.Time          `json:"at"`
	By      string             `json:"by"`
	Action  string             `json:"action"` // "buat", "ubah", "status", "impor"
	Changes []agreement.Change `json:"changes,omitempty"`
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

// DecodeError says where a file went wrong, in terms a user can act on.
type DecodeError struct {
	Line, Column int
	// Record names the record, such as "agreements[3] (id 17)".
	Record string
	Field  string
	Msg    string
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
	b.WriteString(e.Msg)
	return b.String()
}

func (e *DecodeError) Unwrap() error { return ErrFormat }

// Decode reads a Dataset strictly: unknown fields, wrong types, impossible dates,
// trailing data and a wrong format or version are errors.
func Decode(r io.Reader) (*Dataset, error) {
	var d Dataset
	if err := decodeStrict(r, &d); err != nil {
		return nil, err
	}
	if err := checkHeader(d.Format, d.Version); err != nil {
		return nil, err
	}
	return &d, nil
}

// DecodeSingle reads an "add"/"update" file; exactly one record must be present.
func DecodeSingle(r io.Reader) (*Single, error) {
	var s Single
	if err := decodeStrict(r, &s); err != nil {
		return nil, err
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
		return nil, &DecodeError{Msg: "berkas harus memuat tepat satu dari \"agreement\", \"party\", \"official\" atau \"mandate\""}
	}
	return &s, nil
}

func checkHeader(format string, version int) error {
	if format != Format {
		return &DecodeError{Field: "format", Msg: fmt.Sprintf("harus %q, bukan %q: ini bukan berkas Sepakat", Format, format)}
	}
	if version < 1 || version > Version {
		return &DecodeError{Field: "version", Msg: fmt.Sprintf("versi %d tidak dikenal; versi program ini %d", version, Version)}
	}
	return nil
}

func decodeStrict(r io.Reader, v any) error {
	raw, err := io.ReadAll(r)
	if err != nil {
		return &DecodeError{Msg: "berkas tidak dapat dibaca: " + err.Error()}
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	if err := dec.Decode(v); err != nil {
		return describe(raw, err)
	}
	if dec.More() {
		off := dec.InputOffset()
		l, c := position(raw, off)
		return &DecodeError{Line: l, Column: c, Msg: "ada data lain setelah akhir dokumen JSON"}
	}
	return nil
}

func describe(raw []byte, err error) error {
	var syn *json.SyntaxError
	var typ *json.UnmarshalTypeError
	var bad *agreement.DateError
	var out *DecodeError
	defer func() { out.Record = locate(raw, out.offset) }()
	switch {
	case errors.As(err, &syn):
		out = at(raw, syn.Offset, &DecodeError{Msg: "JSON tidak valid: " + syn.Error()})
	case errors.As(err, &typ):
		out = at(raw, typ.Offset, &DecodeError{Field: typ.Field, Msg: fmt.Sprintf("jenis nilai salah: berisi %s, seharusnya %s", typ.Value, typeName(typ.Type.String()))})
	case errors.As(err, &bad):
		off := int64(bytes.Index(raw, []byte(`"`+bad.Value+`"`)))
		out = at(raw, off, &DecodeError{Field: keyBefore(raw, off), Msg: bad.Error()})
	case errors.Is(err, io.EOF), errors.Is(err, io.ErrUnexpectedEOF):
		out = at(raw, int64(len(raw)), &DecodeError{Msg: "berkas kosong atau terpotong"})
	default:
		msg := err.Error()
		if f, ok := strings.CutPrefix(msg, "json: unknown field "); ok {
			f = strings.Trim(f, `"`)
			off := int64(bytes.Index(raw, []byte(`"`+f+`"`)))
			out = at(raw, off, &DecodeError{Field: f, Msg: "isian ini tidak dikenal; periksa ejaannya (lihat docs/format.md)"})
		} else {
			out = &DecodeError{Msg: strings.TrimPrefix(msg, "json: "), offset: -1}
		}
	}
	return out
}

func at(raw []byte, off int64, e *DecodeError) *DecodeError {
	e.offset = off
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

// locate names the record (such as "agreements[3] (id 17)") whose JSON spans offset off.
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
		t, err = dec.Token()
		if err != nil {
			return ""
		}
		switch t {
		case json.Delim('{'):
			if isRecord(key) {
				return key // a Single holds one record
			}
			return ""
		case json.Delim('['):
		default:
			continue
		}
		for i := 0; dec.More(); i++ {
			begin := dec.InputOffset()
			var elem json.RawMessage
			err := dec.Decode(&elem)
			end := dec.InputOffset()
			if err != nil || (off >= begin && off <= end) {
				var head struct {
					ID agreement.ID `json:"id"`
				}
				if json.Unmarshal(elem, &head) == nil && head.ID != 0 {
					return fmt.Sprintf("%s[%d] (id %d)", key, i, head.ID)
				}
				return fmt.Sprintf("%s[%d]", key, i)
			}
		}
		if _, err := dec.Token(); err != nil {
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

func typeName(t string) string {
	switch {
	case strings.Contains(t, "int"), strings.Contains(t, "float"), t == "agreement.ID":
		return "angka"
	case t == "string" || strings.HasSuffix(t, "Kind") || strings.HasSuffix(t, "Status") || strings.HasSuffix(t, "Role"):
		return "teks"
	case t == "bool":
		return "true/false"
	case strings.HasPrefix(t, "[]"):
		return "daftar [...]"
	}
	return "objek {...}"
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
