package claim

import (
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"sitrep/internal/annotate/tokens"
	"sitrep/internal/facts"
	"sitrep/internal/news"
)

// dataNouns head phrases that name evidence rather than who gives it:
// "data from the U.N. refugee agency" credits the agency, "according to
// revised estimates" credits nobody.
var dataNouns = tokens.Set(`data figures figure estimates estimate survey surveys poll polls statistics
	numbers count counts tally tallies analysis study studies research findings assessment assessments
	results calculations projections report reports polling records audit audits review reviews inquiry database`)

// dataModifiers may stand before a data noun in a phrase that names no
// source ("the latest official figures").
var dataModifiers = tokens.Set(`the a an new latest revised preliminary official initial early recent some
	other updated first final more current available published fresh nationwide`)

// timeWords end a speaker phrase as a trailing adjunct ("officials at the
// time", "Pat Ryder on Tuesday", "officials late last week").
var timeWords = tokens.Set(`time day days hour hours monday tuesday wednesday thursday friday saturday sunday yesterday today tonight
	overnight week month year morning afternoon evening night weekend january february march april may june
	july august september october november december`)

// dayWords name the day something was said: "said Saturday", "told
// reporters yesterday".
var dayWords = tokens.Set(`monday tuesday wednesday thursday friday saturday sunday yesterday today tonight`)

// documentNouns head a phrase that names a document or an inquiry, not
// who made it: "a decree published by the Kremlin" credits the Kremlin,
// "an investigation by the outlet Q" credits Q.
var documentNouns = tokens.Set(`decree decrees investigation investigations document documents filing filings memo
	memorandum order tweet tweets post posts letter letters message messages email emails ledger ledgers indictment indictments
	statement statements communique communiques communiqué communiqués declaration declarations
	complaint complaints lawsuit lawsuits affidavit affidavits slide slides chart charts`)

// polled says whether the phrase after a poll's "of" names the people
// polled rather than the body that polled them: it ends in a plural
// common noun ("GOP primary voters", "1,000 adults").
func polled(text string, ws []word) bool {
	if len(ws) == 0 {
		return false
	}
	last := ws[len(ws)-1]
	w := last.Span.In(text)
	return !upper(w) && strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss")
}

// pollAges say how recent a poll is ("a new NBC poll"): no part of
// whose it is.
var pollAges = tokens.Set(`new latest recent fresh`)

// chargeDocuments are documents about their possessor, not by them:
// "according to his indictment" is the prosecutors' word, not his.
var chargeDocuments = tokens.Set(`indictment indictments`)

// timeDeterminers stand before a time word that ends a speaker phrase
// ("a poll the same month", "officials the previous week").
var timeDeterminers = tokens.Set(`the same that this previous following next`)

// adjunctStarts open a trailing adjunct of a speaker phrase.
var adjunctStarts = tokens.Set(`on last this earlier late during in at since`)

