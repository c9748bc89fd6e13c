-- 0014: narrower LSH keys (internal/link/provenance). A band key is now
-- the top 31 bits of the band's hash, and an article has 6 copy and 22
-- content bands instead of 20 and 20. The first 6 copy and the first 20
-- content bands are the old ones, so each stored key narrowed (key >> 32)
-- is the key the step computes now for that band; the narrowed keys of
-- the dropped copy bands never match a new key (beyond a chance
-- collision) and stay with the articles judged before this migration.
-- Rows the narrowing makes duplicates go.

CREATE TABLE provenance_keys_narrow (
    key BIGINT NOT NULL,
    seq BIGINT NOT NULL REFERENCES articles (seq) ON DELETE CASCADE,
    PRIMARY KEY (key, seq)
);

INSERT INTO provenance_keys_narrow (key, seq)
    SELECT key >> 32, seq FROM provenance_keys ORDER BY 1, 2
    ON CONFLICT DO NOTHING;

DROP TABLE provenance_keys;
ALTER TABLE provenance_keys_narrow RENAME TO provenance_keys;
ALTER INDEX provenance_keys_narrow_pkey RENAME TO provenance_keys_pkey;
