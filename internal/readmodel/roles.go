package readmodel

import (
	"sort"
	"strings"

	"sitrep/internal/facts"
)

// RoleRow is one role of an entity over a span of time: a term of office
// from the facts table, or a role description the articles resolved to
// the entity (Source "mention", From and To the first and last days it
// was written, Count how often).
type RoleRow struct {
	Role    string `json:"role"`
	Country string `json:"country,omitempty"`
	From    string `json:"from,omitempty"`
	To      string `json:"to,omitempty"`
	Source  string `json:"source"`
	Article string `json:"article,omitempty"`
	Count   int    `json:"count,omitempty"`
}

// officesOf returns the facts table's terms of office of the person with
// entity ID id ("per:KEY"), oldest first.
func officesOf(id string) []RoleRow {
	key, ok := strings.CutPrefix(id, "per:")
	if !ok {
		return nil
	}
	t := facts.Default()
	var out []RoleRow
	for _, o := range t.Offices {
		if o.Person != key {
			continue
		}
		r := RoleRow{Role: o.Role, Country: o.Country, Source: "facts"}
		if c, ok := t.Country(o.Country); ok {
			r.Country = c.Name
		}
		if !o.From.IsZero() {
			r.From = o.From.Format("2006-01-02")
		}
		if !o.To.IsZero() {
			r.To = o.To.Format("2006-01-02")
		}
		out = append(out, r)
	}
	sort.SliceStable(out, func(i, j int) bool { return out[i].From < out[j].From })
	return out
}

// mergeRoles folds role mentions (one row each) into one row per written
// role, with the first and last days it was written, oldest first.
func mergeRoles(rows []RoleRow) []RoleRow {
	idx := map[string]int{}
	var out []RoleRow
	for _, r := range rows {
		k := roleKey(r.Role)
		i, ok := idx[k]
		if !ok {
			idx[k] = len(out)
			r.Count = 1
			out = append(out, r)
			continue
		}
		m := &out[i]
		m.Count++
		if r.From != "" && (m.From == "" || r.From < m.From) {
			m.From, m.Article = r.From, r.Article
		}
		if r.To > m.To {
			m.To = r.To
		}
	}
	sort.SliceStable(out, func(i, j int) bool {
		if out[i].From != out[j].From {
			return out[i].From < out[j].From
		}
		return out[i].Count > out[j].Count
	})
	return out
}

// roleKey is what two ways of writing one role share: lower case, one
// kind of apostrophe, quote and dash, single spaces, no leading article
// or trailing punctuation ("Ukraine’s president" and "the Ukraine's
// President," are one role).
func roleKey(role string) string {
	k := strings.NewReplacer("’", "'", "‘", "'", "`", "'", "ʼ", "'", "–", "-", "—", "-", "“", "\"", "”", "\"").Replace(strings.ToLower(role))
	k = strings.Join(strings.Fields(k), " ")
	k = strings.TrimRight(k, ".,;: ")
	for _, art := range []string{"the ", "a ", "an "} {
		k = strings.TrimPrefix(k, art)
	}
	return k
}
