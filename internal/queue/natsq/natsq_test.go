package natsq

import (
	"context"
	"fmt"
	"os"
	"sync/atomic"
	"testing"
	"time"

	"github.com/nats-io/nats-server/v2/server"

	"sitrep/internal/queue"
	"sitrep/internal/queue/queuetest"
)

// startServer runs an in-process NATS server with JetStream, so the suite
// runs on a fresh machine with nothing installed.
func startServer(t *testing.T) string {
	t.Helper()
	s, err := server.NewServer(&server.Options{
		Host: "127.0.0.1", Port: -1, JetStream: true, StoreDir: t.TempDir(), NoLog: true, NoSigs: true,
	})
	if err != nil {
		t.Fatal(err)
	}
	go s.Start()
	if !s.ReadyForConnections(10 * time.Second) {
		t.Fatal("in-process NATS server did not start")
	}
	t.Cleanup(s.Shutdown)
	return s.ClientURL()
}

var queueSeq atomic.Int64

func opener(url string) queuetest.Open {
	return func(t *testing.T, opts queue.Options) queue.Queue {
		name := fmt.Sprintf("SITREP_TEST_%d_%d", os.Getpid(), queueSeq.Add(1))
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		q, err := Open(ctx, url, name, opts)
		if err != nil {
			t.Fatalf("open queue on %s: %v", url, err)
		}
		t.Cleanup(func() {
			q.js.DeleteStream(context.Background(), name)
			q.js.DeleteStream(context.Background(), name+"_DEAD")
			q.Close()
		})
		return q
	}
}

// TestConformanceInProcess runs the suite on a tick of 500 ms against an
// in-process server (the service's own suite below keeps the 1 s tick).
func TestConformanceInProcess(t *testing.T) {
	queuetest.RunTick(t, opener(startServer(t)), 500*time.Millisecond)
}

// TestConformanceServer runs the suite against the server
// SITREP_TEST_NATS names (CI sets it); it fails if that server is down.
func TestConformanceServer(t *testing.T) {
	url := os.Getenv("SITREP_TEST_NATS")
	if url == "" {
		t.Skip("SITREP_TEST_NATS is not set")
	}
	queuetest.Run(t, opener(url))
}
