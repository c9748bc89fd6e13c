package claim

import (
	"regexp"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"sitrep/internal/annotate/tokens"
	"sitrep/internal/news"
)

// evidenceVerbs are the verbs by which evidence speaks ("the data
// showed", "a survey found"): a cue only when its subject is evidence
// (a data noun, "the report", or "it" after a sentence naming evidence).
var evidenceVerbs = tokens.Set(`shows showed show found finds find suggests suggested suggest indicates indicated indicate`)

// evidenceAdjuncts open a phrase after a data noun that leaves the noun
// the head: "polls in New Hampshire", "figures for March".
var evidenceAdjuncts = tokens.Set(`of taken in among across for`)

// evidenceHead says whether the subject ws lets an evidence verb report:
// its head is a data noun, a report, or a pronoun for one.
func evidenceHead(ws []word) bool {
	if len(ws) == 0 {
		return false
	}
	h := ws[len(ws)-1].lower
	if dataNouns[h] || documentNouns[h] || h == "it" || h == "this" {
		return true // ("FEC filings show", "a 2011 email shows")
	}
	// "A CNN poll last month", "a survey in January": a data noun and a
	// time adjunct after it.
	for k := len(ws) - 2; k >= 0 && (timeWords[ws[k+1].lower] || adjunctStarts[ws[k+1].lower] || ws[k+1].lower == "the"); k-- {
		if dataNouns[ws[k].lower] {
			return true
		}
	}
	// "Figures from the UN refugee agency", "a poll by the Rating group":
	// a data noun with its source after it.
	for k := 0; k+1 < len(ws); k++ {
		next := k + 1
		if next+1 < len(ws) && evidenceParticiples[ws[next].lower] {
			next++ // "figures released by the ministry"
		}
		if dataNouns[ws[k].lower] && (ws[next].lower == "from" || ws[next].lower == "by") {
			return true
		}
		if dataNouns[ws[k].lower] && (evidenceParticiples[ws[k+1].lower] || evidenceAdjuncts[ws[k+1].lower]) {
			// "a Quinnipiac poll released in late August", "an average
			// of polls taken over two weeks", "polls in New Hampshire":
			// the data noun heads it.
			return true
		}
	}
	return false
}

// evidenceParticiples may stand between a data noun and the "by" or
// "from" that names its source ("a survey conducted by Q").
var evidenceParticiples = tokens.Set(`conducted carried out commissioned published released compiled collected gathered run filed issued`)

// nameJoiners may stand inside a source's name ("Institute for the Study
// of War").
var nameJoiners = tokens.Set(`of for the and on in de`)

// evidenceSources returns, in text order, the sources the article names
// for evidence ("data from Q", "a survey conducted by Q"): the span of
// each Q, cut at a clause mark, a bracket or a lower-case word that is
// not part of a name. Computed once per article.
func (ix *index) evidenceSources() []news.Span {
	if ix.evidence != nil {
		return ix.evidence
	}
	ix.evidence = []news.Span{}
	v := tokens.NewView(ix.a.Text, ix.a.Tokens)
	for _, s := range ix.a.Sentences {
		ws := words(&v, s.Span)
		for k := 0; k+1 < len(ws); k++ {
			if !dataNouns[ws[k].lower] {
				continue
			}
			j := k + 1
			for j < len(ws) && j <= k+2 && evidenceParticiples[ws[j].lower] {
				j++
			}
			if j >= len(ws) || ws[j].lower != "from" && ws[j].lower != "by" {
				continue
			}
			j++
			start := j
			if j < len(ws) && ws[j].lower == "the" {
				j++
			}
			end := -1
			for ; j < len(ws) && j < start+10; j++ {
				w := ws[j]
				if w.punct {
					break
				}
				if timeWords[w.lower] {
					break // "a report published by the Lab in May"
				}
				if upper(w.Span.In(ix.a.Text)) {
					end = j
				} else if !nameJoiners[w.lower] && !((w.lower == "'s" || w.lower == "’s") && j+1 < len(ws) && upper(ws[j+1].Span.In(ix.a.Text))) {
					break // (a possessive inside a name goes on: "Queen's University Belfast")
				}
			}
			if end >= start {
				sp := news.Span{Start: ws[start].Start, End: ws[end].End}
				if b := end + 1; b+2 < len(ws) && ws[b].lower == "(" && ws[b+2].lower == ")" && abbreviation(ws[b+1].Span.In(ix.a.Text)) {
					// "a survey conducted by the Kyiv Institute of
					// Sociology (KIIS)": the abbreviation is kept.
					sp.End = ws[b+2].End
				}
				ix.evidence = append(ix.evidence, sp)
			}
		}
	}
	return ix.evidence
}

// abbreviation says whether a word is an abbreviation in capitals
// ("KIIS", "ISW"): two or more letters, all upper case.
func abbreviation(w string) bool {
	n := 0
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
		n++
	}
	return n >= 2
}

