package main

import (
	"fmt"

	"sitrep/internal/eval"
	"sitrep/internal/link/provenance"
)

// evalProvenance prints near-duplicate, reuse and spin measurements on
// the public data sets under dir.
func evalProvenance(env *environment, dir string) error {
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
	pts, untouched := eval.SpinCurve(j, syn, arts, []float64{0.05, 0.1, 0.2, 0.3, 0.5}, 1)
	fmt.Fprintf(env.stdout, "\nspin curve: %d held-out ukraine-war-news articles (>=150 words), test spinner with WordNet synonyms\n", len(arts))
	fmt.Fprintf(env.stdout, "%-6s %-14s %-24s %-22s %s\n", "rate", "words replaced", "spun, original absent", "spun, original present", "derived, original present")
	for _, p := range pts {
		fmt.Fprintf(env.stdout, "%-6.2f %-14.3f %-24.3f %-22.3f %.3f\n", p.Rate, p.Replaced, p.Alone, p.WithOriginal, p.Derived)
	}
	fmt.Fprintf(env.stdout, "untouched articles judged alone: %v (false-positive spun rate %.3f)\n", untouched,
		float64(untouched[provenance.KindSpun])/float64(max(1, len(arts))))
	return nil
}
