package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"sitrep/internal/annotate/sentence"
	asyntax "sitrep/internal/annotate/syntax"
	"sitrep/internal/eval"
	"sitrep/internal/news"
	"sitrep/internal/syntax"
)

// The treebanks the syntax models learn from: train to learn, dev to
// pick the epoch, test only to report.
var treebanks = []struct{ name, dir, prefix string }{
	{"EWT", "ud-english-ewt", "en_ewt-ud-"},
	{"GUM", "ud-english-gum", "en_gum-ud-"},
}

// readTreebanks reads one split ("train", "dev", "test") of every
// treebank: per treebank, and all together.
func readTreebanks(data, split string) ([][]syntax.Sentence, []syntax.Sentence, error) {
	var per [][]syntax.Sentence
	var all []syntax.Sentence
	for _, tb := range treebanks {
		name := tb.prefix + split + ".conllu"
		if split == "train" {
			name += ".gz"
		}
		s, err := syntax.ReadCoNLLUFile(filepath.Join(data, tb.dir, name))
		if err != nil {
			return nil, nil, err
		}
		per = append(per, s)
		all = append(all, s...)
	}
	return per, all, nil
}

// writeModel writes a model through save to path and reports its size.
func writeModel(env *environment, path string, save func(*bytes.Buffer) error) error {
	var buf bytes.Buffer
	if err := save(&buf); err != nil {
		return err
	}
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return err
	}
	fmt.Fprintf(env.stdout, "wrote %s (%d bytes)\n", path, buf.Len())
	return nil
}

// trainTagger trains the part-of-speech tagger and the lemmatiser on the
// EWT and GUM training sets, picking the epoch on their dev sets.
func trainTagger(env *environment, args []string) error {
	fs := newFlagSet(env, "train tagger", "")
	data := fs.String("data", defaultData, "public data sets `DIR` (ud-english-ewt, ud-english-gum)")
	epochs := fs.Int("epochs", 10, "most passes over the training data (the best on dev is kept)")
	folds := fs.Int("jackknife", 0, "add a second pass that sees the first pass's tags to the right, trained on tags from this many jackknife taggers (0: one pass, the default: the second pass gained 0.06 UPOS on EWT dev for half the speed)")
	clustersFile := fs.String("clusters", defaultClusters, "word clusters `FILE` (from sitrep train clusters)")
	out := fs.String("o", asyntax.TaggerFile, "model `FILE` to write")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	clusters, err := readClusters(*clustersFile)
	if err != nil {
		return fmt.Errorf("train tagger: %w", err)
	}
	_, train, err := readTreebanks(*data, "train")
	if err != nil {
		return fmt.Errorf("train tagger: %w", err)
	}
	_, dev, err := readTreebanks(*data, "dev")
	if err != nil {
		return fmt.Errorf("train tagger: %w", err)
	}
	start := time.Now()
	t, err := syntax.TrainTagger(train, syntax.TrainTaggerOptions{Epochs: *epochs, Dev: dev, Clusters: clusters, Folds: *folds, Log: env.stderr})
	if err != nil {
		return fmt.Errorf("train tagger: %w", err)
	}
	l := syntax.TrainLemmatizer(train)
	fmt.Fprintf(env.stdout, "trained in %.1fs: %d features; dev UPOS %.2f%%, lemma %.2f%% (predicted tags)\n",
		time.Since(start).Seconds(), t.Features(), 100*t.Accuracy(dev), 100*l.Accuracy(dev, tagAll(t, dev)))
	return writeModel(env, *out, func(b *bytes.Buffer) error { return t.Save(b, l) })
}

// tagAll tags every sentence.
func tagAll(t *syntax.Tagger, sents []syntax.Sentence) [][]news.UPOS {
	out := make([][]news.UPOS, len(sents))
	for i := range sents {
		out[i] = t.Tag(sents[i].Forms(), nil)
	}
	return out
}

