package provenance

import (
	"net/url"
	"regexp"
	"strings"

	"sitrep/internal/news"
)

// Page furniture: lines every page of a site carries (dates, "Last
// modified on …", share prompts, subscription pleas, bylines). Two
// reports sharing them have not copied each other, so a furniture
// sentence never counts as a reused passage.
var (
	furnitureRe = regexp.MustCompile(`(?i)^(?:` +
		`(?:last )?(?:modified|updated|published|posted|first published)(?: on| at|:)?\b|` +
		`share(?: this| on| via| the| article|$)|` +
		`(?:click|tap) here\b|follow us\b|sign up\b|subscribe\b|` +
		`(?:please )?(?:consider )?support(?:ing)? (?:our|us|the guardian|independent)\b|` +
		`(?:read|see) (?:more|also)\b|related:|advertisement$|copyright\b|©|all rights reserved|` +
		`photograph:|photo:|image:|this article (?:was|has been) amended\b|` +
		`by [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3}(?:,? (?:and|&) [A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3})?(?: in [A-Z][\w-]+)?$)`)
	// dateWords are the words a date or time line consists of.
	dateWords = regexp.MustCompile(`(?i)^(?:\d{1,4}|\d{1,2}[.:]\d{2}|jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t|tember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|mon(?:day)?|tue(?:sday)?|wed(?:nesday)?|thu(?:rsday)?|fri(?:day)?|sat(?:urday)?|sun(?:day)?|gmt|bst|utc|cet|cest|est|edt|pst|pdt|et|am|pm|a\.m|p\.m|on|at|last|modified|updated|published|hours?|minutes?|days?|ago)$`)
)

// furnitureWords bounds a furniture line: longer sentences are text.
const furnitureWords = 16

// isFurniture reports whether the sentence s (its words ws) is page
// furniture: a date line, a byline, a share prompt or a plea.
func isFurniture(s string, ws []word) bool {
	if len(ws) == 0 || len(ws) > furnitureWords {
		return false
	}
	s = strings.TrimSpace(s)
	if furnitureRe.MatchString(s) {
		return true
	}
	for _, w := range ws {
		if !dateWords.MatchString(w.norm) {
			return false
		}
	}
	return true
}

// sameDocument reports whether two URLs address one document: the same
// host and the same path (query, fragment, scheme and a final slash
// aside), a site's front page excepted. A report fetched twice is a
// revision of itself, not a copy.
func sameDocument(a, b string) bool {
	ua, err1 := url.Parse(strings.TrimSpace(a))
	ub, err2 := url.Parse(strings.TrimSpace(b))
	if err1 != nil || err2 != nil || ua.Host == "" || ub.Host == "" {
		return false
	}
	pa, pb := strings.TrimSuffix(ua.EscapedPath(), "/"), strings.TrimSuffix(ub.EscapedPath(), "/")
	return pa != "" && pa == pb && news.Host(a) == news.Host(b)
}
