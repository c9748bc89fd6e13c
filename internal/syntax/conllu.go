package syntax

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"strconv"
	"strings"

	"sitrep/internal/news"
)

// Word is one syntactic word of a CoNLL-U sentence.
type Word struct {
	Form  string
	Lemma string
	UPOS  news.UPOS
	// Head is the 1-based index of the head word, 0 for the root, -1
	// when HEAD is "_" (a sentence not parsed).
	Head int
	// Rel is the basic dependency relation (DEPREL), "" when it is "_".
	Rel string
}

// Range is a multiword token: words First … Last (0-based, inclusive)
// written as one surface token Form ("don't" for "do" + "n't").
type Range struct {
	First, Last int
	Form        string
}

// Sentence is one CoNLL-U sentence.
type Sentence struct {
	Words []Word
	// Multi lists the multiword tokens.
	Multi []Range
	// Text is the "# text =" comment.
	Text string
	// NewDoc and NewPar are set when the sentence opens a document or a
	// paragraph ("# newdoc", "# newpar").
	NewDoc, NewPar bool
}

// Forms returns the word forms of s.
func (s *Sentence) Forms() []string {
	out := make([]string, len(s.Words))
	for i, w := range s.Words {
		out[i] = w.Form
	}
	return out
}

// ReadCoNLLUFile reads a .conllu or .conllu.gz file.
func ReadCoNLLUFile(path string) ([]Sentence, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		defer zr.Close()
		r = zr
	}
	sents, err := ReadCoNLLU(r)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return sents, nil
}

// ReadCoNLLU reads CoNLL-U sentences: basic trees only (empty nodes are
// skipped), multiword tokens kept as ranges.
func ReadCoNLLU(r io.Reader) ([]Sentence, error) {
	var out []Sentence
	var cur Sentence
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 1<<20)
	flush := func() {
		if len(cur.Words) > 0 {
			out = append(out, cur)
		}
		cur = Sentence{}
	}
	for n := 1; sc.Scan(); n++ {
		line := sc.Text()
		if line == "" {
			flush()
			continue
		}
		if strings.HasPrefix(line, "#") {
			switch {
			case strings.HasPrefix(line, "# newdoc"):
				cur.NewDoc, cur.NewPar = true, true
			case strings.HasPrefix(line, "# newpar"):
				cur.NewPar = true
			case strings.HasPrefix(line, "# text = "):
				cur.Text = line[len("# text = "):]
			}
			continue
		}
		cols := strings.Split(line, "\t")
		if len(cols) != 10 {
			return nil, fmt.Errorf("line %d: want 10 columns, got %d", n, len(cols))
		}
		id := cols[0]
		if strings.Contains(id, ".") {
			continue // empty node of the enhanced graph
		}
		if a, b, ok := strings.Cut(id, "-"); ok {
			first, err1 := strconv.Atoi(a)
			last, err2 := strconv.Atoi(b)
			if err1 != nil || err2 != nil || first < 1 || last < first {
				return nil, fmt.Errorf("line %d: bad range %q", n, id)
			}
			cur.Multi = append(cur.Multi, Range{First: first - 1, Last: last - 1, Form: cols[1]})
			continue
		}
		head, rel := -1, ""
		if cols[6] != "_" {
			h, err := strconv.Atoi(cols[6])
			if err != nil || h < 0 {
				return nil, fmt.Errorf("line %d: bad head %q", n, cols[6])
			}
			head, rel = h, cols[7]
		}
		tag, ok := news.ParseUPOS(cols[3])
		if !ok {
			return nil, fmt.Errorf("line %d: unknown UPOS %q", n, cols[3])
		}
		cur.Words = append(cur.Words, Word{Form: cols[1], Lemma: cols[2], UPOS: tag, Head: head, Rel: rel})
	}
	flush()
	if err := sc.Err(); err != nil {
		return nil, err
	}
	for i, s := range out {
		for j, w := range s.Words {
			if w.Head < -1 || w.Head > len(s.Words) || w.Head == j+1 {
				return nil, fmt.Errorf("sentence %d word %d: bad head %d", i+1, j+1, w.Head)
			}
		}
	}
	return out, nil
}
