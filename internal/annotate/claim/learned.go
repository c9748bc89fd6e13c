package claim

import (
	"sort"
	"strings"

	"sitrep/internal/annotate/tokens"
	"sitrep/internal/attribution"
	"sitrep/internal/news"
)

// learnedVerbs are the words one of which a learned cue must contain to
// become a claim: the rules' own cue verbs and their other forms. PolNeAR
// also annotates stances and intentions ("called for", "wants"), which
// are not claims the ledger can use.
var learnedVerbs = func() map[string]bool {
	out := map[string]bool{}
	for _, c := range cues {
		if len(c.words) == 1 && !c.evidence && !c.quoted && !c.as { // "showed", "found": only with evidence as subject; "continued": only beside a quotation; "described": only with "as"
			out[c.words[0]] = true
		}
	}
	for _, w := range strings.Fields(`saying telling adding writing stating announcing noting explaining
		warning warn confirming confirm denying deny reporting report claiming claim insist insists insisting
		admit admits admitting acknowledge acknowledges acknowledging argue argues argued arguing suggest suggests
		suggested suggesting predict predicts predicted predicting allege alleges alleged alleging tweeted tweets
		note notes explain explains`) {
		out[w] = true
	}
	// "Trump charges that …" is a cue by the rules' "that"; the tagger
	// would take any charge ("police charged two men").
	delete(out, "charged")
	delete(out, "charges")
	return out
}()

// learnedCue says whether a cue found by the tagger contains one of the
// learnedVerbs used as a verb: not a "claim" of a thing ("claim a
// mandate"), not a noun where the document has a syntax layer
// ("report"), not negated ("has not reported", "has said nothing": no
// statement to credit), and not a past participle modifying a noun ("a
// force estimated at 40 battalions": the noun is what is estimated, not
// who estimates).
func learnedCue(d *attribution.Document, cue []attribution.Range) bool {
	tagged := len(d.Syntax) == len(d.Tokens)
	for _, r := range cue {
		for k := r.Start; k < r.End; k++ {
			w := strings.ToLower(d.Tokens[k].In(d.Text))
			if !learnedVerbs[w] || tagged && d.Syntax[k].UPOS != news.VERB {
				continue
			}
			if tagged && d.Syntax[k].Rel == "acl" && !strings.HasSuffix(w, "ing") {
				return false
			}
			if k > 0 && beForms[strings.ToLower(d.Tokens[k-1].In(d.Text))] && !strings.HasSuffix(w, "ing") {
				return false // "has been accused of": the passive's subject is accused, not speaking
			}
			ws := []word{{lower: w}}
			for j := k + 1; j < len(d.Tokens) && j <= k+7; j++ {
				t := d.Tokens[j]
				ws = append(ws, word{lower: strings.ToLower(t.In(d.Text)), punct: t.Kind == news.TokenPunct})
			}
			if claimsObject(ws, 0) {
				return false
			}
			for j := max(r.Start-1, 0); j < k; j++ {
				switch strings.ToLower(d.Tokens[j].In(d.Text)) {
				case "not", "n't", "never", "no":
					return false
				}
			}
			if k+1 < len(d.Tokens) && strings.EqualFold(d.Tokens[k+1].In(d.Text), "nothing") {
				return false
			}
			return true
		}
	}
	return false
}

