-- The Beranda's ending agreements (Dashboard): signed agreements by their
-- effective end, counted per horizon and read soonest first through this
-- index alone.
CREATE INDEX IF NOT EXISTS agreements_signed_end ON agreements (end_key, id)
    WHERE status = 'ditandatangani' AND end_key IS NOT NULL;
