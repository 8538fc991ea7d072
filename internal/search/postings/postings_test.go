package postings

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"slices"
	"testing"

	"sepakat/internal/search"
)

// randomBlock makes n postings in increasing document order, with counts small
// and large, fields empty and not, and gaps up to 2^40.
func randomBlock(r *rand.Rand, n int) []search.Posting {
	ps := make([]search.Posting, n)
	var doc uint64
	for i := range ps {
		switch r.IntN(4) {
		case 0:
			doc += 1 + r.Uint64N(1<<40)
		default:
			doc += 1 + r.Uint64N(300)
		}
		var tf [2]uint16
		for tf == [2]uint16{} {
			for f := range tf {
				switch r.IntN(4) {
				case 0:
					tf[f] = 0
				case 1:
					tf[f] = uint16(r.IntN(16))
				case 2:
					tf[f] = uint16(16 + r.IntN(200))
				default:
					tf[f] = uint16(r.IntN(1 << 16))
				}
			}
		}
		ps[i] = PostingOf(doc, tf, [2]uint8{uint8(r.IntN(256)), uint8(r.IntN(256))})
	}
	return ps
}

func TestBlockRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{0, 1, 2, 15, 16, 17, 300, 4096} {
		for range 20 {
			ps := randomBlock(r, n)
			raw := EncodeBlock(ps)
			got := DecodeBlock(raw, nil)
			if !slices.Equal(got, ps) {
				t.Fatalf("n=%d: decoded %d postings differ from %d encoded", n, len(got), len(ps))
			}
			// Appending to a slice keeps what was there.
			head := []search.Posting{{Doc: 7}}
			if got := DecodeBlock(raw, head); len(got) != n+1 || got[0].Doc != 7 {
				t.Fatalf("into: %d postings, first %+v", len(got), got[0])
			}
		}
	}
}

func TestBlockEncoding(t *testing.T) {
	// Counts below 16 share one byte; norms follow for the fields present.
	ps := []search.Posting{
		{Doc: 3, TF: [2]uint16{1, 2}, Norm: [2]uint8{9, 40}},
		{Doc: 5, TF: [2]uint16{0, 20}, Norm: [2]uint8{0, 41}},
	}
	want := []byte{2, 3<<1 | 1, 0x12, 9, 40, 2 << 1, 0, 20, 41}
	if got := EncodeBlock(ps); !bytes.Equal(got, want) {
		t.Errorf("EncodeBlock = %v, want %v", got, want)
	}
	// A norm of a field the term is not in is not stored.
	p := PostingOf(8, [2]uint16{0, 1}, [2]uint8{5, 6})
	if p.Norm != [2]uint8{0, 6} {
		t.Errorf("PostingOf norms %v", p.Norm)
	}
}

func TestDamagedBlockEndsEarly(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	ps := randomBlock(r, 200)
	raw := EncodeBlock(ps)
	for cut := 0; cut < len(raw); cut++ {
		got := DecodeBlock(raw[:cut], nil)
		if len(got) >= len(ps) {
			t.Fatalf("cut at %d of %d: %d postings", cut, len(raw), len(got))
		}
		if !slices.Equal(got, ps[:len(got)]) {
			t.Fatalf("cut at %d: postings before the damage differ", cut)
		}
	}
	// A count larger than the block cannot hold reads nothing.
	if got := DecodeBlock([]byte{200, 1, 0}, nil); len(got) != 0 {
		t.Errorf("overlong count: %v", got)
	}
}

func FuzzDecodeBlock(f *testing.F) {
	r := rand.New(rand.NewPCG(5, 6))
	f.Add([]byte{})
	f.Add(EncodeBlock(randomBlock(r, 5)))
	f.Add([]byte{0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01})
	f.Fuzz(func(t *testing.T, raw []byte) {
		got := DecodeBlock(raw, nil)
		// Whatever decodes, encodes back to postings that decode the same.
		if again := DecodeBlock(EncodeBlock(got), nil); !slices.Equal(again, got) {
			t.Fatalf("re-encoded %v decodes as %v", got, again)
		}
	})
}

