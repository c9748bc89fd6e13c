package entity

import (
	"slices"
	"strings"
	"time"

	"sitrep/internal/facts"
	"sitrep/internal/news"
)

// mention is a mention being resolved: tokens first..last inclusive.
type mention struct {
	first, last int
	nerType     string
	typ         string // the final type
	kind        string // name, acronym, demonym, role
	ref         *facts.Ref
	ambiguous   bool // leave unlinked
	drop        bool
	// parentName is the mention a role description resolved to in the
	// article, or -1.
	parentName int
}

// resolver resolves the mentions of one article.
type resolver struct {
	doc       *document
	facts     *facts.Table
	published time.Time
	ms        []mention
	parent    []int
}

func (r *resolver) text(m *mention) string {
	return r.doc.text[r.doc.toks[m.first].Start:r.doc.toks[m.last].End]
}

func (r *resolver) find(i int) int {
	for r.parent[i] != i {
		r.parent[i] = r.parent[r.parent[i]]
		i = r.parent[i]
	}
	return i
}

// union joins j's cluster into i's, keeping i's root (the earlier, fuller
// name) as the root.
func (r *resolver) union(i, j int) {
	ri, rj := r.find(i), r.find(j)
	if ri != rj {
		r.parent[rj] = ri
	}
}

// locatives are prepositions after which a seat of government is a
// place, not the government.
var locatives = map[string]bool{
	"in": true, "near": true, "at": true, "around": true, "outside": true, "inside": true,
	"across": true, "over": true, "into": true, "toward": true, "towards": true, "of": true,
	"on": true, "above": true, "within": true, "through": true, "throughout": true,
}

// compatible reports whether a facts ref fits the recogniser's type.
func compatible(nerType string, ref facts.Ref) bool {
	switch ref.Type {
	case facts.TypePER:
		return nerType == "PER"
	case facts.TypeORG:
		return nerType != "PER"
	}
	return nerType != "PER"
}

// lookup returns the single facts ref a mention's text may refer to, or
// ambiguous when it may refer to several. A city that is both a capital
// and an institution's seat ("Brussels": Belgium's capital, the EU's
// seat) is the institution in an actor's position and the city
// otherwise.
func (r *resolver) lookup(m *mention) (ref *facts.Ref, ambiguous bool) {
	var found []facts.Ref
	text := r.text(m)
	// "The Kremlin", "North Korea" tagged PER are still places; a single
	// word such as "Victoria" or "Jordan" tagged PER is a person.
	// "the West" tagged PER is the place the table knows: a person's
	// name does not follow "the".
	afterThe := r.afterThe(m.first)
	placeAnyway := m.first < m.last || strings.HasPrefix(strings.ToLower(text), "the ") || afterThe
	refs := r.facts.Lookup(text)
	for _, f := range refs {
		if (compatible(m.nerType, f) || placeAnyway && f.Type == facts.TypeGPE && f.Kind != facts.KindDemonym || afterThe && f.Type == facts.TypeLOC) && !slices.ContainsFunc(found, func(g facts.Ref) bool { return g.ID == f.ID }) {
			found = append(found, f)
		}
	}
	if len(found) == 0 {
		// A person the table knows, mistyped by the recogniser
		// ("Zelensky" tagged ORG), is still that person.
		if len(refs) == 1 && refs[0].Type == facts.TypePER {
			return &refs[0], false
		}
		// A seat of government is never a person ("Kremlin" tagged PER).
		if len(refs) == 1 && refs[0].Kind == facts.KindSeat {
			return &refs[0], false
		}
		// A person's full name the table does not list: part of a listed
		// one or another transliteration of it ("Tayyip Erdoğan").
		if len(refs) == 0 && m.nerType == "PER" {
			if p, ok := r.facts.PersonNamed(text); ok {
				ref := facts.PersonRef(p)
				return &ref, false
			}
		}
	}
	if len(found) == 2 {
		capital, seat := found[0], found[1]
		if capital.Kind == facts.KindSeat {
			capital, seat = seat, capital
		}
		if capital.Kind == facts.KindCapital && seat.Kind == facts.KindSeat && seat.Type == facts.TypeORG {
			if r.actor(m.first, m.last) {
				return &seat, false
			}
			return &capital, false
		}
	}
	switch len(found) {
	case 0:
		return nil, false
	case 1:
		return &found[0], false
	}
	return nil, true
}

// apply sets a mention's type and kind from its facts ref. A capital
// stands for its state only in an actor's position ("Kyiv said",
// "talks with Moscow"); elsewhere it is the city. A seat of government
// ("the Kremlin") stands for the state unless a locative preposition
// makes it the place.
func (r *resolver) apply(m *mention, ref *facts.Ref) {
	m.ref = ref
	switch ref.Kind {
	case facts.KindCountry:
		m.typ = facts.TypeGPE
	case facts.KindCapital:
		if r.actor(m.first, m.last) {
			m.typ = facts.TypeGPE
			break
		}
		c, _ := r.facts.Country(ref.Country)
		city := facts.Ref{ID: "loc:" + slug(c.Capital), Name: c.Capital, Type: facts.TypeLOC, Kind: facts.KindCapital, Country: ref.Country}
		m.ref = &city
		m.typ = facts.TypeLOC
	case facts.KindSeat:
		m.typ = ref.Type
		if ref.Type == facts.TypeGPE && locatives[strings.ToLower(r.doc.word(m.first-1))] {
			name := strings.TrimPrefix(r.text(m), "the ")
			place := facts.Ref{ID: "loc:" + slug(name), Name: name, Type: facts.TypeLOC, Kind: facts.KindSeat, Country: ref.Country}
			m.ref = &place
			m.typ = facts.TypeLOC
		}
	case facts.KindDemonym:
		m.kind = "demonym"
		m.typ = m.nerType
	default:
		m.typ = ref.Type
	}
}

