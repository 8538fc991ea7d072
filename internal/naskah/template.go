package naskah

import (
	"encoding/json"
	"fmt"
	"regexp"
	"sort"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"sepakat/internal/agreement"
	"sepakat/resources"
)

// Template is the fixed text of one kind of document around its body.
type Template struct {
	Title            string   `json:"title"`
	Subtitle         string   `json:"subtitle,omitempty"`
	Opening          string   `json:"opening"`
	Komparisi        string   `json:"komparisi"`
	KomparisiKuasa   string   `json:"komparisi_kuasa"`
	Together         string   `json:"together"`
	PremisIntro      string   `json:"premis_intro"`
	ParentCite       string   `json:"parent_cite,omitempty"`
	LegalIntro       string   `json:"legal_intro"`
	Agreement        string   `json:"agreement"`
	Closing          string   `json:"closing"`
	ClosingNoMeterai string   `json:"closing_no_meterai"`
	RomanPasal       bool     `json:"roman_pasal,omitempty"`
	DefaultBody      []string `json:"default_body"`
	// Premises and LegalBases are what a new document of the kind starts
	// with, by category of cooperation ("" when none is chosen).
	Premises   map[agreement.Category][]string               `json:"premises,omitempty"`
	LegalBases map[agreement.Category][]agreement.LegalBasis `json:"legal_bases,omitempty"`
}

// StartPremises are the premises a new document of kind k and category c
// starts with; the general ones when the category has none of its own.
func (l *Library) StartPremises(k agreement.Kind, c agreement.Category) []string {
	t := l.Templates[k]
	list, ok := t.Premises[c]
	if !ok {
		list = t.Premises[""]
	}
	return append([]string(nil), list...)
}

// StartLegalBases are the usual legal bases of a document of kind k and
// category c, as StartPremises.
func (l *Library) StartLegalBases(k agreement.Kind, c agreement.Category) []agreement.LegalBasis {
	t := l.Templates[k]
	list, ok := t.LegalBases[c]
	if !ok {
		list = t.LegalBases[""]
	}
	return append([]agreement.LegalBasis(nil), list...)
}

// Clause is a standard pasal of the clause library.
type Clause struct {
	ID    string           `json:"id"`
	Title string           `json:"title"`
	Kinds []agreement.Kind `json:"kinds"`
	Node  agreement.Node   `json:"node"`
}

// Library is the shipped templates and clauses.
type Library struct {
	Templates map[agreement.Kind]Template
	Clauses   []Clause
}

var (
	libOnce sync.Once
	lib     *Library
	libErr  error
)

// Shipped returns the templates and clause library from resources/naskah.
func Shipped() (*Library, error) {
	libOnce.Do(func() { lib, libErr = loadLibrary() })
	return lib, libErr
}

func loadLibrary() (*Library, error) {
	l := &Library{}
	raw, err := resources.FS.ReadFile("naskah/templates.json")
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(raw, &l.Templates); err != nil {
		return nil, fmt.Errorf("naskah/templates.json: %w", err)
	}
	raw, err = resources.FS.ReadFile("naskah/klausul.json")
	if err != nil {
		return nil, err
	}
	if err := json.Unmarshal(raw, &l.Clauses); err != nil {
		return nil, fmt.Errorf("naskah/klausul.json: %w", err)
	}
	return l, nil
}

// Clause returns the clause with id.
func (l *Library) Clause(id string) (Clause, bool) {
	for _, c := range l.Clauses {
		if c.ID == id {
			return c, true
		}
	}
	return Clause{}, false
}

// ClausesFor lists the clauses that suit a kind of document.
func (l *Library) ClausesFor(k agreement.Kind) []Clause {
	var out []Clause
	for _, c := range l.Clauses {
		for _, ck := range c.Kinds {
			if ck == k {
				out = append(out, c)
				break
			}
		}
	}
	return out
}

