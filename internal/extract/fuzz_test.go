package extract

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"sitrep/internal/news"
)

// addFixtures seeds a fuzz corpus with the testdata inputs ending in ext.
func addFixtures(f *testing.F, ext string) {
	files, _ := filepath.Glob("testdata/*" + ext)
	for _, p := range files {
		if b, err := os.ReadFile(p); err == nil {
			f.Add(b)
		}
	}
}

// fuzzOne runs the stage on raw and checks it never panics, rejects only
// with news.ErrRejected, and leaves valid, trimmed UTF-8 text.
func fuzzOne(t *testing.T, ex *Extractor, format news.Format, raw []byte) {
	a := &news.Article{Raw: raw, Format: format}
	err := ex.Process(context.Background(), a)
	if err != nil {
		if !errors.Is(err, news.ErrRejected) {
			t.Fatalf("error %v does not wrap ErrRejected", err)
		}
		return
	}
	if a.Text == "" || !utf8.ValidString(a.Text) {
		t.Fatalf("bad text %q", a.Text)
	}
	if a.Text != strings.TrimSpace(a.Text) {
		t.Fatalf("untrimmed text %q", a.Text)
	}
	for _, s := range []string{a.Title, a.Author, a.Outlet, a.DeclaredSource} {
		if !utf8.ValidString(s) {
			t.Fatalf("invalid UTF-8 in metadata %q", s)
		}
	}
}

func FuzzExtractHTML(f *testing.F) {
	addFixtures(f, ".html")
	f.Add([]byte("<html><body><p>" + strings.Repeat("word ", 60) + "</p></body></html>"))
	f.Add([]byte("<table><tr><td><p>a<b>b</td></p></table><script>x</script>"))
	f.Add([]byte("\xef\xbb\xbf<meta charset=iso-8859-1><p>caf\xe9 caf\xe9 caf\xe9 caf\xe9 caf\xe9</p>"))
	f.Add([]byte("\xff\xfe<\x00p\x00>\x00"))
	ex := New(Options{})
	f.Fuzz(func(t *testing.T, raw []byte) {
		fuzzOne(t, ex, news.FormatHTML, raw)
	})
}

func FuzzExtractText(f *testing.F) {
	addFixtures(f, ".txt")
	f.Add([]byte("Title Line Here\nBy Jane Doe\nbody of\nthe text.\nSource: x"))
	f.Add([]byte("a@B\n\n\n-\n1) x\r\r\n\u200b"))
	ex := New(Options{})
	f.Fuzz(func(t *testing.T, raw []byte) {
		fuzzOne(t, ex, news.FormatText, raw)
	})
}