// pronouns are the closed-class words the recogniser sometimes takes for
// a name at the start of a sentence or a headline ("Who will guarantee
// …", "She" in a byline): alone, not in capitals, they name no one.
var pronouns = tokensSet("who whom whose what which where when why how whoever whatever " +
	"i me my we us our you your he him his she her it its they them their " +
	"this that these those there here")

// tokensSet returns the set of the space-separated words of s.
func tokensSet(s string) map[string]bool {
	out := map[string]bool{}
	for _, w := range strings.Fields(s) {
		out[w] = true
	}
	return out
}

// pronoun reports whether the recogniser's mention m is one word of
// pronouns, not written in capitals ("WHO", "US" and "IT" are names).
func (r *resolver) pronoun(m *mention) bool {
	if m.first != m.last {
		return false
	}
	w := r.text(m)
	return pronouns[strings.ToLower(w)] && strings.ToUpper(w) != w
}

// notName reports whether the recogniser's one-word mention m is a word
// of another kind by the syntax layer: an interjection, conjunction,
// verb or other function word ("Well, …", "Listen, …", "Because …"), or,
// for a person, a modifier of the common noun after it at the start of
// a sentence ("Satellite images", "Airborne troops"). Words in capitals
// and words the facts table knows keep their mention.
func (r *resolver) notName(m *mention) bool {
	if m.first != m.last {
		return false
	}
	w := r.text(m)
	if strings.ToUpper(w) == w || len(r.facts.Lookup(w)) > 0 {
		return false
	}
	switch r.doc.tag(m.first) {
	case news.INTJ, news.SCONJ, news.CCONJ, news.ADP, news.ADV, news.DET, news.PRON, news.AUX, news.PART, news.VERB, news.NUM, news.SYM, news.PUNCT:
		return true
	case news.NOUN, news.ADJ:
		next := r.doc.word(m.first + 1)
		return m.nerType == "PER" && r.sentenceStart(m.first) && next != "" && !startsUpper(next) && r.doc.tag(m.first+1) == news.NOUN
	}
	return false
}

// afterThe reports whether the word before token i is "the".
func (r *resolver) afterThe(i int) bool {
	return strings.EqualFold(r.doc.word(i-1), "the")
}

// nearPlace reports whether a mention follows a preposition of place
// that takes places, not people ("near", "outside", "around") and is no
// possessor ("near Putin's residence").
func (r *resolver) nearPlace(m *mention) bool {
	switch strings.ToLower(r.doc.word(m.first - 1)) {
	case "near", "outside", "around":
	default:
		return false
	}
	if m.last+1 >= len(r.doc.toks) {
		return true
	}
	after := r.doc.text[r.doc.toks[m.last].End:]
	return !strings.HasPrefix(after, "'s") && !strings.HasPrefix(after, "’s")
}

// sentenceStart reports whether token i begins its sentence group.
func (r *resolver) sentenceStart(i int) bool {
	_, found := slices.BinarySearch(r.doc.starts, i)
	return found
}

func (r *resolver) resolve(ms []mention) []news.Mention {
	ms = slices.DeleteFunc(ms, func(m mention) bool { return r.pronoun(&m) || r.notName(&m) })
	// Facts for the recogniser's mentions; single-word names of people
	// wait for the article's own full names.
	covered := make([]bool, len(r.doc.toks))
	for i := range ms {
		m := &ms[i]
		if m.nerType == "PER" && r.nearPlace(m) {
			m.nerType = "LOC" // "Near Ayn Isa, three strikes …": no one is near a person in a dateline
		}
		m.typ = m.nerType
		for k := m.first; k <= m.last; k++ {
			covered[k] = true
		}
		if m.nerType == "PER" && m.first == m.last && !r.afterThe(m.first) {
			continue
		}
		ref, amb := r.lookup(m)
		m.ambiguous = amb
		if ref != nil {
			r.apply(m, ref)
		}
	}
	ms = append(ms, r.fill(covered)...)
	slices.SortFunc(ms, func(a, b mention) int { return a.first - b.first })
	r.ms = ms
	r.parent = make([]int, len(ms))
	for i := range r.parent {
		r.parent[i] = i
	}
	r.acronyms()
	r.demonyms()
	r.surnames()
	r.sameNames()
	r.roles()
	return r.output()
}

// link joins mention j to i's entity; j takes i's facts ref and type.
func (r *resolver) link(i, j int, kind string) {
	m := &r.ms[j]
	m.kind = kind
	m.ambiguous = false
	if m.typ == "" || m.typ == "MISC" || r.ms[i].typ != "" {
		m.typ = r.ms[i].typ
	}
	r.union(i, j)
}

func (r *resolver) distinctRoots(c []int) int {
	seen := map[string]bool{}
	for _, i := range c {
		seen[r.clusterKey(i)] = true
	}
	return len(seen)
}

// clusterKey identifies a mention's entity so far: its facts ID, or its
// root's name.
func (r *resolver) clusterKey(i int) string {
	root := r.find(i)
	for _, k := range []int{i, root} {
		if ref := r.ms[k].ref; ref != nil {
			return ref.ID
		}
	}
	return "n:" + facts.Key(r.text(&r.ms[root]))
}
