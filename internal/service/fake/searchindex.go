package fake

import (
	"context"

	"sepakat/internal/service"
)

// The fake searches its records directly: its index is never being rebuilt.

// SearchIndexState implements service.SearchIndex.
func (f *Fake) SearchIndexState() (service.IndexState, error) { return service.IndexState{}, nil }

// FinishRebuild implements service.SearchIndex: there is nothing to finish.
func (f *Fake) FinishRebuild(context.Context, func(service.IndexState)) error { return nil }
