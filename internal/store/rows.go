package store

import "sitrep/internal/news"

// The roles of the figure and event index by entity (migration 0012):
// what an article's figure or event holds a key as.
const (
	// RoleSpeaker is a figure's speaker (its entity ID and its name).
	RoleSpeaker = 1
	// RoleActor is an event's actor or target.
	RoleActor = 2
	// RolePlace is an event's place.
	RolePlace = 3
)

// RowMatch keeps the articles holding a figure or an event under one of
// Keys (each a RowKey) in Role.
type RowMatch struct {
	Role int
	Keys []string
}

// EntityRow is one key an article's figures or events hold in a role.
type EntityRow struct {
	Key  string
	Role int
}

// RowKey is the index key of v, an entity ID or a name as written: v
// lowercased in ASCII only (as SQLite's LOWER), so that the migration's
// SQL and Go compute the same key.
func RowKey(v string) string {
	b := []byte(v)
	for i, c := range b {
		if 'A' <= c && c <= 'Z' {
			b[i] = c + 'a' - 'A'
		}
	}
	return string(b)
}

// EntityRowsOf returns the distinct keys a's figures and events hold, by
// role: each figure's speaker and speaker entity, each event's actors
// and target, and its place.
func EntityRowsOf(a *news.Article) []EntityRow {
	seen := map[EntityRow]bool{}
	var out []EntityRow
	add := func(v string, role int) {
		if v == "" {
			return
		}
		r := EntityRow{Key: RowKey(v), Role: role}
		if !seen[r] {
			seen[r] = true
			out = append(out, r)
		}
	}
	for _, f := range a.Figures {
		add(f.Speaker, RoleSpeaker)
		add(f.SpeakerEntity, RoleSpeaker)
	}
	for _, e := range a.Events {
		for _, x := range e.Actors {
			add(x, RoleActor)
		}
		add(e.Target, RoleActor)
		add(e.Place, RolePlace)
	}
	return out
}
