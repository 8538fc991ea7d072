package dataset

import (
	"bufio"
	"encoding/json"
	"fmt"
	"io"
	"slices"
	"time"
)

// Counts are the records of an exchange file, by type.
type Counts struct {
	Agreements, Parties, Officials, Mandates int
}

// Writer writes an exchange file element by element, byte for byte as Encode
// writes the whole Dataset: lists in the order of Lists, empty lists left out.
type Writer struct {
	w      *bufio.Writer
	list   string // the list open, if any
	n      int
	done   int // lists before this index are closed
	err    error
	counts Counts
}

// NewWriter starts an exchange file on w, exported at exportedAt.
func NewWriter(w io.Writer, exportedAt time.Time) *Writer {
	wr := &Writer{w: bufio.NewWriterSize(w, 1<<16)}
	at, err := json.Marshal(exportedAt)
	wr.err = err
	wr.printf("{\n  \"format\": %q,\n  \"version\": %d", Format, Version)
	if !exportedAt.IsZero() {
		wr.printf(",\n  \"exported_at\": %s", at)
	}
	return wr
}

func (w *Writer) printf(format string, args ...any) {
	if w.err == nil {
		_, w.err = fmt.Fprintf(w.w, format, args...)
	}
}

// Write adds v, one element of list; lists must come in the order of Lists.
func (w *Writer) Write(list string, v any) error {
	if w.err != nil {
		return w.err
	}
	if list != w.list {
		i := slices.Index(Lists, list)
		if i < w.done {
			return fmt.Errorf("dataset: list %q written out of order", list)
		}
		w.closeList()
		w.list, w.n, w.done = list, 0, i+1
		w.printf(",\n  %q: [\n    ", list)
	} else {
		w.printf(",\n    ")
	}
	raw, err := json.MarshalIndent(v, "    ", "  ")
	if err != nil {
		w.err = err
		return err
	}
	if w.err == nil {
		_, w.err = w.w.Write(raw)
	}
	w.n++
	switch list {
	case "agreements":
		w.counts.Agreements++
	case "parties":
		w.counts.Parties++
	case "officials":
		w.counts.Officials++
	case "mandates":
		w.counts.Mandates++
	}
	return w.err
}

func (w *Writer) closeList() {
	if w.list != "" {
		w.printf("\n  ]")
		w.list = ""
	}
}

// Close ends the file and flushes it; it does not close the underlying writer.
func (w *Writer) Close() (Counts, error) {
	w.closeList()
	w.printf("\n}\n")
	if w.err == nil {
		w.err = w.w.Flush()
	}
	return w.counts, w.err
}

// WriteDataset writes d through a Writer: the same bytes as Encode(w, d).
func WriteDataset(w io.Writer, d *Dataset) (Counts, error) {
	wr := NewWriter(w, d.ExportedAt)
	for _, it := range Items(d) {
		if err := wr.Write(it.List, it.Value); err != nil {
			return Counts{}, err
		}
	}
	return wr.Close()
}
