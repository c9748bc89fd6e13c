package provenance

import (
	"bufio"
	"bytes"
	"compress/gzip"
	_ "embed"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
	"sync"
)

// The synonym table is derived from WordNet 3.0 (Debian's wordnet-base
// package) by BuildSynonyms and rebuilt with `sitrep train synonyms`. It
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

// ReadSynonyms reads a gzipped table written by BuildSynonyms: '#'
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

// wordnetNotice is the licence notice kept with the derived table.
const wordnetNotice = `# Synonym sets derived from WordNet 3.0 (Debian package wordnet-base):
# single-word lemmas of each synset with at least two of them, lower-cased,
# and the irregular forms of those lemmas ("~ form lemma").
# Rebuild: sitrep train synonyms -wordnet /usr/share/wordnet
#
# WordNet 3.0 Copyright 2006 by Princeton University.  All rights reserved.
#
# Permission to use, copy, modify and distribute this software and
# database and its documentation for any purpose and without fee or
# royalty is hereby granted, provided that you agree to comply with
# the following copyright notice and statements, including the disclaimer,
# and that the same appear on ALL copies of the software, database and
# documentation, including modifications that you make for internal
# use or for distribution.
#
# THIS SOFTWARE AND DATABASE IS PROVIDED "AS IS" AND PRINCETON
# UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES, EXPRESS OR
# IMPLIED.  BY WAY OF EXAMPLE, BUT NOT LIMITATION, PRINCETON
# UNIVERSITY MAKES NO REPRESENTATIONS OR WARRANTIES OF MERCHANT-
# ABILITY OR FITNESS FOR ANY PARTICULAR PURPOSE OR THAT THE USE
# OF THE LICENSED SOFTWARE, DATABASE OR DOCUMENTATION WILL NOT
# INFRINGE ANY THIRD PARTY PATENTS, COPYRIGHTS, TRADEMARKS OR
# OTHER RIGHTS.
#
# The name of Princeton University or Princeton may not be used in
# advertising or publicity pertaining to distribution of the software
# and/or database.  Title to copyright in this software, database and
# any associated documentation shall at all times remain with
# Princeton University and LICENSEE agrees to preserve same.
`

// BuildSynonyms reads WordNet's data.{noun,verb,adj,adv} and *.exc files
// in dir and writes the gzipped synonym table to w.
func BuildSynonyms(dir string, w io.Writer) error {
	var sets []string
	inSet := map[string]bool{}
	for _, pos := range []string{"noun", "verb", "adj", "adv"} {
		f, err := os.Open(filepath.Join(dir, "data."+pos))
		if err != nil {
			return fmt.Errorf("build synonyms: %w", err)
		}
		sc := bufio.NewScanner(f)
		sc.Buffer(make([]byte, 64*1024), 1<<20)
		for sc.Scan() {
			line := sc.Text()
			if strings.HasPrefix(line, "  ") {
				continue // licence header
			}
			fs := strings.Fields(line)
			if len(fs) < 4 {
				continue
			}
			n, err := strconv.ParseInt(fs[3], 16, 32)
			if err != nil || len(fs) < 4+2*int(n) {
				continue
			}
			seen := map[string]bool{}
			var ws []string
			for i := 0; i < int(n); i++ {
				lw := strings.ToLower(fs[4+2*i])
				if k := strings.IndexByte(lw, '('); k > 0 { // adjective markers: "big(a)"
					lw = lw[:k]
				}
				if strings.ContainsAny(lw, "_.0123456789") || seen[lw] {
					continue
				}
				seen[lw] = true
				ws = append(ws, lw)
			}
			if len(ws) >= 2 {
				sets = append(sets, strings.Join(ws, " "))
				for _, x := range ws {
					inSet[x] = true
				}
			}
		}
		f.Close()
		if err := sc.Err(); err != nil {
			return fmt.Errorf("build synonyms: %w", err)
		}
	}
	var exc []string
	for _, pos := range []string{"noun", "verb", "adj", "adv"} {
		b, err := os.ReadFile(filepath.Join(dir, pos+".exc"))
		if err != nil {
			return fmt.Errorf("build synonyms: %w", err)
		}
		for _, line := range strings.Split(string(b), "\n") {
			fs := strings.Fields(line)
			if len(fs) >= 2 && inSet[fs[1]] && !strings.Contains(fs[0], "_") {
				exc = append(exc, "~ "+fs[0]+" "+fs[1])
			}
		}
	}
	sort.Strings(exc)
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := bufio.NewWriter(zw)
	bw.WriteString(wordnetNotice)
	for _, e := range exc {
		bw.WriteString(e + "\n")
	}
	for _, s := range sets {
		bw.WriteString(s + "\n")
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}
