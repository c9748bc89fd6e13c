package news

import "testing"

func TestArticleID(t *testing.T) {
	tests := []struct {
		name         string
		urlA, textA  string
		urlB, textB  string
		sameID       bool
		sameDupKey   bool
		sameTextHash bool
	}{
		{"no URL, layout and case", "", "North Korean troops\n\narrived.", "", "north  korean TROOPS arrived", true, true, true},
		{"no URL, curly quotes", "", "Russia’s war", "", "Russia's war", true, true, true},
		{"no URL, different words", "", "3,000 troops", "", "12,000 troops", false, false, false},
		{"same URL, edited text", "https://a.example/x", "3,000 troops", "https://a.example/x", "12,000 troops", true, false, false},
		{"tracking parameters and fragment", "https://A.example/x?utm_source=feed#top", "t", "https://a.example/x", "t", true, true, true},
		{"copy on another outlet", "https://a.example/x", "same text", "https://b.example/y", "same text", false, false, true},
		{"same text, same host, two URLs", "https://www.a.example/x", "same text", "https://a.example/x?id=2", "same text", false, true, true},
		{"file copy of a web article", "", "same text", "https://a.example/x", "same text", false, false, true},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &Article{URL: tt.urlA, Text: tt.textA}
			b := &Article{URL: tt.urlB, Text: tt.textB}
			idA, idB := ArticleID(a.URL, a.Text), ArticleID(b.URL, b.Text)
			if got := idA == idB; got != tt.sameID {
				t.Errorf("same ID = %v, want %v", got, tt.sameID)
			}
			if got := a.DuplicateKey() == b.DuplicateKey(); got != tt.sameDupKey {
				t.Errorf("same duplicate key = %v, want %v (%q, %q)", got, tt.sameDupKey, a.DuplicateKey(), b.DuplicateKey())
			}
			if got := TextHash(a.Text) == TextHash(b.Text); got != tt.sameTextHash {
				t.Errorf("same text hash = %v, want %v", got, tt.sameTextHash)
			}
			if len(idA) != 16 {
				t.Errorf("ID %q is not 16 hex digits", idA)
			}
		})
	}
}

func TestCanonicalURL(t *testing.T) {
	tests := map[string]string{
		"HTTPS://News.Example:443/a?utm_medium=x&id=3#frag": "https://news.example/a?id=3",
		"http://news.example":                               "http://news.example/",
		"not a url":                                         "not a url",
	}
	for in, want := range tests {
		if got := CanonicalURL(in); got != want {
			t.Errorf("CanonicalURL(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestSpanIn(t *testing.T) {
	text := "some 10,000 troops"
	if got := (Span{5, 11}).In(text); got != "10,000" {
		t.Errorf("In = %q", got)
	}
	if got := (Span{5, 99}).In(text); got != "" {
		t.Errorf("out of range In = %q, want empty", got)
	}
}

func TestVoice(t *testing.T) {
	for _, c := range []struct {
		a    Article
		want string
	}{
		{Article{Outlet: "The Gazette", Author: "Jo Bloggs", URL: "https://gazette.example/a"}, "The Gazette"},
		{Article{Author: "Jo Bloggs", URL: "https://gazette.example/a"}, "Jo Bloggs"},
		{Article{DeclaredSource: "www.independent.co.uk", URL: "https://mirror.example/a"}, "www.independent.co.uk"},
		{Article{URL: "https://www.gazette.example/a"}, "gazette.example"},
		{Article{Path: "/tmp/reports/kyiv.txt"}, ""},
		{Article{}, ""},
	} {
		if got := c.a.Voice(); got != c.want {
			t.Errorf("Voice of %+v = %q, want %q", c.a, got, c.want)
		}
	}
}