// evidenceSource returns the named source of evidence a sourceless
// evidence speaker at pos stands for ("the data showed" after "data from
// Q"; "according to new survey results" before "a survey conducted by
// Q"): the nearest one named before pos when no claim with another
// speaker lies between, else one named within the next three sentences.
func (ix *index) evidenceSource(pos int, claims []news.Claim) (string, string, news.Span, bool) {
	srcs := ix.evidenceSources()
	k := sort.Search(len(srcs), func(i int) bool { return srcs[i].Start >= pos })
	if k > 0 {
		sp := srcs[k-1]
		name, ent := ix.resolve(sp)
		other := false
		for _, c := range claims {
			if c.CueSpan.Start > sp.End && c.CueSpan.Start < pos && c.SpeakerSpan != nil && !sameName(c.Speaker, name) {
				other = true
			}
		}
		if !other {
			return name, ent, sp, true
		}
	}
	if k < len(srcs) {
		ss := ix.a.Sentences
		at := func(p int) int { return sort.Search(len(ss), func(i int) bool { return ss[i].End > p }) }
		if at(srcs[k].Start)-at(pos) <= 3 {
			name, ent := ix.resolve(srcs[k])
			return name, ent, srcs[k], true
		}
	}
	return "", "", news.Span{}, false
}

// dataBefore says whether the sentence sp names evidence (a data noun):
// "it" in the next sentence's "It shows" may then be that evidence.
func dataBefore(a *news.Article, sp news.Span) bool {
	if sp.Len() == 0 {
		return false
	}
	v := tokens.NewView(a.Text, a.Tokens)
	for _, w := range words(&v, sp) {
		if dataNouns[w.lower] {
			return true
		}
	}
	return false
}

// continuationOpeners start a sentence that goes on with the statement
// before it ("There will also be 400 vehicles", "It also includes …").
var continuationOpeners = tokens.Set(`there it this these they`)

// continues says whether a sentence without a claim of its own goes on
// with the previous sentence's statement: it opens with "there", "it",
// "this", "these" or "they" and has "also" or a form of "include" among
// its next three words.
func continues(ws []word) bool {
	if len(ws) < 3 || !continuationOpeners[ws[0].lower] {
		return false
	}
	for _, w := range ws[1:min(4, len(ws))] {
		switch w.lower {
		case "also", "include", "includes", "including":
			return true
		}
	}
	return false
}

// signature matches a reader's letter's signature as the Guardian's
// letters pages run it into the text: the writer's name glued to the
// town, a comma and the county ("…behaviour.Jane DoeShefford,
// Bedfordshire").
var signature = regexp.MustCompile(`[.!?”"’)]\s*((?:(?:Rev|Dr|Prof|Sir|Lady|Lord|Dame|Canon|Cllr)\.? )?[A-Z][a-z’'-]*[a-z](?: [A-Z][a-z’'-]*[a-z]){1,3})[A-Z][a-z]+(?:[ -][A-Z][a-z]+)*, [A-Z][a-z]+`)

// letters returns a claim per reader's letter on a letters page: the
// letter's text, from the end of the signature before it (or the start
// of the article), is its writer's. A page needs two signatures, or one
// ending the text or in an article the genre layer calls a letter.
func letters(a *news.Article, ix *index) []news.Claim {
	ms := signature.FindAllStringSubmatchIndex(a.Text, -1)
	if len(ms) == 0 {
		return nil
	}
	letter := a.Genre != nil && a.Genre.Kind == news.GenreLetter
	if len(ms) == 1 && !letter && len(a.Text)-ms[0][1] > 200 {
		return nil
	}
	var out []news.Claim
	from := 0
	for _, m := range ms {
		name := news.Span{Start: m[2], End: m[3]}
		body := trimSpan(a.Text, news.Span{Start: from, End: name.Start})
		from = m[1]
		if body.Len() == 0 {
			continue
		}
		cl := news.Claim{Span: news.Span{Start: body.Start, End: name.End}, CueSpan: name, Cue: "letter", Content: body, Parent: -1}
		sp := name
		cl.SpeakerSpan = &sp
		cl.Speaker = name.In(a.Text)
		if lo, hi := ix.mentions(name); lo < hi && a.Entities[lo].Span == name && a.Entities[lo].Type == "PER" {
			cl.SpeakerEntity = a.Entities[lo].Entity
		}
		out = append(out, cl)
	}
	return out
}

// roleHeads are the heads of a singular role description that names one
// person ("Nato's secretary general", "the president").
var roleHeads = tokens.Set(`president minister secretary general chief spokesman spokeswoman spokesperson
	ambassador governor mayor commander head envoy adviser advisor leader chairman chairwoman director
	premier chancellor prosecutor administrator commissioner coordinator`)

