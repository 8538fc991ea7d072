package dataset

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"time"

	"sepakat/internal/agreement"
)

// canonicalEntry is what an entry's hash covers, in a fixed order and form:
// every field but Hash itself and the record's ID, the time in UTC. The ID is
// where the chain is kept, not part of it: an import may renumber a record
// (Dataset.Shift) and keeps its chain. A field added to HistoryEntry is
// covered only once it is added here, with a new V.
type canonicalEntry struct {
	V       int                `json:"v"`
	Type    RecordType         `json:"type"`
	Rev     uint64             `json:"rev"`
	Seq     uint64             `json:"seq"`
	At      string             `json:"at"`
	By      string             `json:"by"`
	Action  string             `json:"action"`
	Changes []agreement.Change `json:"changes"`
	Print   *Print             `json:"print"`
	Text    string             `json:"text"`
	Prev    string             `json:"prev"`
}

// Digest is the SHA-256 (hex) of e's canonical encoding: what e.Hash holds
// for an entry as it was written.
func (e *HistoryEntry) Digest() string {
	raw, err := json.Marshal(canonicalEntry{V: 1, Type: e.Type, Rev: e.Rev, Seq: e.Seq,
		At: e.At.UTC().Format(time.RFC3339Nano), By: e.By, Action: e.Action, Changes: e.Changes,
		Print: e.Print, Text: e.Text, Prev: e.Prev})
	if err != nil {
		panic(err) // strings, numbers and slices of them always encode
	}
	sum := sha256.Sum256(raw)
	return hex.EncodeToString(sum[:])
}

// Seal links e after prev (nil: e is its record's first entry) and sets its Hash.
func (e *HistoryEntry) Seal(prev *HistoryEntry) {
	e.Prev = ""
	if prev != nil {
		e.Prev = prev.Hash
	}
	e.Hash = e.Digest()
}

// ChainBreak is where a record's history chain does not hold.
type ChainBreak struct {
	// Entry is the entry at which the chain breaks.
	Entry HistoryEntry
	// Why: BreakUnsealed, BreakAltered or BreakLink.
	Why int
}

const (
	// BreakUnsealed: the entry carries no hash (written before chains, and
	// not migrated).
	BreakUnsealed = iota + 1
	// BreakAltered: the entry's content no longer gives its hash: it was
	// changed after it was written.
	BreakAltered
	// BreakLink: the entry does not name the one before it: an entry before it
	// was removed, inserted or replaced.
	BreakLink
)

// CheckChain verifies one record's history, oldest first: each entry's hash,
// and that each names the one before it. An altered entry is reported once,
// not again at the entry after it.
func CheckChain(entries []HistoryEntry) []ChainBreak {
	var out []ChainBreak
	prev := ""
	for _, e := range entries {
		switch {
		case e.Hash == "":
			out = append(out, ChainBreak{e, BreakUnsealed})
		case e.Digest() != e.Hash:
			out = append(out, ChainBreak{e, BreakAltered})
		case e.Prev != prev:
			out = append(out, ChainBreak{e, BreakLink})
		}
		prev = e.Hash
	}
	return out
}