// trimPhrase trims a speaker phrase ws to its noun phrase and returns its
// span, or ok false when nothing is left: it drops an apposition after a
// comma or bracket ("the Centre, a London-based group …" → "the Centre"),
// a trailing time or manner adjunct ("on Tuesday", "in a statement"), a
// leading evidence noun ("data from", "a survey conducted by") and the
// evidence after a possessive owner ("the Institute's latest data" → "the
// Institute"). A "." inside a name ("U.N.", "U.K.") is part of it.
func trimPhrase(text string, ws []word) (news.Span, bool) {
	lo, hi := 0, len(ws)
	for lo < hi-1 && (ws[lo].lower == "and" || ws[lo].lower == "but" || ws[lo].lower == "or" || ws[lo].lower == "as") {
		lo++ // a coordinator the subject's parse took along, or the "as" of "as the director has said"
	}
	for k := lo + 1; k < hi && !nameList(text, ws); k++ {
		if ws[k].lower == "(" && k+2 == hi-1 && ws[hi-1].lower == ")" && strings.ToUpper(ws[k+1].Span.In(text)) == ws[k+1].Span.In(text) {
			break // a name's abbreviation closing the phrase: "… of War (ISW)"
		}
		if e := asideBeforeName(text, ws[:hi], k); e > 0 {
			k = e - 1 // "ex-President of Poland (1995-2005) Jan Nowak": the name goes on
			continue
		}
		if ws[k].punct && (ws[k].lower == "," || ws[k].lower == "(" || ws[k].lower == "—" || ws[k].lower == "–") {
			hi = k
			break
		}
	}
	// Respondents speak through their poll: "(the majority of voters)
	// surveyed for the latest Delta poll believe …", "20 percent of
	// people in a recent CNN poll said …".
	for k := lo; k+2 < hi; k++ {
		if (strings.HasSuffix(ws[k].lower, "ed") && (ws[k+1].lower == "for" || ws[k+1].lower == "by" || ws[k+1].lower == "in") || ws[k+1].lower == "in" && k > lo) &&
			slices.ContainsFunc(ws[k+2:hi], func(w word) bool { return tokens.PollWords[w.lower] }) {
			lo = k + 2
			break
		}
	}
	// A leading evidence noun: "data from Q", "a poll by Q".
	for k := lo + 1; k < hi-1; k++ {
		if ws[k].lower != "from" && ws[k].lower != "by" && ws[k].lower != "of" {
			continue
		}
		if ws[k].lower == "of" && dataNouns[ws[k-1].lower] && polled(text, ws[k+1:hi]) {
			hi = k // "a poll of likely voters", "of GOP primary voters": the voters are polled, the poll speaks
			break
		}
		if ws[k].lower == "of" && (!dataNouns[ws[k-1].lower] || upper(ws[k-1].Span.In(text)) || !nameAfter(text, ws[k+1:hi])) {
			continue // "data of the Interior Ministry"
		}
		ev, doc, name := false, false, false
		for j, w := range ws[lo:k] {
			// ("Figures from …" opening a sentence is capitalised too.)
			first := j == 0 && ws[k].lower != "of" && (k == lo+1 || k == lo+2 && evidenceParticiples[ws[lo+1].lower] ||
				k == lo+3 && evidenceParticiples[ws[lo+1].lower] && timeWords[ws[lo+2].lower]) // ("Figures released today by Q")
			if (dataNouns[w.lower] || documentNouns[w.lower] && ws[k].lower != "of") && (!upper(w.Span.In(text)) || first) {
				ev = true // "Study" in "Institute for the Study of War" is a name's
				doc = doc || documentNouns[w.lower]
			}
		}
		for _, w := range ws[k+1 : hi] {
			name = name || upper(w.Span.In(text))
		}
		// "data from the U.N. agency", not "polls from diverse
		// institutes"; a document is its author's, named or described
		// ("a tweet by the country's deputy prime minister").
		ev = ev && (name || doc || speakerHeads[ws[hi-1].lower]) // ("… by the defence ministry")
		if ev {
			lo = k + 1
		}
		break
	}
	// A participle's phrase after the head: "research presented Tuesday
	// at the Conference in Munich" is the research's, not Munich's (but
	// "a survey conducted by Q" and "a study published in Q" name their
	// source, and "a person briefed on the matter" is who speaks).
	for k := lo + 1; k+1 < hi; k++ {
		w := ws[k].lower
		if ws[k].punct || upper(ws[k].Span.In(text)) || postmodifiers[w] || !strings.HasSuffix(w, "ed") && w != "held" && w != "shown" && w != "given" {
			continue // ("a person briefed on the matter" speaks)
		}
		agent := slices.ContainsFunc(ws[k+1:hi], func(w word) bool { return w.lower == "by" || w.lower == "from" })
		next := ws[k+1].lower
		if (timeWords[next] || next == "at" || next == "during" || next == "on" && k+2 < hi && (timeWords[ws[k+2].lower] || isNumber(ws[k+2].lower))) && !agent {
			hi = k
			break
		}
	}
	// A trailing adjunct: "on Tuesday", "late last week", "in a statement".
	for k := lo + 1; k < hi; k++ {
		if !adjunctStarts[ws[k].lower] {
			continue
		}
		cut := false
		for _, w := range ws[k+1 : hi] {
			if timeWords[w.lower] || year(w.lower) {
				cut = true
			}
		}
		if (ws[k].lower == "in" || ws[k].lower == "on") && k+1 < hi && (ws[k+1].lower == "a" || ws[k+1].lower == "an") {
			cut = true // "in a statement", "on a call"
		}
		if ws[k].lower == "on" && k+1 < hi && upper(ws[k-1].Span.In(text)) && !ws[k-1].punct && !upper(ws[k+1].Span.In(text)) {
			cut = true // a topic after a name: "Joe Biden on support for Ukraine", not "the Council on Foreign Relations"
		}
		if cut {
			hi = k
			break
		}
	}
	for timed := false; hi > lo+1 && (timeWords[ws[hi-1].lower] && !namedToday(text, ws, hi-1) || adjunctStarts[ws[hi-1].lower] || timed && timeDeterminers[ws[hi-1].lower]); {
		timed = timed || timeWords[ws[hi-1].lower]
		hi-- // and a preposition whose time word the cue's subject walk left out ("a poll in [January] shows"), and the time's determiners ("a poll the same month")
	}
	if last := ws[hi-1].lower; hi-lo >= 2 && (strings.HasSuffix(last, "ed") || last == "run" || last == "held" || last == "taken" || last == "done") &&
		(dataNouns[ws[hi-2].lower] || documentNouns[ws[hi-2].lower]) {
		hi-- // a participle left by the adjunct cut: "according to a poll conducted [in March]"
	}
	// Evidence after a possessive owner: "the Institute's latest data".
	if hi-lo >= 2 && dataNouns[ws[hi-1].lower] {
		for k := hi - 2; k >= lo; k-- {
			// (Measured on the text: the lower-cased word may spell a
			// curly apostrophe straight.)
			if w := ws[k].Span.In(text); (strings.HasSuffix(w, "'s") || strings.HasSuffix(w, "’s")) && !timeOwner(ws[:k+1]) {
				// (A time owns nothing: "Monday night's results".)
				end := ws[k].End - len("'s")
				if strings.HasSuffix(w, "’s") {
					end = ws[k].End - len("’s")
				}
				sp := trimSpan(text, news.Span{Start: ws[lo].Start, End: end})
				return sp, sp.Len() > 0
			}
			if !dataModifiers[ws[k].lower] && !dataNouns[ws[k].lower] {
				break
			}
		}
	}
	// "a new NBC poll", "the latest Pew survey": the poll is its
	// pollster's, whatever its age.
	for j := lo; j < hi-2 && j <= lo+1; j++ {
		if pollAges[ws[j].lower] && dataNouns[ws[hi-1].lower] && upper(ws[j+1].Span.In(text)) {
			lo = j + 1 // (its article goes with it)
			break
		}
	}
	if lo >= hi {
		return news.Span{}, false
	}
	return news.Span{Start: ws[lo].Start, End: ws[hi-1].End}, true
}

// year says whether w is a year written in four digits ("since 2022").
func year(w string) bool {
	if len(w) != 4 {
		return false
	}
	for _, c := range w {
		if c < '0' || c > '9' {
			return false
		}
	}
	return w >= "1900" && w <= "2099"
}

// namedToday says whether ws[k] is "Today" ending a name ("USA TODAY",
// "Russia Today"), not the day.
func namedToday(text string, ws []word, k int) bool {
	return ws[k].lower == "today" && k > 0 && upper(ws[k].Span.In(text)) && upper(ws[k-1].Span.In(text)) && !ws[k-1].punct
}

// timeOwner says whether the possessive that ends ws is a time's
// ("Monday night's", "last year's"), written as one word or as two.
func timeOwner(ws []word) bool {
	w := ws[len(ws)-1].lower
	if w == "'s" || w == "’s" {
		if len(ws) < 2 {
			return false
		}
		w = ws[len(ws)-2].lower
	}
	return timeWords[strings.TrimSuffix(strings.TrimSuffix(w, "'s"), "’s")]
}

// nameAfter says whether ws opens with a name, after an optional "the".
func nameAfter(text string, ws []word) bool {
	if len(ws) > 1 && ws[0].lower == "the" {
		ws = ws[1:]
	}
	return len(ws) > 0 && upper(ws[0].Span.In(text))
}

// nameList says whether a phrase is a list of names ("Germany, Belgium
// and Norway"): every word capitalised but the commas and the "and".
func nameList(text string, ws []word) bool {
	and := false
	for _, w := range ws {
		switch {
		case w.lower == "and" || w.lower == "or":
			and = true
		case w.punct && w.lower == ",":
		case !upper(w.Span.In(text)):
			return false
		}
	}
	return and
}

