package eval

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"slices"
	"strings"

	"sitrep/internal/annotate/sentence"
)

// BoundaryCounts counts sentence boundaries: gold, predicted and the
// predicted ones that match a gold one.
type BoundaryCounts struct {
	Gold, Predicted, Correct int
}

// Precision is Correct/Predicted, or 0 when nothing was predicted.
func (c BoundaryCounts) Precision() float64 { return ratio(c.Correct, c.Predicted) }

// Recall is Correct/Gold, or 0 when there is no gold boundary.
func (c BoundaryCounts) Recall() float64 { return ratio(c.Correct, c.Gold) }

// F1 is the harmonic mean of precision and recall.
func (c BoundaryCounts) F1() float64 { return ratio(2*c.Correct, c.Gold+c.Predicted) }

func ratio(a, b int) float64 {
	if b == 0 {
		return 0
	}
	return float64(a) / float64(b)
}

func (c *BoundaryCounts) add(o BoundaryCounts) {
	c.Gold += o.Gold
	c.Predicted += o.Predicted
	c.Correct += o.Correct
}

// SentenceReport scores the sentence splitter on one CoNLL-U treebank
// file. Each document's text is rebuilt from its "# text =" comments:
// sentences of a paragraph joined by a space, paragraphs by a blank line.
// A boundary is the end offset of a sentence other than a document's
// last (that one is free); a predicted boundary is correct when a gold
// sentence ends at the same offset.
type SentenceReport struct {
	// Path is the treebank file scored.
	Path string
	// Documents and Sentences count the gold documents and sentences.
	Documents, Sentences int
	// BoundaryCounts holds the totals over all documents.
	BoundaryCounts
	// Genres holds the counts per genre, taken from the document id
	// ("GUM_news_…" is news; EWT's "weblog-…" is weblog).
	Genres map[string]*BoundaryCounts
}

// Sentences scores the sentence splitter on the .conllu or .conllu.gz
// file at path.
func Sentences(path string) (*SentenceReport, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("sentence eval: %w", err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		gz, err := gzip.NewReader(f)
		if err != nil {
			return nil, fmt.Errorf("sentence eval: %s: %w", path, err)
		}
		defer gz.Close()
		r = gz
	}
	rep := &SentenceReport{Path: path, Genres: map[string]*BoundaryCounts{}}
	err = readDocs(r, func(d *goldDoc) {
		rep.Documents++
		rep.Sentences += len(d.ends)
		c := scoreDoc(d.text.String(), d.ends)
		rep.add(c)
		g := rep.Genres[genre(d.id)]
		if g == nil {
			g = &BoundaryCounts{}
			rep.Genres[genre(d.id)] = g
		}
		g.add(c)
	})
	if err != nil {
		return nil, fmt.Errorf("sentence eval: %s: %w", path, err)
	}
	return rep, nil
}

// Write prints the report as a small table.
func (r *SentenceReport) Write(w io.Writer) error {
	if _, err := fmt.Fprintf(w, "%s: %d documents, %d sentences\n", r.Path, r.Documents, r.Sentences); err != nil {
		return err
	}
	line := func(name string, c BoundaryCounts) error {
		_, err := fmt.Fprintf(w, "  %-12s gold %6d  pred %6d  correct %6d  P %.4f  R %.4f  F1 %.4f\n",
			name, c.Gold, c.Predicted, c.Correct, c.Precision(), c.Recall(), c.F1())
		return err
	}
	if err := line("all", r.BoundaryCounts); err != nil {
		return err
	}
	names := make([]string, 0, len(r.Genres))
	for g := range r.Genres {
		names = append(names, g)
	}
	slices.Sort(names)
	for _, g := range names {
		if err := line(g, *r.Genres[g]); err != nil {
			return err
		}
	}
	return nil
}

// scoreDoc splits text and counts its boundaries against the gold ends.
func scoreDoc(text string, gold []int) BoundaryCounts {
	sents := sentence.Split(text, sentence.Tokenize(text))
	var c BoundaryCounts
	if len(gold) > 0 {
		c.Gold = len(gold) - 1
	}
	if len(sents) > 0 {
		c.Predicted = len(sents) - 1
	}
	g := 0
	for _, s := range sents[:c.Predicted] {
		for g < len(gold)-1 && gold[g] < s.End {
			g++
		}
		if g < len(gold)-1 && gold[g] == s.End {
			c.Correct++
		}
	}
	return c
}

// genre names a document's genre from its id.
func genre(id string) string {
	if rest, ok := strings.CutPrefix(id, "GUM_"); ok {
		g, _, _ := strings.Cut(rest, "_")
		return g
	}
	g, _, _ := strings.Cut(id, "-")
	return g
}

// goldDoc is one document rebuilt from a treebank: its text and the end
// offsets of its sentences.
type goldDoc struct {
	id   string
	text strings.Builder
	ends []int
}

// readDocs reads CoNLL-U from r and calls fn for each document.
func readDocs(r io.Reader, fn func(*goldDoc)) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<24)
	d := &goldDoc{}
	newpar := false
	flush := func() {
		if len(d.ends) > 0 {
			fn(d)
		}
	}
	for sc.Scan() {
		line := sc.Text()
		if !strings.HasPrefix(line, "#") {
			continue
		}
		switch {
		case strings.HasPrefix(line, "# newdoc"):
			flush()
			d = &goldDoc{}
			if _, id, ok := strings.Cut(line, "="); ok {
				d.id = strings.TrimSpace(id)
			}
			newpar = false
		case line == "# newpar" || strings.HasPrefix(line, "# newpar ") || strings.HasPrefix(line, "# newpar\t"):
			newpar = true
		case strings.HasPrefix(line, "# text ="):
			t := strings.TrimSpace(strings.TrimPrefix(line, "# text ="))
			if t == "" {
				continue
			}
			if d.text.Len() > 0 {
				if newpar {
					d.text.WriteString("\n\n")
				} else {
					d.text.WriteByte(' ')
				}
			}
			newpar = false
			d.text.WriteString(t)
			d.ends = append(d.ends, d.text.Len())
		}
	}
	flush()
	return sc.Err()
}
