package tokens

import (
	"sort"

	"sitrep/internal/news"
)

// Within returns the index range [lo, hi) of the items of a layer whose
// start lies in sp: n items in text order (non-decreasing start), start(i)
// the start of item i. A stage that looks at one sentence's mentions,
// times or quantities asks for them this way instead of scanning the
// whole layer, so its cost stays linear in the article's length.
func Within(n int, start func(i int) int, sp news.Span) (lo, hi int) {
	lo = sort.Search(n, func(i int) bool { return start(i) >= sp.Start })
	hi = lo + sort.Search(n-lo, func(i int) bool { return start(lo+i) >= sp.End })
	return lo, hi
}

// Covers answers "does any item of a layer contain a span" in
// logarithmic time: it keeps, for the layer's items in text order, the
// largest end seen so far.
type Covers struct {
	starts, maxEnd []int
}

// NewCovers indexes n items in text order with the given spans.
func NewCovers(n int, span func(i int) news.Span) Covers {
	c := Covers{starts: make([]int, n), maxEnd: make([]int, n)}
	end := -1
	for i := range n {
		sp := span(i)
		end = max(end, sp.End)
		c.starts[i], c.maxEnd[i] = sp.Start, end
	}
	return c
}

// Contain reports whether some item starts at or before sp.Start and
// ends at or after sp.End.
func (c Covers) Contain(sp news.Span) bool {
	k := sort.Search(len(c.starts), func(i int) bool { return c.starts[i] > sp.Start })
	return k > 0 && c.maxEnd[k-1] >= sp.End
}

// FirstEndingAfter returns the index of the first item, in text order,
// that ends after pos, or n when none does.
func (c Covers) FirstEndingAfter(pos int) int {
	return sort.Search(len(c.maxEnd), func(i int) bool { return c.maxEnd[i] > pos })
}
