package attribution

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"sitrep/internal/ner"
	"sitrep/internal/perceptron"
)

// Feature templates: the first byte hashed into every feature key.
// Changing a template or the lexicon changes the features; retrain.
const (
	fBias byte = iota + 1
	fW0
	fExact
	fWm1
	fWp1
	fWm2
	fWp2
	fStem
	fBiM1
	fBiP1
	fShape
	fSShape
	fSS3
	fSuffix
	fPrefix
	fClus0
	fClusM1
	fClusP1
	fLex0
	fLexM1
	fLexP1
	fQuote
	fQuoteLex
	fQuoteDistL
	fQuoteDistR
	fLexDistL
	fLexDistR
	fEdge
	fStemM1
	fFirst
	// Relative to a cue (source and content layers).
	rRel
	rRelWord
	rRelShape
	rSideStem
	rSideClus
	rRelQuote
	rSideQuotes
	rQuoteBetween
	rCommas
	rOtherBetween
	rOtherCue
	rSideCue
	rRelCue
	rSideCueWord
	rSideWm1
	rSideWp1
	rSideLex
	rThatBetween
	rRelForm
	rSideFormPos
	rSideCuePrev
	// Syntax (static).
	fUpos
	fUpos3
	fLemma
	fRel
	fRelHead
	fRelHeadPos
	fKids
	fKidsLemma
	fSubjOf
	fVerbPath
	// Syntax relative to the cue.
	rDep
	rDepDepth
	rDepCue
	rDepCueRel
)

// Quote kinds of a token.
const (
	qNone byte = iota
	qOpen
	qClose
	qStraight
)

// tokInfo is what the extractor knows about one token.
type tokInfo struct {
	word, lower, stem string
	shape, sshape     string
	clus              string
	lex               string // lexicon class, "" if none
	quote             byte   // quote kind of the token itself
	inQuote           bool   // inside a quotation (paragraph-level)
	punct             bool
	// From the syntax layer: tag, lower-cased lemma, relation to the
	// head ("-" when the sentence was not parsed), head (-1 for none) and
	// the core relations of the token's dependents (kid* bits).
	upos, lemma, rel string
	head             int32
	kids             uint16
}

// Core relations of a token's dependents, as bits of tokInfo.kids; the
// first six are the core arguments.
var kidRels = [...]string{"nsubj", "nsubj:pass", "csubj", "ccomp", "xcomp", "obj", "iobj", "parataxis", "advcl", "obl", "mark", "aux"}

// hashBits adds a set of kidRels bits to the hash h.
func hashBits(h uint64, bits uint16) uint64 {
	return perceptron.HashByte(perceptron.HashByte(h, byte(bits)), byte(bits>>8))
}

var normReplacer = strings.NewReplacer("’", "'", "‘", "'", "“", "\"", "”", "\"", "„", "\"", "–", "-", "—", "--", "`", "'")

// docInfo holds the per-token information and static feature keys of a
// document.
type docInfo struct {
	toks  []tokInfo
	sent  []int32  // sentence index of each token
	first []int32  // first token of each token's sentence
	keys  []uint64 // static keys; token i has keys[start[i]:start[i+1]]
	start []int
}

