package docx

import (
	"bytes"
	"testing"
)

func read(t testing.TB, data []byte) *Received {
	t.Helper()
	rec, err := Read(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	return rec
}

// TestUnchangedFileHasNoChanges: our own file read back says exactly what
// the document says, for the examples and a 40-pasal PKS.
func TestUnchangedFileHasNoChanges(t *testing.T) {
	s := examples(t)
	for id := 1; id <= 4; id++ {
		a, err := s.Agreement(agreementID(id))
		if err != nil {
			if id == 4 {
				a, d := pks40(t, s)
				check(t, "pks40", a.ID, d)
			}
			continue
		}
		check(t, "example", a.ID, build(t, s, &a))
	}
}
