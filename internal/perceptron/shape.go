package perceptron

import (
	"unicode"
	"unicode/utf8"
)

// ShapeClass is the class of a rune in a word shape: X upper case, x
// lower case, d digit, other ASCII runes themselves, '*' the rest.
func ShapeClass(r rune) byte {
	switch {
	case r >= 'a' && r <= 'z':
		return 'x'
	case r >= 'A' && r <= 'Z':
		return 'X'
	case r >= '0' && r <= '9':
		return 'd'
	case r < utf8.RuneSelf:
		return byte(r)
	case unicode.IsUpper(r):
		return 'X'
	case unicode.IsLower(r):
		return 'x'
	case unicode.IsDigit(r):
		return 'd'
	}
	return '*'
}

// Shapes returns the shape of w (the ShapeClass of each rune, at most
// maxFull of them) and its collapsed form, runs of one class written
// once (at most maxShort classes; no limit if maxShort < 0).
func Shapes(w string, maxFull, maxShort int) (string, string) {
	var fb, sb [64]byte
	full, short := fb[:0], sb[:0]
	var last byte
	n := 0
	for _, r := range w {
		c := ShapeClass(r)
		if n < maxFull {
			full = append(full, c)
		}
		n++
		if c != last && (maxShort < 0 || len(short) < maxShort) {
			short = append(short, c)
		}
		last = c
	}
	return string(full), string(short)
}