// newDocInfo computes token information and the static features.
func (m *Model) newDocInfo(d *Document) *docInfo {
	n := len(d.Tokens)
	di := &docInfo{toks: make([]tokInfo, n), sent: make([]int32, n), first: make([]int32, n),
		keys: make([]uint64, 0, 40*n), start: make([]int, 0, n+1)}
	for si, s := range d.Sentences {
		for k := s.Start; k < s.End; k++ {
			di.sent[k] = int32(si)
			di.first[k] = int32(s.Start)
		}
	}
	open := false
	for i, t := range d.Tokens {
		raw := d.Text[t.Start:t.End]
		if i > 0 && strings.ContainsRune(d.Text[d.Tokens[i-1].End:t.Start], '\n') {
			open = false // quotations do not cross paragraphs
		}
		ti := &di.toks[i]
		ti.word = normReplacer.Replace(raw)
		ti.lower = strings.ToLower(ti.word)
		ti.stem = stem(ti.lower)
		ti.shape, ti.sshape = shapes(ti.word)
		if m.clusters != nil {
			key := ti.lower // ner.ClusterKey(raw), but for backquotes
			if strings.IndexByte(raw, '`') >= 0 {
				key = ner.ClusterKey(raw)
			}
			ti.clus = m.clusters[key]
		}
		ti.lex = lexicon[ti.stem]
		r, _ := utf8.DecodeRuneInString(raw)
		ti.punct = !unicode.IsLetter(r) && !unicode.IsDigit(r)
		switch raw {
		case "“", "«", "‘":
			ti.quote = qOpen
			open = true
		case "”", "»":
			ti.quote = qClose
			open = false
		case "\"":
			ti.quote = qStraight
			open = !open
		default:
			ti.inQuote = open
		}
	}
	if d.fillSyntax() == nil {
		for i, sy := range d.Syntax {
			ti := &di.toks[i]
			ti.upos, ti.lemma, ti.head = sy.UPOS.String(), strings.ToLower(sy.Lemma), sy.Head
			ti.rel = sy.Rel
			if ti.rel == "" {
				ti.rel = "-"
			}
		}
		for _, sy := range d.Syntax {
			if sy.Head < 0 || int(sy.Head) >= n {
				continue
			}
			for k, r := range kidRels {
				if sy.Rel == r {
					di.toks[sy.Head].kids |= 1 << k
				}
			}
		}
	} else {
		for i := range di.toks {
			di.toks[i].upos, di.toks[i].rel, di.toks[i].head = "-", "-", -1
		}
	}
	for _, s := range d.Sentences {
		for i := s.Start; i < s.End; i++ {
			di.start = append(di.start, len(di.keys))
			di.keys = m.staticKeys(di, s, i, di.keys)
		}
	}
	di.start = append(di.start, len(di.keys))
	return di
}

func (di *docInfo) lw(s Range, i int) string {
	switch {
	case i < s.Start:
		return "<s>"
	case i >= s.End:
		return "</s>"
	}
	return di.toks[i].lower
}

// staticKeys appends the features of token i of sentence s that do not
// depend on a cue.
func (m *Model) staticKeys(di *docInfo, s Range, i int, keys []uint64) []uint64 {
	t := &di.toks[i]
	add := func(k uint64) { keys = append(keys, k) }
	add(perceptron.Key1(fBias, ""))
	add(perceptron.Key1(fW0, t.lower))
	add(perceptron.Key1(fWm1, di.lw(s, i-1)))
	add(perceptron.Key1(fWp1, di.lw(s, i+1)))
	add(perceptron.Key1(fWm2, di.lw(s, i-2)))
	add(perceptron.Key1(fWp2, di.lw(s, i+2)))
	add(perceptron.Key1(fStem, t.stem))
	add(perceptron.Key2(fBiM1, di.lw(s, i-1), t.lower))
	add(perceptron.Key2(fBiP1, t.lower, di.lw(s, i+1)))
	add(perceptron.Key1(fShape, t.shape))
	add(perceptron.Key1(fSShape, t.sshape))
	ss := func(j int) string {
		if j < s.Start || j >= s.End {
			return "|"
		}
		return di.toks[j].sshape
	}
	add(perceptron.Key3(fSS3, ss(i-1), t.sshape, ss(i+1)))
	for k, off := 1, len(t.lower); k <= 4 && off > 0; k++ {
		_, n := utf8.DecodeLastRuneInString(t.lower[:off])
		off -= n
		add(perceptron.Key1(fSuffix, t.lower[off:]))
	}
	if m.clusters != nil {
		for _, p := range [...]int{4, 6, 10, 20} {
			if c := prefix(t.clus, p); c != "" {
				add(perceptron.Key1(fClus0, c))
			}
			if p > 10 {
				continue
			}
			if i > s.Start {
				if c := prefix(di.toks[i-1].clus, p); c != "" {
					add(perceptron.Key1(fClusM1, c))
				}
			}
			if i+1 < s.End {
				if c := prefix(di.toks[i+1].clus, p); c != "" {
					add(perceptron.Key1(fClusP1, c))
				}
			}
		}
	}
	lex := func(j int) string {
		if j < s.Start || j >= s.End {
			return "|"
		}
		return di.toks[j].lex
	}
	add(perceptron.Key1(fLex0, t.lex))
	add(perceptron.Key1(fLexM1, lex(i-1)))
	add(perceptron.Key1(fLexP1, lex(i+1)))
	q := string(rune('0' + t.quote))
	add(perceptron.Key2(fQuote, q, boolStr(t.inQuote)))
	add(perceptron.Key3(fQuoteLex, boolStr(t.inQuote), t.lex, t.sshape))
	ql, qr, ll, lr := -1, -1, -1, -1
	for j := i - 1; j >= s.Start && (ql < 0 || ll < 0); j-- {
		if ql < 0 && di.toks[j].quote != qNone {
			ql = i - j
		}
		if ll < 0 && di.toks[j].lex != "" {
			ll = i - j
		}
	}
	for j := i + 1; j < s.End && (qr < 0 || lr < 0); j++ {
		if qr < 0 && di.toks[j].quote != qNone {
			qr = j - i
		}
		if lr < 0 && di.toks[j].lex != "" {
			lr = j - i
		}
	}
	add(perceptron.Key1(fQuoteDistL, bucket(ql)))
	add(perceptron.Key1(fQuoteDistR, bucket(qr)))
	add(perceptron.Key2(fLexDistL, bucket(ll), t.lex))
	add(perceptron.Key2(fLexDistR, bucket(lr), t.lex))
	add(perceptron.Key2(fEdge, bucket(i-s.Start), bucket(s.End-1-i)))
	if i > s.Start {
		add(perceptron.Key2(fStemM1, di.toks[i-1].stem, t.stem))
	}
	keys = di.syntaxKeys(s, i, keys)
	if di.sent[i] == 0 { // the headline: "Name: claim"
		add(perceptron.Key1(fFirst, t.lower))
		add(perceptron.Key2(fFirst, di.lw(s, i-1), t.sshape))
	}
	return keys
}