// AddLearned adds to the rule-based claims those the learned attribution
// tagger (internal/attribution) finds and the rules missed: a cue with a
// reporting verb ("said", "told", "warned", "added" …) that overlaps no
// rule cue, and a source the rules would accept as a speaker (a name, a
// pronoun or a speaker noun such as "officials"). Where a rule speaker
// looks cut short (cutSpeaker), the tagger's source for the same cue
// replaces it (repairSpeaker). On PolNeAR dev the tagger finds reporting
// cues with much higher recall than the rules at higher precision (see
// docs/BENCHMARKS.md), while the rules keep what they do that the tagger
// does not: entity-resolved and pronoun-resolved speakers, relays and
// nesting. The claims come back in text order (by cue), with Parent
// indices remapped.
func AddLearned(a *news.Article, claims []news.Claim, m *attribution.Model) []news.Claim {
	if m == nil || len(a.Tokens) == 0 {
		return claims
	}
	d := attribution.FromLayers(a.Text, a.Tokens, a.Sentences)
	if len(a.Syntax) == len(a.Tokens) {
		d.Syntax = a.Syntax // else the tagger runs the syntax stage itself
	}
	ix := newIndex(a)
	v := tokens.NewView(a.Text, a.Tokens)
	n := len(claims)
	// ruleAt is the rule claim whose cue overlaps the span, or -1. The
	// rule claims come in text order with cues apart, so the first cue
	// ending after the span starts is the only candidate.
	ruleAt := func(cue news.Span) int {
		i := sort.Search(n, func(i int) bool { return claims[i].CueSpan.End > cue.Start })
		if i < n && claims[i].CueSpan.Start < cue.End {
			return i
		}
		return -1
	}
	// Cues with a reporting verb get their source and content tagged when
	// no rule cue overlaps them, or when the rule's speaker looks cut
	// short.
	keep := func(r attribution.Range) bool {
		if i := ruleAt(d.Span([]attribution.Range{r})); i >= 0 {
			return doubtful(a, claims[i].SpeakerSpan)
		}
		return learnedCue(d, []attribution.Range{r})
	}
	for _, at := range m.TagCues(d, keep) {
		if len(at.Source) == 0 {
			continue
		}
		if i := ruleAt(d.Span(at.Cue)); i >= 0 {
			repairSpeaker(a, ix, &claims[i], d.Span(at.Source))
			continue
		}
		if len(at.Content) == 0 {
			continue
		}
		cue := d.Span(at.Cue)
		if addsAThing(a, strings.ToLower(cue.In(a.Text)), cue.Start) {
			continue
		}
		spk, content := d.Span(at.Source), d.Span(at.Content)
		if k := tokenAt(a, spk.Start); k > 0 && strings.EqualFold(a.Tokens[k-1].In(a.Text), "than") {
			continue // "worse than people say": a comparison, not a source
		}
		if !okSpeaker(a.Text, words(&v, spk)) {
			continue // "estimates suggesting …": not a speaker the ledger can name
		}
		cl := news.Claim{CueSpan: cue, Cue: strings.ToLower(cue.In(a.Text)), Content: content, Parent: -1}
		cl.Span = news.Span{Start: min(content.Start, spk.Start, cue.Start), End: max(content.End, spk.End, cue.End)}
		setSpeaker(a, ix, &cl, spk)
		if pr := subjectPronoun(cl.Speaker); cl.SpeakerSpan != nil && pronouns[pr] {
			// "he said", "they say": the nearest compatible actor, else
			// the pronoun as written (never the outlet).
			var sent, prev news.Span
			ss := a.Sentences
			if k := sort.Search(len(ss), func(i int) bool { return ss[i].End > cue.Start }); k < len(ss) {
				sent = ss[k].Span
				if k > 0 {
					prev = ss[k-1].Span
				}
			}
			if name, ent, ok := ix.pronoun(pr, pronounPos(pr, cl), cl.Content, claims[:n], sent, prev, nil); ok {
				cl.Speaker, cl.SpeakerEntity = name, ent
			} else {
				cl.Speaker = Unresolved(cl.Speaker)
			}
		}
		describedBefore(a, ix, claims[:n], &cl)
		if len(a.Sentences) > 0 && cue.Start >= a.Sentences[0].End {
			ix.titledRole(&cl) // "the secretary tried to explain" (in the lead a role names whoever comes after it)
		}
		text := content.In(a.Text)
		cl.Direct = isQuoteRune(text)
		cl.Hedges = hedges(cl.Span.In(a.Text))
		claims = append(claims, cl)
	}
	if len(claims) == n {
		return claims
	}
	// A new claim whose cue and speaker lie in another claim's content is
	// nested in the smallest such claim (the first of equal ones). Only
	// claims whose content starts at most the longest content before the
	// cue can hold it: they are found by binary search over the claims in
	// order of content start.
	byContent := make([]int, len(claims))
	longest := 0
	for j := range byContent {
		byContent[j] = j
		longest = max(longest, claims[j].Content.Len())
	}
	sort.SliceStable(byContent, func(x, y int) bool { return claims[byContent[x]].Content.Start < claims[byContent[y]].Content.Start })
	for i := n; i < len(claims); i++ {
		c := &claims[i]
		from := c.CueSpan.End - longest
		k := sort.Search(len(byContent), func(x int) bool { return claims[byContent[x]].Content.Start >= from })
		for ; k < len(byContent) && claims[byContent[k]].Content.Start <= c.CueSpan.Start; k++ {
			j := byContent[k]
			p := claims[j]
			if j != i && c.CueSpan.Start >= p.Content.Start && c.CueSpan.End <= p.Content.End &&
				(c.SpeakerSpan == nil || c.SpeakerSpan.Start >= p.Content.Start && c.SpeakerSpan.End <= p.Content.End) &&
				(c.Parent < 0 || p.Content.Len() < claims[c.Parent].Content.Len() ||
					p.Content.Len() == claims[c.Parent].Content.Len() && j < c.Parent) {
				c.Parent = j
			}
		}
	}
	claims = inOrder(claims)
	ix.quotedPronouns(claims)
	return claims
}

