package search

import "sort"

// A norm is a field's length in one byte: exact below 32, then within 1/16.
var normLens = func() (t [256]uint32) {
	for i := range t {
		if i < 32 {
			t[i] = uint32(i)
			continue
		}
		shift, mantissa := (i-32)/16+1, (i-32)%16+16
		t[i] = uint32(mantissa) << shift
	}
	return t
}()

// NormOf is the norm byte of a field of length n terms.
func NormOf(n uint32) uint8 {
	i := sort.Search(len(normLens), func(i int) bool { return normLens[i] > n })
	return uint8(i - 1)
}

// NormLen is the length a norm byte stands for.
func NormLen(norm uint8) uint32 { return normLens[norm] }

// Norms are the norm bytes of a document's field lengths.
func Norms(lens [fields]uint32) [fields]uint8 {
	return [fields]uint8{NormOf(lens[0]), NormOf(lens[1])}
}
