package eval

import (
	"testing"

	"sitrep/internal/news"
	"sitrep/internal/syntax"
)

func TestGoldSpans(t *testing.T) {
	s := syntax.Sentence{
		Text: "They didn't go, gonna stay.",
		Words: []syntax.Word{
			{Form: "They"}, {Form: "did"}, {Form: "n't"}, {Form: "go"}, {Form: ","},
			{Form: "gon"}, {Form: "to"}, {Form: "stay"}, {Form: "."},
		},
		Multi: []syntax.Range{{First: 1, Last: 2, Form: "didn't"}, {First: 5, Last: 6, Form: "gonna"}},
	}
	sp := func(a, b int) news.Span { return news.Span{Start: a, End: b} }
	want := []news.Span{sp(0, 4), sp(5, 8), sp(8, 11), sp(12, 14), sp(14, 15), sp(16, 21), sp(16, 21), sp(22, 26), sp(26, 27)}
	got := goldSpans(s)
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("word %d %q: span %v, want %v", i, s.Words[i].Form, got[i], want[i])
		}
	}
}
