package main

import (
	"bytes"
	"context"
	"fmt"
	"os"
	"path/filepath"
	"time"

	"sitrep/internal/annotate/claim"
	"sitrep/internal/annotate/entity"
	"sitrep/internal/annotate/sentence"
	asyntax "sitrep/internal/annotate/syntax"
	"sitrep/internal/attribution"
	"sitrep/internal/eval"
	"sitrep/internal/news"
)

// defaultPolNeAR is where PolNeAR's train and dev splits live.
var defaultPolNeAR = filepath.Join(defaultData, "attribution", "polnear")

// trainAttribution trains the attribution tagger on PolNeAR train,
// selecting the epoch on dev. The same data and flags give the same
// bytes.
func trainAttribution(env *environment, args []string) error {
	fs := newFlagSet(env, "train attribution", "")
	data := fs.String("data", defaultPolNeAR, "PolNeAR `DIR` with train/ and dev/")
	out := fs.String("o", attribution.DefaultModelPath, "model `FILE` to write")
	epochs := fs.Int("epochs", 10, "most passes over the training data (the best on dev is kept)")
	minCount := fs.Int("min-count", 2, "drop features seen fewer times in training")
	window := fs.Int("window", 1, "sentences either side of the cue's sentence the content tagger sees")
	clustersFile := fs.String("clusters", defaultClusters, "word clusters `FILE` (from sitrep train clusters)")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	clusters, err := readClusters(*clustersFile)
	if err != nil {
		return fmt.Errorf("train attribution: %w", err)
	}
	train, err := attribution.ReadPolNeAR(filepath.Join(*data, "train"))
	if err != nil {
		return fmt.Errorf("train attribution: %w", err)
	}
	dev, err := attribution.ReadPolNeAR(filepath.Join(*data, "dev"))
	if err != nil {
		return fmt.Errorf("train attribution: %w", err)
	}
	w := *window
	if w == 0 {
		w = -1 // TrainOptions reads 0 as the default
	}
	start := time.Now()
	m, err := attribution.Train(train, attribution.TrainOptions{
		Epochs: *epochs, MinCount: *minCount, ContentWindow: w, Dev: dev, Clusters: clusters, Log: env.stderr,
	})
	if err != nil {
		return fmt.Errorf("train attribution: %w", err)
	}
	var buf bytes.Buffer
	if err := m.Save(&buf); err != nil {
		return fmt.Errorf("train attribution: %w", err)
	}
	if err := os.WriteFile(*out, buf.Bytes(), 0o644); err != nil {
		return fmt.Errorf("train attribution: %w", err)
	}
	fmt.Fprintf(env.stdout, "trained in %.1fs: %d features, %d bytes → %s\n", time.Since(start).Seconds(), m.NumFeatures(), buf.Len(), *out)
	return nil
}

