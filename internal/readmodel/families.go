package readmodel

import (
	"context"
	"sort"
	"time"

	"sitrep/internal/news"
)

// Families is the corpus-level provenance section (docs/JSON.md): how
// many articles, and how many independent families they come from.
type Families struct {
	Articles    int            `json:"articles"`
	Independent int            `json:"independent"`
	Kinds       map[string]int `json:"kinds"`
	Families    []Family       `json:"families"`
}

// Family is the article that came first and every article derived from
// it, in publication order.
type Family struct {
	First   string         `json:"first"`
	Title   string         `json:"title,omitempty"`
	Outlet  string         `json:"outlet,omitempty"`
	Members []FamilyMember `json:"members"`
}

// FamilyMember is one article of a family with its verdict.
type FamilyMember struct {
	ID     string `json:"id"`
	Kind   string `json:"kind"`
	Of     string `json:"of,omitempty"`
	Outlet string `json:"outlet,omitempty"`
	Title  string `json:"title,omitempty"`
}

// FamiliesOf groups articles into families by their provenance verdicts,
// families in the order their first judged member was published,
// members oldest first; nil when no article has a verdict. It reads only
// the articles given: the CLI's report over a loaded corpus.
func FamiliesOf(articles []*news.Article) *Families {
	rep := &Families{Kinds: map[string]int{}, Families: []Family{}}
	byID := make(map[string]*news.Article, len(articles))
	for _, a := range articles {
		byID[a.ID] = a
	}
	sorted := append([]*news.Article(nil), articles...)
	sort.SliceStable(sorted, func(i, j int) bool {
		return older(sorted[i].Published, sorted[j].Published)
	})
	index := map[string]int{}
	for _, a := range sorted {
		p := a.Provenance
		if p == nil {
			continue
		}
		rep.Articles++
		rep.Kinds[p.Kind]++
		fam := p.Family
		if fam == "" {
			fam = a.ID
		}
		i, ok := index[fam]
		if !ok {
			f := Family{First: fam, Members: []FamilyMember{}}
			if first := byID[fam]; first != nil {
				f.Title, f.Outlet = first.Title, first.Outlet
			}
			i = len(rep.Families)
			index[fam] = i
			rep.Families = append(rep.Families, f)
		}
		rep.Families[i].Members = append(rep.Families[i].Members,
			FamilyMember{ID: a.ID, Kind: p.Kind, Of: p.Of, Outlet: a.Outlet, Title: a.Title})
	}
	if rep.Articles == 0 {
		return nil
	}
	rep.Independent = len(rep.Families)
	return rep
}

// FamiliesPage is the families view of the newest judged articles: the
// corpus-wide counts, and the first n families met among the newest
// MaxScan judged articles, with their members (at most MaxFamily each).
// The bound keeps the cost flat when a few large families hold most of
// the store.
func FamiliesPage(ctx context.Context, cat *Catalog, n int) (Families, error) {
	rep := Families{Kinds: map[string]int{}, Families: []Family{}}
	st, err := cat.Stats(ctx)
	if err != nil {
		return rep, err
	}
	rep.Articles, rep.Independent, rep.Kinds = st.Judged, st.Families, st.Kinds
	seen := map[string]bool{}
	after := ""
	for read := 0; len(rep.Families) < n && read < MaxScan; {
		page, more, err := cat.List(ctx, Filter{Judged: true}, after, 200)
		if err != nil {
			return rep, err
		}
		for _, e := range page {
			after = e.ID
			read++
			if e.Provenance == "" || seen[e.Family] || len(rep.Families) == n {
				continue
			}
			seen[e.Family] = true
			members, _, err := cat.List(ctx, Filter{Family: e.Family}, "", MaxFamily)
			if err != nil {
				return rep, err
			}
			sortOldest(members)
			f := Family{First: e.Family, Members: []FamilyMember{}}
			for _, m := range members {
				if m.ID == e.Family {
					f.Title, f.Outlet = m.Title, m.Outlet
				}
				f.Members = append(f.Members, FamilyMember{ID: m.ID, Kind: m.Provenance, Of: m.Of, Outlet: m.Outlet, Title: m.Title})
			}
			rep.Families = append(rep.Families, f)
		}
		if !more {
			break
		}
	}
	return rep, nil
}

func sortOldest(list []Entry) {
	sort.SliceStable(list, func(i, j int) bool { return older(list[i].Published, list[j].Published) })
}

// older orders publication times oldest first, undated last.
func older(a, b time.Time) bool {
	if a.IsZero() != b.IsZero() {
		return !a.IsZero()
	}
	return a.Before(b)
}