// roleDescription says whether a speaker phrase is a definite singular
// role ("the president", "its armed forces chief", "Nato's secretary
// general").
func roleDescription(s string) bool {
	fs := strings.Fields(strings.ToLower(s))
	if len(fs) < 2 || !roleHeads[fs[len(fs)-1]] {
		return false
	}
	switch fs[0] {
	case "the", "its", "his", "her", "their":
		return true
	}
	for _, f := range fs[:len(fs)-1] {
		if strings.HasSuffix(f, "'s") || strings.HasSuffix(f, "’s") {
			return true
		}
	}
	return false
}

// roles resolves a role description in an article's first sentence
// that no entity resolved to the named person who speaks next: the
// speaker of the first claim with a person speaker in the next two
// sentences ("Nato's secretary general has said … . Jens Stoltenberg
// said …"). A lead describes before it names; later, a description may
// be anyone's, and the entity layer's role resolver decides.
//
// A role description left unresolved elsewhere ("the prime minister
// said") is the latest person named before it whom the text titles with
// that role ("Prime Minister Boris Johnson", "Ben Wallace, the defence
// secretary,"), else it stays as written.
func roles(a *news.Article, ix *index, claims []news.Claim) {
	ss := a.Sentences
	at := func(p int) int { return sort.Search(len(ss), func(i int) bool { return ss[i].End > p }) }
	person := func(c news.Claim) bool { return strings.HasPrefix(c.SpeakerEntity, "per:") }
	for i := range claims {
		c := &claims[i]
		if c.SpeakerSpan == nil || c.SpeakerEntity != "" || !roleDescription(c.SpeakerSpan.In(a.Text)) {
			continue
		}
		si := at(c.CueSpan.Start)
		if si != 0 {
			ix.titledRole(c)
			continue
		}
		found := -1
		for j := i + 1; j < len(claims) && at(claims[j].CueSpan.Start) <= si+2; j++ {
			if person(claims[j]) {
				found = j
				break
			}
		}
		if found >= 0 {
			c.Speaker, c.SpeakerEntity = claims[found].Speaker, claims[found].SpeakerEntity
		}
	}
}

// titledRole resolves a claim's speaker "the <role>" ("the prime
// minister said") that no entity resolved to the latest person named
// before it whom the text titles with that role, if any.
func (ix *index) titledRole(c *news.Claim) {
	if c.SpeakerSpan == nil || c.SpeakerEntity != "" || !roleDescription(c.SpeakerSpan.In(ix.a.Text)) {
		return
	}
	if role := strings.ToLower(c.SpeakerSpan.In(ix.a.Text)); strings.HasPrefix(role, "the ") {
		if m := ix.titled(strings.TrimPrefix(role, "the "), c.SpeakerSpan.Start); m != nil {
			c.Speaker, c.SpeakerEntity = m.Canonical, m.Entity
		}
	}
}

// roleOf says whether before, the text just before a name, ends in role
// and an "of" phrase of one to three capitalised words: "Secretary of
// State" titles a secretary, "Minister of Foreign Affairs" a minister.
func roleOf(before, role string) bool {
	i := strings.LastIndex(strings.ToLower(before), role+" of ")
	if i < 0 || i > 0 && before[i-1] != ' ' {
		return false
	}
	ws := strings.Fields(before[i+len(role)+4:])
	if len(ws) == 0 || len(ws) > 3 {
		return false
	}
	for _, w := range ws {
		if !upper(w) || strings.ContainsAny(w, ",.;:") {
			return false
		}
	}
	return true
}

// titled returns the latest person named before pos whom the text
// titles with role, a lower-case role phrase ("prime minister"): the
// role just before the name ("Prime Minister Boris Johnson") or closing
// the apposition after it ("Ben Wallace, the defence secretary,"). It
// looks back over at most 400 mentions and returns nil when none is
// titled so.
func (ix *index) titled(role string, pos int) *news.Mention {
	text := ix.a.Text
	k := ix.ends.FirstEndingAfter(pos)
	for i := k - 1; i >= 0 && i >= k-400; i-- {
		m := &ix.a.Entities[i]
		if m.Type != "PER" || m.Kind != "name" || m.Entity == "" || m.Canonical == "" || m.End > pos {
			continue
		}
		before := strings.TrimRight(strings.ToLower(text[max(0, m.Start-len(role)-2):m.Start]), " ")
		if strings.HasSuffix(before, role) && (len(before) == len(role) || before[len(before)-len(role)-1] == ' ') {
			return m
		}
		if roleOf(text[max(0, m.Start-len(role)-40):m.Start], role) {
			return m
		}
		after := strings.ToLower(text[m.End:min(len(text), m.End+len(role)+40)])
		if seg, ok := strings.CutPrefix(after, ", "); ok {
			if j := strings.IndexAny(seg, ",.;:"); j >= 0 {
				seg = seg[:j]
				if strings.HasSuffix(seg, " "+role) || seg == role {
					return m
				}
			}
		}
	}
	return nil
}

