package entity

import (
	"context"
	"strings"
	"testing"

	"sitrep/internal/annotate/sentence"
	"sitrep/internal/news"
)

func TestWindows(t *testing.T) {
	text := strings.Repeat("Ilona Brest visited Dorovets on Monday. ", 30)
	a := &news.Article{Text: text}
	if err := sentence.New().Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	ws := windows(a, 20) // sentences of 7 tokens: cut after 21
	if len(ws) < 5 {
		t.Fatalf("%d windows of %d tokens, want several", len(ws), len(a.Tokens))
	}
	next := 0
	for _, w := range ws {
		if w[0] != next || w[1] <= w[0] {
			t.Fatalf("windows %v do not tile the %d tokens", ws, len(a.Tokens))
		}
		next = w[1]
		sub := window(a, w)
		if sub.Tokens[0].Start != sub.Sentences[0].Start || sub.Sentences[len(sub.Sentences)-1].End != sub.Tokens[len(sub.Tokens)-1].End {
			t.Errorf("window %v is not whole sentences", w)
		}
	}
	if next != len(a.Tokens) {
		t.Errorf("windows end at token %d of %d", next, len(a.Tokens))
	}
	// An endless sentence is cut at twice the size.
	b := &news.Article{Text: strings.Repeat("word ", 100)}
	b.Tokens = sentence.Tokenize(b.Text)
	b.Sentences = []news.Sentence{{Span: news.Span{Start: 0, End: len(b.Text) - 1}}}
	if ws := windows(b, 20); len(ws) != 3 || ws[0] != [2]int{0, 40} {
		t.Errorf("windows of one 100-token sentence = %v, want cuts every 40 tokens", ws)
	}
}

// TestWindowed resolves an article longer than WindowTokens: the
// mentions come in text order and every window resolves the names the
// facts table and the article define.
func TestWindowed(t *testing.T) {
	part := "Ilona Brest, the foreign minister of Kazhar, visited Dorovets on Monday. Brest said the talks went well.\n\n"
	parts := WindowTokens/20 + 5
	a := &news.Article{Text: strings.Repeat(part, parts)}
	if err := sentence.New().Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if len(a.Tokens) <= WindowTokens {
		t.Fatalf("only %d tokens", len(a.Tokens))
	}
	if err := New().Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	full, prev := 0, -1
	for _, m := range a.Entities {
		if m.Start < prev {
			t.Fatalf("mention %q at %d after one at %d", m.Text, m.Start, prev)
		}
		prev = m.Start
		if m.Text == "Ilona Brest" {
			full++
			if m.Entity != "per:ilona-brest" {
				t.Errorf("%q at %d resolved to %q", m.Text, m.Start, m.Entity)
			}
		}
	}
	if full < parts*9/10 {
		t.Errorf("%d mentions of the full name in %d parts", full, parts)
	}
}
