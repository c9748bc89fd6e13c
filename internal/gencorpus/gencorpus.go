// Package gencorpus builds a large synthetic news corpus from a small set
// of real articles, for scale benchmarks. It runs at benchmark time on
// texts read from disk (nothing of them is kept in the repository) and is
// deterministic for a seed.
//
// Most generated articles are originals: a real base article chosen near
// the article's place in time (within a wide window, so that a stretch of
// the corpus draws on hundreds of bases), most of whose sentences are
// replaced by real sentences of other articles of the base's period (a
// wider window still), so that two originals drawn from one base share
// little and a sentence recurs in few articles of a stretch: with only
// hundreds of real articles behind a corpus of 100,000, the reuse of
// sentences is what makes originals look like copies to the provenance
// judge, which finds partial copies in the union of its candidates. The rest derive from an earlier
// generated article (of the last Window): exact copies under another
// outlet, near copies (paragraphs dropped, new ones added: updates and
// partial reuse) and rewrites (a part of the sentences kept, the rest
// new). Families therefore stay realistic in size — most articles alone,
// some pairs, a tail of wire stories copied many times — instead of every
// article copying every other.
package gencorpus

import (
	"bufio"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math/rand/v2"
	"sort"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"sitrep/internal/source/jsonl"
)

// Source is one real article the generator draws from: its date and its
// text as paragraphs of sentences.
type Source struct {
	Date       time.Time
	Paragraphs [][]string
}

// ReadSources reads real articles from JSONL (one object a line with a
// "text" and a "date" field, as ukraine-war-news/articles.jsonl), keeping
// those of at least minWords words and a date, sorted by date. Lines that
// are not JSON objects with a text and a recognised date are skipped.
func ReadSources(r io.Reader, minWords int) ([]Source, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 1<<20), 64<<20)
	var out []Source
	for sc.Scan() {
		var rec struct {
			Text string `json:"text"`
			Date string `json:"date"`
		}
		if json.Unmarshal(sc.Bytes(), &rec) != nil || len(strings.Fields(rec.Text)) < minWords {
			continue
		}
		d, ok := jsonl.ParseTime(rec.Date)
		if !ok {
			continue // the timeline needs a date
		}
		s := Source{Date: d}
		for _, p := range strings.Split(strings.ReplaceAll(rec.Text, "\r\n", "\n"), "\n\n") {
			if ss := SplitSentences(p); len(ss) > 0 {
				s.Paragraphs = append(s.Paragraphs, ss)
			}
		}
		if len(s.Paragraphs) > 0 {
			out = append(out, s)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].Date.Before(out[j].Date) })
	return out, nil
}

// abbreviations end with a period without ending a sentence.
var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "st": true, "gen": true, "col": true,
	"lt": true, "sgt": true, "rep": true, "sen": true, "gov": true, "no": true, "vs": true,
	"jan": true, "feb": true, "aug": true, "sept": true, "sep": true, "oct": true, "nov": true,
	"dec": true, "u.s": true, "u.k": true, "u.n": true, "e.g": true, "i.e": true, "prof": true,
	"maj": true, "capt": true, "adm": true, "jr": true, "sr": true, "inc": true, "corp": true,
}

// SplitSentences cuts a paragraph into sentences at a ., ! or ? (and any
// closing quotes or brackets) followed by white space and a capital letter,
// a digit or an opening quote, unless the period ends a known abbreviation
// or a single letter. It is a rough splitter: the generator only needs
// real sentences as units, not exact boundaries.
func SplitSentences(p string) []string {
	p = strings.Join(strings.Fields(p), " ")
	var out []string
	start := 0
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(p) && strings.ContainsRune("\"')]”’", rune(p[j])) {
			j++
		}
		if j < len(p) && p[j] >= 0x80 { // a closing curly quote
			r, n := utf8.DecodeRuneInString(p[j:])
			if r == '”' || r == '’' {
				j += n
			}
		}
		if j >= len(p) || p[j] != ' ' || j+1 >= len(p) {
			continue
		}
		next, _ := utf8.DecodeRuneInString(p[j+1:])
		if !unicode.IsUpper(next) && !unicode.IsDigit(next) && !strings.ContainsRune("\"'“‘(", next) {
			continue
		}
		if c == '.' {
			w := p[start:i]
			if k := strings.LastIndexByte(w, ' '); k >= 0 {
				w = w[k+1:]
			}
			w = strings.ToLower(strings.TrimLeft(w, "\"'(“‘"))
			if abbreviations[w] || utf8.RuneCountInString(w) == 1 {
				continue
			}
		}
		out = append(out, p[start:j])
		start = j + 1
		i = j
	}
	if s := strings.TrimSpace(p[start:]); s != "" {
		out = append(out, s)
	}
	return out
}

// Kinds of generated articles.
const (
	KindOriginal = "original"
	KindCopy     = "copy"
	KindNear     = "near_copy"
	KindRewrite  = "rewrite"
)

