package entity

import (
	"strings"
	"unicode"

	"sitrep/internal/facts"
)

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
		// possessor: the description owns what follows ("US
		// President's adviser"), so no name beside it is its holder.
		possessor bool
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
		if notHolder[strings.ToLower(r.doc.word(c.first-1))] {
			continue // "the former Polish leader" holds the office no more
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
		w := r.doc.word(end + 1)
		descs = append(descs, found{start: start, end: end, key: c.key, iso: c.iso, role: role, possessor: w == "'s" || w == "’s"})
	}
	// Titles without a country before a known person: "President
	// Zelensky". The longest title is the title: "Vice President Kamala
	// Harris" and "Former President Donald Trump" do not hold the
	// presidency.
	for i := range r.ms {
		p := &r.ms[i]
		if p.typ != "PER" || p.ref == nil || p.ref.Country == "" {
			continue
		}
		for n := 3; n >= 1; n-- {
			if n > 1 && (r.namesState(p.first-n) || !startsUpper(r.doc.word(p.first-n))) {
				// "Ukrainian President Zelensky": the office is
				// "president"; a longer title is capitalised.
				continue
			}
			if notHolder[strings.ToLower(r.doc.word(p.first-n-1))] {
				break // "former President Trump"
			}
			if role, end := r.roleAt(p.first - n); role != "" && end == p.first-1 {
				key := facts.CountryID(p.ref.Country) + "|" + role
				if _, ok := bind[key]; !ok {
					bind[key] = i
				}
				break
			}
		}
	}
	var added []mention
	taken := make([]bool, len(r.doc.toks))
	for _, d := range descs {
		for k := d.start; k <= d.end; k++ {
			taken[k] = true
		}
	}
	added = append(added, r.bareRoles(taken, bind)...)
	for _, d := range descs {
		m := mention{first: d.start, last: d.end, nerType: "PER", typ: "PER", kind: "role", parentName: -1}
		key, iso := d.key, d.iso
		target := -1
		// The apposition: "the UK prime minister, Boris Johnson" or
		// "Petra Solheim, Norhaven's defence minister". A name after the
		// description wins over one before it ("Biden, the UK prime
		// minister, Boris Johnson"), and a person the facts table places
		// in another state never holds this state's role.
		fits := func(p int) bool {
			ref := r.ms[r.find(p)].ref
			if ref == nil {
				ref = r.ms[p].ref
			}
			return ref == nil || ref.Country == "" || iso == "" || ref.Country == iso
		}
		if !d.possessor && r.doc.word(d.end+1) == "," {
			if p := personAt(d.end + 2); p >= 0 && fits(p) {
				target = p
			}
		}
		if target < 0 && !d.possessor && r.doc.word(d.start-1) == "," {
			if p := r.personEndingAt(d.start - 2); p >= 0 && fits(p) {
				target = p
			}
		}
		if target < 0 {
			if p, ok := bind[key+"|"+d.role]; ok {
				target = p
			}
		}
		// Where the facts table knows who held the office on the
		// article's date, the description is that person or no one: a
		// name the article puts beside it that is someone else is
		// history, a quotation or an error, not the office holder.
		var holder *facts.Person
		known := false
		if iso != "" {
			holder, known = r.facts.Holder(iso, d.role, r.published)
		}
		if known && target >= 0 {
			ref := r.ms[r.find(target)].ref
			if ref == nil {
				ref = r.ms[target].ref
			}
			if ref == nil || ref.ID != facts.PersonRef(holder).ID {
				m.ambiguous = true
				added = append(added, m)
				continue
			}
		}
		if target >= 0 {
			m.ref = r.ms[r.find(target)].ref
			if m.ref == nil {
				m.ref = r.ms[target].ref
			}
			m.parentName = r.find(target)
		} else if known {
			ref := facts.PersonRef(holder)
			m.ref = &ref
			m.parentName = -1
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

// bareRoles adds the role descriptions that name no state ("the prime
// minister said") as PER mentions of the one person the article names
// who holds that role: bound to it by a title in the article ("Prime
// Minister Boris Johnson"), or its holder in the facts table on the
// article's date. With no such person, or more than one, the description
// is left alone. taken marks the tokens of descriptions already found.
func (r *resolver) bareRoles(taken []bool, bind map[string]int) []mention {
	var out []mention
	holderOf := map[string]int{} // role → its one holder's mention, -1 none, -2 several
	firstPerson := map[int]bool{}
	for i := range r.ms {
		if r.ms[i].typ == "PER" && r.ms[i].kind == "name" {
			firstPerson[r.ms[i].first] = true
		}
	}
	for k := 0; k+1 < len(r.doc.toks); k++ {
		if strings.ToLower(r.doc.word(k)) != "the" || taken[k] || taken[k+1] || startsUpper(r.doc.word(k+1)) {
			continue
		}
		role, end := r.roleAt(k + 1)
		if role == "" || r.namesState(k+1) {
			continue
		}
		if w := r.doc.word(end + 1); w == "of" || w == "'s" || w == "’s" || w == "," && firstPerson[end+2] {
			continue // "the president of Finland", "the president's office", an apposition
		}
		holder, ok := holderOf[role]
		if !ok {
			holder = r.holderAmong(role, bind)
			holderOf[role] = holder
		}
		if holder < 0 {
			continue
		}
		ref := r.ms[r.find(holder)].ref
		if ref == nil {
			ref = r.ms[holder].ref
		}
		out = append(out, mention{first: k, last: end, nerType: "PER", typ: "PER", kind: "role", ref: ref, parentName: r.find(holder)})
		k = end
	}
	return out
}

// holderAmong returns the person name mention that holds role (holds),
// -1 when none does and -2 when two people do.
func (r *resolver) holderAmong(role string, bind map[string]int) int {
	holder := -1
	for i := range r.ms {
		p := &r.ms[i]
		if p.typ != "PER" || p.kind != "name" || p.drop || !r.holds(i, role, bind) {
			continue
		}
		if holder >= 0 && r.find(holder) != r.find(i) {
			return -2 // two people hold it: which one is meant is not known
		}
		if holder == -1 {
			holder = i
		}
	}
	return holder
}

// holds reports whether person mention i holds role: a title in the
// article binds it to the role, or the facts table names it the role's
// holder in its country on the article's date.
func (r *resolver) holds(i int, role string, bind map[string]int) bool {
	for key, p := range bind {
		if strings.HasSuffix(key, "|"+role) && r.find(p) == r.find(i) {
			return true
		}
	}
	ref := r.ms[r.find(i)].ref
	if ref == nil {
		ref = r.ms[i].ref
	}
	if ref == nil || ref.Country == "" {
		return false
	}
	h, ok := r.facts.Holder(ref.Country, role, r.published)
	return ok && facts.PersonRef(h).ID == ref.ID
}

// notHolder are the words before a title that say its bearer does not
// hold the office now.
var notHolder = map[string]bool{"former": true, "ex": true, "then": true, "late": true, "future": true, "vice": true, "deputy": true}

// namesState reports whether token k names a state or its people
// ("Ukrainian", "UK"), which a title may start with but which is no part
// of the office.
func (r *resolver) namesState(k int) bool {
	w := r.doc.word(k)
	if demonymLike(w) {
		return true
	}
	for _, ref := range r.facts.Lookup(w) {
		if ref.Type == facts.TypeGPE {
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
