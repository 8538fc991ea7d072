package docx

import (
	"strings"
)

// ChangeKind is what a change does.
type ChangeKind string

const (
	Changed        ChangeKind = "ubah"     // a paragraph's words changed
	Added          ChangeKind = "tambah"   // a paragraph (or a whole pasal) added
	Removed        ChangeKind = "hapus"    // a paragraph (or a whole pasal) removed
	HeadingChanged ChangeKind = "judul"    // a pasal's heading renamed
	Commented      ChangeKind = "komentar" // a comment of the partner
)

// Op is what happened to a word.
type Op int

const (
	Same Op = iota
	Insert
	Delete
)

// Word is one word of a word-level comparison.
type Word struct {
	Op   Op
	Text string
}

// Change is one difference between our text and theirs.
type Change struct {
	// Pasal is the block: "Pasal 3" (our number when the pasal is ours),
	// "Pembukaan", "Judul", …
	Pasal string
	// Where is the paragraph in the block: its labels ("(2) b."), "" for
	// the block's heading or for running text; Index counts its place.
	Where string
	Kind  ChangeKind
	// Ours and Theirs are the paragraph's (or heading's) text on each side;
	// a comment's text is in Theirs.
	Ours, Theirs string
	// Words marks the inserted and deleted words of a Changed paragraph.
	Words []Word
	// Author is who made a tracked change or a comment.
	Author string
	// Tracked is true when the partner's file records the change as a
	// tracked change (a proposal), not as plain edited text.
	Tracked bool
	// Whole is true when a whole pasal (or part) was added or removed.
	Whole bool
}

// Compare lists the differences between our outline and theirs, pasal by
// pasal in our order, paragraph by paragraph, word by word. Pasal are
// matched by heading (so a renumbered pasal is the same pasal), then by
// number, then by content; paragraphs by text, then by likeness.
func Compare(ours, theirs Outline) []Change {
	if !theirs.Styled && ours.Styled {
		ours = ours.unstyled()
	}
	if !ours.Styled && theirs.Styled {
		theirs = theirs.unstyled()
	}
	var out []Change
	pairs := alignBlocks(ours.Blocks, theirs.Blocks)
	for _, p := range pairs {
		switch {
		case p.a == nil:
			b := p.b
			out = append(out, Change{Pasal: b.Key, Kind: Added, Whole: true, Theirs: blockText(*b), Tracked: tracked(b.Units), Author: author(b.Units)})
			out = append(out, comments(b.Key, b.Comments)...)
		case p.b == nil:
			out = append(out, Change{Pasal: p.a.Key, Kind: Removed, Whole: true, Ours: blockText(*p.a)})
		default:
			out = append(out, compareBlock(*p.a, *p.b)...)
		}
	}
	return out
}

func comments(key string, cs []Comment) []Change {
	var out []Change
	for _, c := range cs {
		out = append(out, Change{Pasal: key, Where: c.Path, Kind: Commented, Theirs: c.Text, Author: c.Author})
	}
	return out
}

func blockText(b Block) string {
	var parts []string
	if b.Heading != "" {
		parts = append(parts, b.Heading)
	}
	for _, u := range b.Units {
		parts = append(parts, strings.TrimSpace(u.Label+" "+u.Text))
	}
	return strings.Join(parts, "\n")
}

func tracked(us []Unit) bool {
	for _, u := range us {
		if len(u.Revisions) > 0 {
			return true
		}
	}
	return false
}

func author(us []Unit) string {
	for _, u := range us {
		for _, r := range u.Revisions {
			if r.Author != "" {
				return r.Author
			}
		}
	}
	return ""
}

