package provenance

import (
	"context"
	"sort"
	"strings"

	"sitrep/internal/link"
	"sitrep/internal/link/provenance/minhash"
	"sitrep/internal/news"
)

// The records the step exchanges with the store live in news, so that the
// stores need not import this package.
type (
	// Ref names a stored article for the provenance index.
	Ref = news.ProvenanceRef
	// Record is what the step stores for one judged article.
	Record = news.ProvenanceRecord
)

// Index is what the provenance step needs from a store besides reading
// and updating articles. Both stores implement it (internal/store/sqlstore).
type Index interface {
	// PendingProvenance returns up to n queued articles (never judged, or
	// requeued), earliest in publication order first.
	PendingProvenance(ctx context.Context, n int) ([]Ref, error)
	// ProvenanceCandidates returns indexed articles other than id sharing
	// at least one of keys, those sharing most first, at most limit; each
	// key's bucket is read up to perKey entries.
	ProvenanceCandidates(ctx context.Context, id string, keys []int64, perKey, limit int) ([]Ref, error)
	// ProvenanceByHash returns indexed articles whose news.TextHash is
	// hash, earliest stored first, at most limit.
	ProvenanceByHash(ctx context.Context, hash string, limit int) ([]Ref, error)
	// ProvenanceBySource returns indexed articles from the URL host host
	// (without "www.") or the outlet named outlet, at most limit.
	ProvenanceBySource(ctx context.Context, host, outlet string, limit int) ([]Ref, error)
	// ProvenanceDependents returns the articles whose recorded source or
	// family is id.
	ProvenanceDependents(ctx context.Context, id string) ([]string, error)
	// RecordProvenance stores rec, takes rec.ID off the queue and queues
	// rec.Requeue, in one transaction.
	RecordProvenance(ctx context.Context, rec Record) error
}

// Store is the store the step works on.
type Store interface {
	Index
	Article(ctx context.Context, id string) (*news.Article, error)
	Update(ctx context.Context, a *news.Article) error
}

// Options tunes the step; zero values are the defaults.
type Options struct {
	// Candidates is how many index candidates are compared in full
	// (default 12).
	Candidates int
	// BucketCap bounds how many entries of one LSH bucket are read
	// (default 64), which keeps the cost per article constant.
	BucketCap int
	// Batch is how many queued articles are fetched at a time (default 64).
	Batch int
}

// Signature layout: word 5-shingles for copies (20 bands of 3 rows:
// 0.93 probability of being a candidate at Jaccard 0.5) and content-word
// sets for rewrites, summaries and spun copies (20 bands of 3 rows too).
const (
	copyHashes, copyRows       = 60, 3
	contentHashes, contentRows = 60, 3
	copyTag, contentTag        = 5, 1
)

var (
	copyHasher    = minhash.NewHasher(copyHashes, 0x5157_5245_5001)
	contentHasher = minhash.NewHasher(contentHashes, 0x5157_5245_5002)
)

// Keys returns the LSH band keys of a text (of its first MaxCompareBytes,
// what the judge compares): copy bands, then content bands.
func Keys(text string) []int64 {
	ws := words(compared(text))
	k := minhash.Bands(copyHasher.Signature(shingles(ws, shingleK)), copyRows, copyTag)
	return append(k, minhash.Bands(contentHasher.Signature(contentSet(ws)), contentRows, contentTag)...)
}

// Step is the provenance link step.
type Step struct {
	s     Store
	judge *Judge
	opts  Options
}

// New returns the provenance step over s, judging with j (DefaultJudge
// when nil).
func New(s Store, j *Judge, opts Options) (*Step, error) {
	if j == nil {
		var err error
		if j, err = DefaultJudge(); err != nil {
			return nil, err
		}
	}
	if opts.Candidates <= 0 {
		opts.Candidates = 12
	}
	if opts.BucketCap <= 0 {
		opts.BucketCap = 64
	}
	if opts.Batch <= 0 {
		opts.Batch = 64
	}
	return &Step{s: s, judge: j, opts: opts}, nil
}

// Link judges every queued article in publication order; see link.Step.
func (st *Step) Link(ctx context.Context) (int, error) {
	return link.Drain(ctx, st.opts.Batch, st.s.PendingProvenance, func(r Ref) string { return r.ID }, st.judgeOne)
}

func (st *Step) judgeOne(ctx context.Context, r Ref) error {
	a, err := st.s.Article(ctx, r.ID)
	if err != nil {
		return err
	}
	keys := Keys(a.Text)
	cands, err := st.s.ProvenanceCandidates(ctx, a.ID, keys, st.opts.BucketCap, st.opts.Candidates)
	if err != nil {
		return err
	}
	same, err := st.s.ProvenanceByHash(ctx, news.TextHash(a.Text), 4)
	if err != nil {
		return err
	}
	cands = append(same, cands...)
	declared := map[string]bool{}
	if ds := a.DeclaredSource; ds != "" || wholeSource(compared(a.Text)) != "" {
		if ds == "" {
			ds = wholeSource(compared(a.Text))
		}
		host := news.Host("https://" + strings.TrimPrefix(strings.TrimPrefix(ds, "https://"), "http://"))
		if !strings.Contains(host, ".") {
			host = ""
		}
		bySrc, err := st.s.ProvenanceBySource(ctx, host, ds, 4)
		if err != nil {
			return err
		}
		for _, b := range bySrc {
			declared[b.ID] = true
		}
		cands = append(cands, bySrc...)
	}
	seen := map[string]bool{a.ID: true}
	var earlier []Ref
	var requeue []string
	for _, c := range cands {
		if seen[c.ID] {
			continue
		}
		seen[c.ID] = true
		if c.Before(r) {
			earlier = append(earlier, c)
		} else if !r.Indexed {
			// A later article judged before this one arrived may derive
			// from it: judge it again.
			requeue = append(requeue, c.ID)
		}
	}
	sort.Slice(earlier, func(i, j int) bool { return earlier[i].Before(earlier[j]) })
	sources := make([]Source, 0, len(earlier))
	for _, c := range earlier {
		b, err := st.s.Article(ctx, c.ID)
		if err != nil {
			return err
		}
		sources = append(sources, Source{Article: b, Verdict: b.Provenance, Declared: declared[c.ID]})
	}
	v := st.judge.Judge(a, sources)
	old := a.Provenance
	if old != nil && (old.Kind != v.Kind || old.Of != v.Of || old.Family != v.Family) {
		deps, err := st.s.ProvenanceDependents(ctx, a.ID)
		if err != nil {
			return err
		}
		requeue = append(requeue, deps...)
	}
	a.Provenance = v
	if err := st.s.Update(ctx, a); err != nil {
		return err
	}
	return st.s.RecordProvenance(ctx, Record{ID: a.ID, Keys: keys, Host: news.Host(a.URL),
		Kind: v.Kind, Of: v.Of, Family: v.Family, Requeue: requeue})
}
