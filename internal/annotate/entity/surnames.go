package entity

import (
	"strings"

	"sitrep/internal/facts"
)

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