func compareBlock(a, b Block) []Change {
	var out []Change
	if norm(a.Heading) != norm(b.Heading) {
		out = append(out, Change{Pasal: a.Key, Kind: HeadingChanged, Ours: a.Heading, Theirs: b.Heading, Words: diffWords(a.Heading, b.Heading)})
	}
	for _, p := range alignUnits(a.Units, b.Units) {
		switch {
		case p.a == nil:
			out = append(out, Change{Pasal: a.Key, Where: p.b.Path, Kind: Added, Theirs: p.b.Text,
				Tracked: len(p.b.Revisions) > 0, Author: author([]Unit{*p.b})})
		case p.b == nil:
			out = append(out, Change{Pasal: a.Key, Where: p.a.Path, Kind: Removed, Ours: p.a.Text})
		case norm(p.a.Text) != norm(p.b.Text):
			out = append(out, Change{Pasal: a.Key, Where: p.a.Path, Kind: Changed, Ours: p.a.Text, Theirs: p.b.Text,
				Words: diffWords(p.a.Text, p.b.Text), Tracked: len(p.b.Revisions) > 0, Author: author([]Unit{*p.b})})
		}
	}
	return append(out, comments(a.Key, b.Comments)...)
}

// norm is text as compared: white space collapsed, typographic quotes and
// dashes as typed.
func norm(s string) string { return normSpace(typed.Replace(s)) }

// typed turns typographic marks into what a keyboard types (read only).
var typed = strings.NewReplacer("\u201c", `"`, "\u201d", `"`, "\u2018", "'", "\u2019", "'", "\u2013", "-", "\u2014", "-", "\u00ad", "")

type pair[T any] struct{ a, b *T }

// align matches two sequences: first the longest common subsequence of
// items with the same key (key "" matches nothing), then, in each gap between those, items that are
// alike (like > 0), best first in order; the rest stand alone.
func align[T any](as, bs []T, key func(*T) string, like func(a, b *T) float64) []pair[T] {
	n, m := len(as), len(bs)
	ka, kb := make([]string, n), make([]string, m)
	for i := range as {
		ka[i] = key(&as[i])
	}
	for j := range bs {
		kb[j] = key(&bs[j])
	}
	same := func(i, j int) bool { return ka[i] != "" && ka[i] == kb[j] }
	// LCS table, from the end.
	l := make([][]int32, n+1)
	for i := range l {
		l[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if same(i, j) {
				l[i][j] = l[i+1][j+1] + 1
			} else {
				l[i][j] = max(l[i+1][j], l[i][j+1])
			}
		}
	}
	var out []pair[T]
	gapA, gapB := []int{}, []int{}
	flush := func() {
		out = append(out, pairGap(as, bs, gapA, gapB, like)...)
		gapA, gapB = gapA[:0], gapB[:0]
	}
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case same(i, j):
			flush()
			out = append(out, pair[T]{&as[i], &bs[j]})
			i++
			j++
		case l[i+1][j] >= l[i][j+1]:
			gapA = append(gapA, i)
			i++
		default:
			gapB = append(gapB, j)
			j++
		}
	}
	for ; i < n; i++ {
		gapA = append(gapA, i)
	}
	for ; j < m; j++ {
		gapB = append(gapB, j)
	}
	flush()
	return out
}

// pairGap pairs the items of a gap that are alike, keeping their order.
func pairGap[T any](as, bs []T, ga, gb []int, like func(a, b *T) float64) []pair[T] {
	var out []pair[T]
	k := 0
	for _, i := range ga {
		best, bestScore := -1, 0.0
		for x := k; x < len(gb); x++ {
			if s := like(&as[i], &bs[gb[x]]); s > bestScore {
				best, bestScore = x, s
			}
		}
		if best < 0 {
			out = append(out, pair[T]{&as[i], nil})
			continue
		}
		for ; k < best; k++ {
			out = append(out, pair[T]{nil, &bs[gb[k]]})
		}
		out = append(out, pair[T]{&as[i], &bs[gb[best]]})
		k = best + 1
	}
	for ; k < len(gb); k++ {
		out = append(out, pair[T]{nil, &bs[gb[k]]})
	}
	return out
}

func alignBlocks(as, bs []Block) []pair[Block] {
	// A pasal or BAB is the same by its heading (by its number when it has
	// none); the parts outside the pasal by their names.
	key := func(b *Block) string {
		kind, _, _ := strings.Cut(b.Key, " ")
		if !b.IsPasal() && kind != "BAB" {
			return b.Key
		}
		if h := norm(strings.ToUpper(b.Heading)); h != "" {
			return kind + "\x00" + h
		}
		return b.Key
	}
	like := func(a, b *Block) float64 {
		if a.IsPasal() != b.IsPasal() || (!a.IsPasal() && !strings.HasPrefix(a.Key, "BAB ") && a.Key != b.Key) {
			return 0
		}
		s := likeness(blockText(*a), blockText(*b))
		if a.Key == b.Key {
			s += 1 // the same number: the pasal renamed or rewritten
		}
		if s < 0.5 {
			return 0
		}
		return s
	}
	return align(as, bs, key, like)
}

