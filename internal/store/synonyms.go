package store

import (
	bolt "go.etcd.io/bbolt"

	"sepakat/internal/search"
	"sepakat/internal/service"
	"sepakat/internal/store/schema"
)

// maxSynonymsBytes bounds the office's synonym list.
const maxSynonymsBytes = 64 << 10

func (s *Store) an() *search.Analyzer { return s.analyzer.Load() }

// loadAnalyzer builds the analysis from the shipped lists and the office's own
// synonyms stored in the file.
func (s *Store) loadAnalyzer() error {
	var user string
	err := s.db.View(func(tx *bolt.Tx) error {
		if meta := tx.Bucket(schema.Meta); meta != nil {
			user = string(meta.Get(schema.KeySearchSynonyms))
		}
		return nil
	})
	if err != nil {
		return err
	}
	an, err := search.Shipped() // shared, with its memos warm
	if user != "" {
		an, err = search.WithUserSynonyms(user)
	}
	if err != nil {
		return err
	}
	s.analyzer.Store(an)
	return nil
}

// refreshSearch rebuilds the full-text index when it was built with another
// analysis (a new version's word lists, or synonyms changed elsewhere).
func (s *Store) refreshSearch() error {
	current := true
	err := s.db.View(func(tx *bolt.Tx) error {
		current = string(tx.Bucket(schema.Meta).Get(schema.KeySearchAnalyzer)) == s.an().Fingerprint()
		return nil
	})
	if err != nil || current {
		return err
	}
	return s.db.Update(s.rebuildSearch)
}

// Synonyms returns the shipped synonym list and the office's own.
func (s *Store) Synonyms() (shipped, own string, err error) {
	err = s.db.View(func(tx *bolt.Tx) error {
		own = string(tx.Bucket(schema.Meta).Get(schema.KeySearchSynonyms))
		return nil
	})
	return search.ShippedSynonyms(), own, err
}

// SetSynonyms replaces the office's own synonym list (one group per line, names
// separated by commas) and rebuilds the full-text index with it, in one
// transaction.
func (s *Store) SetSynonyms(text string) error {
	if len(text) > maxSynonymsBytes {
		return &service.SynonymsError{TooLarge: true, Limit: maxSynonymsBytes}
	}
	if problems := search.CheckSynonyms(text); len(problems) > 0 {
		se := &service.SynonymsError{}
		for _, p := range problems {
			se.Problems = append(se.Problems, service.SynonymLine{Line: p.Line, Text: p.Text})
		}
		return se
	}
	an, err := search.WithUserSynonyms(text)
	if err != nil {
		return err
	}
	s.background.Wait()
	err = s.db.Update(func(tx *bolt.Tx) error {
		if err := tx.Bucket(schema.Meta).Put(schema.KeySearchSynonyms, []byte(text)); err != nil {
			return err
		}
		return s.rebuildSearchWith(tx, an)
	})
	if err != nil {
		return err
	}
	s.analyzer.Store(an)
	s.pending.mu.Lock()
	s.pending.m = nil
	s.pending.mu.Unlock()
	return nil
}
