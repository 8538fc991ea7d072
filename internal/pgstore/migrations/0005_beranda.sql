-- The Beranda's lists of what the procedure waits for (outstanding.go) read
-- their rows through partial indexes of the list rows' marks, in the lists'
-- order, instead of reading every agreement's JSONB. Each predicate is the
-- list's, word for word.
CREATE INDEX IF NOT EXISTS agreements_dprd_waiting ON agreements (id)
    WHERE (sum->>'dprd_waiting')::boolean;
CREATE INDEX IF NOT EXISTS agreements_copies_due ON agreements ((sum->>'signed'), id)
    WHERE sum->>'status' = 'ditandatangani' AND NOT coalesce((sum->>'copies_done')::boolean, false) AND sum->>'signed' <> '';
CREATE INDEX IF NOT EXISTS agreements_monev_due ON agreements ((sum->>'monev_due'), id)
    WHERE sum->>'status' = 'ditandatangani' AND coalesce(sum->>'monev_due', '') <> '';
-- The Beranda's sleeping MoUs (Dashboard): signed Kesepakatan Bersama
-- without children or follow-ups, by the day they were signed.
CREATE INDEX IF NOT EXISTS agreements_quiet_ksb ON agreements ((sum->>'signed'), id)
    WHERE kind = 'KSB' AND status = 'ditandatangani' AND sum->>'signed' <> ''
    AND coalesce((sum->>'follow_ups')::int, 0) = 0 AND coalesce((sum->>'children')::int, 0) = 0;
