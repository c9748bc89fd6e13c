// Package queue carries work between sitrep processes: raw articles from
// `sitrep ingest --queue` to `sitrep worker annotate`. Delivery is at least
// once: a message is delivered again until it is acknowledged, so consumers
// acknowledge only after their write has committed and write idempotently.
// A message that keeps failing goes to a dead-letter list with its error
// instead of blocking the queue. Implementations: queue/memory (one
// process, tests) and queue/natsq (NATS JetStream); both pass
// queue/queuetest.
package queue

import (
	"context"
	"errors"
	"time"
)

// ErrNoDeadLetter is wrapped by Requeue when an ID names no dead letter.
var ErrNoDeadLetter = errors.New("no such dead letter")

// Queue is a work queue with explicit acknowledgement.
type Queue interface {
	// Publish adds one message. It returns once the queue has stored it.
	Publish(ctx context.Context, data []byte) error
	// Fetch returns up to max messages that are ready, waiting up to wait
	// for the first; it returns an empty slice when none came in time.
	// Messages stay in flight until acknowledged, negatively acknowledged,
	// or AckWait passes; at most MaxInFlight are in flight at once, which
	// is the consumers' backpressure.
	Fetch(ctx context.Context, max int, wait time.Duration) ([]*Message, error)
	// DeadLetters lists the messages given up on, oldest first.
	DeadLetters(ctx context.Context) ([]DeadLetter, error)
	// Requeue puts the dead letters with the given IDs (every dead letter
	// when ids is empty) back on the queue as new messages, with a fresh
	// delivery count, and removes them from the dead letters. It returns
	// how many it put back; an ID that names no dead letter is an error
	// wrapping ErrNoDeadLetter, and the IDs before it stay requeued. A
	// crash between the publish and the removal leaves the message both
	// queued and dead: work may repeat, it is never lost.
	Requeue(ctx context.Context, ids ...uint64) (int, error)
	// Close releases the queue's resources; unacknowledged messages are
	// delivered again to the next consumer.
	Close() error
}

// Options tune a queue. Zero values are defaults.
type Options struct {
	// AckWait is how long a fetched message may stay unacknowledged
	// before it is delivered again; 0 means 30s.
	AckWait time.Duration
	// MaxDeliver is how many deliveries a message gets before it is
	// dead-lettered; 0 means 5.
	MaxDeliver int
	// MaxInFlight bounds unacknowledged messages; 0 means 1024.
	MaxInFlight int
	// RetryDelay is how long a negatively acknowledged message waits
	// before it is delivered again; 0 means 1s.
	RetryDelay time.Duration
}

// WithDefaults fills zero fields with their defaults.
func (o Options) WithDefaults() Options {
	if o.AckWait <= 0 {
		o.AckWait = 30 * time.Second
	}
	if o.MaxDeliver <= 0 {
		o.MaxDeliver = 5
	}
	if o.MaxInFlight <= 0 {
		o.MaxInFlight = 1024
	}
	if o.RetryDelay <= 0 {
		o.RetryDelay = time.Second
	}
	return o
}

// Message is one delivery of a queued message.
type Message struct {
	// Data is the message body.
	Data []byte
	// Attempt counts deliveries of this message, from 1.
	Attempt int

	ack   func(ctx context.Context) error
	fail  func(ctx context.Context, cause error) error
	touch func(ctx context.Context) error
}

// NewMessage builds a message from an implementation's acknowledgement
// functions: ack settles it, fail returns it with a cause, touch restarts
// its AckWait. It is for queue implementations.
func NewMessage(data []byte, attempt int, ack func(context.Context) error, fail func(context.Context, error) error, touch func(context.Context) error) *Message {
	return &Message{Data: data, Attempt: attempt, ack: ack, fail: fail, touch: touch}
}

// Ack marks the message done; it will not be delivered again.
func (m *Message) Ack(ctx context.Context) error { return m.ack(ctx) }

// Nak reports that processing failed with cause. The message is delivered
// again after the retry delay, or dead-lettered with cause once it has had
// MaxDeliver deliveries.
func (m *Message) Nak(ctx context.Context, cause error) error { return m.fail(ctx, cause) }

// Touch tells the queue the message is still being worked on: its AckWait
// starts again, so a consumer waiting out an outage of its store keeps
// the message instead of having it delivered to another consumer. It does
// not count as a delivery. Touching a settled message does nothing.
func (m *Message) Touch(ctx context.Context) error { return m.touch(ctx) }

// DeadLetter is a message given up on, with the reason.
type DeadLetter struct {
	// ID names the dead letter for Requeue; it is unique within a queue.
	ID       uint64 `json:"id"`
	Data     []byte `json:"data"`
	Error    string `json:"error"`
	Attempts int    `json:"attempts"`
}
