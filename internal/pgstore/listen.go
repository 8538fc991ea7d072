package pgstore

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"time"

	"github.com/jackc/pgx/v5"

	"sepakat/internal/agreement"
	"sepakat/internal/service"
)

// Other seats' saves reach this one through LISTEN/NOTIFY: a save of a
// registry record sends a notice in its transaction (PostgreSQL delivers it
// on commit), and a connection of its own listens and hands notices from
// other instances to the subscribers (service.Notifier). A lost connection
// is made again; since notices may have been missed meanwhile, the
// subscribers then hear RegistryAll.

// notice is the payload of a change notice.
type notice struct {
	Registry service.Registry `json:"r"`
	ID       agreement.ID     `json:"id,omitempty"`
	From     string           `json:"from"`
}

// channel is the notice channel of the register in the schema of q.
func channel(ctx context.Context, q querier) (string, error) {
	var schema string
	err := q.QueryRow(ctx, "SELECT current_schema()").Scan(&schema)
	return "sepakat_changes_" + schema, err
}

func newInstanceID() string {
	b := make([]byte, 8)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}

// sendNotice sends a change notice in tx (when it commits).
func (s *Store) sendNotice(ctx context.Context, tx pgx.Tx, r service.Registry, id agreement.ID) error {
	b := &pgx.Batch{}
	s.queueNotice(b, r, id)
	return tx.SendBatch(ctx, b).Close()
}

// queueNotice queues a change notice in b (sent when its transaction commits).
func (s *Store) queueNotice(b *pgx.Batch, r service.Registry, id agreement.ID) {
	payload, _ := json.Marshal(notice{Registry: r, ID: id, From: s.instance})
	b.Queue("SELECT pg_notify($1, $2)", s.channel, string(payload))
}

// listen runs until ctx ends, connecting again after a failure.
func (s *Store) listen(ctx context.Context, cfg *pgx.ConnConfig) {
	defer close(s.listening)
	first := true
	for ctx.Err() == nil {
		err := s.listenOnce(ctx, cfg, !first)
		first = false
		if ctx.Err() != nil {
			return
		}
		_ = err // the server is away; try again shortly
		select {
		case <-ctx.Done():
			return
		case <-time.After(500 * time.Millisecond):
		}
	}
}

func (s *Store) listenOnce(ctx context.Context, cfg *pgx.ConnConfig, again bool) error {
	c, err := pgx.ConnectConfig(ctx, cfg)
	if err != nil {
		return err
	}
	defer c.Close(context.WithoutCancel(ctx))
	if _, err := c.Exec(ctx, "LISTEN "+pgx.Identifier{s.channel}.Sanitize()); err != nil {
		return err
	}
	if again {
		s.notes.Notify(service.Change{Registry: service.RegistryAll})
	}
	for {
		n, err := c.WaitForNotification(ctx)
		if err != nil {
			return err
		}
		var nt notice
		if json.Unmarshal([]byte(n.Payload), &nt) != nil || nt.From == s.instance {
			continue // our own saves told the subscribers already
		}
		s.notes.Notify(service.Change{Registry: nt.Registry, ID: nt.ID})
	}
}
