package main

import (
	"context"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"sitrep/internal/annotate/entity"
	"sitrep/internal/eval"
	"sitrep/internal/extract"
	"sitrep/internal/link/thread"
	"sitrep/internal/ner"
	"sitrep/internal/news"
	"sitrep/internal/pipeline"
	"sitrep/internal/readmodel"
	"sitrep/internal/source"
	"sitrep/internal/store/sqlite"
	"sitrep/internal/wiring"
)

// defaultData is where the public data sets live beside a checkout.
const defaultData = "../shared/data"

func runEval(ctx context.Context, env *environment, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("eval: name what to evaluate: extract, sentences, ner, entities, numbers, figures, ledger, events, genre, metadata, threads, syntax, provenance, stories, attribution or speakers: %w", errUsage)
	}
	what, args := args[0], args[1:]
	if what == "attribution" {
		return evalAttribution(ctx, env, args)
	}
	if what == "speakers" {
		return evalSpeakers(ctx, env, args)
	}
	fs := newFlagSet(env, "eval "+what, "[DATA...]")
	var threshold *float64
	var sweep *bool
	var split *string
	if what == "ledger" || what == "events" {
		split = fs.String("split", eval.LedgerDev, "gold split to score: dev (tune on it) or test (held out: score once per change)")
	}
	var onDev *bool
	if what == "syntax" {
		onDev = fs.Bool("dev", false, "score the dev sets instead of the test sets (for tuning)")
	}
	if what == "provenance" {
		split = fs.String("split", "dev", "spin-curve half to score: dev (tune on it), test (held out: score once per change) or both")
	}
	if what == "genre" || what == "metadata" {
		split = fs.String("split", "both", "gold split to score: dev (tune on it), test (held out: score once per change) or both")
	}
	if what == "threads" {
		split = fs.String("split", "both", "gold splits to score, comma-separated: dev (both dev rounds; tune on it), dev2 (the second dev round alone), test (held out: score once per change) or both")
	}
	var showErrors *bool
	var rf *runFlags
	var strata, goldSet *string
	if what == "ledger" {
		strata = fs.String("stratum", "", "score only the articles of these selection strata (comma-separated: nk,rest,dev4 …)")
		goldSet = fs.String("set", "warnews", "gold set: warnews (ukraine-war-news, testdata/gold/ledger), re3d (Dstl's re3d reports, testdata/gold/ledger-re3d) or basil (BASIL political news, testdata/gold/ledger-basil)")
		showErrors = fs.Bool("errors", false, "list every wrong speaker, hedge, field and missed figure, not the first few")
	}
	var threadThreshold, threadSpecific, threadWindow *float64
	if what == "threads" {
		rf = addRunFlags(fs, env)
		threadThreshold = fs.Float64("thread-threshold", 0, "thread-joining score threshold (0: the default; for a sweep on dev)")
		threadWindow = fs.Float64("thread-window", 0, "days from a thread's articles an article may be to join it (0: the default; for a sweep on dev)")
		threadSpecific = fs.Float64("thread-specific", 0, "largest share of articles a key may be in and count as specific evidence (0: the default; for a sweep on dev)")
		showErrors = fs.Bool("errors", false, "list each gold thread the system splits and each system thread that mixes gold threads (dev splits only)")
	}
	if what == "entities" {
		split = fs.String("split", "test", "gold split to score: test, dev or all")
		showErrors = fs.Bool("errors", false, "also list every missed, extra and mislinked mention")
		rf = addRunFlags(fs, env)
	}
	if what == "stories" {
		threshold = fs.Float64("threshold", 0, "story-joining score threshold (0: the default)")
		sweep = fs.Bool("sweep", false, "also score thresholds 0.10 to 0.60")
	}
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	switch what {
	case "extract":
		dir := filepath.Join(defaultData, "article-extraction-benchmark")
		if fs.NArg() > 0 {
			dir = fs.Arg(0)
		}
		rep, err := eval.Extraction(ctx, dir, extract.New(extract.Options{}))
		if err != nil {
			return fmt.Errorf("eval extract: %w", err)
		}
		rep.Write(env.stdout)
		// The benchmark's stored outputs of other extractors, scored with
		// the same metric, for comparison.
		refs, _ := filepath.Glob(filepath.Join(dir, "output", "*.json"))
		if len(refs) > 0 {
			fmt.Fprintf(env.stdout, "\n%-22s %6s %6s %6s\n", "stored output", "F1", "P", "R")
		}
		for _, f := range refs {
			ref, err := eval.ExtractionPredictions(dir, f)
			if err != nil {
				return fmt.Errorf("eval extract: %w", err)
			}
			name := strings.TrimSuffix(filepath.Base(f), ".json")
			fmt.Fprintf(env.stdout, "%-22s %6.3f %6.3f %6.3f\n", name, ref.F1, ref.Precision, ref.Recall)
		}
		return nil
	case "sentences":
		files := fs.Args()
		if len(files) == 0 {
			files = []string{
				filepath.Join(defaultData, "ud-english-ewt", "en_ewt-ud-test.conllu"),
				filepath.Join(defaultData, "ud-english-gum", "en_gum-ud-test.conllu"),
			}
		}
		for _, f := range files {
			rep, err := eval.Sentences(f)
			if err != nil {
				return fmt.Errorf("eval sentences: %w", err)
			}
			rep.Write(env.stdout)
		}
		return nil
	case "syntax":
		data := defaultData
		if fs.NArg() > 0 {
			data = fs.Arg(0)
		}
		return evalSyntax(env, data, *onDev)
	case "ner":
		file := filepath.Join(defaultData, "conll2003", "test.txt")
		if fs.NArg() > 0 {
			file = fs.Arg(0)
		}
		m, err := entity.Model()
		if err != nil {
			return fmt.Errorf("eval ner: %w", err)
		}
		docs, err := ner.ReadCoNLLFile(file)
		if err != nil {
			return fmt.Errorf("eval ner: %w", err)
		}
		ner.Evaluate(m, docs).Write(env.stdout)
		return nil
	case "entities":
		return evalEntities(ctx, env, rf, *split, *showErrors)
	case "numbers":
		dir := filepath.Join(defaultData, "numbers")
		if fs.NArg() > 0 {
			dir = fs.Arg(0)
		}
		rep, err := eval.Numbers(dir)
		if err != nil {
			return fmt.Errorf("eval numbers: %w", err)
		}
		return rep.Write(env.stdout)
	case "figures":
		// eval figures [GOLD.jsonl [CORPUS.jsonl]]: the figure layer on our gold set.
		gold, corpus := filepath.Join("testdata", "gold", "figures.jsonl"), filepath.Join(defaultData, "ukraine-war-news", "articles.jsonl")
		if fs.NArg() > 0 {
			gold = fs.Arg(0)
		}
		if fs.NArg() > 1 {
			corpus = fs.Arg(1)
		}
		rep, err := eval.Figures(ctx, gold, corpus, cleanTextSteps())
		if err != nil {
			return fmt.Errorf("eval figures: %w", err)
		}
		return rep.Write(env.stdout)
	case "ledger":
		// eval ledger [--set warnews|re3d|basil] [--split dev|test] [--stratum S,…]
		// [--errors] [CORPUS]: the figure layer on a real-news ledger gold set.
		gold, corpus := filepath.Join("testdata", "gold", "ledger"), filepath.Join(defaultData, "ukraine-war-news", "articles.jsonl")
		switch *goldSet {
		case "warnews":
		case "re3d":
			gold, corpus = filepath.Join("testdata", "gold", "ledger-re3d"), filepath.Join(defaultData, "re3d")
		case "basil":
			gold, corpus = filepath.Join("testdata", "gold", "ledger-basil"), filepath.Join(defaultData, "news-clustering", "basil")
		default:
			return fmt.Errorf("eval ledger: unknown gold set %q (want warnews, re3d or basil): %w", *goldSet, errUsage)
		}
		if fs.NArg() > 0 {
			corpus = fs.Arg(0)
		}
		opt := eval.LedgerOptions{AllErrors: *showErrors}
		if *strata != "" {
			opt.Strata = strings.Split(*strata, ",")
		}
		rep, err := eval.LedgerFigures(ctx, gold, *split, corpus, cleanTextSteps(), opt)
		if err != nil {
			return fmt.Errorf("eval ledger: %w", err)
		}
		return rep.Write(env.stdout)
	case "events":
		// eval events [--split dev|test] [CORPUS.jsonl]: the event layer
		// on the real-news event gold set.
		corpus := filepath.Join(defaultData, "ukraine-war-news", "articles.jsonl")
		if fs.NArg() > 0 {
			corpus = fs.Arg(0)
		}
		rep, err := eval.Events(ctx, filepath.Join("testdata", "gold", "events"), *split, corpus, cleanTextSteps())
		if err != nil {
			return fmt.Errorf("eval events: %w", err)
		}
		return rep.Write(env.stdout)
	case "threads":
		// eval threads [--split dev|dev2|test|both] [--errors] [CORPUS.jsonl]: stories and
		// independent origins against the hand-made thread gold set.
		corpus := filepath.Join(defaultData, "ukraine-war-news", "articles.jsonl")
		if fs.NArg() > 0 {
			corpus = fs.Arg(0)
		}
		return evalThreads(ctx, env, rf, *split, corpus, *showErrors, thread.Options{Threshold: *threadThreshold, Specific: *threadSpecific, Window: time.Duration(*threadWindow * 24 * float64(time.Hour))})
	case "genre":
		// eval genre [--split dev|test|both] [CORPUS.jsonl]: the genre
		// layer on the hand-labelled real-news set.
		corpus := filepath.Join(defaultData, "ukraine-war-news", "articles.jsonl")
		if fs.NArg() > 0 {
			corpus = fs.Arg(0)
		}
		return evalGenre(ctx, env, *split, corpus)
	case "metadata":
		// eval metadata [--split dev|test|both] [DATA]: title, author,
		// date and outlet on the hand-labelled benchmark pages, and the
		// defect classes over the benchmark and the real-news corpus.
		dir := defaultData
		if fs.NArg() > 0 {
			dir = fs.Arg(0)
		}
		return evalMetadata(ctx, env, *split, dir)
	case "provenance":
		dir := defaultData
		if fs.NArg() > 0 {
			dir = fs.Arg(0)
		}
		return evalProvenance(env, dir, *split)
	case "stories":
		dir := defaultData
		if fs.NArg() > 0 {
			dir = fs.Arg(0)
		}
		return evalStories(ctx, env, dir, *threshold, *sweep)
	default:
		return fmt.Errorf("eval: unknown data set %q (want extract, sentences, ner, entities, numbers, figures, ledger, events, genre, metadata, threads, syntax, provenance, stories, attribution or speakers): %w", what, errUsage)
	}
}

