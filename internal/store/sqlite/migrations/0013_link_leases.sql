-- 0013: leases for link workers sharing one store (issue 17, item 3).
--
-- A lease is a claim on one piece of link work, held by one worker
-- (holder) until expires (seconds since the Unix epoch, by the
-- database's clock): a step's batch of queued articles to prepare
-- (step, batch = the batch's first article ID) or the right to commit
-- (step 'link', batch 'commit'). A worker takes a lease with one
-- INSERT … ON CONFLICT … DO UPDATE that succeeds only when no other
-- holder's lease is live, renews it the same way, and deletes it when
-- done (internal/store/sqlstore, leases.go; internal/link, lease.go).
CREATE TABLE link_leases (
    step    TEXT NOT NULL,
    batch   TEXT NOT NULL,
    holder  TEXT NOT NULL,
    expires REAL NOT NULL,
    PRIMARY KEY (step, batch)
) WITHOUT ROWID;
