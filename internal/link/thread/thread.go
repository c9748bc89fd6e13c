// Package thread is the link phase's thread step: the level above
// stories. A story (internal/link/story) is one happening — a strike, a
// pledge, a meeting; a thread is a developing situation over weeks or
// months ("Finland and Sweden join Nato"), and every story is in exactly
// one thread.
//
// The step is online and runs in publication order, after the story and
// measure steps. Each pending article belongs to a story; a story already
// in a thread keeps it, and the story's first article chooses one: it is
// compared with the threads active around its publication time (the last
// Options.Window of a thread's articles) by a score that combines the
// IDF-weighted cosine of its content words and of its canonical entity
// IDs with the thread's centroids, the IDF-weighted share of its title
// words the thread's centroid holds, the global measures (link/measure)
// it shares with the thread, and the time since the thread's nearest
// article (exp(-Δt/τ)). It joins the best thread scoring above
// Options.Threshold, else starts a thread whose ID is its own ID; a
// thread older than Options.MaxSpan (from its first article) takes no
// more articles, so it cannot drift on indefinitely. A join needs
// evidence specific to the situation (Options.Specific: a shared global
// measure, or an entity or title word few of the active threads hold),
// and commentary (opinion, analysis, letters) needs the higher score
// Options.Broad. Any
// other active thread the article scores above Options.Merge against is
// merged into the largest of them: the article bridges two threads that
// are one situation. Every start and merge goes to the thread's log
// (news.ThreadEvent). Document frequencies are the step's own (counted
// as it links), so the picture depends only on the articles before each
// one in publication order.
package thread

import (
	"context"
	"maps"
	"math"
	"slices"
	"sort"
	"time"
	"unicode/utf8"

	"sitrep/internal/link"
	"sitrep/internal/link/story"
	"sitrep/internal/news"
)

// The records the step exchanges with the store live in news.
type (
	// State is a thread as the step keeps it.
	State = news.ThreadState
	// Record is what the step stores for one linked article.
	Record = news.ThreadRecord
	// Event is one entry of a thread's log.
	Event = news.ThreadEvent
)

// Index is the store's thread index.
type Index interface {
	// PendingThreads returns up to n article IDs not yet linked to a
	// thread, earliest published first, undated last, then in storage
	// order.
	PendingThreads(ctx context.Context, n int) ([]string, error)
	// ActiveThreads returns the threads with a dated article in
	// [from, to] and the threads with no dated article, most recently
	// active first, then by ID, at most limit. A zero from and to return
	// the most recently active threads.
	ActiveThreads(ctx context.Context, from, to time.Time, limit int) ([]State, error)
	// StoryThread returns the thread of a story, or "" when it has none.
	StoryThread(ctx context.Context, story string) (string, error)
	// ThreadState returns one thread, or an error wrapping
	// news.ErrNotFound.
	ThreadState(ctx context.Context, id string) (State, error)
	// ThreadDocFreqs returns the document frequency of each key among
	// the linked articles (missing keys are 0) and their number.
	ThreadDocFreqs(ctx context.Context, keys []string) (map[string]int, int, error)
	// RecordThread stores rec.Thread, puts rec.Story in it, moves the
	// stories of rec.Merged to it and drops their states, appends
	// rec.Events to the log, increments the document frequencies of
	// rec.Keys and takes rec.Article off the queue, in one transaction.
	// An article no longer queued is left as it is, so recording twice
	// changes nothing.
	RecordThread(ctx context.Context, rec Record) error
}

// Lister reads threads for the CLI, the API and the pages.
type Lister interface {
	// Threads lists threads, most articles first, then by ID, after the
	// cursor a previous page returned (the zero cursor for the first
	// page); limit <= 0 means 100, and it is capped at 1,000.
	Threads(ctx context.Context, after news.ThreadCursor, limit int) (news.ThreadPage, error)
	// Thread returns one thread with its stories, measures and log, or
	// an error wrapping news.ErrNotFound.
	Thread(ctx context.Context, id string) (news.ThreadDetail, error)
	// StoryThreads returns the thread of each of the stories ids that
	// has one.
	StoryThreads(ctx context.Context, ids []string) (map[string]string, error)
}

