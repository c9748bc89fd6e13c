// Package perceptron holds the machinery the averaged-perceptron taggers
// (internal/ner, internal/attribution) share: the binary encoding of
// their gzipped model files (varints, strings, float32s and a sparse,
// delta-coded weight table) and the pruning of near-zero weights.
package perceptron

import (
	"bufio"
	"compress/gzip"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"sort"
)

// Save writes a model file: a gzip stream (best compression) of magic
// and then what body writes.
func Save(w io.Writer, magic string, body func(*Writer) error) error {
	zw, err := gzip.NewWriterLevel(w, gzip.BestCompression)
	if err != nil {
		return err
	}
	bw := NewWriter(bufio.NewWriter(zw))
	bw.WriteString(magic)
	if err := body(bw); err != nil {
		return err
	}
	if err := bw.Flush(); err != nil {
		return err
	}
	return zw.Close()
}

// Open starts reading a model file written by Save: it returns a Reader
// past the magic and which of the accepted magics the file has.
func Open(r io.Reader, magics ...string) (*Reader, string, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return nil, "", err
	}
	br := bufio.NewReader(zr)
	magic := make([]byte, len(magics[0]))
	if _, err := io.ReadFull(br, magic); err == nil {
		for _, m := range magics {
			if string(magic) == m {
				return NewReader(br), m, nil
			}
		}
	}
	return nil, "", errors.New("bad magic")
}

// Writer writes the primitives of a model file. Write errors surface at
// Flush, as with bufio.Writer.
type Writer struct {
	*bufio.Writer
	scratch [binary.MaxVarintLen64]byte
}

// NewWriter returns a Writer over bw.
func NewWriter(bw *bufio.Writer) *Writer { return &Writer{Writer: bw} }

// Uvarint writes v as an unsigned varint.
func (w *Writer) Uvarint(v uint64) { w.Write(w.scratch[:binary.PutUvarint(w.scratch[:], v)]) }

// String writes s as its length (a varint) and its bytes.
func (w *Writer) String(s string) { w.Uvarint(uint64(len(s))); w.WriteString(s) }

// Float32 writes v as four little-endian bytes.
func (w *Writer) Float32(v float32) {
	var b [4]byte
	binary.LittleEndian.PutUint32(b[:], math.Float32bits(v))
	w.Write(b[:])
}

// StringMap writes the length of mp, then each key and value in key order.
func (w *Writer) StringMap(mp map[string]string) {
	ks := make([]string, 0, len(mp))
	for k := range mp {
		ks = append(ks, k)
	}
	sort.Strings(ks)
	w.Uvarint(uint64(len(ks)))
	for _, k := range ks {
		w.String(k)
		w.String(mp[k])
	}
}

