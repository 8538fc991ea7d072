package dataset

import (
	"bytes"
	"io"
	"unicode/utf8"
)

// MaxFileSize bounds one stored file (lambang, draft, scan), in bytes.
const MaxFileSize = 20 << 20

// maxString bounds one JSON string of an exchange file: the base64 of a file
// of MaxFileSize, with room to spare. A longer string is refused while it is
// read, before the decoder holds it.
const maxString = (MaxFileSize+2)/3*4 + 1024

// scanner sits between a file and the JSON decoder. It refuses invalid UTF-8
// (which encoding/json would silently replace) and strings longer than
// maxString, and it knows the line of every offset the decoder has not yet
// moved past (see mark).
type scanner struct {
	r     io.Reader
	err   error
	off   int64 // bytes passed on
	first byte  // the first byte that is not a space

	pend []byte // an incomplete UTF-8 sequence at the end of the last read

	inString bool
	escaped  bool
	strStart int64 // offset of the string's opening quote
	strLen   int64
	str      []byte // the string's first bytes, to name a key
	lastStr  string // the last string closed, when short
	key      string // the last object key seen

	// Newlines after markOff; markLine is the line of markOff, markNL the
	// offset of the last newline before it (-1 for none).
	markOff  int64
	markLine int
	markNL   int64
	nl       []int64
	// kept holds the bytes from markOff on: the element being decoded, for
	// naming what is wrong in it.
	kept []byte
}

var bom = []byte{0xEF, 0xBB, 0xBF}

func newScanner(r io.Reader) *scanner {
	return &scanner{r: r, markLine: 1, markNL: -1}
}

func (s *scanner) Read(p []byte) (int, error) {
	if s.err != nil {
		return 0, s.err
	}
	n, err := s.r.Read(p)
	if s.off == 0 && s.first == 0 && n >= 3 && bytes.HasPrefix(p[:n], bom) {
		// A byte-order mark, as Windows editors write: not part of the JSON.
		n = copy(p, p[3:n])
		s.off = 0
	}
	if n > 0 {
		if s.first == 0 {
			if t := bytes.TrimLeft(p[:n], " \t\r\n"); len(t) > 0 {
				s.first = t[0]
			}
		}
		// The bytes before a problem go to the decoder first, so that it
		// fails inside the element that holds the problem; the error comes
		// with the next read.
		if good, e := s.scan(p[:n]); e != nil {
			s.err = e
			if good == 0 {
				return 0, e
			}
			return good, nil
		}
	}
	if err == io.EOF && len(s.pend) > 0 {
		s.err = s.problem(s.off-int64(len(s.pend)), ErrInvalidUTF8)
		return 0, s.err
	}
	return n, err
}

// scan checks p, the bytes after s.off, and moves s.off past them; on a
// problem it says how many bytes before it are good.
func (s *scanner) scan(p []byte) (int, *DecodeError) {
	if bad, ok := s.checkUTF8(p); !ok {
		good := max(int(bad-s.off), 0)
		if _, e := s.scan(p[:good]); e != nil {
			return 0, e
		}
		return good, s.problem(bad, ErrInvalidUTF8)
	}
	base := s.off
	s.kept = append(s.kept, p...)
	i := 0
	for i < len(p) {
		if s.inString {
			if s.escaped {
				s.escaped = false
				s.grow(p[i : i+1])
				i++
				continue
			}
			j := bytes.IndexAny(p[i:], "\"\\")
			if j < 0 {
				s.grow(p[i:])
				i = len(p)
				break
			}
			s.grow(p[i : i+j])
			i += j
			if p[i] == '\\' {
				s.escaped = true
				s.grow(p[i : i+1])
				i++
				continue
			}
			s.inString = false
			if s.strLen > maxString {
				s.off += int64(i)
				return 0, s.tooLong()
			}
			if len(s.str) <= 64 {
				s.lastStr = string(s.str)
			} else {
				s.lastStr = ""
			}
			i++
			continue
		}
		j := bytes.IndexAny(p[i:], "\"\n:")
		if j < 0 {
			break
		}
		i += j
		switch p[i] {
		case '"':
			s.inString = true
			s.strStart = base + int64(i)
			s.strLen = 0
			s.str = s.str[:0]
		case '\n':
			s.nl = append(s.nl, base+int64(i))
		case ':':
			s.key = s.lastStr
		}
		i++
	}
	s.off += int64(len(p))
	if s.inString && s.strLen > maxString {
		return 0, s.tooLong()
	}
	return len(p), nil
}

// tooLong refuses the string being read: no file of MaxFileSize is that long.
func (s *scanner) tooLong() *DecodeError {
	e := s.problem(s.strStart, ErrFileTooLarge)
	e.Field = s.key
	return e
}

func (s *scanner) grow(b []byte) {
	s.strLen += int64(len(b))
	if room := 65 - len(s.str); room > 0 {
		s.str = append(s.str, b[:min(room, len(b))]...)
	}
}

// checkUTF8 reports whether p continues the stream as valid UTF-8, or the
// offset of the first bad byte. An incomplete sequence at the end of p waits
// for the next read.
func (s *scanner) checkUTF8(p []byte) (int64, bool) {
	start := s.off - int64(len(s.pend))
	buf := p
	if len(s.pend) > 0 {
		buf = append(s.pend, p...)
	}
	cut := len(buf)
	for k := 1; k <= 3 && k <= len(buf); k++ {
		if b := buf[len(buf)-k]; b >= 0xC0 {
			if !utf8.FullRune(buf[len(buf)-k:]) {
				cut = len(buf) - k
			}
			break
		} else if b < 0x80 {
			break
		}
	}
	if !utf8.Valid(buf[:cut]) {
		for i := 0; i < cut; {
			r, size := utf8.DecodeRune(buf[i:cut])
			if r == utf8.RuneError && size <= 1 {
				return start + int64(i), false
			}
			i += size
		}
	}
	s.pend = append(s.pend[:0:0], buf[cut:]...)
	return 0, true
}

// problem is a DecodeError at offset off, with the line and column.
func (s *scanner) problem(off int64, kind error) *DecodeError {
	e := &DecodeError{Err: kind, offset: off}
	e.Line, e.Column = s.position(off)
	if s.inString && kind == ErrInvalidUTF8 {
		e.Field = s.key
	}
	return e
}

// mark forgets the lines before off: the decoder has moved past them.
func (s *scanner) mark(off int64) {
	if off <= s.markOff {
		return
	}
	n := 0
	for n < len(s.nl) && s.nl[n] < off {
		s.markNL = s.nl[n]
		n++
	}
	s.markLine += n
	s.nl = append(s.nl[:0], s.nl[n:]...)
	drop := min(int(off-s.markOff), len(s.kept))
	s.kept = s.kept[drop:]
	if cap(s.kept) > 1<<20 && len(s.kept) < cap(s.kept)/4 {
		s.kept = append([]byte(nil), s.kept...) // let a large element's bytes go
	}
	s.markOff = off
}

// since returns the bytes from off (not before the last mark) on, as read so far.
func (s *scanner) since(off int64) []byte {
	i := int(off - s.markOff)
	if i < 0 || i > len(s.kept) {
		return nil
	}
	return s.kept[i:]
}

// position is the line and column (from 1) of offset off, which must not be
// before the last mark.
func (s *scanner) position(off int64) (line, col int) {
	line, last := s.markLine, s.markNL
	for _, n := range s.nl {
		if n >= off {
			break
		}
		line++
		last = n
	}
	return line, int(off - last)
}