// Store is the store the step works on: its index, the articles, and the
// measure index's figure measures (the global measures an article
// reports).
type Store interface {
	Index
	Article(ctx context.Context, id string) (*news.Article, error)
	FigureMeasures(ctx context.Context, ids []string) (map[string]map[int]string, error)
}

// Options tunes the step. Zero values are the defaults.
type Options struct {
	// Threshold is the least score to join a thread; 0 means
	// DefaultThreshold.
	Threshold float64
	// Merge is the least score against a second thread that merges it
	// with the chosen one; 0 means DefaultMerge, a negative value never
	// merges.
	Merge float64
	// Window is how far from a thread's articles an article may be to
	// join it; 0 means DefaultWindow.
	Window time.Duration
	// TopTerms is how many terms, entities and measures a centroid
	// keeps; 0 means 200.
	TopTerms int
	// MaxActive bounds the threads compared with one article; 0 means
	// 1000.
	MaxActive int
	// Lead is how much of an article's text (in bytes, whole sentences)
	// the step compares, with its title: what a desk would file it by;
	// 0 means DefaultLead, a negative value the whole text.
	Lead int
	// Weights of the similarities; all zero means DefaultWeights.
	Weights Weights
	// MaxSpan bounds a thread's life: an article published more than
	// MaxSpan after a thread's first article does not join it (nor merge
	// it), so a thread cannot chain week by week through a whole war.
	// 0 means DefaultMaxSpan, a negative value no bound.
	MaxSpan time.Duration
	// Specific is the largest share of the linked articles a key may be
	// in and still count as specific evidence: an article joins a thread
	// only when it shares with the thread's centroid a global measure, or
	// an entity or title word in at most this share of the articles. The
	// war's ubiquitous terms and actors ("Russia", "Nato", "gpe:ua") are
	// not evidence of one situation. 0 means DefaultSpecific, a negative
	// value no such requirement.
	Specific float64
	// Broad is the least score for an opinion, analysis or letter (the
	// article's genre layer) to join a thread: a commentary piece ranges
	// over the war and joins a situation only on strong evidence. 0 means
	// DefaultBroad, a negative value Threshold.
	Broad float64
	// Roundup is the least IDF-weighted share of a round-up's title words
	// (a live blog, a digest of the day's news: its genre layer) that a
	// thread's centroid must hold for it to join: a round-up belongs to a
	// thread only when its headline is that thread's news, and it never
	// merges threads. 0 means DefaultRoundup, a negative value no such
	// requirement.
	Roundup float64
}

// Weights weigh the similarities of the score.
type Weights struct {
	Text, Entity, Title, Measure, Time float64
	// Tau is the time scale of the time similarity; 0 means 21 days.
	Tau time.Duration
}

// DefaultThreshold, DefaultMerge and DefaultWeights were tuned on the dev
// split of the thread gold set (testdata/gold/threads; docs/BENCHMARKS.md).
const (
	DefaultThreshold = 0.16
	DefaultMerge     = 0.45
)

// DefaultWindow: a thread with no article in the last two weeks has
// gone quiet, and a later report starts a thread of its own (the quiet
// rule; chosen on both dev rounds of the thread gold set against 30 and
// 60 days, docs/BENCHMARKS.md threads5).
const DefaultWindow = 14 * 24 * time.Hour

// DefaultLead: see DefaultThreshold.
const DefaultLead = 1200

// DefaultSpecific and DefaultBroad: see DefaultThreshold.
const (
	DefaultSpecific = 0.5
	DefaultBroad    = 0.35
)

// DefaultRoundup: see DefaultThreshold.
const DefaultRoundup = 0.5

// DefaultMaxSpan: see DefaultThreshold.
const DefaultMaxSpan = 120 * 24 * time.Hour

// DefaultWeights: see DefaultThreshold.
var DefaultWeights = Weights{Text: 0.4, Entity: 0.4, Title: 0.2, Measure: 0.05, Time: 0.3}

