package entity

import (
	"sitrep/internal/facts"
)

// sameNames joins mentions with the same name within the article,
// whatever type the recogniser gave each (one name is one entity in one
// report), unless the facts table tells them apart; the cluster then
// takes the type most of its names have. An acronym joins only the same
// acronym ("WHO" never "Who").
func (r *resolver) sameNames() {
	first := map[string]int{}
	for i := range r.ms {
		m := &r.ms[i]
		if m.ambiguous || m.kind == "role" || m.kind == "demonym" {
			continue
		}
		k := facts.Key(r.text(m))
		// An acronym is not the word it spells: "WHO" and "Who".
		if isAcronym(r.text(m)) {
			k = "\x00" + k
		}
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
