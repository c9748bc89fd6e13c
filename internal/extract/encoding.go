package extract

import (
	"bytes"
	"fmt"
	"regexp"
	"strings"
	"unicode/utf8"

	"github.com/gogs/chardet"
	"golang.org/x/net/html/charset"
	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/htmlindex"
	"golang.org/x/text/encoding/unicode"

	"sitrep/internal/news"
)

// UTF16 reports whether raw is UTF-16 text and in which byte order
// ("UTF-16LE" or "UTF-16BE"), by its byte-order mark or, without one, by
// the pattern of NUL bytes that text in the Latin, Greek or Cyrillic
// alphabets leaves in every other byte. The source layer uses it to keep
// such input from being taken for binary data.
func UTF16(raw []byte) (order string, bom bool) {
	switch {
	case bytes.HasPrefix(raw, []byte{0xff, 0xfe}) && !bytes.HasPrefix(raw, []byte{0xff, 0xfe, 0, 0}):
		return "UTF-16LE", true
	case bytes.HasPrefix(raw, []byte{0xfe, 0xff}):
		return "UTF-16BE", true
	}
	sample := raw[:min(len(raw), 4096)&^1]
	if len(sample) < 4 {
		return "", false
	}
	var even, odd int // NUL bytes at even and odd offsets
	for i, c := range sample {
		if c == 0 {
			if i%2 == 0 {
				even++
			} else {
				odd++
			}
		}
	}
	half := len(sample) / 2
	switch {
	case odd*10 >= half*6 && even*20 <= half:
		return "UTF-16LE", false
	case even*10 >= half*6 && odd*20 <= half:
		return "UTF-16BE", false
	}
	return "", false
}

// xmlEncoding finds the encoding an XML declaration names.
var xmlEncoding = regexp.MustCompile(`^\s*<\?xml[^>]*\sencoding\s*=\s*["']([A-Za-z0-9._:-]+)["']`)

// decoded is raw turned into UTF-8 text and the repair that took, if any.
type decoded struct {
	text   string
	repair string // "" when raw was clean UTF-8
}

// decode returns raw as UTF-8 text. UTF-16 (by byte-order mark or NUL
// pattern) is decoded; so is text that is not UTF-8, in the charset an
// HTML page declares (BOM, <meta>, XML declaration) when html is set, else
// in the charset a detector names with enough confidence. Otherwise (UTF-8
// with a few broken sequences among valid multi-byte ones, or stray bytes
// no charset explains) the text keeps U+FFFD in place of each invalid
// byte, up to maxInvalid of the bytes; more is rejected. Every such repair, and any U+FFFD the input
// already held, is described in the result's repair, which the caller
// records as a problem on the article.
func decode(raw []byte, html bool, maxInvalid float64) (decoded, error) {
	if order, bom := UTF16(raw); order != "" {
		enc := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
		if order == "UTF-16BE" {
			enc = unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
		}
		how := "by its byte-order mark"
		if bom {
			raw = raw[2:]
		} else {
			how = "by the NUL bytes of its characters"
		}
		return finish(raw, enc, fmt.Sprintf("decoded from %s, detected %s", order, how), maxInvalid)
	}
	raw = bytes.TrimPrefix(raw, []byte("\xef\xbb\xbf"))
	if utf8.Valid(raw) {
		return finish(raw, nil, "", maxInvalid)
	}
	if html {
		if enc, name, how := declared(raw); enc != nil {
			return finish(raw, enc, fmt.Sprintf("decoded from %s, declared %s", name, how), maxInvalid)
		}
	}
	if brokenUTF8(raw) {
		return finish(raw, nil, "", maxInvalid)
	}
	if enc, name, why := detect(raw); enc != nil {
		return finish(raw, enc, fmt.Sprintf("decoded from %s, %s", name, why), maxInvalid)
	}
	// No charset recognised: a few stray bytes are replaced, more is not text.
	return finish(raw, nil, "", maxInvalid)
}