// sourceless says whether a speaker phrase names only evidence and no
// source ("revised estimates", "the latest data"): the text then speaks
// for itself.
func sourceless(ws []word) bool {
	if len(ws) == 0 || !dataNouns[ws[len(ws)-1].lower] {
		return false
	}
	for _, w := range ws[:len(ws)-1] {
		if !dataModifiers[w.lower] && !dataNouns[w.lower] {
			return false
		}
	}
	return true
}

// groupWords are plural or collective speaker heads: "they" may refer to
// them, "he" and "she" may not.
var groupWords = tokens.Set(`officials ministry spokespeople agency company analysts diplomats tank administration
	military sources police army intelligence service committee government governments operator force forces
	people residents experts observers witnesses commanders officers leaders authorities office department
	media outlets newspaper organisation organization group monitor monitors institute council parliament
	lawmakers staff embassy pentagon kremlin allies countries nations states partners donors prosecutors
	investigators researchers scientists pollsters soldiers troops survivors medics doctors rescuers volunteers
	organisations organizations institutes agencies companies groups polls surveys caucus caucuses parties
	members legislators senators unions activists campaigners protesters critics supporters opponents
	opposition aides coalition negotiators rebels militants demonstrators`)

// description resolves a definite description of a body ("the ministry",
// "the Institute") to the nearest preceding organisation whose name holds
// its head noun, or returns nil.
func (ix *index) description(sp news.Span) *news.Mention {
	text := strings.ToLower(sp.In(ix.a.Text))
	if !strings.HasPrefix(text, "the ") {
		return nil
	}
	fs := strings.Fields(text)
	head := fs[len(fs)-1]
	if len(fs) > 4 {
		return nil
	}
	common := sp.In(ix.a.Text)[1:] == text[1:] // no capital after "The": no name inside
	k := ix.ends.FirstEndingAfter(sp.Start)
	for i := k - 1; i >= 0 && i >= k-200; i-- {
		m := &ix.a.Entities[i]
		if m.Type != "ORG" || m.Kind == "demonym" {
			continue
		}
		if sp.Start-m.End < 3000 && sp.Start > m.End+2 && appositionHeads[head] && apposedAs(ix.a.Text, m.End, head) {
			return m // "CSIS, a Washington-based think tank, …" … "the think tank"
		}
		if !tokens.BodyHeads[head] && !(businessHeads[head] && common) {
			continue
		}
		name := m.Canonical
		if name == "" {
			name = m.Text
		}
		// "the company", "the group", "the airline": a head no name
		// spells out stands for the nearest body named in the sentences
		// just before (not "the World Bank": a name of its own).
		if (genericOrgHeads[head] || businessHeads[head] && common) && sp.Start-m.End < 400 && !strings.Contains(ix.a.Text[m.End:sp.Start], "\n") {
			if notCompany(head, name, m.Entity) || modifies(ix.a, m) {
				continue
			}
			return m
		}
		for _, w := range strings.Fields(strings.ToLower(name)) {
			if w == head {
				return m
			}
		}
	}
	return nil
}

// appositionHeads are the head nouns by which an apposition describes a
// body ("CSIS, a Washington-based think tank", "…, the U.N. refugee
// agency"), so that a later "the think tank" or "the agency" is that body.
var appositionHeads = func() map[string]bool {
	m := tokens.Set(`tank outlet outfit body regulator union alliance bloc network broadcaster newspaper firm charity
		party court authority operator university bank fund programme program coalition consortium`)
	for w := range tokens.BodyHeads {
		m[w] = true
	}
	return m
}()

// appositionAfter returns the words, as written, of the apposition that
// follows the name ending at end (", a Washington-based think tank that
// monitors the war", after ", or CSIS" or " (UNHCR)" if the name has an
// abbreviation), without its article and at most nine; ok is false when
// no apposition (", a", ", an", ", the") follows.
func appositionAfter(text string, end int) (ws []string, ok bool) {
	rest := text[end:min(len(text), end+200)]
	if r, ok := strings.CutPrefix(rest, ", or "); ok {
		// ", or CSIS, a …": an abbreviation first.
		i := strings.Index(r, ", ")
		if i < 0 || i > 20 {
			return nil, false
		}
		rest = r[i:]
	} else if r, ok := strings.CutPrefix(rest, " ("); ok {
		i := strings.Index(r, ")")
		if i < 0 || i > 20 {
			return nil, false
		}
		rest = r[i+1:]
	}
	r, ok := strings.CutPrefix(rest, ", ")
	if !ok {
		return nil, false
	}
	ws = strings.Fields(r)
	if len(ws) < 2 {
		return nil, false
	}
	switch strings.ToLower(ws[0]) {
	case "a", "an", "the":
		return ws[1:min(len(ws), 10)], true
	}
	return nil, false
}

// apposedAs says whether the name ending at end is followed by an
// apposition whose head noun is head: ", a Washington, D.C.-based think
// tank that monitors the war" (head "tank"), "(UNHCR), the U.N. refugee
// agency". The head comes before a comma (but for a place's), a relative
// word, a preposition or the sentence's end.
func apposedAs(text string, end int, head string) bool {
	ws, ok := appositionAfter(text, end)
	if !ok {
		return false
	}
	for n, w := range ws {
		word := strings.ToLower(strings.TrimRight(w, ",.;:"))
		if strings.Count(w, ".") > 1 {
			word = strings.ToLower(w) // "U.N.": an abbreviation's stops
		}
		switch word {
		case "that", "which", "who", "whose", "and", "in", "of", "for", "with", "at", "on":
			return false
		}
		if word == head {
			return true
		}
		if len(word) < len(w) && !(n < 2 && strings.HasSuffix(w, ",") && upper(w)) {
			return false // the apposition ended at a comma or a stop
		}
	}
	return false
}

// appositiveSubject returns the words of the name that opens a sentence
// and that an apposition follows up to the comma before the cue at ws[i]
// ("The Institute for X, a Washington-based think tank that tracks the
// war, has reported", "CSIS, a think tank, in January put"): the walk
// back from the cue stops inside such an apposition.
func appositiveSubject(a *news.Article, ix *index, ws []word, i int) (int, int, bool) {
	s := 0
	if len(ws) > 1 && ws[0].lower == "the" {
		s = 1
	}
	if s >= i {
		return 0, 0, false
	}
	lo, hi := ix.mentions(news.Span{Start: ws[s].Start, End: ws[i].Start})
	for k := lo; k < hi; k++ {
		m := &a.Entities[k]
		if m.Start != ws[s].Start || m.Kind == "demonym" || m.Type == "MISC" {
			continue
		}
		if _, ok := appositionAfter(a.Text, m.End); !ok {
			return 0, 0, false
		}
		for e := s; e < i; e++ {
			if ws[e].End == m.End {
				return s, e, true
			}
		}
	}
	return 0, 0, false
}

