package ner

import (
	"bufio"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"unicode"

	"sitrep/internal/perceptron"
)

// Lexicon is a large set of name lists for the lexicon features
// ([FeatLexicon]): each name is a sequence of lower-cased words and
// belongs to one or more lists ("loc", "org", "first" …). It is stored as
// 64-bit hashes of the word sequences, not as text, so a lexicon built
// from third-party lists holds no copy of them; a token sequence is
// looked up by its hash, with a prefix flag per hash that lets the
// longest match grow one word at a time (a trie over hashes).
//
// A Lexicon is immutable once built and safe for concurrent use.
type Lexicon struct {
	// Lists names the lists, in bit order (at most 16).
	Lists []string
	// An entry's value: low 16 bits, the lists holding the sequence;
	// prefixBit, a longer name starts so. A lexicon being built keeps its
	// entries in m; one read from a file, in table and vals (row order),
	// which load several times faster than a map.
	m      map[uint64]uint32
	table  *perceptron.Index
	vals   []uint32
	maxLen int
}

// get returns the entry of hash h.
func (x *Lexicon) get(h uint64) (uint32, bool) {
	if x.m != nil {
		v, ok := x.m[h]
		return v, ok
	}
	r, ok := x.table.Get(h)
	if !ok {
		return 0, false
	}
	return x.vals[r], true
}

const (
	prefixBit uint32 = 1 << 31
	// MaxLexiconLists is the most lists a Lexicon holds.
	MaxLexiconLists = 16
	// maxLexWords is the longest name kept, in words.
	maxLexWords = 8
	lexSeed     = perceptron.Offset ^ 0x9e3779b97f4a7c15
)

func lexHash(h uint64, w string) uint64 { return perceptron.HashString(h, w) }

// NewLexicon returns an empty lexicon with the given lists.
func NewLexicon(lists ...string) (*Lexicon, error) {
	if len(lists) == 0 || len(lists) > MaxLexiconLists {
		return nil, fmt.Errorf("lexicon: %d lists, want 1 to %d", len(lists), MaxLexiconLists)
	}
	return &Lexicon{Lists: slices.Clone(lists), m: map[uint64]uint32{}}, nil
}

// LexiconWords splits a name into the lower-cased words the tagger's
// tokens give: at spaces, with a trailing comma, a possessive "'s" and a
// bracketed disambiguation ("Georgia (country)") split off or dropped.
func LexiconWords(name string) []string {
	name = normalize(name)
	if i := strings.Index(name, " ("); i > 0 && strings.HasSuffix(name, ")") {
		name = name[:i]
	}
	var out []string
	for _, w := range strings.Fields(strings.ToLower(name)) {
		var tail []string
		for {
			switch {
			case len(w) > 1 && strings.HasSuffix(w, ","):
				tail = append(tail, ",")
				w = w[:len(w)-1]
				continue
			case len(w) > 2 && strings.HasSuffix(w, "'s"):
				tail = append(tail, "'s")
				w = w[:len(w)-2]
				continue
			}
			break
		}
		out = append(out, w)
		slices.Reverse(tail)
		out = append(out, tail...)
	}
	return out
}

// Add adds a name to list. Names longer than eight words, with no
// letter, or not starting with an upper-case letter or a digit are
// skipped; Add reports whether the name was kept.
func (x *Lexicon) Add(list, name string) bool {
	bit := slices.Index(x.Lists, list)
	if bit < 0 {
		return false
	}
	name = strings.TrimSpace(name)
	r := []rune(name)
	if len(r) == 0 || !(unicode.IsUpper(r[0]) || unicode.IsDigit(r[0])) || !hasLetter(name) {
		return false
	}
	ws := LexiconWords(name)
	if len(ws) == 0 || len(ws) > maxLexWords {
		return false
	}
	if x.m == nil { // a lexicon read from a file grows as a map
		x.m = make(map[uint64]uint32, x.table.Len())
		for r, k := range x.table.Keys() {
			x.m[k] = x.vals[r]
		}
		x.table, x.vals = nil, nil
	}
	h := lexSeed
	for i, w := range ws {
		h = lexHash(h, w)
		if i < len(ws)-1 {
			x.m[h] |= prefixBit
		}
	}
	x.m[h] |= 1 << bit
	x.maxLen = max(x.maxLen, len(ws))
	return true
}

// Len returns the number of stored hashes (names and their prefixes).
func (x *Lexicon) Len() int {
	if x.m != nil {
		return len(x.m)
	}
	return x.table.Len()
}

