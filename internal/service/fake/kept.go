package fake

import (
	"bytes"
	"slices"

	"sepakat/internal/agreement"
	"sepakat/internal/dataset"
	"sepakat/internal/service"
)

// As the store keeps them: own numbers unique per office, and stored files
// that enter with the save referring to them and leave with the save that
// drops the last reference. PutFile only stages the bytes (f.staged).

// carrier is an agreement other than self carrying number key for office.
func (f *Fake) carrier(office agreement.ID, key string, self agreement.ID) (agreement.ID, bool) {
	for _, id := range sortedIDs(f.st.recs[kAgreement]) {
		if id == self {
			continue
		}
		a, ok := get[agreement.Agreement](&f.st, kAgreement, id)
		if !ok {
			continue
		}
		if o, k, _ := service.OwnNumber(&a); k == key && o == office {
			return id, true
		}
	}
	return 0, false
}

// checkNumber refuses next's own number when the save gives it and another
// agreement of the office carries it.
func (f *Fake) checkNumber(prev, next *agreement.Agreement) error {
	office, key, _ := service.OwnNumber(next)
	if key == "" || !service.NumberChanged(prev, next) {
		return nil
	}
	other, ok := f.carrier(office, key, next.ID)
	if !ok {
		return nil
	}
	sum, _ := get[agreement.Agreement](&f.st, kAgreement, other)
	return service.NumberTaken(next, agreement.Summary{ID: other, Kind: sum.Kind, Subject: sum.Subject})
}

// filesOf lists the stored files a record (an agreement or party, as JSON)
// refers to.
func filesOf(k kind, raw []byte) []string {
	var out []string
	switch k {
	case kAgreement:
		a, err := decode[agreement.Agreement](raw)
		if err != nil {
			return nil
		}
		for _, at := range a.Attachments {
			if sha := at.File.SHA256; sha != "" && !slices.Contains(out, sha) {
				out = append(out, sha)
			}
		}
	case kParty:
		p, err := decode[agreement.Party](raw)
		if err == nil && p.Lambang != nil && p.Lambang.SHA256 != "" {
			out = append(out, p.Lambang.SHA256)
		}
	}
	return out
}

// referenced reports whether any agreement or party refers to file sha.
func (f *Fake) referenced(sha string) bool {
	for _, k := range []kind{kAgreement, kParty} {
		for _, raw := range f.st.recs[k] {
			if bytes.Contains(raw, []byte(sha)) && slices.Contains(filesOf(k, raw), sha) {
				return true
			}
		}
	}
	return false
}

// moveFiles follows a record's save from prevRaw to raw (already stored):
// staged files it now refers to are stored, files nothing refers to any more
// are dropped.
func (f *Fake) moveFiles(k kind, prevRaw, raw []byte) {
	old, fresh := filesOf(k, prevRaw), filesOf(k, raw)
	for _, sha := range fresh {
		if _, ok := f.st.files[sha]; ok || slices.Contains(old, sha) {
			continue
		}
		if file, ok := f.staged[sha]; ok {
			f.st.files[sha] = file
			delete(f.staged, sha)
		}
	}
	for _, sha := range old {
		if !slices.Contains(fresh, sha) && !f.referenced(sha) {
			delete(f.st.files, sha)
		}
	}
}

// stage keeps a file PutFile received until a save refers to it.
func (f *Fake) stage(file dataset.File) {
	if f.staged == nil {
		f.staged = map[string]dataset.File{}
	}
	f.staged[file.SHA256] = file
}
