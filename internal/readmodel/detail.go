package readmodel

import (
	"context"
	"fmt"
	"sort"
	"unicode"

	"sitrep/internal/facts"

	linkentity "sitrep/internal/link/entity"
	"sitrep/internal/news"
	"sitrep/internal/store"
)

// EntityDetail is one entity with what the articles say of and by it.
type EntityDetail struct {
	Entity *linkentity.Summary `json:"entity"`
	// Figures are the figures the entity stated.
	Figures []FigureRow `json:"figures"`
	// Mentions are the entity's mentions with their sentences.
	Mentions []MentionRow `json:"mentions"`
	// Related are the MaxRelated entities most often mentioned in the
	// same sentences, most often first; RelatedTotal counts them all.
	Related      []Related `json:"related"`
	RelatedTotal int       `json:"related_total"`
	// Articles are the articles that mention it (the newest
	// MaxEntityArticles; mentions, figures and relations come from the
	// newest MaxEntityRead of them).
	Articles []Entry `json:"articles"`
	// Read are the IDs of the articles read in full.
	Read []string `json:"read"`
	// Roles are its roles over time: its terms of office in the facts
	// table, then the role descriptions resolved to it, oldest first.
	Roles []RoleRow `json:"roles"`
}

// MentionRow is one mention in context.
type MentionRow struct {
	Article   string `json:"article"`
	Published string `json:"published,omitempty"`
	Text      string `json:"text"`
	Kind      string `json:"kind,omitempty"`
	Sentence  string `json:"sentence"`
}

// Related is another entity named in the same sentences.
type Related struct {
	Entity    string `json:"entity"`
	Canonical string `json:"canonical"`
	Type      string `json:"type"`
	Count     int    `json:"count"`
}

// MaxRelated bounds the entities an entity detail lists as named
// alongside it.
const MaxRelated = 24

// nameLike reports whether a canonical name can be shown as an entity:
// two letters or more, one of them a capital or a non-Latin letter.
func nameLike(s string) bool {
	letters, capital := 0, false
	for _, r := range s {
		if unicode.IsLetter(r) {
			letters++
			if unicode.IsUpper(r) || r > unicode.MaxLatin1 && !unicode.IsLower(r) {
				capital = true
			}
		}
	}
	return letters >= 2 && capital
}

// EntityType is the one type every view shows for an entity: the type
// its ID names (facts.TypeOf), else the type it was written with.
func EntityType(id, written string) string {
	if t := facts.TypeOf(id); t != "" {
		return t
	}
	return written
}

// MaxMentions bounds the mentions an entity detail lists.
const MaxMentions = 200

// MaxEntityArticles bounds the articles an entity detail lists: the
// newest ones that mention it.
const MaxEntityArticles = 200

// MaxEntityRead bounds the articles an entity detail reads in full for
// its mentions, figures, roles and the entities named alongside: the
// newest ones that mention it. Reading an article costs far more than
// listing it (its whole document is decoded).
const MaxEntityRead = 60

