-- 0004: the story index (internal/link/story).
--
-- story_queue holds the articles the story step has not clustered yet, in
-- publication order (undated last); a trigger queues every new article.
-- stories keeps each story's state: its first article's title, the first
-- and last publication times of its dated articles ('' when none), its
-- article count and its centroid (JSON term and entity weights, written
-- by story.EncodeCentroid). story_members puts each clustered article in
-- its story, with its provenance family at clustering time. story_df
-- holds the document frequency of each term and entity key; the key ''
-- counts the clustered articles.

CREATE TABLE story_queue (
    seq       INTEGER PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
    undated   INTEGER NOT NULL,
    published TEXT    NOT NULL
);
CREATE INDEX story_queue_order ON story_queue (undated, published, seq);

INSERT INTO story_queue (seq, undated, published)
    SELECT seq, published = '', published FROM articles;

CREATE TRIGGER story_enqueue AFTER INSERT ON articles BEGIN
    INSERT OR IGNORE INTO story_queue (seq, undated, published)
    VALUES (new.seq, new.published = '', new.published);
END;

CREATE TABLE stories (
    id         TEXT    PRIMARY KEY,
    title      TEXT    NOT NULL,
    first_time TEXT    NOT NULL,
    last_time  TEXT    NOT NULL,
    articles   INTEGER NOT NULL,
    centroid   TEXT    NOT NULL
);
CREATE INDEX stories_last ON stories (last_time);

CREATE TABLE story_members (
    seq    INTEGER PRIMARY KEY REFERENCES articles (seq) ON DELETE CASCADE,
    story  TEXT    NOT NULL,
    family TEXT    NOT NULL
);
CREATE INDEX story_members_story ON story_members (story);
CREATE INDEX story_members_family ON story_members (family);

CREATE TABLE story_df (
    key TEXT    PRIMARY KEY,
    df  INTEGER NOT NULL
) WITHOUT ROWID;