// inOrder sorts claims by cue start (stable), remapping Parent indices.
func inOrder(claims []news.Claim) []news.Claim {
	order := make([]int, len(claims))
	for i := range order {
		order[i] = i
	}
	sort.SliceStable(order, func(x, y int) bool { return claims[order[x]].CueSpan.Start < claims[order[y]].CueSpan.Start })
	pos := make([]int, len(claims))
	out := make([]news.Claim, len(claims))
	for k, i := range order {
		pos[i] = k
	}
	for k, i := range order {
		out[k] = claims[i]
		if p := out[k].Parent; p >= 0 {
			out[k].Parent = pos[p]
		}
	}
	return out
}

// quoteBefore returns the latest claim with a speaker whose cue lies in
// the sentence sp and whose content is a quotation or ends on one
// ("Clubs are “scratching out a profit,” Mr. Hedge said."), or what a
// person named there (not a pronoun) said, from the cue to the end of
// sp: news quotes the person it has just reported ("Olsen said the
// port would reopen. “We have rebuilt 30 piers.”"); else -1.
func quoteBefore(text string, claims []news.Claim, sp news.Span) int {
	for k := len(claims) - 1; k >= 0 && claims[k].CueSpan.Start >= sp.Start; k-- {
		c := claims[k]
		if c.SpeakerSpan == nil || c.CueSpan.End > sp.End {
			continue
		}
		if c.Direct || endsQuoted(c.Content.In(text)) {
			return k
		}
		if strings.HasPrefix(c.SpeakerEntity, "per:") && !pronouns[strings.ToLower(c.SpeakerSpan.In(text))] &&
			c.CueSpan.End <= c.Content.Start && strings.TrimRight(text[c.Content.End:sp.End], ".!?”\"' ") == "" {
			return k
		}
	}
	return -1
}

// endsQuoted says whether content ends on a closing quotation mark.
func endsQuoted(content string) bool {
	content = strings.TrimRight(content, " ,.")
	return strings.HasSuffix(content, "”") || strings.HasSuffix(content, "''") || strings.HasSuffix(content, "\"")
}

// quoteSpan is the quotation opening the sentence sp: up to its closing
// mark (within 1,500 bytes and the paragraph), else the sentence.
func quoteSpan(text string, sp news.Span) news.Span {
	end := min(len(text), sp.Start+1500)
	if k := strings.Index(text[sp.Start:end], "\n\n"); k >= 0 {
		end = sp.Start + k
	}
	rest := text[sp.Start:end]
	if opening, closing, ok := quoteMarks(rest); ok && len(opening) == 2 {
		// '' and ``: only the two-apostrophe mark closes.
		if k := strings.Index(rest[2:], closing); k >= 0 {
			return news.Span{Start: sp.Start, End: sp.Start + 2 + k + len(closing)}
		}
		return trimSpan(text, sp)
	}
	_, n := utf8.DecodeRuneInString(rest)
	if k := strings.IndexAny(rest[n:], "”“\""); k >= 0 {
		// The next mark of any kind closes it ("Finland.“" is a closing
		// mark set the wrong way round).
		_, m := utf8.DecodeRuneInString(rest[n+k:])
		return news.Span{Start: sp.Start, End: sp.Start + n + k + m}
	}
	return trimSpan(text, sp)
}

// sameName says whether two speaker names are one up to case and
// trailing punctuation, or one holds the other ("the Institute" and
// "Institute for X").
func sameName(x, y string) bool {
	x = strings.ToLower(strings.Trim(x, ".,;: "))
	y = strings.ToLower(strings.Trim(y, ".,;: "))
	return x != "" && y != "" && (strings.Contains(x, y) || strings.Contains(y, x))
}

// claimObjects follow a "claim" that takes a thing, not a statement
// ("claimed responsibility", "sought to claim a mandate").
var claimObjects = tokens.Set(`a an responsibility credit victory lives control ownership`)

// finiteAuxiliaries open a clause's verb group after its subject.
var finiteAuxiliaries = tokens.Set(`has have had will would could can may might should must`)

// winnings are what a candidate, a party or a player claims by winning
// it.
var winnings = tokens.Set(`vote votes seat seats delegate delegates medal medals title titles trophy trophies prize prizes`)

// attackNouns are acts of violence a group claims as its own.
var attackNouns = tokens.Set(`attack attacks bombing bombings blast blasts explosion explosions strike strikes
	assault assaults killing killings shooting shootings massacre abduction kidnapping`)

