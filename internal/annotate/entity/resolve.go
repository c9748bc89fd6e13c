package entity

import (
	"slices"
	"strings"
	"time"

	"sitrep/internal/facts"
	"sitrep/internal/news"
)

// document is an article's tokens grouped into sentences for the tagger.

// split appends the mention of tokens first..last, cut where a name

// cannot continue: a line break, a possessive "'s", or a bracket.

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

// locatives are prepositions after which a capital is a place, not its

// government.

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

// ambiguous when it may refer to several.

func (r *resolver) lookup(m *mention) (ref *facts.Ref, ambiguous bool) {
	var found []facts.Ref
	text := r.text(m)
	// "The Kremlin", "North Korea" tagged PER are still places; a single
	// word such as "Victoria" or "Jordan" tagged PER is a person.
	placeAnyway := m.first < m.last || strings.HasPrefix(strings.ToLower(text), "the ")
	for _, f := range r.facts.Lookup(text) {
		if (compatible(m.nerType, f) || placeAnyway && f.Type == facts.TypeGPE && f.Kind != facts.KindDemonym) && !slices.ContainsFunc(found, func(g facts.Ref) bool { return g.ID == f.ID }) {
			found = append(found, f)
		}
	}
	if len(found) == 0 {
		// A person the table knows, mistyped by the recogniser
		// ("Zelensky" tagged ORG), is still that person.
		if refs := r.facts.Lookup(text); len(refs) == 1 && refs[0].Type == facts.TypePER {
			return &refs[0], false
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

// apply sets a mention's type and kind from its facts ref.

func (r *resolver) apply(m *mention, ref *facts.Ref) {
	m.ref = ref
	switch ref.Kind {
	case facts.KindCountry:
		m.typ = facts.TypeGPE
	case facts.KindCapital:
		if locatives[strings.ToLower(r.doc.word(m.first-1))] {
			// The city itself.
			c, _ := r.facts.Country(ref.Country)
			city := facts.Ref{ID: "loc:" + slug(c.Capital), Name: c.Capital, Type: "LOC", Kind: facts.KindCapital, Country: ref.Country}
			m.ref = &city
			m.typ = "LOC"
		} else {
			m.typ = facts.TypeGPE
		}
	case facts.KindDemonym:
		m.kind = "demonym"
		m.typ = m.nerType
	default:
		m.typ = ref.Type
	}
}

func (r *resolver) resolve(ms []mention) []news.Mention {
	// Facts for the recogniser's mentions; single-word names of people
	// wait for the article's own full names.
	covered := make([]bool, len(r.doc.toks))
	for i := range ms {
		m := &ms[i]
		m.typ = m.nerType
		for k := m.first; k <= m.last; k++ {
			covered[k] = true
		}
		if m.nerType == "PER" && m.first == m.last {
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

// fill adds mentions for facts names the recogniser missed: countries,

// capitals, demonyms, organisations and multi-word names of people,

// starting at a capitalised token.

// adjacent reports whether tokens i..j lie in one line with single

// spaces or none between them.

// acronyms links "Full Name (ACR)" definitions and acronyms that spell the

// initials of exactly one organisation named in the article.

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

// subsequence reports whether the letters of acr appear in order in

// initials, with the first letters equal: "CSIS" in "CSIS", "NIS" in "ONIS".

// demonyms links demonyms the facts table does not know ("Lisvanian") to

// the one place named in the article they derive from ("Lisvania"), which

// then is a state.

// derives reports whether demonym d derives from place name p:

// Lisvania → Lisvanian, Kazhar → Kazhari, Veldana → Veldanian.

// surnames links a one-word name of a person to the one full name in the

// article whose first or last word it is; with two such full names it

// stays unlinked; with none, the facts table may know it.

// sameNames joins mentions with the same name within the article,

// whatever type the recogniser gave each (one name is one entity in one

// report), unless the facts table tells them apart; the cluster then

// takes the type most of its names have.

// roleWords are the last words of role phrases the article may bind to

// a person ("energy minister"), besides those facts.NormalizeRole knows.

// roleAt returns the canonical role of the phrase starting at token i

// and its last token, or ("", -1).

// countryAt returns the index of the mention that names a state (or its

// demonym) ending at token k, or -1.

// roles binds "Ukrainian President Volodymyr Zelensky" (a role before a

// name) and adds role descriptions ("the Ukrainian president",

// "Ukraine's president") as PER mentions resolved through those bindings

// or the facts table's office holders.

// demonymLike reports whether a capitalised word has a demonym's ending

// ("Lisvanian", "Kazhari", "Veldanese").

// output assigns entity IDs and canonical names and returns the mentions

// in text order.

// slug makes an ID part from a name: its facts key with spaces as hyphens.
