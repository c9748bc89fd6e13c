package main

import (
	"context"
	"flag"
	"fmt"
	"log/slog"
	"strconv"
	"strings"
	"time"

	"sitrep/internal/link"
	"sitrep/internal/queue"
	"sitrep/internal/queue/natsq"
	"sitrep/internal/store"
	"sitrep/internal/wiring"
	"sitrep/internal/worker"
)

func runWorker(ctx context.Context, env *environment, args []string) error {
	if len(args) == 0 {
		return fmt.Errorf("worker: name a role: annotate, link or dead: %w", errUsage)
	}
	role, args := args[0], args[1:]
	fs := newFlagSet(env, "worker "+role, "")
	db := dbFlag(fs, env)
	qf := addQueueFlags(fs, env)
	workers := fs.Int("workers", 0, "articles processed at once; 0 means one per CPU")
	batch := fs.Int("batch", 64, "messages fetched, processed and written together")
	every := fs.Duration("every", time.Second, "link: how long to sleep when there is nothing to link")
	retryFor := fs.Duration("retry-for", 15*time.Minute,
		"how long an outage of the store or queue may last before a worker gives up on the work in hand (annotate returns it to the queue, link exits)")
	leaseTTL := fs.Duration("lease-ttl", 30*time.Second,
		"link: how long a link worker's lease on a batch lasts unless renewed; a worker that dies holds up its batch this long")
	requeue := fs.Bool("requeue", false, "dead: put the dead letters with the given IDs (all when none is given) back on the queue")
	limits := addLimitFlags(fs, env)
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	if fs.NArg() > 0 && !(role == "dead" && *requeue) {
		return fmt.Errorf("worker %s: unexpected arguments %q: %w", role, fs.Args(), errUsage)
	}
	retry := worker.RetryOptions{For: *retryFor}
	log := slog.New(slog.NewTextHandler(env.stderr, nil)).With("component", "worker "+role)
	switch role {
	case "annotate":
		q, err := qf.open(ctx)
		if err != nil {
			return err
		}
		defer q.Close()
		var s store.Store
		err = retry.Do(ctx, log, "start", func() (err error) {
			s, err = openStore(ctx, *db)
			return err
		})
		if err != nil {
			return err
		}
		defer s.Close()
		log.Info("started", "queue", qf.url, "name", qf.name)
		stats, err := worker.Annotate(ctx, q, s, worker.AnnotateOptions{Workers: *workers, Batch: *batch, Logger: log, Retry: retry, Limits: *limits})
		log.Info("stopped", "stored", stats.Stored, "duplicates", stats.Duplicates, "rejected", stats.Rejected, "failed", stats.Failed)
		return err
	case "link":
		var (
			s     store.Store
			steps []link.Named
		)
		holder := linkHolder()
		var shared *link.Shared
		err := retry.Do(ctx, log, "start", func() (err error) {
			if s, err = openStore(ctx, *db); err != nil {
				return err
			}
			opts := wiring.LinkOptions{Workers: *workers}
			if l, ok := s.(link.Leases); ok {
				shared = &link.Shared{Leases: l, Holder: holder, TTL: *leaseTTL}
				opts.Shared = shared
			}
			if steps, err = wiring.LinksWith(s, opts); err != nil {
				s.Close()
			}
			return err
		})
		if err != nil {
			return err
		}
		defer s.Close()
		log.Info("started", "steps", len(steps), "holder", holder)
		var lock func(context.Context) (func(), error)
		if shared == nil {
			// A store without leases: one link phase at a time.
			lock = func(ctx context.Context) (func(), error) {
				return lockLink(ctx, s, func() { log.Info("another link phase is running on this store; waiting") })
			}
		}
		return worker.Link(ctx, steps, worker.LinkOptions{Every: *every, Logger: log, Retry: retry, Lock: lock})
	case "dead":
		q, err := qf.open(ctx)
		if err != nil {
			return err
		}
		defer q.Close()
		if *requeue {
			return requeueDead(ctx, env, q, fs.Args())
		}
		dead, err := q.DeadLetters(ctx)
		if err != nil {
			return err
		}
		out := make([]map[string]any, 0, len(dead))
		for _, d := range dead {
			src := "(undecodable)"
			if a, err := worker.Decode(d.Data); err == nil {
				src = a.Source()
			}
			out = append(out, map[string]any{"id": d.ID, "article": src, "error": d.Error, "attempts": d.Attempts})
		}
		return writeJSON(env.stdout, map[string]any{"dead_letters": out})
	default:
		return fmt.Errorf("worker: unknown role %q (want annotate, link or dead): %w", role, errUsage)
	}
}

// requeueDead puts the dead letters args names by ID (all when args is
// empty) back on q and reports how many.
func requeueDead(ctx context.Context, env *environment, q queue.Queue, args []string) error {
	ids := make([]uint64, 0, len(args))
	for _, a := range args {
		id, err := strconv.ParseUint(a, 10, 64)
		if err != nil {
			return fmt.Errorf("worker dead --requeue: dead letter ID %q: want a number from `sitrep worker dead`: %w", a, errUsage)
		}
		ids = append(ids, id)
	}
	n, err := q.Requeue(ctx, ids...)
	if err != nil {
		return fmt.Errorf("worker dead --requeue: %d requeued, then: %w", n, err)
	}
	return writeJSON(env.stdout, map[string]any{"requeued": n})
}

// queueFlags name the work queue.
type queueFlags struct {
	url  string
	name string
}

// addQueueFlags registers --queue (default from SITREP_QUEUE) and --queue-name.
func addQueueFlags(fs *flag.FlagSet, env *environment) *queueFlags {
	f := &queueFlags{}
	fs.StringVar(&f.url, "queue", env.getenv("SITREP_QUEUE"), "work queue `URL`: nats://HOST:PORT (env SITREP_QUEUE)")
	fs.StringVar(&f.name, "queue-name", "SITREP", "name of the JetStream stream holding the work")
	return f
}

func (f *queueFlags) open(ctx context.Context) (queue.Queue, error) {
	if !strings.HasPrefix(f.url, "nats://") {
		return nil, fmt.Errorf("queue %q: want a nats:// URL: %w", f.url, errUsage)
	}
	q, err := natsq.Open(ctx, f.url, f.name, queue.Options{})
	if err != nil {
		return nil, fmt.Errorf("open queue: %w", err)
	}
	return q, nil
}
