-- An agreement imported from an old register owes no originals: its list
-- row counts them done (agreement.Summarize), so the Beranda's list of
-- originals late leaves it out. The program refreshes the rows of every
-- imported agreement in this migration's transaction (refreshImportedRows
-- in outstanding.go).
SELECT 1;