// syntaxKeys appends the static features of token i from the syntax
// layer: tags, lemma, the relation to its head and the head's lemma, the
// core relations of its dependents, whether it is the subject of a verb
// of the lexicon, and the relations up to the nearest verb.
func (di *docInfo) syntaxKeys(s Range, i int, keys []uint64) []uint64 {
	t := &di.toks[i]
	add := func(k uint64) { keys = append(keys, k) }
	up := func(j int) string {
		if j < s.Start || j >= s.End {
			return "|"
		}
		return di.toks[j].upos
	}
	add(perceptron.Key1(fUpos, t.upos))
	add(perceptron.Key3(fUpos3, up(i-1), t.upos, up(i+1)))
	add(perceptron.Key2(fLemma, t.lemma, t.upos))
	add(perceptron.Key2(fRel, t.rel, t.upos))
	hl, hu, hlex := "<root>", "-", ""
	if t.head >= 0 {
		h := &di.toks[t.head]
		hl, hu, hlex = h.lemma, h.upos, h.lex
	}
	add(perceptron.Key2(fRelHead, t.rel, hl))
	add(perceptron.Key3(fRelHeadPos, t.rel, hu, t.upos))
	add(perceptron.HashString(hashBits(perceptron.HashByte(perceptron.Offset, fKids), t.kids), t.upos))
	add(perceptron.HashString(hashBits(perceptron.HashByte(perceptron.Offset, fKidsLemma), t.kids&0x3f), t.lemma))
	if strings.HasPrefix(t.rel, "nsubj") || t.rel == "obl" || t.rel == "nmod" {
		add(perceptron.Key3(fSubjOf, t.rel, hlex, hu))
	}
	// The relations from the token up to the nearest verb (three hops at
	// most) and that verb's lexicon class.
	path, j := perceptron.Key1(fVerbPath, t.rel), t.head
	for hop := 0; hop < 3 && j >= 0 && di.toks[j].upos != "VERB"; hop++ {
		path = perceptron.HashString(path, di.toks[j].rel)
		j = di.toks[j].head
	}
	vlex := "-"
	if j >= 0 && di.toks[j].upos == "VERB" {
		vlex = di.toks[j].lex
	}
	add(perceptron.HashString(path, vlex))
	return keys
}

