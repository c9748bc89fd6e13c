package storetest

import (
	"context"
	"encoding/json"
	"slices"
	"strings"
	"testing"

	"sitrep/internal/news"
	"sitrep/internal/store"
)

// RowsStore is a store with the index of figures and events by entity
// (store.EntryFilter.Rows).
type RowsStore interface {
	store.ArticleWriter
	store.ArticleUpdater
	store.EntryLister
}

// RowDocs are the layers of three articles, as stored documents (JSON),
// for an upgrade test of the index by entity: r1 a figure said by
// Zelenskyy (entity per:zelensky) and a strike by gpe:ru on gpe:ua in
// Kharkiv, r2 a figure of "Kuleba" with no entity, r3 nothing.
var RowDocs = map[string]string{
	"r1": `{"figures":[{"text":"3","speaker":"Zelenskyy","speaker_entity":"per:zelensky"}],` +
		`"events":[{"type":"strike","actors":["gpe:ru"],"target":"gpe:ua","place":"loc:kharkiv"}]}`,
	"r2": `{"figures":[{"text":"4","speaker":"Kuleba"}]}`,
	"r3": `{}`,
}

// CheckRows checks the index by entity of the articles of RowDocs, as an
// upgrade fills it from their documents or Put writes it, and that
// Update replaces an article's rows (text1 is r1's stored text).
func CheckRows(t *testing.T, s RowsStore, text1 string) {
	t.Helper()
	ctx := context.Background()
	for _, c := range []struct {
		rows []store.RowMatch
		want string
	}{
		{[]store.RowMatch{{Role: store.RoleSpeaker, Keys: []string{"per:zelensky"}}}, "r1"},
		{[]store.RowMatch{{Role: store.RoleSpeaker, Keys: []string{"zelenskyy", "kuleba"}}}, "r1 r2"},
		{[]store.RowMatch{{Role: store.RoleSpeaker, Keys: []string{"gpe:ru"}}}, ""},
		{[]store.RowMatch{{Role: store.RoleActor, Keys: []string{"gpe:ua"}}}, "r1"},
		{[]store.RowMatch{{Role: store.RoleActor, Keys: []string{"gpe:ru"}}, {Role: store.RolePlace, Keys: []string{"loc:kharkiv"}}}, "r1"},
		{[]store.RowMatch{{Role: store.RoleActor, Keys: []string{"gpe:ru"}}, {Role: store.RolePlace, Keys: []string{"loc:kyiv"}}}, ""},
		{[]store.RowMatch{{Role: store.RolePlace, Keys: nil}}, ""},
	} {
		got := rowIDs(t, s, c.rows)
		if got != c.want {
			t.Errorf("rows %+v: %q, want %q", c.rows, got, c.want)
		}
	}
	// Update replaces the rows: r1's figure now said by Kuleba.
	a := &news.Article{ID: "r1", Text: text1, Figures: []news.Figure{{Text: "3", Speaker: "KULEBA"}}}
	if err := s.Update(ctx, a); err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		key, want string
	}{{"per:zelensky", ""}, {"kuleba", "r1 r2"}} {
		if got := rowIDs(t, s, []store.RowMatch{{Role: store.RoleSpeaker, Keys: []string{c.key}}}); got != c.want {
			t.Errorf("after the update, speaker %s: %q, want %q", c.key, got, c.want)
		}
	}
	if got := rowIDs(t, s, []store.RowMatch{{Role: store.RolePlace, Keys: []string{"loc:kharkiv"}}}); got != "" {
		t.Errorf("after the update, place loc:kharkiv: %q, want none", got)
	}
}

// RunRows puts the articles of RowDocs and checks them (CheckRows).
func RunRows(t *testing.T, s RowsStore) {
	var arts []*news.Article
	for _, id := range []string{"r1", "r2", "r3"} {
		a := &news.Article{ID: id, Text: "text of " + id, URL: "https://" + id + ".example/"}
		if err := json.Unmarshal([]byte(RowDocs[id]), a); err != nil {
			t.Fatal(err)
		}
		arts = append(arts, a)
	}
	if _, err := s.Put(context.Background(), arts); err != nil {
		t.Fatal(err)
	}
	CheckRows(t, s, arts[0].Text)
}

func rowIDs(t *testing.T, s RowsStore, rows []store.RowMatch) string {
	t.Helper()
	es, err := s.ArticleEntries(context.Background(), store.EntryFilter{Rows: rows})
	if err != nil {
		t.Fatal(err)
	}
	var ids []string
	for _, e := range es {
		ids = append(ids, e.ID)
	}
	slices.Sort(ids)
	return strings.Join(ids, " ")
}
