package eval

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

const udDir = "../../../shared/data"

// TestSentences scores the splitter on the UD dev and test files, when
// present, and fails when F1 drops below what was measured, less a small
// margin.
func TestSentences(t *testing.T) {
	tests := []struct {
		file      string
		floor     float64 // overall F1
		news      float64 // F1 on the news genre, 0 when there is none
		newsGenre string
	}{
		{"ud-english-ewt/en_ewt-ud-dev.conllu", 0.88, 0, ""},
		{"ud-english-ewt/en_ewt-ud-test.conllu", 0.87, 0, ""},
		{"ud-english-gum/en_gum-ud-dev.conllu", 0.97, 0.98, "news"},
		{"ud-english-gum/en_gum-ud-test.conllu", 0.97, 0.93, "news"},
	}
	for _, tt := range tests {
		t.Run(filepath.Base(tt.file), func(t *testing.T) {
			path := filepath.Join(udDir, tt.file)
			if _, err := os.Stat(path); err != nil {
				t.Skipf("no %s", path)
			}
			r, err := Sentences(path)
			if err != nil {
				t.Fatal(err)
			}
			var sb strings.Builder
			if err := r.Write(&sb); err != nil {
				t.Fatal(err)
			}
			t.Log("\n" + sb.String())
			if f := r.F1(); f < tt.floor {
				t.Errorf("F1 %.4f below floor %.4f", f, tt.floor)
			}
			if tt.newsGenre != "" {
				g := r.Genres[tt.newsGenre]
				if g == nil {
					t.Fatalf("no %s genre", tt.newsGenre)
				}
				if f := g.F1(); f < tt.news {
					t.Errorf("%s F1 %.4f below floor %.4f", tt.newsGenre, f, tt.news)
				}
			}
		})
	}
}

func TestReadDocs(t *testing.T) {
	in := `# newdoc id = GUM_news_a
# newpar
# newpar_block = head (1 s)
# text = Troops Advance
1	Troops	_	_	_	_	_	_	_	_

# newpar
# text = Kyiv was hit.
1	Kyiv	_	_	_	_	_	_	_	_

# text = Nobody died.
1	Nobody	_	_	_	_	_	_	_	_

# newdoc id = weblog-x
# text = One.
`
	var docs []*goldDoc
	if err := readDocs(strings.NewReader(in), func(d *goldDoc) { docs = append(docs, d) }); err != nil {
		t.Fatal(err)
	}
	if len(docs) != 2 {
		t.Fatalf("got %d documents, want 2", len(docs))
	}
	if got, want := docs[0].text.String(), "Troops Advance\n\nKyiv was hit. Nobody died."; got != want {
		t.Errorf("text = %q, want %q", got, want)
	}
	if got := docs[0].ends; len(got) != 3 || got[0] != 14 || got[2] != len(docs[0].text.String()) {
		t.Errorf("ends = %v", got)
	}
	if g := genre(docs[0].id); g != "news" {
		t.Errorf("genre = %q, want news", g)
	}
	if g := genre(docs[1].id); g != "weblog" {
		t.Errorf("genre = %q, want weblog", g)
	}
	c := scoreDoc(docs[0].text.String(), docs[0].ends)
	if c != (BoundaryCounts{Gold: 2, Predicted: 2, Correct: 2}) {
		t.Errorf("score = %+v, want all 2", c)
	}
}
