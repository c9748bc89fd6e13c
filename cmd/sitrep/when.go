package main

import (
	"strings"
	"time"

	"github.com/rivo/uniseg"

	"sitrep/internal/readmodel"
)

// readableTime is readmodel.ReadableTime: an ISO 8601 / TimeML value in
// words ("week 19 of 2022", "summer 2031").
func readableTime(value string) string { return readmodel.ReadableTime(value) }

// readableDuration is readmodel.ReadableDuration.
func readableDuration(v string) (string, bool) { return readmodel.ReadableDuration(v) }

// readableInstant is readmodel.ReadableInstant.
func readableInstant(t time.Time) string { return readmodel.ReadableInstant(t) }

// truncate shortens s to at most n user-perceived characters (grapheme
// clusters), marking the cut with an ellipsis. It never cuts inside a
// character: a combining accent, a flag or an emoji sequence stays whole.
func truncate(s string, n int) string {
	if n <= 0 {
		return ""
	}
	if uniseg.GraphemeClusterCount(s) <= n {
		return s
	}
	var b strings.Builder
	g := uniseg.NewGraphemes(s)
	for i := 0; i < n-1 && g.Next(); i++ {
		b.WriteString(g.Str())
	}
	return b.String() + "…"
}

// isoDate is t's day as ISO 8601 for JSON ("" when t is zero).
func isoDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.UTC().Format(time.DateOnly)
}
