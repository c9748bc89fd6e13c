package entity

import (
	"slices"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"sitrep/internal/facts"
	"sitrep/internal/news"
)

// document is an article's tokens grouped into sentences for the tagger.
type document struct {
	text   string
	toks   []news.Token
	words  [][]string // per sentence, the token texts
	starts []int      // index in toks of each sentence's first token
}

func newDocument(a *news.Article) *document {
	d := &document{text: a.Text, toks: a.Tokens}
	si := 0
	cur := -1 // sentence of the group being built
	for i, t := range a.Tokens {
		for si < len(a.Sentences) && a.Sentences[si].End <= t.Start {
			si++
		}
		s := si
		if si >= len(a.Sentences) || t.Start < a.Sentences[si].Start {
			s = -1 - si // a token outside every sentence: its own group
		}
		if len(d.starts) == 0 || s != cur || s < 0 {
			d.starts = append(d.starts, i)
			d.words = append(d.words, nil)
			cur = s
		}
		d.words[len(d.words)-1] = append(d.words[len(d.words)-1], t.In(a.Text))
	}
	return d
}

// split appends the mention of tokens first..last, cut where a name
// cannot continue: a line break, a possessive "'s", or a bracket.
func (d *document) split(ms []mention, first, last int, typ string) []mention {
	start := first
	for k := first; k <= last; k++ {
		w := d.word(k)
		cut := w == "'s" || w == "’s" || strings.ContainsAny(w, "()[]{}\"“”")
		brk := k < last && strings.ContainsAny(d.text[d.toks[k].End:d.toks[k+1].Start], "\n\r")
		if cut {
			if k > start {
				ms = append(ms, mention{first: start, last: k - 1, nerType: typ, kind: "name"})
			}
			start = k + 1
		} else if brk {
			ms = append(ms, mention{first: start, last: k, nerType: typ, kind: "name"})
			start = k + 1
		}
	}
	if start <= last {
		ms = append(ms, mention{first: start, last: last, nerType: typ, kind: "name"})
	}
	return ms
}

func (d *document) word(i int) string {
	if i < 0 || i >= len(d.toks) {
		return ""
	}
	return d.toks[i].In(d.text)
}

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
func (r *resolver) fill(covered []bool) []mention {
	var out []mention
	toks := r.doc.toks
	for i := 0; i < len(toks); i++ {
		if covered[i] || !startsUpper(r.doc.word(i)) {
			continue
		}
		matched := false
		for n := min(6, len(toks)-i); n >= 1 && !matched; n-- {
			j := i + n - 1
			if slices.Contains(covered[i:j+1], true) || !adjacent(r.doc, i, j) {
				continue
			}
			m := mention{first: i, last: j, kind: "name"}
			refs := r.facts.Lookup(r.text(&m))
			if len(refs) != 1 {
				continue
			}
			ref := refs[0]
			if ref.Kind == facts.KindPerson && n == 1 {
				continue
			}
			if ref.Kind == facts.KindOrg && n == 1 && len(r.doc.word(i)) < 2 {
				continue
			}
			switch ref.Type {
			case facts.TypePER:
				m.nerType = "PER"
			case facts.TypeORG:
				m.nerType = "ORG"
			default:
				m.nerType = "LOC"
				if ref.Kind == facts.KindDemonym {
					m.nerType = "MISC"
				}
			}
			r.apply(&m, &ref)
			out = append(out, m)
			for k := i; k <= j; k++ {
				covered[k] = true
			}
			matched = true
			i = j
		}
	}
	return out
}

// adjacent reports whether tokens i..j lie in one line with single
// spaces or none between them.
func adjacent(d *document, i, j int) bool {
	for k := i; k < j; k++ {
		gap := d.text[d.toks[k].End:d.toks[k+1].Start]
		if len(gap) > 1 || strings.ContainsAny(gap, "\n\r\t") {
			return false
		}
	}
	return true
}

func startsUpper(w string) bool {
	c, _ := utf8.DecodeRuneInString(w)
	return unicode.IsUpper(c)
}

