package syntax

import (
	"strings"

	"sitrep/internal/news"
)

// Lemmatizer gives the lemma of a word with its tag: for a verb, its
// lemma in the table of English strong verbs; else the lemma the
// training data gives most often for the (form, tag) pair, else for the
// (lower-cased form, tag) pair, else the result of the suffix rule most
// often seen for the tag and the longest known ending of the word. It is
// immutable and safe for concurrent use.
type Lemmatizer struct {
	// exact maps "form\x00TAG" and "lower\x00TAG" (lower-cased forms
	// marked with a leading \x01) to a lemma.
	exact map[string]string
	// rules maps "TAG\x00ending" to the rule "cut\x00add": drop cut
	// bytes from the lower-cased word, append add.
	rules map[string]rule
}

// rule rewrites the end of a word: drop Cut bytes, append Add.
type rule struct {
	Cut int
	Add string
}

// maxEnding is the longest word ending, in bytes, the rules look at.
const maxEnding = 6

// Lemma returns the lemma of form tagged tag. buf is scratch space; the
// result does not alias it.
func (l *Lemmatizer) Lemma(form string, tag news.UPOS, buf []byte) (string, []byte) {
	if tag == news.VERB || tag == news.AUX {
		v, ok := irregularVerbs[form]
		if !ok && form != "" && form[0] >= 'A' && form[0] <= 'Z' {
			v, ok = irregularVerbs[strings.ToLower(form)]
		}
		if ok {
			return v, buf // "fled" → "flee": a fact, above a stray training lemma or a suffix rule
		}
	}
	t := tag.String()
	buf = append(append(append(buf[:0], form...), 0), t...)
	if v, ok := l.exact[string(buf)]; ok {
		return v, buf
	}
	buf = append(appendNorm(append(buf[:0], 1), form), 0)
	lowerEnd := len(buf) - 1
	buf = append(buf, t...)
	if v, ok := l.exact[string(buf)]; ok {
		return v, buf
	}
	if tag == news.PROPN || tag == news.PUNCT || tag == news.NUM || tag == news.SYM || tag == news.X {
		return form, buf
	}
	lower := buf[1:lowerEnd]
	// The longest ending with a rule.
	tail := len(buf)
	buf = append(append(buf, t...), 0)
	keyStart := tail
	for k := min(maxEnding, len(lower)); k >= 0; k-- {
		buf = append(buf[:keyStart+len(t)+1], lower[len(lower)-k:]...)
		r, ok := l.rules[string(buf[keyStart:])]
		if !ok || r.Cut > len(lower) {
			continue
		}
		if r.Cut == 0 && r.Add == "" {
			if string(lower) == form {
				return form, buf
			}
			return string(lower), buf
		}
		return string(lower[:len(lower)-r.Cut]) + r.Add, buf
	}
	if string(lower) == form {
		return form, buf
	}
	return string(lower), buf
}

