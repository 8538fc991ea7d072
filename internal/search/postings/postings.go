// Package postings holds the pure parts of the stored full-text index: the
// encoding of postings blocks, dictionary values and forward entries, a
// document's analysis (its forward entry), and the plan of a merge (which
// postings change when a pending document is folded in). It does no I/O; the
// bbolt side is internal/store/fts.
package postings

import (
	"cmp"
	"encoding/binary"
	"slices"

	"sepakat/internal/search"
)

// ChunkShift groups postings of 4 096 consecutive document IDs into one block.
const ChunkShift = 12

// ChunkOf is the chunk a document's postings are kept in.
func ChunkOf(doc uint64) uint32 { return uint32(doc >> ChunkShift) }

// Forward is one document's analysis: field lengths, term counts, and its
// derived words with their stems.
type Forward struct {
	Lens     [2]uint32
	Terms    map[string][2]uint16
	Surfaces map[string]string
}

// Empty is the analysis of a document that no longer exists.
func Empty() *Forward { return &Forward{Terms: map[string][2]uint16{}} }

// ForwardOf analyses one document's text with w's memo (nil: an's shared one).
func ForwardOf(an *search.Analyzer, w *search.Worker, text [2]string) *Forward {
	if w == nil {
		w = an.SharedWorker()
	}
	w.Surfaces = map[string]string{}
	f := &Forward{Surfaces: w.Surfaces}
	f.Terms, f.Lens = w.Document(text)
	return f
}

// TermTF is one term of a stored forward entry: its number and counts per field.
type TermTF struct {
	ID uint32
	TF [2]uint16
}

// Stored is a forward entry as merged: terms by number, in increasing order.
// Posted are the field lengths whose norms the postings carry: a merge rewrites
// every posting of a document only when its length has moved more than a norm
// step from them, so a small edit rewrites only the terms it changed.
type Stored struct {
	Lens   [2]uint32
	Posted [2]uint32
	Terms  []TermTF
}

// Encode writes the entry: lengths, posted lengths, the number of terms, then
// per term the gap from the previous number and its two counts, all uvarints.
func (f *Stored) Encode() []byte {
	out := make([]byte, 0, 16+4*len(f.Terms))
	out = binary.AppendUvarint(out, uint64(f.Lens[0]))
	out = binary.AppendUvarint(out, uint64(f.Lens[1]))
	out = binary.AppendUvarint(out, uint64(f.Posted[0]))
	out = binary.AppendUvarint(out, uint64(f.Posted[1]))
	out = binary.AppendUvarint(out, uint64(len(f.Terms)))
	var prev uint32
	for _, t := range f.Terms {
		out = binary.AppendUvarint(out, uint64(t.ID-prev))
		out = binary.AppendUvarint(out, uint64(t.TF[0]))
		out = binary.AppendUvarint(out, uint64(t.TF[1]))
		prev = t.ID
	}
	return out
}

// DecodeStored reads what Encode wrote; false when raw is damaged.
func DecodeStored(raw []byte) (*Stored, bool) {
	r := NewReader(raw)
	f := &Stored{}
	f.Lens[0], f.Lens[1] = uint32(r.Uvarint()), uint32(r.Uvarint())
	f.Posted[0], f.Posted[1] = uint32(r.Uvarint()), uint32(r.Uvarint())
	n := r.Uvarint()
	if r.Bad() || n > uint64(len(raw)) {
		return nil, false
	}
	f.Terms = make([]TermTF, n)
	var id uint32
	for i := range f.Terms {
		id += uint32(r.Uvarint())
		f.Terms[i] = TermTF{ID: id, TF: [2]uint16{uint16(r.Uvarint()), uint16(r.Uvarint())}}
	}
	return f, !r.Bad()
}

// Reader reads uvarint-coded values from a byte slice; once a read fails, Bad
// stays true. The store's record values use it too.
type Reader struct {
	b   []byte
	bad bool
}

// NewReader reads b.
func NewReader(b []byte) *Reader { return &Reader{b: b} }

// Bad reports whether a read ran past the end or met a malformed number.
func (r *Reader) Bad() bool { return r.bad }

// Rest is what is left to read.
func (r *Reader) Rest() []byte { return r.b }

