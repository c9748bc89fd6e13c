package syntax

import (
	"unicode"
	"unicode/utf8"
)

// appendNorm appends the lower-cased form of w with typographic quotes
// and dashes straightened, the key word clusters are stored under (the
// same as ner.ClusterKey, without allocating).
func appendNorm(buf []byte, w string) []byte {
	for i := 0; i < len(w); {
		c := w[i]
		if c < utf8.RuneSelf {
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			} else if c == '`' {
				c = '\''
			}
			buf = append(buf, c)
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(w[i:])
		i += size
		switch r {
		case '’', '‘':
			buf = append(buf, '\'')
		case '“', '”', '„':
			buf = append(buf, '"')
		case '–':
			buf = append(buf, '-')
		case '—':
			buf = append(buf, '-', '-')
		default:
			buf = utf8.AppendRune(buf, unicode.ToLower(r))
		}
	}
	return buf
}

// hashBytes is 64-bit FNV-1a over b.
func hashBytes(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// hashDigitsZero hashes b with every ASCII digit read as 0, so that
// "1,234" and "5,678" share features.
func hashDigitsZero(b []byte) uint64 {
	h := uint64(14695981039346656037)
	for _, c := range b {
		if c >= '1' && c <= '9' {
			c = '0'
		}
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// hashDigitsZeroString is hashDigitsZero over a string.
func hashDigitsZeroString(s string) uint64 {
	h := uint64(14695981039346656037)
	for i := 0; i < len(s); i++ {
		c := s[i]
		if c >= '1' && c <= '9' {
			c = '0'
		}
		h ^= uint64(c)
		h *= 1099511628211
	}
	return h
}

// suffixHash hashes the last n runes of b (all of b when shorter), and
// prefixHash the first n.
func suffixHash(b []byte, n int) uint64 {
	i := len(b)
	for k := 0; k < n && i > 0; k++ {
		_, size := utf8.DecodeLastRune(b[:i])
		i -= size
	}
	return hashBytes(b[i:]) ^ uint64(n)<<56
}

func prefixHash(b []byte, n int) uint64 {
	i := 0
	for k := 0; k < n && i < len(b); k++ {
		_, size := utf8.DecodeRune(b[i:])
		i += size
	}
	return hashBytes(b[:i]) ^ uint64(n)<<56
}

// shapeHash hashes the collapsed shape of w: upper-case letters as X,
// lower-case as x, digits as d, other ASCII kept, other runes as *, runs
// of one class written once ("Xx", "d,d", "X.X."); plus the length
// bucket of w.
func shapeHash(w string) uint64 {
	h := uint64(14695981039346656037)
	var last byte
	n := 0
	for _, r := range w {
		var c byte
		switch {
		case r >= 'a' && r <= 'z':
			c = 'x'
		case r >= 'A' && r <= 'Z':
			c = 'X'
		case r >= '0' && r <= '9':
			c = 'd'
		case r < utf8.RuneSelf:
			c = byte(r)
		case unicode.IsUpper(r):
			c = 'X'
		case unicode.IsLower(r):
			c = 'x'
		case unicode.IsDigit(r):
			c = 'd'
		default:
			c = '*'
		}
		n++
		if c != last {
			h ^= uint64(c)
			h *= 1099511628211
		}
		last = c
	}
	switch {
	case n <= 2:
		h ^= 1 << 60
	case n <= 4:
		h ^= 2 << 60
	case n <= 8:
		h ^= 3 << 60
	default:
		h ^= 4 << 60
	}
	return h
}

// clusterPrefixes returns hashes of the 4-, 6- and 10-bit prefixes and
// the full path of a Brown cluster bit string; zeros when there is none.
func clusterPrefixes(path string) (c4, c6, c10, full uint64) {
	if path == "" {
		return 0, 0, 0, 0
	}
	p := func(n int) uint64 {
		if len(path) < n {
			n = len(path)
		}
		return hashString(path[:n]) ^ uint64(n)<<56
	}
	return p(4), p(6), p(10), hashString(path) | 1
}