func (o Options) withDefaults() Options {
	if o.Threshold == 0 {
		o.Threshold = DefaultThreshold
	}
	if o.Merge == 0 {
		o.Merge = DefaultMerge
	}
	if o.Window == 0 {
		o.Window = DefaultWindow
	}
	if o.TopTerms == 0 {
		o.TopTerms = 200
	}
	if o.MaxActive == 0 {
		o.MaxActive = 1000
	}
	if o.Lead == 0 {
		o.Lead = DefaultLead
	}
	if o.MaxSpan == 0 {
		o.MaxSpan = DefaultMaxSpan
	}
	if o.Specific == 0 {
		o.Specific = DefaultSpecific
	}
	if o.Broad == 0 {
		o.Broad = DefaultBroad
	}
	if o.Roundup == 0 {
		o.Roundup = DefaultRoundup
	}
	if o.Broad < 0 {
		o.Broad = o.Threshold
	}
	w := o.Weights
	if w.Text == 0 && w.Entity == 0 && w.Title == 0 && w.Measure == 0 && w.Time == 0 {
		o.Weights = DefaultWeights
		o.Weights.Tau = w.Tau
	}
	if o.Weights.Tau == 0 {
		o.Weights.Tau = 21 * 24 * time.Hour
	}
	return o
}

// Step is the thread step.
type Step struct {
	s    Store
	opts Options
}

// New returns the step over s.
func New(s Store, opts Options) *Step { return &Step{s: s, opts: opts.withDefaults()} }

// Link links every pending article's story to a thread.
func (st *Step) Link(ctx context.Context) (int, error) {
	return link.Drain(ctx, 64, st.s.PendingThreads, func(id string) string { return id }, st.linkOne)
}

// Doc is what the step compares of one article: the story step's
// features, the global measures the article reports and whether its genre
// is broad commentary (opinion, analysis, a letter).
type Doc struct {
	story.Doc
	Measures map[string]bool
	Broad    bool
	// Roundup is a live blog or a round-up of other reports: it joins a
	// thread only when its headline names the thread's news.
	Roundup bool
}

// Features returns what the step compares of a, given the global
// measures of its figures (figure index → measure ID): the words and
// entity mentions of its title and of the sentences that start in its
// first lead bytes (all of them when lead <= 0), and the measures.
func Features(a *news.Article, measures map[int]string, lead int) Doc {
	if lead > 0 && lead < len(a.Text) {
		a = leadOf(a, lead)
	}
	d := Doc{Doc: story.Features(a), Measures: map[string]bool{}, Broad: broadGenre(a.Genre), Roundup: roundupGenre(a.Genre)}
	if a.Title == "" {
		d.Title = headTerms(a)
	}
	for _, m := range measures {
		d.Measures[m] = true
	}
	return d
}

// broadGenre says whether g is commentary rather than a report of one
// happening: opinion, analysis or a letter.
func broadGenre(g *news.Genre) bool {
	if g == nil {
		return false
	}
	switch g.Kind {
	case news.GenreOpinion, news.GenreAnalysis, news.GenreLetter:
		return true
	}
	return false
}

// roundupGenre says whether g is a live blog or a round-up of other
// reports: many situations under one headline.
func roundupGenre(g *news.Genre) bool {
	return g != nil && (g.Kind == news.GenreLive || g.Kind == news.GenreAggregated)
}

// leadOf returns a shallow copy of a cut to the sentences that start in
// its first n bytes (n bytes on a rune boundary when it has no sentence
// layer), with the entity mentions inside them.
func leadOf(a *news.Article, n int) *news.Article {
	end := 0
	for _, s := range a.Sentences {
		if s.Start >= n {
			break
		}
		end = s.End
	}
	if len(a.Sentences) == 0 {
		end = n
		for end < len(a.Text) && !utf8.RuneStart(a.Text[end]) {
			end++
		}
	}
	end = min(max(end, 0), len(a.Text))
	c := *a
	c.Text = a.Text[:end]
	c.Sentences, c.Entities = nil, nil
	for _, s := range a.Sentences {
		if s.End <= end {
			c.Sentences = append(c.Sentences, s)
		}
	}
	for _, m := range a.Entities {
		if m.End <= end {
			c.Entities = append(c.Entities, m)
		}
	}
	return &c
}

