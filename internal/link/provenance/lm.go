package provenance

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"sort"
	"strconv"
	"strings"
	"sync"

	"sitrep/internal/corpus"
	"sitrep/internal/link/provenance/minhash"
)

// The background language model: word and word-pair counts from the real
// news corpora in ../shared/data, built by BuildLM and rebuilt with
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

// ReadLM reads a gzipped model written by BuildLM: '#' comments, then
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

// HeldOut reports whether a ukraine-war-news record is held out of the
// background model (one in five, by a hash of its id), so that the spin
// benchmark measures articles the model has not seen.
func HeldOut(id string) bool { return minhash.HashString(id)%5 == 0 }

// BuildLM counts words and word pairs in the corpora under dataDir
// (ukraine-war-news without its held-out fifth, BASIL, the CNN
// revisions' last versions, ECB+, the MSRP sentences) and writes the
// gzipped model to w, keeping unigrams and bigrams seen at least
// minCount times. It returns the number of words counted.
func BuildLM(dataDir string, minCount int, w io.Writer) (int, error) {
	uni := map[string]uint32{}
	bi := map[string]uint32{}
	total := 0
	add := func(text string) {
		for _, s := range newDoc(text, nil).sentences {
			prev := ""
			for _, wd := range s.words {
				uni[wd.norm]++
				if prev != "" {
					bi[prev+" "+wd.norm]++
				}
				prev = wd.norm
				total++
			}
		}
	}
	if err := corpus.News(dataDir, HeldOut, add); err != nil {
		return 0, fmt.Errorf("build lm: %w", err)
	}

	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return 0, err
	}
	bw := bufio.NewWriter(zw)
	fmt.Fprintf(bw, "# Background word and word-pair counts (lower-cased) from the news corpora in\n# ../shared/data: %d words; entries seen fewer than %d times are dropped.\n# Rebuild: sitrep train lm -data ../shared/data\n", total, minCount)
	for _, m := range []map[string]uint32{uni, bi} {
		keys := make([]string, 0, len(m))
		for k, n := range m {
			if int(n) >= minCount {
				keys = append(keys, k)
			}
		}
		sort.Strings(keys)
		for _, k := range keys {
			fmt.Fprintf(bw, "%s\t%d\n", k, m[k])
		}
	}
	if err := bw.Flush(); err != nil {
		return 0, err
	}
	return total, zw.Close()
}