// acronyms links "Full Name (ACR)" definitions and acronyms that spell the
// initials of exactly one organisation named in the article.
func (r *resolver) acronyms() {
	defined := map[string]int{} // acronym → mention
	var added []mention
	for i := range r.ms {
		m := &r.ms[i]
		if m.nerType == "PER" || m.first == m.last && isAcronym(r.text(m)) {
			continue
		}
		if r.doc.word(m.last+1) != "(" || r.doc.word(m.last+3) != ")" || !isAcronym(r.doc.word(m.last+2)) {
			continue
		}
		acr := r.doc.word(m.last + 2)
		if !subsequence(acr, initialsOf(r.text(m))) {
			continue
		}
		defined[acr] = i
		k := m.last + 2
		if !slices.ContainsFunc(r.ms, func(o mention) bool { return o.first <= k && k <= o.last }) {
			added = append(added, mention{first: k, last: k, nerType: m.typ, typ: m.typ, kind: "acronym"})
		}
	}
	if len(added) > 0 {
		r.ms = append(r.ms, added...)
		slices.SortFunc(r.ms, func(a, b mention) int { return a.first - b.first })
		r.parent = make([]int, len(r.ms))
		for i := range r.parent {
			r.parent[i] = i
		}
		for acr := range defined {
			for i := range r.ms {
				if r.ms[i].last+2 < len(r.doc.toks) && r.doc.word(r.ms[i].last+2) == acr && r.doc.word(r.ms[i].last+1) == "(" && r.ms[i].kind == "name" {
					defined[acr] = i
				}
			}
		}
	}
	initials := map[string][]int{}
	for i := range r.ms {
		m := &r.ms[i]
		if m.first < m.last && m.nerType != "PER" {
			if ini := initialsOf(r.text(m)); len(ini) >= 2 {
				initials[ini] = append(initials[ini], i)
			}
		}
	}
	for i := range r.ms {
		m := &r.ms[i]
		if m.first != m.last || !isAcronym(r.text(m)) || m.nerType == "PER" {
			continue
		}
		acr := r.text(m)
		if d, ok := defined[acr]; ok {
			r.link(d, i, "acronym")
			continue
		}
		if m.ref != nil {
			continue
		}
		if c := initials[acr]; len(c) > 0 && r.distinctRoots(c) == 1 {
			r.link(c[0], i, "acronym")
		}
	}
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

// subsequence reports whether the letters of acr appear in order in
// initials, with the first letters equal: "CSIS" in "CSIS", "NIS" in "ONIS".
func subsequence(acr, initials string) bool {
	if acr == "" || initials == "" {
		return false
	}
	j := 0
	for _, c := range initials {
		if j < len(acr) && rune(acr[j]) == c {
			j++
		}
	}
	return j == len(acr)
}

func isAcronym(w string) bool {
	n := 0
	for _, c := range w {
		if !unicode.IsUpper(c) {
			return false
		}
		n++
	}
	return n >= 2 && n <= 10
}

var initialStop = map[string]bool{"for": true, "of": true, "and": true, "the": true, "on": true, "in": true, "&": true}

func initialsOf(name string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return unicode.IsSpace(r) || r == '-' }) {
		if initialStop[strings.ToLower(w)] {
			continue
		}
		c, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(c) {
			return ""
		}
		b.WriteRune(c)
	}
	return b.String()
}

// demonyms links demonyms the facts table does not know ("Lisvanian") to
// the one place named in the article they derive from ("Lisvania"), which
// then is a state.
func (r *resolver) demonyms() {
	for i := range r.ms {
		m := &r.ms[i]
		if m.ref != nil || m.first != m.last || m.kind != "name" {
			continue
		}
		w := r.text(m)
		var cands []int
		for j := range r.ms {
			o := &r.ms[j]
			if j == i || o.first != o.last || o.typ == "MISC" || o.kind != "name" {
				continue
			}
			if derives(w, r.text(o)) {
				cands = append(cands, j)
			}
		}
		if len(cands) > 0 && r.distinctRoots(cands) == 1 {
			for k := range r.ms {
				if r.ms[k].ref == nil && r.ms[k].kind == "name" && facts.Key(r.text(&r.ms[k])) == facts.Key(r.text(&r.ms[cands[0]])) {
					r.ms[k].typ = facts.TypeGPE
				}
			}
			r.union(cands[0], i)
			m.kind = "demonym"
			if r.ms[cands[0]].ref != nil {
				m.ref = r.ms[cands[0]].ref
			}
		}
	}
}

