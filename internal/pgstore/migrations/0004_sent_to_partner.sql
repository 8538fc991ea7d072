-- Each list row carries the day a draft went to the partner while the
-- partner's turn lasts (agreement.Summary.SentToPartner, issue 16). The
-- program refreshes the rows of every agreement with a draft attachment in
-- this migration's transaction (refreshPartnerRows in outstanding.go); the
-- partial index serves the Beranda's list.
CREATE INDEX IF NOT EXISTS agreements_sent_to_partner ON agreements ((sum->>'sent_to_partner'), id)
    WHERE coalesce(sum->>'sent_to_partner', '') <> '';