// goldSplits expands a --split value.
func goldSplits(what, split string) ([]string, error) {
	switch split {
	case "both":
		return []string{eval.LedgerDev, eval.LedgerTest}, nil
	case eval.LedgerDev, eval.LedgerTest:
		return []string{split}, nil
	}
	return nil, fmt.Errorf("eval %s: unknown split %q (want dev, test or both): %w", what, split, errUsage)
}

// evalMetadata scores the extractor's metadata on testdata/gold/metadata
// and counts metadata defects over the benchmark and the real-news corpus.
func evalMetadata(ctx context.Context, env *environment, split, dir string) error {
	splits, err := goldSplits("metadata", split)
	if err != nil {
		return err
	}
	ex := extract.New(extract.Options{})
	bench := filepath.Join(dir, "article-extraction-benchmark")
	for _, sp := range splits {
		rep, err := eval.Metadata(ctx, bench, filepath.Join("testdata", "gold", "metadata"), sp, ex)
		if err != nil {
			return fmt.Errorf("eval metadata: %w", err)
		}
		if err := rep.Write(env.stdout); err != nil {
			return err
		}
	}
	d, err := eval.BenchmarkDefects(ctx, bench, ex)
	if err != nil {
		return fmt.Errorf("eval metadata: %w", err)
	}
	if err := d.Write(env.stdout, "extraction benchmark"); err != nil {
		return err
	}
	d, err = eval.CorpusDefects(ctx, filepath.Join(dir, "ukraine-war-news", "articles.jsonl"), ex)
	if err != nil {
		return fmt.Errorf("eval metadata: %w", err)
	}
	return d.Write(env.stdout, "ukraine-war-news")
}