// Match returns, for each list, the length in words of the longest name
// of that list starting at lower[i] (0 for none), in lens.
func (x *Lexicon) Match(lower []string, i int, lens *[MaxLexiconLists]uint8) {
	*lens = [MaxLexiconLists]uint8{}
	h := lexSeed
	for j := i; j < len(lower) && j-i < x.maxLen; j++ {
		h = lexHash(h, lower[j])
		v, ok := x.get(h)
		if !ok {
			return
		}
		for b := uint32(0); b < uint32(len(x.Lists)); b++ {
			if v&(1<<b) != 0 {
				lens[b] = uint8(j - i + 1)
			}
		}
		if v&prefixBit == 0 {
			return
		}
	}
}

// mark sets toks[k].lex[b] to the BILOU position (1 B, 2 I, 3 L, 4 U) of
// the token in the longest name of list b covering it, matched left to
// right from capitalised tokens.
func (x *Lexicon) mark(toks []token, lower []string) {
	for i := range toks {
		toks[i].lex = [MaxLexiconLists]uint8{}
	}
	var covered [MaxLexiconLists]int // per list, the first token not yet covered
	var lens [MaxLexiconLists]uint8
	for i := range toks {
		if !toks[i].cap && !isDigitStart(toks[i].word) {
			continue
		}
		x.Match(lower, i, &lens)
		for b := range x.Lists {
			n := int(lens[b])
			if n == 0 || i < covered[b] {
				continue
			}
			if n == 1 {
				toks[i].lex[b] = 4
			} else {
				toks[i].lex[b] = 1
				for k := i + 1; k < i+n-1; k++ {
					toks[k].lex[b] = 2
				}
				toks[i+n-1].lex[b] = 3
			}
			covered[b] = i + n
		}
	}
}

func isDigitStart(w string) bool { return w != "" && w[0] >= '0' && w[0] <= '9' }

const lexiconMagic = "sitrep-lexicon-1\n"

// Write writes the lexicon in its gzipped binary format (deterministic).
func (x *Lexicon) Write(w io.Writer, comment string) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	zw.Comment = comment
	bw := perceptron.NewWriter(bufio.NewWriter(zw))
	if err := x.encode(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// encode writes the lexicon without compression (also the model file's
// lexicon section).
func (x *Lexicon) encode(w *perceptron.Writer) error {
	w.WriteString(lexiconMagic)
	w.Uvarint(uint64(len(x.Lists)))
	for _, l := range x.Lists {
		w.String(l)
	}
	w.Uvarint(uint64(x.maxLen))
	keys := x.table.Keys()
	if x.m != nil {
		keys = slices.Sorted(maps.Keys(x.m))
	}
	w.Uvarint(uint64(len(keys)))
	prev := uint64(0)
	for _, k := range keys {
		w.Uvarint(k - prev)
		prev = k
		v, _ := x.get(k)
		w.Uvarint(uint64(v&0xffff)<<1 | uint64(v>>31))
	}
	return nil
}

// ReadLexicon reads a lexicon written by Write.
func ReadLexicon(r io.Reader) (*Lexicon, error) {
	b, err := perceptron.Decompress(r)
	if err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	return decodeLexicon(perceptron.NewReader(b))
}

func decodeLexicon(r *perceptron.Reader) (*Lexicon, error) {
	magic := make([]byte, len(lexiconMagic))
	if _, err := io.ReadFull(r, magic); err != nil || string(magic) != lexiconMagic {
		return nil, errors.New("lexicon: bad magic")
	}
	nl := r.Uvarint()
	if nl == 0 || nl > MaxLexiconLists {
		return nil, fmt.Errorf("lexicon: bad list count %d", nl)
	}
	x := &Lexicon{}
	for range nl {
		x.Lists = append(x.Lists, r.String(64))
		if err := r.Err(); err != nil {
			return nil, fmt.Errorf("lexicon: list name: %w", err)
		}
	}
	x.maxLen = int(r.Uvarint())
	n := r.Uvarint()
	if err := r.Err(); err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	if n > 1<<26 || n > uint64(r.Len()) {
		return nil, fmt.Errorf("lexicon: %d entries is too many", n)
	}
	keys := make([]uint64, n)
	x.vals = make([]uint32, n)
	prev := uint64(0)
	for i := range n {
		d := r.Uvarint()
		if d == 0 && i > 0 {
			return nil, errors.New("lexicon: keys out of order")
		}
		prev += d
		keys[i] = prev
		v := r.Uvarint()
		x.vals[i] = uint32(v>>1) | uint32(v&1)<<31
	}
	if err := r.Err(); err != nil {
		return nil, fmt.Errorf("lexicon: %w", err)
	}
	x.table = perceptron.NewIndex(keys)
	return x, nil
}
