// Package schema names every bucket and meta key of Sepakat's data file, and
// the layout of their keys, as etcd's server/storage/schema does. Nothing else
// in internal/store declares a bucket or a key name.
package schema

import "encoding/binary"

// Version is the layout this code reads and writes.
const Version = 13

// The meta bucket and its keys.
var (
	Meta = []byte("meta")

	KeySchemaVersion  = []byte("schema_version") // uint64
	KeyCreated        = []byte("created")        // RFC 3339, UTC
	KeyExamplesLoaded = []byte("examples_loaded")
	// KeyStatusCounts marks that the counters CountKey(status) are kept (schema 5);
	// its value is the marker's version.
	KeyStatusCounts = []byte("status_counts")

	// The full-text index's counters and state.
	KeySearchDocs     = []byte("search_docs")      // uint64: agreements merged
	KeySearchLen0     = []byte("search_len_hi")    // uint64: total length of the weighted fields
	KeySearchLen1     = []byte("search_len_body")  // uint64: total length of the body
	KeySearchNextTerm = []byte("search_next_term") // uint64: the next term number
	KeySearchAnalyzer = []byte("search_analyzer")  // fingerprint of the analysis the index was built with
	KeySearchSynonyms = []byte("search_synonyms")  // the office's own synonym list
	// KeySearchBuild is there while a rebuild of the full-text index is under
	// way: JSON of how far it got (internal/store/fts/build.go).
	KeySearchBuild = []byte("search_build")

	// Backups (internal/store/backup.go).
	KeyBackupSettings = []byte("backup_settings")    // JSON service.BackupSettings
	KeyBackupDaily    = []byte("backup_daily")       // "YYYY-MM-DD PATH": the last automatic copy, of the file at PATH
	KeyBackupSecond   = []byte("backup_second_last") // RFC 3339: when a copy last reached the second place
)

// CountKey is the meta counter of the agreements in one status (schema 5).
func CountKey(status string) []byte { return []byte("count_" + status) }

// Record buckets.
var (
	// Agreements holds, per agreement, id(8) → summary and document, and
	// id(8) seq(8) → its history entries, so that a save touches one tree region.
	Agreements = []byte("agreements")
	Parties    = []byte("parties")
	Officials  = []byte("officials")
	Mandates   = []byte("mandates")
	History    = []byte("history") // parties, officials, mandates: tag id(8) rev(8); an agreement's prints: PrintTag id(8) seq(8)
	Counters   = []byte("counters")
	Numbers    = []byte("issued_numbers")
	Files      = []byte("files")
)

// Since schema 2: list indexes, written with each agreement.
var (
	IdxChanged = []byte("idx_changed") // updated(8) id(8)
	IdxStatus  = []byte("idx_status")  // status 0 id(8)
	IdxKind    = []byte("idx_kind")    // kind 0 id(8)
	IdxParty   = []byte("idx_party")   // party(8) id(8)
	IdxYear    = []byte("idx_year")    // year(2) id(8)
	IdxEnd     = []byte("idx_end")     // yyyymmdd(8) id(8)
	IdxParent  = []byte("idx_parent")  // parent(8) id(8)
	// Since schema 5: signed Kesepakatan Bersama with no follow-up recorded, the
	// register's sort orders and the perangkat daerah filter.
	IdxQuiet   = []byte("idx_quiet")   // signed yyyymmdd(8) end yyyymmdd(8) id(8)
	IdxSubject = []byte("idx_subject") // folded subject 0 id(8)
	IdxPartner = []byte("idx_partner") // folded first partner's name 0 id(8)
	IdxNumber  = []byte("idx_number")  // folded own number 0 id(8)
	IdxImpl    = []byte("idx_impl")    // folded perangkat daerah 0 id(8)
	// signed agreements by end date, for what ends soon
	IdxSignedEnd = []byte("idx_signed_end") // yyyymmdd(8) id(8)
	// Since schema 8: what the procedure still waits for, for the Beranda:
	// 'd' id(8) waiting for the DPRD; 'c' signed yyyymmdd(8) id(8) signed,
	// originals unfinished; 'm' yyyymmdd(8) id(8) the last day of the first
	// monev round left open. Since schema 10: 'p' yyyymmdd(8) id(8) the day
	// a draft went to the partner, waiting on the partner's answer.
	IdxTodo = []byte("idx_todo")
)

