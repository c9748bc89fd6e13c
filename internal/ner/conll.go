package ner

import (
	"bufio"
	"fmt"
	"io"
	"os"
	"strings"
)

// Sentence is a tokenised sentence with its gold (or predicted) IOB2 tags.
type Sentence struct {
	Words []string
	Tags  []string
}

// Document is a sequence of sentences that share document-level features.
type Document struct {
	Sentences []Sentence
}

// Tokens returns the number of tokens in the documents.
func Tokens(docs []Document) int {
	n := 0
	for _, d := range docs {
		for _, s := range d.Sentences {
			n += len(s.Words)
		}
	}
	return n
}

// ReadCoNLLFile reads a CoNLL-2003 file; see [ReadCoNLL].
func ReadCoNLLFile(path string) ([]Document, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	docs, err := ReadCoNLL(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return docs, nil
}

// ReadCoNLL reads CoNLL-2003 data: one token per line with the word first
// and the NER tag last, blank lines between sentences, and -DOCSTART-
// lines between documents. Input with no -DOCSTART- lines is one
// document.
func ReadCoNLL(r io.Reader) ([]Document, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 64*1024), 1024*1024)
	var docs []Document
	var doc Document
	var sent Sentence
	flushSent := func() {
		if len(sent.Words) > 0 {
			doc.Sentences = append(doc.Sentences, sent)
			sent = Sentence{}
		}
	}
	flushDoc := func() {
		flushSent()
		if len(doc.Sentences) > 0 {
			docs = append(docs, doc)
			doc = Document{}
		}
	}
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimRight(sc.Text(), "\r")
		if strings.TrimSpace(text) == "" {
			flushSent()
			continue
		}
		fields := strings.Fields(text)
		if fields[0] == "-DOCSTART-" {
			flushDoc()
			continue
		}
		if len(fields) < 2 {
			return nil, fmt.Errorf("line %d: want a word and a tag, got %q", line, text)
		}
		sent.Words = append(sent.Words, fields[0])
		sent.Tags = append(sent.Tags, fields[len(fields)-1])
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	flushDoc()
	return docs, nil
}