func (st *Step) linkOne(ctx context.Context, id string) error {
	a, err := st.s.Article(ctx, id)
	if err != nil {
		return err
	}
	fm, err := st.s.FigureMeasures(ctx, []string{id})
	if err != nil {
		return err
	}
	doc := Features(a, fm[id], st.opts.Lead)
	sid := a.Story
	if sid == "" {
		sid = a.ID // not clustered: a story of its own
	}
	current, err := st.s.StoryThread(ctx, sid)
	if err != nil {
		return err
	}
	df, n, err := st.s.ThreadDocFreqs(ctx, doc.Keys())
	if err != nil {
		return err
	}
	var from, to time.Time
	if !a.Published.IsZero() {
		from, to = a.Published.Add(-st.opts.Window), a.Published.Add(st.opts.Window)
	}
	active, err := st.s.ActiveThreads(ctx, from, to, st.opts.MaxActive)
	if err != nil {
		return err
	}
	held := heldBy(doc, active)
	type scored struct {
		s     *State
		score float64
	}
	var cands []scored
	var chosen *State
	best := -1.0
	for i := range active {
		sc := st.opts.score(doc, &active[i], df, n)
		if active[i].ID == current {
			chosen = &active[i]
			continue
		}
		cands = append(cands, scored{&active[i], sc})
		if current == "" && sc >= st.opts.joinLevel(doc) && sc > best && st.opts.specific(doc, &active[i], held, len(active)) &&
			st.opts.headlineFits(doc, &active[i], df, n) {
			best, chosen = sc, &active[i]
		}
	}
	if current != "" && chosen == nil {
		s, err := st.s.ThreadState(ctx, current)
		if err != nil {
			return err
		}
		chosen = &s
	}
	var events []Event
	if chosen == nil {
		chosen = &State{ID: a.ID, Title: a.Title}
		events = append(events, Event{Kind: news.ThreadStarted, Thread: a.ID, Article: a.ID, Story: sid, At: a.Published})
	}
	// Threads the article bridges to the chosen one are one situation.
	group := []*State{chosen}
	var scores []float64
	if st.opts.Merge > 0 && !doc.Roundup {
		for _, c := range cands {
			if c.s != chosen && c.score >= st.opts.Merge && st.opts.specific(doc, c.s, held, len(active)) && st.opts.headlineFits(doc, c.s, df, n) {
				group = append(group, c.s)
				scores = append(scores, c.score)
			}
		}
	}
	survivor := group[0]
	for _, g := range group[1:] {
		if larger(g, survivor) {
			survivor = g
		}
	}
	var merged []string
	for i, g := range group {
		if g == survivor {
			continue
		}
		merged = append(merged, g.ID)
		sc := max(best, 0)
		if i > 0 {
			sc = scores[i-1]
		}
		events = append(events, Event{Kind: news.ThreadMerged, Thread: survivor.ID, Other: g.ID, Article: a.ID, Story: sid, At: a.Published, Score: sc})
	}
	// The centroid is trimmed and normed with the frequencies of all its
	// keys, this article's included.
	keys := doc.Keys()
	for _, g := range group {
		for t := range g.Terms {
			keys = append(keys, t)
		}
		for e := range g.Entities {
			keys = append(keys, story.EntityPrefix+e)
		}
	}
	slices.Sort(keys)
	keys = slices.Compact(keys)
	if df, n, err = st.s.ThreadDocFreqs(ctx, keys); err != nil {
		return err
	}
	for _, k := range doc.Keys() {
		df[k]++
	}
	// The store's states may share their maps (a centroid cache): the
	// step changes a copy.
	next := clone(survivor)
	for _, g := range group {
		if g != survivor {
			st.opts.fold(&next, g)
		}
	}
	st.opts.add(&next, doc, current == "", df, n+1)
	slices.Sort(merged)
	return st.s.RecordThread(ctx, Record{Article: a.ID, Story: sid, Thread: next, Merged: merged, Events: events, Keys: doc.Keys()})
}

// joinLevel is the least score for doc to join a thread.
func (o Options) joinLevel(doc Doc) float64 {
	if doc.Broad {
		return max(o.Threshold, o.Broad)
	}
	return o.Threshold
}

