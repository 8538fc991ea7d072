package cli

import (
	"errors"
	"fmt"
	"strings"

	"sepakat/internal/i18n"
	"sepakat/internal/service"
)

// The words of compact and of the search index's rebuild.
var indexMsg = map[string]i18n.Text{
	"compact_done":   {ID: "Berkas data dipadatkan: %s → %s.", EN: "Data file compacted: %s → %s."},
	"compact_none":   {ID: "Berkas data tidak dapat dipadatkan oleh penyimpanan ini.", EN: "This storage cannot compact its data file."},
	"rebuild_step":   {ID: "Membangun ulang indeks pencarian… %d %%", EN: "Rebuilding the search index… %d %%"},
	"rebuild_done":   {ID: "Indeks pencarian selesai dibangun ulang.", EN: "The search index has been rebuilt."},
	"compact_change": {ID: "Berkas data berubah selama pemadatan; tidak ada yang diganti. Coba lagi.", EN: "The data file changed during compaction; nothing was replaced. Try again."},
}

// compact rewrites the data file without its free pages and says the sizes
// before and after.
func (r *runner) compact(args []string) error {
	if len(args) > 0 {
		return r.misuse("bad_flag", strings.Join(args, " "))
	}
	return r.withData(func(s service.Service) error {
		c, ok := s.(service.Compactor)
		if !ok {
			return &exitError{ExitError, indexMsg["compact_none"].In(r.Lang)}
		}
		res, err := c.Compact(r.ctx, true)
		if err != nil {
			return err
		}
		if !res.Done {
			return &exitError{ExitError, indexMsg["compact_change"].In(r.Lang)}
		}
		fmt.Fprintln(r.Stdout, indexMsg["compact_done"].In(r.Lang, size(res.Before), size(res.After)))
		return nil
	})
}

// finishRebuild ends a rebuild of the search index that the data file holds
// (after an upgrade that changed the word lists, or one interrupted), saying
// so in the message search gives meanwhile, then its progress.
func (r *runner) finishRebuild(s service.SearchIndex) error {
	st, err := s.SearchIndexState()
	if err != nil || !st.Rebuilding {
		return err
	}
	fmt.Fprintln(r.Stderr, service.Message(&service.RebuildingError{Percent: st.Percent}, r.Lang))
	shown := st.Percent / 10
	err = s.FinishRebuild(r.ctx, func(st service.IndexState) {
		if st.Rebuilding && st.Percent/10 > shown {
			shown = st.Percent / 10
			fmt.Fprintln(r.Stderr, indexMsg["rebuild_step"].In(r.Lang, st.Percent))
		}
	})
	if err != nil {
		return err
	}
	fmt.Fprintln(r.Stderr, indexMsg["rebuild_done"].In(r.Lang))
	return nil
}

// searchRebuilding is searchOn that, when the index is being rebuilt, ends
// the rebuild first (saying so) and then searches.
func (r *runner) searchRebuilding(s service.Service, q service.SearchQuery, asJSON bool) error {
	err := r.searchOn(s, q, asJSON)
	if !errors.Is(err, service.ErrRebuilding) {
		return err
	}
	if err := r.finishRebuild(s); err != nil {
		return err
	}
	return r.searchOn(s, q, asJSON)
}
