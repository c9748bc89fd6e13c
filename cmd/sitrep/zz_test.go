package main

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strings"
	"testing"

	"sitrep/internal/annotate/claim"
	"sitrep/internal/annotate/entity"
	"sitrep/internal/annotate/sentence"
	asyntax "sitrep/internal/annotate/syntax"
	"sitrep/internal/attribution"
	"sitrep/internal/news"
)

func TestZZMissed(t *testing.T) {
	docs, err := attribution.ReadPolNeAR("/work/shared/data/attribution/polnear/train")
	if err != nil {
		t.Skip(err)
	}
	m, _ := attribution.Default()
	steps := []interface {
		Process(context.Context, *news.Article) error
	}{sentence.New(), asyntax.New(), entity.New()}
	count := map[string]int{}
	var ex []string
	f, _ := os.Create("/tmp/missed.txt")
	for _, d := range docs {
		a := &news.Article{Text: d.Text}
		for _, st := range steps {
			st.Process(context.Background(), a)
		}
		var cls []news.Claim
		func() {
			defer func() {
				if r := recover(); r != nil {
					fmt.Println("PANIC", d.Name)
				}
			}()
			cls = claim.AddLearned(a, claim.Find(a), m)
		}()
		pred := fromClaims(d, cls)
		covered := map[int]bool{}
		for _, p := range pred {
			for _, r := range p.Cue {
				for k := r.Start; k < r.End; k++ {
					covered[k] = true
				}
			}
		}
		for _, g := range d.Attributions {
			if !d.IsReporting(g.Cue) {
				continue
			}
			hit := false
			for _, r := range g.Cue {
				for k := r.Start; k < r.End; k++ {
					hit = hit || covered[k]
				}
			}
			if hit {
				continue
			}
			cue := strings.ToLower(d.Span(g.Cue).In(d.Text))
			count[cue]++
			sp := d.Span(g.Cue)
			lo, hi := max(0, sp.Start-150), min(len(d.Text), sp.End+100)
			ex = append(ex, fmt.Sprintf("[%s] src=%q ...%s...", cue, d.Span(g.Source).In(d.Text), strings.ReplaceAll(d.Text[lo:hi], "\n", " ")))
		}
	}
	var ks []string
	for k := range count {
		ks = append(ks, k)
	}
	sort.Slice(ks, func(i, j int) bool { return count[ks[i]] > count[ks[j]] })
	for _, k := range ks[:min(40, len(ks))] {
		fmt.Fprintf(f, "%4d %s\n", count[k], k)
	}
	for _, e := range ex {
		fmt.Fprintln(f, e)
	}
	f.Close()
}