func randomStored(r *rand.Rand, n int) *Stored {
	f := &Stored{Lens: [2]uint32{r.Uint32(), uint32(r.IntN(5000))}, Posted: [2]uint32{r.Uint32N(100), r.Uint32()}}
	var id uint32
	for range n {
		id += 1 + r.Uint32N(1000)
		f.Terms = append(f.Terms, TermTF{ID: id, TF: [2]uint16{uint16(r.IntN(1 << 16)), uint16(r.IntN(20))}})
	}
	return f
}

func TestStoredRoundTrip(t *testing.T) {
	r := rand.New(rand.NewPCG(7, 8))
	for _, n := range []int{0, 1, 2, 100, 3000} {
		f := randomStored(r, n)
		if n > 0 {
			f.Terms[0].ID = 0 // term number 0 exists
		}
		raw := f.Encode()
		got, ok := DecodeStored(raw)
		if !ok || got.Lens != f.Lens || got.Posted != f.Posted || !slices.Equal(got.Terms, f.Terms) {
			t.Fatalf("n=%d: ok=%v, entry differs", n, ok)
		}
		// Every field is required: a cut entry is refused.
		for cut := 0; cut < len(raw); cut++ {
			if _, ok := DecodeStored(raw[:cut]); ok {
				t.Fatalf("n=%d: entry cut at %d of %d accepted", n, cut, len(raw))
			}
		}
	}
}

func FuzzDecodeStored(f *testing.F) {
	f.Add(randomStored(rand.New(rand.NewPCG(9, 10)), 4).Encode())
	f.Add([]byte{1, 2, 3, 4, 0xff, 0xff, 0xff, 0xff, 0x0f})
	f.Fuzz(func(t *testing.T, raw []byte) {
		e, ok := DecodeStored(raw)
		if !ok {
			return
		}
		again, ok := DecodeStored(e.Encode())
		if !ok || again.Lens != e.Lens || again.Posted != e.Posted || !slices.Equal(again.Terms, e.Terms) {
			t.Fatalf("%v: re-encoded entry differs", raw)
		}
	})
}

func TestDict(t *testing.T) {
	for _, c := range []struct {
		id uint32
		df uint64
	}{{0, 0}, {1, 1}, {1<<32 - 1, 1<<64 - 1}, {70000, 300}} {
		id, df, ok := ParseDict(DictValue(c.id, c.df))
		if !ok || id != c.id || df != c.df {
			t.Errorf("%+v: got %d %d %v", c, id, df, ok)
		}
	}
	for _, bad := range [][]byte{nil, {0, 0, 0, 1}, {0, 0, 0, 1, 0x80}} {
		if _, _, ok := ParseDict(bad); ok {
			t.Errorf("%v accepted", bad)
		}
	}
}

func TestChunks(t *testing.T) {
	if ChunkOf(0) != 0 || ChunkOf(4095) != 0 || ChunkOf(4096) != 1 || ChunkOf(1<<40) != 1<<28 {
		t.Error("chunks of 4 096 documents")
	}
}

// model is an index kept by PlanMerge and Apply: postings by term number.
type model struct {
	blocks map[uint32][]search.Posting
	df     map[uint32]int
	stored map[uint64]*Stored
	lens   [2]int64
	ids    map[string]uint32
}

func (m *model) number(term string) (uint32, error) {
	if id, ok := m.ids[term]; ok {
		return id, nil
	}
	id := uint32(len(m.ids)) * 3 // numbers need not be dense
	m.ids[term] = id
	return id, nil
}

func (m *model) merge(t *testing.T, doc uint64, next *Forward, slack int) {
	t.Helper()
	prev := m.stored[doc]
	if prev != nil { // as stored: through the encoding
		var ok bool
		if prev, ok = DecodeStored(prev.Encode()); !ok {
			t.Fatal("stored entry does not decode")
		}
	}
	p, err := PlanMerge(doc, prev, next, slack, m.number)
	if err != nil {
		t.Fatal(err)
	}
	byTerm := map[uint32][]Change{}
	for _, c := range p.Changes {
		byTerm[c.Term] = append(byTerm[c.Term], c)
	}
	for term, chs := range byTerm {
		m.blocks[term] = Apply(m.blocks[term], chs, nil)
	}
	for term, d := range p.DF {
		m.df[term] += d
	}
	for f := range m.lens {
		m.lens[f] += p.LenDelta[f]
	}
	if p.Entry == nil {
		delete(m.stored, doc)
	} else {
		m.stored[doc] = p.Entry
	}
}