// claimsObject says whether ws[k] is a form of "claim" or "declare"
// whose object is a thing: no claim.
func claimsObject(ws []word, k int) bool {
	switch ws[k].lower {
	case "claim", "claims", "claimed", "claiming":
		o := k + 1
		if o+1 < len(ws) && (ws[o].lower == "the" || possessivePronouns[ws[o].lower] != "") {
			o++ // "claimed the lives of 14,000 people", "claimed its victory"
		}
		if o < len(ws) && claimObjects[ws[o].lower] {
			return true
		}
		// "claimed dual attacks", "claims the bombing": an attack claimed
		// as one's own, within a few words of modifiers.
		for j := k + 1; j < len(ws) && j <= k+6 && !ws[j].punct; j++ {
			if j <= k+4 && (attackNouns[ws[j].lower] || ws[j].lower == "lives") {
				return true // (or lives taken: "has claimed about 14,000 lives")
			}
			if winnings[ws[j].lower] && (j+1 >= len(ws) || !beForms[ws[j+1].lower] && !finiteAuxiliaries[ws[j+1].lower]) {
				return true // "claiming 41 percent of the vote", "claimed 55 seats" (not "claimed 40 seats were lost")
			}
			if ws[j].lower == "that" {
				break
			}
		}
		return false
	case "declared", "declares":
		// "declared: …", "declared that …", "…, he declared." report
		// speech; "declared a day of mourning" declares a thing.
		if k+1 >= len(ws) {
			return false
		}
		next := ws[k+1].lower
		// ("…,” Obama declared at a campaign stop": a time or place
		// after the verb is no thing declared.)
		return !(next == ":" || next == "that" || next == "," || next == "." || isQuote(next) || declaredAdjuncts[next] || strings.HasSuffix(next, "ly"))
	case "tell", "tells", "told", "telling":
		// "tells the truth", "told a tale of two parties": a story told,
		// not a listener.
		o := k + 1
		if o+1 < len(ws) && (ws[o].lower == "the" || ws[o].lower == "a" || possessivePronouns[ws[o].lower] != "") {
			o++
		}
		return o < len(ws) && toldThings[ws[o].lower]
	}
	return false
}

// declaredAdjuncts open a time or place after "declared" ("declared on
// Monday", "declared at a rally", "declared to reporters").
var declaredAdjuncts = tokens.Set(`on at in during after before from to while when yesterday today tonight last this earlier later again`)

// toldThings are what "tell" can take as its object when it tells no
// one anything: the truth, a story.
var toldThings = tokens.Set(`truth story stories tale tales lie lies joke jokes`)

// statements extends a claim whose cue ends its line with a colon ("The
// Foreign Secretary said:", "Minister Ellwood said:") over the unquoted
// paragraphs after it: the statement a press release prints below the
// line that credits it. It runs to the end of the text, or to the
// paragraph before one that credits someone else or opens another
// statement; a quoted first paragraph is left to the quotation rules.
func statements(text string, claims []news.Claim) {
	for i := range claims {
		c := &claims[i]
		if c.SpeakerSpan == nil || IsUnresolved(c.Speaker) {
			continue
		}
		body, ok := colonLineEnd(text, c.CueSpan.End)
		if !ok {
			continue
		}
		first := strings.TrimLeft(text[body:], " \t\r\n")
		if first == "" || isQuoteRune(first) || strings.HasPrefix(first, "‘") || strings.HasPrefix(first, "'") {
			continue
		}
		start, end := len(text)-len(first), len(text)
		for p := start; p < len(text); {
			pe := len(text)
			if nl := strings.IndexByte(text[p:], '\n'); nl >= 0 {
				pe = p + nl
			}
			if para := strings.TrimSpace(text[p:pe]); p > start && para != "" &&
				(strings.HasSuffix(para, ":") || creditsAnother(claims, i, news.Span{Start: p, End: pe})) {
				end = p
				break
			}
			p = pe + 1
		}
		sp := trimSpan(text, news.Span{Start: start, End: end})
		if sp.Len() == 0 {
			continue
		}
		c.Content, c.Direct = sp, true
		c.Span.End = max(c.Span.End, sp.End)
	}
}

// colonLineEnd reports whether a colon follows byte offset at (after
// spaces) and ends its line, and returns the offset after that line.
func colonLineEnd(text string, at int) (int, bool) {
	if at < 0 {
		return 0, false
	}
	j := at
	for j < len(text) && (text[j] == ' ' || text[j] == '\t') {
		j++
	}
	if j >= len(text) || text[j] != ':' {
		return 0, false
	}
	j++
	for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
		j++
	}
	if j >= len(text) || text[j] != '\n' {
		return 0, false
	}
	return j + 1, true
}