// trainParser trains the dependency parser on the EWT and GUM training
// sets, on tags predicted by jackknifed taggers, picking the epoch on the
// dev sets tagged by the committed tagger.
func trainParser(env *environment, args []string) error {
	fs := newFlagSet(env, "train parser", "")
	data := fs.String("data", defaultData, "public data sets `DIR` (ud-english-ewt, ud-english-gum)")
	epochs := fs.Int("epochs", 12, "most passes over the training data (the best on dev is kept)")
	folds := fs.Int("jackknife", 5, "train on tags predicted by this many taggers, each trained without its fold (0: gold tags)")
	taggerEpochs := fs.Int("tagger-epochs", 6, "epochs of each jackknife tagger")
	clustersFile := fs.String("clusters", defaultClusters, "word clusters `FILE` (from sitrep train clusters)")
	prune := fs.Float64("prune", 1, "drop weights smaller than this in magnitude (1 halves the model for -0.15 LAS on dev)")
	taggerFile := fs.String("tagger", asyntax.TaggerFile, "tagger model `FILE` that tags the dev sets")
	out := fs.String("o", asyntax.ParserFile, "model `FILE` to write")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	clusters, err := readClusters(*clustersFile)
	if err != nil {
		return fmt.Errorf("train parser: %w", err)
	}
	tf, err := os.Open(*taggerFile)
	if err != nil {
		return fmt.Errorf("train parser: %w (build it with sitrep train tagger)", err)
	}
	tagger, _, err := syntax.LoadTagger(tf)
	tf.Close()
	if err != nil {
		return fmt.Errorf("train parser: %s: %w", *taggerFile, err)
	}
	_, train, err := readTreebanks(*data, "train")
	if err != nil {
		return fmt.Errorf("train parser: %w", err)
	}
	_, dev, err := readTreebanks(*data, "dev")
	if err != nil {
		return fmt.Errorf("train parser: %w", err)
	}
	start := time.Now()
	var tags [][]news.UPOS
	if *folds > 1 {
		tags = syntax.JackknifeTags(train, *folds, *taggerEpochs, clusters, env.stderr)
	}
	p, err := syntax.TrainParser(train, syntax.TrainParserOptions{
		Epochs: *epochs, Dev: dev, DevTags: tagAll(tagger, dev), Tags: tags, Clusters: clusters, Log: env.stderr,
	})
	if err != nil {
		return fmt.Errorf("train parser: %w", err)
	}
	p = p.Pruned(float32(*prune))
	m, l := p.Features()
	fmt.Fprintf(env.stdout, "trained in %.1fs: %d move and %d label features\n", time.Since(start).Seconds(), m, l)
	return writeModel(env, *out, func(b *bytes.Buffer) error { return p.Save(b) })
}

// evalSyntax scores the embedded models on the EWT and GUM test sets (or
// dev sets with --dev): with gold tokenisation, and from raw text through
// our own tokeniser and sentence splitter.
func evalSyntax(env *environment, data string, dev bool) error {
	an, err := asyntax.Model()
	if err != nil {
		return fmt.Errorf("eval syntax: %w", err)
	}
	split := "test"
	if dev {
		split = "dev"
	}
	per, _, err := readTreebanks(data, split)
	if err != nil {
		return fmt.Errorf("eval syntax: %w", err)
	}
	fmt.Fprintf(env.stdout, "%-4s %-5s %-10s %7s %7s %7s %7s %7s\n", "", "split", "tokens", "words", "UPOS", "lemma", "UAS", "LAS")
	for i, sents := range per {
		name := treebanks[i].name
		g := an.Evaluate(sents)
		fmt.Fprintf(env.stdout, "%-4s %-5s %-10s %7d %7.2f %7.2f %7.2f %7.2f\n", name, split, "gold", g.Words, g.Pct(g.UPOS), g.Pct(g.Lemma), g.Pct(g.UAS), g.Pct(g.LAS))
		r := eval.SyntaxRaw(an, sents)
		fmt.Fprintf(env.stdout, "%-4s %-5s %-10s %7.2f %7.2f %7.2f %7.2f %7.2f\n", name, split, "ours (F1)", r.F1(r.Words), r.F1(r.UPOS), r.F1(r.Lemma), r.F1(r.UAS), r.F1(r.LAS))
	}
	return nil
}

// reparse recomputes the token, sentence and syntax layers of a stored
// article (they are not stored; both stages are deterministic), parsing
// every sentence, not only those ingest parses.
func reparse(ctx context.Context, a *news.Article) error {
	if err := sentence.New().Process(ctx, a); err != nil {
		return fmt.Errorf("article %s: %w", a.ID, err)
	}
	if err := asyntax.NewParseAll().Process(ctx, a); err != nil {
		return fmt.Errorf("article %s: %w", a.ID, err)
	}
	return nil
}

// articleWithSyntax is an article's JSON with its syntax layer.
type articleWithSyntax struct {
	*news.Article
	Syntax []asyntax.Sentence `json:"syntax"`
}
