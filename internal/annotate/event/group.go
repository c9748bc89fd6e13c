package event

import (
	"slices"
	"strings"

	"sitrep/internal/news"
)

// Key is what two reports of one happening share: the type, the actors
// (sorted), the place and the time. Copies of an article, and articles
// that retell one strike, give events with one Key.
type Key struct {
	Type, Actors, Place, Time string
}

// KeyOf returns ev's Key.
func KeyOf(ev news.Event) Key {
	actors := slices.Clone(ev.Actors)
	slices.Sort(actors)
	return Key{Type: ev.Type, Actors: strings.Join(actors, ";"), Place: ev.Place, Time: ev.Time}
}

// Group returns the indexes of evs grouped by Key, groups in the order of
// their first event, for a read side that shows each happening once. It
// is a pure function: the stage never merges events itself (a strike and
// the casualties it caused stay two events of one sentence; a reader
// joins them by their Span).
func Group(evs []news.Event) [][]int {
	at := map[Key]int{}
	var out [][]int
	for i, ev := range evs {
		k := KeyOf(ev)
		g, ok := at[k]
		if !ok {
			g = len(out)
			at[k] = g
			out = append(out, nil)
		}
		out[g] = append(out[g], i)
	}
	return out
}
