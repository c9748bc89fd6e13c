package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"sitrep/internal/annotate/sentence"
	"sitrep/internal/corpus"
	"sitrep/internal/facts"
	"sitrep/internal/ner"
	"sitrep/internal/train"
)

// runTrain builds one of the project's committed models or tables from
// public data: `sitrep train ner|clusters|gazetteer|attribution|tagger|parser|synonyms|lm|given`.
func runTrain(_ context.Context, env *environment, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("train: name what to train: ner, clusters, gazetteer, attribution, tagger, parser, synonyms, lm or given: %w", errUsage)
	}
	switch args[0] {
	case "ner":
		return trainNER(env, args[1:])
	case "clusters":
		return trainClusters(env, args[1:])
	case "gazetteer":
		return trainGazetteer(env, args[1:])
	case "attribution":
		return trainAttribution(env, args[1:])
	case "tagger":
		return trainTagger(env, args[1:])
	case "parser":
		return trainParser(env, args[1:])
	case "synonyms", "lm":
		return trainProvenanceTable(env, args[0], args[1:])
	case "given":
		return trainGiven(env, args[1:])
	default:
		return fmt.Errorf("train: unknown model %q (want ner, clusters, gazetteer, attribution, tagger, parser, synonyms, lm or given): %w", args[0], errUsage)
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
		if err := train.BuildSynonyms(*wordnet, &buf); err != nil {
			return fmt.Errorf("train synonyms: %w", err)
		}
	case "lm":
		n, err := train.BuildLM(*data, *minCount, &buf)
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

// trainGiven rebuilds the table of given names by gender
// (internal/facts/given.txt) from the Wikipedia name lists in
// ../shared/data: "she said" is then never a Joseph.
func trainGiven(env *environment, args []string) error {
	fs := newFlagSet(env, "train given", "")
	data := fs.String("data", defaultData, "public data sets `DIR` (reads DIR/gazetteers/wikipedia)")
	out := fs.String("o", filepath.Join("internal", "facts", "given.txt"), "table `FILE` to write")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	var lists [2][]string
	for i, file := range []string{"names_names.male.gz", "names_names.female.gz"} {
		b, err := corpus.ReadGzip(filepath.Join(*data, "gazetteers", "wikipedia", file))
		if err != nil {
			return fmt.Errorf("train given: %w", err)
		}
		lists[i] = strings.Split(string(b), "\n")
	}
	table := facts.BuildGiven(lists[0], lists[1])
	if err := os.WriteFile(*out, []byte(table), 0o644); err != nil {
		return fmt.Errorf("train given: %w", err)
	}
	fmt.Fprintf(env.stdout, "wrote %s (%d names)\n", *out, strings.Count(table, "\n"))
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
	clustersFile := fs.String("clusters", defaultClusters, "word clusters `FILE` (from sitrep train clusters) for the clusters features")
	lexiconFile := fs.String("lexicon", defaultLexicon, "name lists `FILE` (from sitrep train gazetteer) for the lexicon features")
	folds := fs.Int("folds", 4, "two-pass models: parts the training data is cut into for the first pass's labels")
	withDev := fs.Bool("with-dev", false, "train on train.txt and valid.txt together for the epochs given by --epochs (no early stopping); use once the settings are chosen on dev")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	f, ok := ner.ParseFeatures(*feats)
	if !ok || f == 0 {
		return fmt.Errorf("train ner: bad --features %q: %w", *feats, errUsage)
	}
	var clusters map[string]string
	if f&ner.FeatClusters != 0 {
		var err error
		if clusters, err = readClusters(*clustersFile); err != nil {
			return fmt.Errorf("train ner: %w (build it with sitrep train clusters, or leave out the clusters features)", err)
		}
	}
	train, err := ner.ReadCoNLLFile(filepath.Join(*data, "train.txt"))
	if err != nil {
		return fmt.Errorf("train ner: %w", err)
	}
	dev, err := ner.ReadCoNLLFile(filepath.Join(*data, "valid.txt"))
	if err != nil {
		return fmt.Errorf("train ner: %w", err)
	}
	var lexicon *ner.Lexicon
	if f&ner.FeatLexicon != 0 {
		if lexicon, err = readLexicon(*lexiconFile); err != nil {
			return fmt.Errorf("train ner: %w (build it with sitrep train gazetteer, or leave out the lexicon features)", err)
		}
	}
	if *withDev {
		train = append(train, dev...)
		dev = nil
	}
	start := time.Now()
	m, err := ner.Train(train, ner.TrainOptions{
		Features:  f,
		Epochs:    *epochs,
		MinCount:  *minCount,
		Dev:       dev,
		Gazetteer: facts.Default().GazetteerEntries(),
		Clusters:  clusters,
		Lexicon:   lexicon,
		Folds:     *folds,
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

// trainClusters induces the word clusters the tagger's cluster features
// use, from unlabelled news in ../shared/data and the CoNLL-2003 training
// and development text (not its test text).
func trainClusters(env *environment, args []string) error {
	fs := newFlagSet(env, "train clusters", "")
	data := fs.String("data", defaultData, "public data sets `DIR`")
	classes := fs.Int("classes", 256, "number of leaf clusters")
	minCount := fs.Int("min-count", 3, "cluster words seen at least this often")
	out := fs.String("o", defaultClusters, "clusters `FILE` to write (gzipped)")
	newswire := fs.Bool("newswire", true, "also read the unlabelled Reuters-21578 and ABC newswire (DIR/unlabelled)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	var sents [][]string
	words := 0
	add := func(text string) {
		toks := sentence.Tokenize(text)
		k := 0
		for _, s := range sentence.Split(text, toks) {
			for k < len(toks) && toks[k].Start < s.Start {
				k++
			}
			var ws []string
			for ; k < len(toks) && toks[k].End <= s.End; k++ {
				ws = append(ws, toks[k].In(text))
			}
			sents = append(sents, ws)
			words += len(ws)
		}
	}
	if err := corpus.News(*data, nil, add); err != nil {
		return fmt.Errorf("train clusters: %w", err)
	}
	source := "unlabelled news in ../shared/data"
	if *newswire {
		if err := corpus.Newswire(*data, add); err != nil {
			return fmt.Errorf("train clusters: %w", err)
		}
		source = "unlabelled news and newswire (Reuters-21578, ABC) in ../shared/data"
	}
	for _, name := range []string{"train.txt", "valid.txt"} {
		docs, err := ner.ReadCoNLLFile(filepath.Join(*data, "conll2003", name))
		if err != nil {
			return fmt.Errorf("train clusters: %w", err)
		}
		for _, d := range docs {
			for _, s := range d.Sentences {
				sents = append(sents, s.Words)
				words += len(s.Words)
			}
		}
	}
	start := time.Now()
	clusters := ner.Brown(sents, *classes, *minCount)
	elapsed := time.Since(start)
	comment := fmt.Sprintf("Brown word clusters (%d classes, words seen at least %d times) induced from\n%d words of %s and the CoNLL-2003 train and dev text.\nRebuild: sitrep train clusters -data ../shared/data", *classes, *minCount, words, source)
	var buf bytes.Buffer
	if err := ner.WriteClusters(&buf, clusters, comment); err != nil {
		return fmt.Errorf("train clusters: %w", err)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("train clusters: %w", err)
	}
	fmt.Fprintf(env.stdout, "clustered %d words of %d running words in %.1fs → %s (%d bytes)\n", len(clusters), words, elapsed.Seconds(), *out, buf.Len())
	return nil
}

// defaultClusters is where `sitrep train clusters` writes and `sitrep
// train ner` reads the word clusters.
var defaultClusters = filepath.Join("internal", "ner", "data", "clusters.txt.gz")

// readClusters reads a clusters file written by sitrep train clusters.
func readClusters(path string) (map[string]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	c, err := ner.ReadClusters(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return c, nil
}

// defaultLexicon is where `sitrep train gazetteer` writes and `sitrep
// train ner` reads the lexicon.
var defaultLexicon = filepath.Join("internal", "ner", "data", "lexicon.bin.gz")

// lexiconLists maps the files of DATA/gazetteers/wikipedia to the
// lexicon's lists.
var lexiconLists = []struct{ file, list string }{
	{"places_WikiLocations.lst.gz", "loc"},
	{"places_WikiLocationsRedirects.lst.gz", "loc-alt"},
	{"places_cities15000.txt.gz", "city"},
	{"organisations_WikiOrganizations.lst.gz", "org"},
	{"organisations_WikiOrganizationsRedirects.lst.gz", "org-alt"},
	{"organisations_government.government_agency.gz", "gov"},
	{"organisations_known_corporations.lst.gz", "corp"},
	{"names_firstname.5k.gz", "first"},
	{"names_names.female.gz", "first"},
	{"names_names.male.gz", "first"},
}

// trainGazetteer builds the lexicon of the tagger's lexicon features
// from the Wikipedia-derived name lists in ../shared/data. The file holds
// hashes of the names, not the names.
func trainGazetteer(env *environment, args []string) error {
	fs := newFlagSet(env, "train gazetteer", "")
	data := fs.String("data", defaultData, "public data sets `DIR` (reads DIR/gazetteers/wikipedia)")
	out := fs.String("o", defaultLexicon, "lexicon `FILE` to write")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	var lists []string
	for _, l := range lexiconLists {
		if !slices.Contains(lists, l.list) {
			lists = append(lists, l.list)
		}
	}
	lex, err := ner.NewLexicon(lists...)
	if err != nil {
		return fmt.Errorf("train gazetteer: %w", err)
	}
	names := 0
	for _, l := range lexiconLists {
		path := filepath.Join(*data, "gazetteers", "wikipedia", l.file)
		b, err := corpus.ReadGzip(path)
		if err != nil {
			return fmt.Errorf("train gazetteer: %w", err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			line = strings.TrimPrefix(strings.TrimSpace(line), "\ufeff")
			if l.list == "first" && isUpperWord(line) {
				line = strings.ToUpper(line[:1]) + strings.ToLower(line[1:])
			}
			if lex.Add(l.list, line) {
				names++
			}
		}
	}
	comment := fmt.Sprintf("Hashed name lists (%s) for the tagger's lexicon features, from\nthe Wikipedia-derived lists in ../shared/data/gazetteers/wikipedia.\nRebuild: sitrep train gazetteer -data ../shared/data", strings.Join(lists, ", "))
	var buf bytes.Buffer
	if err := lex.Write(&buf, comment); err != nil {
		return fmt.Errorf("train gazetteer: %w", err)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("train gazetteer: %w", err)
	}
	fmt.Fprintf(env.stdout, "hashed %d names (%d keys with prefixes) → %s (%d bytes)\n", names, lex.Len(), *out, buf.Len())
	return nil
}

func isUpperWord(s string) bool { return s != "" && strings.ToUpper(s) == s && strings.ToLower(s) != s }

// readLexicon reads a lexicon written by sitrep train gazetteer.
func readLexicon(path string) (*ner.Lexicon, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	x, err := ner.ReadLexicon(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return x, nil
}
