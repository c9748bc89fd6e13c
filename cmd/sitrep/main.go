// Command sitrep turns news reports about a war or crisis into a sourced
// situation picture. See the README for the subcommands.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"runtime/pprof"
	"syscall"

	"golang.org/x/term"

	"sitrep/internal/store"
)

// version is the release, set with -ldflags "-X main.version=…".
var version = "0.1.0-dev"

// command is one subcommand: its name, a one-line summary, and the
// function that parses its flags and runs it.
type command struct {
	name    string
	summary string
	run     func(ctx context.Context, env *environment, args []string) error
}

// commands lists every subcommand, in the order help shows them.
var commands = []command{
	{"demo", "analyse the embedded demo corpus and print the report", runDemo},
	{"ingest", "read files, directories, feeds, WARC archives or URLs into the store", runIngest},
	{"articles", "list stored articles", runArticles},
	{"show", "show one stored article with its layers", runShow},
	{"report", "print the situation picture: per story, articles, the figure ledger and top actors", runReport},
	{"families", "group stored articles into families of copies and count independent sources", runFamilies},
	{"analyze", "analyse inputs without keeping a database", runAnalyze},
	{"worker", "run a scale-out worker: annotate (queue → store), link, dead (list dead letters, --requeue [ID…] puts them back)", runWorker},
	{"eval", "measure accuracy on public data sets (extract, sentences, ner, numbers, syntax)", runEval},
	{"train", "train a model from public data sets (ner, tagger, parser, …)", runTrain},
	{"entities", "list canonical entities with their aliases and mention counts", runEntities},
	{"entity", "show one entity: aliases, counts, articles", runEntity},
	{"stories", "list stories with their article and independent-source counts", runStories},
	{"threads", "list threads (developing situations: stories linked over weeks): stories, reports, outlets, origins, span", runThreads},
	{"thread", "show one thread: its stories, the global measures its articles report, its merges", runThread},
	{"measures", "list the global measures: label, values, speakers, articles, stories, span of time", runMeasures},
	{"measure", "show one global measure across stories: its values over time, speakers, sources, relations", runMeasure},
	{"serve", "serve the web UI and the JSON API (/api/v1)", runServe},
	{"watch", "poll RSS/Atom feeds and ingest new items as they appear", runWatch},
	{"export", "export figures, events, entities or articles (csv, json, jsonl) or the actor graph (graphml)", runExport},
	{"gen-corpus", "write a large synthetic corpus (JSONL) built from real articles, for scale benchmarks", runGenCorpus},
	{"version", "print the version", runVersion},
}

// environment is what a subcommand may touch of the outside world; tests
// replace it.
type environment struct {
	stdin          io.Reader
	stdout, stderr io.Writer
	getenv         func(string) string
	// stderrIsTerminal enables the progress line.
	stderrIsTerminal bool
	// stdoutIsTerminal makes `demo` serve the UI after its report.
	stdoutIsTerminal bool
}

// Exit codes, listed in the README.
const (
	exitOK          = 0
	exitError       = 1   // the command failed
	exitUsage       = 2   // bad flags or arguments
	exitSkipped     = 3   // the batch completed but some inputs were skipped
	exitNotFound    = 4   // the named article does not exist
	exitInterrupted = 130 // interrupted by SIGINT or SIGTERM
)

// errUsage marks errors in how the command was called.
var errUsage = errors.New("usage")

// errSkipped marks a batch that completed with some inputs skipped.
var errSkipped = errors.New("some inputs were skipped")

// exitCode is the one table from errors to exit codes.
func exitCode(err error) int {
	switch {
	case err == nil:
		return exitOK
	case errors.Is(err, flag.ErrHelp):
		return exitOK
	case errors.Is(err, errUsage):
		return exitUsage
	case errors.Is(err, errSkipped):
		return exitSkipped
	case errors.Is(err, store.ErrNotFound):
		return exitNotFound
	case errors.Is(err, context.Canceled):
		return exitInterrupted
	default:
		return exitError
	}
}

// signalContext is cancelled by SIGINT or SIGTERM.
func signalContext() (context.Context, context.CancelFunc) {
	return signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
}

func main() {
	os.Exit(runMain())
}

// runMain runs the command line and returns the exit code, after every
// deferred cleanup has run.
func runMain() int {
	ctx, stop := signalContext()
	defer stop()
	env := &environment{
		stdin:            os.Stdin,
		stdout:           os.Stdout,
		stderr:           os.Stderr,
		getenv:           os.Getenv,
		stderrIsTerminal: isTerminal(os.Stderr),
		stdoutIsTerminal: isTerminal(os.Stdout),
	}
	if path := os.Getenv("SITREP_CPUPROFILE"); path != "" {
		stopProfile, err := startCPUProfile(path)
		if err != nil {
			fmt.Fprintln(env.stderr, "sitrep:", err)
			return exitError
		}
		defer stopProfile()
	}
	err := run(ctx, env, os.Args[1:])
	if err != nil && !errors.Is(err, flag.ErrHelp) && !errors.Is(err, errSkipped) {
		fmt.Fprintln(env.stderr, "sitrep:", err)
	}
	return exitCode(err)
}

// startCPUProfile writes a CPU profile of the whole run to path
// (SITREP_CPUPROFILE=path sitrep …), for `go tool pprof`.
func startCPUProfile(path string) (func(), error) {
	f, err := os.Create(path)
	if err != nil {
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	if err := pprof.StartCPUProfile(f); err != nil {
		f.Close()
		return nil, fmt.Errorf("cpu profile: %w", err)
	}
	return func() { pprof.StopCPUProfile(); f.Close() }, nil
}

// run dispatches args to a subcommand.
func run(ctx context.Context, env *environment, args []string) error {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		usage(env.stdout)
		if len(args) == 0 {
			return fmt.Errorf("no command given: %w", errUsage)
		}
		return nil
	}
	for _, c := range commands {
		if c.name == args[0] {
			return c.run(ctx, env, args[1:])
		}
	}
	return fmt.Errorf("unknown command %q (see sitrep help): %w", args[0], errUsage)
}

func usage(w io.Writer) {
	fmt.Fprintf(w, "sitrep %s: a sourced situation picture from news reports\n\nUsage: sitrep COMMAND [flags] [args]\n\nCommands:\n", version)
	for _, c := range commands {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, `
Run 'sitrep COMMAND -h' for a command's flags.

Exit codes:
  0    success
  1    the command failed
  2    bad flags or arguments
  3    the batch completed but some inputs were skipped (each reported on stderr)
  4    the named article does not exist
  130  interrupted (SIGINT or SIGTERM); what was already stored is kept
`)
}

func runVersion(_ context.Context, env *environment, args []string) error {
	fs := newFlagSet(env, "version", "")
	if err := parseFlags(fs, args); err != nil {
		return err
	}
	fmt.Fprintln(env.stdout, "sitrep", version)
	return nil
}

// isTerminal reports whether f is a terminal. A character device is not
// enough: /dev/null is one, and `sitrep demo > /dev/null` must exit.
func isTerminal(f *os.File) bool {
	return term.IsTerminal(int(f.Fd()))
}