// cueInfo describes the cue the relative features are computed against.
type cueInfo struct {
	r      Range
	sent   int32
	head   string // stem of the cue's lexicon word, else of its last word
	inQ    bool
	form   string  // the cue's verb form: "ing", "ed", "s", "to" (infinitive) or ""
	prev   string  // the word before the cue
	others []Range // the other cues of the window's sentences
	// The cue's syntactic head (its token whose head is outside it; -1
	// if unparsed), that token's relation and its head.
	synHead, synGov int32
	headRel         string
}

func (m *Model) newCueInfo(di *docInfo, r Range, others []Range) cueInfo {
	c := cueInfo{r: r, sent: di.sent[r.Start], others: others}
	for k := r.Start; k < r.End; k++ {
		t := &di.toks[k]
		if t.lex != "" && c.head == "" {
			c.head = t.stem
		}
	}
	if c.head == "" {
		c.head = di.toks[r.End-1].stem
	}
	c.inQ = di.toks[r.Start].inQuote
	last := di.toks[r.End-1].lower
	switch {
	case r.Start > 0 && di.toks[r.Start-1].lower == "to":
		c.form = "to"
	case strings.HasSuffix(last, "ing"):
		c.form = "ing"
	case strings.HasSuffix(last, "ed") || irregular[last] != "":
		c.form = "ed"
	case strings.HasSuffix(last, "s"):
		c.form = "s"
	}
	c.prev = "<s>"
	if r.Start > 0 && di.sent[r.Start-1] == c.sent {
		c.prev = di.toks[r.Start-1].lower
	}
	c.synHead, c.synGov, c.headRel = -1, -1, "-"
	for k := r.Start; k < r.End; k++ {
		t := &di.toks[k]
		if t.rel == "-" {
			break
		}
		if h := int(t.head); h < r.Start || h >= r.End {
			c.synHead, c.synGov, c.headRel = int32(k), t.head, t.rel
			break
		}
	}
	return c
}

