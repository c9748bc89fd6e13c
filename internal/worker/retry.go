package worker

import (
	"context"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"time"

	"sitrep/internal/store"
)

// RetryOptions say how a worker rides out an outage of its store or
// queue. An outage is measured in time, not in attempts: a call failing
// with a transient error is retried with exponential backoff and jitter
// until it succeeds or the outage has lasted For. Zero values are
// defaults.
type RetryOptions struct {
	// For is how long an outage may last before the worker gives up on
	// the call (Annotate returns the batch to the queue, Link exits);
	// 0 means 15 minutes.
	For time.Duration
	// Initial is the first delay; 0 means 250ms. Each delay doubles, up
	// to Max; 0 means 15s. A delay is drawn between half and all of it.
	Initial, Max time.Duration
	// Touch is how often work held during an outage is reported as still
	// in progress (queue.Message.Touch), so the queue does not hand it to
	// another worker; it must be below the queue's AckWait; 0 means 5s.
	Touch time.Duration
}

func (o RetryOptions) withDefaults() RetryOptions {
	if o.For <= 0 {
		o.For = 15 * time.Minute
	}
	if o.Initial <= 0 {
		o.Initial = 250 * time.Millisecond
	}
	if o.Max <= 0 {
		o.Max = 15 * time.Second
	}
	o.Max = max(o.Max, o.Initial)
	if o.Touch <= 0 {
		o.Touch = 5 * time.Second
	}
	return o
}

// Do calls fn until it returns nil or an error that is not a transient
// store error (store.Transient), or until o.For of continuous failure,
// logging each retry as what. A worker starts through it (opening its
// store, reading what its steps need), so a database that drops
// connections while the worker starts does not stop it.
func (o RetryOptions) Do(ctx context.Context, log *slog.Logger, what string, fn func() error) error {
	return o.withDefaults().retry(ctx, log, what, store.Transient, nil, fn)
}

// retry calls fn until it returns nil or an error transient rejects, or
// until the outage (time since fn first failed) has lasted o.For, and
// returns fn's last error. Between calls it sleeps a backoff delay, calling
// keep every o.Touch meanwhile (keep may be nil). When ctx is done it stops
// waiting and returns fn's last error joined with ctx's. It logs each
// retry at Warn with what names the operation.
func (o RetryOptions) retry(ctx context.Context, log *slog.Logger, what string, transient func(error) bool, keep func(), fn func() error) error {
	var start time.Time
	var lastKeep time.Time // zero: report held work as soon as the first wait begins
	delay := o.Initial
	for attempt := 1; ; attempt++ {
		err := fn()
		if err == nil || !transient(err) {
			if err == nil && attempt > 1 {
				log.Info("recovered", "op", what, "attempts", attempt, "outage", time.Since(start).Round(time.Millisecond))
			}
			return err
		}
		if start.IsZero() {
			start = time.Now()
		}
		left := o.For - time.Since(start)
		if left <= 0 {
			return fmt.Errorf("%s: gave up after an outage of %s: %w", what, time.Since(start).Round(time.Second), err)
		}
		d := min(delay/2+rand.N(delay/2+1), left)
		log.Warn("store or queue unavailable, retrying", "op", what, "attempt", attempt, "retry_in", d.Round(time.Millisecond),
			"outage", time.Since(start).Round(time.Millisecond), "err", err)
		if werr := o.sleep(ctx, d, keep, &lastKeep); werr != nil {
			return fmt.Errorf("%s: %w (stopped retrying: %w)", what, err, werr)
		}
		delay = min(2*delay, o.Max)
	}
}

// sleep waits d, or until ctx is done, calling keep whenever o.Touch has
// passed since *last (the time of the previous call, which it updates).
func (o RetryOptions) sleep(ctx context.Context, d time.Duration, keep func(), last *time.Time) error {
	end := time.Now().Add(d)
	for {
		if keep != nil && time.Since(*last) >= o.Touch {
			keep()
			*last = time.Now()
		}
		wake := end
		if keep != nil {
			wake = minTime(end, last.Add(o.Touch))
		}
		t := time.NewTimer(time.Until(wake))
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-t.C:
		}
		if !time.Now().Before(end) {
			return nil
		}
	}
}

func minTime(a, b time.Time) time.Time {
	if b.Before(a) {
		return b
	}
	return a
}
