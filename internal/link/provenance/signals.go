package provenance

import (
	"regexp"
	"sort"
	"strings"

	"sitrep/internal/annotate/tokens"
	"sitrep/internal/news"
)

// collocation is a word pair the background model has (almost) never seen
// while a synonym-swapped pair is common: the trace a spinner leaves.
type collocation struct {
	span     news.Span
	text     string
	original string
	capital  bool
}

// Thresholds of the collocation test.
const (
	minKnown    = 3  // both words must be seen this often in the background
	minAlt      = 4  // the swapped pair must be seen this often
	altOverSeen = 20 // … and this many times more often than the pair itself
)

// improbable finds the collocations of d that look spun.
func improbable(d *doc, syn *Synonyms, lm *LM) []collocation {
	if syn == nil || lm == nil {
		return nil
	}
	var out []collocation
	for _, s := range d.sentences {
		for i := 0; i+1 < len(s.words); i++ {
			w1, w2 := s.words[i], s.words[i+1]
			if w1.number || w2.number || d.text[w1.End:w2.Start] != " " || stopwords[w1.norm] || stopwords[w2.norm] {
				continue
			}
			if lm.Unigram(w1.norm) < minKnown || lm.Unigram(w2.norm) < minKnown {
				continue
			}
			seen := lm.Bigram(w1.norm, w2.norm)
			best, bestN := "", 0
			{
				for _, s1 := range syn.Of(w1.norm) {
					if n := lm.Bigram(s1, w2.norm); n > bestN {
						best, bestN = s1+" "+w2.norm, n
					}
				}
			}
			{
				for _, s2 := range syn.Of(w2.norm) {
					if n := lm.Bigram(w1.norm, s2); n > bestN {
						best, bestN = w1.norm+" "+s2, n
					}
				}
			}
			if bestN >= minAlt && bestN > altOverSeen*seen {
				out = append(out, collocation{
					span:     news.Span{Start: w1.Start, End: w2.End},
					text:     d.text[w1.Start:w2.End],
					original: best,
					capital:  w1.capital && w2.capital && i > 0,
				})
				i++ // do not count the same word twice
			}
		}
	}
	return out
}

// generic phrases of padded, machine-written copy.
var genericPhrases = []string{
	"adds a new layer of complexity", "a new layer of complexity", "new layer of complexity",
	"remains pivotal", "it remains pivotal", "remains to be seen", "in summary", "in conclusion",
	"the situation remains fluid", "situation remains fluid", "the coming weeks will be crucial",
	"will be crucial in determining", "closely following developments", "closely monitor",
	"broader trend", "reflects a broader", "highlight the growing", "highlights the growing",
	"underscore the", "underscores the", "raises questions about", "raised concerns across",
	"it is important to note", "it is worth noting", "experts note", "observers agree",
	"vigilance and dialogue", "continues to evolve", "the international community must",
	"already complex situation", "already difficult situation", "going forward",
	"exit mobile version", "the complexities of", "complex landscape", "significant development",
	"plays a crucial role", "a formidable challenge", "further complicating",
	"let's dive into", "here's what you need to know", "according to new developments",
}

// fillerMeasures are the explainable measures of padding.
type fillerMeasures struct {
	redundancy float64 // mean over sentences of the best content-word overlap with another sentence
	density    float64 // names, figures and dates per 100 words
	generic    float64 // generic phrases per 100 words
	genericN   int
	words      int
}

var monthRe = regexp.MustCompile(`\b(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b`)