// DefaultBody is the body a new document of kind k starts with.
func (l *Library) DefaultBody(k agreement.Kind) []agreement.Node {
	var out []agreement.Node
	for _, id := range l.Templates[k].DefaultBody {
		if c, ok := l.Clause(id); ok {
			out = append(out, c.Node)
		}
	}
	return out
}

var placeholder = regexp.MustCompile(`\{([a-z_]+)\}`)

// Placeholders names the placeholders of text, in order, each once:
// "induk_singkat" for "{induk_singkat}".
func Placeholders(text string) []string {
	var out []string
	seen := map[string]bool{}
	for _, m := range placeholder.FindAllStringSubmatch(text, -1) {
		if !seen[m[1]] {
			seen[m[1]] = true
			out = append(out, m[1])
		}
	}
	return out
}

// UnresolvedError names placeholders that have no value; the document is not made.
type UnresolvedError struct {
	Names []string
	Where []string
}

func (e *UnresolvedError) Error() string {
	return fmt.Sprintf("isian {%s} belum dapat diisi (di %s): lengkapi datanya atau hapus isian itu dari teks",
		strings.Join(e.Names, "}, {"), strings.Join(e.Where, ", "))
}

// resolver fills placeholders and remembers what it could not fill.
type resolver struct {
	vars    map[string]string
	missing map[string][]string
}

func (r *resolver) fill(where, text string) string {
	var out strings.Builder
	last := 0
	for _, loc := range placeholder.FindAllStringSubmatchIndex(text, -1) {
		out.WriteString(text[last:loc[0]])
		last = loc[1]
		name := text[loc[2]:loc[3]]
		v, ok := r.vars[name]
		if !ok || v == "" {
			r.missing[name] = append(r.missing[name], where)
			out.WriteString(text[loc[0]:loc[1]])
			continue
		}
		if name == "tentang" {
			var before string
			before, v = joinSubject(out.String(), v)
			out.Reset()
			out.WriteString(before)
		}
		out.WriteString(v)
	}
	out.WriteString(text[last:])
	return out.String()
}

// subjectKinds are words a subject may start with that a template sentence
// already says before "tentang".
var subjectKinds = []string{"perjanjian kerja sama", "kesepakatan bersama", "nota kesepakatan", "kerja sama", "adendum", "perpanjangan"}

// joinSubject joins a subject to the sentence before it without saying a word
// twice: "… tentang" + "tentang X" and "… Kerja Sama tentang" + "Kerja Sama X"
// say "tentang" and "Kerja Sama" once ("kerja sama tentang Penyelenggaraan …",
// "kerja sama di Bidang …").
func joinSubject(before, subject string) (string, string) {
	lb, ls := strings.ToLower(before), strings.ToLower(subject)
	if !strings.HasSuffix(lb, "tentang ") {
		return before, subject
	}
	if strings.HasPrefix(ls, "tentang ") {
		return before, strings.TrimSpace(subject[len("tentang "):])
	}
	for _, k := range subjectKinds {
		if !strings.HasSuffix(lb, k+" tentang ") || !strings.HasPrefix(ls, k+" ") {
			continue
		}
		rest := strings.TrimSpace(subject[len(k):])
		if strings.HasPrefix(strings.ToLower(rest), "tentang ") {
			rest = strings.TrimSpace(rest[len("tentang "):])
		}
		if first, _ := utf8.DecodeRuneInString(rest); unicode.IsLower(first) {
			// "kerja sama tentang" + "Kerja Sama di Bidang X": "kerja sama di Bidang X".
			return before[:len(before)-len("tentang ")], rest
		}
		return before, rest
	}
	return before, subject
}

func (r *resolver) err() error {
	if len(r.missing) == 0 {
		return nil
	}
	e := &UnresolvedError{}
	for name := range r.missing {
		e.Names = append(e.Names, name)
	}
	sort.Strings(e.Names)
	seen := map[string]bool{}
	for _, n := range e.Names {
		for _, w := range r.missing[n] {
			if !seen[w] {
				seen[w] = true
				e.Where = append(e.Where, w)
			}
		}
	}
	return e
}