// Uvarint reads one unsigned varint.
func (r *Reader) Uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.bad = true
		return 0
	}
	r.b = r.b[n:]
	return v
}

// Bytes reads a length (uvarint) and that many bytes.
func (r *Reader) Bytes() []byte {
	n := r.Uvarint()
	if r.bad || uint64(len(r.b)) < n {
		r.bad = true
		return nil
	}
	v := r.b[:n]
	r.b = r.b[n:]
	return v
}

// Byte reads one byte.
func (r *Reader) Byte() byte {
	if len(r.b) == 0 {
		r.bad = true
		return 0
	}
	v := r.b[0]
	r.b = r.b[1:]
	return v
}

// DictValue is a dictionary entry's value: the term's number and its document
// frequency.
func DictValue(id uint32, df uint64) []byte {
	return binary.AppendUvarint(binary.BigEndian.AppendUint32(nil, id), df)
}

// ParseDict reads what DictValue wrote.
func ParseDict(v []byte) (id uint32, df uint64, ok bool) {
	if len(v) < 5 {
		return 0, 0, false
	}
	df, n := binary.Uvarint(v[4:])
	return binary.BigEndian.Uint32(v), df, n > 0
}

// AppendPosting appends one posting of a block, after the one for document prev:
// the document gap shifted left once (the low bit set when both counts fit in
// one byte), the counts, and the norm of each field the term occurs in.
func AppendPosting(out []byte, prev uint64, p search.Posting) []byte {
	gap := (p.Doc - prev) << 1
	if p.TF[0] < 16 && p.TF[1] < 16 {
		out = binary.AppendUvarint(out, gap|1)
		out = append(out, byte(p.TF[0]<<4|p.TF[1]))
	} else {
		out = binary.AppendUvarint(out, gap)
		out = binary.AppendUvarint(out, uint64(p.TF[0]))
		out = binary.AppendUvarint(out, uint64(p.TF[1]))
	}
	for f, tf := range p.TF {
		if tf > 0 {
			out = append(out, p.Norm[f])
		}
	}
	return out
}

// EncodeBlock writes a postings block: the count, then the postings in
// increasing document order.
func EncodeBlock(ps []search.Posting) []byte {
	out := binary.AppendUvarint(make([]byte, 0, 4+5*len(ps)), uint64(len(ps)))
	var prev uint64
	for _, p := range ps {
		out = AppendPosting(out, prev, p)
		prev = p.Doc
	}
	return out
}

// DecodeBlock appends the postings of raw to into; a damaged block ends early.
func DecodeBlock(raw []byte, into []search.Posting) []search.Posting {
	n, i := binary.Uvarint(raw)
	if i <= 0 || n > uint64(len(raw)) {
		return into
	}
	var doc uint64
	for ; n > 0; n-- {
		var p search.Posting
		gap, k := uvarintAt(raw, i)
		if k <= 0 {
			return into
		}
		i += k
		doc += gap >> 1
		p.Doc = doc
		if gap&1 == 1 {
			if i >= len(raw) {
				return into
			}
			p.TF = [2]uint16{uint16(raw[i] >> 4), uint16(raw[i] & 15)}
			i++
		} else {
			for f := range p.TF {
				tf, k := uvarintAt(raw, i)
				if k <= 0 {
					return into
				}
				p.TF[f] = uint16(tf)
				i += k
			}
		}
		for f, tf := range p.TF {
			if tf > 0 {
				if i >= len(raw) {
					return into
				}
				p.Norm[f] = raw[i]
				i++
			}
		}
		into = append(into, p)
	}
	return into
}

// uvarintAt decodes a uvarint at raw[i:], with a fast path for one byte.
func uvarintAt(raw []byte, i int) (uint64, int) {
	if i < len(raw) && raw[i] < 0x80 {
		return uint64(raw[i]), 1
	}
	if i >= len(raw) {
		return 0, 0
	}
	return binary.Uvarint(raw[i:])
}

// PostingOf is a document's posting for a term, with norms for the fields it occurs in.
func PostingOf(doc uint64, tf [2]uint16, norms [2]uint8) search.Posting {
	p := search.Posting{Doc: doc, TF: tf}
	for f := range tf {
		if tf[f] > 0 {
			p.Norm[f] = norms[f]
		}
	}
	return p
}