// TrainLemmatizer learns the lemma tables from gold sentences.
func TrainLemmatizer(train []Sentence) *Lemmatizer {
	type pair struct{ key, lemma string }
	exactCounts := map[pair]int{}
	ruleCounts := map[string]map[rule]int{}
	seenType := map[pair]bool{}
	var buf []byte
	for _, s := range train {
		for _, w := range s.Words {
			if w.Lemma == "_" || w.Lemma == "" {
				continue
			}
			t := w.UPOS.String()
			exactCounts[pair{w.Form + "\x00" + t, w.Lemma}]++
			buf = appendNorm(buf[:0], w.Form)
			lower := string(buf)
			exactCounts[pair{"\x01" + lower + "\x00" + t, w.Lemma}]++
			// Rules count word types, not tokens: rare words behave like
			// unseen ones.
			tp := pair{lower + "\x00" + t, w.Lemma}
			if seenType[tp] {
				continue
			}
			seenType[tp] = true
			r, ok := ruleFor(lower, strings.ToLower(w.Lemma))
			if !ok {
				continue
			}
			for k := 0; k <= min(maxEnding, len(lower)); k++ {
				key := t + "\x00" + lower[len(lower)-k:]
				m := ruleCounts[key]
				if m == nil {
					m = map[rule]int{}
					ruleCounts[key] = m
				}
				m[r]++
			}
		}
	}
	l := &Lemmatizer{exact: map[string]string{}, rules: map[string]rule{}}
	bestExact := map[string]int{}
	for p, n := range exactCounts {
		b, ok := bestExact[p.key]
		if !ok || n > b || n == b && p.lemma < l.exact[p.key] {
			bestExact[p.key] = n
			l.exact[p.key] = p.lemma
		}
	}
	// Drop exact entries the fallbacks get right anyway.
	for k, v := range l.exact {
		if k[0] == 1 {
			continue
		}
		form, t, _ := strings.Cut(k, "\x00")
		buf = appendNorm(buf[:0], form)
		if lv, ok := l.exact["\x01"+string(buf)+"\x00"+t]; ok && lv == v {
			delete(l.exact, k)
		}
	}
	for key, m := range ruleCounts {
		var best rule
		bn := 0
		total := 0
		for r, n := range m {
			total += n
			if n > bn || n == bn && (r.Cut < best.Cut || r.Cut == best.Cut && r.Add < best.Add) {
				best, bn = r, n
			}
		}
		if total >= 2 || !strings.HasSuffix(key, "\x00") {
			l.rules[key] = best
		}
	}
	return l
}

// ruleFor returns the rule that rewrites form into lemma.
func ruleFor(form, lemma string) (rule, bool) {
	p := 0
	for p < len(form) && p < len(lemma) && form[p] == lemma[p] {
		p++
	}
	if p == 0 && len(form) > 0 && len(lemma) > 0 {
		return rule{}, false // suppletive ("went" → "go"): only the exact table
	}
	return rule{Cut: len(form) - p, Add: lemma[p:]}, true
}

// Accuracy returns the share of words whose lemma, given tags (nil: the
// gold tags), is the gold one.
func (l *Lemmatizer) Accuracy(sents []Sentence, tags [][]news.UPOS) float64 {
	correct, total := 0, 0
	var buf []byte
	var lem string
	for i, s := range sents {
		for j, w := range s.Words {
			t := w.UPOS
			if tags != nil {
				t = tags[i][j]
			}
			lem, buf = l.Lemma(w.Form, t, buf)
			if lem == w.Lemma {
				correct++
			}
			total++
		}
	}
	if total == 0 {
		return 0
	}
	return float64(correct) / float64(total)
}

// irregularVerbs maps the past forms of English strong verbs to their
// lemma ("lemma past participle", one verb between bars). Lemma reads it
// before the training data's table and the suffix rules: the training
// data gives "fled" as "flead".
var irregularVerbs, irregularParticiples = func() (map[string]string, map[string]string) {
	m, pp := map[string]string{}, map[string]string{}
	for _, verb := range strings.FieldsFunc(`arise arose arisen|awake awoke awoken|bear bore borne|beat beat beaten|become became|begin began begun|bend bent
bet bet|bid bid|bind bound|bite bit bitten|bleed bled|blow blew blown|break broke broken|breed bred|bring brought
broadcast broadcast|build built|burn burnt|burst burst|buy bought|cast cast|catch caught|choose chose chosen
cling clung|come came|cost cost|creep crept|cut cut|deal dealt|dig dug|draw drew drawn|drink drank drunk
drive drove driven|eat ate eaten|fall fell fallen|feed fed|feel felt|fight fought|find found|flee fled|fly flew flown
forbid forbade forbidden|forecast forecast|forget forgot forgotten|forgive forgave forgiven|freeze froze frozen
get got gotten|give gave given|go went gone|grow grew grown|hang hung|have had|hear heard|hide hid hidden|hit hit
hold held|hurt hurt|keep kept|kneel knelt|know knew known|lay laid|lead led|lean leant|leave left|lend lent|let let
lose lost|make made|mean meant|meet met|overrun overran|pay paid|put put|quit quit|read read|ride rode ridden
ring rang rung|rise rose risen|run ran|say said|see saw seen|seek sought|sell sold|send sent|set set
shake shook shaken|shed shed|shine shone|shoot shot|show showed shown|shrink shrank shrunk|shut shut|sing sang sung
sink sank sunk|sit sat|slay slew slain|sleep slept|slide slid|speak spoke spoken|speed sped|spend spent|spin spun
split split|spread spread|spring sprang sprung|stand stood|steal stole stolen|stick stuck|sting stung
stride strode stridden|strike struck stricken|strive strove striven|swear swore sworn|sweep swept|swim swam swum
swing swung|take took taken|teach taught|tear tore torn|tell told|think thought|throw threw thrown|tread trod trodden
undergo underwent undergone|understand understood|undertake undertook undertaken|uphold upheld|upset upset
wake woke woken|wear wore worn|weep wept|win won|withdraw withdrew withdrawn|withhold withheld|withstand withstood
wring wrung|write wrote written`, func(r rune) bool { return r == '|' || r == '\n' }) {
		f := strings.Fields(verb)
		for _, form := range f[1:] {
			m[form] = f[0]
		}
		pp[f[0]] = f[len(f)-1]
	}
	return m, pp
}()

