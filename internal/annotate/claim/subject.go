package claim

import (
	"slices"
	"strings"

	"sitrep/internal/annotate/tokens"
	"sitrep/internal/news"
	"sitrep/internal/syntax"
)

// taggedAt returns the index in a.Tokens of the token starting at pos,
// or -1 when there is none or no syntax layer (its tags are there; its
// sentence may be unparsed).
func taggedAt(a *news.Article, pos int) int {
	if len(a.Syntax) != len(a.Tokens) {
		return -1
	}
	k, ok := slices.BinarySearchFunc(a.Tokens, pos, func(t news.Token, p int) int { return t.Start - p })
	if !ok {
		return -1
	}
	return k
}

// tokenAt returns the index in a.Tokens of the token starting at pos, or
// -1; -1 too when the token's sentence was not parsed.
func tokenAt(a *news.Article, pos int) int {
	if k := taggedAt(a, pos); k >= 0 && a.Syntax[k].Parsed() {
		return k
	}
	return -1
}

// syntaxSubject returns the span of the subject (nsubj) of the verb at
// byte offset pos in the sentence sent, from the syntax layer: the
// verb's own subject, else, for a verb hanging on another clause
// ("…, saying", "plans to give"), that clause's subject. ok is false
// when the sentence was not parsed or there is no subject.
func syntaxSubject(a *news.Article, pos int, sent news.Span) (news.Span, bool) {
	v := tokenAt(a, pos)
	if v < 0 {
		return news.Span{}, false
	}
	lo, hi := v, v
	for lo > 0 && a.Tokens[lo-1].Start >= sent.Start {
		lo--
	}
	for hi+1 < len(a.Tokens) && a.Tokens[hi+1].End <= sent.End {
		hi++
	}
	for range 3 {
		for k := lo; k <= hi; k++ {
			if int(a.Syntax[k].Head) == v && a.Syntax[k].Rel == "nsubj" {
				return subtree(a, k, lo, hi), true
			}
		}
		switch a.Syntax[v].Rel {
		case "advcl", "xcomp", "conj":
			v = int(a.Syntax[v].Head)
		default:
			return news.Span{}, false
		}
		if v < 0 {
			return news.Span{}, false
		}
	}
	return news.Span{}, false
}

// conjSubject returns the subject of the verb that the verb at pos is
// conjoined to ("Cal Fire said …, but on Saturday said …"), within the
// sentence sent.
func conjSubject(a *news.Article, pos int, sent news.Span) (news.Span, bool) {
	v := tokenAt(a, pos)
	if v < 0 || a.Syntax[v].Rel != "conj" {
		return news.Span{}, false
	}
	h := int(a.Syntax[v].Head)
	if h < 0 || h >= len(a.Tokens) {
		return news.Span{}, false
	}
	return syntaxSubject(a, a.Tokens[h].Start, sent)
}

// subtree returns the span of token k and its dependents among the
// tokens lo..hi (one sentence).
func subtree(a *news.Article, k, lo, hi int) news.Span {
	in := func(t int) bool {
		for n := 0; t >= 0 && n < 50; n++ {
			if t == k {
				return true
			}
			t = int(a.Syntax[t].Head)
		}
		return false
	}
	first, last := k, k
	for t := lo; t <= hi; t++ {
		if in(t) {
			first, last = min(first, t), max(last, t)
		}
	}
	return news.Span{Start: a.Tokens[first].Start, End: a.Tokens[last].End}
}

// rootSubject returns the subject of the main verb of the sentence sent
// when that verb comes before pos: "X urged troops to leave, claiming
// 4,500 were dead", where the parse hangs the participle on a word after
// it.
func rootSubject(a *news.Article, pos int, sent news.Span) (news.Span, bool) {
	k := sentenceRoot(a, sent)
	if k < 0 || a.Tokens[k].Start >= pos || a.Syntax[k].UPOS != news.VERB {
		return news.Span{}, false
	}
	return syntaxSubject(a, a.Tokens[k].Start, sent)
}

// sentenceRoot returns the token the syntax layer makes the root of the
// sentence sent, or -1.
func sentenceRoot(a *news.Article, sent news.Span) int {
	for k := tokenAt(a, sent.Start); k >= 0 && k < len(a.Tokens) && a.Tokens[k].End <= sent.End; k++ {
		if a.Syntax[k].Rel == "root" {
			return k
		}
	}
	return -1
}

