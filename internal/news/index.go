package news

import (
	"encoding/json"
	"fmt"
	"time"
)

// The records below are what the link steps (internal/link/...) and the
// stores exchange: each step declares the small store interface it needs
// in these types, and the stores implement those interfaces without
// importing the steps.

// EntityName is one known name of an entity, as the entity-merging step
// records it.
type EntityName struct {
	// Key is the normalised name (facts.Key), computed by the step.
	Key string
	// Block is the candidate bucket of Key (see link/entity.Block),
	// computed by the step; EntityNames reads one block at a time.
	Block     string
	Type      string
	Entity    string
	Canonical string
}

// EntityAlias is one written form of an entity, with its count.
type EntityAlias struct {
	Text  string `json:"text"`
	Count int    `json:"count"`
}

// EntityMentions is what one article says of one entity.
type EntityMentions struct {
	Entity    string
	Canonical string
	Type      string
	Aliases   []EntityAlias
}

// EntitySummary is one canonical entity across the stored articles.
type EntitySummary struct {
	Entity    string        `json:"entity"`
	Canonical string        `json:"canonical"`
	Type      string        `json:"type"`
	Mentions  int           `json:"mentions"`
	Articles  int           `json:"articles"`
	Aliases   []EntityAlias `json:"aliases"`
	// ArticleIDs lists the newest articles (at most MaxEntityArticleIDs)
	// that mention the entity, sorted by ID (sitrep entity NAME only).
	ArticleIDs []string `json:"article_ids,omitempty"`
}

// MaxEntityArticleIDs bounds EntitySummary.ArticleIDs, so that reading
// an entity costs the same however many articles mention it.
const MaxEntityArticleIDs = 1000

// ProvenanceRef names a stored article for the provenance index.
type ProvenanceRef struct {
	ID string
	// Seq is the store's insertion order, the tie-break of publication
	// order.
	Seq int64
	// Published is the publication time; zero when unknown, which sorts
	// after every known time.
	Published time.Time
	// Indexed is true when the article's keys are already in the index
	// (it has been judged before).
	Indexed bool
}

// Before reports whether r comes before o in publication order.
func (r ProvenanceRef) Before(o ProvenanceRef) bool {
	switch {
	case r.Published.IsZero() != o.Published.IsZero():
		return !r.Published.IsZero()
	case !r.Published.Equal(o.Published):
		return r.Published.Before(o.Published)
	}
	return r.Seq < o.Seq
}

// ProvenanceRecord is what the provenance step stores for one judged
// article.
type ProvenanceRecord struct {
	ID string
	// Keys are the LSH band keys of the article's signatures.
	Keys []int64
	// Host is the article's URL host, for declared-source look-ups.
	Host   string
	Kind   string
	Of     string
	Family string
	// Requeue lists articles to judge again: later articles that may
	// derive from this one, and articles whose family ran through it.
	Requeue []string
}

// StoryState is a story as the story step keeps it.
type StoryState struct {
	ID string
	// Title is the title of the story's first article.
	Title string
	// First and Last are the earliest and latest publication times of its
	// dated articles; zero when it has none.
	First, Last time.Time
	// Articles is the number of articles in the story.
	Articles int
	// Terms is the centroid: summed normalised term frequencies of the
	// story's articles, trimmed to the top terms.
	Terms map[string]float64
	// Entities counts the canonical entity IDs of the story's articles'
	// mentions, trimmed likewise.
	Entities map[string]float64
	// TermNorm and EntityNorm are the IDF-weighted norms of Terms and
	// Entities, computed when the story last changed.
	TermNorm, EntityNorm float64
}

// centroid is the stored form of a story's term and entity weights.
type centroid struct {
	Terms      map[string]float64 `json:"terms"`
	Entities   map[string]float64 `json:"entities"`
	TermNorm   float64            `json:"term_norm"`
	EntityNorm float64            `json:"entity_norm"`
}

// EncodeCentroid returns the JSON a store keeps for s's weights. Go's
// shortest round-trip float formatting makes it decode to the same
// numbers in every store.
func (s StoryState) EncodeCentroid() (string, error) {
	b, err := json.Marshal(centroid{s.Terms, s.Entities, s.TermNorm, s.EntityNorm})
	return string(b), err
}

// DecodeCentroid fills s's weights from JSON written by EncodeCentroid.
func (s *StoryState) DecodeCentroid(data string) error {
	var c centroid
	if err := json.Unmarshal([]byte(data), &c); err != nil {
		return fmt.Errorf("story %s: centroid: %w", s.ID, err)
	}
	s.Terms, s.Entities, s.TermNorm, s.EntityNorm = c.Terms, c.Entities, c.TermNorm, c.EntityNorm
	return nil
}

// StoryRecord is what the story step stores for one clustered article.
type StoryRecord struct {
	// Article is the clustered article's ID; Family its provenance family
	// ("" when unknown).
	Article, Family string
	// Story is the new state of the story the article joined or started.
	Story StoryState
	// Keys are the article's distinct terms and entity keys, whose
	// document frequencies the store increments.
	Keys []string
}

// StorySummary is the listing view of a story.
type StorySummary struct {
	ID       string    `json:"id"`
	Title    string    `json:"title"`
	First    time.Time `json:"first,omitzero"`
	Last     time.Time `json:"last,omitzero"`
	Articles int       `json:"articles"`
	// Sources is the number of independent sources: distinct provenance
	// families among the story's articles.
	Sources int `json:"sources"`
	// Outlets counts the distinct outlets of the story's articles,
	// Origins their distinct independent origins (Provenance.Origin:
	// copies folded into their source, wire copy into its agency, one
	// outlet's own reports counting once).
	Outlets int `json:"outlets"`
	Origins int `json:"origins"`
	// Thread is the thread the story is in ("" before the thread step
	// has linked it).
	Thread string `json:"thread,omitempty"`
}
