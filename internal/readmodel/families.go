package readmodel

import (
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
	// Total counts the families a paged view lists; NextCursor continues
	// it ("" at its end).
	Total      int    `json:"total,omitempty"`
	NextCursor string `json:"next_cursor,omitempty"`
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
	// Published is its publication time (paged views only).
	Published time.Time `json:"published,omitzero"`
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
