package train

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"sort"

	"sitrep/internal/corpus"
	"sitrep/internal/link/provenance"
	"sitrep/internal/link/provenance/minhash"
)

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
		for _, s := range provenance.SentenceWords(text) {
			prev := ""
			for _, wd := range s {
				uni[wd]++
				if prev != "" {
					bi[prev+" "+wd]++
				}
				prev = wd
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