// evalGenre scores the genre stage on one or both splits of
// testdata/gold/genre.
func evalGenre(ctx context.Context, env *environment, split, corpus string) error {
	splits, err := goldSplits("genre", split)
	if err != nil {
		return err
	}
	var steps []pipeline.Step
	for _, st := range wiring.Stages() {
		if st.Name == "extract" || st.Name == "sentence" || st.Name == "genre" {
			steps = append(steps, st)
		}
	}
	for _, sp := range splits {
		rep, err := eval.Genre(ctx, filepath.Join("testdata", "gold", "genre"), sp, corpus, steps)
		if err != nil {
			return fmt.Errorf("eval genre: %w", err)
		}
		if err := rep.Write(env.stdout); err != nil {
			return err
		}
	}
	return nil
}

// evalThreads ingests the whole corpus into a temporary store, runs the
// link phase and scores the threads (and stories) of the thread gold
// set's articles.
func evalThreads(ctx context.Context, env *environment, rf *runFlags, split, corpus string, showErrors bool, topts thread.Options) error {
	var splits []string
	for _, sp := range strings.Split(split, ",") {
		if sp == eval.ThreadDev2 {
			splits = append(splits, sp)
			continue
		}
		more, err := goldSplits("threads", sp)
		if err != nil {
			return err
		}
		splits = append(splits, more...)
	}
	gold, err := eval.LoadThreadGold(filepath.Join("testdata", "gold", "threads"))
	if err != nil {
		return fmt.Errorf("eval threads: %w", err)
	}
	lines, err := eval.CorpusLineNumbers(corpus)
	if err != nil {
		return fmt.Errorf("eval threads: %w", err)
	}
	for _, g := range gold {
		if lines[g.ID] == 0 {
			return fmt.Errorf("eval threads: gold article %s is not in %s", g.ID, corpus)
		}
	}
	s, err := sqlite.OpenTemp(ctx)
	if err != nil {
		return fmt.Errorf("eval threads: temporary store: %w", err)
	}
	defer s.Close()
	rf.quiet = true
	if _, err := ingestWithProgress(ctx, env, s, source.Files(ctx, []string{corpus}, rf.sourceOptions(env)), rf, nil); err != nil {
		return fmt.Errorf("eval threads: %w", err)
	}
	if err := runLinkWith(ctx, env, s, true, wiring.LinkOptions{Workers: envWorkers(env), Thread: topts}); err != nil {
		return fmt.Errorf("eval threads: %w", err)
	}
	stored, err := readmodel.All(ctx, s)
	if err != nil {
		return fmt.Errorf("eval threads: %w", err)
	}
	var stories []string
	for _, a := range stored {
		if a.Story != "" {
			stories = append(stories, a.Story)
		}
	}
	threads, err := s.StoryThreads(ctx, stories)
	if err != nil {
		return fmt.Errorf("eval threads: %w", err)
	}
	threadOf := func(a *news.Article) string { return threads[a.Story] }
	for _, sp := range splits {
		rep := eval.ScoreThreads(gold, sp, lines, stored, threadOf, (*news.Article).Origin)
		if !showErrors {
			rep.Groupings = nil
		}
		if err := rep.Write(env.stdout); err != nil {
			return err
		}
	}
	return nil
}

