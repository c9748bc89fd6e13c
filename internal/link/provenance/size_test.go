package provenance

import (
	"testing"

	"sitrep/internal/news"
	"sitrep/internal/sizetest"
)

// TestJudgeCostIsBounded judges a 512 KB and a 1.5 MB article of repeated
// prose against an earlier copy of itself: the work must grow at most
// linearly (measuring padding once compared every pair of sentences).
func TestJudgeCostIsBounded(t *testing.T) {
	if testing.Short() {
		t.Skip("judges 2 MB of text")
	}
	j, err := DefaultJudge()
	if err != nil {
		t.Fatal(err)
	}
	var got *news.Provenance
	g := sizetest.Growth(512<<10, 3<<19, func(text string) {
		a := &news.Article{ID: "b", Text: "Update. " + text}
		src := Source{Article: &news.Article{ID: "a", Text: text}}
		got = j.Judge(a, []Source{src})
	})
	t.Logf("1.5 MB costs %.1f× 512 KB; verdict %s", g, got.Kind)
	if g > 6 {
		t.Errorf("judging 1.5 MB costs %.1f× 512 KB; want at most about 3×", g)
	}
	if got.Kind == KindOriginal {
		t.Errorf("a copy of its source judged %s", got.Kind)
	}
}

func TestCompared(t *testing.T) {
	long := sizetest.Prose(MaxCompareBytes + 1000)
	c := compared(long)
	if len(c) > MaxCompareBytes || len(c) < MaxCompareBytes-100 || long[len(c)] != ' ' && long[len(c)] != '\n' {
		t.Errorf("compared cut %d bytes of %d at %q; want a cut at a space just under %d", len(c), len(long), long[len(c)-5:len(c)+1], MaxCompareBytes)
	}
	if short := "a short text"; compared(short) != short {
		t.Errorf("compared(%q) = %q", short, compared(short))
	}
	d := newDoc(long, []news.Sentence{{Span: news.Span{Start: 0, End: len(long)}}})
	if last := d.sentences[len(d.sentences)-1]; last.End > len(d.text) {
		t.Errorf("sentence %v runs past the compared text of %d bytes", last.Span, len(d.text))
	}
}