// presentCues report in the present tense.
var presentCues = tokens.Set(`says say tells tell claims claim argues argue insists insist`)

// pastForm says whether a verb as written is a past form: regular
// ("voted") or irregular ("took").
func pastForm(w string) bool {
	return strings.HasSuffix(w, "ed") || syntax.IrregularPast(w)
}

// cutConj ends a content that follows its cue before a verb coordinated
// with the cue ("Moscow denied responsibility and refused to hand over
// two suspects": what was denied ends at "and"), from the syntax layer;
// not before a second reported clause ("said A, and that B"), nor after a say verb whose object a comma alone parts from the verb
// (the reported clause's subject and verb, misparsed).
func cutConj(a *news.Article, cuePos int, content news.Span) news.Span {
	v := tokenAt(a, cuePos)
	if v < 0 {
		return content
	}
	for k := v + 1; k < len(a.Tokens) && a.Tokens[k].Start < content.End; k++ {
		if int(a.Syntax[k].Head) != v || a.Syntax[k].Rel != "conj" || a.Syntax[k].UPOS != news.VERB || backshifted(a, k) {
			continue
		}
		if w, cue := strings.ToLower(a.Tokens[k].Span.In(a.Text)), strings.ToLower(a.Tokens[v].Span.In(a.Text)); strings.HasSuffix(w, "ing") && !strings.HasSuffix(cue, "ing") {
			// "accused the coalition of killing 60 civilians and
			// injuring 200 others": a gerund goes on with the phrase the
			// tree misattached, not a second act of the finite cue.
			continue
		} else if presentCues[cue] && pastForm(w) {
			// "Clinton says Obama had a PAC …, and took millions": a
			// past verb after a present cue goes on with the reported
			// clause, not a second act of the speaker's.
			continue
		}
		// The coordinator ("and", ",") before the conjunct ends the content.
		end := a.Tokens[k].Start
		cc, obj, that := false, false, false
		for c := k - 1; c > v; c-- {
			if int(a.Syntax[c].Head) == k && (a.Syntax[c].Rel == "cc" || a.Syntax[c].Rel == "punct") {
				end = a.Tokens[c].Start
				cc = cc || a.Syntax[c].Rel == "cc"
			}
			obj = obj || int(a.Syntax[c].Head) == v && a.Syntax[c].Rel == "obj"
			that = that || int(a.Syntax[c].Head) == k && a.Syntax[c].Rel == "mark" && strings.EqualFold(a.Text[a.Tokens[c].Start:a.Tokens[c].End], "that")
		}
		if that {
			// "said A, and that B": a second reported clause, not a
			// second act of the speaker.
			continue
		}
		if !cc && obj && sayVerbs[strings.ToLower(a.Text[a.Tokens[v].Start:a.Tokens[v].End])] {
			// "Officials say X, who …, held two licences": a say verb's
			// "object" before a comma and a verb is the reported
			// clause's subject, which the parse misread.
			continue
		}
		if end > content.Start {
			return trimSpan(a.Text, news.Span{Start: content.Start, End: end})
		}
	}
	return content
}

// backshifted says whether the verb at token k has no subject of its own
// and either a backshifted modal ("…, but would eventually add $84
// billion") or, set off by a comma alone, the form of a participle
// ("…, followed by Ted Cruz at 17 percent"): it goes on with the
// reported clause, whatever the parse hangs it on.
func backshifted(a *news.Article, k int) bool {
	w := strings.ToLower(a.Text[a.Tokens[k].Start:a.Tokens[k].End])
	goesOn := k > 0 && a.Text[a.Tokens[k-1].Start:a.Tokens[k-1].End] == "," && (strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "ing"))
	for c := max(0, k-4); c < k; c++ {
		if int(a.Syntax[c].Head) != k {
			continue
		}
		switch a.Syntax[c].Rel {
		case "nsubj", "nsubj:pass", "expl":
			return false
		case "aux":
			switch strings.ToLower(a.Text[a.Tokens[c].Start:a.Tokens[c].End]) {
			case "would", "could", "might":
				goesOn = true
			}
		}
	}
	return goesOn
}