// derives reports whether demonym d derives from place name p:
// Lisvania → Lisvanian, Kazhar → Kazhari, Veldana → Veldanian.
func derives(d, p string) bool {
	if len(p) < 4 || len(d) <= len(p)-1 || !startsUpper(p) {
		return false
	}
	stem := strings.TrimRight(p, "aeiouy")
	if len(stem) < 3 || !strings.HasPrefix(d, stem) {
		return false
	}
	rest := d[len(stem):]
	switch rest {
	case "n", "an", "ian", "ean", "i", "ese", "ish", "ic", "ans", "ians", "is":
		return true
	}
	return false
}

// surnames links a one-word name of a person to the one full name in the
// article whose first or last word it is; with two such full names it
// stays unlinked; with none, the facts table may know it.
func (r *resolver) surnames() {
	type full struct {
		i     int
		words []string
	}
	var fulls []full
	for i := range r.ms {
		m := &r.ms[i]
		if m.typ == "PER" && m.first < m.last && m.kind == "name" {
			fulls = append(fulls, full{i, strings.Fields(facts.Key(r.text(m)))})
		}
	}
	for i := range r.ms {
		m := &r.ms[i]
		if m.nerType != "PER" || m.first != m.last || m.kind != "name" {
			continue
		}
		k := facts.Key(r.text(m))
		var cands []int
		for _, f := range fulls {
			if len(f.words) >= 2 && (f.words[0] == k || f.words[len(f.words)-1] == k || strings.HasSuffix(strings.Join(f.words, " "), " "+k)) {
				cands = append(cands, f.i)
			}
		}
		switch {
		case len(cands) == 0:
			ref, amb := r.lookup(m)
			m.ambiguous = amb
			if ref != nil {
				r.apply(m, ref)
			}
		case r.distinctRoots(cands) == 1:
			r.union(cands[0], i)
			m.ref = r.ms[cands[0]].ref
		default:
			m.ambiguous = true
		}
	}
}

// sameNames joins mentions with the same name within the article,
// whatever type the recogniser gave each (one name is one entity in one
// report), unless the facts table tells them apart; the cluster then
// takes the type most of its names have.
func (r *resolver) sameNames() {
	first := map[string]int{}
	for i := range r.ms {
		m := &r.ms[i]
		if m.ambiguous || m.kind == "role" || m.kind == "demonym" {
			continue
		}
		k := facts.Key(r.text(m))
		if j, ok := first[k]; ok {
			if r.ms[j].ref == nil || m.ref == nil || r.ms[j].ref.ID == m.ref.ID {
				r.union(j, i)
				if m.ref == nil {
					m.ref = r.ms[j].ref
				}
			}
			continue
		}
		first[k] = i
	}
	votes := map[int]map[string]int{}
	for i := range r.ms {
		m := &r.ms[i]
		if m.ref != nil || m.kind != "name" {
			continue
		}
		root := r.find(i)
		if votes[root] == nil {
			votes[root] = map[string]int{}
		}
		votes[root][m.typ]++
	}
	for i := range r.ms {
		m := &r.ms[i]
		if m.ref != nil || m.kind != "name" {
			continue
		}
		v := votes[r.find(i)]
		best := m.typ
		for _, t := range []string{"GPE", "LOC", "ORG", "PER", "MISC"} {
			if v[t] > v[best] {
				best = t
			}
		}
		m.typ = best
	}
}

func typeClass(t string) string {
	if t == "LOC" || t == "GPE" {
		return "PLACE"
	}
	return t
}

// roleWords are the last words of role phrases the article may bind to
// a person ("energy minister"), besides those facts.NormalizeRole knows.
var roleWords = map[string]bool{"minister": true, "secretary": true, "president": true, "leader": true, "chief": true, "commander": true, "spokesman": true, "spokeswoman": true, "spokesperson": true, "envoy": true, "ambassador": true, "premier": true, "chancellor": true}

// roleAt returns the canonical role of the phrase starting at token i
// and its last token, or ("", -1).
func (r *resolver) roleAt(i int) (string, int) {
	if i < 0 {
		return "", -1
	}
	for n := 5; n >= 1; n-- {
		j := i + n - 1
		if j >= len(r.doc.toks) || !adjacent(r.doc, i, j) {
			continue
		}
		var parts []string
		for k := i; k <= j; k++ {
			parts = append(parts, strings.ToLower(r.doc.word(k)))
		}
		phrase := strings.Join(parts, " ")
		if role := facts.NormalizeRole(phrase); role != "" {
			return role, j
		}
		if n <= 2 && roleWords[parts[n-1]] && (n == 1 || isLowerWord(parts[0])) {
			if n == 2 && (parts[0] == "the" || parts[0] == "a") {
				continue
			}
			return phrase, j
		}
	}
	return "", -1
}

