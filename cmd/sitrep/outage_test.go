package main

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/url"
	"os"
	"os/exec"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"sitrep/internal/queue"
	"sitrep/internal/queue/natsq"
)

// These tests run against the real PostgreSQL and NATS (see scale_test.go)
// and take about a minute: they skip unless both SITREP_TEST_POSTGRES and
// SITREP_TEST_NATS are set, and under -short.

// tcpProxy forwards connections from a loopback port to a target address
// and can be stopped (listener closed, every connection cut, new ones
// refused) and started again on the same port: a database outage as the
// workers see it.
type tcpProxy struct {
	target string
	addr   string

	mu    sync.Mutex
	ln    net.Listener
	conns map[net.Conn]bool
}

func startProxy(t *testing.T, target string) *tcpProxy {
	t.Helper()
	p := &tcpProxy{target: target, addr: "127.0.0.1:0", conns: map[net.Conn]bool{}}
	if err := p.start(); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(p.stop)
	return p
}

func (p *tcpProxy) start() error {
	p.mu.Lock()
	defer p.mu.Unlock()
	ln, err := net.Listen("tcp", p.addr)
	if err != nil {
		return fmt.Errorf("proxy listen %s: %w", p.addr, err)
	}
	p.ln, p.addr = ln, ln.Addr().String()
	go p.accept(ln)
	return nil
}

func (p *tcpProxy) accept(ln net.Listener) {
	for {
		c, err := ln.Accept()
		if err != nil {
			return
		}
		up, err := net.Dial("tcp", p.target)
		if err != nil {
			c.Close()
			continue
		}
		p.mu.Lock()
		p.conns[c], p.conns[up] = true, true
		p.mu.Unlock()
		go p.pipe(c, up)
		go p.pipe(up, c)
	}
}

func (p *tcpProxy) pipe(dst, src net.Conn) {
	io.Copy(dst, src)
	dst.Close()
	src.Close()
	p.mu.Lock()
	delete(p.conns, dst)
	delete(p.conns, src)
	p.mu.Unlock()
}

// stop closes the listener (new connections are refused) and cuts every
// open connection.
func (p *tcpProxy) stop() {
	p.mu.Lock()
	defer p.mu.Unlock()
	if p.ln != nil {
		p.ln.Close()
		p.ln = nil
	}
	for c := range p.conns {
		c.Close()
	}
}

// lockedBuffer is a bytes.Buffer safe for a child's writes and our reads.
type lockedBuffer struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (l *lockedBuffer) Write(p []byte) (int, error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.Write(p)
}

func (l *lockedBuffer) String() string {
	l.mu.Lock()
	defer l.mu.Unlock()
	return l.b.String()
}

// child is a CLI child process whose stderr is kept and whose exit is
// watched.
type child struct {
	cmd    *exec.Cmd
	stderr *lockedBuffer
	done   chan error
}

func startChild(t *testing.T, args ...string) *child {
	t.Helper()
	encoded, _ := json.Marshal(args)
	c := &child{stderr: &lockedBuffer{}, done: make(chan error, 1)}
	c.cmd = exec.Command(os.Args[0], "-test.run=^TestCLIChild$")
	c.cmd.Env = append(os.Environ(), "SITREP_TEST_CLI_CHILD="+string(encoded))
	c.cmd.Stderr = c.stderr
	if err := c.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	go func() { c.done <- c.cmd.Wait() }()
	t.Cleanup(func() {
		c.cmd.Process.Kill()
	})
	return c
}

// running fails the test if the child has exited.
func (c *child) running(t *testing.T, what string) {
	t.Helper()
	select {
	case err := <-c.done:
		t.Fatalf("%s exited (%v) while it should be running; its log:\n%s", what, err, tail(c.stderr.String(), 3000))
	default:
	}
}

// term stops the child with SIGTERM and returns its exit error.
func (c *child) term() error {
	c.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case err := <-c.done:
		return err
	case <-time.After(60 * time.Second):
		c.cmd.Process.Kill()
		return errors.New("did not stop within 60s of SIGTERM")
	}
}

func tail(s string, n int) string {
	if len(s) > n {
		return "…" + s[len(s)-n:]
	}
	return s
}

// outage is how long the database refuses connections:
// SITREP_TEST_OUTAGE (a Go duration), 30s by default.
func outage(t *testing.T) time.Duration {
	d := 30 * time.Second
	if v := os.Getenv("SITREP_TEST_OUTAGE"); v != "" {
		var err error
		if d, err = time.ParseDuration(v); err != nil {
			t.Fatalf("SITREP_TEST_OUTAGE=%q: %v", v, err)
		}
	}
	return d
}

