// Package natsq is the NATS JetStream queue.Queue. Messages live in a
// work-queue stream (removed once acknowledged) consumed through one
// durable pull consumer with explicit acknowledgement, so any number of
// workers on any number of machines share the work and a message whose
// worker died is delivered again after AckWait. Dead letters go to a
// second stream with their error.
package natsq

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/nats-io/nats.go"
	"github.com/nats-io/nats.go/jetstream"

	"sitrep/internal/queue"
)

// Queue is a JetStream-backed queue.Queue.
type Queue struct {
	nc       *nats.Conn
	js       jetstream.JetStream
	cons     jetstream.Consumer
	opts     queue.Options
	subject  string
	deadSubj string
	deadName string
}

var _ queue.Queue = (*Queue)(nil)

// Open connects to the NATS server at url and creates (or reuses) the
// streams and the consumer of the queue called name: stream NAME with
// subject NAME.work, dead letters in NAME_DEAD on NAME.dead, durable
// consumer NAME_workers. Every process opening the same name shares the
// same work.
func Open(ctx context.Context, url, name string, opts queue.Options) (*Queue, error) {
	opts = opts.WithDefaults()
	nc, err := nats.Connect(url, nats.Name("sitrep"), nats.MaxReconnects(-1))
	if err != nil {
		return nil, fmt.Errorf("nats %s: %w", url, err)
	}
	q, err := open(ctx, nc, name, opts)
	if err != nil {
		nc.Close()
		return nil, fmt.Errorf("nats %s: queue %s: %w", url, name, err)
	}
	return q, nil
}

func open(ctx context.Context, nc *nats.Conn, name string, opts queue.Options) (*Queue, error) {
	js, err := jetstream.New(nc)
	if err != nil {
		return nil, err
	}
	q := &Queue{nc: nc, js: js, opts: opts, subject: name + ".work", deadSubj: name + ".dead", deadName: name + "_DEAD"}
	if _, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:      name,
		Subjects:  []string{q.subject},
		Retention: jetstream.WorkQueuePolicy,
		Storage:   jetstream.FileStorage,
	}); err != nil {
		return nil, fmt.Errorf("work stream: %w", err)
	}
	if _, err := js.CreateOrUpdateStream(ctx, jetstream.StreamConfig{
		Name:     q.deadName,
		Subjects: []string{q.deadSubj},
		Storage:  jetstream.FileStorage,
	}); err != nil {
		return nil, fmt.Errorf("dead-letter stream: %w", err)
	}
	// Deliveries are counted by sitrep, not capped by the server: a
	// message past MaxDeliver is moved to the dead letters with its error
	// rather than silently dropped.
	q.cons, err = js.CreateOrUpdateConsumer(ctx, name, jetstream.ConsumerConfig{
		Durable:       name + "_workers",
		AckPolicy:     jetstream.AckExplicitPolicy,
		AckWait:       opts.AckWait,
		MaxDeliver:    -1,
		MaxAckPending: opts.MaxInFlight,
		FilterSubject: q.subject,
	})
	if err != nil {
		return nil, fmt.Errorf("consumer: %w", err)
	}
	return q, nil
}

// Publish stores one message in the stream.
func (q *Queue) Publish(ctx context.Context, data []byte) error {
	if _, err := q.js.Publish(ctx, q.subject, data); err != nil {
		return fmt.Errorf("publish: %w", err)
	}
	return nil
}

// Fetch returns up to n messages, waiting up to wait.
func (q *Queue) Fetch(ctx context.Context, n int, wait time.Duration) ([]*queue.Message, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	batch, err := q.cons.Fetch(n, jetstream.FetchMaxWait(max(wait, time.Millisecond)))
	if err != nil {
		return nil, fmt.Errorf("fetch: %w", err)
	}
	out := []*queue.Message{}
	for m := range batch.Messages() {
		meta, err := m.Metadata()
		if err != nil {
			return out, fmt.Errorf("fetch: metadata: %w", err)
		}
		attempt := int(meta.NumDelivered)
		if attempt > q.opts.MaxDeliver {
			// Delivered MaxDeliver times without an answer: the workers
			// died on it. Give up on it rather than crash again.
			if err := q.bury(ctx, m, fmt.Sprintf("no acknowledgement after %d deliveries", attempt-1), attempt-1); err != nil {
				return out, err
			}
			continue
		}
		out = append(out, q.message(m, attempt))
	}
	if err := batch.Error(); err != nil && !errors.Is(err, nats.ErrTimeout) && !errors.Is(err, context.DeadlineExceeded) {
		return out, fmt.Errorf("fetch: %w", err)
	}
	return out, nil
}

