package entity

import (
	"context"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"sitrep/internal/annotate/sentence"
	"sitrep/internal/news"
)

// annotate runs the sentence and entity stages over text.
func annotate(t testing.TB, text string, published time.Time) *news.Article {
	t.Helper()
	a := &news.Article{Text: text, Published: published}
	if err := sentence.New().Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	if err := New().Process(context.Background(), a); err != nil {
		t.Fatal(err)
	}
	return a
}

func dump(a *news.Article) string {
	var b strings.Builder
	for _, m := range a.Entities {
		fmt.Fprintf(&b, "%q %s %s %s %q\n", m.Text, m.Type, m.Kind, m.Entity, m.Canonical)
	}
	return b.String()
}

// TestSeeds checks the seeds' aliases: every spelling of Zelensky's name
// and every "the Ukrainian president" is Zelensky; Kim Jong-un is himself.
// With DUMP=1 it also logs every mention.
func TestSeeds(t *testing.T) {
	files, _ := filepath.Glob("../../../../shared/seeds/*.txt")
	if len(files) == 0 {
		t.Skip("seeds not present")
	}
	want := map[string]string{
		"Zelensky": "per:zelensky", "Zelenskyy": "per:zelensky", "Volodymyr Zelensky": "per:zelensky",
		"Volodymyr Zelenskyy": "per:zelensky", "the Ukrainian president": "per:zelensky",
		"The Ukrainian president": "per:zelensky", "Kim Jong-un": "per:kimjongun", "Pyongyang": "gpe:kp",
	}
	checked := 0
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		a := annotate(t, string(b), time.Date(2024, 10, 30, 0, 0, 0, 0, time.UTC))
		if os.Getenv("DUMP") != "" {
			t.Logf("%s\n%s", f, dump(a))
		}
		for _, m := range a.Entities {
			w, ok := want[m.Text]
			if !ok {
				continue
			}
			checked++
			if m.Entity != w && !(m.Text == "Pyongyang" && m.Type == "LOC") {
				t.Errorf("%s: %q → %q, want %q", filepath.Base(f), m.Text, m.Entity, w)
			}
		}
	}
	if checked < 10 {
		t.Errorf("only %d seed mentions checked", checked)
	}
}
