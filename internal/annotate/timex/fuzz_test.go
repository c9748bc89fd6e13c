package timex

import (
	"testing"
	"time"

	"sitrep/internal/annotate/sentence"
)

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"last week", "on Tuesday", "by the end of the year", "since the fall of 2023", "two days later",
		"the nearly three-year war", "October 3, 2024", "mid-", "the end of", "the 1990s", "2022-",
		"a year ago", "the first quarter of", "New Year's", "yr's", "Q3 2024", "earlier this",
	} {
		f.Add(s, int64(1729157400))
	}
	st := New()
	f.Fuzz(func(t *testing.T, text string, unix int64) {
		var p time.Time
		if unix > 0 && unix < 1<<35 {
			p = time.Unix(unix, 0).UTC()
		}
		prev := -1
		for _, e := range st.Find(text, sentence.Tokenize(text), p) {
			if e.Start < 0 || e.End > len(text) || e.Start >= e.End || e.Start < prev {
				t.Fatalf("bad span %v in %q", e.Span, text)
			}
			prev = e.End
			if e.Text != text[e.Start:e.End] {
				t.Fatalf("text %q is not span %v", e.Text, e.Span)
			}
			if e.Resolved != (e.Value != "") || e.Granularity == "" {
				t.Fatalf("%q: resolved %v value %q granularity %q", e.Text, e.Resolved, e.Value, e.Granularity)
			}
		}
	})
}