// Weights writes a weight table: rows of width weights in w, the row of
// feature key k at index[k]. Keys go in order, delta-coded, and each row
// as its count of non-zero weights and then (label byte, float32) pairs.
func (w *Writer) Weights(index map[uint64]int32, weights []float32, width int) {
	keys := make([]uint64, 0, len(index))
	for k := range index {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	w.Uvarint(uint64(len(keys)))
	prev := uint64(0)
	for _, k := range keys {
		w.Uvarint(k - prev) // delta-coded keys compress well
		prev = k
		ws := weights[int(index[k])*width : int(index[k])*width+width]
		nz := 0
		for _, v := range ws {
			if v != 0 {
				nz++
			}
		}
		w.Uvarint(uint64(nz))
		for l, v := range ws {
			if v != 0 {
				w.WriteByte(byte(l))
				w.Float32(v)
			}
		}
	}
}

// Reader reads the primitives Writer writes. The first error sticks: the
// readers return zero values after it, and Err reports it.
type Reader struct {
	*bufio.Reader
	err error
}

// NewReader returns a Reader over br.
func NewReader(br *bufio.Reader) *Reader { return &Reader{Reader: br} }

// Err is the first error met, nil if none.
func (r *Reader) Err() error { return r.err }

func (r *Reader) fail(err error) {
	if r.err == nil {
		r.err = err
	}
}

// Uvarint reads an unsigned varint.
func (r *Reader) Uvarint() uint64 {
	v, err := binary.ReadUvarint(r.Reader)
	if err != nil {
		r.fail(err)
	}
	return v
}

// String reads a string of at most max bytes.
func (r *Reader) String(max uint64) string {
	n := r.Uvarint()
	if n > max {
		r.fail(errors.New("string too long"))
		return ""
	}
	b := make([]byte, n)
	if _, err := io.ReadFull(r.Reader, b); err != nil {
		r.fail(err)
	}
	return string(b)
}

// Float32 reads four little-endian bytes as a float32.
func (r *Reader) Float32() float32 {
	var b [4]byte
	if _, err := io.ReadFull(r.Reader, b[:]); err != nil {
		r.fail(err)
	}
	return math.Float32frombits(binary.LittleEndian.Uint32(b[:]))
}

// StringMap reads n key and value pairs of at most max bytes each
// (the count having been read by the caller); nil when n is 0.
func (r *Reader) StringMap(n, max uint64) map[string]string {
	if n == 0 {
		return nil
	}
	mp := make(map[string]string, n)
	for range n {
		k := r.String(max)
		mp[k] = r.String(max)
		if r.err != nil {
			break
		}
	}
	return mp
}

// Weights reads a table written by Writer.Weights with rows of width
// weights and at most maxRows rows.
func (r *Reader) Weights(width int, maxRows uint64) (map[uint64]int32, []float32, error) {
	nf := r.Uvarint()
	if r.err != nil {
		return nil, nil, r.err
	}
	if nf > maxRows {
		return nil, nil, fmt.Errorf("bad feature count %d", nf)
	}
	index := make(map[uint64]int32, nf)
	w := make([]float32, int(nf)*width)
	prev := uint64(0)
	for i := range int(nf) {
		prev += r.Uvarint()
		index[prev] = int32(i)
		for range int(r.Uvarint()) {
			l, err := r.ReadByte()
			if err != nil || int(l) >= width {
				return nil, nil, errors.New("bad weight")
			}
			w[i*width+int(l)] = r.Float32()
		}
		if r.err != nil {
			return nil, nil, r.err
		}
	}
	return index, w, nil
}

// Prune drops the rows of a weight table whose weights are all within
// eps of zero (zeroing such weights in the rows kept) and renumbers the
// rest in key order.
func Prune(index map[uint64]int32, weights []float32, width int, eps float32) (map[uint64]int32, []float32) {
	keys := make([]uint64, 0, len(index))
	for k := range index {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	out := make(map[uint64]int32, len(keys))
	var w []float32
	for _, k := range keys {
		ws := weights[int(index[k])*width : int(index[k])*width+width]
		zero := true
		for i, v := range ws {
			if v > -eps && v < eps {
				ws[i] = 0
			} else {
				zero = false
			}
		}
		if zero {
			continue
		}
		out[k] = int32(len(out))
		w = append(w, ws...)
	}
	return out, w
}

// ContentSum is the SHA-256 of a model file's decompressed content: it
// tells whether two files hold the same model whatever gzip wrote them.
func ContentSum(r io.Reader) ([32]byte, error) {
	zr, err := gzip.NewReader(r)
	if err != nil {
		return [32]byte{}, err
	}
	h := sha256.New()
	if _, err := io.Copy(h, zr); err != nil {
		return [32]byte{}, err
	}
	return [32]byte(h.Sum(nil)), nil
}

// Averaged returns the averaged weights w - acc/c of a perceptron trained
// with the averaging trick (after c update steps, acc holding each
// weight's updates times the step they came at). Weights never updated
// stay 0 without arithmetic.
func Averaged(w []float32, acc []float64, c float64) []float32 {
	out := make([]float32, len(w))
	for i, v := range w {
		if v != 0 || acc[i] != 0 {
			out[i] = float32(float64(v) - acc[i]/c)
		}
	}
	return out
}
