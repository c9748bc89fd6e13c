-- 0007: the entity step takes its queue in publication order (undated
-- last, then storage order), as in the SQLite store and as the provenance
-- and story steps do.

ALTER TABLE entity_queue ADD COLUMN published TIMESTAMPTZ;

UPDATE entity_queue q SET published = a.published FROM articles a WHERE a.seq = q.seq;

CREATE INDEX entity_queue_order ON entity_queue (published ASC NULLS LAST, seq);

CREATE OR REPLACE FUNCTION entity_enqueue() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    INSERT INTO entity_queue (seq, published) VALUES (NEW.seq, NEW.published)
    ON CONFLICT DO NOTHING;
    RETURN NEW;
END $$;