func measureFiller(d *doc) fillerMeasures {
	m := fillerMeasures{words: len(d.words)}
	if m.words == 0 {
		return m
	}
	// Redundancy: each sentence's largest content overlap (containment in
	// the other) with any other sentence.
	// Only sentences sharing a word can overlap: count the shared words
	// through an index from word to sentences.
	index := map[string][]int{}
	for j, b := range d.sentences {
		if len(b.content) < 4 {
			continue
		}
		for w := range b.content {
			index[w] = append(index[w], j)
		}
	}
	sum, n := 0.0, 0
	shared := make([]int, len(d.sentences))
	var touched []int
	for i, a := range d.sentences {
		if len(a.content) < 4 {
			continue
		}
		for w := range a.content {
			for _, j := range index[w] {
				if shared[j] == 0 {
					touched = append(touched, j)
				}
				shared[j]++
			}
		}
		best := 0.0
		for _, j := range touched {
			if j != i {
				if v := float64(shared[j]) / float64(min(len(a.content), len(d.sentences[j].content))); v > best {
					best = v
				}
			}
			shared[j] = 0
		}
		touched = touched[:0]
		sum += best
		n++
	}
	if n > 0 {
		m.redundancy = sum / float64(n)
	}
	// Density: distinct figures, names (capitalised words not opening a
	// sentence) and dates; padding repeats the same few.
	info := map[string]bool{}
	for _, s := range d.sentences {
		for k, w := range s.words {
			if w.number || (k > 0 && w.capital && !stopwords[w.norm]) {
				info[w.norm] = true
			}
		}
	}
	for _, m := range monthRe.FindAllString(d.text, -1) {
		info[strings.ToLower(m)] = true
	}
	m.density = 100 * float64(len(info)) / float64(m.words)
	m.genericN = countPhrases(strings.ToLower(strings.ReplaceAll(d.text, "’", "'")), genericPhrases)
	m.generic = 100 * float64(m.genericN) / float64(m.words)
	return m
}

// countPhrases counts non-overlapping occurrences of phrases in text,
// longest phrases first.
func countPhrases(text string, phrases []string) int {
	ps := append([]string(nil), phrases...)
	sort.Slice(ps, func(i, j int) bool { return len(ps[i]) > len(ps[j]) })
	used := make([]bool, len(text))
	n := 0
	for _, p := range ps {
		for off := 0; ; {
			i := strings.Index(text[off:], p)
			if i < 0 {
				break
			}
			i += off
			if !used[i] && !used[i+len(p)-1] {
				n++
				for k := i; k < i+len(p); k++ {
					used[k] = true
				}
			}
			off = i + len(p)
		}
	}
	return n
}

// fillerScore combines the measures into 0..1: padded copy is redundant,
// poor in names and figures and rich in stock phrases.
func (m fillerMeasures) score() float64 {
	if m.words < 80 {
		return 0
	}
	s := 0.0
	s += clamp01((m.redundancy-0.25)/0.20) * 0.35
	s += clamp01((9-m.density)/5) * 0.30
	s += clamp01(m.generic/0.8) * 0.35
	return s
}

func clamp01(x float64) float64 { return max(0, min(1, x)) }

// The words and lines the opinion measures count. The words are word
// lists: counted over whole texts, they cost far less than the regular
// expressions they stand for.
var (
	firstPerson = tokens.NewWordList(true, "I", "I'm", "I’m", "I've", "I’ve", "I'd", "I’d", "me", "my", "mine", "myself")
	blogTailRe  = regexp.MustCompile(`(?im)^(?:no comments:?|post a comment|posted by .*|newer post.*older post.*|subscribe to: post comments.*|leave a (?:comment|reply).*)$`)
	attribution = tokens.NewWordList(true, "said", "says", "told", "tells", "stated", "according to", "reported", "announced",
		"added", "wrote", "warned", "confirmed", "claimed", "estimate", "estimates", "quoted", "citing")
	stanceWords = tokens.NewWordList(true, "in my view", "i would", "i will", "i think", "i believe", "told me", "we should",
		"should worry", "opinion", "commentary")
)

// opinionMeasures are the explainable measures of commentary.
type opinionMeasures struct {
	firstPerson float64 // first-person singular pronouns outside quotes per 100 words
	blogTail    int     // blog furniture lines ("Post a Comment", "Posted by …")
	stance      int     // opinion markers
	attributed  float64 // share of sentences attributing what they say
}

func measureOpinion(d *doc) opinionMeasures {
	var m opinionMeasures
	unquoted := stripQuotes(d.text)
	fp := firstPerson.Count(unquoted)
	if len(d.words) > 0 {
		m.firstPerson = 100 * float64(fp) / float64(len(d.words))
	}
	m.blogTail = len(blogTailRe.FindAllStringIndex(d.text, -1))
	m.stance = stanceWords.Count(unquoted)
	n := 0
	for _, s := range d.sentences {
		if attribution.Match(d.text[s.Start:s.End]) {
			n++
		}
	}
	if len(d.sentences) > 0 {
		m.attributed = float64(n) / float64(len(d.sentences))
	}
	return m
}

func (m opinionMeasures) score() float64 {
	s := clamp01(m.firstPerson/0.3) * 0.45
	s += clamp01(float64(m.blogTail)/2) * 0.30
	s += clamp01(float64(m.stance)/3) * 0.15
	s += clamp01((0.35-m.attributed)/0.2) * 0.20
	return clamp01(s)
}