// doubledFinal are verbs of more than one syllable, stressed last, that
// double their final consonant before "-ed" ("admitted", "controlled").
var doubledFinal = map[string]bool{"admit": true, "commit": true, "submit": true, "omit": true, "permit": true,
	"transmit": true, "emit": true, "occur": true, "refer": true, "prefer": true, "confer": true, "deter": true,
	"incur": true, "recur": true, "control": true, "patrol": true, "compel": true, "expel": true, "propel": true,
	"repel": true, "regret": true, "equip": true, "acquit": true, "rebel": true, "excel": true, "allot": true,
	"embed": true, "outbid": true, "overstep": true, "kidnap": true}

// Participle returns the past participle of a verb's lemma ("flee" →
// "fled", "rescue" → "rescued", "stop" → "stopped", "carry" →
// "carried"): the strong verbs' table, else the spelling rules of
// "-ed".
func Participle(lemma string) string {
	l := strings.ToLower(lemma)
	if p, ok := irregularParticiples[l]; ok {
		return p
	}
	for _, pre := range participlePrefixes {
		if p, ok := irregularParticiples[strings.TrimPrefix(l, pre)]; ok && strings.HasPrefix(l, pre) && l != "relay" {
			return pre + p // "rebuild" → "rebuilt", "mislead" → "misled" ("relay" is regular)
		}
	}
	n := len(l)
	switch {
	case n == 0:
		return l
	case strings.HasSuffix(l, "e"):
		return l + "d"
	case n > 1 && l[n-1] == 'y' && !isVowel(l[n-2]):
		return l[:n-1] + "ied"
	case doubledFinal[l] || n >= 3 && vowelGroups(l) == 1 && !isVowel(l[n-1]) && isVowel(l[n-2]) && !isVowel(l[n-3]) &&
		!strings.ContainsRune("wxy", rune(l[n-1])):
		return l + l[n-1:] + "ed" // "stop", "ban", "plan"
	}
	return l + "ed"
}

// IrregularPast says whether w, lower case, is the past tense or past
// participle of an irregular verb ("took", "taken"), not a form the
// verb shares with its base ("cut").
func IrregularPast(w string) bool {
	l, ok := irregularVerbs[w]
	return ok && l != w
}

// participlePrefixes make a verb of an irregular one that keeps its
// forms ("rebuild", "outsell", "overthrow").
var participlePrefixes = []string{"re", "over", "under", "out", "mis", "fore", "up", "with"}

func isVowel(c byte) bool { return strings.IndexByte("aeiou", c) >= 0 }

// vowelGroups counts the runs of vowels in a lower-case word.
func vowelGroups(w string) int {
	n := 0
	for i := 0; i < len(w); i++ {
		if isVowel(w[i]) && (i == 0 || !isVowel(w[i-1])) {
			n++
		}
	}
	return n
}
