-- 0013: leases for link workers sharing one store, as in the SQLite
-- store: one row per claim on a piece of link work (step, batch), its
-- holder and its expiry in seconds since the Unix epoch by the
-- database's clock (clock_timestamp()).
CREATE TABLE link_leases (
    step    TEXT             NOT NULL,
    batch   TEXT             NOT NULL,
    holder  TEXT             NOT NULL,
    expires DOUBLE PRECISION NOT NULL,
    PRIMARY KEY (step, batch)
);
