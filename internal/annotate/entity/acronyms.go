package entity

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// acronyms links "Full Name (ACR)" definitions and acronyms that spell the
// initials of exactly one organisation named in the article.
func (r *resolver) acronyms() {
	defined := map[string]int{} // acronym → mention
	var added []mention
	for i := range r.ms {
		m := &r.ms[i]
		if m.nerType == "PER" || m.first == m.last && isAcronym(r.text(m)) {
			continue
		}
		if r.doc.word(m.last+1) != "(" || r.doc.word(m.last+3) != ")" || !isAcronym(r.doc.word(m.last+2)) {
			continue
		}
		acr := r.doc.word(m.last + 2)
		if !subsequence(acr, initialsOf(r.text(m))) {
			continue
		}
		defined[acr] = i
		k := m.last + 2
		if !slices.ContainsFunc(r.ms, func(o mention) bool { return o.first <= k && k <= o.last }) {
			added = append(added, mention{first: k, last: k, nerType: m.typ, typ: m.typ, kind: "acronym"})
		}
	}
	if len(added) > 0 {
		r.ms = append(r.ms, added...)
		slices.SortFunc(r.ms, func(a, b mention) int { return a.first - b.first })
		r.parent = make([]int, len(r.ms))
		for i := range r.parent {
			r.parent[i] = i
		}
		for acr := range defined {
			for i := range r.ms {
				if r.ms[i].last+2 < len(r.doc.toks) && r.doc.word(r.ms[i].last+2) == acr && r.doc.word(r.ms[i].last+1) == "(" && r.ms[i].kind == "name" {
					defined[acr] = i
				}
			}
		}
	}
	initials := map[string][]int{}
	for i := range r.ms {
		m := &r.ms[i]
		if m.first < m.last && m.nerType != "PER" {
			if ini := initialsOf(r.text(m)); len(ini) >= 2 {
				initials[ini] = append(initials[ini], i)
			}
		}
	}
	for i := range r.ms {
		m := &r.ms[i]
		if m.first != m.last || !isAcronym(r.text(m)) || m.nerType == "PER" {
			continue
		}
		acr := r.text(m)
		if d, ok := defined[acr]; ok {
			r.link(d, i, "acronym")
			continue
		}
		if m.ref != nil {
			continue
		}
		if c := initials[acr]; len(c) > 0 && r.distinctRoots(c) == 1 {
			r.link(c[0], i, "acronym")
		}
	}
}

// subsequence reports whether the letters of acr appear in order in
// initials, with the first letters equal: "CSIS" in "CSIS", "NIS" in "ONIS".
func subsequence(acr, initials string) bool {
	if acr == "" || initials == "" {
		return false
	}
	j := 0
	for _, c := range initials {
		if j < len(acr) && rune(acr[j]) == c {
			j++
		}
	}
	return j == len(acr)
}

func isAcronym(w string) bool {
	n := 0
	for _, c := range w {
		if !unicode.IsUpper(c) {
			return false
		}
		n++
	}
	return n >= 2 && n <= 10
}

var initialStop = map[string]bool{"for": true, "of": true, "and": true, "the": true, "on": true, "in": true, "&": true}

func initialsOf(name string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(name, func(r rune) bool { return unicode.IsSpace(r) || r == '-' }) {
		if initialStop[strings.ToLower(w)] {
			continue
		}
		c, _ := utf8.DecodeRuneInString(w)
		if !unicode.IsUpper(c) {
			return ""
		}
		b.WriteRune(c)
	}
	return b.String()
}