// NormSlack is how many norm steps a document's lengths may move before a merge
// rewrites all its postings with new norms.
const NormSlack = 1

// NormsDrifted reports whether lengths have moved more than slack norm steps
// from those the postings carry.
func NormsDrifted(posted, lens [2]uint32, slack int) bool {
	for f := range lens {
		if d := int(search.NormOf(lens[f])) - int(search.NormOf(posted[f])); d > slack || d < -slack {
			return true
		}
	}
	return false
}

// Change is one posting to write into, or remove from, a term's block.
type Change struct {
	Term   uint32
	P      search.Posting
	Remove bool
}

// Plan is what folding one pending document into the index changes.
type Plan struct {
	// Entry is the document's new forward entry (nil when it no longer exists).
	Entry *Stored
	// Changes are the postings to write or remove, by term number.
	Changes []Change
	// DF is each term's change in document frequency (+1 or -1).
	DF map[uint32]int
	// LenDelta is the change in the total length of each field.
	LenDelta [2]int64
}

// PlanMerge compares a document's merged entry prev (nil: never merged) with its
// analysis now, next (nil: the document no longer exists), numbering next's
// terms with number. A posting is rewritten only when it changes: postings keep
// the norms of the posted lengths until the lengths drift more than slack steps
// (NormSlack; 0 keeps norms exact, as a rebuild does).
func PlanMerge(doc uint64, prev *Stored, next *Forward, slack int, number func(term string) (uint32, error)) (*Plan, error) {
	merged := prev != nil
	if !merged {
		prev = &Stored{}
	}
	exists := next != nil
	if !exists {
		next = Empty()
	}
	cur := &Stored{Lens: next.Lens, Posted: prev.Posted, Terms: make([]TermTF, 0, len(next.Terms))}
	if !merged || NormsDrifted(prev.Posted, cur.Lens, slack) {
		cur.Posted = cur.Lens
	}
	for term, tf := range next.Terms {
		id, err := number(term)
		if err != nil {
			return nil, err
		}
		cur.Terms = append(cur.Terms, TermTF{id, tf})
	}
	slices.SortFunc(cur.Terms, func(x, y TermTF) int { return cmp.Compare(x.ID, y.ID) })
	p := &Plan{DF: map[uint32]int{}}
	for f := range p.LenDelta {
		p.LenDelta[f] = int64(cur.Lens[f]) - int64(prev.Lens[f])
	}
	if exists {
		p.Entry = cur
	}
	nextNorms, prevNorms := search.Norms(cur.Posted), search.Norms(prev.Posted)
	i, j := 0, 0
	for i < len(prev.Terms) || j < len(cur.Terms) {
		switch {
		case j == len(cur.Terms) || (i < len(prev.Terms) && prev.Terms[i].ID < cur.Terms[j].ID):
			p.Changes = append(p.Changes, Change{Term: prev.Terms[i].ID, P: search.Posting{Doc: doc}, Remove: true})
			p.DF[prev.Terms[i].ID]--
			i++
		case i == len(prev.Terms) || cur.Terms[j].ID < prev.Terms[i].ID:
			p.Changes = append(p.Changes, Change{Term: cur.Terms[j].ID, P: PostingOf(doc, cur.Terms[j].TF, nextNorms)})
			p.DF[cur.Terms[j].ID]++
			j++
		default:
			np, old := PostingOf(doc, cur.Terms[j].TF, nextNorms), PostingOf(doc, prev.Terms[i].TF, prevNorms)
			if np != old {
				p.Changes = append(p.Changes, Change{Term: cur.Terms[j].ID, P: np})
			}
			i++
			j++
		}
	}
	return p, nil
}

// Apply writes changes (in increasing document order) into the postings of one
// block, appending the result to out: a change replaces or removes the
// document's posting, or adds it in order.
func Apply(block []search.Posting, changes []Change, out []search.Posting) []search.Posting {
	i := 0
	for _, c := range changes {
		for i < len(block) && block[i].Doc < c.P.Doc {
			out = append(out, block[i])
			i++
		}
		if i < len(block) && block[i].Doc == c.P.Doc {
			i++ // replaced or removed
		}
		if !c.Remove {
			out = append(out, c.P)
		}
	}
	return append(out, block[i:]...)
}
