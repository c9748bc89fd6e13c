package tokens

import "strings"

// Set returns the set of the space-separated words of a word list, the
// form the stages write their lists in.
func Set(words string) map[string]bool {
	m := make(map[string]bool)
	for _, w := range strings.Fields(words) {
		m[w] = true
	}
	return m
}

// Cardinals maps the spelled-out cardinal numbers from "zero" to
// "ninety" that need no arithmetic to their values; larger ones are
// composed ("twenty-five", "one hundred") by the readers. Read only.
var Cardinals = map[string]int{
	"zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6,
	"seven": 7, "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12,
	"thirteen": 13, "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17,
	"eighteen": 18, "nineteen": 19, "twenty": 20, "thirty": 30, "forty": 40,
	"fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}

// Ordinals maps the spelled-out ordinal numbers to their values. Read
// only.
var Ordinals = map[string]int{
	"first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6,
	"seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
	"thirteenth": 13, "fourteenth": 14, "fifteenth": 15, "sixteenth": 16,
	"seventeenth": 17, "eighteenth": 18, "nineteenth": 19, "twentieth": 20,
	"thirtieth": 30, "fortieth": 40, "fiftieth": 50, "hundredth": 100,
}

// MonthNames are the English month names, January first, in lower case.
var MonthNames = []string{"january", "february", "march", "april", "may", "june", "july", "august",
	"september", "october", "november", "december"}

// PollWords name a poll, its makers or its method ("a Metrix poll",
// "pollsters", "polling published by …"): the claim stage reads them in
// speakers and in the object of "told", the figure stage in the
// attribution that later shares answer. Read only.
var PollWords = Set(`poll polls polling pollster pollsters survey surveys surveyors`)

// BodyHeads are the common nouns a description of a body that speaks
// ends in ("the ministry", "the Institute", "the UN human rights
// office"): the claim stage resolves such a speaker to the body named
// before it, the figure stage credits the body's report to it. Read
// only.
var BodyHeads = Set(`ministry institute agency department service office committee council centre center
	group company embassy organisation organization army military commission bureau foundation
	monitor observatory inspectorate directorate command navy mission watchdog intelligence`)

// ParagraphBreak returns the index of the first paragraph break in s, a
// newline or the two spaces a flattened text keeps for one, or -1.
func ParagraphBreak(s string) int {
	n, d := strings.IndexByte(s, '\n'), strings.Index(s, "  ")
	switch {
	case n < 0:
		return d
	case d < 0 || n < d:
		return n
	}
	return d
}