// relKeys appends the features of token i relative to the cue.
func (m *Model) relKeys(di *docInfo, c *cueInfo, i int, keys []uint64) []uint64 {
	t := &di.toks[i]
	var side string
	var dist int
	switch {
	case i >= c.r.Start && i < c.r.End:
		side, dist = "C", 0
	case i < c.r.Start:
		side, dist = "L", c.r.Start-i
	default:
		side, dist = "R", i-c.r.End+1
	}
	if s := di.sent[i]; s < c.sent {
		side = prevSide[side]
	} else if s > c.sent {
		side = nextSide[side]
	}
	// rel is side+bucket(dist), hashed without building it.
	b := bucket(dist)
	relH := func(t byte) uint64 { return perceptron.HashCat(perceptron.HashByte(perceptron.Offset, t), side, b) }
	q := quoteState[boolInt(t.inQuote)][t.quote]
	add := func(k uint64) { keys = append(keys, k) }
	add(relH(rRel))
	if di.sent[i] != c.sent {
		// A token of a neighbouring sentence (content only): a few
		// features keep the per-cue cost low.
		add(perceptron.HashString(relH(rRelQuote), q))
		add(perceptron.Key3(rSideQuotes, side, boolStr(t.inQuote), boolStr(c.inQ)))
		add(perceptron.Key2(rSideCue, side, c.head))
		add(perceptron.Key2(rSideStem, side, t.stem))
		return keys
	}
	add(perceptron.HashString(relH(rRelWord), t.lower))
	add(perceptron.HashString(relH(rRelShape), t.sshape))
	add(perceptron.Key2(rSideStem, side, t.stem))
	add(perceptron.Key2(rSideClus, side, prefix(t.clus, 6)))
	add(perceptron.HashString(relH(rRelQuote), q))
	add(perceptron.Key3(rSideQuotes, side, boolStr(t.inQuote), boolStr(c.inQ)))
	add(perceptron.Key2(rSideCue, side, c.head))
	add(perceptron.HashString(relH(rRelCue), c.head))
	add(perceptron.Key3(rSideCueWord, side, c.head, t.lower))
	add(perceptron.Key2(rSideLex, side, t.lex))
	add(perceptron.HashString(relH(rRelForm), c.form))
	add(perceptron.Key3(rSideFormPos, side, c.form, bucket(i-int(di.first[i]))))
	add(perceptron.Key2(rSideCuePrev, side, c.prev))
	lo, hi := i+1, c.r.Start
	if i >= c.r.End {
		lo, hi = c.r.End, i
	}
	quotes, commas, that := false, 0, false
	for j := lo; j < hi; j++ {
		switch tj := &di.toks[j]; {
		case tj.quote != qNone:
			quotes = true
		case tj.lower == ",":
			commas++
		case tj.lower == "that" || tj.lower == ":":
			that = true
		}
	}
	add(perceptron.Key2(rQuoteBetween, side, boolStr(quotes)))
	add(perceptron.Key2(rCommas, side, bucket(min(commas, 3))))
	add(perceptron.Key2(rThatBetween, side, boolStr(that)))
	other, between := false, false
	for _, o := range c.others {
		if i >= o.Start && i < o.End {
			other = true
		}
		if o.Start >= lo && o.End <= hi {
			between = true
		}
	}
	add(perceptron.Key2(rOtherCue, side, boolStr(other)))
	add(perceptron.Key2(rOtherBetween, side, boolStr(between)))
	prev, next := "<s>", "</s>"
	if i > 0 {
		prev = di.toks[i-1].lower
	}
	if i+1 < len(di.toks) {
		next = di.toks[i+1].lower
	}
	add(perceptron.Key2(rSideWm1, side, prev))
	add(perceptron.Key2(rSideWp1, side, next))
	kind, rel, depth := di.depTo(c, i)
	dep := func(t byte) uint64 {
		return perceptron.HashCat(perceptron.HashString(perceptron.HashByte(perceptron.Offset, t), side), kind, rel)
	}
	add(dep(rDep))
	add(perceptron.HashString(dep(rDepDepth), bucket(depth)))
	add(perceptron.HashString(dep(rDepCue), c.head))
	add(perceptron.HashString(dep(rDepCueRel), c.headRel))
	return keys
}

// depTo says how token i hangs from the cue in the tree: kind "in:"
// under the cue's head through its dependent of relation rel, "sib:"
// under the cue head's governor through another of its dependents
// (relation rel), "head" and "gov" for those two tokens, "out"
// otherwise, "-" when the sentence was not parsed; and the number of
// hops.
func (di *docInfo) depTo(c *cueInfo, i int) (kind, rel string, hops int) {
	if c.synHead < 0 || di.toks[i].rel == "-" {
		return "-", "", 0
	}
	switch int32(i) {
	case c.synHead:
		return "head", "", 0
	case c.synGov:
		return "gov", "", 0
	}
	j := int32(i)
	for hop := 1; hop <= 12 && j >= 0; hop++ {
		switch h := di.toks[j].head; h {
		case c.synHead:
			return "in:", di.toks[j].rel, hop
		case c.synGov:
			return "sib:", di.toks[j].rel, hop
		default:
			j = h
		}
	}
	return "out", "", 0
}

var (
	prevSide = map[string]string{"L": "PL", "R": "PR", "C": "PC"}
	nextSide = map[string]string{"L": "NL", "R": "NR", "C": "NC"}
	// quoteState[inQuote][quote kind] is boolStr(inQuote) + the kind's digit.
	quoteState = [2][4]string{{"00", "01", "02", "03"}, {"10", "11", "12", "13"}}
)

func boolInt(b bool) int {
	if b {
		return 1
	}
	return 0
}

// bucket groups distances: exact to 3, then ranges; -1 is "none".
func bucket(d int) string {
	switch {
	case d < 0:
		return "-"
	case d <= 3:
		return string(rune('0' + d))
	case d <= 5:
		return "4-5"
	case d <= 8:
		return "6-8"
	case d <= 12:
		return "9-12"
	case d <= 20:
		return "13-20"
	}
	return "21+"
}

func boolStr(b bool) string {
	if b {
		return "1"
	}
	return "0"
}