// modifies says whether the mention m modifies a noun after it ("Nato
// membership", "Nato troops") rather than standing as a phrase of its
// own that "the organisation" could take up.
func modifies(a *news.Article, m *news.Mention) bool {
	if len(a.Syntax) != len(a.Tokens) {
		return false
	}
	k, ok := slices.BinarySearchFunc(a.Tokens, m.End, func(t news.Token, p int) int { return t.End - p })
	if !ok || !a.Syntax[k].Parsed() {
		return false
	}
	h := int(a.Syntax[k].Head)
	return a.Syntax[k].Rel == "compound" && h > k && h < len(a.Syntax) && a.Syntax[h].UPOS == news.NOUN
}

// groupSubject returns the subject that opens the sentence sp when it is
// a group of people ("Ukrainian officials have been cautious", "Analysts
// at the institute track …"), without its determiner, from the tags: a
// noun phrase whose head is a group word, an optional prepositional
// phrase, then the verb.
func groupSubject(a *news.Article, sp news.Span) (news.Span, bool) {
	k := taggedAt(a, sp.Start)
	if k < 0 || sp.Len() == 0 {
		return news.Span{}, false
	}
	in := func(k int) bool { return k < len(a.Tokens) && a.Tokens[k].End <= sp.End }
	nominal := func(k int) bool {
		u := a.Syntax[k].UPOS
		return u == news.ADJ || u == news.PROPN || u == news.NOUN || u == news.NUM // ("the four legislative caucuses")
	}
	if in(k+1) && (a.Syntax[k].UPOS == news.CCONJ || a.Syntax[k].UPOS == news.ADV) && a.Syntax[k+1].UPOS != news.VERB && a.Syntax[k+1].UPOS != news.AUX {
		k++ // "But state lawmakers have …"
	}
	for in(k) && a.Syntax[k].UPOS == news.DET {
		k++
	}
	start := k
	for in(k) && nominal(k) {
		k++
	}
	if k == start || a.Syntax[k-1].UPOS != news.NOUN || !groupWords[strings.ToLower(a.Tokens[k-1].Span.In(a.Text))] {
		return news.Span{}, false
	}
	end := k - 1
	if in(k+1) && a.Syntax[k].UPOS == news.CCONJ && nominal(k+1) {
		// "state lawmakers and Gov. Mike Pence have …": they are all of
		// the coordination.
		m := k + 1
		for in(m) && (nominal(m) || a.Tokens[m].Span.In(a.Text) == ".") {
			m++
		}
		end, k = m-1, m
	}
	if in(k) && a.Syntax[k].UPOS == news.ADP {
		j := k + 1
		for in(j) && a.Syntax[j].UPOS == news.DET {
			j++
		}
		m := j
		for in(m) && nominal(m) {
			m++
		}
		if m > j {
			end, k = m-1, m
		}
	}
	if !in(k) || a.Syntax[k].UPOS != news.VERB && a.Syntax[k].UPOS != news.AUX {
		return news.Span{}, false
	}
	return news.Span{Start: a.Tokens[start].Start, End: a.Tokens[end].End}, true
}

// namesSubject returns the subject that opens the sentence sp when it
// is a list of names ("Unite, the GMB and Unison filed …", "Machado and
// Gonzalez claimed …"), from the tags: proper nouns, commas and one
// "and" or "&", then the verb.
func namesSubject(a *news.Article, sp news.Span) (news.Span, bool) {
	k := taggedAt(a, sp.Start)
	if k < 0 || sp.Len() == 0 {
		return news.Span{}, false
	}
	in := func(k int) bool { return k < len(a.Tokens) && a.Tokens[k].End <= sp.End }
	start, and, last := k, false, -1
	for ; in(k); k++ {
		w := a.Tokens[k].Span.In(a.Text)
		switch u := a.Syntax[k].UPOS; {
		case u == news.PROPN || u == news.NUM && last == k-1 || upper(w) && (u == news.ADJ || u == news.NOUN || u == news.VERB && k == start):
			last = k // (a name the tagger took for a word: "Unite, Teamsters Local 495 and …")
		case u == news.DET && (k == start || a.Syntax[k-1].UPOS == news.PUNCT || a.Syntax[k-1].UPOS == news.CCONJ):
		case w == "," && last == k-1:
		case u == news.CCONJ && (w == "and" || w == "&") && last == k-1 && !and:
			and = true
		case u == news.VERB || u == news.AUX:
			if and && last == k-1 {
				return news.Span{Start: a.Tokens[start].Start, End: a.Tokens[last].End}, true
			}
			return news.Span{}, false
		default:
			return news.Span{}, false
		}
	}
	return news.Span{}, false
}

// bodyLike says whether a claim's speaker is a body described, not
// named ("the ministry", "the regional military administration"): "it"
// may refer to it.
func (ix *index) bodyLike(c news.Claim) bool {
	if c.SpeakerSpan == nil || c.SpeakerEntity != "" {
		return false
	}
	fs := strings.Fields(strings.ToLower(c.Speaker)) // as resolved: "it" that stood for "the ministry"
	return len(fs) > 0 && tokens.BodyHeads[fs[len(fs)-1]]
}

// genericOrgHeads are description heads that a body's name rarely holds:
// "the company" after "Acme Drones", "the group" after "Amnesty
// International".
var genericOrgHeads = tokens.Set(`company group firm organisation organization charity watchdog`)

// businessHeads are description heads of a business or a like body that
// stand, as "the company" does, for the nearest body named just before
// ("Baltic Wings is adding seats. The airline said …").
var businessHeads = tokens.Set(`airline carrier retailer automaker carmaker manufacturer insurer lender broadcaster
	newspaper paper daily tabloid force league club union startup chain operator utility publisher platform bank`)

// publicBodyWords name a state's or a public body's organ in its name.
var publicBodyWords = tokens.Set(`ministry agency department service office committee council commission bureau
	directorate inspectorate command navy army embassy mission parliament court government police university`)

