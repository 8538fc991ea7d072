-- The Beranda's lists of what the procedure waits for (outstanding.go) and
-- its sleeping MoUs (Dashboard) are counted from indexes alone: their keys
-- are columns the server computes from the list row, each the list's mark
-- (NULL outside the list). An index on an expression of the row, as 0004
-- and 0005 made, has the server read the row of every agreement it counts.
ALTER TABLE agreements
    ADD COLUMN IF NOT EXISTS dprd_waiting boolean
        GENERATED ALWAYS AS (coalesce((sum->>'dprd_waiting')::boolean, false)) STORED,
    ADD COLUMN IF NOT EXISTS copies_due text
        GENERATED ALWAYS AS (CASE WHEN sum->>'status' = 'ditandatangani' AND NOT coalesce((sum->>'copies_done')::boolean, false)
            AND sum->>'signed' <> '' THEN sum->>'signed' END) STORED,
    ADD COLUMN IF NOT EXISTS monev_due text
        GENERATED ALWAYS AS (CASE WHEN sum->>'status' = 'ditandatangani' AND coalesce(sum->>'monev_due', '') <> ''
            THEN sum->>'monev_due' END) STORED,
    ADD COLUMN IF NOT EXISTS sent_to_partner text
        GENERATED ALWAYS AS (CASE WHEN coalesce(sum->>'sent_to_partner', '') <> '' THEN sum->>'sent_to_partner' END) STORED,
    ADD COLUMN IF NOT EXISTS quiet_signed text
        GENERATED ALWAYS AS (CASE WHEN kind = 'KSB' AND status = 'ditandatangani' AND sum->>'signed' <> ''
            AND coalesce((sum->>'follow_ups')::int, 0) = 0 AND coalesce((sum->>'children')::int, 0) = 0
            THEN sum->>'signed' END) STORED;
CREATE INDEX IF NOT EXISTS agreements_dprd ON agreements (id) WHERE dprd_waiting;
CREATE INDEX IF NOT EXISTS agreements_copies ON agreements (copies_due, id) WHERE copies_due IS NOT NULL;
CREATE INDEX IF NOT EXISTS agreements_monev ON agreements (monev_due, id) WHERE monev_due IS NOT NULL;
CREATE INDEX IF NOT EXISTS agreements_partner ON agreements (sent_to_partner, id) WHERE sent_to_partner IS NOT NULL;
CREATE INDEX IF NOT EXISTS agreements_quiet ON agreements (quiet_signed, end_key, id) WHERE quiet_signed IS NOT NULL;
DROP INDEX IF EXISTS agreements_dprd_waiting, agreements_copies_due, agreements_monev_due, agreements_sent_to_partner,
    agreements_quiet_ksb;
