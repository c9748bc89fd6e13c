package ner

import (
	"bytes"
	"compress/gzip"
	"io"
	"slices"
	"strings"
	"testing"
)

func TestLexiconWords(t *testing.T) {
	tests := []struct{ name, want string }{
		{"Georgia (country)", "georgia"},
		{"Paris, Texas", "paris , texas"},
		{"McDonald's", "mcdonald 's"},
		{"St. Louis", "st. louis"},
		{"São Paulo", "são paulo"},
	}
	for _, tt := range tests {
		if got := strings.Join(LexiconWords(tt.name), " "); got != tt.want {
			t.Errorf("LexiconWords(%q) = %q, want %q", tt.name, got, tt.want)
		}
	}
}

func TestLexiconLongestMatchPerList(t *testing.T) {
	x, err := NewLexicon("loc", "org", "first")
	if err != nil {
		t.Fatal(err)
	}
	for _, e := range []struct{ list, name string }{
		{"loc", "New York"}, {"loc", "New York City"}, {"loc", "York"},
		{"org", "New York Times"}, {"org", "Bank of England"}, {"first", "Anna"},
	} {
		if !x.Add(e.list, e.name) {
			t.Fatalf("Add(%s, %s) refused", e.list, e.name)
		}
	}
	if x.Add("loc", "lower case") || x.Add("nope", "Paris") || x.Add("loc", "!!!") {
		t.Error("Add kept a lower-case name, an unknown list or a name without letters")
	}
	check := func(x *Lexicon) {
		t.Helper()
		words := strings.Fields("Anna read The New York Times in New York City near the Bank of England")
		toks := make([]token, len(words))
		lower := make([]string, len(words))
		for i, w := range words {
			toks[i] = token{word: w, lower: strings.ToLower(w), cap: startsUpper(w)}
			lower[i] = toks[i].lower
		}
		x.mark(toks, lower)
		got := make([]string, len(words))
		for i := range toks {
			var parts []string
			for b, p := range toks[i].lex[:len(x.Lists)] {
				if p != 0 {
					parts = append(parts, lexPos[p]+"-"+x.Lists[b])
				}
			}
			got[i] = strings.Join(parts, "+")
			if got[i] == "" {
				got[i] = "-"
			}
		}
		want := "U-first - - B-loc+B-org L-loc+I-org L-org - B-loc I-loc L-loc - - B-org I-org L-org"
		if g := strings.Join(got, " "); g != want {
			t.Errorf("marks\n got %s\nwant %s", g, want)
		}
	}
	check(x)
	var b bytes.Buffer
	if err := x.Write(&b, "test"); err != nil {
		t.Fatal(err)
	}
	zr, err := gzip.NewReader(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	raw, _ := io.ReadAll(zr)
	if bytes.Contains(bytes.ToLower(raw), []byte("england")) {
		t.Error("the lexicon file holds a name as text")
	}
	y, err := ReadLexicon(bytes.NewReader(b.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(y.Lists, x.Lists) || y.Len() != x.Len() {
		t.Fatalf("round trip: lists %v, %d keys; want %v, %d", y.Lists, y.Len(), x.Lists, x.Len())
	}
	check(y)
	if _, err := ReadLexicon(bytes.NewReader(b.Bytes()[:b.Len()/2])); err == nil {
		t.Error("a truncated lexicon loaded")
	}
}