// TestWorkersRideOutADatabaseOutage publishes 2,000 articles, runs an
// annotate worker whose PostgreSQL connections go through a proxy, stops
// the proxy for 30 s mid-run (every connection cut, new ones refused) and
// starts it again: every article must be stored exactly once and nothing
// dead-lettered. Then it runs a link worker and terminates its
// connections (pg_terminate_backend, SQLSTATE 57P01) again and again
// while it works: it must carry on, drain its queues and judge every
// article as one single-process run does.
func TestWorkersRideOutADatabaseOutage(t *testing.T) {
	requireLong(t, "a 30 s database outage against real services")
	pg, natsURL := os.Getenv("SITREP_TEST_POSTGRES"), os.Getenv("SITREP_TEST_NATS")
	if pg == "" || natsURL == "" {
		t.Skip("SITREP_TEST_POSTGRES and SITREP_TEST_NATS are not both set")
	}
	if testing.Short() {
		t.Skip("slow: a 30 s outage against real services")
	}
	const n = 2000
	corpus := writeCorpus(t, n)
	tag := fmt.Sprintf("sitrep_outage_%d", os.Getpid())
	direct := schemaDSN(t, pg, tag)
	single := schemaDSN(t, pg, tag+"_single")
	qname := strings.ToUpper(tag)
	t.Cleanup(func() { deleteQueue(natsURL, qname) })

	u, err := url.Parse(direct)
	if err != nil {
		t.Fatal(err)
	}
	proxy := startProxy(t, u.Host)
	u.Host = proxy.addr
	proxied := u.String()

	start := time.Now()
	if _, errOut, code := runCLI(t, nil, "ingest", "--quiet", "--db", single, corpus); code != exitOK {
		t.Fatalf("single-process ingest: exit %d: %s", code, errOut)
	}
	t.Logf("reference ingest: %s", time.Since(start).Round(time.Second))
	if _, errOut, code := runCLI(t, nil, "ingest", "--quiet", "--queue", natsURL, "--queue-name", qname, corpus); code != exitOK {
		t.Fatalf("publish: exit %d: %s", code, errOut)
	}

	w := startChild(t, "worker", "annotate", "--queue", natsURL, "--queue-name", qname, "--db", proxied, "--batch", "32")
	waitFor(t, 120*time.Second, "the worker to store some articles", func() bool { return countIn(direct) >= 200 })
	proxy.stop()
	down := time.Now()
	atStop := countIn(direct)
	if atStop >= n {
		t.Skipf("the worker stored all %d articles before the outage", n)
	}
	time.Sleep(outage(t))
	duringOutage := countIn(direct) - atStop
	w.running(t, "the annotate worker")
	if err := proxy.start(); err != nil {
		t.Fatal(err)
	}
	waitFor(t, 180*time.Second, "all articles stored after the outage", func() bool { return countIn(direct) >= n })
	recovered := time.Since(down)
	if err := w.term(); err != nil {
		t.Errorf("annotate worker after SIGTERM: %v", err)
	}
	log := w.stderr.String()
	retries := strings.Count(log, "retrying")
	if got := countIn(direct); got != n {
		t.Errorf("store holds %d articles, want exactly %d", got, n)
	}
	q, err := natsq.Open(context.Background(), natsURL, qname, queue.Options{})
	if err != nil {
		t.Fatal(err)
	}
	dead, err := q.DeadLetters(context.Background())
	q.Close()
	if err != nil {
		t.Fatal(err)
	}
	if len(dead) != 0 {
		t.Errorf("%d dead letters after a %s outage, want none; first: %s", len(dead), outage(t), dead[0].Error)
	}
	if retries == 0 {
		t.Errorf("the worker logged no retry: the outage did not reach it; its log:\n%s", tail(log, 3000))
	}
	if duringOutage > 32 {
		t.Errorf("%d articles were stored while the database was down", duringOutage)
	}
	t.Logf("outage of %s after %d of %d articles: %d retries logged, all %d stored %s after the outage began, 0 dead letters",
		outage(t), atStop, n, retries, n, recovered.Round(time.Second))

	// The link worker, its connections terminated while it works.
	linkStart := time.Now()
	linker := startChild(t, "worker", "link", "--db", direct, "--every", "100ms")
	terminated, rounds := 0, 0
	deadline := time.Now().Add(300 * time.Second)
	for pendingLinks(t, pg, tag) != 0 || judged(t, pg, tag) < n {
		if time.Now().After(deadline) {
			t.Fatalf("link queues not drained after 300s (%d terminations); log:\n%s", terminated, tail(linker.stderr.String(), 3000))
		}
		linker.running(t, "the link worker")
		if rounds < 20 {
			if k := dropConnections(t, pg, tag); k > 0 {
				terminated += k
				rounds++
			}
		}
		time.Sleep(250 * time.Millisecond)
	}
	linker.running(t, "the link worker")
	if err := linker.term(); err != nil {
		t.Errorf("link worker after SIGTERM: %v", err)
	}
	if terminated == 0 {
		t.Fatal("no link worker connection was open to terminate")
	}
	sameRuns(t, analysis(t, single), analysis(t, direct), "after terminated link connections")
	t.Logf("link worker: %d connections terminated in %d rounds; it carried on, judged all %d articles in %s as one process does (%d retries logged)",
		terminated, rounds, n, time.Since(linkStart).Round(time.Second), strings.Count(linker.stderr.String(), "retrying"))
}
