package provenance

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"strings"
	"sync"
)

// The synonym table is derived from WordNet 3.0 (Debian's wordnet-base
// package) by train.BuildSynonyms (internal/train) and rebuilt with `sitrep train synonyms`. It
// carries WordNet's licence notice in its header.
//
//go:embed data/synonyms.txt.gz
var synonymsGz []byte

// Synonyms says which single words share a WordNet synset, up to
// inflection.
type Synonyms struct {
	sets  map[string][]int32 // lemma → synset numbers
	words [][]string         // synset number → lemmas
	exc   map[string]string  // irregular form → lemma
}

var (
	defaultSynonyms     *Synonyms
	defaultSynonymsErr  error
	defaultSynonymsOnce sync.Once
)

// DefaultSynonyms returns the embedded synonym table, loaded once.
func DefaultSynonyms() (*Synonyms, error) {
	defaultSynonymsOnce.Do(func() {
		defaultSynonyms, defaultSynonymsErr = ReadSynonyms(bytes.NewReader(synonymsGz))
	})
	return defaultSynonyms, defaultSynonymsErr
}

// ReadSynonyms reads a gzipped table written by train.BuildSynonyms: '#'
// comment lines, "~ form lemma" irregular forms, and one synset a line
// (space-separated lemmas).
func ReadSynonyms(r io.Reader) (*Synonyms, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, fmt.Errorf("synonyms: %w", err)
	}
	s := &Synonyms{sets: map[string][]int32{}, exc: map[string]string{}}
	sc := bufio.NewScanner(zr)
	sc.Buffer(make([]byte, 64*1024), 1<<20)
	for sc.Scan() {
		line := sc.Text()
		switch {
		case line == "" || line[0] == '#':
		case strings.HasPrefix(line, "~ "):
			f := strings.Fields(line)
			if len(f) == 3 {
				s.exc[f[1]] = f[2]
			}
		default:
			ws := strings.Fields(line)
			n := int32(len(s.words))
			s.words = append(s.words, ws)
			for _, w := range ws {
				s.sets[w] = append(s.sets[w], n)
			}
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("synonyms: %w", err)
	}
	return s, nil
}

// Len returns the number of synsets.
func (s *Synonyms) Len() int { return len(s.words) }

// lemmas returns the candidate base forms of a lower-cased word with the
// suffix each strips (so a synonym can be inflected the same way).
func (s *Synonyms) lemmas(w string) [][2]string {
	out := [][2]string{{w, ""}}
	if l, ok := s.exc[w]; ok {
		out = append(out, [2]string{l, "?"})
	}
	try := func(stem, suffix string) {
		if len(stem) >= 2 {
			if _, ok := s.sets[stem]; ok {
				out = append(out, [2]string{stem, suffix})
			}
		}
	}
	for _, r := range [][2]string{{"ies", "y"}, {"es", ""}, {"s", ""}, {"ied", "y"}, {"ed", ""}, {"ed", "e"}, {"ing", ""}, {"ing", "e"}, {"er", ""}, {"est", ""}, {"ly", ""}} {
		if strings.HasSuffix(w, r[0]) {
			stem := strings.TrimSuffix(w, r[0]) + r[1]
			try(stem, r[0])
			// Doubled final consonant: "stopped" → "stop".
			if n := len(stem); r[1] == "" && n >= 3 && stem[n-1] == stem[n-2] {
				try(stem[:n-1], r[0])
			}
		}
	}
	return out
}

// Are reports whether the lower-cased words a and b are different words
// that share a synset, directly or after removing a regular or irregular
// inflection.
func (s *Synonyms) Are(a, b string) bool {
	if s == nil || a == b {
		return false
	}
	la, lb := s.lemmas(a), s.lemmas(b)
	for _, x := range la {
		for _, y := range lb {
			if x[0] == y[0] {
				return false // the same word inflected differently
			}
		}
	}
	for _, x := range la {
		for _, sx := range s.sets[x[0]] {
			for _, y := range lb {
				for _, sy := range s.sets[y[0]] {
					if sx == sy {
						return true
					}
				}
			}
		}
	}
	return false
}

// Of returns the synonyms of a lower-cased word, inflected like it when
// it carried a regular suffix, without duplicates, in table order.
func (s *Synonyms) Of(w string) []string {
	if s == nil {
		return nil
	}
	seen := map[string]bool{w: true}
	var out []string
	for _, l := range s.lemmas(w) {
		seen[l[0]] = true
		for _, n := range s.sets[l[0]] {
			for _, syn := range s.words[n] {
				form := syn
				switch l[1] {
				case "", "?":
				case "ies":
					form = strings.TrimSuffix(syn, "y") + "ies"
				case "ied":
					form = strings.TrimSuffix(syn, "y") + "ied"
				default:
					if strings.HasSuffix(syn, "e") && (l[1] == "ed" || l[1] == "ing" || l[1] == "er" || l[1] == "est") {
						syn = strings.TrimSuffix(syn, "e")
					}
					form = syn + l[1]
				}
				if l[1] == "?" {
					continue // irregular: the inflection is unknown
				}
				if !seen[form] {
					seen[form] = true
					out = append(out, form)
				}
			}
		}
	}
	return out
}