// Options tunes Generate; zero values take the defaults.
type Options struct {
	// N is how many articles to write (default 1,000).
	N int
	// Seed makes the corpus reproducible.
	Seed uint64
	// Copy, Near and Rewrite are the shares of articles derived from an
	// earlier one: exact copies (default 0.06), near copies (0.08) and
	// rewrites (0.06). The rest are originals. A negative share is zero.
	Copy, Near, Rewrite float64
	// Window is how far back (in generated articles) a derived article's
	// source is drawn (default 2,000): copies follow their source closely.
	Window int
	// Keep is the share of a base article's sentences an original keeps
	// (default 0.2); the others are real sentences of articles of the
	// same period.
	Keep float64
	// Outlets is how many synthetic outlets publish (default 400).
	Outlets int
	// Start and End bound the originals' dates (default: the sources'
	// first and last dates).
	Start, End time.Time
}

func (o *Options) defaults(src []Source) {
	if o.N <= 0 {
		o.N = 1000
	}
	share := func(p *float64, def float64) {
		if *p == 0 {
			*p = def
		} else if *p < 0 {
			*p = 0
		}
	}
	share(&o.Copy, 0.06)
	share(&o.Near, 0.08)
	share(&o.Rewrite, 0.06)
	if o.Window <= 0 {
		o.Window = 2000
	}
	if o.Keep <= 0 || o.Keep > 1 {
		o.Keep = 0.2
	}
	if o.Outlets <= 0 {
		o.Outlets = 400
	}
	if o.Start.IsZero() {
		o.Start = src[0].Date
	}
	if o.End.IsZero() {
		o.End = src[len(src)-1].Date
	}
	if !o.End.After(o.Start) {
		o.End = o.Start.Add(24 * time.Hour * 365)
	}
}

// Stats describes a generated corpus.
type Stats struct {
	// Articles is how many were written; Kinds counts them by kind.
	Articles int
	Kinds    map[string]int
	// Families counts families (an original and every article derived
	// from it or its derivatives) by size.
	Families map[int]int
	// Bytes is the total text size.
	Bytes int64
}

// Record is one generated article as written (a JSONL line). Family is
// the index of the original it derives from (itself for an original),
// Kind how it was made.
type Record struct {
	URL    string `json:"url"`
	Outlet string `json:"outlet"`
	Date   string `json:"date"`
	Title  string `json:"title"`
	Text   string `json:"text"`
	Kind   string `json:"generated_kind"`
	Family int    `json:"generated_family"`
}

// article is a generated article kept for later derivations.
type article struct {
	paras  [][]string
	date   time.Time
	family int
}

// Generate writes opt.N articles drawn from src to w as JSONL and returns
// what it wrote. The same src, options and seed give the same bytes.
func Generate(src []Source, opt Options, w io.Writer) (Stats, error) {
	if len(src) < 2 {
		return Stats{}, errors.New("gencorpus: need at least two source articles")
	}
	opt.defaults(src)
	rng := rand.New(rand.NewPCG(opt.Seed, 0x5175_6e63_6f72))
	st := Stats{Kinds: map[string]int{}, Families: map[int]int{}}
	famSize := map[int]int{}
	recent := make([]article, 0, opt.Window)
	bw := bufio.NewWriterSize(w, 1<<20)
	enc := json.NewEncoder(bw)
	enc.SetEscapeHTML(false)
	span := opt.End.Sub(opt.Start)
	for i := 0; i < opt.N; i++ {
		var a article
		kind := KindOriginal
		if r := rng.Float64(); len(recent) > 0 && r < opt.Copy+opt.Near+opt.Rewrite {
			s := recent[rng.IntN(len(recent))]
			a.family = s.family
			a.date = s.date.Add(time.Duration(5+rng.IntN(3*24*60)) * time.Minute)
			switch {
			case r < opt.Copy:
				kind, a.paras = KindCopy, s.paras
			case r < opt.Copy+opt.Near:
				kind, a.paras = KindNear, nearCopy(rng, s.paras, src)
			default:
				kind, a.paras = KindRewrite, rewrite(rng, s.paras, src)
			}
		} else {
			pos := float64(i) / float64(opt.N)
			a.date = opt.Start.Add(time.Duration(pos*float64(span)) + time.Duration(rng.IntN(12*60))*time.Minute)
			b := near(rng, int(pos*float64(len(src))), baseJitter, len(src))
			a.paras = original(rng, src, b, opt.Keep)
			a.family = i
		}
		famSize[a.family]++
		text := join(a.paras)
		outlet := rng.IntN(opt.Outlets)
		host := fmt.Sprintf("news%03d.example", outlet)
		rec := Record{
			URL:    fmt.Sprintf("https://%s/%s/a%06d", host, a.date.UTC().Format("2006/01/02"), i),
			Outlet: fmt.Sprintf("Outlet %03d", outlet),
			Date:   a.date.UTC().Format(time.RFC3339),
			Title:  title(a.paras),
			Text:   text,
			Kind:   kind,
			Family: a.family,
		}
		if err := enc.Encode(rec); err != nil {
			return st, err
		}
		st.Articles++
		st.Kinds[kind]++
		st.Bytes += int64(len(text))
		if len(recent) < opt.Window {
			recent = append(recent, a)
		} else {
			recent[i%opt.Window] = a
		}
	}
	for _, n := range famSize {
		st.Families[n]++
	}
	return st, bw.Flush()
}