// randomForward analyses a made-up document: terms from a small vocabulary.
func randomForward(r *rand.Rand) *Forward {
	f := &Forward{Terms: map[string][2]uint16{}}
	for range r.IntN(12) {
		term := fmt.Sprintf("t%d", r.IntN(30))
		tf := f.Terms[term]
		field := r.IntN(2)
		tf[field] += uint16(1 + r.IntN(3))
		f.Terms[term] = tf
	}
	for _, tf := range f.Terms {
		f.Lens[0] += uint32(tf[0])
		f.Lens[1] += uint32(tf[1])
	}
	f.Lens[1] += uint32(r.IntN(3) * r.IntN(100)) // stopwords count in lengths
	return f
}

// Folding random versions of random documents in, one at a time, leaves the
// postings a build from the last versions would hold: the same documents and
// counts, norms within slack steps (exact with slack 0), document frequencies
// and total lengths.
func TestPlanMergeMatchesBuild(t *testing.T) {
	for _, slack := range []int{0, NormSlack} {
		for seed := range uint64(20) {
			r := rand.New(rand.NewPCG(seed, 11))
			m := &model{blocks: map[uint32][]search.Posting{}, df: map[uint32]int{}, stored: map[uint64]*Stored{}, ids: map[string]uint32{}}
			now := map[uint64]*Forward{}
			for range 300 {
				doc := uint64(1 + r.IntN(40))
				if r.IntN(6) == 0 {
					doc += 5000 // another chunk
				}
				var next *Forward
				if r.IntN(8) != 0 {
					next = randomForward(r)
					now[doc] = next
				} else {
					delete(now, doc)
				}
				m.merge(t, doc, next, slack)
			}
			// What a build from the last versions holds.
			want := map[uint32][]search.Posting{}
			var lens [2]int64
			docs := slices.Sorted(func(yield func(uint64) bool) {
				for d := range now {
					if !yield(d) {
						return
					}
				}
			})
			for _, d := range docs {
				f := now[d]
				for term, tf := range f.Terms {
					id, _ := m.number(term)
					want[id] = append(want[id], PostingOf(d, tf, search.Norms(f.Lens)))
				}
				lens[0] += int64(f.Lens[0])
				lens[1] += int64(f.Lens[1])
			}
			if m.lens != lens {
				t.Fatalf("slack %d seed %d: lengths %v, want %v", slack, seed, m.lens, lens)
			}
			for term, ps := range m.blocks {
				if len(ps) == 0 && len(want[term]) == 0 {
					continue
				}
				if m.df[term] != len(want[term]) {
					t.Fatalf("slack %d seed %d: term %d df %d, want %d", slack, seed, term, m.df[term], len(want[term]))
				}
				if len(ps) != len(want[term]) {
					t.Fatalf("slack %d seed %d: term %d has %d postings, want %d", slack, seed, term, len(ps), len(want[term]))
				}
				for i, p := range ps {
					w := want[term][i]
					if p.Doc != w.Doc || p.TF != w.TF {
						t.Fatalf("slack %d seed %d: term %d posting %+v, want %+v", slack, seed, term, p, w)
					}
					for f := range p.Norm {
						if d := int(p.Norm[f]) - int(w.Norm[f]); d > slack || d < -slack {
							t.Fatalf("slack %d seed %d: term %d posting %+v, want norms %v", slack, seed, term, p, w.Norm)
						}
					}
				}
			}
			for term, ps := range want {
				if len(m.blocks[term]) != len(ps) {
					t.Fatalf("slack %d seed %d: term %d missing", slack, seed, term)
				}
			}
		}
	}
}

