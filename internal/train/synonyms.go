package train

import (
	"bufio"
	"compress/gzip"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strconv"
	"strings"
)

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
