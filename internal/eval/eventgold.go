package eval

import (
	"errors"
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// The event gold set (testdata/gold/events, see its README) annotates the
// typed events of real articles of ../shared/data/ukraine-war-news: per
// event its type, the byte offset of a short trigger phrase, the actors,
// target, place and time the text gives, and whether the text asserts it
// as a current fact. It stores only article IDs, byte offsets and trigger
// phrases; the text is read from the corpus at run time.

// EventTypes are the event types of the gold set (news.Event.Type).
var EventTypes = []string{"deployment", "arms_transfer", "aid_pledge", "aid_delivery", "strike", "casualties", "capture", "agreement", "meeting", "threat"}

// EventStatuses are the statuses of a gold event. Only "factual" events
// are the ones a system should report: an event the text asserts as
// happening, having happened or decided, in the news's time frame.
// "background" is a fact from more than a year before publication told
// as history; "irrealis" a conditional, possible, questioned, demanded or
// negated event; "generic" a habitual, plural-kind or abstract one ("too
// many treaties", "Russian strikes" as a category); "coreferent" a later
// reference to an event already annotated in the article ("the visit",
// "at the summit"), which scoring ignores.
var EventStatuses = []string{"factual", "background", "irrealis", "generic", "coreferent"}

// EventGoldArticle is one selected article of the event gold set (the
// ledger gold set's article line: ID, split, stratum, annotated bytes).
type EventGoldArticle = LedgerArticle

// GoldEvent is one annotated event mention. Offset is the byte offset
// (UTF-8) in the record's text where Trigger starts.
type GoldEvent struct {
	Split   string `json:"split"`
	Article string `json:"article"`
	Offset  int    `json:"offset"`
	Trigger string `json:"trigger"`
	Type    string `json:"type"`
	Status  string `json:"status"`
	// Actors are who acts, as the text names them; Target whom or what
	// the event is aimed at or given to (any one of them is right);
	// Place where it happens; Time the ISO date, month, week or year
	// the sentence gives it (empty when the sentence gives none).
	Actors []string `json:"actors,omitempty"`
	Target []string `json:"target,omitempty"`
	Place  string   `json:"place,omitempty"`
	Time   string   `json:"time,omitempty"`
}

// String renders the event's place as article@offset.
func (e GoldEvent) String() string { return fmt.Sprintf("%s@%d", e.Article, e.Offset) }

// EventGold is one split of the event gold set.
type EventGold struct {
	Split    string
	Articles []EventGoldArticle
	Events   []GoldEvent
}

// LoadEventGold reads one split ("dev" or "test") of the event gold set
// from dir (articles.jsonl, SPLIT.jsonl) and validates it.
func LoadEventGold(dir, split string) (*EventGold, error) {
	if split != LedgerDev && split != LedgerTest {
		return nil, fmt.Errorf("event gold: unknown split %q (want dev or test)", split)
	}
	g := &EventGold{Split: split}
	var all []EventGoldArticle
	if err := readJSONL(filepath.Join(dir, "articles.jsonl"), &all); err != nil {
		return nil, err
	}
	for _, a := range all {
		if a.Split == split {
			g.Articles = append(g.Articles, a)
		}
	}
	if err := readJSONL(filepath.Join(dir, split+".jsonl"), &g.Events); err != nil {
		return nil, err
	}
	if err := g.Validate(); err != nil {
		return nil, fmt.Errorf("event gold %s: %w", dir, err)
	}
	return g, nil
}

// goldTime is the shape of a gold time: a year, month, day, ISO week or
// an interval of two of them.
var goldTime = regexp.MustCompile(`^\d{4}(-\d{2}(-\d{2})?|-W\d{2})?(/\d{4}(-\d{2}(-\d{2})?|-W\d{2})?)?$`)

// Validate checks the split's consistency: every event lies in the
// annotated part of an article of its split, has a known type and status,
// a short trigger, a well-formed time, and is not annotated twice.
func (g *EventGold) Validate() error {
	var errs []error
	bad := func(format string, args ...any) { errs = append(errs, fmt.Errorf(format, args...)) }
	arts := map[string]EventGoldArticle{}
	for _, a := range g.Articles {
		if a.ID == "" || a.AnnotatedBytes <= 0 {
			bad("article %q: empty id or annotated_bytes", a.ID)
		}
		if _, dup := arts[a.ID]; dup {
			bad("article %s listed twice", a.ID)
		}
		arts[a.ID] = a
	}
	seen := map[string]bool{}
	for _, e := range g.Events {
		where := e.String()
		a, ok := arts[e.Article]
		switch {
		case e.Split != g.Split:
			bad("%s: split %q in the %s file", where, e.Split, g.Split)
		case !ok:
			bad("%s: article not in the %s split", where, g.Split)
		case e.Offset < 0 || e.Offset+len(e.Trigger) > a.AnnotatedBytes:
			bad("%s: outside the annotated %d bytes", where, a.AnnotatedBytes)
		}
		if strings.TrimSpace(e.Trigger) == "" || len(strings.Fields(e.Trigger)) > 4 {
			bad("%s: trigger %q is not a short phrase", where, e.Trigger)
		}
		if !slices.Contains(EventTypes, e.Type) {
			bad("%s: type %q unknown", where, e.Type)
		}
		if !slices.Contains(EventStatuses, e.Status) {
			bad("%s: status %q unknown", where, e.Status)
		}
		if e.Time != "" && !goldTime.MatchString(e.Time) {
			bad("%s: time %q is not an ISO date, week or interval", where, e.Time)
		}
		k := fmt.Sprintf("%s/%s", where, e.Type)
		if seen[k] {
			bad("%s: %s annotated twice", where, e.Type)
		}
		seen[k] = true
	}
	return errors.Join(errs...)
}

// CheckOffsets checks every event against the corpus texts (article ID →
// text): the trigger must sit at its byte offset, and every article of
// the split must be in texts and at least annotated_bytes long.
func (g *EventGold) CheckOffsets(texts map[string]string) error {
	errs := checkArticleTexts(texts, g.Articles)
	for _, e := range g.Events {
		if !phraseAt(texts[e.Article], e.Offset, e.Trigger) {
			errs = append(errs, fmt.Errorf("%s: %q is not at its offset", e, e.Trigger))
		}
	}
	return errors.Join(errs...)
}