// notCompany says whether "the company" or "the firm" (head) cannot
// stand for the organisation of this name and entity ID: a public body
// ("US Consumer Product Safety Commission") is no company.
func notCompany(head, name, entity string) bool {
	if head != "company" && head != "firm" {
		return false
	}
	for _, w := range strings.Fields(strings.ToLower(name + " " + strings.ReplaceAll(entity, "-", " "))) {
		if publicBodyWords[w] {
			return true
		}
	}
	return false
}

// femaleCues and maleCues are the words just before a person's name that
// give the person's gender ("Ms Kovalenko", "spokesman Pat Ryder").
var (
	femaleCues = tokens.Set(`mrs ms miss madam spokeswoman chairwoman congresswoman businesswoman queen princess lady dame sister mother wife daughter actress`)
	maleCues   = tokens.Set(`mr spokesman chairman congressman businessman king prince sir lord brother father husband son actor`)
)

// agrees says whether a pronoun may refer to the entity: "she" not to a
// person the article calls "Mr" or "spokesman", "he" not to one it
// calls "Ms" or "spokeswoman". A person of unknown gender agrees with
// both.
func (ix *index) agrees(pr, entity string) bool {
	if entity == "" || pr != "he" && pr != "she" {
		return true
	}
	if ix.gender == nil {
		ix.gender = map[string]byte{}
		for _, m := range ix.a.Entities {
			if m.Type != "PER" || m.Entity == "" {
				continue
			}
			before := strings.Fields(strings.ToLower(ix.a.Text[max(0, m.Start-24):m.Start]))
			if len(before) == 0 {
				continue
			}
			w := strings.Trim(before[len(before)-1], ".,")
			switch {
			case femaleCues[w]:
				ix.gender[m.Entity] = 'f'
			case maleCues[w]:
				ix.gender[m.Entity] = 'm'
			}
		}
	}
	g := ix.gender[entity]
	if g == 0 {
		// The facts table knows the people it lists: "she said" after
		// a line about two leaders is not the man among them.
		if p, ok := facts.Default().Person(strings.TrimPrefix(entity, "per:")); ok && strings.HasPrefix(entity, "per:") {
			g = p.Gender
		}
	}
	if g == 0 && strings.HasPrefix(entity, "per:") {
		// A given name of one gender: "she said" is no Joseph.
		if first, _, ok := strings.Cut(strings.TrimPrefix(entity, "per:"), "-"); ok {
			g = facts.GivenGender(first)
		}
	}
	return g == 0 || g == 'f' && pr == "she" || g == 'm' && pr == "he"
}

// groupLike says whether a resolved speaker can be what "they" or "it"
// refers to: an organisation, a state or a plural or collective noun
// phrase, not a named person.
func (ix *index) groupLike(c news.Claim) bool {
	if c.SpeakerSpan == nil {
		return false
	}
	if c.SpeakerEntity == "" && strings.Contains(c.Speaker, " and ") {
		return true // "Shade and Whitfield said": two or more speak
	}
	if strings.HasPrefix(c.SpeakerEntity, "per:") || ix.personLike(*c.SpeakerSpan) && c.SpeakerEntity == "" && !groupHead(c.Speaker) {
		return false
	}
	if c.SpeakerEntity != "" {
		return true
	}
	return groupHead(c.Speaker) || upper(c.Speaker)
}

// groupHead says whether the last word of a phrase is a group word.
func groupHead(s string) bool {
	fs := strings.Fields(strings.ToLower(s))
	return len(fs) > 0 && groupWords[strings.TrimSuffix(strings.TrimSuffix(fs[len(fs)-1], "'s"), "’s")]
}

// roleAgrees says whether a pronoun may refer to a described speaker:
// "he" not to "a spokeswoman", "she" not to "a spokesman".
func roleAgrees(pr, phrase string) bool {
	switch personRole(phrase) {
	case "he":
		return pr != "she"
	case "she":
		return pr != "he"
	}
	return true
}

