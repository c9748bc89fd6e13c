package readmodel

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// ReadableTime turns an ISO 8601 / TimeML value, as the time, figure and
// event layers store it, into words a reader takes in at a glance:
// "2022-05-09" → "9 May 2022", "2022-W19" → "week 19 of 2022",
// "2031-SU" → "summer 2031", "2022-Q3" → "Q3 2022", "P3W" → "3 weeks",
// "2022-05-01/2022-05-31" → "1 May 2022 to 31 May 2022". A value with a
// clock time shows it unless it is midnight exactly, so a date-only value
// never reads "00:00". An empty value is "undated"; one it does not know
// is returned unchanged. Every time value the CLI and the pages print goes through it.
func ReadableTime(value string) string {
	v := strings.TrimSpace(value)
	if v == "" {
		return "undated"
	}
	if from, to, ok := strings.Cut(v, "/"); ok && from != "" && to != "" {
		return ReadableTime(from) + " to " + ReadableTime(to)
	}
	if s, ok := ReadableDuration(v); ok {
		return s
	}
	switch v {
	case "PRESENT_REF":
		return "now"
	case "PAST_REF":
		return "the past"
	case "FUTURE_REF":
		return "the future"
	}
	for _, layout := range []string{time.RFC3339, "2006-01-02T15:04:05", "2006-01-02T15:04", "2006-01-02"} {
		if t, err := time.Parse(layout, v); err == nil {
			return ReadableInstant(t)
		}
	}
	if t, err := time.Parse("2006-01", v); err == nil {
		return t.Format("January 2006")
	}
	year, rest, _ := strings.Cut(v, "-")
	y, err := strconv.Atoi(year)
	if err != nil || len(year) != 4 {
		if len(year) == 3 && rest == "" { // a decade: "198" is the 1980s
			if _, err := strconv.Atoi(year); err == nil {
				return "the " + year + "0s"
			}
		}
		return v
	}
	switch {
	case rest == "":
		return year
	case len(rest) == 3 && rest[0] == 'W':
		if w, err := strconv.Atoi(rest[1:]); err == nil && w >= 1 && w <= 53 {
			return fmt.Sprintf("week %d of %d", w, y)
		}
	case len(rest) == 2 && rest[0] == 'Q' && rest[1] >= '1' && rest[1] <= '4':
		return rest + " " + year
	case len(rest) == 2 && rest[0] == 'H' && (rest[1] == '1' || rest[1] == '2'):
		return map[byte]string{'1': "first", '2': "second"}[rest[1]] + " half of " + year
	}
	if season, ok := seasons[rest]; ok {
		return season + " " + year
	}
	return v
}

// seasons names the TimeML season codes.
var seasons = map[string]string{"SP": "spring", "SU": "summer", "FA": "autumn", "AU": "autumn", "WI": "winter"}

// durationUnits names the ISO 8601 duration units, before and after "T".
var durationUnits = map[bool]map[byte]string{
	false: {'Y': "year", 'M': "month", 'W': "week", 'D': "day"},
	true:  {'H': "hour", 'M': "minute", 'S': "second"},
}

// ReadableDuration reads an ISO 8601 duration ("P3W", "P1Y6M", "PT5H",
// "PXY" for "years"); ok is false when v is not one.
func ReadableDuration(v string) (string, bool) {
	if len(v) < 3 || v[0] != 'P' {
		return "", false
	}
	var parts []string
	inTime := false
	num := ""
	for i := 1; i < len(v); i++ {
		c := v[i]
		switch {
		case c == 'T' && !inTime && num == "":
			inTime = true
		case c >= '0' && c <= '9' || c == '.' || c == 'X':
			num += string(c)
		default:
			unit, ok := durationUnits[inTime][c]
			if !ok || num == "" {
				return "", false
			}
			switch {
			case num == "X":
				parts = append(parts, unit+"s")
			case num == "1":
				parts = append(parts, "1 "+unit)
			default:
				parts = append(parts, num+" "+unit+"s")
			}
			num = ""
		}
	}
	if num != "" || len(parts) == 0 {
		return "", false
	}
	return strings.Join(parts, " "), true
}

// ReadableInstant prints t as a day, with its clock time (UTC) only when
// it has one: a date-only time never reads "00:00".
func ReadableInstant(t time.Time) string {
	if t.IsZero() {
		return "undated"
	}
	t = t.UTC()
	if t.Hour() == 0 && t.Minute() == 0 && t.Second() == 0 {
		return t.Format("2 January 2006")
	}
	return t.Format("2 January 2006 15:04")
}

// ReadableSpan renders the span of times from first to last as
// ReadableTime does ("the 1990s to March 2023"), one time when they are
// equal, and "" when first is empty.
func ReadableSpan(first, last string) string {
	switch {
	case first == "":
		return ""
	case last == "" || last == first:
		return ReadableTime(first)
	}
	return ReadableTime(first) + " to " + ReadableTime(last)
}