// cutSpeaker says whether a rule speaker looks cut short: one or two
// letters ("U" of "U.K. officials"), or followed directly by a period and
// a letter or by an initial ("Rep." of "Rep. G.K. Butterfield", "John D."
// of "John D. Podesta").
func cutSpeaker(text string, sp *news.Span) bool {
	if sp == nil {
		return false
	}
	w := sp.In(text)
	if n := len(strings.TrimSuffix(w, ".")); n <= 2 {
		return true
	}
	if strings.HasSuffix(w, ".") {
		return true
	}
	rest := text[sp.End:]
	return strings.HasPrefix(rest, ".") && len(rest) > 1 && rest[1] != ' ' && rest[1] != '\n'
}

// doubtful says whether a rule speaker may be wrong in a way the
// tagger's source for the same cue can repair (repairSpeaker): cut short,
// after a comma or an "and", opening with a preposition ("for education
// organizing at …", the tail of an apposition) or with stray words.
func doubtful(a *news.Article, sp *news.Span) bool {
	if sp == nil {
		return false
	}
	if k := tokenAt(a, sp.Start); k >= 0 && len(a.Syntax) == len(a.Tokens) && a.Syntax[k].UPOS == news.ADP {
		return true
	}
	return cutSpeaker(a.Text, sp) || appended(a.Text, sp) || strayStart(a, sp) >= 0
}

// appended says whether a rule speaker follows a comma or an "and": it
// may be the last of the appositions after a name ("Leonard Burman,
// director of X and a professor at Y, said"), which repairSpeaker
// checks against the tagger's source.
func appended(text string, sp *news.Span) bool {
	if sp == nil {
		return false
	}
	before := strings.TrimRight(text[:sp.Start], " ")
	return strings.HasSuffix(before, ",") || strings.HasSuffix(before, " and")
}

// strayStart returns where the name starts in a rule speaker that opens
// with words of the clause before it ("the Bloomberg interview Trump",
// "the third time AROS"): the first capitalised word after a lower-case
// noun, adverb or verb with no role or preposition between them
// ("defence minister Oleksii Reznikov", "a brigadier general in
// Ukraine's armed forces" are each one phrase). It returns -1 when there
// is none.
func strayStart(a *news.Article, sp *news.Span) int {
	if sp == nil || len(a.Syntax) != len(a.Tokens) {
		return -1
	}
	stray := false
	for k := tokenAt(a, sp.Start); k >= 0 && k < len(a.Tokens) && a.Tokens[k].Start < sp.End; k++ {
		w := a.Tokens[k].In(a.Text)
		switch {
		case upper(w) && stray:
			return a.Tokens[k].Start
		case roleHeads[strings.ToLower(w)] || a.Syntax[k].UPOS == news.ADP:
			stray = false // the role or the place a name belongs to
		case upper(w):
		default:
			switch a.Syntax[k].UPOS {
			case news.NOUN, news.ADV, news.VERB, news.SCONJ:
				stray = true
			}
		}
	}
	return -1
}

// repairSpeaker replaces a rule claim's speaker by the tagger's source
// for the same cue when the source holds the rule's speaker: the source
// up to its first comma or bracket (the name before an apposition),
// resolved again. It replaces a speaker cut short by more of the name
// ("Rep." of "Rep. G.K. Butterfield"), and a speaker in an apposition
// after a name by the name when the rule's speaker names no person and
// the name does ("Leonard Burman, director of X and a professor at Y,
// said": Burman, not the professor; "Dianne Feinstein, Democrat of
// California, said"). A named person after a description stays ("a
// lawyer for the outlets, David Schulz, said").
func repairSpeaker(a *news.Article, ix *index, c *news.Claim, src news.Span) {
	rule := c.SpeakerSpan
	if rule == nil {
		return
	}
	if k := strayStart(a, rule); k >= 0 && src.Start >= k && src.Start > rule.Start && src.End == rule.End {
		// the tagger's source is the name the stray words run into
		setSpeaker(a, ix, c, src)
		return
	}
	if src.Start > rule.Start || src.End < rule.End {
		return
	}
	if k := strings.IndexAny(src.In(a.Text), ",("); k > 0 {
		src.End = src.Start + k
	}
	src = trimSpan(a.Text, src)
	switch {
	case src.Len() > rule.Len() && src.Start <= rule.Start && src.End >= rule.End:
		// more of the same name
	case src.End <= rule.Start && src.Len() > 0:
		_, named := ix.resolve(src)
		_, ruled := ix.resolve(*rule)
		if !strings.HasPrefix(named, "per:") || strings.HasPrefix(ruled, "per:") {
			return
		}
		v := tokens.NewView(a.Text, a.Tokens)
		if !okSpeaker(a.Text, words(&v, src)) {
			return
		}
	default:
		return
	}
	setSpeaker(a, ix, c, src)
	c.Span = news.Span{Start: min(c.Span.Start, src.Start), End: max(c.Span.End, src.End)}
}
