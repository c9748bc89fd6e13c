package main

import (
	"context"
	"crypto/rand"
	"fmt"
	"os"
	"strconv"
	"time"

	"sitrep/internal/link"
	"sitrep/internal/store"
	"sitrep/internal/wiring"
)

// envWorkers is the worker count SITREP_WORKERS sets (0 when unset: one
// per CPU).
func envWorkers(env *environment) int {
	n, _ := strconv.Atoi(env.getenv("SITREP_WORKERS"))
	return n
}

// lockLink takes the store's link lock, so one link phase at a time runs
// on a store; busy is called once if another one holds it.
func lockLink(ctx context.Context, s store.Store, busy func()) (func(), error) {
	release, err := store.WaitLinkLock(ctx, s, 500*time.Millisecond, busy)
	if err != nil {
		return nil, fmt.Errorf("link lock: %w", err)
	}
	return release, nil
}

// linkHolder names this process's link leases: host, process ID and a
// random part, so that two workers never share a name.
func linkHolder() string {
	host, _ := os.Hostname()
	var b [4]byte
	_, _ = rand.Read(b[:])
	return fmt.Sprintf("%s:%d:%x", host, os.Getpid(), b)
}

// runLink runs the link phase over everything stored that the steps have
// not processed yet, workers articles at once where a step can (0: one
// per CPU; the picture is the same whatever the number).
func runLink(ctx context.Context, env *environment, s store.Store, quiet bool, workers int) error {
	return runLinkWith(ctx, env, s, quiet, wiring.LinkOptions{Workers: workers})
}

// runLinkWith is runLink with the link steps' options.
func runLinkWith(ctx context.Context, env *environment, s store.Store, quiet bool, opts wiring.LinkOptions) error {
	steps, err := wiring.LinksWith(s, opts)
	if err != nil {
		return err
	}
	release, err := lockLink(ctx, s, func() {
		fmt.Fprintln(env.stderr, "link: another link phase is running on this store; waiting for it to finish")
	})
	if err != nil {
		return err
	}
	defer release()
	var timings []link.Timing
	run := func(ctx context.Context) (err error) {
		timings, err = link.Run(ctx, steps)
		return err
	}
	if l, ok := s.(link.Leases); ok {
		// `sitrep worker link` processes on this store commit under the
		// commit lease; this phase holds it throughout.
		sh := &link.Shared{Leases: l, Holder: linkHolder()}
		err = sh.Commit(ctx, run)
	} else {
		err = run(ctx)
	}
	if !quiet {
		for _, t := range timings {
			fmt.Fprintf(env.stderr, "link %s: %d articles in %.2fs\n", t.Name, t.Articles, t.Total.Seconds())
		}
	}
	return err
}
