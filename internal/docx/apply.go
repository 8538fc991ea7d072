package docx

import (
	"encoding/json"
	"sort"
	"strconv"
	"strings"

	"sepakat/internal/agreement"
	"sepakat/internal/naskah"
)

// Applicable reports whether a change can be taken into the agreement's text
// by Apply: the pasal, their headings, ayat and points, and the premises. The
// title, numbers, opening, legal bases and closing follow the records
// (parties, dates, numbers) and are changed there; comments are read, not
// applied.
func Applicable(c Change) bool {
	if c.Kind == Commented {
		return false
	}
	if c.Pasal == BlockPremis {
		// A premise ("a.", "b." …); the sentence before them is the template's.
		_, ok := premiseIndex(c.Where)
		return ok && !c.Whole
	}
	return strings.HasPrefix(c.Pasal, "Pasal ")
}

// premiseIndex is the place of a premise labelled "a.", "b." … "aa." in the
// list.
func premiseIndex(where string) (int, bool) {
	body, ok := strings.CutSuffix(where, ".")
	if !ok || body == "" || strings.Trim(body, string(body[0])) != "" || body[0] < 'a' || body[0] > 'z' {
		return 0, false
	}
	return int(body[0]-'a') + 26*(len(body)-1), true
}

// applyPremises takes the accepted changes of the premises into a.Premises.
// The printed list may begin with the citation of the parent agreement (from
// the records, not applied) and leaves out blank premises; each premise is
// kept without its closing punctuation, which naskah adds by its place.
func applyPremises(a *agreement.Agreement, cs []Change) (applied []Change) {
	if len(cs) == 0 {
		return nil
	}
	offset := 0
	if lib, err := naskah.Shipped(); err == nil && (a.Parent != nil || a.ParentID != 0) && lib.Templates[a.Kind].ParentCite != "" {
		offset = 1
	}
	// printed[i] is the index in a.Premises of the i-th printed premise.
	var printed []int
	for i := 0; i < offset; i++ {
		printed = append(printed, -1)
	}
	for i, p := range a.Premises {
		if strings.TrimSpace(p) != "" {
			printed = append(printed, i)
		}
	}
	bare := func(t string) string { return strings.TrimRight(strings.TrimSpace(t), ";.,") }
	premises := append([]string(nil), a.Premises...)
	removed := map[int]bool{}
	added := map[int][]string{}
	for _, c := range cs {
		i, _ := premiseIndex(c.Where)
		switch {
		case c.Kind == Added:
			at := len(premises)
			if i < len(printed) {
				at = max(printed[i], 0)
			}
			added[at] = append(added[at], bare(c.Theirs))
		case i >= len(printed) || printed[i] < 0:
			continue // the parent's citation, or no longer there
		case c.Kind == Changed:
			premises[printed[i]] = bare(c.Theirs)
		case c.Kind == Removed:
			removed[printed[i]] = true
		default:
			continue
		}
		applied = append(applied, c)
	}
	var out []string
	for i := 0; i <= len(premises); i++ {
		out = append(out, added[i]...)
		if i < len(premises) && !removed[i] {
			out = append(out, premises[i])
		}
	}
	a.Premises = out
	return applied
}

// target is where a change of the printed text lands in the agreement's body.
type target struct {
	pasal *agreement.Node // the pasal node
	base  *agreement.Node // the node whose Text prints as the pasal's intro
	// nodes by path ("(2) b."), with their parent's children and index.
	nodes map[string]place
	// top is where the pasal node stands in the body.
	top place
	// depth is that of base's children.
	depth int
}

type place struct {
	node   *agreement.Node
	parent *[]agreement.Node
	index  int
	depth  int // of parent: 0 for the body
}

// removedKind marks a node to drop, until prune drops it.
const removedKind agreement.NodeKind = "\x00dihapus"

