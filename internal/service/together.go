package service

import "sepakat/internal/agreement"

// Saver saves records inside the one write Together opened. Its saves follow
// the rules of the backend's own (validation, revisions, history).
type Saver interface {
	SaveParty(*agreement.Party) error
	SaveOfficial(*agreement.Official) error
	SaveMandate(*agreement.Mandate) error
	SaveAgreement(*agreement.Agreement) error
}

// Together saves several records that belong together as one write, such
// as the parties, officials and surat kuasa a partner's package brings with
// the agreement that names them.
type Together interface {
	// Together runs fn, whose saves through the Saver are stored all at
	// once when fn returns nil, and none of them when fn or one of its saves
	// fails. The records handed to the Saver take their IDs and revisions
	// only then. fn must not use the backend otherwise meanwhile.
	Together(fn func(Saver) error) error
}
