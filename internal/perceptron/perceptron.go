// Package perceptron holds the machinery the averaged-perceptron models
// (internal/ner, internal/attribution, internal/syntax) share: the binary
// encoding of their gzipped model files (varints, strings, float32s and a sparse,
// delta-coded weight table) and the pruning of near-zero weights.
package perceptron

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"crypto/sha256"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"

	kgzip "github.com/klauspost/compress/gzip"
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

// MaxModelBytes bounds the decompressed size of a model file.
const MaxModelBytes = 1 << 30

// Open starts reading a model file written by Save: it returns a Reader
// past the magic and which of the accepted magics the file has. The
// file is decompressed whole, at most MaxModelBytes.
func Open(r io.Reader, magics ...string) (*Reader, string, error) {
	b, err := Decompress(r)
	if err != nil {
		return nil, "", err
	}
	for _, m := range magics {
		if rest, ok := bytes.CutPrefix(b, []byte(m)); ok {
			return NewReader(rest), m, nil
		}
	}
	return nil, "", errors.New("bad magic")
}

// Decompress returns the content of a gzip stream of at most
// MaxModelBytes.
func Decompress(r io.Reader) ([]byte, error) {
	zr, err := kgzip.NewReader(r)
	if err != nil {
		return nil, err
	}
	b, err := io.ReadAll(io.LimitReader(zr, MaxModelBytes+1))
	if err != nil {
		return nil, err
	}
	if len(b) > MaxModelBytes {
		return nil, fmt.Errorf("more than %d bytes", MaxModelBytes)
	}
	return b, nil
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
// the i-th key of index at i. Keys go in order, delta-coded, and each row
// as its count of non-zero weights and then (label byte, float32) pairs.
func (w *Writer) Weights(index *Index, weights []float32, width int) {
	w.Uvarint(uint64(index.Len()))
	prev := uint64(0)
	for r, k := range index.Keys() {
		w.Uvarint(k - prev) // delta-coded keys compress well
		prev = k
		ws := weights[r*width : r*width+width]
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

// Reader reads the primitives Writer writes from the bytes of a model.
// The first error sticks: the readers return zero values after it, and
// Err reports it.
type Reader struct {
	b   []byte
	err error
}

// NewReader returns a Reader over b.
func NewReader(b []byte) *Reader { return &Reader{b: b} }

// Err is the first error met, nil if none.
func (r *Reader) Err() error { return r.err }

// Len returns the number of bytes left to read: a table of n entries of
// at least one byte each needs n of them, which bounds what a damaged
// file can make a reader allocate.
func (r *Reader) Len() int { return len(r.b) }

func (r *Reader) fail(err error) {
	if r.err == nil {
		r.err = err
	}
	r.b = nil
}

// Read reads up to len(p) bytes (io.Reader).
func (r *Reader) Read(p []byte) (int, error) {
	if len(r.b) == 0 {
		return 0, io.EOF
	}
	n := copy(p, r.b)
	r.b = r.b[n:]
	return n, nil
}

// ReadByte reads one byte (io.ByteReader).
func (r *Reader) ReadByte() (byte, error) {
	if len(r.b) == 0 {
		return 0, io.ErrUnexpectedEOF
	}
	c := r.b[0]
	r.b = r.b[1:]
	return c, nil
}

// Uvarint reads an unsigned varint.
func (r *Reader) Uvarint() uint64 {
	v, n := binary.Uvarint(r.b)
	if n <= 0 {
		r.fail(errors.New("bad varint"))
		return 0
	}
	r.b = r.b[n:]
	return v
}

// String reads a string of at most max bytes.
func (r *Reader) String(max uint64) string {
	n := r.Uvarint()
	if n > max || n > uint64(len(r.b)) {
		r.fail(errors.New("bad string length"))
		return ""
	}
	s := string(r.b[:n])
	r.b = r.b[n:]
	return s
}

// Float32 reads four little-endian bytes as a float32.
func (r *Reader) Float32() float32 {
	if len(r.b) < 4 {
		r.fail(io.ErrUnexpectedEOF)
		return 0
	}
	v := math.Float32frombits(binary.LittleEndian.Uint32(r.b))
	r.b = r.b[4:]
	return v
}

// StringMap reads n key and value pairs of at most max bytes each
// (the count having been read by the caller); nil when n is 0.
func (r *Reader) StringMap(n, max uint64) map[string]string {
	if n == 0 {
		return nil
	}
	if n > uint64(len(r.b)) {
		r.fail(errors.New("bad table length"))
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
func (r *Reader) Weights(width int, maxRows uint64) (*Index, []float32, error) {
	nf := r.Uvarint()
	if r.err != nil {
		return nil, nil, r.err
	}
	if nf > maxRows || nf > uint64(r.Len()) {
		return nil, nil, fmt.Errorf("bad feature count %d", nf)
	}
	keys := make([]uint64, nf)
	w := make([]float32, int(nf)*width)
	prev := uint64(0)
	for i := range int(nf) {
		d := r.Uvarint()
		if d == 0 && i > 0 {
			return nil, nil, errors.New("keys out of order")
		}
		prev += d
		keys[i] = prev
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
	return NewIndex(keys), w, nil
}

// Prune drops the rows of a weight table whose weights are all within
// eps of zero (zeroing such weights in the rows kept) and renumbers the
// rest in key order.
func Prune(index *Index, weights []float32, width int, eps float32) (*Index, []float32) {
	var keys []uint64
	var w []float32
	for r, k := range index.Keys() {
		ws := weights[r*width : r*width+width]
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
		keys = append(keys, k)
		w = append(w, ws...)
	}
	return NewIndex(keys), w
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
