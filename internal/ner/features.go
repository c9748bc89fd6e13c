package ner

import (
	"sitrep/internal/perceptron"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Features is a set of feature families, for training and ablation.
type Features uint32

// The feature families.
const (
	// FeatWords: the lower-cased words at offsets -2..+2 and the word as
	// written.
	FeatWords Features = 1 << iota
	// FeatShape: word shape (Xxxx, XX, dd-dd …) and its collapsed form at
	// -1..+1, length, sentence position.
	FeatShape
	// FeatAffix: prefixes and suffixes of one to four letters.
	FeatAffix
	// FeatContext: word bigrams and conjunctions of a neighbouring word
	// with the shape of the current one.
	FeatContext
	// FeatGazetteer: membership of the token in a gazetteer entry at
	// -1..+1, with its class and position.
	FeatGazetteer
	// FeatClusters: word-cluster bit-string prefixes at -1..+1.
	FeatClusters
	// FeatDocument: how the same word is written elsewhere in the
	// document (capitalised mid-sentence, lower-case), and the recased
	// form of all-caps headline words.
	FeatDocument
	// FeatHistory: the label the tagger gave the same word earlier in the
	// document.
	FeatHistory
	// FeatLexicon: the token's position (B, I, L, U) in the longest name
	// of each list of a large [Lexicon] covering it, at -1..+1.
	FeatLexicon
	// FeatTwoPass: a second pass. A first model, trained without this
	// family, tags the document; the second sees its label of the token
	// and its neighbours and, per capitalised word, the share of the
	// word's occurrences in the whole document it gave each type.
	FeatTwoPass

	// AllFeatures is every family.
	AllFeatures = FeatWords | FeatShape | FeatAffix | FeatContext | FeatGazetteer | FeatClusters | FeatDocument | FeatHistory | FeatLexicon | FeatTwoPass
)

// featureNames names the families for flags and reports.
var featureNames = []struct {
	f    Features
	name string
}{
	{FeatWords, "words"}, {FeatShape, "shape"}, {FeatAffix, "affix"}, {FeatContext, "context"},
	{FeatGazetteer, "gazetteer"}, {FeatClusters, "clusters"}, {FeatDocument, "document"}, {FeatHistory, "history"},
	{FeatLexicon, "lexicon"}, {FeatTwoPass, "twopass"},
}

// String lists the families joined by "+".
func (f Features) String() string {
	var parts []string
	for _, n := range featureNames {
		if f&n.f != 0 {
			parts = append(parts, n.name)
		}
	}
	if len(parts) == 0 {
		return "none"
	}
	return strings.Join(parts, "+")
}

// ParseFeatures reads a "+"- or ","-separated list of family names;
// "all" is every family, and "-name" removes one ("all,-clusters").
func ParseFeatures(s string) (Features, bool) {
	var f Features
	for _, p := range strings.FieldsFunc(s, func(r rune) bool { return r == '+' || r == ',' }) {
		remove := strings.HasPrefix(p, "-")
		p = strings.TrimPrefix(p, "-")
		var v Features
		if p == "all" {
			v = AllFeatures
		}
		for _, n := range featureNames {
			if n.name == p {
				v = n.f
			}
		}
		if v == 0 {
			return 0, false
		}
		if remove {
			f &^= v
		} else {
			f |= v
		}
	}
	return f, true
}

// Feature templates: the first byte hashed into every feature key.
const (
	tBias byte = iota + 1
	tW0
	tWm1
	tWp1
	tWm2
	tWp2
	tExact
	tShape0
	tShapeM1
	tShapeP1
	tSShape0
	tPrefix
	tSuffix
	tBiM1
	tBiP1
	tSShape3
	tInitial
	tLength
	tHeadline
	tWm1S0
	tS0Wp1
	tGaz0
	tGazM1
	tGazP1
	tClus0
	tClusM1
	tClusP1
	tDocFlags
	tRecased
	tHist
	tHistShape
	tWm2S0
	tInnerCap
	tLex0
	tLexM1
	tLexP1
	tLexShape
	tPrior0
	tPriorM1
	tPriorP1
	tAgg
	tAggShape
)

// token is what the extractor knows about one token.
type token struct {
	word   string // normalised as written
	lower  string
	shape  string
	sshape string
	cap    bool // starts with an upper-case letter
	gaz    string
	clus   string
	lex    [MaxLexiconLists]uint8 // per lexicon list, 0 or the BILOU position 1..4
}

// normalize maps typographic quotes and apostrophes to the ASCII forms
// CoNLL uses, so that "’s" and "'s" are one word.
func normalize(w string) string {
	if w == "" || isASCII(w) {
		return w
	}
	return quoteReplacer.Replace(w)
}

var quoteReplacer = strings.NewReplacer("’", "'", "‘", "'", "“", "\"", "”", "\"", "„", "\"", "–", "-", "—", "--", "`", "'")

func isASCII(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			return false
		}
	}
	return true
}

