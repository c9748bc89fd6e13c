package event

import (
	"context"
	"os"
	"strings"
	"testing"

	"sitrep/internal/annotate/sentence"
	"sitrep/internal/annotate/syntax"
	"sitrep/internal/news"
)

func TestDbgParse(t *testing.T) {
	b, err := os.ReadFile(os.Getenv("DBG"))
	if err != nil {
		t.Skip()
	}
	for _, line := range strings.Split(strings.TrimSpace(string(b)), "\n") {
		a := &news.Article{Text: line}
		sentence.New().Process(context.Background(), a)
		syntax.NewParseAll().Process(context.Background(), a)
		syntax.WriteCoNLLU(os.Stdout, a)
	}
}
