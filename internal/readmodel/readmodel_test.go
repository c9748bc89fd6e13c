package readmodel

import (
	"reflect"
	"testing"
	"time"

	"sitrep/internal/news"
)

func day(d int) time.Time { return time.Date(2024, 3, d, 9, 0, 0, 0, time.UTC) }

func TestFamiliesOf(t *testing.T) {
	arts := []*news.Article{
		{ID: "c", Title: "Copy", Outlet: "B", Published: day(3), Provenance: &news.Provenance{Kind: "copy", Of: "a", Family: "a"}},
		{ID: "u", Title: "Unjudged", Published: day(1)},
		{ID: "a", Title: "First", Outlet: "A", Published: day(2), Provenance: &news.Provenance{Kind: "original", Family: "a"}},
		{ID: "x", Title: "Undated", Provenance: &news.Provenance{Kind: "original"}},
	}
	got := FamiliesOf(arts)
	want := &Families{Articles: 3, Independent: 2, Kinds: map[string]int{"original": 2, "copy": 1}, Families: []Family{
		{First: "a", Title: "First", Outlet: "A", Members: []FamilyMember{
			{ID: "a", Kind: "original", Outlet: "A", Title: "First"},
			{ID: "c", Kind: "copy", Of: "a", Outlet: "B", Title: "Copy"}}},
		{First: "x", Title: "Undated", Members: []FamilyMember{{ID: "x", Kind: "original", Title: "Undated"}}},
	}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("FamiliesOf:\n got %+v\nwant %+v", got, want)
	}
	if got := FamiliesOf(arts[1:2]); got != nil {
		t.Errorf("FamiliesOf(no verdicts) = %+v, want nil", got)
	}
}

func TestTopActors(t *testing.T) {
	m := func(entity, canonical, text, typ string) news.Mention {
		return news.Mention{Entity: entity, Canonical: canonical, Text: text, Type: typ}
	}
	arts := []*news.Article{
		{Entities: []news.Mention{m("per:a", "Ann Able", "Able", "PER"), m("loc:k", "Kherson", "Kherson", "LOC"), m("org:u", "", "the UN", "ORG")}},
		{Entities: []news.Mention{m("per:a", "Ann Able", "Ann Able", "PER"), m("gpe:r", "Ruritania", "Ruritania", "GPE"), m("", "", "someone", "PER"),
			m("misc:x", "Easter", "Easter", "MISC"), m("gpe:r", "Ruritania", "Ruritanian", "GPE"), m("org:u", "", "the UN", "ORG")}},
	}
	arts[0].Entities = append(arts[0].Entities, m("per:a", "Ann Able", "she", "PER"))
	// Places and other names are no actors; unlinked mentions do not
	// count; ties go by entity ID; a missing canonical name falls back
	// to the text.
	got := TopActors(arts, 3)
	want := []Actor{{Entity: "per:a", Name: "Ann Able", Type: "PER", Mentions: 3},
		{Entity: "gpe:r", Name: "Ruritania", Type: "GPE", Mentions: 2}, {Entity: "org:u", Name: "the UN", Type: "ORG", Mentions: 2}}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("TopActors:\n got %+v\nwant %+v", got, want)
	}
}

func TestTopActorsBound(t *testing.T) {
	a := &news.Article{Entities: []news.Mention{{Entity: "per:b", Type: "PER", Text: "B"}, {Entity: "per:a", Type: "PER", Text: "A"}}}
	if got := TopActors([]*news.Article{a}, 1); len(got) != 1 || got[0].Entity != "per:a" {
		t.Errorf("TopActors(n=1) = %+v, want per:a only", got)
	}
}
