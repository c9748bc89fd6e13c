-- 0010: the thread index (internal/link/thread), the level above stories.
--
-- thread_queue holds the articles the thread step has not linked yet, in
-- publication order (undated last); a trigger queues every new article,
-- and the articles already stored are queued here. threads keeps each
-- thread's state: its first article's title, the first and last
-- publication times of its dated articles ('' when none), its article and
-- story counts and its centroid (JSON term, entity and measure weights,
-- written by news.ThreadState.EncodeCentroid). thread_stories puts each
-- story in its one thread. thread_events is the log of starts and merges
-- (news.ThreadEvent), in the order they happened. thread_df holds the
-- thread step's own document frequencies; the key '' counts the linked
-- articles.

CREATE TABLE thread_queue (
    seq       INTEGER PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
    undated   INTEGER NOT NULL,
    published TEXT    NOT NULL
);
CREATE INDEX thread_queue_order ON thread_queue (undated, published, seq);

INSERT INTO thread_queue (seq, undated, published)
    SELECT seq, published = '', published FROM articles;

CREATE TRIGGER thread_enqueue AFTER INSERT ON articles BEGIN
    INSERT OR IGNORE INTO thread_queue (seq, undated, published)
    VALUES (new.seq, new.published = '', new.published);
END;

CREATE TABLE threads (
    id         TEXT    PRIMARY KEY,
    title      TEXT    NOT NULL,
    first_time TEXT    NOT NULL,
    last_time  TEXT    NOT NULL,
    articles   INTEGER NOT NULL,
    stories    INTEGER NOT NULL,
    centroid   TEXT    NOT NULL
);
CREATE INDEX threads_last ON threads (last_time);
CREATE INDEX threads_order ON threads (articles DESC, id);

CREATE TABLE thread_stories (
    story  TEXT PRIMARY KEY,
    thread TEXT NOT NULL
);
CREATE INDEX thread_stories_thread ON thread_stories (thread);

CREATE TABLE thread_events (
    id      INTEGER PRIMARY KEY AUTOINCREMENT,
    kind    TEXT    NOT NULL,
    thread  TEXT    NOT NULL,
    other   TEXT    NOT NULL,
    article TEXT    NOT NULL,
    story   TEXT    NOT NULL,
    at      TEXT    NOT NULL,
    score   REAL    NOT NULL
);
CREATE INDEX thread_events_thread ON thread_events (thread, id);
CREATE INDEX thread_events_other ON thread_events (other, id);

CREATE TABLE thread_df (
    key TEXT    PRIMARY KEY,
    df  INTEGER NOT NULL
) WITHOUT ROWID;