// Apply takes the accepted changes into a copy of a's body, the way naskah
// prints it ("Pasal N" numbers the pasal in order, BAB or not; labels number
// ayat, points and sub-points). It returns the changes applied; the rest (not
// Applicable, or no longer matching the body) are left out.
func Apply(a *agreement.Agreement, accepted []Change) (applied []Change) {
	body := cloneBody(a.Body)
	targets := indexBody(body)
	type insertion struct {
		parent *[]agreement.Node
		depth  int
		index  int
		node   agreement.Node
		order  int
	}
	var inserts []insertion
	removed := 0
	var premises []Change
	for i, c := range accepted {
		if !Applicable(c) {
			continue
		}
		if c.Pasal == BlockPremis {
			premises = append(premises, c)
			continue
		}
		t, ok := targets[c.Pasal]
		switch {
		case c.Kind == Added && c.Whole:
			// A new pasal: after the pasal numbered before it, or at the end.
			n, _ := strconv.Atoi(strings.TrimPrefix(c.Pasal, "Pasal "))
			parent, depth, index := &body, 0, len(body)
			if prev, ok := targets["Pasal "+strconv.Itoa(n-1)]; ok {
				parent, depth, index = prev.top.parent, prev.top.depth, prev.top.index+1
			}
			inserts = append(inserts, insertion{parent, depth, index, pasalOf(c.Theirs), i})
			applied = append(applied, c)
			continue
		case !ok:
			continue
		}
		switch c.Kind {
		case HeadingChanged:
			t.pasal.Heading = c.Theirs
		case Changed:
			if c.Where == "" {
				t.base.Text = c.Theirs
			} else if p, ok := t.nodes[c.Where]; ok {
				p.node.Text = c.Theirs
			} else {
				continue
			}
		case Removed:
			switch p, ok := t.nodes[c.Where]; {
			case c.Whole:
				t.pasal.Kind = removedKind
			case c.Where == "":
				t.base.Text = ""
			case ok:
				p.node.Kind = removedKind
			default:
				continue
			}
			removed++
		case Added:
			if c.Where == "" || c.Where == "•" {
				if strings.TrimSpace(t.base.Text) != "" {
					continue
				}
				t.base.Text = c.Theirs
				break
			}
			parentPath, label := splitPath(c.Where)
			parent, depth := &t.base.Children, t.depth
			if parentPath != "" {
				p, ok := t.nodes[parentPath]
				if !ok {
					continue
				}
				parent, depth = &p.node.Children, p.depth+1
			}
			kind := kindOf(label)
			inserts = append(inserts, insertion{parent, depth, positionFor(*parent, kind, label), agreement.Node{Kind: kind, Text: c.Theirs}, i})
		default:
			continue
		}
		applied = append(applied, c)
	}
	// Deeper lists first (an insertion moves its list, and the lists inside
	// its items with it), and in each list from the back, so that each index
	// still means the sibling it was computed from.
	lists := map[*[]agreement.Node]int{}
	for _, in := range inserts {
		if _, ok := lists[in.parent]; !ok {
			lists[in.parent] = len(lists)
		}
	}
	sort.SliceStable(inserts, func(i, j int) bool {
		a, b := inserts[i], inserts[j]
		switch {
		case a.depth != b.depth:
			return a.depth > b.depth
		case lists[a.parent] != lists[b.parent]:
			return lists[a.parent] < lists[b.parent]
		case a.index != b.index:
			return a.index > b.index
		}
		return a.order > b.order
	})
	for _, in := range inserts {
		s := *in.parent
		idx := min(in.index, len(s))
		s = append(s, agreement.Node{})
		copy(s[idx+1:], s[idx:])
		s[idx] = in.node
		*in.parent = s
	}
	if removed > 0 {
		body = prune(body)
	}
	a.Body = body
	return append(applied, applyPremises(a, premises)...)
}

func cloneBody(body []agreement.Node) []agreement.Node {
	raw, _ := json.Marshal(body)
	var out []agreement.Node
	_ = json.Unmarshal(raw, &out)
	return out
}

// indexBody numbers the pasal and their items as naskah prints them.
func indexBody(body []agreement.Node) map[string]target {
	out := map[string]target{}
	n := 0
	var visit func(list *[]agreement.Node, depth int)
	visit = func(list *[]agreement.Node, depth int) {
		for i := range *list {
			node := &(*list)[i]
			if node.Kind == agreement.NodeBab {
				visit(&node.Children, depth+1)
				continue
			}
			n++
			t := target{pasal: node, base: node, nodes: map[string]place{}, top: place{node, list, i, depth}}
			// A pasal of one ayat without text of its own prints the ayat as
			// its text and the ayat's items as its items.
			if len(node.Children) == 1 && node.Children[0].Kind == agreement.NodeAyat && strings.TrimSpace(node.Text) == "" {
				t.base = &node.Children[0]
			}
			t.depth = depth + 1
			if t.base != node {
				t.depth++
			}
			indexItems(&t.base.Children, "", t.depth, t.nodes)
			out["Pasal "+strconv.Itoa(n)] = t
		}
	}
	visit(&body, 0)
	// Roman numbering ("Pasal I") is an Adendum's: the same pasal by number.
	for k, t := range out {
		n, _ := strconv.Atoi(strings.TrimPrefix(k, "Pasal "))
		out["Pasal "+roman(n)] = t
	}
	return out
}

