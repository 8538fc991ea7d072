-- A term's postings are read through the primary key alone (an index-only
-- scan): the key carries their counts and norms. The rows lie in the order
-- they were written, by agreement, so that reading a common term's postings
-- from the table visited a page per posting. Run again (a test resets the
-- migrations), it builds the same key.
SET LOCAL maintenance_work_mem = '256MB';
ALTER TABLE search_postings DROP CONSTRAINT IF EXISTS search_postings_pkey;
ALTER TABLE search_postings ADD CONSTRAINT search_postings_pkey PRIMARY KEY (term, doc) INCLUDE (tf, norm);