func (q *Queue) message(m jetstream.Msg, attempt int) *queue.Message {
	ack := func(ctx context.Context) error {
		// DoubleAck waits for the server to confirm, so an acknowledged
		// message is never delivered again.
		if err := m.DoubleAck(ctx); err != nil && !errors.Is(err, jetstream.ErrMsgAlreadyAckd) {
			return fmt.Errorf("ack: %w", err)
		}
		return nil
	}
	fail := func(ctx context.Context, cause error) error {
		if attempt >= q.opts.MaxDeliver {
			return q.bury(ctx, m, cause.Error(), attempt)
		}
		if err := m.NakWithDelay(q.opts.RetryDelay); err != nil {
			return fmt.Errorf("nak: %w", err)
		}
		return nil
	}
	touch := func(context.Context) error {
		if err := m.InProgress(); err != nil {
			return fmt.Errorf("in progress: %w", err)
		}
		return nil
	}
	return queue.NewMessage(m.Data(), attempt, ack, fail, touch)
}

// bury publishes m to the dead letters with reason, then removes it from
// the work stream. A crash between the two leaves the message to be
// delivered (and buried) again: a dead letter may repeat, work is not lost.
func (q *Queue) bury(ctx context.Context, m jetstream.Msg, reason string, attempts int) error {
	body, err := json.Marshal(queue.DeadLetter{Data: m.Data(), Error: reason, Attempts: attempts})
	if err != nil {
		return err
	}
	if _, err := q.js.Publish(ctx, q.deadSubj, body); err != nil {
		return fmt.Errorf("dead letter: %w", err)
	}
	if err := m.Term(); err != nil {
		return fmt.Errorf("dead letter: term: %w", err)
	}
	return nil
}

// DeadLetters reads the dead-letter stream from the start. A dead
// letter's ID is its sequence number in that stream.
func (q *Queue) DeadLetters(ctx context.Context) ([]queue.DeadLetter, error) {
	stream, err := q.js.Stream(ctx, q.deadName)
	if err != nil {
		return nil, fmt.Errorf("dead letters: %w", err)
	}
	info, err := stream.Info(ctx)
	if err != nil {
		return nil, fmt.Errorf("dead letters: %w", err)
	}
	out := []queue.DeadLetter{}
	if info.State.Msgs == 0 {
		return out, nil
	}
	for seq := info.State.FirstSeq; seq <= info.State.LastSeq; seq++ {
		d, err := deadLetter(ctx, stream, seq)
		if errors.Is(err, queue.ErrNoDeadLetter) {
			continue
		}
		if err != nil {
			return nil, err
		}
		out = append(out, d)
	}
	return out, nil
}

// deadLetter reads the dead letter with sequence number seq.
func deadLetter(ctx context.Context, stream jetstream.Stream, seq uint64) (queue.DeadLetter, error) {
	raw, err := stream.GetMsg(ctx, seq)
	if errors.Is(err, jetstream.ErrMsgNotFound) {
		return queue.DeadLetter{}, fmt.Errorf("dead letter %d: %w", seq, queue.ErrNoDeadLetter)
	}
	if err != nil {
		return queue.DeadLetter{}, fmt.Errorf("dead letter %d: %w", seq, err)
	}
	var d queue.DeadLetter
	if err := json.Unmarshal(raw.Data, &d); err != nil {
		return queue.DeadLetter{}, fmt.Errorf("dead letter %d: %w", seq, err)
	}
	d.ID = seq
	return d, nil
}

// Requeue publishes dead letters to the work stream again, then deletes
// them from the dead-letter stream.
func (q *Queue) Requeue(ctx context.Context, ids ...uint64) (int, error) {
	if len(ids) == 0 {
		dead, err := q.DeadLetters(ctx)
		if err != nil {
			return 0, err
		}
		for _, d := range dead {
			ids = append(ids, d.ID)
		}
	}
	stream, err := q.js.Stream(ctx, q.deadName)
	if err != nil {
		return 0, fmt.Errorf("requeue: %w", err)
	}
	n := 0
	for _, id := range ids {
		d, err := deadLetter(ctx, stream, id)
		if err != nil {
			return n, fmt.Errorf("requeue: %w", err)
		}
		if err := q.Publish(ctx, d.Data); err != nil {
			return n, fmt.Errorf("requeue %d: %w", id, err)
		}
		if err := stream.DeleteMsg(ctx, id); err != nil {
			return n, fmt.Errorf("requeue %d: remove dead letter: %w", id, err)
		}
		n++
	}
	return n, nil
}

// Close drains nothing and closes the connection; messages in flight are
// delivered again after AckWait.
func (q *Queue) Close() error {
	q.nc.Close()
	return nil
}

// Delete removes the streams (and so the consumer) of the queue called
// name. Work still queued is lost: it is for tests and for operators
// retiring a queue.
func Delete(ctx context.Context, url, name string) error {
	nc, err := nats.Connect(url)
	if err != nil {
		return err
	}
	defer nc.Close()
	js, err := jetstream.New(nc)
	if err != nil {
		return err
	}
	return errors.Join(js.DeleteStream(ctx, name), js.DeleteStream(ctx, name+"_DEAD"))
}
