package syntax_test

import (
	"context"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"time"

	"sitrep/internal/annotate/syntax"
	"sitrep/internal/news"
	"sitrep/internal/sharedtest"
	"sitrep/internal/wiring"
)

// threadCPU returns the CPU time of the calling OS thread.
func threadCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_THREAD, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// BenchmarkAllStages runs every per-article stage of wiring.Stages() over
// the first 200 war-news articles; words/s and words/cpu-s are what
// docs/BENCHMARKS.md reports. It also reports each stage's share of the
// CPU time (the CPU time of the benchmark's thread around each stage,
// "<stage>-cpu-%"), and the words per CPU second of all stages but
// syntax. (The stages cannot run without syntax: the event stage needs
// its layer.)
func BenchmarkAllStages(b *testing.B) {
	steps := wiring.Stages()
	// The first 200 war-news articles the extract stage accepts (it
	// rejects a few records whose text is only page furniture).
	var items []sharedtest.WarNewsItem
	words := 0
	for _, it := range sharedtest.WarNews(b) {
		if len(items) == 200 {
			break
		}
		if steps[0].Stage.Process(context.Background(), &news.Article{Raw: []byte(it.Text), Format: news.FormatText}) != nil {
			continue
		}
		items = append(items, it)
		words += len(strings.Fields(it.Text))
	}
	runtime.LockOSThread()
	defer runtime.UnlockOSThread()
	spent := make([]time.Duration, len(steps))
	b.ReportAllocs()
	cpu0 := syntax.CPUTime()
	for b.Loop() {
		for _, it := range items {
			a := &news.Article{Raw: []byte(it.Text), Format: news.FormatText, Published: it.Date}
			for i, st := range steps {
				t0 := threadCPU()
				if err := st.Stage.Process(context.Background(), a); err != nil {
					b.Fatalf("%s: %v", st.Name, err)
				}
				spent[i] += threadCPU() - t0
			}
		}
	}
	n := float64(words) * float64(b.N)
	b.ReportMetric(n/b.Elapsed().Seconds(), "words/s")
	b.ReportMetric(n/(syntax.CPUTime()-cpu0).Seconds(), "words/cpu-s")
	var total, rest time.Duration
	for i, d := range spent {
		total += d
		if steps[i].Name != "syntax" {
			rest += d
		}
	}
	for i, d := range spent {
		b.ReportMetric(100*float64(d)/float64(total), steps[i].Name+"-cpu-%")
	}
	b.ReportMetric(n/rest.Seconds(), "words/cpu-s-without-syntax")
}
