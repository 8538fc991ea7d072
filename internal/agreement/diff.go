package agreement

import (
	"bytes"
	"encoding/json"
	"fmt"
	"sort"
	"unicode/utf8"
)

// Change is one field that differs between two versions of a record.
type Change struct {
	Field string `json:"field"` // JSON path: "term.length", "body[2].children[0].text"
	Old   string `json:"old,omitempty"`
	New   string `json:"new,omitempty"`
}

// ignoredInDiff are bookkeeping fields that change on every save.
var ignoredInDiff = map[string]bool{"rev": true, "updated": true, "created": true}

const maxDiffValue = 200

// Diff lists the changed leaves between two records of the same type, in path order.
// Values are shown as JSON scalars, cut to 200 characters.
func Diff(prev, next any) []Change {
	return DiffJSON(marshal(prev), marshal(next))
}

func marshal(v any) []byte {
	if v == nil {
		return nil
	}
	raw, _ := json.Marshal(v)
	return raw
}

// DiffJSON is Diff on two records already encoded as JSON objects.
func DiffJSON(prev, next []byte) []Change {
	if bytes.Equal(prev, next) {
		return nil
	}
	a, b := topLevel(prev), topLevel(next)
	var out []Change
	for k := range a {
		if _, ok := b[k]; !ok {
			b[k] = nil
		}
	}
	for k, nb := range b {
		na := a[k]
		// Only fields whose bytes differ are decoded and walked: a save usually
		// touches a few fields of a large document.
		if ignoredInDiff[k] || bytes.Equal(na, nb) {
			continue
		}
		diffTree(k, toTree(na), toTree(nb), &out)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Field < out[j].Field })
	return out
}

// walkObject calls fn for each top-level field of a compact JSON object.
func walkObject(raw []byte, fn func(key string, keyStart, valStart, valEnd int) bool) bool {
	if len(raw) < 2 || raw[0] != '{' || raw[len(raw)-1] != '}' {
		return false
	}
	for i := 1; i < len(raw)-1; {
		if raw[i] != '"' {
			return false
		}
		end := skipString(raw, i)
		if end < 0 || end >= len(raw) || raw[end] != ':' {
			return false
		}
		j := skipValue(raw, end+1)
		if j < 0 {
			return false
		}
		if !fn(string(raw[i+1:end-1]), i, end+1, j) {
			return false
		}
		if raw[j] == ',' {
			j++
		} else if j != len(raw)-1 {
			return false
		}
		i = j
	}
	return true
}

// topLevel splits a record's JSON object into its top-level fields. It scans the
// bytes once without decoding them; malformed input falls back to encoding/json.
func topLevel(raw []byte) map[string]json.RawMessage {
	m := map[string]json.RawMessage{}
	if len(raw) == 0 {
		return m
	}
	if !splitObject(raw, m) {
		clear(m)
		_ = json.Unmarshal(raw, &m)
	}
	return m
}

// splitObject fills m from a compact JSON object such as encoding/json writes.
func splitObject(raw []byte, m map[string]json.RawMessage) bool {
	return walkObject(raw, func(key string, _, valStart, valEnd int) bool {
		m[key] = raw[valStart:valEnd]
		return true
	})
}

// skipString returns the index just past the string starting at raw[i] == '"'.
// It jumps from quote to quote, which is what makes scanning long texts cheap.
func skipString(raw []byte, i int) int {
	for j := i + 1; ; j++ {
		k := bytes.IndexByte(raw[j:], '"')
		if k < 0 {
			return -1
		}
		j += k
		escapes := 0
		for m := j - 1; m > i && raw[m] == '\\'; m-- {
			escapes++
		}
		if escapes%2 == 0 {
			return j + 1
		}
	}
}

// skipValue returns the index just past the value starting at raw[i]: at the
// following ',' or the closing '}' of the enclosing object.
func skipValue(raw []byte, i int) int {
	depth := 0
	for j := i; j < len(raw); j++ {
		switch raw[j] {
		case '"':
			j = skipString(raw, j) - 1
			if j < 0 {
				return -1
			}
		case '{', '[':
			depth++
		case '}', ']':
			if depth == 0 {
				return j
			}
			depth--
		case ',':
			if depth == 0 {
				return j
			}
		}
	}
	return -1
}

func toTree(raw json.RawMessage) any {
	if len(raw) == 0 {
		return nil
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	var t any
	if dec.Decode(&t) != nil {
		return nil
	}
	return t
}

func diffTree(path string, a, b any, out *[]Change) {
	am, aIsMap := a.(map[string]any)
	bm, bIsMap := b.(map[string]any)
	if aIsMap || bIsMap {
		keys := map[string]bool{}
		for k := range am {
			keys[k] = true
		}
		for k := range bm {
			keys[k] = true
		}
		for k := range keys {
			diffTree(join(path, k), am[k], bm[k], out)
		}
		return
	}
	as, aIsList := a.([]any)
	bs, bIsList := b.([]any)
	if aIsList || bIsList {
		n := max(len(as), len(bs))
		for i := 0; i < n; i++ {
			var x, y any
			if i < len(as) {
				x = as[i]
			}
			if i < len(bs) {
				y = bs[i]
			}
			diffTree(fmt.Sprintf("%s[%d]", path, i), x, y, out)
		}
		return
	}
	if a == nil && b == nil {
		return
	}
	sa, sb := scalar(a), scalar(b)
	if sa != sb {
		*out = append(*out, Change{Field: path, Old: sa, New: sb})
	}
}

func join(path, k string) string {
	if path == "" {
		return k
	}
	return path + "." + k
}

func scalar(v any) string {
	switch x := v.(type) {
	case nil:
		return ""
	case string:
		return cut(x)
	case json.Number:
		return x.String()
	case bool:
		if x {
			return "ya"
		}
		return "tidak"
	}
	raw, _ := json.Marshal(v)
	return cut(string(raw))
}

func cut(s string) string {
	if utf8.RuneCountInString(s) <= maxDiffValue {
		return s
	}
	r := []rune(s)
	return string(r[:maxDiffValue-1]) + "…"
}