// declared returns the encoding an HTML page names other than UTF-8, by
// <meta> (or an HTTP-equiv) or an XML declaration, with its name and how
// it was declared; nil when it declares none or UTF-8.
func declared(raw []byte) (encoding.Encoding, string, string) {
	head := raw[:min(len(raw), 1024)]
	if m := xmlEncoding.FindSubmatch(head); m != nil {
		if enc, err := htmlindex.Get(string(m[1])); err == nil {
			name, _ := htmlindex.Name(enc)
			if name != "utf-8" {
				return enc, name, "in its XML declaration"
			}
		}
	}
	if enc, name, certain := charset.DetermineEncoding(raw, "text/html"); name != "utf-8" && name != "" && (certain || hasMetaCharset(raw)) {
		return enc, name, "in its <meta> tag"
	}
	return nil, "", ""
}

// hasMetaCharset reports whether the first 1 KiB names a charset at all
// (DetermineEncoding falls back to windows-1252 silently otherwise).
func hasMetaCharset(raw []byte) bool {
	return bytes.Contains(bytes.ToLower(raw[:min(len(raw), 1024)]), []byte("charset"))
}

// brokenUTF8 reports whether raw reads as UTF-8 with damage rather than
// as a legacy encoding: it holds valid multi-byte sequences, and at least
// as many of them as invalid bytes. Text in an 8-bit charset almost never
// forms a valid multi-byte UTF-8 sequence.
func brokenUTF8(raw []byte) bool {
	multi, invalid := 0, 0
	for i := 0; i < len(raw); {
		r, n := utf8.DecodeRune(raw[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			invalid++
		case n > 1:
			multi++
		}
		i += n
	}
	return multi > 0 && multi >= invalid
}

// minConfidence is the detector confidence (0–100) from which text that
// is not UTF-8 is decoded in the charset it names. On our samples French
// in ISO-8859-1 scores 81, English with one accented letter 98, Russian in
// windows-1251 46; random bytes and ASCII with one stray byte score 17–21.
const minConfidence = 40

// detect names the legacy charset of raw with a detector, or returns nil
// when it is not confident enough.
func detect(raw []byte) (encoding.Encoding, string, string) {
	res, err := chardet.NewTextDetector().DetectBest(raw)
	if err != nil || res.Confidence < minConfidence {
		return nil, "", ""
	}
	name := strings.ToLower(res.Charset)
	enc, err := htmlindex.Get(name)
	if err != nil || strings.HasPrefix(name, "utf") {
		return nil, "", ""
	}
	canon, _ := htmlindex.Name(enc)
	return enc, canon, fmt.Sprintf("detected (confidence %d%%)", res.Confidence)
}

// finish decodes raw with enc (nil: raw is UTF-8), replaces invalid
// sequences with U+FFFD up to maxInvalid of the bytes, and describes what
// it did after repair.
func finish(raw []byte, enc encoding.Encoding, repair string, maxInvalid float64) (decoded, error) {
	if enc != nil {
		out, err := enc.NewDecoder().Bytes(raw)
		if err != nil {
			return decoded{}, fmt.Errorf("%w: %s: %v", news.ErrRejected, repair, err)
		}
		raw = out
	}
	s, invalid, err := toValidUTF8(raw, maxInvalid)
	if err != nil {
		return decoded{}, err
	}
	var notes []string
	if repair != "" {
		notes = append(notes, repair)
	}
	if invalid > 0 {
		notes = append(notes, fmt.Sprintf("%d invalid UTF-8 bytes replaced with U+FFFD", invalid))
	}
	if n := strings.Count(s, "\uFFFD") - invalid; n > 0 {
		notes = append(notes, fmt.Sprintf("the input holds %d U+FFFD replacement characters", n))
	}
	return decoded{text: s, repair: strings.Join(notes, "; ")}, nil
}

// noteRepair records a decoding repair as a problem on the article.
func noteRepair(a *news.Article, d decoded) {
	if d.repair != "" {
		a.Problems = append(a.Problems, news.Problem{Stage: "extract", Message: "encoding: " + d.repair})
	}
}