func alignUnits(as, bs []Unit) []pair[Unit] {
	key := func(u *Unit) string { return norm(u.Text) }
	like := func(a, b *Unit) float64 {
		s := likeness(a.Text, b.Text)
		if a.Path == b.Path && a.Path != "" {
			s += 0.2
		}
		if s < 0.5 {
			return 0
		}
		return s
	}
	return align(as, bs, key, like)
}

// likeness is the Dice coefficient of two texts' words: 1 for the same
// words, 0 for none in common.
func likeness(a, b string) float64 {
	wa, wb := strings.Fields(strings.ToLower(norm(a))), strings.Fields(strings.ToLower(norm(b)))
	if len(wa)+len(wb) == 0 {
		return 1
	}
	count := map[string]int{}
	for _, w := range wa {
		count[w]++
	}
	common := 0
	for _, w := range wb {
		if count[w] > 0 {
			count[w]--
			common++
		}
	}
	return 2 * float64(common) / float64(len(wa)+len(wb))
}

// maxDiffCells bounds the word comparison of one paragraph pair; past it the
// middle is shown as deleted and inserted whole.
const maxDiffCells = 4_000_000

// diffWords compares two texts word by word.
func diffWords(a, b string) []Word {
	wa, wb := strings.Fields(norm(a)), strings.Fields(norm(b))
	var head, tail []Word
	for len(wa) > 0 && len(wb) > 0 && wa[0] == wb[0] {
		head = append(head, Word{Same, wa[0]})
		wa, wb = wa[1:], wb[1:]
	}
	for len(wa) > 0 && len(wb) > 0 && wa[len(wa)-1] == wb[len(wb)-1] {
		tail = append(tail, Word{Same, wa[len(wa)-1]})
		wa, wb = wa[:len(wa)-1], wb[:len(wb)-1]
	}
	out := head
	if len(wa)*len(wb) > maxDiffCells {
		for _, w := range wa {
			out = append(out, Word{Delete, w})
		}
		for _, w := range wb {
			out = append(out, Word{Insert, w})
		}
	} else {
		out = append(out, lcsWords(wa, wb)...)
	}
	for i := len(tail) - 1; i >= 0; i-- {
		out = append(out, tail[i])
	}
	return out
}

func lcsWords(a, b []string) []Word {
	n, m := len(a), len(b)
	l := make([][]int32, n+1)
	for i := range l {
		l[i] = make([]int32, m+1)
	}
	for i := n - 1; i >= 0; i-- {
		for j := m - 1; j >= 0; j-- {
			if a[i] == b[j] {
				l[i][j] = l[i+1][j+1] + 1
			} else {
				l[i][j] = max(l[i+1][j], l[i][j+1])
			}
		}
	}
	var out []Word
	i, j := 0, 0
	for i < n && j < m {
		switch {
		case a[i] == b[j]:
			out = append(out, Word{Same, a[i]})
			i++
			j++
		case l[i+1][j] >= l[i][j+1]:
			out = append(out, Word{Delete, a[i]})
			i++
		default:
			out = append(out, Word{Insert, b[j]})
			j++
		}
	}
	for ; i < n; i++ {
		out = append(out, Word{Delete, a[i]})
	}
	for ; j < m; j++ {
		out = append(out, Word{Insert, b[j]})
	}
	return out
}

// Marked writes a word comparison as text, inserted words as [+word+] and
// deleted ones as [-word-].
func Marked(ws []Word) string {
	var b strings.Builder
	for i, w := range ws {
		if i > 0 {
			b.WriteByte(' ')
		}
		switch w.Op {
		case Insert:
			b.WriteString("[+" + w.Text + "+]")
		case Delete:
			b.WriteString("[-" + w.Text + "-]")
		default:
			b.WriteString(w.Text)
		}
	}
	return b.String()
}
