package pgstore

import (
	"context"

	"sepakat/internal/service"
)

// The server keeps its search index in the transaction of every save, and
// Reindex rebuilds it in one transaction: other seats never see it half built.

// SearchIndexState implements service.SearchIndex: never rebuilding.
func (s *Store) SearchIndexState() (service.IndexState, error) { return service.IndexState{}, nil }

// FinishRebuild implements service.SearchIndex: there is nothing to finish.
func (s *Store) FinishRebuild(context.Context, func(service.IndexState)) error { return nil }
