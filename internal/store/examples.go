package store

import (
	"context"

	bolt "go.etcd.io/bbolt"

	"sepakat/internal/dataset"
	"sepakat/internal/service"
	"sepakat/internal/store/schema"
)

// LoadExamples adds the shipped examples (resources/examples), renumbered after the
// records already stored, once per data file.
func (s *Store) LoadExamples() error {
	d, err := service.OurExamples(s)
	if err != nil {
		return err
	}
	return s.LoadDataset(d)
}

// LoadDataset adds d as examples: renumbered after the records already stored,
// once per data file.
func (s *Store) LoadDataset(d *dataset.Dataset) error {
	off, err := s.Offsets()
	if err != nil {
		return err
	}
	d.Shift(off)
	if err := service.CheckUnique(d); err != nil {
		return err
	}
	err = s.update(func(tx *bolt.Tx) error {
		meta := tx.Bucket(schema.Meta)
		if meta.Get(schema.KeyExamplesLoaded) != nil {
			return service.ErrExamplesLoaded
		}
		if err := s.importTx(context.Background(), tx, d); err != nil {
			return err
		}
		return meta.Put(schema.KeyExamplesLoaded, []byte(s.now().UTC().Format("2006-01-02T15:04:05Z")))
	})
	if err == nil {
		s.afterWrite()
		s.notes.Notify(service.Change{Registry: service.RegistryAll})
	}
	return err
}

// ExamplesLoaded reports whether LoadExamples has run on this file.
func (s *Store) ExamplesLoaded() (bool, error) {
	loaded := false
	err := s.view(func(tx *bolt.Tx) error {
		loaded = tx.Bucket(schema.Meta).Get(schema.KeyExamplesLoaded) != nil
		return nil
	})
	return loaded, err
}