// creditsAnother says whether a claim other than claims[self], with a
// speaker who is not the statement's "I" or "we", has its cue in para.
func creditsAnother(claims []news.Claim, self int, para news.Span) bool {
	for j, c := range claims {
		if j == self || c.SpeakerSpan == nil || c.CueSpan.Start < para.Start || c.CueSpan.End > para.End {
			continue
		}
		switch strings.ToLower(c.Speaker) {
		case "i", "we":
			continue
		}
		return true
	}
	return false
}

// maxQuotation bounds how far openQuotations looks for a closing mark.
const maxQuotation = 3000

// openQuotations extends a claim whose content opens a quotation that
// its sentence does not close ("X said, "We have been clear … . In
// Syria, … ."", "X said the party "may have lost. After 40 years, …"")
// to the closing mark: every sentence of the quotation is the speaker's.
// A quotation runs on over paragraphs as news prints it, each paragraph
// it goes on in opening with the mark again and the closing mark only at
// its end; a paragraph that does not open with the mark ends it where
// the quotation was left open.
func openQuotations(text string, claims []news.Claim) {
	for i := range claims {
		c := &claims[i]
		opening, closing, ok := openMark(c.Content.In(text))
		if !ok {
			continue
		}
		if end, ok := quotationEnd(text[c.Content.End:min(len(text), c.Content.End+maxQuotation)], opening, closing); ok {
			c.Content.End += end
			c.Span.End = max(c.Span.End, c.Content.End)
		}
	}
}

// openMark returns the marks of a quotation that content opens and does
// not close: one at its start ("said: “…"), or an opening mark inside it
// that touches the word after it and follows a space ("said the party
// “may …"); ok is false when every quotation in content is closed.
func openMark(content string) (opening, closing string, ok bool) {
	from := len(content) - len(strings.TrimLeft(content, ": ")) // ("said: “…")
	for k := from; k < len(content); k++ {
		if k > from && content[k-1] != ' ' {
			continue
		}
		o, c, isQuote := quoteMarks(content[k:])
		if !isQuote || k+len(o) >= len(content) || content[k+len(o)] == ' ' {
			continue
		}
		if !strings.Contains(content[k+len(o):], c) {
			return o, c, true
		}
	}
	return "", "", false
}

// quoteMarks returns the opening and closing marks of the quotation s
// opens with (“…”, "…", ”…” or “…”), or ok false.
func quoteMarks(s string) (opening, closing string, ok bool) {
	switch {
	case strings.HasPrefix(s, "“"):
		return "“", "”", true
	case strings.HasPrefix(s, "''"):
		return "''", "''", true
	case strings.HasPrefix(s, "``"):
		return "``", "''", true
	case strings.HasPrefix(s, "\""):
		return "\"", "\"", true
	}
	return "", "", false
}

// quotationEnd returns how far into rest an open quotation runs: to the
// end of its closing mark, over paragraph breaks (a newline, or the two
// spaces flattened texts keep) that the opening mark follows; to the end
// of the paragraph when the next one does not open with the mark. It
// reports false for another quotation opening inside the paragraph or
// no end within rest.
func quotationEnd(rest, opening, closing string) (int, bool) {
	at := 0
	for {
		k := strings.Index(rest[at:], closing)
		br := tokens.ParagraphBreak(rest[at:])
		if br >= 0 && (k < 0 || br < k) {
			// The paragraph ends with the quotation open.
			next := at + br
			for next < len(rest) && (rest[next] == '\n' || rest[next] == ' ' || rest[next] == '\r' || rest[next] == '\t') {
				next++
			}
			if !strings.HasPrefix(rest[next:], opening) {
				return len(strings.TrimRight(rest[:at+br], " \r\t")), true
			}
			at = next + len(opening)
			continue
		}
		if k < 0 {
			return 0, false
		}
		if opening != closing && strings.Contains(rest[at:at+k], opening) {
			return 0, false // another quotation
		}
		return at + k + len(closing), true
	}
}

// quotedParagraph returns the quotation that opens the next paragraph
// after offset at, when only spaces and a line break stand between (a
// line that ends "Caddell continued:"), run on as openQuotations runs
// quotations.
func quotedParagraph(text string, at int) (news.Span, bool) {
	j := at
	for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r') {
		j++
	}
	if j >= len(text) || text[j] != '\n' {
		return news.Span{}, false
	}
	for j < len(text) && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r' || text[j] == '\n') {
		j++
	}
	opening, closing, ok := quoteMarks(text[j:])
	if !ok {
		return news.Span{}, false
	}
	from := j + len(opening)
	end, ok := quotationEnd(text[from:min(len(text), from+maxQuotation)], opening, closing)
	if !ok {
		return news.Span{}, false
	}
	return news.Span{Start: j, End: from + end}, true
}

