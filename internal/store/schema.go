package store

// Every bucket and key name of the data file lives here.

// SchemaVersion is the layout this code reads and writes.
const SchemaVersion = 5

var (
	bucketMeta = []byte("meta")

	keySchemaVersion  = []byte("schema_version")
	keyCreated        = []byte("created")
	keyExamplesLoaded = []byte("examples_loaded")

	// agreements holds, per agreement, id(8) → summary and document, and
	// id(8) seq(8) → its history entries, so that a save touches one tree region.
	bucketAgreements = []byte("agreements")
	bucketParties    = []byte("parties")
	bucketOfficials  = []byte("officials")
	bucketMandates   = []byte("mandates")
	bucketHistory    = []byte("history") // parties, officials, mandates: tag id(8) rev(8)
	bucketCounters   = []byte("counters")
	bucketNumbers    = []byte("issued_numbers")
	bucketFiles      = []byte("files")

	// Since schema 2: list indexes, written with each agreement.
	bucketIdxChanged = []byte("idx_changed") // updated(8) id(8)
	bucketIdxStatus  = []byte("idx_status")  // status 0 id(8)
	bucketIdxKind    = []byte("idx_kind")    // kind 0 id(8)
	bucketIdxParty   = []byte("idx_party")   // party(8) id(8)
	bucketIdxYear    = []byte("idx_year")    // year(2) id(8)
	bucketIdxEnd     = []byte("idx_end")     // yyyymmdd(8) id(8)
	bucketIdxParent  = []byte("idx_parent")  // parent(8) id(8)
	// Since schema 5: signed Kesepakatan Bersama with no follow-up recorded, the
	// register's sort orders and the perangkat daerah filter.
	bucketIdxQuiet   = []byte("idx_quiet")   // signed yyyymmdd(8) end yyyymmdd(8) id(8)
	bucketIdxSubject = []byte("idx_subject") // folded subject 0 id(8)
	bucketIdxPartner = []byte("idx_partner") // folded first partner's name 0 id(8)
	bucketIdxNumber  = []byte("idx_number")  // folded own number 0 id(8)
	bucketIdxImpl    = []byte("idx_impl")    // folded perangkat daerah 0 id(8)
	// signed agreements by end date, for what ends soon
	bucketIdxSignedEnd = []byte("idx_signed_end") // yyyymmdd(8) id(8)
)

// keyStatusCounts marks that the meta counters count_<status> are kept (schema 5).
var keyStatusCounts = []byte("status_counts")

// Since schema 3: the full-text index (see searchindex.go); laid out by term
// number since schema 4.
var (
	bucketSearchDict  = []byte("search_dict")  // term → number(4) document frequency
	bucketSearchIDs   = []byte("search_ids")   // number(4) → term
	bucketSearchTerms = []byte("search_terms") // number(4) chunk(4) → postings block
	bucketSearchDocs  = []byte("search_docs")  // id(8) → terms by number, as merged
	bucketSearchDelta = []byte("search_delta") // id(8) → nil: saved since the last merge
	bucketSearchWords = []byte("search_words") // derived word → its stem, for completions
)

var searchBuckets = [][]byte{bucketSearchDict, bucketSearchIDs, bucketSearchTerms, bucketSearchDocs, bucketSearchDelta, bucketSearchWords}

// bucketsV1 existed in the first schema.
var bucketsV1 = [][]byte{bucketMeta, bucketAgreements, bucketParties, bucketOfficials, bucketMandates,
	bucketHistory, bucketCounters, bucketNumbers, bucketFiles}

// indexBuckets are derived from the agreements and can be rebuilt.
// Their order numbers them in each agreement's head: add at the end only.
var indexBuckets = [][]byte{bucketIdxChanged, bucketIdxStatus, bucketIdxKind,
	bucketIdxParty, bucketIdxYear, bucketIdxEnd, bucketIdxParent, bucketIdxQuiet,
	bucketIdxSubject, bucketIdxPartner, bucketIdxNumber, bucketIdxImpl, bucketIdxSignedEnd}

// recordTag prefixes history keys with the record type.
var recordTag = map[string]byte{"agreement": 'a', "party": 'p', "official": 'o', "mandate": 'm'}

// The first byte of every record value says what follows.
const (
	encodingJSON byte = 1 // plain JSON
	// encodingSummaryJSON: uvarint length, the list summary as JSON, then the
	// agreement as JSON (schema 2 agreements).
	encodingSummaryJSON byte = 2
)
