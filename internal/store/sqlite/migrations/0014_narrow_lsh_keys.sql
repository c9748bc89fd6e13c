-- 0014: narrower LSH keys (internal/link/provenance). A band key is now
-- the top 31 bits of the band's hash (4 bytes in a record, not 8), and an
-- article has 6 copy and 22 content bands instead of 20 and 20: about 370
-- bytes of index per article instead of about 700. The first 6 copy and
-- the first 20 content bands are the old ones, so each stored key narrowed
-- (key >> 32) is the key the step computes now for that band; the keys of
-- the dropped copy bands, narrowed too, never match a new key (beyond a
-- chance collision) and stay with the articles judged before this
-- migration (their rows are smaller, not fewer); those articles lack the
-- two new content bands. A copy of the table drops any row the narrowing
-- makes a duplicate. The file keeps its pages until VACUUM.

CREATE TABLE provenance_keys_narrow (
    key INTEGER NOT NULL,
    seq INTEGER NOT NULL,
    PRIMARY KEY (key, seq)
) WITHOUT ROWID;

INSERT OR IGNORE INTO provenance_keys_narrow (key, seq)
    SELECT key >> 32, seq FROM provenance_keys ORDER BY 1, 2;

DROP TABLE provenance_keys;
ALTER TABLE provenance_keys_narrow RENAME TO provenance_keys;