// The kinds of IdxTodo keys, their first byte.
const (
	TodoDPRD   byte = 'd'
	TodoCopies byte = 'c'
	TodoMonev  byte = 'm'
	// TodoPartner since schema 10.
	TodoPartner byte = 'p'
)

// Since schema 7: what keeps own numbers unique and stored files referenced,
// kept by every write of an agreement or party (internal/store/kept.go).
var (
	// OwnNumbers: office(8) number key 0 id(8) → nil, one per agreement that
	// carries an own number (service.NumberKey).
	OwnNumbers = []byte("own_numbers")
	// FileRefs: sha256 (hex) 0 tag(1) id(8) → nil, one per record referring to a
	// stored file (tag as in RecordTag); a file without any is swept.
	FileRefs = []byte("file_refs")
)

// BucketsV7 came in schema 7.
var BucketsV7 = [][]byte{OwnNumbers, FileRefs}

// OwnNumberKey is the OwnNumbers key of an agreement id carrying number key
// number for office.
func OwnNumberKey(office uint64, number string, id uint64) []byte {
	k := binary.BigEndian.AppendUint64(make([]byte, 0, 17+len(number)), office)
	k = append(append(k, number...), 0)
	return binary.BigEndian.AppendUint64(k, id)
}

// FileRefKey is the FileRefs key of a record (tag, id) referring to file sha.
func FileRefKey(sha string, tag byte, id uint64) []byte {
	k := append(append(make([]byte, 0, len(sha)+10), sha...), 0, tag)
	return binary.BigEndian.AppendUint64(k, id)
}

// NoEnd stands for the end date of an agreement in force until it is ended, in
// the date keys of IdxQuiet.
var NoEnd = []byte("99999999")

// Since schema 3: the full-text index (internal/store/fts); laid out by term
// number since schema 4.
var (
	SearchDict  = []byte("search_dict")  // term → number(4) document frequency(uvarint)
	SearchIDs   = []byte("search_ids")   // number(4) → term
	SearchTerms = []byte("search_terms") // number(4) chunk(4) → postings block
	SearchDocs  = []byte("search_docs")  // id(8) → terms by number, as merged
	SearchDelta = []byte("search_delta") // id(8) → nil: saved since the last merge
	SearchWords = []byte("search_words") // derived word → its stem, for completions
	// SearchBuild is the scratch of a rebuild under way: part(4) term(4) →
	// postings block of one batch of agreements; dropped when it ends.
	SearchBuild = []byte("search_build")
)

// SearchBuckets are the full-text index's buckets, derived from the agreements.
var SearchBuckets = [][]byte{SearchDict, SearchIDs, SearchTerms, SearchDocs, SearchDelta, SearchWords}

// BucketsV1 existed in the first schema.
var BucketsV1 = [][]byte{Meta, Agreements, Parties, Officials, Mandates, History, Counters, Numbers, Files}

// IndexBuckets are derived from the agreements and can be rebuilt.
// Their order numbers them in each agreement's head: add at the end only.
var IndexBuckets = [][]byte{IdxChanged, IdxStatus, IdxKind, IdxParty, IdxYear, IdxEnd, IdxParent, IdxQuiet,
	IdxSubject, IdxPartner, IdxNumber, IdxImpl, IdxSignedEnd, IdxTodo}

// RecordTag prefixes history keys with the record type.
var RecordTag = map[string]byte{"agreement": 'a', "party": 'p', "official": 'o', "mandate": 'm'}

// PrintTag prefixes the History keys of an agreement's print log (entries
// with Seq > 0): PrintTag id(8) seq(8).
const PrintTag = 'c'

// ID is the 8-byte big-endian key of a record ID (NextSequence).
func ID(id uint64) []byte { return binary.BigEndian.AppendUint64(nil, id) }

// PostingsKey is the SearchTerms key of a term's postings in one chunk.
func PostingsKey(term, chunk uint32) []byte {
	var k [8]byte
	binary.BigEndian.PutUint32(k[:4], term)
	binary.BigEndian.PutUint32(k[4:], chunk)
	return k[:]
}

// TermKey is the SearchIDs key of a term number.
func TermKey(term uint32) []byte { return binary.BigEndian.AppendUint32(nil, term) }
