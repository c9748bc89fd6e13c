package syntax

import (
	"bufio"
	"compress/gzip"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
)

// The model files are gzipped (no name, no time in the header, so a
// rebuild is byte for byte the same) binary streams: a magic line, then
// uvarint-prefixed strings and tables in sorted order.

const (
	taggerMagic = "sitrep-tagger-2\n"
	parserMagic = "sitrep-parser-1\n"
)

type writer struct {
	*bufio.Writer
	scratch [binary.MaxVarintLen64]byte
}

func (w *writer) uv(v uint64) { w.Write(w.scratch[:binary.PutUvarint(w.scratch[:], v)]) }
func (w *writer) str(s string) {
	w.uv(uint64(len(s)))
	w.WriteString(s)
}

func (w *writer) strMap(m map[string]string) {
	w.uv(uint64(len(m)))
	for _, k := range sortedKeys(m) {
		w.str(k)
		w.str(m[k])
	}
}

type reader struct {
	*bufio.Reader
	err error
	buf []byte // scratch for str
}

func (r *reader) uv() uint64 {
	v, err := binary.ReadUvarint(r)
	if err != nil && r.err == nil {
		r.err = err
	}
	return v
}

func (r *reader) str() string {
	n := r.uv()
	if n > 1<<16 {
		if r.err == nil {
			r.err = errors.New("string too long")
		}
		return ""
	}
	if uint64(cap(r.buf)) < n {
		r.buf = make([]byte, n)
	}
	b := r.buf[:n]
	if _, err := io.ReadFull(r, b); err != nil && r.err == nil {
		r.err = err
	}
	return string(b)
}

func (r *reader) strMap() map[string]string {
	n := r.uv()
	if n > 1<<24 {
		r.err = errors.New("table too long")
		return nil
	}
	m := make(map[string]string, n)
	for range n {
		k := r.str()
		m[k] = r.str()
		if r.err != nil {
			break
		}
	}
	return m
}

func save(w io.Writer, magic string, body func(*writer) error) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := &writer{Writer: bufio.NewWriter(zw)}
	bw.WriteString(magic)
	if err := body(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

func load(r io.Reader, magic string) (*reader, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	br := &reader{Reader: bufio.NewReader(zr)}
	got := make([]byte, len(magic))
	if _, err := io.ReadFull(br, got); err != nil || string(got) != magic {
		return nil, errors.New("bad magic")
	}
	return br, nil
}

// Save writes the tagger and lemmatizer.
func (t *Tagger) Save(w io.Writer, l *Lemmatizer) error {
	return save(w, taggerMagic, func(bw *writer) error {
		bw.strMap(t.clusters)
		bw.uv(uint64(len(t.amb)))
		for _, k := range sortedKeys(t.amb) {
			bw.str(k)
			bw.uv(uint64(t.amb[k]))
		}
		if err := t.w.write(bw.Writer); err != nil {
			return err
		}
		if t.w2 == nil {
			bw.uv(0)
		} else {
			bw.uv(1)
			if err := t.w2.write(bw.Writer); err != nil {
				return err
			}
		}
		bw.strMap(l.exact)
		bw.uv(uint64(len(l.rules)))
		for _, k := range sortedKeys(l.rules) {
			bw.str(k)
			bw.uv(uint64(l.rules[k].Cut))
			bw.str(l.rules[k].Add)
		}
		return nil
	})
}

// LoadTagger reads what Tagger.Save wrote.
func LoadTagger(r io.Reader) (*Tagger, *Lemmatizer, error) {
	br, err := load(r, taggerMagic)
	if err != nil {
		return nil, nil, fmt.Errorf("tagger model: %w", err)
	}
	t := &Tagger{clusters: br.strMap()}
	n := br.uv()
	if br.err == nil && n > 1<<24 {
		return nil, nil, errors.New("tagger model: bad table")
	}
	t.amb = make(map[string]uint32, n)
	for range n {
		k := br.str()
		t.amb[k] = uint32(br.uv())
		if br.err != nil {
			break
		}
	}
	if br.err != nil {
		return nil, nil, fmt.Errorf("tagger model: %w", br.err)
	}
	if t.w, err = readWeights(br.Reader); err != nil {
		return nil, nil, fmt.Errorf("tagger model: %w", err)
	}
	switch br.uv() {
	case 0:
	case 1:
		if t.w2, err = readWeights(br.Reader); err != nil {
			return nil, nil, fmt.Errorf("tagger model: second pass: %w", err)
		}
	default:
		return nil, nil, errors.New("tagger model: bad pass count")
	}
	l := &Lemmatizer{exact: br.strMap(), rules: map[string]rule{}}
	n = br.uv()
	if br.err == nil && n > 1<<24 {
		return nil, nil, errors.New("tagger model: bad rules")
	}
	for range n {
		k := br.str()
		cut := br.uv()
		l.rules[k] = rule{Cut: int(cut), Add: br.str()}
		if br.err != nil {
			break
		}
	}
	if br.err != nil {
		return nil, nil, fmt.Errorf("tagger model: %w", br.err)
	}
	return t, l, nil
}

// Save writes the parser.
func (p *Parser) Save(w io.Writer) error {
	return save(w, parserMagic, func(bw *writer) error {
		bw.uv(uint64(len(p.Labels)))
		for _, l := range p.Labels {
			bw.str(l)
		}
		bw.uv(uint64(p.root))
		bw.strMap(p.clusters)
		if err := p.moves.write(bw.Writer); err != nil {
			return err
		}
		return p.labels.write(bw.Writer)
	})
}

// LoadParser reads what Parser.Save wrote.
func LoadParser(r io.Reader) (*Parser, error) {
	br, err := load(r, parserMagic)
	if err != nil {
		return nil, fmt.Errorf("parser model: %w", err)
	}
	n := br.uv()
	if n == 0 || n > 255 {
		return nil, errors.New("parser model: bad label count")
	}
	p := &Parser{}
	for range n {
		p.Labels = append(p.Labels, br.str())
	}
	root := br.uv()
	if root >= n {
		return nil, errors.New("parser model: bad root label")
	}
	p.root = uint8(root)
	p.clusters = br.strMap()
	if br.err != nil {
		return nil, fmt.Errorf("parser model: %w", br.err)
	}
	if p.moves, err = readWeights(br.Reader); err != nil {
		return nil, fmt.Errorf("parser model: moves: %w", err)
	}
	if p.labels, err = readWeights(br.Reader); err != nil {
		return nil, fmt.Errorf("parser model: labels: %w", err)
	}
	if p.moves.classes != numMoves || p.labels.classes != len(p.Labels) {
		return nil, errors.New("parser model: class counts do not match")
	}
	p.index()
	return p, nil
}
