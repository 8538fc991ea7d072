package store

import "sepakat/internal/store/schema"

// SchemaVersion is the layout this code reads and writes; every bucket and key
// name is in package schema.
const SchemaVersion = schema.Version

// The first byte of every record value says what follows.
const (
	encodingJSON byte = 1 // plain JSON
	// encodingSummaryJSON: uvarint length, the list summary as JSON, then the
	// agreement as JSON (schema 2 agreements).
	encodingSummaryJSON byte = 2
	// encodingSealed, set on the first byte (schema 6), says a CRC-32C of the
	// value without it follows, 4 bytes big-endian, before the rest.
	encodingSealed byte = 0x80
)
