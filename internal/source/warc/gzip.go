package warc

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
)

// GzipDamage is a damaged gzip member the reader skipped.
type GzipDamage struct {
	// Offset is the damaged member's first byte in the compressed input.
	Offset int64
	// Resumed is where reading went on: the next member that decoded,
	// or -1 when none followed.
	Resumed int64
	// Err is why the member did not decode.
	Err error
}

// Error returns "damaged gzip member at offset O skipped: reason; …".
func (d GzipDamage) Error() string {
	after := "nothing readable after it"
	if d.Resumed >= 0 {
		after = fmt.Sprintf("reading resumed at the next member, offset %d", d.Resumed)
	}
	return fmt.Sprintf("damaged gzip member at offset %d skipped: %s; %s", d.Offset, oneLine(d.Err.Error()), after)
}

// members decompresses a gzip stream member by member (RFC 1952: a
// .warc.gz is a concatenation of members, usually one per record). A
// member's output is held until the member ends with a good checksum, up
// to hold bytes; a larger member is passed on as it decompresses. A held
// member that fails (a bad header, corrupt deflate data, a bad checksum
// or length) is dropped and reported (takeDamage), and reading goes on
// at the next member header (1f 8b 08) after the damaged member's first
// byte, so the complete records after it are kept. A member that fails
// with no member after it ends the stream as a plain gzip reader would:
// its output so far, then its error. A member passed on as it
// decompresses has no output to drop: it is reported and cut, and the
// WARC reader resynchronises on the record it leaves torn.
type members struct {
	in       *tee
	zr       *gzip.Reader
	hold     int
	out      []byte // the current member's output not read yet
	pos      int
	streamed bool // the current member is passed on as it decompresses
	open     *GzipDamage
	damages  []GzipDamage
	err      error
}

func newMembers(r *bufio.Reader, hold int) *members {
	return &members{in: &tee{r: r, keepMax: hold}, hold: hold}
}

// takeDamage returns the damaged members found since the last call.
func (m *members) takeDamage() []GzipDamage {
	d := m.damages
	m.damages = nil
	return d
}

// setHold changes how much of a member is held to be checked.
func (m *members) setHold(n int) { m.hold, m.in.keepMax = n, n }

func (m *members) Read(p []byte) (int, error) {
	for m.pos == len(m.out) {
		if m.err != nil {
			return 0, m.err
		}
		m.fill()
	}
	n := copy(p, m.out[m.pos:])
	m.pos += n
	return n, nil
}

// fill decodes the next piece of output into m.out, or sets m.err.
func (m *members) fill() {
	m.out, m.pos = m.out[:0], 0
	if m.streamed {
		m.out = m.out[:cap(m.out)]
		n, err := m.zr.Read(m.out)
		m.out = m.out[:n]
		switch {
		case err == io.EOF:
			m.streamed = false
		case err != nil:
			m.streamed = false
			m.failed(m.in.memberStart, err, false)
		}
		return
	}
	start := m.in.off
	if _, err := m.in.r.Peek(1); err != nil {
		m.end(err)
		return
	}
	m.in.begin()
	err := m.reset()
	if err == nil {
		err = m.decode()
	}
	switch {
	case err == nil:
		if m.open != nil {
			m.open.Resumed = start
			m.damages = append(m.damages, *m.open)
			m.open = nil
		}
	case m.streamed:
		// Passed on already: nothing to drop.
	default:
		m.failed(start, err, true)
	}
}

// reset starts a member at the input's position.
func (m *members) reset() error {
	if m.zr == nil {
		zr, err := gzip.NewReader(m.in)
		if err != nil {
			return err
		}
		m.zr = zr
	} else if err := m.zr.Reset(m.in); err != nil {
		return err
	}
	m.zr.Multistream(false)
	return nil
}

