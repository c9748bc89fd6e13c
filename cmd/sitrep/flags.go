package main

import (
	"errors"
	"flag"
	"fmt"
	"strconv"
	"time"

	"sitrep/internal/ingest"
	"sitrep/internal/pipeline"
	"sitrep/internal/source"
)

// newFlagSet returns a flag set for a subcommand that reports errors
// instead of exiting, with usage written to stderr.
func newFlagSet(env *environment, name, argsUsage string) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(env.stderr)
	fs.Usage = func() {
		fmt.Fprintf(env.stderr, "Usage: sitrep %s [flags] %s\n\nFlags:\n", name, argsUsage)
		fs.PrintDefaults()
	}
	return fs
}

// parseFlags parses args, marking a bad flag as a usage error. Flags may
// come before, between or after the positional arguments (`show ID
// --json` is `show --json ID`); everything after "--" is positional.
// fs.Args() then holds the positional arguments in their order.
func parseFlags(fs *flag.FlagSet, args []string) error {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				return err
			}
			return fmt.Errorf("%s: %w: %w", fs.Name(), err, errUsage)
		}
		rest := fs.Args()
		if used := len(args) - len(rest); used > 0 && args[used-1] == "--" {
			positional = append(positional, rest...) // "--" ends the flags
			break
		}
		if len(rest) == 0 {
			break
		}
		positional = append(positional, rest[0])
		args = rest[1:]
	}
	// Parsing "--" alone sets no flag and leaves positional as fs.Args().
	return fs.Parse(append([]string{"--"}, positional...))
}

// dbFlag registers --db. Its default comes from SITREP_DB, else
// sqlite:sitrep.db.
func dbFlag(fs *flag.FlagSet, env *environment) *string {
	def := env.getenv("SITREP_DB")
	if def == "" {
		def = "sqlite:sitrep.db"
	}
	return fs.String("db", def, "store `DSN`: sqlite:PATH or postgres://… (env SITREP_DB)")
}

// runFlags holds the flags of every command that runs the pipeline.
type runFlags struct {
	workers  int
	maxBytes int64
	timeout  time.Duration
	quiet    bool
	limits   *pipeline.Limits
}

// addLimitFlags registers the bounds on one article's annotation, with
// defaults from SITREP_MAX_TEXT and SITREP_ARTICLE_DEADLINE.
func addLimitFlags(fs *flag.FlagSet, env *environment) *pipeline.Limits {
	l := &pipeline.Limits{}
	maxText, _ := strconv.Atoi(env.getenv("SITREP_MAX_TEXT"))
	if maxText <= 0 {
		maxText = pipeline.DefaultMaxText
	}
	deadline, _ := time.ParseDuration(env.getenv("SITREP_ARTICLE_DEADLINE"))
	if deadline <= 0 {
		deadline = pipeline.DefaultDeadline
	}
	fs.IntVar(&l.MaxText, "max-text", maxText, "annotation cap: longest clean text, in `bytes`, the stages after extraction annotate; a longer article is stored with a problem (env SITREP_MAX_TEXT)")
	fs.DurationVar(&l.Deadline, "article-deadline", deadline, "wall time for one article's stages; a slower article is stored with a problem (env SITREP_ARTICLE_DEADLINE)")
	return l
}

// addRunFlags registers the pipeline flags with defaults from SITREP_WORKERS.
func addRunFlags(fs *flag.FlagSet, env *environment) *runFlags {
	f := &runFlags{}
	fs.IntVar(&f.workers, "workers", envWorkers(env), "articles processed at once; 0 means one per CPU (env SITREP_WORKERS)")
	fs.Int64Var(&f.maxBytes, "max-bytes", 32<<20, "largest input file, record or download in `bytes`")
	fs.DurationVar(&f.timeout, "timeout", 30*time.Second, "timeout for fetching a URL")
	fs.BoolVar(&f.quiet, "quiet", false, "print no progress line and no summary")
	f.limits = addLimitFlags(fs, env)
	return f
}

// options turns the flags into ingest options.
func (f *runFlags) options() ingest.Options {
	return ingest.Options{Workers: f.workers, Limits: *f.limits}
}

// sourceOptions turns the flags into source options; "-" reads env.stdin.
func (f *runFlags) sourceOptions(env *environment) source.Options {
	return source.Options{
		Stdin:     env.stdin,
		MaxBytes:  f.maxBytes,
		Timeout:   f.timeout,
		UserAgent: "sitrep/" + version + " (news report analysis)",
	}
}
