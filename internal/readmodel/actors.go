package readmodel

import (
	"sort"

	"sitrep/internal/news"
)

// Actor is an entity the articles name as a participant (a person, an
// organisation or a state) with the number of its linked mentions.
type Actor struct {
	Entity   string `json:"entity"`
	Name     string `json:"name"`
	Type     string `json:"type"`
	Mentions int    `json:"mentions"`
}

// TopActors counts the linked mentions of persons, organisations and
// states (places and other names are not actors) in articles and returns
// the n most mentioned, most first, ties by entity ID.
func TopActors(articles []*news.Article, n int) []Actor {
	by := map[string]*Actor{}
	for _, a := range articles {
		for _, m := range a.Entities {
			typ := EntityType(m.Entity, m.Type)
			if m.Entity == "" || typ == "LOC" || typ == "MISC" {
				continue
			}
			x := by[m.Entity]
			if x == nil {
				name := m.Canonical
				if name == "" {
					name = m.Text
				}
				x = &Actor{Entity: m.Entity, Name: name, Type: typ}
				by[m.Entity] = x
			}
			x.Mentions++
		}
	}
	out := make([]Actor, 0, len(by))
	for _, x := range by {
		out = append(out, *x)
	}
	sort.Slice(out, func(i, j int) bool {
		if out[i].Mentions != out[j].Mentions {
			return out[i].Mentions > out[j].Mentions
		}
		return out[i].Entity < out[j].Entity
	})
	if len(out) > n {
		out = out[:n]
	}
	return out
}
