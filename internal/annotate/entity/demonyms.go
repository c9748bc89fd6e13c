package entity

import (
	"strings"

	"sitrep/internal/facts"
)

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
			if j == i || o.first != o.last || o.typ == "MISC" || o.typ == "PER" || o.kind != "name" {
				continue // (a person's name is no place: "Pelosi" does not derive from "Pelosi")
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

// notPlaces are capitalised words that name no place alone, so that
// "Republican" does not derive from "Republic".
var notPlaces = wordSet("Republic Kingdom Union Federation State States Congress Democrat Emirates Islands")

// derives reports whether demonym d derives from place name p:
// Lisvania → Lisvanian, Kazhar → Kazhari, Veldana → Veldanian.
func derives(d, p string) bool {
	if notPlaces[p] || len(p) < 4 || len(d) <= len(p)-1 || !startsUpper(p) || d == p {
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
