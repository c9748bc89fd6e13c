package main

import (
	"fmt"
	"os"

	"sitrep/internal/corpus"
	"sitrep/internal/ner"

	"sitrep/internal/eval"
	"sitrep/internal/link/provenance"
)

// evalProvenance prints near-duplicate, reuse and spin measurements on
// the public data sets under dir; the spin curve on the held-out
// articles' dev half, test half or both (split).
func evalProvenance(env *environment, dir, split string) error {
	if split != "dev" && split != "test" && split != "both" {
		return fmt.Errorf("eval provenance: unknown split %q (want dev, test or both): %w", split, errUsage)
	}
	j, err := provenance.DefaultJudge()
	if err != nil {
		return err
	}
	syn, err := provenance.DefaultSynonyms()
	if err != nil {
		return err
	}
	lines, err := eval.NearDuplicates(j, dir)
	if err != nil {
		return fmt.Errorf("eval provenance: %w", err)
	}
	eval.WriteProvenance(env.stdout, lines)
	arts, err := eval.HeldOutArticles(dir, 150)
	if err != nil {
		return fmt.Errorf("eval provenance: %w", err)
	}
	f, err := os.Open(defaultClusters)
	if err != nil {
		return fmt.Errorf("eval provenance: the cluster spinner's table: %w", err)
	}
	clusters, err := ner.ReadClusters(f)
	f.Close()
	if err != nil {
		return fmt.Errorf("eval provenance: %s: %w", defaultClusters, err)
	}
	spinners := []struct {
		name string
		spin eval.Spinner
	}{
		{"WordNet synonyms (the judge reads WordNet too)", eval.SynonymSpinner(syn)},
		{"Brown-cluster neighbours (a table the judge does not read)", eval.ClusterSpinner(clusters)},
	}
	dev, test := eval.SplitSpin(arts)
	for _, half := range []struct {
		name  string
		split string
		arts  []corpus.Doc
	}{{"dev (thresholds tuned here)", "dev", dev}, {"test (reported)", "test", test}} {
		if split != "both" && split != half.split {
			continue
		}
		for _, sp := range spinners {
			pts, untouched := eval.SpinCurve(j, sp.spin, half.arts, []float64{0.05, 0.1, 0.2}, 1)
			fmt.Fprintf(env.stdout, "\nspin curve, %s: %d held-out ukraine-war-news articles (>=150 words), spinner: %s\n",
				half.name, len(half.arts), sp.name)
			fmt.Fprintf(env.stdout, "%-6s %-14s %-24s %-22s %-26s %s\n", "rate", "words replaced", "spun, original absent", "spun, original present", "derived, original present", "LSH candidate")
			for _, p := range pts {
				fmt.Fprintf(env.stdout, "%-6.2f %-14.3f %-24.3f %-22.3f %-26.3f %.3f\n", p.Rate, p.Replaced, p.Alone, p.WithOriginal, p.Derived, p.Candidate)
			}
			fmt.Fprintf(env.stdout, "untouched articles judged alone: %v (false-positive spun rate %.3f)\n", untouched,
				float64(untouched[provenance.KindSpun])/float64(max(1, len(half.arts))))
		}
	}
	return nil
}
