package entity

import (
	"slices"

	"sitrep/internal/facts"
)

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
