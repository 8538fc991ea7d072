package schema

import (
	"slices"
	"testing"
)

// Files written before must open as they are: the names, and the order of the
// list indexes (each agreement's head numbers its keys by it), do not change.
func TestNamesOnDisk(t *testing.T) {
	var names []string
	for _, list := range [][][]byte{BucketsV1, IndexBuckets, SearchBuckets, BucketsV7} {
		for _, b := range list {
			names = append(names, string(b))
		}
	}
	want := []string{"meta", "agreements", "parties", "officials", "mandates", "history", "counters", "issued_numbers", "files",
		"idx_changed", "idx_status", "idx_kind", "idx_party", "idx_year", "idx_end", "idx_parent", "idx_quiet",
		"idx_subject", "idx_partner", "idx_number", "idx_impl", "idx_signed_end", "idx_todo",
		"search_dict", "search_ids", "search_terms", "search_docs", "search_delta", "search_words",
		"own_numbers", "file_refs"}
	if !slices.Equal(names, want) {
		t.Errorf("buckets %v\nwant    %v", names, want)
	}
	keys := map[string]bool{}
	for _, k := range [][]byte{KeySchemaVersion, KeyCreated, KeyExamplesLoaded, KeyStatusCounts, KeySearchDocs,
		KeySearchLen0, KeySearchLen1, KeySearchNextTerm, KeySearchAnalyzer, KeySearchSynonyms, CountKey("konsep")} {
		if keys[string(k)] {
			t.Errorf("meta key %q declared twice", k)
		}
		keys[string(k)] = true
	}
	if string(CountKey("ditandatangani")) != "count_ditandatangani" || Version != 13 {
		t.Error("count keys or the schema version changed")
	}
	// The procedure's marks in IdxTodo (schema 8, and 'p' since 10).
	if string([]byte{TodoDPRD, TodoCopies, TodoMonev, TodoPartner}) != "dcmp" {
		t.Error("the IdxTodo kinds changed")
	}
	if k := OwnNumberKey(2, "7/PKS", 9); string(k) != "\x00\x00\x00\x00\x00\x00\x00\x027/PKS\x00\x00\x00\x00\x00\x00\x00\x00\x09" {
		t.Errorf("own number key %q", k)
	}
	if k := FileRefKey("ab", 'p', 3); string(k) != "ab\x00p\x00\x00\x00\x00\x00\x00\x00\x03" {
		t.Errorf("file reference key %q", k)
	}
	if k := PostingsKey(0x01020304, 5); string(k) != "\x01\x02\x03\x04\x00\x00\x00\x05" || string(TermKey(7)) != "\x00\x00\x00\x07" {
		t.Errorf("postings key %x", k)
	}
}