// evalAttribution scores the attribution tagger and the rule-based claim
// stage on PolNeAR dev with the same metrics.
func evalAttribution(ctx context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "eval attribution", "[DIR]")
	modelFile := fs.String("model", "", "model `FILE` (default: the embedded model)")
	rules := fs.Bool("rules", true, "also score the rule-based claim stage")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	dir := filepath.Join(defaultPolNeAR, "dev")
	if fs.NArg() > 0 {
		dir = fs.Arg(0)
	}
	var m *attribution.Model
	var err error
	if *modelFile != "" {
		var f *os.File
		if f, err = os.Open(*modelFile); err == nil {
			m, err = attribution.Load(f)
			f.Close()
		}
	} else {
		m, err = attribution.Default()
	}
	if err != nil {
		return fmt.Errorf("eval attribution: %w", err)
	}
	docs, err := attribution.ReadPolNeAR(dir)
	if err != nil {
		return fmt.Errorf("eval attribution: %w", err)
	}
	ntok := 0
	for _, d := range docs {
		ntok += len(d.Tokens)
	}
	title := fmt.Sprintf("%s: %d documents, %d tokens", dir, len(docs), ntok)
	sc := attribution.Evaluate(m, docs)
	sc.Write(env.stdout, "learned tagger — "+title)
	// The annotators' agreement, a ceiling: on the articles of this split
	// and of train that two annotators annotated.
	for _, split := range []string{dir, filepath.Join(filepath.Dir(dir), "train")} {
		pdocs, second, err := attribution.ReadPolNeARAgreement(split)
		if err != nil || len(pdocs) == 0 {
			continue
		}
		var ag attribution.Scores
		for i, d := range pdocs {
			ag.Add(d, d.Attributions, second[i])
		}
		fmt.Fprintln(env.stdout)
		ag.Write(env.stdout, fmt.Sprintf("annotator agreement — %s: the second annotator scored against the first on %d doubly annotated articles", split, len(pdocs)))
	}
	if !*rules {
		return nil
	}
	var rs, cs attribution.Scores
	// The stages the claim stage reads in the pipeline (wiring.Stages):
	// sentences, the syntax layer its rules take verbs and subjects
	// from, and entities.
	steps := []interface {
		Process(context.Context, *news.Article) error
	}{sentence.New(), asyntax.New(), entity.New()}
	for _, d := range docs {
		a := &news.Article{Text: d.Text}
		for _, st := range steps {
			if err := st.Process(ctx, a); err != nil {
				return fmt.Errorf("eval attribution %s: %w", d.Name, err)
			}
		}
		rules := claim.Find(a)
		rs.Add(d, d.Attributions, fromClaims(d, rules))
		cs.Add(d, d.Attributions, fromClaims(d, claim.AddLearned(a, rules, m)))
	}
	fmt.Fprintln(env.stdout)
	rs.Write(env.stdout, "rule-based claim finder (claim.Find) — "+title)
	fmt.Fprintln(env.stdout)
	cs.Write(env.stdout, "rules + learned reporting-verb claims (claim.AddLearned) — "+title)
	return nil
}

// evalSpeakers scores the speakers of the figures the whole pipeline
// finds in PolNeAR articles (dev by default; train for more error
// examples) against PolNeAR's attributions.
func evalSpeakers(ctx context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "eval speakers", "[DIR]")
	split := fs.String("split", "dev", "PolNeAR split: dev or train (the test split is held back)")
	showErrors := fs.Bool("errors", false, "list every wrong speaker, not the first few")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if *split != "dev" && *split != "train" {
		return fmt.Errorf("eval speakers: unknown split %q (want dev or train): %w", *split, errUsage)
	}
	dir := filepath.Join(defaultPolNeAR, *split)
	if fs.NArg() > 0 {
		dir = fs.Arg(0)
	}
	docs, err := attribution.ReadPolNeAR(dir)
	if err != nil {
		return fmt.Errorf("eval speakers: %w", err)
	}
	dates, err := eval.PolNeARDates(filepath.Join(filepath.Dir(dir), "metadata.tsv"))
	if err != nil {
		return fmt.Errorf("eval speakers: %w", err)
	}
	rep, err := eval.Speakers(ctx, dir, docs, dates, cleanTextSteps(), *showErrors)
	if err != nil {
		return fmt.Errorf("eval speakers: %w", err)
	}
	return rep.Write(env.stdout)
}

// fromClaims maps the claim stage's spans onto the document's tokens.
// Claims that share a cue (a quotation that goes on in a sentence of its
// own) are one attribution with both contents, as PolNeAR annotates them.
func fromClaims(d *attribution.Document, claims []news.Claim) []attribution.Attribution {
	out := make([]attribution.Attribution, 0, len(claims))
	byCue := map[news.Span]int{}
	for _, c := range claims {
		if k, ok := byCue[c.CueSpan]; ok {
			out[k].Content = append(out[k].Content, d.TokensOf(c.Content)...)
			continue
		}
		a := attribution.Attribution{Cue: d.TokensOf(c.CueSpan), Content: d.TokensOf(c.Content)}
		if c.SpeakerSpan != nil {
			a.Source = d.TokensOf(*c.SpeakerSpan)
		}
		if len(a.Cue) > 0 {
			byCue[c.CueSpan] = len(out)
			out = append(out, a)
		}
	}
	return out
}