// EntityDetailOf builds an entity's detail from the store.
func EntityDetailOf(ctx context.Context, cat *Catalog, name string) (*EntityDetail, error) {
	l := cat.Lister()
	if l == nil {
		return nil, fmt.Errorf("this store keeps no entity index: %w", store.ErrNotFound)
	}
	e, err := linkentity.Lookup(ctx, l, name)
	if err != nil {
		return nil, fmt.Errorf("entity %s: %w", name, err)
	}
	// The newest MaxEntityArticles articles are listed, the newest
	// MaxEntityRead of them read: the page reads no more.
	ents, err := cat.Entries(ctx, e.ArticleIDs)
	if err != nil {
		return nil, err
	}
	sortNewest(ents)
	if len(ents) > MaxEntityArticles {
		ents = ents[:MaxEntityArticles]
	}
	ids := make([]string, 0, min(len(ents), MaxEntityRead))
	for _, en := range ents[:min(len(ents), MaxEntityRead)] {
		ids = append(ids, en.ID)
	}
	arts, err := cat.Load(ctx, ids)
	if err != nil {
		return nil, err
	}
	d := &EntityDetail{Entity: e, Figures: []FigureRow{}, Mentions: []MentionRow{}, Related: []Related{}, Articles: ents, Read: ids, Roles: []RoleRow{}}
	rel := map[string]*Related{}
	for _, a := range arts {
		for i, f := range a.Figures {
			if f.SpeakerEntity == e.Entity {
				d.Figures = append(d.Figures, FigureRow{Figure: f, Article: a.ID, Outlet: a.Outlet, Published: date(a), Index: i})
			}
		}
		sentences := map[int]bool{}
		for _, m := range a.Entities {
			if m.Entity != e.Entity {
				continue
			}
			si := sentenceOf(a, m.Start)
			sentences[si] = true
			if m.Kind == "role" {
				d.Roles = append(d.Roles, RoleRow{Role: m.Text, From: date(a), To: date(a), Source: "mention", Article: a.ID})
			}
			if len(d.Mentions) < MaxMentions {
				sent := ""
				if si >= 0 {
					sent = a.Sentences[si].In(a.Text)
				}
				d.Mentions = append(d.Mentions, MentionRow{Article: a.ID, Published: date(a), Text: m.Text, Kind: m.Kind, Sentence: sent})
			}
		}
		for _, m := range a.Entities {
			if m.Entity == "" || m.Entity == e.Entity || !sentences[sentenceOf(a, m.Start)] {
				continue
			}
			r := rel[m.Entity]
			if r == nil {
				r = &Related{Entity: m.Entity, Canonical: m.Canonical, Type: EntityType(m.Entity, m.Type)}
				rel[m.Entity] = r
			}
			r.Count++
		}
	}
	for _, r := range rel {
		if nameLike(r.Canonical) {
			d.Related = append(d.Related, *r)
		}
	}
	d.Roles = append(officesOf(e.Entity), mergeRoles(d.Roles)...)
	if d.Roles == nil {
		d.Roles = []RoleRow{}
	}
	sort.Slice(d.Related, func(i, j int) bool {
		if d.Related[i].Count != d.Related[j].Count {
			return d.Related[i].Count > d.Related[j].Count
		}
		return d.Related[i].Entity < d.Related[j].Entity
	})
	d.RelatedTotal = len(d.Related)
	if len(d.Related) > MaxRelated {
		d.Related = d.Related[:MaxRelated]
	}
	return d, nil
}

// sentenceOf returns the index of the sentence holding byte off, or -1.
func sentenceOf(a *news.Article, off int) int {
	i := sort.Search(len(a.Sentences), func(i int) bool { return a.Sentences[i].End > off })
	if i < len(a.Sentences) && a.Sentences[i].Start <= off {
		return i
	}
	return -1
}

// StoryDetail is one story (or article group) with its articles, ledger
// and events.
type StoryDetail struct {
	Story    Group      `json:"story"`
	Articles []Entry    `json:"articles"`
	Ledger   Ledger     `json:"ledger"`
	Events   []EventRow `json:"events"`
}

// StoryDetailOf builds a story's detail.
func StoryDetailOf(ctx context.Context, cat *Catalog, id string) (*StoryDetail, []*news.Article, error) {
	g, err := cat.Group(ctx, id)
	if err != nil {
		return nil, nil, fmt.Errorf("story %s: %w", id, err)
	}
	arts, err := cat.Load(ctx, g.IDs)
	if err != nil {
		return nil, nil, err
	}
	ents, err := cat.Entries(ctx, g.IDs)
	if err != nil {
		return nil, nil, err
	}
	if g.Kind == "story" {
		if g.Thread, err = cat.StoryThread(ctx, g.ID); err != nil {
			return nil, nil, err
		}
	}
	d := &StoryDetail{Story: g, Articles: ents, Ledger: LedgerOf(arts), Events: Events(arts, EventFilter{})}
	if err := cat.linkLedger(ctx, &d.Ledger); err != nil {
		return nil, nil, err
	}
	return d, arts, nil
}

// MaxScan bounds the articles one figures, events or families request
// reads; a figures or events request that reads them all without filling
// its page returns a cursor to continue from.
const MaxScan = 2000
