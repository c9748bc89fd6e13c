package extract

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/RadhiFadlillah/whatlanggo"
	"github.com/markusmobius/go-trafilatura"
	"golang.org/x/text/unicode/norm"

	"sitrep/internal/news"
)

// Focus trades precision of the HTML body extraction against recall.
type Focus uint8

// Extraction focus values; the zero value is Balanced.
const (
	Balanced       Focus = iota // go-trafilatura's default trade-off
	FavorRecall                 // keep more text when unsure
	FavorPrecision              // keep less text, drop more doubtful parts
)

// Options configures an Extractor. The zero value is the recommended
// setting.
type Options struct {
	// Fallback also runs go-trafilatura's fallback extractors
	// (go-readability and go-domdistiller) on every page and keeps the
	// best candidate. On the article-extraction benchmark it costs about
	// 40% more time for no gain in F1, so it is off by default.
	Fallback bool
	// Focus trades precision against recall for HTML bodies.
	Focus Focus
	// ExcludeTables drops the content of HTML tables.
	ExcludeTables bool
	// ExtensiveDate lets go-htmldate parse dates written in words, in
	// many languages, through go-dateparser. It is slower.
	ExtensiveDate bool
	// MaxInvalidUTF8 is the share of bytes in invalid UTF-8 sequences
	// above which text is rejected rather than repaired; 0 means 0.02.
	MaxInvalidUTF8 float64
}

// Extractor is the extract stage. It is safe for concurrent use.
type Extractor struct {
	opts  Options
	trafo trafilatura.Options
}

// New returns an Extractor with the given options.
func New(opts Options) *Extractor {
	if opts.MaxInvalidUTF8 <= 0 {
		opts.MaxInvalidUTF8 = 0.02
	}
	to := trafilatura.Options{
		EnableFallback:  opts.Fallback,
		ExcludeComments: true,
		ExcludeTables:   opts.ExcludeTables,
		// The date is looked up separately, and only when the source did
		// not provide one: see [Extractor.publishedDate].
		HtmlDateMode: trafilatura.Disabled,
	}
	switch opts.Focus {
	case FavorRecall:
		to.Focus = trafilatura.FavorRecall
	case FavorPrecision:
		to.Focus = trafilatura.FavorPrecision
	}
	return &Extractor{opts: opts, trafo: to}
}

// Process turns a.Raw into a.Text and metadata and sets a.ID. Input that
// is not UTF-8 is decoded first (UTF-16, a declared or detected legacy
// charset, a few broken sequences replaced with U+FFFD) and the repair is
// recorded as a problem of stage "extract" on the article. It returns an
// error wrapping news.ErrRejected for input that cannot become an
// article: binary data, text too damaged to repair, HTML without an
// article body, or nothing left after cleaning. Once the text is
// extracted it clears a.Raw (a.RawSize keeps its size), so the raw bytes
// are not held past this stage.
func (e *Extractor) Process(ctx context.Context, a *news.Article) error {
	if err := ctx.Err(); err != nil {
		return err
	}
	var err error
	switch a.Format {
	case news.FormatHTML:
		err = e.processHTML(a)
	case news.FormatText, "":
		err = e.processText(a)
	default:
		return fmt.Errorf("%w: unknown format %q", news.ErrRejected, a.Format)
	}
	if err != nil {
		return err
	}
	a.Text = cleanBody(a.Text)
	if a.Text == "" {
		return fmt.Errorf("%w: empty", news.ErrRejected)
	}
	a.Title, _ = cleanTitle(a.Title, a.Text, a.Outlet, a.URL, nil)
	a.Author = cleanAuthor(a.Author, a.Outlet)
	a.Outlet = cleanOutlet(a.Outlet, a.URL, "")
	if a.Language == "" {
		a.Language = detectLanguage(a.Text)
	}
	if a.Outlet == "" {
		a.Outlet = news.Host(a.URL) // the site stands in for an unnamed outlet
	}
	a.ID = news.ArticleID(a.URL, a.Text)
	a.Raw = nil
	return nil
}