// pronoun resolves a pronoun speaker at the cue position pos to the
// nearest compatible actor: "he", "she", "I" and "we" to the last named
// person speaker of a claim in this sentence or the one before, else
// to the last named person (or person description) before it; "they" to the speaker of a
// claim of the same sentence whose content holds the cue, else of the
// latest earlier claim with a group speaker in the last two sentences;
// "it" to the nearest state, organisation or place named earlier in the
// sentence or the one before, else to the latest organisation or state
// that spoke in the last three sentences. It returns ok false when nothing
// compatible is near: the speaker then stays as written, never the
// outlet and never an incompatible actor.
//
// content is what the claim reports: no one named in it is its speaker.
// not, when set, is an actor the pronoun cannot be: the speaker of the
// quotation that holds it ("“He promised 40 beds,” she said": he is not
// she).
func (ix *index) pronoun(pr string, pos int, content news.Span, claims []news.Claim, sent, prev news.Span, not *news.Claim) (string, string, bool) {
	other := func(name, ent string) bool { return not == nil || !sameActor(name, ent, *not) }
	switch pr {
	case "he", "she", "i", "we":
		// The speaker of a claim in this sentence or the one before is
		// the likelier antecedent than a person named in its content.
		// When the cue closes a quotation ("“… Putin wants …,” she
		// said"), "before" means before the quotation opened, and no one
		// named inside it is its speaker.
		from := sent.Start
		if prev.Len() > 0 {
			from = prev.Start
		}
		quote := ix.quoteClosedAt(pos)
		if quote.Len() > 0 && quote.Start <= from {
			from = ix.sentenceBefore(quote.Start)
		}
		if pr == "he" || pr == "she" {
			// "Trump has blasted the system, which he said …": a pronoun
			// inside the sentence of a named subject is that subject.
			if m := ix.rootPerson(sent); m != nil && m.End <= pos && !inSpan(quote, m.Start) && ix.agrees(pr, m.Entity) && other(m.Canonical, m.Entity) {
				name := m.Canonical
				if name == "" {
					name = m.Text
				}
				return name, m.Entity, true
			}
		}
		if pr == "he" || pr == "she" {
			// "A farmer in Hunan lost 800 pigs, he told the channel": a
			// person described, not named, as the sentence's first
			// subject.
			if sp, ok := ix.describedSubject(pr, sent, pos); ok && !inSpan(quote, sp.Start) && other(sp.In(ix.a.Text), "") {
				return sp.In(ix.a.Text), "", true
			}
		}
		for k := len(claims) - 1; k >= 0; k-- {
			// (A quotation whose cue came earlier still speaks in the
			// sentence before when its content runs into it.)
			if c := claims[k]; c.CueSpan.Start < from && (!c.Direct || c.Content.End <= from) {
				continue
			}
			if c := claims[k]; c.CueSpan.Start < pos && c.SpeakerSpan != nil && !inSpan(quote, c.SpeakerSpan.Start) && (strings.HasPrefix(c.SpeakerEntity, "per:") || ix.personLike(*c.SpeakerSpan)) && ix.agrees(pr, c.SpeakerEntity) && roleAgrees(pr, c.SpeakerSpan.In(ix.a.Text)) && other(c.Speaker, c.SpeakerEntity) {
				return c.Speaker, c.SpeakerEntity, true
			}
		}
		if pr == "he" || pr == "she" {
			// "He seemed to blame it on Sadiq Khan. He told MPs": the
			// same pronoun in the sentence before, ahead of the person
			// named since, is the one this continues; that person was
			// only spoken of.
			if p := ix.pronounBefore(pr, from, min(sent.Start, pos)); p >= 0 {
				if m := ix.lastPersonBefore(pos); m != nil && m.Start > p && !inSpan(quote, m.Start) {
					psent, pprev := ix.sentencesAt(p)
					return ix.pronoun(pr, p, content, claims, psent, pprev, not)
				}
			}
		}
		if pr == "he" || pr == "she" {
			// "Zelenskiy addressed leaders including Joe Biden. “…,” he
			// said": the subject of the sentence before outranks a person
			// named after it.
			pivot := sent.Start // the sentence before the one the quotation (or the cue) opens in
			if quote.Len() > 0 {
				pivot = quote.Start
			}
			if m := ix.subjectPerson(ix.sentenceBefore(pivot), pivot); m != nil && !inSpan(quote, m.Start) && ix.agrees(pr, m.Entity) && other(m.Canonical, m.Entity) {
				if last := ix.lastPersonBefore(pos); last != nil && last.Entity != m.Entity && !inSpan(quote, last.Start) {
					name := m.Canonical
					if name == "" {
						name = m.Text
					}
					return name, m.Entity, true
				}
			}
		}
		for m := ix.lastPersonBefore(pos); m != nil; m = ix.lastPersonBefore(m.Start) {
			if inSpan(quote, m.Start) {
				continue
			}
			if ix.agrees(pr, m.Entity) && other(m.Canonical, m.Entity) {
				return m.Canonical, m.Entity, true
			}
		}
	case "they":
		if sp, ok := namesSubject(ix.a, sent); ok && sp.End <= pos && other(sp.In(ix.a.Text), "") {
			return sp.In(ix.a.Text), "", true // "Unite, GMB and Unison filed charges over what they say …"
		}
		for k := len(claims) - 1; k >= 0; k-- {
			c := claims[k]
			if c.CueSpan.End <= prev.Start && prev.Len() > 0 || c.CueSpan.End <= sent.Start && prev.Len() == 0 {
				break
			}
			holds := c.Content.Start <= pos && pos < c.Content.End
			if c.CueSpan.Start >= sent.Start && !holds {
				continue // a claim of this sentence that does not hold the cue
			}
			if ix.groupLike(c) && other(c.Speaker, c.SpeakerEntity) {
				return c.Speaker, c.SpeakerEntity, true
			}
		}
		// No group spoke just before: the group the sentence is about
		// ("Liberal groups prepared a march that they said …"), else the
		// one the sentence before is about ("Ukrainian officials have
		// been cautious. They say …").
		if sp, ok := groupSubject(ix.a, sent); ok && sp.End <= pos && other(sp.In(ix.a.Text), "") {
			return sp.In(ix.a.Text), "", true
		}
		if sp, ok := groupSubject(ix.a, prev); ok && other(sp.In(ix.a.Text), "") {
			return sp.In(ix.a.Text), "", true
		}
	case "it":
		from := sent.Start
		if prev.Len() > 0 {
			from = prev.Start
		}
		k := ix.ends.FirstEndingAfter(pos)
		subject := -1 // the latest body or state before pos that is a subject in this sentence
		for i := k - 1; i >= 0 && ix.a.Entities[i].Start >= sent.Start; i-- {
			if m := &ix.a.Entities[i]; (m.Type == "ORG" || m.Type == "GPE") && m.Kind != "demonym" && m.End <= pos && !inSpan(content, m.Start) && ix.isSubject(*m, sent) {
				subject = i
				break
			}
		}
		for i := k - 1; i >= 0 && ix.a.Entities[i].Start >= from; i-- {
			if subject >= 0 && i > subject {
				continue // "Germany … plans to halve its aid to Ukraine – although it suggested": the subject, not a place spoken of since
			}
			m := &ix.a.Entities[i]
			if (m.Type == "ORG" || m.Type == "GPE" || m.Type == "LOC") && m.Kind != "demonym" && m.End <= pos {
				if inSpan(content, m.Start) {
					continue // spoken of: "Moscow's plan is behind schedule, it said"
				}
				if c, ok := ix.bodyReporting(m.Start, claims); ok {
					// Named in what a body said: the body goes on
					// speaking ("Intelligence said Russia had lost
					// momentum. … , it said").
					return c.Speaker, c.SpeakerEntity, true
				}
				if i > 0 && m.Type != "ORG" {
					// "the Ministry of Health in Gaza called for …": the
					// place qualifies the body named just before it.
					if o := &ix.a.Entities[i-1]; o.Type == "ORG" && o.Start >= from && placeLink[ix.a.Text[o.End:m.Start]] {
						m = o
					}
				}
				name := m.Canonical
				if name == "" {
					name = m.Text
				}
				return name, m.Entity, true
			}
		}
		// Nothing named near ("JOIN US ON TELEGRAM!" between): the
		// latest organisation or state that spoke in the last three
		// sentences ("Gazprom says … . It says in a statement …").
		ss := ix.a.Sentences
		at := func(p int) int { return sort.Search(len(ss), func(i int) bool { return ss[i].End > p }) }
		for k := len(claims) - 1; k >= 0 && at(claims[k].CueSpan.Start) >= at(pos)-3; k-- {
			if c := claims[k]; c.CueSpan.Start < pos && ix.itLike(c) {
				return c.Speaker, c.SpeakerEntity, true
			}
		}
	}
	return "", "", false
}