func indexItems(list *[]agreement.Node, path string, depth int, into map[string]place) {
	ayat, butir, sub := 0, 0, 0
	for i := range *list {
		node := &(*list)[i]
		var label string
		switch node.Kind {
		case agreement.NodeAyat:
			ayat++
			label = "(" + strconv.Itoa(ayat) + ")"
		case agreement.NodePoint:
			label = letter(butir) + "."
			butir++
		default:
			sub++
			label = strconv.Itoa(sub) + ")"
		}
		p := strings.TrimSpace(path + " " + label)
		into[p] = place{node, list, i, depth}
		indexItems(&node.Children, p, depth+1, into)
	}
}

func letter(i int) string { return strings.Repeat(string(rune('a'+i%26)), i/26+1) }

func roman(n int) string {
	vals := []int{1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1}
	syms := []string{"M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"}
	var b strings.Builder
	for i, v := range vals {
		for n >= v {
			b.WriteString(syms[i])
			n -= v
		}
	}
	return b.String()
}

func splitPath(path string) (parent, label string) {
	i := strings.LastIndex(path, " ")
	if i < 0 {
		return "", path
	}
	return path[:i], path[i+1:]
}

// kindOf is the node kind a label prints for.
func kindOf(label string) agreement.NodeKind {
	switch labelKind(label) {
	case 1:
		return agreement.NodeAyat
	case 2:
		return agreement.NodePoint
	}
	return agreement.NodeSubPoint
}

// positionFor is where an item labelled label goes among siblings: before
// the sibling of its kind now holding that number, else after the last of
// its kind.
func positionFor(siblings []agreement.Node, kind agreement.NodeKind, label string) int {
	want := 0
	switch kind {
	case agreement.NodeAyat:
		want, _ = strconv.Atoi(strings.Trim(label, "()"))
	case agreement.NodePoint:
		want = int(label[0]-'a') + 1 + 26*(len(strings.TrimSuffix(label, "."))-1)
	default:
		want, _ = strconv.Atoi(strings.TrimSuffix(label, ")"))
	}
	seen, last := 0, -1
	for i, s := range siblings {
		if s.Kind != kind {
			continue
		}
		seen++
		if seen == want {
			return i
		}
		last = i
	}
	if last < 0 {
		return len(siblings)
	}
	return last + 1
}

// pasalOf makes a pasal node of a whole added pasal as Compare gives it: a
// heading line, then its paragraphs with their labels.
func pasalOf(text string) agreement.Node {
	lines := strings.Split(text, "\n")
	node := agreement.Node{Kind: agreement.NodePasal}
	if len(lines) > 0 && isUpper(lines[0]) && itemLabel.FindString(lines[0]) == "" {
		node.Heading, lines = lines[0], lines[1:]
	}
	var stack []*[]agreement.Node
	var kinds []int
	for _, l := range lines {
		label := strings.TrimSpace(itemLabel.FindString(l))
		if label == "" {
			node.Text = strings.TrimSpace(node.Text + " " + l)
			continue
		}
		k := labelKind(label)
		list := &node.Children
		for d := range kinds {
			if kinds[d] == k {
				stack, kinds = stack[:d], kinds[:d]
				break
			}
		}
		if len(stack) > 0 {
			parent := *stack[len(stack)-1]
			list = &parent[len(parent)-1].Children
		}
		*list = append(*list, agreement.Node{Kind: kindOf(label), Text: strings.TrimSpace(l[len(itemLabel.FindString(l)):])})
		stack, kinds = append(stack, list), append(kinds, k)
	}
	return node
}

// prune drops the nodes marked removed. A removed item's own items stay,
// under the item before it, as the file reads once its paragraph is gone
// (a whole pasal goes with its items).
func prune(list []agreement.Node) []agreement.Node {
	var out []agreement.Node
	for _, n := range list {
		n.Children = prune(n.Children)
		if n.Kind != removedKind {
			out = append(out, n)
			continue
		}
		if len(n.Children) == 0 || n.Heading != "" || len(out) == 0 {
			if len(out) == 0 && n.Heading == "" {
				out = append(out, n.Children...)
			}
			continue
		}
		out[len(out)-1].Children = append(out[len(out)-1].Children, n.Children...)
	}
	return out
}