// toValidUTF8 checks raw for binary content and invalid UTF-8. A few
// invalid bytes are replaced with U+FFFD and counted; a larger share,
// above max, is rejected.
func toValidUTF8(raw []byte, max float64) (string, int, error) {
	if bytes.IndexByte(raw, 0) >= 0 {
		return "", 0, fmt.Errorf("%w: binary", news.ErrRejected)
	}
	if utf8.Valid(raw) {
		if isBinary(raw) {
			return "", 0, fmt.Errorf("%w: binary", news.ErrRejected)
		}
		return string(raw), 0, nil
	}
	invalid := 0
	for i := 0; i < len(raw); {
		r, n := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && n <= 1 {
			invalid++
		}
		i += n
	}
	if float64(invalid) > max*float64(len(raw)) && invalid > 2 {
		return "", 0, fmt.Errorf("%w: not UTF-8 text (%d of %d bytes invalid)", news.ErrRejected, invalid, len(raw))
	}
	if isBinary(raw) {
		return "", 0, fmt.Errorf("%w: binary", news.ErrRejected)
	}
	var b strings.Builder
	b.Grow(len(raw) + 2*invalid)
	for i := 0; i < len(raw); {
		r, n := utf8.DecodeRune(raw[i:])
		if r == utf8.RuneError && n <= 1 {
			b.WriteRune(utf8.RuneError)
		} else {
			b.Write(raw[i : i+n])
		}
		i += n
	}
	return b.String(), invalid, nil
}

// isBinary reports whether more than one byte in ten is an ASCII control
// character other than the usual whitespace.
func isBinary(raw []byte) bool {
	ctl := 0
	for _, c := range raw {
		if c < 0x20 && c != '\n' && c != '\r' && c != '\t' && c != '\f' && c != '\v' && c != 0x1b {
			ctl++
		}
	}
	return ctl*10 > len(raw)
}

// cleanText applies the text hygiene both formats share and returns the
// text's lines: line endings normalised, control and format (zero-width)
// characters dropped, every other kind of space turned into one ASCII
// space, runs of spaces collapsed, lines trimmed, and the result in
// Unicode NFC. Blank lines are kept as "" to mark paragraph breaks.
func cleanText(s string) []string {
	var b strings.Builder
	b.Grow(len(s))
	space := false // a space is pending
	for i := 0; i < len(s); {
		r, n := utf8.DecodeRuneInString(s[i:])
		i += n
		switch {
		case r == '\r':
			if i < len(s) && s[i] == '\n' {
				i++
			}
			r = '\n'
		case r == '\u2028' || r == '\u2029' || r == '\v' || r == '\f' || r == '\u0085':
			r = '\n'
		}
		switch {
		case r == '\n':
			space = false
			b.WriteByte('\n')
		case unicode.IsSpace(r):
			space = true
		case unicode.Is(unicode.Cc, r) || unicode.Is(unicode.Cf, r):
			// dropped: controls, zero-width and bidi marks, soft hyphens
		default:
			if space {
				if b.Len() > 0 && !endsWithNewline(&b) {
					b.WriteByte(' ')
				}
				space = false
			}
			b.WriteRune(r)
		}
	}
	t := norm.NFC.String(b.String())
	lines := strings.Split(t, "\n")
	for i, l := range lines {
		lines[i] = strings.TrimSpace(l)
	}
	return lines
}

func endsWithNewline(b *strings.Builder) bool {
	s := b.String()
	return s[len(s)-1] == '\n'
}

// cleanParagraph applies cleanText to one paragraph and joins its lines
// with single spaces.
func cleanParagraph(s string) string {
	lines := cleanText(s)
	out := lines[:0]
	for _, l := range lines {
		if l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, " ")
}

// englishFunctionWords are frequent English words that are rare as words
// of other languages written in Latin script.
var englishFunctionWords = map[string]bool{
	"the": true, "of": true, "and": true, "to": true, "in": true, "is": true,
	"that": true, "for": true, "on": true, "with": true, "was": true, "said": true,
	"by": true, "it": true, "as": true, "are": true, "from": true, "has": true,
	"have": true, "were": true, "this": true, "which": true, "its": true, "their": true,
}

// looksEnglish reports whether at least 30 words were seen and a fifth of
// them are English function words.
func looksEnglish(text string) bool {
	words, hits := 0, 0
	for w := range strings.FieldsSeq(text) {
		w = strings.ToLower(strings.Trim(w, `.,;:!?"'()“”‘’`))
		if w == "" {
			continue
		}
		words++
		if englishFunctionWords[w] {
			hits++
		}
	}
	return words >= 30 && hits*5 >= words
}

// detectLanguage returns the ISO 639-1 code of the text's language, or ""
// when the detector is not confident (short texts). It looks at the first
// 1,500 bytes only. Most news in sitrep is English, so a text whose
// opening words are at least a fifth English function words is taken as
// English without running the trigram detector, which costs 20 times more.
func detectLanguage(text string) string {
	const maxBytes = 1500
	if len(text) > maxBytes {
		cut := maxBytes
		for cut > 0 && !utf8.RuneStart(text[cut]) {
			cut--
		}
		text = text[:cut]
	}
	if looksEnglish(text) {
		return "en"
	}
	info := whatlanggo.Detect(text)
	if !info.IsReliable() {
		return ""
	}
	return info.Lang.Iso6391()
}