func isLowerWord(w string) bool {
	for _, c := range w {
		if !unicode.IsLetter(c) {
			return false
		}
	}
	return w != ""
}

// countryAt returns the index of the mention that names a state (or its
// demonym) ending at token k, or -1.
func (r *resolver) countryAt(k int) int {
	for i := range r.ms {
		m := &r.ms[i]
		if m.last != k || m.drop {
			continue
		}
		if m.typ == facts.TypeGPE || m.kind == "demonym" || (m.ref != nil && m.ref.Type == facts.TypeGPE) {
			return i
		}
	}
	return -1
}

func (r *resolver) countryKey(i int) (key, iso string) {
	if ref := r.ms[i].ref; ref != nil && ref.Type == facts.TypeGPE {
		return ref.ID, ref.Country
	}
	if ref := r.ms[r.find(i)].ref; ref != nil && ref.Type == facts.TypeGPE {
		return ref.ID, ref.Country
	}
	return r.clusterKey(i), ""
}

// roles binds "Ukrainian President Volodymyr Zelensky" (a role before a
// name) and adds role descriptions ("the Ukrainian president",
// "Ukraine's president") as PER mentions resolved through those bindings
// or the facts table's office holders.
func (r *resolver) roles() {
	type found struct {
		start, end int // tokens of the description
		key, iso   string
		role       string
	}
	var descs []found
	bind := map[string]int{} // country key|role → person mention
	personAt := func(k int) int {
		for i := range r.ms {
			if r.ms[i].first == k && r.ms[i].typ == "PER" && r.ms[i].kind == "name" {
				return i
			}
		}
		return -1
	}
	// The words that name a state before a role: state and demonym
	// mentions, and capitalised words with a demonym's ending the
	// recogniser left untagged ("Lisvanian").
	type stateRef struct {
		first, last int
		key, iso    string
	}
	var states []stateRef
	inMention := make([]bool, len(r.doc.toks))
	for i := range r.ms {
		c := &r.ms[i]
		for k := c.first; k <= c.last; k++ {
			inMention[k] = true
		}
		if c.typ != facts.TypeGPE && c.kind != "demonym" && !(c.ref != nil && c.ref.Type == facts.TypeGPE) &&
			!(c.first == c.last && c.typ != "PER" && demonymLike(r.text(c))) {
			continue
		}
		key, iso := r.countryKey(i)
		states = append(states, stateRef{c.first, c.last, key, iso})
	}
	for k := range r.doc.toks {
		if w := r.doc.word(k); !inMention[k] && demonymLike(w) {
			states = append(states, stateRef{k, k, "n:" + facts.Key(w), ""})
		}
	}
	for _, c := range states {
		k := c.last + 1
		if w := r.doc.word(k); w == "'s" || w == "’s" {
			k++
		}
		role, end := r.roleAt(k)
		if role == "" {
			continue
		}
		if p := personAt(end + 1); p >= 0 {
			if _, ok := bind[c.key+"|"+role]; !ok {
				bind[c.key+"|"+role] = p
			}
			continue
		}
		start := c.first
		if w := strings.ToLower(r.doc.word(start - 1)); w == "the" {
			start--
		}
		descs = append(descs, found{start: start, end: end, key: c.key, iso: c.iso, role: role})
	}
	// Titles without a country before a known person: "President Zelensky".
	for i := range r.ms {
		p := &r.ms[i]
		if p.typ != "PER" || p.ref == nil || p.ref.Country == "" {
			continue
		}
		for n := 1; n <= 3; n++ {
			if role, end := r.roleAt(p.first - n); role != "" && end == p.first-1 {
				key := facts.CountryID(p.ref.Country) + "|" + role
				if _, ok := bind[key]; !ok {
					bind[key] = i
				}
			}
		}
	}
	var added []mention
	for _, d := range descs {
		m := mention{first: d.start, last: d.end, nerType: "PER", typ: "PER", kind: "role", parentName: -1}
		key, iso := d.key, d.iso
		target := -1
		// "Petra Solheim, Norhaven's defence minister": the apposition.
		if r.doc.word(d.start-1) == "," {
			target = r.personEndingAt(d.start - 2)
		}
		if target < 0 && r.doc.word(d.end+1) == "," {
			target = personAt(d.end + 2)
		}
		if target < 0 {
			if p, ok := bind[key+"|"+d.role]; ok {
				target = p
			}
		}
		if target >= 0 {
			m.ref = r.ms[r.find(target)].ref
			if m.ref == nil {
				m.ref = r.ms[target].ref
			}
			m.parentName = r.find(target)
		} else if iso != "" {
			if p, ok := r.facts.Holder(iso, d.role, r.published); ok {
				ref := facts.PersonRef(p)
				m.ref = &ref
				m.parentName = -1
			} else {
				m.ambiguous = true
			}
		} else {
			m.ambiguous = true
		}
		added = append(added, m)
	}
	if len(added) == 0 {
		return
	}
	// Mentions inside a description give way to it.
	for i := range r.ms {
		for _, a := range added {
			if r.ms[i].first >= a.first && r.ms[i].last <= a.last {
				r.ms[i].drop = true
			}
		}
	}
	base := len(r.ms)
	for k, a := range added {
		r.ms = append(r.ms, a)
		r.parent = append(r.parent, base+k)
		if a.parentName >= 0 && !a.ambiguous {
			r.union(a.parentName, base+k)
		}
	}
}