// headlineFits says whether doc may join (or merge) thread s: a round-up
// (a live blog, a "what we know" digest) covers many situations, so it
// joins only a thread whose centroid holds at least o.Roundup of its
// title words (IDF-weighted); and a thread of round-ups alone is a
// series, not a situation, so no article joins or merges it.
func (o Options) headlineFits(doc Doc, s *State, df map[string]int, n int) bool {
	if o.Roundup < 0 {
		return true
	}
	if s.Articles > 0 && s.Roundups >= s.Articles {
		return false // round-ups only: a series, not a situation
	}
	return !doc.Roundup || centroidCoverage(doc.Title, s.Terms, df, n) >= o.Roundup
}

// specific says whether doc shares evidence specific to thread s: a
// global measure, or an entity or title word that at most o.Specific of
// the n active threads (or two of them) hold.
func (o Options) specific(doc Doc, s *State, held map[string]int, n int) bool {
	if o.Specific < 0 {
		return true
	}
	for m := range doc.Measures {
		if s.Measures[m] > 0 {
			return true
		}
	}
	// Among a handful of threads every shared key is rare enough.
	rare := func(key string) bool { return float64(held[key]) <= max(2, o.Specific*float64(n)) }
	for e := range doc.Entities {
		if s.Entities[e] > 0 && rare(story.EntityPrefix+e) {
			return true
		}
	}
	for t := range doc.Title {
		if s.Terms[t] > 0 && rare(t) {
			return true
		}
	}
	return false
}

// heldBy counts, for each entity (with story.EntityPrefix) and title
// word of doc, the active threads whose centroid holds it: how common it
// is in the news of the window, where the step's document frequencies
// count all the articles before.
func heldBy(doc Doc, active []State) map[string]int {
	out := map[string]int{}
	for i := range active {
		for e := range doc.Entities {
			if active[i].Entities[e] > 0 {
				out[story.EntityPrefix+e]++
			}
		}
		for t := range doc.Title {
			if active[i].Terms[t] > 0 {
				out[t]++
			}
		}
	}
	return out
}

// larger says whether thread a outranks b as the survivor of a merge:
// more articles, then the earlier start, then the smaller ID.
func larger(a, b *State) bool {
	if a.Articles != b.Articles {
		return a.Articles > b.Articles
	}
	if !a.First.Equal(b.First) {
		if a.First.IsZero() != b.First.IsZero() {
			return !a.First.IsZero()
		}
		return a.First.Before(b.First)
	}
	return a.ID < b.ID
}

// clone returns a copy of s with its own maps.
func clone(s *State) State {
	c := *s
	c.Terms, c.Entities, c.Measures = maps.Clone(s.Terms), maps.Clone(s.Entities), maps.Clone(s.Measures)
	return c
}

// fold adds thread g's weights and counts to s (a merge); the caller
// trims and norms s.
func (o Options) fold(s, g *State) {
	s.Terms = addWeights(s.Terms, g.Terms)
	s.Entities = addWeights(s.Entities, g.Entities)
	s.Measures = addWeights(s.Measures, g.Measures)
	s.Articles += g.Articles
	s.Roundups += g.Roundups
	s.Stories += g.Stories
	s.First, s.Last = span(s.First, s.Last, g.First)
	s.First, s.Last = span(s.First, s.Last, g.Last)
}

func addWeights(dst, src map[string]float64) map[string]float64 {
	if dst == nil {
		dst = map[string]float64{}
	}
	for k, v := range src {
		dst[k] += v
	}
	return dst
}

// span widens [first, last] to hold t (a zero t changes nothing).
func span(first, last, t time.Time) (time.Time, time.Time) {
	if t.IsZero() {
		return first, last
	}
	if first.IsZero() || t.Before(first) {
		first = t
	}
	if t.After(last) {
		last = t
	}
	return first, last
}