// decode reads the member into m.out, up to m.hold bytes; at the limit
// the member is passed on as it decompresses (m.streamed).
func (m *members) decode() error {
	if cap(m.out) < 64<<10 {
		m.out = make([]byte, 0, 64<<10)
	}
	for {
		if len(m.out) == cap(m.out) {
			if len(m.out) >= m.hold {
				m.streamed = true
				return nil
			}
			m.out = append(m.out, 0)[:len(m.out)]
		}
		n, err := m.zr.Read(m.out[len(m.out):cap(m.out)])
		m.out = m.out[:len(m.out)+n]
		if err == io.EOF {
			return nil
		}
		if err != nil {
			if err == io.EOF {
				err = io.ErrUnexpectedEOF
			}
			return err
		}
	}
}

// failed handles a member starting at start that did not decode: it
// looks for the next member header after start and goes on there,
// keeping the damage open until a member decodes. With none after it the
// stream ends: a held member's output so far, then err.
func (m *members) failed(start int64, err error, held bool) {
	if held {
		m.in.rewind(start)
	}
	if m.in.next() {
		if m.open == nil {
			m.open = &GzipDamage{Offset: start, Err: err}
		}
		m.out = m.out[:0]
		return
	}
	if m.open != nil {
		// The damage before this member was never followed by a good one.
		m.open.Resumed = -1
		m.damages = append(m.damages, *m.open)
		m.open = nil
		m.out = m.out[:0]
		m.err = io.EOF
		return
	}
	if !held {
		m.out = m.out[:0]
	}
	if errors.Is(err, io.EOF) {
		err = io.ErrUnexpectedEOF
	}
	m.err = err
}

// end ends the stream at the end of the input (or a read error).
func (m *members) end(err error) {
	if m.open != nil {
		m.open.Resumed = -1
		m.damages = append(m.damages, *m.open)
		m.open = nil
	}
	m.err = err
}

// tee reads the compressed input for gzip (as an io.ByteReader, so gzip
// reads no further than a member's end), counting the offset and keeping
// the bytes of the current member, up to keepMax, for a rescan.
type tee struct {
	r           *bufio.Reader
	off         int64
	memberStart int64
	kept        []byte
	keepMax     int
	overflow    bool // the member is longer than keepMax: kept is not all of it
}

func (t *tee) begin() {
	t.memberStart, t.kept, t.overflow = t.off, t.kept[:0], false
}

func (t *tee) keep(b []byte) {
	if t.overflow {
		return
	}
	if len(t.kept)+len(b) > t.keepMax {
		t.overflow = true
		return
	}
	t.kept = append(t.kept, b...)
}

func (t *tee) ReadByte() (byte, error) {
	c, err := t.r.ReadByte()
	if err == nil {
		t.off++
		t.keep([]byte{c})
	}
	return c, err
}

func (t *tee) Read(p []byte) (int, error) {
	n, err := t.r.Read(p)
	t.off += int64(n)
	t.keep(p[:n])
	return n, err
}

// rewind goes back to the byte after start, the first byte of the
// current member, when all of the member read so far is kept; else the
// search goes on from where the member failed.
func (t *tee) rewind(start int64) {
	if t.overflow || start != t.memberStart || len(t.kept) == 0 {
		return
	}
	back := append([]byte(nil), t.kept[1:]...)
	t.r = bufio.NewReaderSize(io.MultiReader(bytes.NewReader(back), t.r), 64<<10)
	t.off = start + 1
	t.kept = t.kept[:0]
}

// gzipMagic starts every gzip member: ID1, ID2 and CM (deflate).
var gzipMagic = []byte{0x1f, 0x8b, 0x08}

// next moves to the next member header (the magic bytes and a flag
// byte with no reserved bit set) and reports whether there is one.
func (t *tee) next() bool {
	for {
		peek, err := t.r.Peek(t.r.Size())
		for i := 0; i+len(gzipMagic) < len(peek); i++ {
			if bytes.HasPrefix(peek[i:], gzipMagic) && peek[i+3]&0xe0 == 0 {
				t.discard(i)
				return true
			}
		}
		if err != nil && err != bufio.ErrBufferFull {
			t.discard(len(peek))
			return false
		}
		t.discard(max(len(peek)-len(gzipMagic), 1))
	}
}

func (t *tee) discard(n int) {
	d, _ := t.r.Discard(n)
	t.off += int64(d)
}
