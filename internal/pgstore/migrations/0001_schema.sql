-- Sepakat's register on PostgreSQL, version 1. Records are JSONB as the
-- exchange format writes them, beside the columns the list views need.


CREATE EXTENSION IF NOT EXISTS pg_trgm;
CREATE TABLE meta (
    key   text PRIMARY KEY,
    value jsonb NOT NULL
);

-- ids hands out record IDs: the highest ever used per type (as bbolt's
-- NextSequence), row-locked by the save that takes one.
CREATE TABLE ids (
    type text PRIMARY KEY,
    last bigint NOT NULL DEFAULT 0
);
INSERT INTO ids (type) VALUES ('agreement'), ('party'), ('official'), ('mandate');

CREATE TABLE parties (
    id   bigint PRIMARY KEY,
    rev  bigint NOT NULL,
    data jsonb  NOT NULL
);

CREATE TABLE officials (
    id       bigint PRIMARY KEY,
    rev      bigint NOT NULL,
    party_id bigint NOT NULL,
    data     jsonb  NOT NULL
);

CREATE TABLE mandates (
    id   bigint PRIMARY KEY,
    rev  bigint NOT NULL,
    data jsonb  NOT NULL
);

CREATE TABLE agreements (
    id         bigint PRIMARY KEY,
    rev        bigint NOT NULL,
    data       jsonb  NOT NULL,
    updated_ns bigint NOT NULL,
    status     text   NOT NULL,
    kind       text   NOT NULL,
    year       int    NOT NULL,
    parent_id  bigint NOT NULL DEFAULT 0,
    party_ids  bigint[] NOT NULL DEFAULT '{}',
    signer_ids bigint[] NOT NULL DEFAULT '{}',
    -- end_key is the effective end (moved by a signed Adendum) as YYYYMMDD; NULL without a valid one.
    end_key    int,
    -- own_office and own_key: the office's own number, unique per office.
    own_office bigint,
    own_key    text,
    -- sum is the list row (agreement.Summary) as JSON, kept with the record,
    -- its parent's and its parties' saves, so that a page reads small values.
    sum        jsonb  NOT NULL DEFAULT '{}',
    CONSTRAINT own_number_unique UNIQUE (own_office, own_key)
);
CREATE INDEX agreements_changed ON agreements (updated_ns DESC, id DESC);
CREATE INDEX agreements_status ON agreements (status, id);
CREATE INDEX agreements_kind ON agreements (kind, id);
CREATE INDEX agreements_year ON agreements (year, id);
CREATE INDEX agreements_end ON agreements (end_key, id) WHERE end_key IS NOT NULL;
CREATE INDEX agreements_parent ON agreements (parent_id, id);
CREATE INDEX agreements_parties ON agreements USING gin (party_ids);
CREATE INDEX agreements_signers ON agreements USING gin (signer_ids);

-- history is append-only: a trigger refuses every UPDATE and DELETE.
CREATE TABLE history (
    type    text   NOT NULL,
    id      bigint NOT NULL,
    rev     bigint NOT NULL,
    at      timestamptz NOT NULL,
    db_user text   NOT NULL DEFAULT current_user,
    entry   jsonb  NOT NULL,
    PRIMARY KEY (type, id, rev)
);
CREATE FUNCTION history_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'sepakat: history is append-only';
END $$;
CREATE TRIGGER history_append_only BEFORE UPDATE OR DELETE ON history
    FOR EACH ROW EXECUTE FUNCTION history_append_only();

-- counters: the last number handed out per office, kind and year; a
-- reservation locks its row.
CREATE TABLE counters (
    key  text PRIMARY KEY,
    data jsonb NOT NULL
);

-- issued: every number ever handed out, once.
CREATE TABLE issued (
    number text PRIMARY KEY,
    data   jsonb NOT NULL
);

CREATE TABLE files (
    sha        text PRIMARY KEY,
    media_type text NOT NULL,
    data       bytea NOT NULL
);

-- Full-text search: our analyser's terms per agreement as a tsvector (cast,
-- never parsed by a text search configuration; weight A marks the high
-- fields, D the body, one position per occurrence) with the field lengths.
CREATE TABLE search_docs (
    id       bigint PRIMARY KEY,
    len_high int NOT NULL,
    len_body int NOT NULL,
    terms    tsvector NOT NULL
);
CREATE INDEX search_docs_terms ON search_docs USING gin (terms);

-- search_postings are the same terms by term, for ranking: per agreement
-- holding the term, its counts (high fields << 16 | body) and the norms of
-- its field lengths (high << 8 | body), read in document order.
CREATE TABLE search_postings (
    term text   COLLATE "C",
    doc  bigint NOT NULL,
    tf   int    NOT NULL,
    norm int    NOT NULL,
    PRIMARY KEY (term, doc)
);

-- search_terms is the term dictionary: how many agreements hold each term,
-- for prefix expansion and, through pg_trgm, typo tolerance.
CREATE TABLE search_terms (
    term text PRIMARY KEY COLLATE "C",
    df   int  NOT NULL
);
CREATE INDEX search_terms_trgm ON search_terms USING gin (term gin_trgm_ops);

-- search_words maps the derived words met to their stems (prefix expansion
-- of what a person is still typing).
CREATE TABLE search_words (
    word text PRIMARY KEY COLLATE "C",
    stem text NOT NULL
);

-- search_stats: the number of indexed agreements and their field lengths.
CREATE TABLE search_stats (
    one        bool PRIMARY KEY DEFAULT true CHECK (one),
    docs       bigint NOT NULL DEFAULT 0,
    total_high bigint NOT NULL DEFAULT 0,
    total_body bigint NOT NULL DEFAULT 0
);
INSERT INTO search_stats DEFAULT VALUES;
