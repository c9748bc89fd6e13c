package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"sitrep/internal/facts"
	"sitrep/internal/link/provenance"
	"sitrep/internal/ner"
)

// runTrain builds one of the project's committed models or tables from
// public data: `sitrep train ner|synonyms|lm`.
func runTrain(_ context.Context, env *environment, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("train: name what to train: ner, synonyms or lm: %w", errUsage)
	}
	switch args[0] {
	case "ner":
		return trainNER(env, args[1:])
	case "synonyms", "lm":
		return trainProvenanceTable(env, args[0], args[1:])
	default:
		return fmt.Errorf("train: unknown model %q (want ner, synonyms or lm): %w", args[0], errUsage)
	}
}

// trainProvenanceTable rebuilds one of the provenance step's data tables:
// the synonym table from WordNet (Debian package wordnet-base) or the
// background word-pair counts from the news corpora in ../shared/data.
func trainProvenanceTable(env *environment, what string, args []string) error {
	fs := newFlagSet(env, "train "+what, "")
	wordnet := fs.String("wordnet", "/usr/share/wordnet", "synonyms: WordNet database `DIR` (apt-get install wordnet-base)")
	data := fs.String("data", defaultData, "lm: public data sets `DIR`")
	minCount := fs.Int("min-count", 2, "lm: keep words and pairs seen at least this often")
	dir := fs.String("o", filepath.Join("internal", "link", "provenance", "data"), "output `DIR`")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	var buf bytes.Buffer
	switch what {
	case "synonyms":
		if err := provenance.BuildSynonyms(*wordnet, &buf); err != nil {
			return fmt.Errorf("train synonyms: %w", err)
		}
	case "lm":
		n, err := provenance.BuildLM(*data, *minCount, &buf)
		if err != nil {
			return fmt.Errorf("train lm: %w", err)
		}
		fmt.Fprintf(env.stderr, "counted %d words\n", n)
	}
	path := filepath.Join(*dir, what+".txt.gz")
	if err := os.WriteFile(path, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("train %s: %w", what, err)
	}
	fmt.Fprintf(env.stdout, "wrote %s (%d bytes)\n", path, buf.Len())
	return nil
}

// trainNER trains the named-entity tagger on CoNLL-2003.
func trainNER(env *environment, args []string) error {
	fs := newFlagSet(env, "train ner", "")
	data := fs.String("data", filepath.Join(defaultData, "conll2003"), "`DIR` with CoNLL-2003 train.txt and valid.txt")
	out := fs.String("o", filepath.Join("internal", "annotate", "entity", "ner.model.gz"), "model `FILE` to write")
	feats := fs.String("features", "all,-document", "feature families: all, or a list such as words+shape+affix, or all,-document (the default, chosen on dev)")
	epochs := fs.Int("epochs", 15, "most passes over the training data (the best on dev is kept)")
	minCount := fs.Int("min-count", 1, "drop features seen fewer times in training")
	test := fs.Bool("test", false, "also score the model on test.txt")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	f, ok := ner.ParseFeatures(*feats)
	if !ok || f == 0 {
		return fmt.Errorf("train ner: bad --features %q: %w", *feats, errUsage)
	}
	train, err := ner.ReadCoNLLFile(filepath.Join(*data, "train.txt"))
	if err != nil {
		return fmt.Errorf("train ner: %w", err)
	}
	dev, err := ner.ReadCoNLLFile(filepath.Join(*data, "valid.txt"))
	if err != nil {
		return fmt.Errorf("train ner: %w", err)
	}
	start := time.Now()
	m, err := ner.Train(train, ner.TrainOptions{
		Features:  f,
		Epochs:    *epochs,
		MinCount:  *minCount,
		Dev:       dev,
		Gazetteer: facts.Default().GazetteerEntries(),
		Log:       env.stderr,
	})
	if err != nil {
		return fmt.Errorf("train ner: %w", err)
	}
	elapsed := time.Since(start)
	fh, err := os.Create(*out)
	if err != nil {
		return fmt.Errorf("train ner: %w", err)
	}
	if err := m.Save(fh); err != nil {
		fh.Close()
		return fmt.Errorf("train ner: %w", err)
	}
	if err := fh.Close(); err != nil {
		return fmt.Errorf("train ner: %w", err)
	}
	st, _ := os.Stat(*out)
	fmt.Fprintf(env.stdout, "trained %s in %.1fs: %d features, %d bytes → %s\n", f, elapsed.Seconds(), m.NumFeatures(), st.Size(), *out)
	if *test {
		docs, err := ner.ReadCoNLLFile(filepath.Join(*data, "test.txt"))
		if err != nil {
			return fmt.Errorf("train ner: %w", err)
		}
		ner.Evaluate(m, docs).Write(env.stdout)
	}
	return nil
}
