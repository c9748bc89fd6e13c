package provenance

import (
	"context"
	"runtime"
	"slices"
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
	// Workers is how many articles of a batch are read and compared with
	// their candidates at once (default GOMAXPROCS); the verdicts are
	// then decided one by one in publication order, so they do not depend
	// on it.
	Workers int
	// Memo bounds how many prepared articles a pass keeps for reuse
	// (default 1024).
	Memo int
	// Shared, when set, makes the step one of several link workers on
	// the store (link.DrainLeased): it prepares leased batches while
	// others commit, and its commit reads the judged article, the index
	// and the sources' verdicts afresh, since other workers may have
	// committed since it prepared.
	Shared *link.Shared
}

// Signature layout: word 5-shingles for copies (6 bands of 3 rows: 0.55
// probability of being a candidate at Jaccard 0.5, 0.79 at 0.6) and
// content-word sets for copies, rewrites, summaries and spun copies (22
// bands of 3 rows: 0.94 at 0.5, 0.99 at 0.6; a copy's content-word Jaccard
// is at least its shingles', so the content bands find copies too). Keys
// are narrowed to KeyBits bits, so the index stores 28 keys of 4 bytes per
// article, about 370 bytes (before migration 0014: 20 + 20 bands of 3
// rows, 63-bit keys, about 700 bytes). The hashers' seeds make these bands
// the first 6 copy and the first 20 content bands of that layout plus two
// new content bands, with the same keys once narrowed (what the migration
// does to the stored keys). The layout was chosen on the CNN revision and
// Yonhap chain pairs and the spin dev half: see docs/BENCHMARKS.md.
const (
	copyBands, copyRows       = 6, 3
	contentBands, contentRows = 22, 3
	copyTag, contentTag       = 5, 1
	// KeyBits is the width of a stored band key: 31 bits fit SQLite's
	// 4-byte integer; with 28 keys per article a random collision between
	// two articles' keys has odds of about 4 in 10^7, and each lookup
	// reads capped buckets, so spurious candidates cost little.
	KeyBits = 31
)

var (
	copyHasher    = minhash.NewHasher(copyBands*copyRows, 0x5157_5245_5001)
	contentHasher = minhash.NewHasher(contentBands*contentRows, 0x5157_5245_5002)
)

// Keys returns the LSH band keys of a text (of its first MaxCompareBytes,
// what the judge compares): copy bands, then content bands.
func Keys(text string) []int64 {
	return keysOf(words(compared(text)))
}

// keysOf returns the LSH band keys of a text's words.
func keysOf(ws []word) []int64 {
	k := minhash.Bands(copyHasher.Signature(shingles(ws, shingleK)), copyRows, copyTag)
	k = append(k, minhash.Bands(contentHasher.Signature(contentSet(ws)), contentRows, contentTag)...)
	return minhash.Narrow(k, KeyBits)
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
	if opts.Workers <= 0 {
		opts.Workers = runtime.GOMAXPROCS(0)
	}
	if opts.Memo <= 0 {
		opts.Memo = 1024
	}
	return &Step{s: s, judge: j, opts: opts}, nil
}

// Link judges every queued article in publication order; see link.Step.
// Each batch is read and compared with its candidates by opts.Workers at
// once (prepare), then judged and recorded article by article (commit):
// what an earlier article of the batch changes (its verdict, its keys in
// the index) is read at the later one's commit, so the verdicts are those
// of judging one article at a time.
func (st *Step) Link(ctx context.Context) (int, error) {
	p := &pass{st: st, memo: newMemo(st.judge)}
	if sh := st.opts.Shared; sh != nil {
		p.fresh = true
		return link.DrainLeased(ctx, sh, "provenance", st.opts.Batch, st.opts.Workers, st.s.PendingProvenance,
			func(r Ref) string { return r.ID }, p.prepare, p.commit)
	}
	return link.DrainParallel(ctx, st.opts.Batch, st.opts.Workers, st.s.PendingProvenance,
		func(r Ref) string { return r.ID }, p.prepare, p.commit)
}

// pass is one Link call: the prepared articles and comparisons it reuses.
type pass struct {
	st   *Step
	memo *memo
	// fresh is set when other workers commit between this pass's
	// prepare and commit (Options.Shared): commit then reads the judged
	// article, its candidates and its sources' verdicts from the store
	// again, and keeps from prepare only what an article's text fixes
	// (its derived form and the comparisons).
	fresh bool
}

// lookup is what the index answers for one article: its candidates (same
// text hash first, then the LSH candidates, then the declared source's),
// and which of them the article declares.
type lookup struct {
	cands    []Ref
	declared map[string]bool
}

// speculation is what prepare found for one article of a batch.
type speculation struct {
	pa *prepared
	lk lookup
	// stale is true when an article ahead in the batch may change the
	// index's answer (it shares a key or the text hash, or the article
	// names a source, which an article ahead may be): commit asks again.
	stale bool
}

// article returns the prepared article id, read from the store unless the
// pass holds it.
func (p *pass) article(ctx context.Context, id string) (*prepared, error) {
	if pa := p.memo.cached(id); pa != nil {
		return pa, nil
	}
	a, err := p.st.s.Article(ctx, id)
	if err != nil {
		return nil, err
	}
	return p.memo.prepared(a), nil
}