// isSubject says whether the name m is the subject of a clause of the
// sentence sent: the parse makes the head of its words a nominal
// subject, or the name opens the sentence or a "that" clause and is no
// possessive.
func (ix *index) isSubject(m news.Mention, sent news.Span) bool {
	a := ix.a
	if len(a.Syntax) != len(a.Tokens) {
		return false
	}
	before := strings.Fields(a.Text[sent.Start:m.Start])
	if opens := len(before) == 0 || before[len(before)-1] == "that"; opens {
		// The name opens the sentence or a "that" clause ("it emerged
		// that Germany, which …, plans"), whatever the parse made of it.
		rest := a.Text[m.End:]
		return !strings.HasPrefix(rest, "'s") && !strings.HasPrefix(rest, "’s")
	}
	for k := tokenAt(a, m.Start); k >= 0 && k < len(a.Tokens) && a.Tokens[k].End <= m.End; k++ {
		if h := int(a.Syntax[k].Head); h >= 0 && h < len(a.Tokens) && a.Tokens[h].Start >= m.Start && a.Tokens[h].End <= m.End {
			continue // inside the name
		}
		r := a.Syntax[k].Rel
		return r == "nsubj" || r == "nsubj:pass"
	}
	return false
}

// placeLink joins a body's name to the place that qualifies it ("the
// Ministry of Health in Gaza", "the Red Cross of Latvia").
var placeLink = map[string]bool{" in ": true, " of ": true, " for ": true}

// itLike says whether "it" may stand for the speaker of claim c: an
// organisation or a state, named or described.
func (ix *index) itLike(c news.Claim) bool {
	return strings.HasPrefix(c.SpeakerEntity, "org:") || strings.HasPrefix(c.SpeakerEntity, "gpe:") || ix.bodyLike(c)
}

// bodyReporting returns the latest of claims whose content holds the
// position p and whose speaker "it" may stand for.
func (ix *index) bodyReporting(p int, claims []news.Claim) (news.Claim, bool) {
	for k := len(claims) - 1; k >= 0; k-- {
		if c := claims[k]; inSpan(c.Content, p) && ix.itLike(c) {
			return c, true
		}
	}
	return news.Claim{}, false
}

// personNouns are common nouns for one person, with the pronoun each
// takes ("" for either): "a farmer", "the woman", "one resident".
var personNouns = map[string]string{"man": "he", "woman": "she", "boy": "he", "girl": "she", "mother": "she",
	"father": "he", "son": "he", "daughter": "she", "wife": "she", "husband": "he", "grandmother": "she",
	"grandfather": "he", "farmer": "", "resident": "", "driver": "", "worker": "", "teacher": "", "nurse": "",
	"soldier": "", "veteran": "", "student": "", "shopkeeper": "", "villager": "", "survivor": "", "witness": "",
	"refugee": "", "pensioner": "", "neighbour": "", "neighbor": "", "volunteer": "", "pilot": "", "owner": ""}

// describedSubject returns the first subject of the sentence sent,
// before pos, when it introduces one person the pronoun pr agrees with
// and names no one ("a farmer in flood-hit Hunan" → "a farmer").
func (ix *index) describedSubject(pr string, sent news.Span, pos int) (news.Span, bool) {
	a := ix.a
	if len(a.Syntax) != len(a.Tokens) {
		return news.Span{}, false
	}
	lo := tokenAt(a, sent.Start)
	for k := lo; k >= 0 && k < len(a.Tokens) && a.Tokens[k].End <= pos; k++ {
		if a.Syntax[k].Rel != "nsubj" {
			continue
		}
		g, ok := personNouns[strings.ToLower(a.Tokens[k].Span.In(a.Text))]
		if !ok || g != "" && g != pr || a.Syntax[k].UPOS != news.NOUN {
			return news.Span{}, false
		}
		// The noun and the words before it that it heads ("a local
		// farmer"), not what follows ("in flood-hit Hunan").
		sp := a.Tokens[k].Span
		indefinite := false
		for j := k - 1; j >= lo && int(a.Syntax[j].Head) == k; j-- {
			sp.Start = a.Tokens[j].Start
			switch strings.ToLower(a.Tokens[j].Span.In(a.Text)) {
			case "a", "an", "one", "another":
				indefinite = true
			}
		}
		if !indefinite {
			return news.Span{}, false // "the man" may be someone named before
		}
		if ix.personLike(sp) && personRole(sp.In(a.Text)) == "" {
			return news.Span{}, false // (a named person is found as one)
		}
		return sp, true
	}
	return news.Span{}, false
}

// sameSentence says whether the positions p and q are in one sentence.
func (ix *index) sameSentence(p, q int) bool {
	sent, _ := ix.sentencesAt(p)
	return sent.Start <= q && q < sent.End
}

// closesSentence says whether at most a few words follow pos in its
// sentence: a trailing attribution (", according to the institute.").
func (ix *index) closesSentence(pos int) bool {
	sent, _ := ix.sentencesAt(pos)
	return pos <= sent.End && len(strings.Fields(ix.a.Text[pos:sent.End])) <= 8
}

// subjectPerson returns the named person (a name, not a role) in the
// subject of the main verb of the sentence that starts at from, when
// that sentence ends before pos; else nil.
func (ix *index) subjectPerson(from, pos int) *news.Mention {
	sent, _ := ix.sentencesAt(from)
	if sent.Start != from || sent.End > pos {
		return nil
	}
	return ix.rootPerson(sent)
}

// rootPerson returns the named person in the subject of the main verb of
// the sentence sent, or nil.
func (ix *index) rootPerson(sent news.Span) *news.Mention {
	a := ix.a
	if len(a.Syntax) != len(a.Tokens) {
		return nil
	}
	k := sentenceRoot(a, sent)
	if k < 0 {
		return nil
	}
	sub, ok := syntaxSubject(a, a.Tokens[k].Start, sent)
	if !ok {
		return nil
	}
	var person *news.Mention
	lo, hi := ix.mentions(sub)
	for i := lo; i < hi; i++ {
		if m := &a.Entities[i]; m.Type == "PER" && m.Kind == "name" && m.End <= sub.End {
			person = m
		}
	}
	return person
}

// pronounBefore returns the start of the last word pr (a pronoun, lower
// case) in the text between from and pos, outside a quotation opened
// since from, or -1.
func (ix *index) pronounBefore(pr string, from, pos int) int {
	last := -1
	toks := ix.a.Tokens
	for k := sort.Search(len(toks), func(i int) bool { return toks[i].Start >= from }); k < len(toks) && toks[k].Start < pos; k++ {
		if tk := toks[k]; tk.Kind == news.TokenWord && strings.EqualFold(tk.In(ix.a.Text), pr) && !openQuoteAt(ix.a.Text, from, tk.Start) {
			last = tk.Start
		}
	}
	return last
}

