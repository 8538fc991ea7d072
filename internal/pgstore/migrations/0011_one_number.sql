-- One number per party and one rangkap: a record written before kept the
-- numbers and the rangkap typed at signing in its signing record too
-- (signing.numbers, signing.copies). The program moves them to the parties'
-- numbers and the agreement's copies (agreement.FoldSigning) in this
-- migration's transaction (foldSigningRecords in numbers.go), with each own
-- number's key and list row.
SELECT 1;