// lookup asks the index for pa's candidates.
func (p *pass) lookup(ctx context.Context, pa *prepared) (lookup, error) {
	st := p.st
	cands, err := st.s.ProvenanceCandidates(ctx, pa.a.ID, pa.keys, st.opts.BucketCap, st.opts.Candidates)
	if err != nil {
		return lookup{}, err
	}
	same, err := st.s.ProvenanceByHash(ctx, pa.hash, 4)
	if err != nil {
		return lookup{}, err
	}
	lk := lookup{cands: append(same, cands...), declared: map[string]bool{}}
	if ds := pa.declared; ds != "" {
		host := news.Host("https://" + strings.TrimPrefix(strings.TrimPrefix(ds, "https://"), "http://"))
		if !strings.Contains(host, ".") {
			host = ""
		}
		bySrc, err := st.s.ProvenanceBySource(ctx, host, ds, 4)
		if err != nil {
			return lookup{}, err
		}
		for _, b := range bySrc {
			lk.declared[b.ID] = true
		}
		lk.cands = append(lk.cands, bySrc...)
	}
	return lk, nil
}

// prepare reads batch[i], asks the index for its candidates as it stands
// before the batch, and compares the article with every earlier one of
// them and of the articles ahead of it in the batch that share a key or
// its text hash, so that commit finds the comparisons it needs made.
func (p *pass) prepare(ctx context.Context, batch []Ref, i int) (*speculation, error) {
	r := batch[i]
	pa, err := p.article(ctx, r.ID)
	if err != nil {
		return nil, err
	}
	lk, err := p.lookup(ctx, pa)
	if err != nil {
		return nil, err
	}
	sp := &speculation{pa: pa, lk: lk, stale: pa.declared != ""}
	targets := lk.cands
	keys := make(map[int64]bool, len(pa.keys))
	for _, k := range pa.keys {
		keys[k] = true
	}
	for _, b := range batch[:i] {
		pb, err := p.article(ctx, b.ID)
		if err != nil {
			// Its own commit reports it; it will not enter the index.
			continue
		}
		if pb.hash == pa.hash || slices.ContainsFunc(pb.keys, func(k int64) bool { return keys[k] }) {
			sp.stale = true
			targets = append(targets, b)
		}
	}
	sources, _, err := p.sources(ctx, r, lookup{cands: targets, declared: lk.declared}, false)
	if err != nil {
		return nil, err
	}
	// Judging now makes the comparisons (and the standalone measures, if
	// no source derives) that commit's judgement will read; the verdict
	// itself waits for the sources' verdicts at commit.
	p.st.judge.judge(pa, sources, p.memo)
	return sp, nil
}

// sources returns the earlier articles among lk's candidates, earliest
// first, with their verdicts as the pass holds them, and the later ones
// to judge again when r is new to the index.
func (p *pass) sources(ctx context.Context, r Ref, lk lookup, fresh bool) ([]Source, []string, error) {
	seen := map[string]bool{r.ID: true}
	var earlier []Ref
	var requeue []string
	for _, c := range lk.cands {
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
		if fresh {
			// Another worker may have judged it again since the memo
			// read it: read its verdict as it stands.
			a, err := p.st.s.Article(ctx, c.ID)
			if err != nil {
				return nil, nil, err
			}
			sources = append(sources, Source{Article: a, Verdict: a.Provenance, Declared: lk.declared[c.ID]})
			continue
		}
		pb, err := p.article(ctx, c.ID)
		if err != nil {
			return nil, nil, err
		}
		sources = append(sources, Source{Article: pb.a, Verdict: pb.a.Provenance, Declared: lk.declared[c.ID]})
	}
	return sources, requeue, nil
}

// commit judges the article of sp against its sources as they stand after
// every article ahead of it is committed, and records the verdict.
func (p *pass) commit(ctx context.Context, r Ref, sp *speculation) error {
	st := p.st
	defer p.memo.trim(r.ID, st.opts.Memo)
	pa, lk := sp.pa, sp.lk
	if p.fresh {
		// The document as it stands (another step's commit may have
		// changed its other layers since prepare read it); its text,
		// hence pa's derived form, is the same.
		a, err := st.s.Article(ctx, r.ID)
		if err != nil {
			return err
		}
		pa.a = a
	}
	if sp.stale || p.fresh {
		var err error
		if lk, err = p.lookup(ctx, pa); err != nil {
			return err
		}
	}
	sources, requeue, err := p.sources(ctx, r, lk, p.fresh)
	if err != nil {
		return err
	}
	a := pa.a
	v := st.judge.judge(pa, sources, p.memo)
	old := a.Provenance
	if old != nil && (old.Kind != v.Kind || old.Of != v.Of || old.Family != v.Family) {
		deps, err := st.s.ProvenanceDependents(ctx, a.ID)
		if err != nil {
			return err
		}
		requeue = append(requeue, deps...)
	}
	a.Provenance = v
	p.memo.put(pa)
	if err := st.s.Update(ctx, a); err != nil {
		return err
	}
	return st.s.RecordProvenance(ctx, Record{ID: a.ID, Keys: pa.keys, Host: news.Host(a.URL),
		Kind: v.Kind, Of: v.Of, Family: v.Family, Requeue: requeue})
}