// sentencesAt returns the sentence that holds text position p and the
// sentence before it (empty for the first).
func (ix *index) sentencesAt(p int) (sent, prev news.Span) {
	ss := ix.a.Sentences
	i := sort.Search(len(ss), func(i int) bool { return ss[i].End > p })
	if i < len(ss) {
		sent = ss[i].Span
	}
	if i > 0 && i <= len(ss) {
		prev = ss[i-1].Span
	}
	return sent, prev
}

// sameActor says whether a name and entity are the speaker of claim o.
func sameActor(name, ent string, o news.Claim) bool {
	if ent != "" && o.SpeakerEntity != "" {
		return ent == o.SpeakerEntity
	}
	return sameName(name, o.Speaker)
}

// quoteClosedAt returns the quotation that closes just before the cue at
// pos (“…,” she said; “…,” said the minister: at most a comma and a few
// words between), opened in the same paragraph, or an empty span.
func (ix *index) quoteClosedAt(pos int) news.Span {
	text := ix.a.Text
	from := max(0, pos-48)
	close := max(strings.LastIndex(text[from:pos], "”"), strings.LastIndex(text[from:pos], "\""))
	if close < 0 {
		return news.Span{}
	}
	close += from
	between := strings.TrimLeft(text[close:pos], "”\"")
	if strings.ContainsAny(between, ".!?;:“\n") || len(strings.Fields(between)) > 4 {
		return news.Span{}
	}
	para := strings.LastIndex(text[:close], "\n\n") + 1
	open := strings.LastIndexAny(text[para:close], "“\"")
	if open < 0 {
		return news.Span{}
	}
	return news.Span{Start: para + open, End: close}
}

// sentenceBefore returns the start of the sentence before the one that
// holds pos, or that sentence's own start when it is the first.
func (ix *index) sentenceBefore(pos int) int {
	ss := ix.a.Sentences
	k := sort.Search(len(ss), func(j int) bool { return ss[j].End > pos })
	if k >= len(ss) {
		return pos
	}
	if k > 0 {
		return ss[k-1].Start
	}
	return ss[k].Start
}

// openQuoteAt says whether a quotation opened between from and pos is
// still open at pos: “ opens, ” closes, a straight mark or two
// apostrophes toggle.
func openQuoteAt(text string, from, pos int) bool {
	open := strings.Count(text[from:pos], "''")%2 == 1
	for _, r := range text[from:pos] {
		switch r {
		case '“', '«':
			open = true
		case '”', '»':
			open = false
		case '"':
			open = !open
		}
	}
	return open
}

// quotation returns the claim whose quotation holds the cue of claims[i]
// (a claim nested in another, with a quotation mark open at the cue
// inside the other's content; a quotation of several sentences, with the
// mark open at the cue; or a quotation that opens its sentence and goes
// on from the quotation of the sentence before), or -1.
func (ix *index) quotation(claims []news.Claim, i int) int {
	c := claims[i]
	text := ix.a.Text
	if p := c.Parent; p >= 0 {
		if o := claims[p]; o.SpeakerSpan != nil && openQuoteAt(text, o.Content.Start, c.CueSpan.Start) {
			return p
		}
		return -1
	}
	for p := i - 1; p >= 0; p-- {
		// A quotation of several sentences holds the cue ("“… I said
		// this is who I would vote for. …,” Haley said").
		if o := claims[p]; o.Direct && o.SpeakerSpan != nil && inSpan(o.Content, c.CueSpan.Start) && (c.SpeakerSpan == nil || inSpan(o.Content, c.SpeakerSpan.Start)) &&
			openQuoteAt(text, o.Content.Start, c.CueSpan.Start) {
			return p
		}
	}
	ss := ix.a.Sentences
	k := sort.Search(len(ss), func(j int) bool { return ss[j].End > c.CueSpan.Start })
	if k == 0 || k >= len(ss) {
		return -1
	}
	sent := ss[k].Span
	first, _ := utf8.DecodeRuneInString(text[sent.Start:])
	if first != '“' && first != '"' && !strings.HasPrefix(text[sent.Start:], "''") || !openQuoteAt(text, sent.Start, c.CueSpan.Start) {
		return -1
	}
	if c.SpeakerSpan != nil && c.SpeakerSpan.Start < c.CueSpan.Start && !openQuoteAt(text, sent.Start, c.SpeakerSpan.Start) {
		return -1
	}
	return quoteBefore(text, claims[:i], ss[k-1].Span)
}

// quotedPronouns settles the pronoun speakers of claims inside a
// quotation: "I" and "we" are the quotation's speaker; "he", "she" and
// "they" are never that speaker, but the nearest other compatible actor,
// else left unresolved. Claims come in text order (by cue).
func (ix *index) quotedPronouns(claims []news.Claim) {
	text := ix.a.Text
	ss := ix.a.Sentences
	for i := range claims {
		c := &claims[i]
		if c.SpeakerSpan == nil {
			continue
		}
		pr := strings.ToLower(c.SpeakerSpan.In(text))
		if pr == "it" || !pronouns[pr] {
			continue
		}
		q := ix.quotation(claims, i)
		if q < 0 || IsUnresolved(claims[q].Speaker) {
			continue
		}
		o := claims[q]
		if pr == "i" || pr == "we" {
			c.Speaker, c.SpeakerEntity = o.Speaker, o.SpeakerEntity
			continue
		}
		if IsUnresolved(c.Speaker) || !sameActor(c.Speaker, c.SpeakerEntity, o) {
			continue
		}
		var sent, prev news.Span
		if k := sort.Search(len(ss), func(j int) bool { return ss[j].End > c.CueSpan.Start }); k < len(ss) {
			sent = ss[k].Span
			if k > 0 {
				prev = ss[k-1].Span
			}
		}
		if name, ent, ok := ix.pronoun(pr, c.CueSpan.Start, c.Content, claims[:i], sent, prev, &o); ok {
			c.Speaker, c.SpeakerEntity = name, ent
		} else {
			c.Speaker, c.SpeakerEntity = Unresolved(c.SpeakerSpan.In(text)), ""
		}
	}
}

// inSpan says whether position p lies in sp.
func inSpan(sp news.Span, p int) bool { return sp.Start <= p && p < sp.End }
