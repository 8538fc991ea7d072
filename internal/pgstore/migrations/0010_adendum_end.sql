-- An Adendum without a term of its own ends with its parent
-- (agreement.EndsWithParent): its list row carries its parent's end and the
-- mark ends_with_parent, and the Beranda's ending list leaves it out, since
-- its parent's line is the reminder. The program refreshes the rows of every
-- Adendum in this migration's transaction (refreshAdendumRows in
-- adendum.go), after the index is made anew.
DROP INDEX IF EXISTS agreements_signed_end;
CREATE INDEX agreements_signed_end ON agreements (end_key, id)
    WHERE status = 'ditandatangani' AND end_key IS NOT NULL AND NOT (sum ? 'ends_with_parent');