// evidencePhrase says whether the words between "in" and a data noun
// modify it: articles, adjectives, names, nouns and numbers, joined by
// "of" or a slash ("the RealClearPolitics average of recent polls"), not
// a clause ("five states going to the polls").
func evidencePhrase(a *news.Article, ws []word) bool {
	for _, w := range ws {
		if w.punct || w.lower == "of" {
			continue
		}
		switch taggedUPOS(a, w.Start) {
		case news.DET, news.ADJ, news.PROPN, news.NOUN, news.NUM:
		default:
			return false
		}
	}
	return true
}

// possessedNouns are what a possessor states: "the IMF's estimate of
// global growth at 3.1 percent", "its forecast". (A possessor's plan or
// proposal is not: "his plan would dole out $4 trillion" is most often
// the writer's or an analyst's costing.)
var possessedNouns = tokens.Set(`estimate estimates forecast forecasts projection projections count tally
	calculation calculations`)

// possessivePronouns stand for a possessor, by their subject form.
var possessivePronouns = map[string]string{"its": "it", "his": "he", "her": "she", "their": "they", "our": "we", "my": "i"}

// possessed returns the claims of the estimates a sentence
// credits to a possessor outside every claim found so far: "the IMF's
// estimate of global growth steady at 3.1 percent", "it increased its
// British growth forecast by 0.1 points to 1.8 percent". The possessor,
// named ("the IMF's") or a pronoun resolved as a speaker's, speaks for
// the rest of the clause after the noun (to a semicolon or the end of
// the sentence), which must hold a number.
func possessed(a *news.Article, ix *index, ws []word, claims []news.Claim, inSentence []int, sent, prev news.Span) []news.Claim {
	var out []news.Claim
	for k := 1; k+1 < len(ws); k++ {
		if !possessedNouns[ws[k].lower] || !taggedAs(a, ws[k].Start, news.NOUN) {
			continue
		}
		// The possessive, up to three modifiers before the noun.
		p := -1
		for j := k - 1; j >= 0 && j >= k-4; j-- {
			if ws[j].lower == "'s" || ws[j].lower == "’s" || possessivePronouns[ws[j].lower] != "" {
				p = j
				break
			}
			if ws[j].punct || upper(ws[j].Span.In(a.Text)) && j < k-1 && !upper(ws[j+1].Span.In(a.Text)) {
				break
			}
		}
		if p < 0 {
			continue
		}
		covered := false
		for _, ci := range inSentence {
			c := claims[ci]
			covered = covered || c.Content.Start <= ws[k].Start && ws[k].End <= c.Content.End ||
				c.SpeakerSpan != nil && c.SpeakerSpan.Start <= ws[k].Start && ws[k].End <= c.SpeakerSpan.End
		}
		if covered {
			continue
		}
		end := k + 1
		for end < len(ws) && ws[end].lower != ";" {
			end++
		}
		for end > k+1 && ws[end-1].punct {
			end--
		}
		number := false
		for _, w := range ws[k+1 : end] {
			r, _ := utf8.DecodeRuneInString(w.lower)
			number = number || unicode.IsDigit(r)
		}
		if end <= k+1 || !number {
			continue
		}
		cl := news.Claim{CueSpan: ws[k].Span, Cue: ws[k].lower, Parent: -1}
		cl.Content = trimSpan(a.Text, news.Span{Start: ws[k+1].Start, End: ws[end-1].End})
		if pr := possessivePronouns[ws[p].lower]; pr != "" {
			name, ent, ok := ix.pronoun(pr, ws[p].Start, cl.Content, claims, sent, prev, nil)
			if !ok {
				continue
			}
			sp := ws[p].Span
			cl.SpeakerSpan, cl.Speaker, cl.SpeakerEntity = &sp, name, ent
		} else {
			st := p - 1
			for st > 0 && !ws[st-1].punct && (upper(ws[st-1].Span.In(a.Text)) || nameJoiners[ws[st-1].lower]) && p-st < 6 {
				st--
			}
			for st < p-1 && nameJoiners[ws[st].lower] {
				st++
			}
			if st < 0 || !upper(ws[st].Span.In(a.Text)) && ws[st].lower != "the" {
				continue
			}
			spk := news.Span{Start: ws[st].Start, End: ws[p-1].End}
			if !ix.actor(spk) {
				continue
			}
			setSpeaker(a, ix, &cl, spk)
			if cl.SpeakerSpan == nil {
				continue
			}
		}
		cl.Span = news.Span{Start: min(cl.SpeakerSpan.Start, cl.CueSpan.Start), End: cl.Content.End}
		cl.Hedges = hedges(cl.Span.In(a.Text))
		out = append(out, cl)
	}
	return out
}

