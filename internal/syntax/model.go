package syntax

import (
	"errors"
	"fmt"
	"io"

	"sitrep/internal/perceptron"
)

// The model files are perceptron model files (gzipped, no name, no time
// in the header, so a rebuild is byte for byte the same): a magic line,
// then uvarint-prefixed strings and tables in sorted order.

const (
	taggerMagic = "sitrep-tagger-2\n"
	parserMagic = "sitrep-parser-1\n"

	// maxString bounds the strings of a model file.
	maxString = 1 << 16
)

// Save writes the tagger and lemmatizer.
func (t *Tagger) Save(w io.Writer, l *Lemmatizer) error {
	return perceptron.Save(w, taggerMagic, func(bw *perceptron.Writer) error {
		bw.StringMap(t.clusters)
		bw.Uvarint(uint64(len(t.amb)))
		for _, k := range sortedKeys(t.amb) {
			bw.String(k)
			bw.Uvarint(uint64(t.amb[k]))
		}
		if err := t.w.write(bw); err != nil {
			return err
		}
		if t.w2 == nil {
			bw.Uvarint(0)
		} else {
			bw.Uvarint(1)
			if err := t.w2.write(bw); err != nil {
				return err
			}
		}
		bw.StringMap(l.exact)
		bw.Uvarint(uint64(len(l.rules)))
		for _, k := range sortedKeys(l.rules) {
			bw.String(k)
			bw.Uvarint(uint64(l.rules[k].Cut))
			bw.String(l.rules[k].Add)
		}
		return nil
	})
}

// LoadTagger reads what Tagger.Save wrote.
func LoadTagger(r io.Reader) (*Tagger, *Lemmatizer, error) {
	br, _, err := perceptron.Open(r, taggerMagic)
	if err != nil {
		return nil, nil, fmt.Errorf("tagger model: %w", err)
	}
	t := &Tagger{clusters: br.StringMap(br.Uvarint(), maxString)}
	n := br.Uvarint()
	if br.Err() == nil && n > 1<<24 {
		return nil, nil, errors.New("tagger model: bad table")
	}
	t.amb = make(map[string]uint32, n)
	for range n {
		k := br.String(maxString)
		t.amb[k] = uint32(br.Uvarint())
		if br.Err() != nil {
			break
		}
	}
	if br.Err() != nil {
		return nil, nil, fmt.Errorf("tagger model: %w", br.Err())
	}
	if t.w, err = readWeights(br); err != nil {
		return nil, nil, fmt.Errorf("tagger model: %w", err)
	}
	switch br.Uvarint() {
	case 0:
	case 1:
		if t.w2, err = readWeights(br); err != nil {
			return nil, nil, fmt.Errorf("tagger model: second pass: %w", err)
		}
	default:
		return nil, nil, errors.New("tagger model: bad pass count")
	}
	l := &Lemmatizer{exact: br.StringMap(br.Uvarint(), maxString), rules: map[string]rule{}}
	n = br.Uvarint()
	if br.Err() == nil && n > 1<<24 {
		return nil, nil, errors.New("tagger model: bad rules")
	}
	for range n {
		k := br.String(maxString)
		cut := br.Uvarint()
		l.rules[k] = rule{Cut: int(cut), Add: br.String(maxString)}
		if br.Err() != nil {
			break
		}
	}
	if br.Err() != nil {
		return nil, nil, fmt.Errorf("tagger model: %w", br.Err())
	}
	return t, l, nil
}

// Save writes the parser.
func (p *Parser) Save(w io.Writer) error {
	return perceptron.Save(w, parserMagic, func(bw *perceptron.Writer) error {
		bw.Uvarint(uint64(len(p.Labels)))
		for _, l := range p.Labels {
			bw.String(l)
		}
		bw.Uvarint(uint64(p.root))
		bw.StringMap(p.clusters)
		if err := p.moves.write(bw); err != nil {
			return err
		}
		return p.labels.write(bw)
	})
}

// LoadParser reads what Parser.Save wrote.
func LoadParser(r io.Reader) (*Parser, error) {
	br, _, err := perceptron.Open(r, parserMagic)
	if err != nil {
		return nil, fmt.Errorf("parser model: %w", err)
	}
	n := br.Uvarint()
	if n == 0 || n > 255 {
		return nil, errors.New("parser model: bad label count")
	}
	p := &Parser{}
	for range n {
		p.Labels = append(p.Labels, br.String(maxString))
	}
	root := br.Uvarint()
	if root >= n {
		return nil, errors.New("parser model: bad root label")
	}
	p.root = uint8(root)
	p.clusters = br.StringMap(br.Uvarint(), maxString)
	if br.Err() != nil {
		return nil, fmt.Errorf("parser model: %w", br.Err())
	}
	if p.moves, err = readWeights(br); err != nil {
		return nil, fmt.Errorf("parser model: moves: %w", err)
	}
	if p.labels, err = readWeights(br); err != nil {
		return nil, fmt.Errorf("parser model: labels: %w", err)
	}
	if p.moves.classes != numMoves || p.labels.classes != len(p.Labels) {
		return nil, errors.New("parser model: class counts do not match")
	}
	p.index()
	return p, nil
}
