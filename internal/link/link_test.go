package link

import (
	"context"
	"errors"
	"testing"
)

type countStep struct {
	n    int
	err  error
	ran  *[]string
	name string
}

func (c countStep) Link(context.Context) (int, error) {
	*c.ran = append(*c.ran, c.name)
	return c.n, c.err
}

func TestRunStopsAtFirstError(t *testing.T) {
	var ran []string
	boom := errors.New("boom")
	timings, err := Run(context.Background(), []Named{
		{"a", countStep{n: 3, ran: &ran, name: "a"}},
		{"b", countStep{err: boom, ran: &ran, name: "b"}},
		{"c", countStep{ran: &ran, name: "c"}},
	})
	if !errors.Is(err, boom) || err.Error() != "link b: boom" {
		t.Errorf("err = %v", err)
	}
	if len(ran) != 2 || len(timings) != 2 || timings[0].Articles != 3 {
		t.Errorf("ran %v, timings %+v", ran, timings)
	}
}

func TestDrainProcessesEveryBatchAndNamesTheFailingItem(t *testing.T) {
	queue := []string{"a", "b", "c", "d", "e"}
	pending := func(_ context.Context, n int) ([]string, error) {
		return queue[:min(n, len(queue))], nil
	}
	var seen []string
	one := func(_ context.Context, id string) error {
		if id == "d" {
			return errors.New("bad")
		}
		seen = append(seen, id)
		queue = queue[1:] // processed items leave the queue, as a store's would
		return nil
	}
	n, err := Drain(context.Background(), 2, pending, func(s string) string { return s }, one)
	if n != 3 || err == nil || err.Error() != "article d: bad" {
		t.Errorf("Drain = %d, %v; want 3, article d: bad", n, err)
	}
	if len(seen) != 3 {
		t.Errorf("processed %v", seen)
	}
	queue = nil
	if n, err := Drain(context.Background(), 2, pending, func(s string) string { return s }, one); n != 0 || err != nil {
		t.Errorf("empty queue: %d, %v", n, err)
	}
}