// inEvidence returns the claim of a sentence that reports evidence with
// "in": "In an NBC News/Wall Street Journal poll released Monday, 50
// percent of respondents chose Clinton", "Trump leads by 9 points in the
// RealClearPolitics average of polls". The evidence (a data noun after
// "in", within 14 words, with a name or an article: "in New Hampshire
// surveys", "in the 50-state poll") speaks for the clause after its
// comma when it opens the sentence, for the words before "in" when it
// ends it, else for the sentence — unless a claim found so far with
// another speaker than a share of respondents is in the sentence.
func inEvidence(a *news.Article, ix *index, ws []word, claims []news.Claim, inSentence []int) (news.Claim, bool) {
	for _, ci := range inSentence {
		if !shareSpeaker(a.Text, claims[ci].SpeakerSpan) {
			return news.Claim{}, false
		}
	}
	end := len(ws)
	for end > 0 && ws[end-1].punct {
		end--
	}
	for k := 0; k+2 < end; k++ {
		if ws[k].lower != "in" {
			continue
		}
		d := -1
		for j := k + 1; j < end && j < k+15; j++ {
			if ws[j].punct && ws[j].lower != "/" && ws[j].lower != "-" && ws[j].lower != "." && ws[j].lower != "&" {
				break // ("NBC News/Wall Street Journal": a slash joins names)
			}
			if dataNouns[ws[j].lower] && ws[j].lower != "report" && ws[j].lower != "reports" && ws[j].lower != "records" {
				d = j
			}
		}
		if d < 0 || !evidencePhrase(a, ws[k+1:d]) {
			continue
		}
		named := ws[k+1].lower == "the"
		for _, w := range ws[k+1 : d] {
			named = named || upper(w.Span.In(a.Text))
		}
		// "In a poll conducted by the Daily Ledger and Channel 4, …":
		// the agent after the data noun names it.
		agent, agentEnd := pollAgent(a.Text, ws, d, end)
		if !named && agent < 0 {
			continue
		}
		// The evidence ends at a clause mark or the end, or runs on over
		// a participle and a time ("released Monday", "out Thursday",
		// "last month") to one; anything else after the data noun ("polls
		// closed", "polls for months") is no evidence reported.
		e := d
		if agent >= 0 {
			e = agentEnd
		} else if e+1 < end && !ws[e+1].punct {
			if !evidenceParticiples[ws[e+1].lower] && ws[e+1].lower != "out" && !timeWords[ws[e+1].lower] && !timeAdverbs[ws[e+1].lower] {
				continue
			}
			for e+1 < end && !ws[e+1].punct && e-d < 5 {
				e++
			}
			if e+1 < end && ws[e+1].lower != "," {
				continue
			}
		}
		var content news.Span
		switch {
		case k == 0 && e+2 < end && ws[e+1].lower == ",":
			content = news.Span{Start: ws[e+2].Start, End: ws[end-1].End}
		case k > 1 && (e+1 >= end || ws[e+1].lower == "," && e+2 >= end):
			content = news.Span{Start: ws[0].Start, End: ws[k-1].End}
		default:
			content = news.Span{Start: ws[0].Start, End: ws[end-1].End}
		}
		cl := news.Claim{CueSpan: ws[k].Span, Cue: "in", Parent: -1}
		cl.Content = trimSpan(a.Text, content)
		cl.Span = news.Span{Start: min(ws[k].Start, cl.Content.Start), End: max(ws[e].End, cl.Content.End)}
		src := news.Span{Start: ws[k+1].Start, End: ws[e].End}
		if agent >= 0 {
			src = news.Span{Start: ws[agent].Start, End: ws[agentEnd].End}
		}
		setSpeaker(a, ix, &cl, src)
		if cl.SpeakerSpan == nil || cl.Content.Len() == 0 {
			return news.Claim{}, false
		}
		cl.Hedges = hedges(cl.Span.In(a.Text))
		return cl, true
	}
	return news.Claim{}, false
}

// pollAgent returns the first and last words of the agent that follows
// the data noun ws[d] ("a poll conducted by the Daily Ledger and Channel
// 4", "a survey by Metrix"), up to the comma before the rest of the
// sentence, or -1: a capitalised name within ten words.
func pollAgent(text string, ws []word, d, end int) (int, int) {
	k := d + 1
	if k < end && evidenceParticiples[ws[k].lower] {
		k++
		if k < end && ws[k].lower == "out" {
			k++ // "carried out by"
		}
	}
	if k >= end || ws[k].lower != "by" {
		return -1, -1
	}
	from := k + 1
	if from < end && (ws[from].lower == "the" || ws[from].lower == "a") {
		from++
	}
	to := from
	for to < end && to-from < 10 && !ws[to].punct {
		to++
	}
	if to == from || to >= end || ws[to].lower != "," || !upper(ws[from].Span.In(text)) {
		return -1, -1
	}
	for _, w := range ws[from:to] {
		if w.lower == "with" || w.lower == "percent" || w.lower == "%" {
			return -1, -1 // "followed in the poll by Senator Rhea Olin with 18 percent": a result, not a pollster
		}
	}
	return k + 1, to - 1
}