// A small edit rewrites only the postings it changes.
func TestPlanMergeWritesOnlyChanges(t *testing.T) {
	ids := map[string]uint32{"a": 1, "b": 2, "c": 3}
	number := func(s string) (uint32, error) { return ids[s], nil }
	v1 := &Forward{Lens: [2]uint32{40, 100}, Terms: map[string][2]uint16{"a": {1, 0}, "b": {0, 2}}}
	p1, _ := PlanMerge(9, nil, v1, NormSlack, number)
	if len(p1.Changes) != 2 || p1.DF[1] != 1 || p1.DF[2] != 1 || p1.Entry.Posted != v1.Lens {
		t.Fatalf("first merge: %+v", p1)
	}
	// One more body word, within a norm step: only b's posting changes, with the old norms.
	v2 := &Forward{Lens: [2]uint32{40, 101}, Terms: map[string][2]uint16{"a": {1, 0}, "b": {0, 3}}}
	p2, _ := PlanMerge(9, p1.Entry, v2, NormSlack, number)
	if len(p2.Changes) != 1 || p2.Changes[0].Term != 2 || p2.Changes[0].P.TF != [2]uint16{0, 3} ||
		p2.Changes[0].P.Norm[1] != search.NormOf(100) || len(p2.DF) != 0 || p2.LenDelta != [2]int64{0, 1} {
		t.Fatalf("small edit: %+v", p2)
	}
	// Never merged: postings carry the lengths' own norms, even the shortest.
	if p, _ := PlanMerge(10, nil, &Forward{Lens: [2]uint32{1, 0}, Terms: map[string][2]uint16{"c": {1, 0}}}, NormSlack, number); p.Entry.Posted != [2]uint32{1, 0} || p.Changes[0].P.Norm[0] != 1 {
		t.Fatalf("new document: %+v", p)
	}
	// Removed: every posting goes, the entry too.
	p3, _ := PlanMerge(9, p2.Entry, nil, NormSlack, number)
	if p3.Entry != nil || len(p3.Changes) != 2 || !p3.Changes[0].Remove || p3.DF[1] != -1 || p3.LenDelta != [2]int64{-40, -101} {
		t.Fatalf("removal: %+v", p3)
	}
}

func TestApply(t *testing.T) {
	block := []search.Posting{{Doc: 2}, {Doc: 5}, {Doc: 9}}
	got := Apply(block, []Change{
		{P: search.Posting{Doc: 1, TF: [2]uint16{1, 0}}},
		{P: search.Posting{Doc: 5}, Remove: true},
		{P: search.Posting{Doc: 9, TF: [2]uint16{0, 4}}},
		{P: search.Posting{Doc: 12, TF: [2]uint16{2, 0}}},
		{P: search.Posting{Doc: 13}, Remove: true}, // not there: nothing to do
	}, nil)
	want := []search.Posting{{Doc: 1, TF: [2]uint16{1, 0}}, {Doc: 2}, {Doc: 9, TF: [2]uint16{0, 4}}, {Doc: 12, TF: [2]uint16{2, 0}}}
	if !slices.Equal(got, want) {
		t.Errorf("Apply = %v", got)
	}
}

func TestForwardOf(t *testing.T) {
	an, err := search.Shipped()
	if err != nil {
		t.Fatal(err)
	}
	f := ForwardOf(an, nil, [2]string{"Pelayanan Perizinan", "perizinan dan pelayanan publik"})
	if f.Terms["izin"] != [2]uint16{1, 1} || f.Lens[0] != 2 {
		t.Errorf("terms %v, lengths %v", f.Terms, f.Lens)
	}
	if f.Surfaces["perizinan"] != "izin" {
		t.Errorf("derived words %v", f.Surfaces)
	}
}

func TestReader(t *testing.T) {
	raw := binary.AppendUvarint(nil, 300)
	raw = binary.AppendUvarint(raw, 3)
	raw = append(raw, "abc"...)
	raw = append(raw, 7, 'z')
	r := NewReader(raw)
	if v, b, c := r.Uvarint(), r.Bytes(), r.Byte(); v != 300 || string(b) != "abc" || c != 7 || r.Bad() {
		t.Fatalf("read %d %q %d, bad %v", v, b, c, r.Bad())
	}
	if string(r.Rest()) != "z" {
		t.Errorf("rest %q", r.Rest())
	}
	// A length past the end is bad, and stays bad.
	r = NewReader(binary.AppendUvarint(nil, 5))
	if b := r.Bytes(); b != nil || !r.Bad() {
		t.Errorf("short bytes %q, bad %v", b, r.Bad())
	}
	r = NewReader([]byte{0x80}) // an unfinished varint
	if v := r.Uvarint(); v != 0 || !r.Bad() {
		t.Errorf("unfinished varint %d, bad %v", v, r.Bad())
	}
	if r := NewReader(nil); r.Byte() != 0 || !r.Bad() {
		t.Error("a byte read from nothing")
	}
}