func prefix(c string, k int) string {
	if c == "" {
		return ""
	}
	if len(c) < k {
		return c + "$"
	}
	return c[:k]
}

// shapes returns the word's shape (X, x, d, other runes kept; at most 12
// runes) and its collapsed form.
func shapes(w string) (string, string) { return perceptron.Shapes(w, 12, -1) }

// irregular maps irregular verb forms to the stem of their base form.
var irregular = map[string]string{
	"said": "say", "told": "tell", "wrote": "write", "written": "write", "thought": "think",
	"knew": "know", "known": "know", "saw": "see", "seen": "see", "felt": "feel", "heard": "hear",
	"found": "find", "made": "make", "took": "take", "taken": "take", "sought": "seek",
	"spoke": "speak", "spoken": "speak", "gave": "give", "given": "give", "went": "go",
	"understood": "understand", "meant": "mean", "held": "hold", "swore": "swear", "sworn": "swear",
	"forecast": "forecast", "foresaw": "foresee", "taught": "teach", "read": "read", "led": "lead",
	"is": "be", "was": "be", "were": "be", "are": "be", "been": "be",
}

// stem is a crude, deterministic stemmer for lower-case English words:
// irregular forms map to their base, and -ing, -ed, -es, -s and a final
// -e or -y are cut, so that "argue", "argues", "argued" and "arguing"
// share "argu". It only needs to be consistent, not linguistic.
func stem(w string) string {
	if b, ok := irregular[w]; ok {
		w = b
	}
	n := len(w)
	switch {
	case n > 5 && strings.HasSuffix(w, "ing"):
		w = w[:n-3]
	case n > 4 && (strings.HasSuffix(w, "ied") || strings.HasSuffix(w, "ies")):
		w = w[:n-3] + "i"
	case n > 4 && strings.HasSuffix(w, "ed"):
		w = w[:n-2]
	case n > 4 && strings.HasSuffix(w, "es") && !strings.HasSuffix(w, "ses"):
		w = w[:n-1]
	case n > 3 && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") && !strings.HasSuffix(w, "us"):
		w = w[:n-1]
	}
	n = len(w)
	if n > 3 {
		switch w[n-1] {
		case 'e':
			w = w[:n-1]
		case 'y':
			w = w[:n-1] + "i"
		}
	}
	if n = len(w); n > 3 && w[n-1] == w[n-2] && strings.IndexByte("bdglmnprt", w[n-1]) >= 0 {
		w = w[:n-1] // "admitt" (admitted) → "admit"
	}
	return w
}

// lexicon maps the stem of a verb (or phrase head) of attribution to its
// class: speech, cognition, evidence, stance, appearance or intention.
var lexicon = func() map[string]string {
	classes := map[string]string{
		"speech": `say tell report add write state claim announce note explain ask reply respond tweet declare
			insist argue warn confirm deny acknowledge admit suggest accuse criticize criticise praise urge call
			describe cite quote recall conclude promise vow pledge threaten demand question complain boast concede
			contend maintain assert allege testify comment post publish mention stress emphasize emphasise reiterate
			recount caution answer repeat announce predict estimate disclose inform remark signal speak talk
			interview brief blast slam attack defend blame credit refer dismiss reject charge accord quip joke
			shout yell whisper lament decry condemn applaud hail laud thank apologize apologise propose recommend
			advise counter rebut retort add continue`,
		"cognition": `believe think know feel hope want expect fear worry doubt wonder understand consider
			assume suspect realize realise figure guess imagine recognize recognise remember forget agree
			disagree prefer wish trust regard view see`,
		"evidence": `show find reveal indicate suggest demonstrate prove confirm poll survey study data record
			document according`,
		"stance":     `support oppose endorse back favor favour welcome embrace resist decline refuse plan intend seek`,
		"appearance": `seem appear look sound`,
	}
	out := map[string]string{}
	for _, cls := range []string{"speech", "cognition", "evidence", "stance", "appearance"} {
		for _, w := range strings.Fields(classes[cls]) {
			s := stem(w)
			if _, ok := out[s]; !ok {
				out[s] = cls
			}
		}
	}
	return out
}()
