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
	"time"
)

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

	ack  func(ctx context.Context) error
	fail func(ctx context.Context, cause error) error
}

// NewMessage builds a message from an implementation's acknowledgement
// functions. It is for queue implementations.
func NewMessage(data []byte, attempt int, ack func(context.Context) error, fail func(context.Context, error) error) *Message {
	return &Message{Data: data, Attempt: attempt, ack: ack, fail: fail}
}

// Ack marks the message done; it will not be delivered again.
func (m *Message) Ack(ctx context.Context) error { return m.ack(ctx) }

// Nak reports that processing failed with cause. The message is delivered
// again after the retry delay, or dead-lettered with cause once it has had
// MaxDeliver deliveries.
func (m *Message) Nak(ctx context.Context, cause error) error { return m.fail(ctx, cause) }

// DeadLetter is a message given up on, with the reason.
type DeadLetter struct {
	Data     []byte `json:"data"`
	Error    string `json:"error"`
	Attempts int    `json:"attempts"`
}
