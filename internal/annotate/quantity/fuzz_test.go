package quantity

import (
	"testing"
	"unicode/utf8"

	"sitrep/internal/annotate/sentence"
)

func FuzzFind(f *testing.F) {
	for _, s := range []string{
		"some 10,000 troopers", "between 3,000 and 5,000", "$1.5bn", "1000’s of", "a 3,000-man battalion",
		"1.2-1.5 million", "+44 20 7946 0958", "the 3rd of October", "two-thirds of", "UAH 1.2bn",
		"half a", "a couple of", "10,000-", "$", "1 p.", "between 5 and", "tens of", "1.3 million-",
	} {
		f.Add(s)
	}
	st := New()
	f.Fuzz(func(t *testing.T, text string) {
		qs := st.Find(text, sentence.Tokenize(text))
		prev := -1
		for _, q := range qs {
			if q.Start < 0 || q.End > len(text) || q.Start >= q.End {
				t.Fatalf("bad span %v in %q", q.Span, text)
			}
			if q.Start < prev {
				t.Fatalf("quantities out of order in %q", text)
			}
			prev = q.Start
			if q.Text != text[q.Start:q.End] {
				t.Fatalf("text %q is not span %v", q.Text, q.Span)
			}
			if q.Value == nil && q.Approx != Vague && q.Approx != Range {
				t.Fatalf("%q: nil value with approx %s", q.Text, q.Approx)
			}
			if q.CountsSpan != nil && text[q.CountsSpan.Start:q.CountsSpan.End] != q.Counts {
				t.Fatalf("counts %q is not span %v", q.Counts, *q.CountsSpan)
			}
			if utf8.ValidString(text) && !utf8.ValidString(q.Unit) {
				t.Fatalf("invalid unit %q", q.Unit)
			}
		}
	})
}
