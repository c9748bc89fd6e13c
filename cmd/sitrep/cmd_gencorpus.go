package main

import (
	"context"
	"fmt"
	"os"
	"path/filepath"

	"sitrep/internal/gencorpus"
)

// runGenCorpus writes a synthetic corpus for scale benchmarks:
// `sitrep gen-corpus --n 100000 --seed 1 -o F.jsonl [REAL.jsonl]`. The
// real articles are read at run time (default: ukraine-war-news under the
// shared data); the summary (kinds, family sizes) goes to stderr.
func runGenCorpus(ctx context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "gen-corpus", "[REAL.jsonl]\n\nWrites N articles (JSONL) built from the real articles: originals that keep a part of a real article's sentences and take the rest from articles of the same period, and copies, near copies and rewrites of earlier generated articles. Deterministic for a seed.")
	n := fs.Int("n", 100000, "how many articles to write")
	seed := fs.Uint64("seed", 1, "random `SEED`")
	out := fs.String("o", "", "output `FILE` (default stdout)")
	cp := fs.Float64("copy", 0.06, "share of exact copies of an earlier article")
	near := fs.Float64("near", 0.08, "share of near copies (paragraphs dropped and added)")
	rw := fs.Float64("rewrite", 0.06, "share of rewrites (half the sentences kept)")
	window := fs.Int("window", 2000, "a derived article's source is among the last `N` generated")
	keep := fs.Float64("keep", 0.2, "share of a real base article's sentences an original keeps")
	outlets := fs.Int("outlets", 400, "number of synthetic outlets")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	in := filepath.Join(defaultData, "ukraine-war-news", "articles.jsonl")
	if fs.NArg() > 0 {
		in = fs.Arg(0)
	}
	f, err := os.Open(in)
	if err != nil {
		return fmt.Errorf("gen-corpus: %w", err)
	}
	src, err := gencorpus.ReadSources(f, 80)
	f.Close()
	if err != nil {
		return fmt.Errorf("gen-corpus: %s: %w", in, err)
	}
	opt := gencorpus.Options{N: *n, Seed: *seed, Copy: neg0(*cp), Near: neg0(*near), Rewrite: neg0(*rw),
		Window: *window, Keep: *keep, Outlets: *outlets}
	w := env.stdout
	var file *os.File
	if *out != "" {
		if file, err = os.Create(*out); err != nil {
			return fmt.Errorf("gen-corpus: %w", err)
		}
		w = file
	}
	st, err := gencorpus.Generate(src, opt, w)
	if file != nil {
		if cerr := file.Close(); err == nil {
			err = cerr
		}
	}
	if err != nil {
		return fmt.Errorf("gen-corpus: %w", err)
	}
	fmt.Fprintf(env.stderr, "%d articles (%.1f MB of text) from %d real articles: original %d, copy %d, near copy %d, rewrite %d\n",
		st.Articles, float64(st.Bytes)/1e6, len(src), st.Kinds[gencorpus.KindOriginal], st.Kinds[gencorpus.KindCopy],
		st.Kinds[gencorpus.KindNear], st.Kinds[gencorpus.KindRewrite])
	fmt.Fprintf(env.stderr, "family sizes (generated families; largest %d):\n", st.Largest())
	for _, b := range st.Histogram() {
		r := fmt.Sprintf("%d–%d", b.Lo, b.Hi)
		if b.Lo == b.Hi {
			r = fmt.Sprint(b.Lo)
		} else if b.Hi > 1<<20 {
			r = fmt.Sprintf("%d+", b.Lo)
		}
		fmt.Fprintf(env.stderr, "  %-6s %7d families %8d articles\n", r, b.Families, b.Articles)
	}
	return nil
}

// neg0 maps an explicit 0 to a negative share, which gencorpus reads as
// none (its zero value means the default).
func neg0(x float64) float64 {
	if x == 0 {
		return -1
	}
	return x
}
