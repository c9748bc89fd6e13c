package pipeline

import (
	"context"
	"errors"
	"fmt"
	"time"

	"sitrep/internal/news"
)

// Defaults of Limits.
const (
	// DefaultMaxText is the annotation cap: 2 MiB of clean text, about
	// fifty times a long news article. Annotating it takes about 10 s of
	// CPU and 600 MiB of memory (docs/BENCHMARKS.md).
	DefaultMaxText = 2 << 20
	// DefaultDeadline is the wall time one article's stages may take.
	DefaultDeadline = 2 * time.Minute
)

// Limits bounds the cost of one article. An article past either is kept
// (stored with its text, the layers done so far, and a news.Problem
// naming the stage) and the rest of the batch goes on.
type Limits struct {
	// MaxText is the annotation cap in bytes of clean text (after
	// decompression and extraction): no stage after extraction runs on a
	// longer text. <= 0 means DefaultMaxText.
	MaxText int
	// Deadline is the wall time for all stages of one article. It is
	// checked between stages and passed to each stage in its context; a
	// stage already running is not interrupted unless it watches the
	// context. <= 0 means DefaultDeadline.
	Deadline time.Duration
}

func (l Limits) withDefaults() Limits {
	if l.MaxText <= 0 {
		l.MaxText = DefaultMaxText
	}
	if l.Deadline <= 0 {
		l.Deadline = DefaultDeadline
	}
	return l
}

// errDeadline is the cause of an article's context past its deadline.
var errDeadline = errors.New("article deadline passed")

// overLimits reports whether the article may not go on to stage next
// (prev ran last, "" for none): its text is longer than the annotation
// cap, or its deadline passed (actx is the article's context). It then
// records why as a problem: over the cap, naming the first stage not
// run; past the deadline, naming the stage that was running when it
// passed.
func (p *Pipeline) overLimits(actx context.Context, a *news.Article, next, prev string) bool {
	switch {
	case len(a.Text) > p.limits.MaxText:
		a.Problems = append(a.Problems, news.Problem{Stage: next, Message: fmt.Sprintf(
			"text of %d bytes is over the annotation cap of %d bytes; %s and later stages not run",
			len(a.Text), p.limits.MaxText, next)})
		return true
	case pastDeadline(actx):
		stage := prev
		if stage == "" {
			stage = next
		}
		p.deadlineProblem(a, stage, next)
		return true
	}
	return false
}

// pastDeadline reports whether the article's context actx ended at its
// deadline (not because the run was cancelled).
func pastDeadline(actx context.Context) bool {
	return errors.Is(context.Cause(actx), errDeadline)
}

// deadlineProblem records that the deadline passed during stage, so
// that next and the stages after it did not run.
func (p *Pipeline) deadlineProblem(a *news.Article, stage, next string) {
	a.Problems = append(a.Problems, news.Problem{Stage: stage, Message: fmt.Sprintf(
		"article deadline of %s passed during %s; %s and later stages not run",
		p.limits.Deadline, stage, next)})
}
