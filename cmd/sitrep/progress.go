package main

import (
	"fmt"
	"io"
	"sync"
	"time"

	"sitrep/internal/ingest"
)

// progress draws one self-rewriting status line on a terminal. It is safe
// for concurrent use and draws at most every 100 ms.
type progress struct {
	w     io.Writer
	start time.Time

	mu   sync.Mutex
	last time.Time
	used bool
}

// newProgress returns a progress line on w, or nil when w is not a
// terminal or the user asked for quiet; a nil *progress does nothing.
func newProgress(env *environment, quiet bool) *progress {
	if quiet || !env.stderrIsTerminal {
		return nil
	}
	return &progress{w: env.stderr, start: time.Now()}
}

// update redraws the line with the counts in s.
func (p *progress) update(s ingest.Summary) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	now := time.Now()
	if now.Sub(p.last) < 100*time.Millisecond {
		return
	}
	p.last = now
	p.used = true
	secs := now.Sub(p.start).Seconds()
	rate := 0.0
	if secs > 0 {
		rate = float64(s.Stored+s.Duplicates) / secs
	}
	fmt.Fprintf(p.w, "\r\033[K%d read  %d stored  %d duplicates  %d skipped  %.0f articles/s  %.1fs",
		s.Read, s.Stored, s.Duplicates, len(s.Skipped), rate, secs)
}

// done clears the line.
func (p *progress) done() {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.used {
		fmt.Fprint(p.w, "\r\033[K")
	}
}
