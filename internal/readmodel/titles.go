package readmodel

import (
	"context"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"sitrep/internal/news"
)

// MaxTitle bounds a title made from an article's opening words, in runes.
const MaxTitle = 90

// TitleOf returns a title to show for an article: its own, else its
// opening sentence (cut at a word, at most MaxTitle runes), else a
// description from its outlet and date. It is never empty and never an ID.
func TitleOf(title, lead, outlet string, published time.Time) string {
	if t := strings.TrimSpace(title); t != "" {
		return t
	}
	if t := openingSentence(lead); t != "" {
		return t
	}
	s := "Untitled report"
	if outlet != "" {
		s += " from " + outlet
	}
	if !published.IsZero() {
		s += " of " + published.UTC().Format("2 Jan 2006")
	}
	return s
}

// EntryTitle is TitleOf an entry.
func EntryTitle(e Entry) string { return TitleOf(e.Title, e.Lead, e.Outlet, e.Published) }

// ArticleTitle is TitleOf a loaded article.
func ArticleTitle(a *news.Article) string {
	lead := ""
	if strings.TrimSpace(a.Title) == "" {
		lead = a.Text[:min(len(a.Text), 300)]
	}
	return TitleOf(a.Title, lead, a.Outlet, a.Published)
}

// openingSentence returns text's first sentence, cut to MaxTitle runes at
// a word boundary with "…" when longer.
func openingSentence(text string) string {
	text = strings.Join(strings.Fields(strings.ToValidUTF8(text, "")), " ")
	text = strings.TrimLeftFunc(text, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) && r != '"' && r != '“' })
	if text == "" {
		return ""
	}
	for i, r := range text {
		if (r == '.' || r == '!' || r == '?') && i > 20 && (i+1 == len(text) || text[i+1] == ' ') {
			text = text[:i+1]
			break
		}
	}
	if utf8.RuneCountInString(text) <= MaxTitle {
		return text
	}
	cut, n := 0, 0
	for i := range text {
		if n == MaxTitle {
			break
		}
		if text[i] == ' ' {
			cut = i
		}
		n++
	}
	if cut == 0 {
		runes := []rune(text)
		return string(runes[:MaxTitle]) + "…"
	}
	return strings.TrimRight(text[:cut], ",;:–—-") + "…"
}

// untitledGroups gives the groups with no title their first article's
// fallback title.
func (c *Catalog) untitledGroups(ctx context.Context, gs []Group, first func(Group) (string, error)) error {
	for i := range gs {
		if strings.TrimSpace(gs[i].Title) != "" {
			continue
		}
		id, err := first(gs[i])
		if err != nil {
			return err
		}
		if e, ok, err := c.Entry(ctx, id); err != nil {
			return err
		} else if ok {
			gs[i].Title = EntryTitle(e)
		}
	}
	return nil
}

// Period writes a span of publication times for people: one day when
// both fall on it (without a clock when either reads midnight, a
// date-only source's time), dates without a clock for midnight times, "2 Jan 2006 15:04 – 3 Jan 2006 09:00" otherwise.
func Period(first, last time.Time) string {
	switch {
	case first.IsZero() && last.IsZero():
		return "undated"
	case first.IsZero():
		return When(last)
	case last.IsZero():
		return When(first)
	}
	a, b := first.UTC(), last.UTC()
	if a.Format(time.DateOnly) == b.Format(time.DateOnly) {
		if a.Equal(b) || dateOnly(a) || dateOnly(b) {
			return When(a)
		}
		return a.Format("2 Jan 2006 15:04") + "–" + b.Format("15:04")
	}
	return When(a) + " – " + When(b)
}

// When writes one publication time: the date alone when the clock reads
// midnight (the source gave a date, not a time), else date and time (UTC).
func When(t time.Time) string {
	if t.IsZero() {
		return "undated"
	}
	u := t.UTC()
	if dateOnly(u) {
		return u.Format("2 Jan 2006")
	}
	return u.Format("2 Jan 2006 15:04")
}

func dateOnly(t time.Time) bool {
	return t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 && t.Nanosecond() == 0
}

// MetaLine joins the parts that are not empty with " · ", so a line of
// metadata never starts, ends or doubles its separator on a missing field.
func MetaLine(parts ...string) string {
	var kept []string
	for _, p := range parts {
		if p = strings.TrimSpace(p); p != "" {
			kept = append(kept, p)
		}
	}
	return strings.Join(kept, " · ")
}
