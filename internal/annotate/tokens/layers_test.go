package tokens

import (
	"testing"

	"sitrep/internal/news"
)

func TestWithinAndCovers(t *testing.T) {
	// Items in text order; the second contains the third.
	items := []news.Span{{Start: 0, End: 4}, {Start: 10, End: 30}, {Start: 12, End: 15}, {Start: 20, End: 22}, {Start: 40, End: 45}}
	start := func(i int) int { return items[i].Start }
	for _, tc := range []struct {
		sp     news.Span
		lo, hi int
	}{
		{news.Span{Start: 0, End: 100}, 0, 5},
		{news.Span{Start: 5, End: 20}, 1, 3}, // starts 10 and 12; 20 is the end, excluded
		{news.Span{Start: 12, End: 13}, 2, 3},
		{news.Span{Start: 46, End: 50}, 5, 5},
		{news.Span{Start: 5, End: 9}, 1, 1},
	} {
		if lo, hi := Within(len(items), start, tc.sp); lo != tc.lo || hi != tc.hi {
			t.Errorf("Within(%v) = %d, %d; want %d, %d", tc.sp, lo, hi, tc.lo, tc.hi)
		}
	}
	c := NewCovers(len(items), func(i int) news.Span { return items[i] })
	for _, tc := range []struct {
		sp   news.Span
		want bool
	}{
		{news.Span{Start: 21, End: 22}, true}, // inside {10 30}, after {12 15} ended
		{news.Span{Start: 13, End: 14}, true},
		{news.Span{Start: 28, End: 32}, false},
		{news.Span{Start: 5, End: 6}, false},
		{news.Span{Start: 0, End: 4}, true},
	} {
		if got := c.Contain(tc.sp); got != tc.want {
			t.Errorf("Contain(%v) = %v, want %v", tc.sp, got, tc.want)
		}
	}
	for pos, want := range map[int]int{3: 0, 4: 1, 29: 1, 30: 4, 45: 5} {
		if got := c.FirstEndingAfter(pos); got != want {
			t.Errorf("FirstEndingAfter(%d) = %d, want %d", pos, got, want)
		}
	}
}

func TestWordTables(t *testing.T) {
	if s := Set("a b  a\n c"); len(s) != 3 || !s["a"] || !s["c"] {
		t.Errorf("Set = %v", s)
	}
	if Cardinals["ninety"] != 90 || Cardinals["zero"] != 0 || Ordinals["hundredth"] != 100 {
		t.Errorf("number words: ninety %d, hundredth %d", Cardinals["ninety"], Ordinals["hundredth"])
	}
}

func TestParagraphBreak(t *testing.T) {
	for s, want := range map[string]int{
		"one line":           -1,
		"end.\nNext":         4,
		"end.  Next":         4,
		"a b  c\nd":          3,
		"a\nb  c":            1,
		" single spaces ok ": -1,
	} {
		if got := ParagraphBreak(s); got != want {
			t.Errorf("ParagraphBreak(%q) = %d, want %d", s, got, want)
		}
	}
}
