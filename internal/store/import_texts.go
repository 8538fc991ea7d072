package store

import (
	"bufio"
	"encoding/binary"
	"errors"
	"io"
	"os"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/search/fields"
)

// An import's agreements are decoded once, from the file. The search index,
// built at the end, would decode every one of them again from the data file
// to read its text; instead, the reading goroutine writes each agreement's
// text to a file beside the import's copy as it goes (importTexts), and the
// build reads them back in ID order (textDocs). It holds one text at a time.
// Reindex does the same: its list rebuild decodes every agreement, and
// writes the texts the search index is then built from.

// textsSuffix names, beside the import's copy, the file of texts.
const textsSuffix = ".teks"

// importTexts writes the text of every agreement an import reads, with the
// names of the parties, officials and mandates already stored or read before
// it. It gives up (usable false) when the agreements do not come in
// increasing ID order or after a directory record: the build then decodes
// them as a rebuild does.
type importTexts struct {
	path   string
	f      *os.File
	w      *bufio.Writer
	names  *fields.Directory
	last   agreement.ID
	seenAg bool
	usable bool
	err    error
}

func newImportTexts(path string, names *fields.Directory) *importTexts {
	os.Remove(path) // a leftover of a killed import
	f, err := os.OpenFile(path, os.O_CREATE|os.O_EXCL|os.O_RDWR, 0o600)
	if err != nil {
		return &importTexts{err: err}
	}
	return &importTexts{path: path, f: f, w: bufio.NewWriterSize(f, 1<<20), names: names, usable: true}
}

// add takes one element as it is read, before it is checked.
func (t *importTexts) add(it dataset.Item) {
	if !t.usable {
		return
	}
	switch v := it.Value.(type) {
	case *agreement.Party:
		t.names.Parties[v.ID] = *v
		t.usable = !t.seenAg
	case *agreement.Official:
		t.names.Officials[v.ID] = *v
		t.usable = !t.seenAg
	case *agreement.Mandate:
		t.names.Mandates[v.ID] = *v
		t.usable = !t.seenAg
	case *agreement.Agreement:
		t.agreement(v)
	}
}

// agreement writes the text of v, which must come after every agreement
// written before it in ID order (else the file is given up).
func (t *importTexts) agreement(v *agreement.Agreement) {
	if !t.usable {
		return
	}
	if t.seenAg && v.ID <= t.last {
		t.usable = false
		return
	}
	t.seenAg, t.last = true, v.ID
	text := fields.Text(t.names, v)
	var head [3 * binary.MaxVarintLen64]byte
	n := binary.PutUvarint(head[:], uint64(v.ID))
	n += binary.PutUvarint(head[n:], uint64(len(text[0])))
	n += binary.PutUvarint(head[n:], uint64(len(text[1])))
	if _, err := t.w.Write(head[:n]); err != nil {
		t.fail(err)
		return
	}
	t.w.WriteString(text[0])
	if _, err := t.w.WriteString(text[1]); err != nil {
		t.fail(err)
	}
}

func (t *importTexts) fail(err error) {
	t.usable, t.err = false, err
}

// reader returns the texts to build the index from, when they can be used,
// and nil otherwise.
func (t *importTexts) reader() *textReader {
	if t.f == nil || !t.usable {
		return nil
	}
	if err := t.w.Flush(); err != nil {
		return nil
	}
	if _, err := t.f.Seek(0, io.SeekStart); err != nil {
		return nil
	}
	return &textReader{r: bufio.NewReaderSize(t.f, 1<<20)}
}

// close removes the file.
func (t *importTexts) close() {
	if t.f != nil {
		t.f.Close()
		os.Remove(t.path)
	}
}

// textReader reads the file of texts forward, as the build's steps go.
type textReader struct {
	r *bufio.Reader
	// the next text in the file, not yet passed
	id     uint64
	text   [2]string
	loaded bool
	done   bool
}

// at returns the file's text of id, if it holds one.
func (d *textReader) at(id uint64) ([2]string, bool, error) {
	for !d.done {
		if !d.loaded {
			if err := d.next(); err != nil {
				if errors.Is(err, io.EOF) {
					d.done = true
					break
				}
				return [2]string{}, false, err
			}
		}
		switch {
		case d.id == id:
			return d.text, true, nil
		case d.id > id:
			return [2]string{}, false, nil
		}
		d.loaded = false
	}
	return [2]string{}, false, nil
}

func (d *textReader) next() error {
	id, err := binary.ReadUvarint(d.r)
	if err != nil {
		return err
	}
	var lens [2]uint64
	for i := range lens {
		if lens[i], err = binary.ReadUvarint(d.r); err != nil {
			return io.ErrUnexpectedEOF
		}
	}
	var text [2]string
	for i, n := range lens {
		b := make([]byte, n)
		if _, err := io.ReadFull(d.r, b); err != nil {
			return io.ErrUnexpectedEOF
		}
		text[i] = string(b)
	}
	d.id, d.text, d.loaded = id, text, true
	return nil
}

// textDocs is the agreements of the import's copy in one transaction of the
// index build, with the texts of those the import read taken from the file.
type textDocs struct {
	indexDocs
	texts *textReader
}

// From is indexDocs.From with the texts from the file where it has them.
func (d textDocs) From(from uint64, fn func(id uint64, text func() ([2]string, error)) error) error {
	return d.indexDocs.From(from, func(id uint64, decoded func() ([2]string, error)) error {
		text, ok, err := d.texts.at(id)
		if err != nil {
			return err
		}
		if !ok {
			return fn(id, decoded)
		}
		return fn(id, func() ([2]string, error) { return text, nil })
	})
}

// namesOf is snapshotNames of s's file, for an import to add to.
func (s *Store) namesOf() (*fields.Directory, error) {
	var names *fields.Directory
	err := s.view(func(tx *bolt.Tx) (err error) {
		names, err = snapshotNames(tx)
		return err
	})
	return names, err
}