// add adds doc to s (a new story of it when newStory), then trims and
// norms its centroid.
func (o Options) add(s *State, doc Doc, newStory bool, df map[string]int, n int) {
	if !doc.Roundup || s.Articles == 0 {
		s.Terms = addWeights(s.Terms, doc.Terms)
		s.Entities = addWeights(s.Entities, doc.Entities)
	}
	if s.Measures == nil {
		s.Measures = map[string]float64{}
	}
	for m := range doc.Measures {
		s.Measures[m]++
	}
	s.First, s.Last = span(s.First, s.Last, doc.Time)
	s.Articles++
	if doc.Roundup {
		s.Roundups++
	}
	if newStory {
		s.Stories++
	}
	s.Terms = story.Trim(s.Terms, o.TopTerms, df, n, "")
	s.Entities = story.Trim(s.Entities, o.TopTerms, df, n, story.EntityPrefix)
	s.Measures = trimCounts(s.Measures, o.TopTerms)
	s.TermNorm = story.Norm(s.Terms, df, n, "")
	s.EntityNorm = story.Norm(s.Entities, df, n, story.EntityPrefix)
}

// trimCounts keeps the k largest counts of m (ties by key).
func trimCounts(m map[string]float64, k int) map[string]float64 {
	if len(m) <= k {
		return m
	}
	keys := make([]string, 0, len(m))
	for key := range m {
		keys = append(keys, key)
	}
	sort.Slice(keys, func(i, j int) bool {
		if m[keys[i]] != m[keys[j]] {
			return m[keys[i]] > m[keys[j]]
		}
		return keys[i] < keys[j]
	})
	out := make(map[string]float64, k)
	for _, key := range keys[:k] {
		out[key] = m[key]
	}
	return out
}

// score returns the similarity of doc to thread s given the document
// frequencies df of n linked articles.
func (o Options) score(doc Doc, s *State, df map[string]int, n int) float64 {
	if o.MaxSpan > 0 && !doc.Time.IsZero() && !s.First.IsZero() && doc.Time.Sub(s.First) > o.MaxSpan {
		return 0 // the thread is closed to later articles
	}
	w := o.Weights
	text := story.Cosine(doc.Terms, s.Terms, s.TermNorm, df, n, "")
	ent := story.Cosine(doc.Entities, s.Entities, s.EntityNorm, df, n, story.EntityPrefix)
	title := 0.0
	if len(doc.Title) > 0 {
		title = centroidCoverage(doc.Title, s.Terms, df, n)
	}
	shared := 0
	for m := range doc.Measures {
		if s.Measures[m] > 0 {
			shared++
		}
	}
	meas := 1 - math.Exp(-float64(shared))
	tim := 0.5 // no evidence either way
	if !doc.Time.IsZero() && !s.Last.IsZero() {
		var d time.Duration
		switch {
		case doc.Time.Before(s.First):
			d = s.First.Sub(doc.Time)
		case doc.Time.After(s.Last):
			d = doc.Time.Sub(s.Last)
		}
		tim = math.Exp(-float64(d) / float64(w.Tau))
	}
	content := w.Text*text + w.Entity*ent
	if len(doc.Entities) == 0 || len(s.Entities) == 0 {
		// No entity layer on one side: judge by the text alone.
		content = (w.Text + w.Entity) * text
	}
	content += w.Title*title + w.Measure*meas
	// Time scales the evidence: a thread long quiet needs more of it.
	return content * (1 - w.Time + w.Time*tim)
}

// centroidCoverage is the IDF-weighted share of an article's title words
// that a thread's centroid holds.
func centroidCoverage(title map[string]bool, terms map[string]float64, df map[string]int, n int) float64 {
	var shared, all float64
	for t := range title {
		i := story.IDF(df[t], n)
		all += i
		if terms[t] > 0 {
			shared += i
		}
	}
	if all == 0 {
		return 0
	}
	return shared / all
}

// headTerms returns the words of an untitled article's first sentence:
// the headline a desk would have given it.
func headTerms(a *news.Article) map[string]bool {
	end := len(a.Text)
	if len(a.Sentences) > 0 {
		end = a.Sentences[0].End
	}
	end = min(end, 300, len(a.Text))
	for end < len(a.Text) && !utf8.RuneStart(a.Text[end]) {
		end++
	}
	out := map[string]bool{}
	for _, w := range story.Terms(a.Text[:end]) {
		out[w] = true
	}
	return out
}
