package pdf

import (
	"bytes"
	"compress/zlib"
	"errors"
	"runtime"
	"slices"
	"strconv"
	"sync"
	"sync/atomic"
)

// deflatePages compresses the page content streams of a PDF that gofpdf
// wrote uncompressed, exactly as gofpdf's own compression would (zlib at
// its best speed, the same dictionary), and rewrites the cross-reference
// table. gofpdf makes a new zlib writer, about 1 MB, for every page; a
// report of 3 000 pages spent most of its time allocating and clearing
// them. Here one writer per core serves every page.
//
// It reads only the layout gofpdf writes: the xref table at startxref, page
// objects "<</Type /Page … /Contents M 0 R>>", and content objects "M 0
// obj\n<</Length L>>\nstream\n…\nendstream\nendobj\n". Anything else is an
// error, and the caller keeps the uncompressed file, which is as valid.
func deflatePages(in []byte) ([]byte, error) {
	bad := errors.New("pdf: unexpected layout")
	// The trailer's last lines: "startxref\nO\n%%EOF\n".
	i := bytes.LastIndex(in, []byte("\nstartxref\n"))
	if i < 0 {
		return nil, bad
	}
	tail := in[i+len("\nstartxref\n"):]
	end := bytes.IndexByte(tail, '\n')
	if end < 0 || string(tail[end:]) != "\n%%EOF\n" {
		return nil, bad
	}
	xref, err := strconv.Atoi(string(tail[:end]))
	if err != nil || xref <= 0 || xref >= i {
		return nil, bad
	}
	// "xref\n0 N\n" then N entries of 20 bytes, the first the free one.
	head := in[xref:]
	if !bytes.HasPrefix(head, []byte("xref\n0 ")) {
		return nil, bad
	}
	nl := bytes.IndexByte(head[7:], '\n')
	if nl < 0 {
		return nil, bad
	}
	count, err := strconv.Atoi(string(head[7 : 7+nl]))
	entries := xref + 7 + nl + 1
	if err != nil || count < 1 || entries+20*count > i {
		return nil, bad
	}
	offsets := make([]int, count) // by object number; 0 unused
	for n := 1; n < count; n++ {
		e := in[entries+20*n : entries+20*n+20]
		if string(e[10:]) != " 00000 n \n" {
			return nil, bad
		}
		o, err := strconv.Atoi(string(e[:10]))
		if err != nil || o <= 0 || o >= xref {
			return nil, bad
		}
		offsets[n] = o
	}
	// The objects in the order they stand (gofpdf writes object 1, the page
	// tree, after the pages); ends[n] is where object n's text ends.
	order := make([]int, 0, count-1)
	for n := 1; n < count; n++ {
		order = append(order, n)
	}
	slices.SortFunc(order, func(a, b int) int { return offsets[a] - offsets[b] })
	ends := make([]int, count)
	for k, n := range order {
		ends[n] = xref
		if k+1 < len(order) {
			ends[n] = offsets[order[k+1]]
		}
		if ends[n] <= offsets[n] {
			return nil, bad
		}
	}
	objectEnd := func(n int) int { return ends[n] }
	// Every page's content object.
	content := make([]bool, count)
	pages := 0
	for n := 1; n < count; n++ {
		obj := in[offsets[n]:objectEnd(n)]
		lead := strconv.Itoa(n) + " 0 obj\n"
		if !bytes.HasPrefix(obj, []byte(lead+"<</Type /Page\n")) {
			continue
		}
		c := bytes.Index(obj, []byte("/Contents "))
		if c < 0 {
			return nil, bad
		}
		rest := obj[c+len("/Contents "):]
		sp := bytes.IndexByte(rest, ' ')
		m, err := strconv.Atoi(string(rest[:max(sp, 0)]))
		if sp < 0 || err != nil || m <= 0 || m >= count || !bytes.HasPrefix(rest[sp:], []byte(" 0 R>>\n")) {
			return nil, bad
		}
		content[m] = true
		pages++
	}
	if pages == 0 {
		return nil, bad
	}
	// Each content stream's data, then compressed on every core: the same
	// bytes in any order, as each stream is compressed on its own.
	streams := make([][]byte, count)
	var todo []int
	for _, n := range order {
		if !content[n] {
			continue
		}
		obj := in[offsets[n]:objectEnd(n)]
		lead := strconv.Itoa(n) + " 0 obj\n<</Length "
		if !bytes.HasPrefix(obj, []byte(lead)) {
			return nil, bad
		}
		rest := obj[len(lead):]
		gt := bytes.Index(rest, []byte(">>\nstream\n"))
		if gt < 0 {
			return nil, bad
		}
		length, err := strconv.Atoi(string(rest[:gt]))
		data := rest[gt+len(">>\nstream\n"):]
		if err != nil || length < 0 || length > len(data) || string(data[length:]) != "\nendstream\nendobj\n" {
			return nil, bad
		}
		streams[n] = data[:length]
		todo = append(todo, n)
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range min(runtime.GOMAXPROCS(0), 4, len(todo)) {
		wg.Go(func() {
			var z bytes.Buffer
			zw, _ := zlib.NewWriterLevel(&z, zlib.BestSpeed)
			for k := int(next.Add(1) - 1); k < len(todo); k = int(next.Add(1) - 1) {
				n := todo[k]
				z.Reset()
				zw.Reset(&z)
				zw.Write(streams[n])
				zw.Close()
				streams[n] = bytes.Clone(z.Bytes())
			}
		})
	}
	wg.Wait()
	size := len(in)
	for _, n := range todo {
		size += len(streams[n]) + 64 - (objectEnd(n) - offsets[n])
	}
	out := bytes.NewBuffer(make([]byte, 0, size))
	newOffsets := make([]int, count)
	pos := 0 // in in, copied up to here
	for _, n := range order {
		if !content[n] {
			newOffsets[n] = out.Len() + offsets[n] - pos
			continue
		}
		out.Write(in[pos:offsets[n]])
		newOffsets[n] = out.Len()
		out.WriteString(strconv.Itoa(n))
		out.WriteString(" 0 obj\n<</Filter /FlateDecode /Length ")
		out.WriteString(strconv.Itoa(len(streams[n])))
		out.WriteString(">>\nstream\n")
		out.Write(streams[n])
		out.WriteString("\nendstream\nendobj\n")
		pos = objectEnd(n)
	}
	out.Write(in[pos:xref])
	newXref := out.Len()
	out.Write(in[xref : entries+20]) // "xref", the count, the free entry
	var entry [20]byte
	copy(entry[10:], " 00000 n \n")
	for n := 1; n < count; n++ {
		o := newOffsets[n]
		for d := 9; d >= 0; d-- {
			entry[d] = byte('0' + o%10)
			o /= 10
		}
		out.Write(entry[:])
	}
	out.Write(in[entries+20*count : i])
	out.WriteString("\nstartxref\n")
	out.WriteString(strconv.Itoa(newXref))
	out.WriteString("\n%%EOF\n")
	return out.Bytes(), nil
}

// deflateSink takes the uncompressed PDF from gofpdf's Output and keeps it
// with its pages compressed (deflatePages), or as it is where they cannot
// be. gofpdf hands the whole file over in one Write; compressing it there
// spares a copy of it (50 MB for a year's report at 100 000).
type deflateSink struct {
	out    []byte
	writes int
	raw    bool // out holds the file as written, uncompressed
}

func (s *deflateSink) Write(p []byte) (int, error) {
	s.writes++
	if s.writes == 1 {
		if z, err := deflatePages(p); err == nil {
			s.out = z
			return len(p), nil
		}
		s.raw = true
	}
	if !s.raw {
		// More after a whole file: not gofpdf's way; refuse rather than guess.
		return 0, errors.New("pdf: more after the end of the file")
	}
	s.out = append(s.out, p...) // as valid and as readable, only larger
	return len(p), nil
}