// demonymLike reports whether a capitalised word has a demonym's ending
// ("Lisvanian", "Kazhari", "Veldanese").
func demonymLike(w string) bool {
	if len(w) < 5 || !startsUpper(w) {
		return false
	}
	for _, suf := range []string{"ian", "an", "ese", "i", "ish"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

func (r *resolver) personEndingAt(k int) int {
	for i := range r.ms {
		if r.ms[i].last == k && r.ms[i].typ == "PER" && r.ms[i].kind == "name" {
			return i
		}
	}
	return -1
}

// output assigns entity IDs and canonical names and returns the mentions
// in text order.
func (r *resolver) output() []news.Mention {
	// Canonical member of each cluster: a facts ref wins; else the name
	// with the most words, the earliest on ties.
	best := map[int]int{}
	for i := range r.ms {
		m := &r.ms[i]
		if m.drop || m.kind == "role" || m.kind == "demonym" {
			continue
		}
		root := r.find(i)
		b, ok := best[root]
		if !ok || wordsIn(r.text(m)) > wordsIn(r.text(&r.ms[b])) {
			best[root] = i
		}
	}
	var out []news.Mention
	for i := range r.ms {
		m := &r.ms[i]
		if m.drop {
			continue
		}
		nm := news.Mention{
			Span: news.Span{Start: r.doc.toks[m.first].Start, End: r.doc.toks[m.last].End},
			Type: m.typ, Kind: m.kind,
		}
		nm.Text = nm.Span.In(r.doc.text)
		if !m.ambiguous {
			root := r.find(i)
			ref := m.ref
			if ref == nil {
				ref = r.ms[root].ref
			}
			switch {
			case ref != nil:
				nm.Entity, nm.Canonical = ref.ID, ref.Name
				if m.kind != "demonym" && ref.Type == facts.TypeGPE && m.typ != "LOC" {
					nm.Type = facts.TypeGPE
				}
			default:
				b, ok := best[root]
				if !ok {
					b = i
				}
				c := &r.ms[b]
				canon := r.text(c)
				t := c.typ
				if m.kind == "demonym" {
					t = facts.TypeGPE
				}
				nm.Entity, nm.Canonical = strings.ToLower(t)+":"+slug(canon), canon
			}
		}
		out = append(out, nm)
	}
	slices.SortStableFunc(out, func(a, b news.Mention) int {
		if a.Start != b.Start {
			return a.Start - b.Start
		}
		return b.End - a.End
	})
	return out
}

func wordsIn(s string) int { return len(strings.Fields(facts.Key(s))) }

// slug makes an ID part from a name: its facts key with spaces as hyphens.
func slug(name string) string {
	k := facts.Key(name)
	k = strings.Map(func(r rune) rune {
		switch {
		case r == ' ':
			return '-'
		case unicode.IsLetter(r) || unicode.IsDigit(r):
			return r
		}
		return -1
	}, k)
	return k
}
