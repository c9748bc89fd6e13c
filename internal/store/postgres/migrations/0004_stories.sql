-- 0004: the story index (internal/link/story), as in the SQLite store.
-- story_queue holds the articles the story step has not clustered yet, in
-- publication order (undated last); a trigger queues every new article.
-- stories keeps each story's state; its times are fixed-width UTC RFC 3339
-- text ('' when the story has no dated article), compared byte-wise, so
-- both stores choose among the same stories. story_members puts each
-- clustered article in its story, with its provenance family. story_df
-- holds document frequencies; the key '' counts the clustered articles.

CREATE TABLE story_queue (
    seq       BIGINT PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
    published TIMESTAMPTZ
);
CREATE INDEX story_queue_order ON story_queue (published ASC NULLS LAST, seq);

INSERT INTO story_queue (seq, published) SELECT seq, published FROM articles;

CREATE FUNCTION story_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO story_queue (seq, published) VALUES (NEW.seq, NEW.published)
    ON CONFLICT DO NOTHING;
    RETURN NEW;
END $$;

CREATE TRIGGER story_enqueue AFTER INSERT ON articles
    FOR EACH ROW EXECUTE FUNCTION story_enqueue();

CREATE TABLE stories (
    id         TEXT COLLATE "C" PRIMARY KEY,
    title      TEXT    NOT NULL,
    first_time TEXT COLLATE "C" NOT NULL,
    last_time  TEXT COLLATE "C" NOT NULL,
    articles   INTEGER NOT NULL,
    centroid   TEXT    NOT NULL
);
CREATE INDEX stories_last ON stories (last_time);

CREATE TABLE story_members (
    seq    BIGINT PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
    story  TEXT   NOT NULL,
    family TEXT   NOT NULL
);
CREATE INDEX story_members_story ON story_members (story);
CREATE INDEX story_members_family ON story_members (family);

CREATE TABLE story_df (
    key TEXT    PRIMARY KEY,
    df  INTEGER NOT NULL
);