// quotedShare returns, for each sentence of d, the share of its bytes
// inside quotation marks.
func quotedShare(d *doc) []float64 {
	in := make([]bool, len(d.text))
	depth := 0
	for i, r := range d.text {
		switch r {
		case '“':
			depth++
		case '”':
			if depth > 0 {
				depth--
			}
		case '"':
			if depth > 0 {
				depth--
			} else {
				depth++
			}
		case '\n':
			depth = 0
		}
		if depth > 0 || r == '”' || r == '"' {
			in[i] = true
		}
	}
	out := make([]float64, len(d.sentences))
	for k, s := range d.sentences {
		n := 0
		for i := s.Start; i < s.End; i++ {
			if in[i] {
				n++
			}
		}
		out[k] = float64(n) / float64(max(1, s.End-s.Start))
	}
	return out
}

// stripQuotes blanks quoted passages ("…", “…”, ‘…’ between spaces) so
// that a quoted speaker's "I" does not count as the author's.
func stripQuotes(text string) string {
	var b strings.Builder
	depth := 0
	for _, r := range text {
		switch r {
		case '“':
			depth++
		case '”':
			if depth > 0 {
				depth--
			}
		case '"':
			if depth > 0 {
				depth--
			} else {
				depth++
			}
		default:
			if depth == 0 {
				b.WriteRune(r)
			} else if r == '\n' {
				depth = 0 // quotes do not run across paragraphs
				b.WriteRune(r)
			}
		}
	}
	return b.String()
}

// citation is a source the text names for what it reports.
type citation struct {
	news.Span
	source string
}

const namePat = `((?:[Tt]he )?(?:[A-Z][\w&.'’-]*)(?: (?:[A-Z][\w&.'’-]*|of|for|and))*(?: [A-Z][\w&.'’-]*)?)`

var (
	citeReported  = regexp.MustCompile(namePat + `(?: (?:news|information|press) (?:agency|company|service))? (?:reported|reports|has reported|said in a report|first reported)\b`)
	citeAccording = regexp.MustCompile(`\b[Aa]ccording to ` + namePat)
	citeCiting    = regexp.MustCompile(`\b(?:[Cc]iting|[Qq]uoting) ` + namePat)
	sourceLine    = regexp.MustCompile(`(?m)^(?:Original )?Source: *(.+?)\s*$`)
	leadReports   = regexp.MustCompile(`(?m)` + namePat + ` reports:\s*$`)
)

// knownPressWords mark a name as a news organisation rather than an
// official: a citation is kept when its name contains one, or is a single
// capitalised word followed by "reported".
var pressWords = []string{"Post", "Times", "Press", "News", "Reuters", "Agency", "Journal", "Herald", "Guardian",
	"BBC", "CNN", "AFP", "Bloomberg", "Telegraph", "Tribune", "Independent", "Yonhap", "Interfax", "TASS",
	"Al Jazeera", "Kyiv", "Ukrinform", "Wire", "Daily", "Courier", "Review", "Brief", "Today", "Gazette", "Media", "outlet"}

// citations returns the press sources the text cites, in text order.
func citations(text string) []citation {
	var out []citation
	seen := map[string]bool{}
	add := func(re *regexp.Regexp, press bool) {
		for _, m := range re.FindAllStringSubmatchIndex(text, -1) {
			name := strings.TrimSpace(text[m[2]:m[3]])
			name = strings.TrimSuffix(name, ".")
			if name == "" || strings.HasPrefix(name, "The ") && len(name) < 6 {
				continue
			}
			isPress := !press
			for _, p := range pressWords {
				if strings.Contains(name, p) {
					isPress = true
				}
			}
			if !isPress || seen[name] {
				continue
			}
			seen[name] = true
			out = append(out, citation{Span: news.Span{Start: m[2], End: m[3]}, source: name})
		}
	}
	add(citeReported, true)
	add(citeAccording, true)
	add(citeCiting, true)
	return out
}

// wholeSource returns a source the text names for the whole article: a
// "Source: X" line, or a lead paragraph ending "X reports:".
func wholeSource(text string) string {
	if m := sourceLine.FindStringSubmatch(text); m != nil {
		return m[1]
	}
	if m := leadReports.FindStringSubmatch(text); m != nil && strings.Index(text, m[0]) < 400 {
		return strings.TrimPrefix(m[1], "the ")
	}
	return ""
}