// baseJitter and donorWindow are how far (in sources, in date order) an
// original's base may be from its place in time, and a donor sentence's
// article from the base.
const baseJitter, donorWindow = 150, 100

// near returns a uniform index of [0, n) among the 2w+1 around center,
// the window moved inside [0, n) at the ends (clamping would pile the
// draws on the first and last sources).
func near(rng *rand.Rand, center, w, n int) int {
	size := min(n, 2*w+1)
	lo := min(max(0, center-w), n-size)
	return lo + rng.IntN(size)
}

// donor returns a random sentence of a source article near base in time.
func donor(rng *rand.Rand, src []Source, base int) string {
	for {
		d := src[near(rng, base, donorWindow, len(src))]
		p := d.Paragraphs[rng.IntN(len(d.Paragraphs))]
		if s := p[rng.IntN(len(p))]; len(s) > 20 {
			return s
		}
	}
}

// original keeps about keep of base's sentences, drops a tenth of its
// later paragraphs, and fills the rest with donor sentences.
func original(rng *rand.Rand, src []Source, base int, keep float64) [][]string {
	var out [][]string
	for pi, p := range src[base].Paragraphs {
		if pi > 0 && rng.Float64() < 0.1 {
			continue
		}
		q := make([]string, 0, len(p))
		for _, s := range p {
			if rng.Float64() < keep {
				q = append(q, s)
			} else {
				q = append(q, donor(rng, src, base))
			}
		}
		out = append(out, q)
	}
	return out
}

// nearCopy drops each paragraph but the first with probability 0.15,
// replaces one sentence in eight, and adds one or two new paragraphs.
func nearCopy(rng *rand.Rand, paras [][]string, src []Source) [][]string {
	base := rng.IntN(len(src))
	var out [][]string
	for pi, p := range paras {
		if pi > 0 && rng.Float64() < 0.15 {
			continue
		}
		q := append([]string(nil), p...)
		for si := range q {
			if rng.Float64() < 0.125 {
				q[si] = donor(rng, src, base)
			}
		}
		out = append(out, q)
	}
	for k := 1 + rng.IntN(2); k > 0; k-- {
		out = append(out, []string{donor(rng, src, base), donor(rng, src, base)})
	}
	return out
}

// rewrite keeps each sentence with probability 0.5 (the first always),
// replaces the others with new ones and swaps a few paragraphs.
func rewrite(rng *rand.Rand, paras [][]string, src []Source) [][]string {
	base := rng.IntN(len(src))
	out := make([][]string, 0, len(paras))
	for pi, p := range paras {
		q := make([]string, 0, len(p))
		for si, s := range p {
			if (pi == 0 && si == 0) || rng.Float64() < 0.5 {
				q = append(q, s)
			} else {
				q = append(q, donor(rng, src, base))
			}
		}
		out = append(out, q)
	}
	for k := len(out) / 4; k > 0; k-- {
		i, j := 1+rng.IntN(max(1, len(out)-1)), 1+rng.IntN(max(1, len(out)-1))
		if i < len(out) && j < len(out) {
			out[i], out[j] = out[j], out[i]
		}
	}
	return out
}

// join writes paragraphs of sentences as text.
func join(paras [][]string) string {
	var b strings.Builder
	for i, p := range paras {
		if i > 0 {
			b.WriteString("\n\n")
		}
		b.WriteString(strings.Join(p, " "))
	}
	return b.String()
}

// title is the first sentence's first twelve words.
func title(paras [][]string) string {
	ws := strings.Fields(paras[0][0])
	if len(ws) > 12 {
		ws = ws[:12]
	}
	return strings.TrimRight(strings.Join(ws, " "), ".,;:")
}

// Histogram buckets family sizes: 1, 2, 3–5, 6–10, 11–20, 21–50, over 50.
func (s Stats) Histogram() []Bucket {
	bs := []Bucket{{Lo: 1, Hi: 1}, {Lo: 2, Hi: 2}, {Lo: 3, Hi: 5}, {Lo: 6, Hi: 10}, {Lo: 11, Hi: 20}, {Lo: 21, Hi: 50}, {Lo: 51, Hi: 1 << 30}}
	for size, n := range s.Families {
		for i := range bs {
			if size >= bs[i].Lo && size <= bs[i].Hi {
				bs[i].Families += n
				bs[i].Articles += n * size
			}
		}
	}
	return bs
}

// Bucket is a range of family sizes with the families and articles in it.
type Bucket struct {
	Lo, Hi             int
	Families, Articles int
}

// Largest is the size of the largest family.
func (s Stats) Largest() int {
	m := 0
	for size := range s.Families {
		m = max(m, size)
	}
	return m
}
