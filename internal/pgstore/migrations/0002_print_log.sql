-- An agreement's history also keeps its prints (issue 15): each is numbered
-- per agreement (seq > 0) and recorded at the revision then stored; a change
-- has seq 0. Adding a column with a default updates no row, so the
-- append-only trigger stays in force.
ALTER TABLE history ADD COLUMN seq bigint NOT NULL DEFAULT 0;
ALTER TABLE history DROP CONSTRAINT history_pkey;
ALTER TABLE history ADD PRIMARY KEY (type, id, rev, seq);
CREATE UNIQUE INDEX history_print ON history (type, id, seq) WHERE seq > 0;
