package entity

import (
	"slices"
	"strings"

	"sitrep/internal/facts"
	"sitrep/internal/news"
)

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
				if r.facts.HasID(nm.Entity) {
					// "Who" is not the WHO: a derived ID never takes a
					// facts entity's.
					nm.Entity += "-name"
				}
			}
			// One type per entity: every mention of it, demonyms and
			// role descriptions included, carries the entity's type.
			if t := facts.TypeOf(nm.Entity); t != "" {
				nm.Type = t
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
func slug(name string) string { return facts.Slug(name) }
