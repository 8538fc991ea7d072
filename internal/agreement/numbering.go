package agreement

import (
	"fmt"
	"strconv"
	"strings"

	"sepakat/internal/bahasa"
)

// NumberingScheme is an office's pattern for agreement numbers, written with tokens:
// {nomor} (the running number, {nomor:3} pads to three digits), {jenis} (kind code),
// {klasifikasi}, {unit}, {bulan} (month in Roman numerals) and {tahun}.
// "{nomor:2}/{jenis}/{unit}/{klasifikasi}/{bulan}/{tahun}" gives 03/MoU/TKKSD-LS/1.04/VII/2025.
type NumberingScheme struct {
	Template       string `json:"template"`
	Classification string `json:"classification,omitempty"`
	UnitCode       string `json:"unit_code,omitempty"`
	// KindCodes maps a kind to its code in the number ("MoU", "PKS.05"); the kind itself when missing.
	KindCodes map[Kind]string `json:"kind_codes,omitempty"`
	// Templates overrides Template for some kinds.
	Templates map[Kind]string `json:"templates,omitempty"`
}

// TemplateFor returns the pattern used for kind.
func (s NumberingScheme) TemplateFor(k Kind) string {
	if t, ok := s.Templates[k]; ok && t != "" {
		return t
	}
	return s.Template
}

// KindCode returns the code that stands for kind in numbers.
func (s NumberingScheme) KindCode(k Kind) string {
	if c, ok := s.KindCodes[k]; ok && c != "" {
		return c
	}
	return string(k)
}

// Validate checks every pattern of the scheme.
func (s NumberingScheme) Validate() Errors {
	var es Errors
	if strings.TrimSpace(s.Template) == "" {
		es.add("template", "required")
	} else {
		es = append(es, checkPattern("template", s.Template)...)
	}
	for _, k := range Kinds {
		if t, ok := s.Templates[k]; ok && t != "" {
			es = append(es, checkPattern("templates."+string(k), t)...)
		}
	}
	return es
}

func checkPattern(field, p string) Errors {
	var es Errors
	seq := false
	err := walkPattern(p, func(lit string) {}, func(tok string, width int) bool {
		switch tok {
		case "nomor":
			seq = true
		case "jenis", "klasifikasi", "unit", "bulan", "tahun":
		default:
			es.add(field, "scheme_token", tok)
			return false
		}
		return true
	})
	if err != nil {
		es.add(field, "scheme_brace")
	} else if !seq {
		es.add(field, "scheme_no_seq")
	}
	return es
}

// walkPattern splits a pattern into literal text and {token[:width]} parts.
func walkPattern(p string, lit func(string), tok func(name string, width int) bool) error {
	for p != "" {
		open := strings.IndexByte(p, '{')
		close := strings.IndexByte(p, '}')
		if open < 0 {
			if close >= 0 {
				return ErrScheme
			}
			lit(p)
			return nil
		}
		if close >= 0 && close < open {
			return ErrScheme
		}
		lit(p[:open])
		end := strings.IndexByte(p[open:], '}')
		if end < 0 {
			return ErrScheme
		}
		body := p[open+1 : open+end]
		if strings.ContainsRune(body, '{') {
			return ErrScheme
		}
		name, w, _ := strings.Cut(body, ":")
		width := 0
		if w != "" {
			n, err := strconv.Atoi(w)
			if err != nil || n < 0 || n > 9 {
				return ErrScheme
			}
			width = n
		}
		if !tok(strings.TrimSpace(name), width) {
			return ErrScheme
		}
		p = p[open+end+1:]
	}
	return nil
}

// Format builds the number for kind with running number seq, dated d.
func (s NumberingScheme) Format(k Kind, seq uint64, d Date) (string, error) {
	if es := s.Validate(); len(es) > 0 {
		return "", fmt.Errorf("%w: %v", ErrScheme, es)
	}
	var b strings.Builder
	err := walkPattern(s.TemplateFor(k), func(l string) { b.WriteString(l) }, func(name string, width int) bool {
		switch name {
		case "nomor":
			fmt.Fprintf(&b, "%0*d", width, seq)
		case "jenis":
			b.WriteString(s.KindCode(k))
		case "klasifikasi":
			b.WriteString(s.Classification)
		case "unit":
			b.WriteString(s.UnitCode)
		case "bulan":
			b.WriteString(bahasa.Roman(int(d.Month)))
		case "tahun":
			b.WriteString(strconv.Itoa(d.Year))
		}
		return true
	})
	return b.String(), err
}

// CounterKey names the running counter of an office for a kind and year.
func CounterKey(office ID, k Kind, year int) string {
	return fmt.Sprintf("%020d/%s/%04d", uint64(office), k, year)
}

// NumberSource says where the date of an agreement's number comes from.
type NumberSource int

const (
	NumberFromToday   NumberSource = iota // neither signed nor planned: today
	NumberFromSigning                     // the signing date
	NumberFromPlan                        // the planned signing date or the planned start
)

// NumberDate is the date whose year (and month) an agreement's number
// carries: the signing date (or the planned one, kept in the signing record
// before signing), else the planned start of its term, else today.
func (a *Agreement) NumberDate(today Date) (Date, NumberSource) {
	if a.Signing != nil && a.Signing.Date.Valid() {
		if a.Status == StatusDitandatangani || (a.Status == StatusDibatalkan && a.Locked()) {
			return a.Signing.Date, NumberFromSigning
		}
		return a.Signing.Date, NumberFromPlan
	}
	if a.Term.Start.Valid() {
		return a.Term.Start, NumberFromPlan
	}
	return today, NumberFromToday
}

// UsesMonth reports whether numbers of kind carry the month ({bulan}).
func (s NumberingScheme) UsesMonth(k Kind) bool {
	uses := false
	_ = walkPattern(s.TemplateFor(k), func(string) {}, func(name string, _ int) bool {
		uses = uses || name == "bulan"
		return true
	})
	return uses
}
