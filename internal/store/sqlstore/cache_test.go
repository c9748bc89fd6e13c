package sqlstore

import (
	"errors"
	"testing"

	"sitrep/internal/news"
)

// TestCentroidCache: a centroid is decoded once per text; a changed text
// is decoded again (never the stale state), a failed decode is not kept,
// and keep drops what the last window did not return once the cache is
// over its bound.
func TestCentroidCache(t *testing.T) {
	var c centroidCache[news.StoryState]
	decodes := 0
	get := func(id, text string) news.StoryState {
		t.Helper()
		st, err := c.lookup(id, text, func() (news.StoryState, error) {
			decodes++
			s := news.StoryState{ID: id}
			return s, s.DecodeCentroid(text)
		})
		if err != nil {
			t.Fatal(err)
		}
		return st
	}
	a := `{"terms":{"ceasefire":1.5},"entities":{},"term_norm":2,"entity_norm":0}`
	b := `{"terms":{"ceasefire":2.5,"talks":1},"entities":{},"term_norm":3,"entity_norm":0}`
	if st := get("s1", a); st.Terms["ceasefire"] != 1.5 || decodes != 1 {
		t.Fatalf("first read: %+v, %d decodes", st, decodes)
	}
	if st := get("s1", a); st.Terms["ceasefire"] != 1.5 || decodes != 1 {
		t.Fatalf("same text: %+v, %d decodes, want the cached state", st, decodes)
	}
	if st := get("s1", b); st.Terms["ceasefire"] != 2.5 || st.TermNorm != 3 || decodes != 2 {
		t.Fatalf("changed text: %+v, %d decodes, want the new state", st, decodes)
	}
	if _, err := c.lookup("s2", "{", func() (news.StoryState, error) {
		s := news.StoryState{ID: "s2"}
		return s, s.DecodeCentroid("{")
	}); err == nil {
		t.Fatal("bad centroid: no error")
	}
	if _, ok := c.entries["s2"]; ok {
		t.Error("a failed decode was cached")
	}
	get("s3", a)
	c.keep(map[string]bool{"s3": true}, 1)
	if _, ok := c.entries["s1"]; ok || len(c.entries) != 1 {
		t.Errorf("keep: entries %v, want only s3", c.entries)
	}
	_, err := c.lookup("s4", a, func() (news.StoryState, error) { return news.StoryState{}, errors.New("boom") })
	if err == nil {
		t.Error("decode error not returned")
	}
}