// shapes returns the word's shape (letters as X/x, digits as d, other
// runes kept; at most 16 runes) and its collapsed form with runs of the
// same class written once (at most 64).
func shapes(w string) (string, string) { return perceptron.Shapes(w, 16, 64) }

func startsUpper(w string) bool {
	r, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(r)
}

func hasLetter(w string) bool {
	for _, r := range w {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

func isAllCaps(w string) bool {
	letters := false
	for _, r := range w {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters = true
		}
	}
	return letters
}

// docInfo holds document-level evidence, keyed by lower-cased word:
// casing (FeatDocument) and the first pass's labels (FeatTwoPass).
type docInfo struct {
	capMid  map[string]bool   // seen capitalised, not sentence-initial, in a mixed-case sentence
	lowered map[string]bool   // seen all lower-case
	cased   map[string]string // most frequent mixed-case form

	prior [][]int            // the first pass's labels, per sentence
	agg   map[string]*[5]int // per capitalised word, the first pass's types (index 0 is O)
}

// setPrior records the first pass's labels of the document's sentences
// and aggregates them per capitalised word.
func (d *docInfo) setPrior(sents [][]string, prior [][]int) {
	d.prior = prior
	d.agg = map[string]*[5]int{}
	for si, ws := range sents {
		for i, w := range ws {
			w = normalize(w)
			if !startsUpper(w) {
				continue
			}
			l := strings.ToLower(w)
			c := d.agg[l]
			if c == nil {
				c = new([5]int)
				d.agg[l] = c
			}
			c[histType(prior[si][i])]++
		}
	}
}

// headline reports whether a sentence is written in capitals: more than
// half of its words with letters are all-caps and there are at least two.
func headline(words []string) bool {
	caps, letters := 0, 0
	for _, w := range words {
		if !hasLetter(w) {
			continue
		}
		letters++
		if isAllCaps(w) && len(w) > 1 {
			caps++
		}
	}
	return letters >= 2 && caps*2 > letters
}

func newDocInfo(sents [][]string) *docInfo {
	d := &docInfo{capMid: map[string]bool{}, lowered: map[string]bool{}, cased: map[string]string{}}
	counts := map[string]int{}
	for _, s := range sents {
		if headline(s) {
			continue
		}
		for i, w := range s {
			w = normalize(w)
			if !hasLetter(w) {
				continue
			}
			l := strings.ToLower(w)
			switch {
			case l == w:
				d.lowered[l] = true
			case startsUpper(w) && i > 0 && !isAllCaps(w):
				d.capMid[l] = true
				counts[w]++
				if c := d.cased[l]; c == "" || counts[w] > counts[c] {
					d.cased[l] = w
				}
			}
		}
	}
	return d
}

// history counts, per lower-cased word, the entity types the tagger gave
// it earlier in the document (index 0 is "no entity").
type history map[string]*[5]int

var histNames = [5]string{"O", "t1", "t2", "t3", "t4"}

// extractor computes feature keys for the tokens of a sentence.
type extractor struct {
	feats Features
	gaz   *Gazetteer
	lex   *Lexicon
	clus  map[string]string
	toks  []token
	lower []string
	keys  []uint64
	start []int // keys of token i are keys[start[i]:start[i+1]]
}

func (m *Model) newExtractor() *extractor {
	return &extractor{feats: m.Features, gaz: m.Gazetteer, lex: m.Lexicon, clus: m.Clusters}
}

// static computes the features that depend on the text only (not on
// the history), for every token of sentence si of the document.
func (x *extractor) static(words []string, doc *docInfo, si int) {
	n := len(words)
	x.toks = x.toks[:0]
	for _, w := range words {
		w = normalize(w)
		full, short := shapes(w)
		t := token{word: w, lower: strings.ToLower(w), shape: full, sshape: short, cap: startsUpper(w)}
		if x.clus != nil {
			t.clus = x.clus[t.lower]
			if t.clus == "" {
				t.clus = x.clus[w]
			}
		}
		x.toks = append(x.toks, t)
	}
	if x.feats&FeatGazetteer != 0 && x.gaz != nil {
		x.gaz.mark(x.toks)
	}
	if x.feats&FeatLexicon != 0 && x.lex != nil {
		x.lower = x.lower[:0]
		for i := range x.toks {
			x.lower = append(x.lower, x.toks[i].lower)
		}
		x.lex.mark(x.toks, x.lower)
	}
	var prior []int
	if x.feats&FeatTwoPass != 0 && doc != nil && doc.prior != nil {
		prior = doc.prior[si]
	}
	head := headline(words)
	x.keys = x.keys[:0]
	x.start = x.start[:0]
	at := func(i int) *token {
		if i < 0 || i >= n {
			return nil
		}
		return &x.toks[i]
	}
	lw := func(i int) string {
		switch {
		case i < 0:
			return "<s>"
		case i >= n:
			return "</s>"
		}
		return x.toks[i].lower
	}
	ss := func(i int) string {
		switch {
		case i < 0:
			return "<s>"
		case i >= n:
			return "</s>"
		}
		return x.toks[i].sshape
	}
	f := x.feats
	for i := range n {
		x.start = append(x.start, len(x.keys))
		t := &x.toks[i]
		add := func(k uint64) { x.keys = append(x.keys, k) }
		add(perceptron.Key1(tBias, ""))
		if f&FeatWords != 0 {
			add(perceptron.Key1(tW0, t.lower))
			add(perceptron.Key1(tExact, t.word))
			add(perceptron.Key1(tWm1, lw(i-1)))
			add(perceptron.Key1(tWp1, lw(i+1)))
			add(perceptron.Key1(tWm2, lw(i-2)))
			add(perceptron.Key1(tWp2, lw(i+2)))
		}
		if f&FeatShape != 0 {
			add(perceptron.Key1(tShape0, t.shape))
			add(perceptron.Key1(tSShape0, t.sshape))
			add(perceptron.Key1(tShapeM1, ss(i-1)))
			add(perceptron.Key1(tShapeP1, ss(i+1)))
			add(perceptron.Key3(tSShape3, ss(i-1), t.sshape, ss(i+1)))
			add(perceptron.Key2(tInitial, boolStr(i == 0), t.sshape))
			add(perceptron.Key1(tLength, lengthBucket(t.word)))
			add(perceptron.Key2(tHeadline, boolStr(head), t.sshape))
			if innerCap(t.word) {
				add(perceptron.Key1(tInnerCap, ""))
			}
		}
		if f&FeatAffix != 0 {
			r := []rune(t.lower)
			for k := 1; k <= 4 && k <= len(r); k++ {
				add(perceptron.Key1(tPrefix, string(r[:k])))
				add(perceptron.Key1(tSuffix, string(r[len(r)-k:])))
			}
		}
		if f&FeatContext != 0 {
			add(perceptron.Key2(tBiM1, lw(i-1), t.lower))
			add(perceptron.Key2(tBiP1, t.lower, lw(i+1)))
			add(perceptron.Key2(tWm1S0, lw(i-1), t.sshape))
			add(perceptron.Key2(tS0Wp1, t.sshape, lw(i+1)))
			add(perceptron.Key2(tWm2S0, lw(i-2), t.sshape))
		}
		if f&FeatGazetteer != 0 && x.gaz != nil {
			if t.gaz != "" {
				add(perceptron.Key1(tGaz0, t.gaz))
				add(perceptron.Key2(tGaz0, t.gaz, t.sshape))
			}
			if p := at(i - 1); p != nil && p.gaz != "" {
				add(perceptron.Key1(tGazM1, p.gaz))
			}
			if p := at(i + 1); p != nil && p.gaz != "" {
				add(perceptron.Key1(tGazP1, p.gaz))
			}
		}
		if f&FeatClusters != 0 && x.clus != nil {
			for _, k := range clusterPrefixes {
				if c := clusterPrefix(t.clus, k); c != "" {
					add(perceptron.Key1(tClus0, c))
				}
				if p := at(i - 1); p != nil {
					if c := clusterPrefix(p.clus, k); c != "" {
						add(perceptron.Key1(tClusM1, c))
					}
				}
				if p := at(i + 1); p != nil {
					if c := clusterPrefix(p.clus, k); c != "" {
						add(perceptron.Key1(tClusP1, c))
					}
				}
			}
		}
		if f&FeatLexicon != 0 && x.lex != nil {
			for b, p := range t.lex[:len(x.lex.Lists)] {
				if p != 0 {
					add(perceptron.Key2(tLex0, x.lex.Lists[b], lexPos[p]))
					add(perceptron.Key3(tLexShape, x.lex.Lists[b], lexPos[p], t.sshape))
				}
			}
			if p := at(i - 1); p != nil {
				for b, q := range p.lex[:len(x.lex.Lists)] {
					if q != 0 {
						add(perceptron.Key2(tLexM1, x.lex.Lists[b], lexPos[q]))
					}
				}
			}
			if p := at(i + 1); p != nil {
				for b, q := range p.lex[:len(x.lex.Lists)] {
					if q != 0 {
						add(perceptron.Key2(tLexP1, x.lex.Lists[b], lexPos[q]))
					}
				}
			}
		}
		if prior != nil {
			add(perceptron.Key1(tPrior0, priorName(prior, i)))
			add(perceptron.Key1(tPriorM1, priorName(prior, i-1)))
			add(perceptron.Key1(tPriorP1, priorName(prior, i+1)))
			if c := doc.agg[t.lower]; c != nil && t.cap {
				total := 0
				for _, v := range c {
					total += v
				}
				for k, v := range c {
					if v == 0 {
						continue
					}
					b := "some"
					switch {
					case v == total:
						b = "all"
					case 2*v > total:
						b = "most"
					}
					add(perceptron.Key2(tAgg, histNames[k], b))
					add(perceptron.Key3(tAggShape, histNames[k], b, boolStr(i == 0)))
				}
			}
		}
		if f&FeatDocument != 0 && doc != nil && doc.capMid != nil && hasLetter(t.word) {
			flags := boolStr(doc.capMid[t.lower]) + boolStr(doc.lowered[t.lower])
			add(perceptron.Key2(tDocFlags, flags, t.sshape))
			if head || isAllCaps(t.word) {
				if c := doc.cased[t.lower]; c != "" {
					add(perceptron.Key1(tRecased, c))
					_, cs := shapes(c)
					add(perceptron.Key2(tRecased, "shape", cs))
				}
			}
		}
	}
	x.start = append(x.start, len(x.keys))
}

var clusterPrefixes = [...]int{4, 6, 10, 20}

// lexPos names a lexicon position.
var lexPos = [5]string{"", "B", "I", "L", "U"}

// priorName names the first pass's label of token i, or a sentence edge.
func priorName(prior []int, i int) string {
	switch {
	case i < 0:
		return "<s>"
	case i >= len(prior):
		return "</s>"
	}
	return string(rune('a' + prior[i]))
}

func clusterPrefix(c string, k int) string {
	if c == "" {
		return ""
	}
	if len(c) < k {
		if k == clusterPrefixes[0] {
			return c + "$"
		}
		return ""
	}
	return c[:k]
}

// histKeys returns the history features of token i.
func (x *extractor) histKeys(i int, h history, buf []uint64) []uint64 {
	t := &x.toks[i]
	if !t.cap && !isAllCaps(t.word) {
		return buf
	}
	c := h[t.lower]
	if c == nil {
		return append(buf, perceptron.Key1(tHist, "new"))
	}
	best := 0
	for k := 1; k < 5; k++ {
		if c[k] > c[best] {
			best = k
		}
	}
	buf = append(buf, perceptron.Key1(tHist, histNames[best]))
	return append(buf, perceptron.Key2(tHistShape, histNames[best], t.sshape))
}

// record adds a sentence's predicted types to the history.
func (x *extractor) record(h history, types []int) {
	for i, t := range types {
		tok := &x.toks[i]
		if !tok.cap && !isAllCaps(tok.word) {
			continue
		}
		c := h[tok.lower]
		if c == nil {
			c = new([5]int)
			h[tok.lower] = c
		}
		c[t]++
	}
}

func boolStr(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

func innerCap(w string) bool {
	for i, r := range w {
		if i > 0 && unicode.IsUpper(r) {
			return !isAllCaps(w)
		}
	}
	return false
}

func lengthBucket(w string) string {
	n := utf8.RuneCountInString(w)
	switch {
	case n <= 4:
		return string(rune('0' + n))
	case n <= 6:
		return "5-6"
	case n <= 9:
		return "7-9"
	}
	return "10+"
}