// cleanTextSteps are the stages (wiring.Stages) without extraction, for corpora
// whose text is already clean.
func cleanTextSteps() []pipeline.Step {
	var steps []pipeline.Step
	for _, st := range wiring.Stages() {
		if st.Name != "extract" {
			steps = append(steps, st)
		}
	}
	return steps
}

// evalEntities runs the pipeline and the link phase over the articles of
// the entity gold set (real news in ../shared/data/ukraine-war-news) in a
// temporary store and scores their entity layers.
func evalEntities(ctx context.Context, env *environment, rf *runFlags, split string, showErrors bool) error {
	if split == "all" {
		split = ""
	}
	arts, gold, err := eval.EntityGold(split)
	if err != nil {
		return fmt.Errorf("eval entities: %w", err)
	}
	if len(arts) == 0 {
		return fmt.Errorf("eval entities: no gold articles in split %q: %w", split, errUsage)
	}
	var paths []string
	for _, a := range arts {
		paths = append(paths, filepath.Join(defaultData, "ukraine-war-news", a.Path))
	}
	s, err := sqlite.OpenTemp(ctx)
	if err != nil {
		return fmt.Errorf("eval entities: temporary store: %w", err)
	}
	defer s.Close()
	rf.quiet = true
	if _, err := ingestWithProgress(ctx, env, s, source.Files(ctx, paths, rf.sourceOptions(env)), rf, nil); err != nil {
		return fmt.Errorf("eval entities: %w", err)
	}
	if err := runLink(ctx, env, s, true, envWorkers(env)); err != nil {
		return fmt.Errorf("eval entities: %w", err)
	}
	var articles []*news.Article
	gone := 0
	for _, a := range arts {
		got, err := s.Article(ctx, a.ID)
		if errors.Is(err, news.ErrNotFound) {
			// The gold's offsets are into the text the ID was made from.
			fmt.Fprintf(env.stderr, "eval entities: gold article %s (%s) not stored: its text is not the annotated text any more; skipped\n", a.ID, a.Path)
			gone++
			continue
		}
		if err != nil {
			return fmt.Errorf("eval entities: gold article %s (%s): %w", a.ID, a.Path, err)
		}
		articles = append(articles, got)
	}
	rep := eval.ScoreEntities(articles, gold)
	rep.Write(env.stdout, showErrors)
	if rep.Misfits > 0 || gone > 0 {
		return fmt.Errorf("eval entities: %d gold articles not stored and %d gold spans that no longer fit the extracted text: re-anchor the gold", gone, rep.Misfits)
	}
	return nil
}
