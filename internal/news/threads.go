package news

import (
	"encoding/json"
	"fmt"
	"time"
)

// The thread index (internal/link/thread) puts every story in one thread:
// a developing situation over weeks or months ("Finland and Sweden join
// Nato") whose stories are its events. These are the records the step and
// the stores exchange.

// ThreadState is a thread as the thread step keeps it.
type ThreadState struct {
	ID string
	// Title is the title of the thread's first article.
	Title string
	// First and Last are the earliest and latest publication times of its
	// dated articles; zero when it has none.
	First, Last time.Time
	// Articles and Stories count the thread's articles and stories.
	Articles, Stories int
	// Terms and Entities are the centroid: summed weights of the content
	// words and canonical entity IDs of the thread's articles, trimmed to
	// the top keys.
	Terms, Entities map[string]float64
	// Measures counts the articles reporting each global measure (by ID),
	// trimmed likewise.
	Measures map[string]float64
	// TermNorm and EntityNorm are the IDF-weighted norms of Terms and
	// Entities, computed when the thread last changed.
	TermNorm, EntityNorm float64
	// Roundups counts the thread's live blogs and round-ups (stored with
	// the centroid): a thread of round-ups alone is no situation for
	// another round-up to join.
	Roundups int
}

// threadCentroid is the stored form of a thread's weights.
type threadCentroid struct {
	Terms      map[string]float64 `json:"terms"`
	Entities   map[string]float64 `json:"entities"`
	Measures   map[string]float64 `json:"measures,omitempty"`
	TermNorm   float64            `json:"term_norm"`
	EntityNorm float64            `json:"entity_norm"`
	Roundups   int                `json:"roundups,omitempty"`
}

// EncodeCentroid returns the JSON a store keeps for t's weights (Go's
// shortest round-trip floats, so every store decodes the same numbers).
func (t ThreadState) EncodeCentroid() (string, error) {
	b, err := json.Marshal(threadCentroid{t.Terms, t.Entities, t.Measures, t.TermNorm, t.EntityNorm, t.Roundups})
	return string(b), err
}

// DecodeCentroid fills t's weights from JSON written by EncodeCentroid.
func (t *ThreadState) DecodeCentroid(data string) error {
	var c threadCentroid
	if err := json.Unmarshal([]byte(data), &c); err != nil {
		return fmt.Errorf("thread %s: centroid: %w", t.ID, err)
	}
	t.Terms, t.Entities, t.Measures, t.TermNorm, t.EntityNorm, t.Roundups = c.Terms, c.Entities, c.Measures, c.TermNorm, c.EntityNorm, c.Roundups
	return nil
}

// The kinds of ThreadEvent.
const (
	// ThreadStarted: a story's first article started the thread.
	ThreadStarted = "start"
	// ThreadMerged: an article bridged the thread and Other, and Other's
	// stories joined the thread (Other is gone).
	ThreadMerged = "merge"
	// ThreadSplit: Other was split off the thread (kept for the log's
	// readers; the step does not split threads yet).
	ThreadSplit = "split"
)

// ThreadEvent is one entry of a thread's history: its start and every
// merge, with the article that caused it and its score.
type ThreadEvent struct {
	Kind   string `json:"kind"`
	Thread string `json:"thread"`
	// Other is the thread merged into Thread ("" for a start).
	Other string `json:"other,omitempty"`
	// Article is the article whose linking caused the event, Story its
	// story.
	Article string    `json:"article"`
	Story   string    `json:"story,omitempty"`
	At      time.Time `json:"at,omitzero"`
	// Score is the article's score against Other (a merge).
	Score float64 `json:"score,omitempty"`
}

// ThreadRecord is what the thread step stores for one linked article.
type ThreadRecord struct {
	// Article is the linked article's ID, Story its story.
	Article, Story string
	// Thread is the new state of the thread the article's story is in.
	Thread ThreadState
	// Merged lists the threads merged into Thread: the store moves their
	// stories to Thread and drops their states.
	Merged []string
	// Events are the log entries the article caused.
	Events []ThreadEvent
	// Keys are the article's distinct term and entity keys, whose
	// document frequencies the store increments.
	Keys []string
}

// ThreadSummary is the listing view of a thread.
type ThreadSummary struct {
	ID       string    `json:"id"`
	Title    string    `json:"title"`
	First    time.Time `json:"first,omitzero"`
	Last     time.Time `json:"last,omitzero"`
	Articles int       `json:"articles"`
	Stories  int       `json:"stories"`
	// Outlets and Origins count the distinct outlets and independent
	// origins (Provenance.Origin) of the thread's articles.
	Outlets int `json:"outlets"`
	Origins int `json:"origins"`
}

// ThreadMeasure is a global measure the articles of a thread report.
type ThreadMeasure struct {
	ID    string `json:"id"`
	Label string `json:"label"`
	// Articles counts the thread's articles reporting it; Figures their
	// figures.
	Articles int `json:"articles"`
	Figures  int `json:"figures"`
}

// ThreadDetail is one thread: its summary, its stories (most recent
// first, at most MaxThreadStories), its global measures (most articles
// first, at most MaxThreadMeasures) and its history (oldest first).
type ThreadDetail struct {
	Thread   ThreadSummary   `json:"thread"`
	Stories  []StorySummary  `json:"stories"`
	Measures []ThreadMeasure `json:"measures"`
	Events   []ThreadEvent   `json:"events"`
}

// MaxThreadStories and MaxThreadMeasures bound what one thread's detail
// reads, so that its cost does not grow with the thread.
const MaxThreadStories, MaxThreadMeasures = 500, 200

// ThreadPage is one page of threads and where the next page starts (nil
// at the end).
type ThreadPage struct {
	Threads []ThreadSummary `json:"threads"`
	Next    *ThreadCursor   `json:"next,omitempty"`
}

// ThreadCursor is a place in the list of threads (most articles first,
// then by ID): the threads after the one with ID and Articles. The zero
// value is the start.
type ThreadCursor struct {
	Articles int    `json:"articles"`
	ID       string `json:"id"`
}
