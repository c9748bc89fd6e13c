-- 0010: the thread index (internal/link/thread), as in the SQLite store.
-- thread_queue holds the articles the thread step has not linked yet, in
-- publication order (undated last); a trigger queues every new article,
-- and the articles already stored are queued here. threads keeps each
-- thread's state; its times are fixed-width UTC text ('' when none),
-- compared byte-wise, so both stores choose among the same threads.
-- thread_stories puts each story in its one thread; thread_events is the
-- log of starts and merges; thread_df holds the step's own document
-- frequencies (the key '' counts the linked articles).

CREATE TABLE thread_queue (
    seq       BIGINT PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
    published TIMESTAMPTZ
);
CREATE INDEX thread_queue_order ON thread_queue (published ASC NULLS LAST, seq);

INSERT INTO thread_queue (seq, published) SELECT seq, published FROM articles;

CREATE FUNCTION thread_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO thread_queue (seq, published) VALUES (NEW.seq, NEW.published)
    ON CONFLICT DO NOTHING;
    RETURN NEW;
END $$;

CREATE TRIGGER thread_enqueue AFTER INSERT ON articles
    FOR EACH ROW EXECUTE FUNCTION thread_enqueue();

CREATE TABLE threads (
    id         TEXT COLLATE "C" PRIMARY KEY,
    title      TEXT    NOT NULL,
    first_time TEXT COLLATE "C" NOT NULL,
    last_time  TEXT COLLATE "C" NOT NULL,
    articles   INTEGER NOT NULL,
    stories    INTEGER NOT NULL,
    centroid   TEXT    NOT NULL
);
CREATE INDEX threads_last ON threads (last_time);
CREATE INDEX threads_order ON threads (articles DESC, id);

CREATE TABLE thread_stories (
    story  TEXT COLLATE "C" PRIMARY KEY,
    thread TEXT COLLATE "C" NOT NULL
);
CREATE INDEX thread_stories_thread ON thread_stories (thread);

CREATE TABLE thread_events (
    id      BIGSERIAL PRIMARY KEY,
    kind    TEXT NOT NULL,
    thread  TEXT COLLATE "C" NOT NULL,
    other   TEXT COLLATE "C" NOT NULL,
    article TEXT NOT NULL,
    story   TEXT NOT NULL,
    at      TEXT COLLATE "C" NOT NULL,
    score   DOUBLE PRECISION NOT NULL
);
CREATE INDEX thread_events_thread ON thread_events (thread, id);
CREATE INDEX thread_events_other ON thread_events (other, id);

CREATE TABLE thread_df (
    key TEXT PRIMARY KEY,
    df  INTEGER NOT NULL
);
