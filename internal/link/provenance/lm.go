package provenance

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"strconv"
	"strings"
	"sync"

	"sitrep/internal/link/provenance/minhash"
)

// The background language model: word and word-pair counts from the real
// news corpora in ../shared/data, built by train.BuildLM (internal/train) and rebuilt with
// `sitrep train lm`. Only counts are kept, never text.
//
//go:embed data/lm.txt.gz
var lmGz []byte

// LM holds unigram and bigram counts of lower-cased words.
type LM struct {
	uni map[string]uint32
	bi  map[uint64]uint32
}

var (
	defaultLM     *LM
	defaultLMErr  error
	defaultLMOnce sync.Once
)

// DefaultLM returns the embedded background model, loaded once.
func DefaultLM() (*LM, error) {
	defaultLMOnce.Do(func() {
		defaultLM, defaultLMErr = ReadLM(bytes.NewReader(lmGz))
	})
	return defaultLM, defaultLMErr
}

func pairKey(a, b string) uint64 {
	return minhash.Combine(minhash.HashString(a), minhash.HashString(b))
}

// Unigram returns the count of a word.
func (m *LM) Unigram(w string) int { return int(m.uni[w]) }

// Bigram returns the count of the word pair "a b".
func (m *LM) Bigram(a, b string) int { return int(m.bi[pairKey(a, b)]) }

// ReadLM reads a gzipped model written by train.BuildLM: '#' comments, then
// "word<TAB>count" unigrams and "word word<TAB>count" bigrams.
func ReadLM(r io.Reader) (*LM, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("lm: %w", err)
	}
	m := &LM{uni: map[string]uint32{}, bi: map[uint64]uint32{}}
	sc := bufio.NewScanner(zr)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		k, v, ok := strings.Cut(line, "\t")
		if !ok {
			continue
		}
		n, err := strconv.ParseUint(v, 10, 32)
		if err != nil {
			return nil, fmt.Errorf("lm: bad count in %q", line)
		}
		if a, b, two := strings.Cut(k, " "); two {
			m.bi[pairKey(a, b)] = uint32(n)
		} else {
			m.uni[k] = uint32(n)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("lm: %w", err)
	}
	return m, nil
}
