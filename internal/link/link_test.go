package link

import (
	"context"
	"errors"
	"slices"
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

func TestDrainParallelCommitsInOrderAndStopsAtTheFailingItem(t *testing.T) {
	for _, workers := range []int{1, 3} {
		queue := []int{1, 2, 3, 4, 5, 6, 7}
		pending := func(_ context.Context, n int) ([]int, error) {
			return queue[:min(n, len(queue))], nil
		}
		prepare := func(_ context.Context, batch []int, i int) (int, error) {
			if batch[i] == 6 {
				return 0, errors.New("unreadable")
			}
			return 10 * batch[i], nil
		}
		var committed []int
		commit := func(_ context.Context, it, p int) error {
			if p != 10*it {
				t.Errorf("item %d committed with %d prepared", it, p)
			}
			committed = append(committed, it)
			queue = queue[1:]
			return nil
		}
		n, err := DrainParallel(context.Background(), 4, workers, pending, func(i int) string { return string(rune('0' + i)) }, prepare, commit)
		if n != 5 || err == nil || err.Error() != "article 6: unreadable" {
			t.Errorf("%d workers: DrainParallel = %d, %v; want 5, article 6: unreadable", workers, n, err)
		}
		if want := []int{1, 2, 3, 4, 5}; !slices.Equal(committed, want) {
			t.Errorf("%d workers: committed %v, want %v", workers, committed, want)
		}
	}
}
