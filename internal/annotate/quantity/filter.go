package quantity

// This file filters out numbers that are not quantities: years, days
// of the month, clock times, phone numbers, labels and model codes.

import (
	"math"
	"strings"

	"sitrep/internal/news"
)

// notQuantity reports whether the number token at j is a year, a day of
// the month, a clock time, a phone number, a label or a model code, and
// sets n.last to the last token of what should be stepped over.
func (s *scanner) notQuantity(n *number, j int, plain bool) bool {
	t := s.t
	prev := s.Low(j - 1)
	v := n.value
	// Phone numbers, slashed numbers and codes.
	if prev == "+" && s.Touch(j-1) || prev == "#" && s.Touch(j-1) {
		n.last = s.chain(j)
		return true
	}
	if s.Touch(j) && (s.Tok(j+1) == "/" || s.Tok(j+1) == ":") && s.IsNum(j+2) && s.Touch(j+1) {
		n.last = s.chain(j)
		if s.IsWord(n.last+1) && t.clock[s.Low(n.last+1)] {
			n.last++
		}
		return true
	}
	if s.Touch(j) && s.isHyphen(j+1) && s.IsNum(j+2) && s.Touch(j+1) {
		if s.IsWord(j+3) && s.t.timeUnits[s.Low(j+3)] {
			n.last = j + 3 // "a 40-60 hour course", "10-12 days": a range of durations
			return true
		}
		a, b := s.Tok(j), s.Tok(j+2)
		if len(a) == 3 && len(b) == 4 && plain || s.Touch(j+2) && s.isHyphen(j+3) && s.IsNum(j+4) {
			n.last = s.chain(j)
			return true
		}
	}
	if w := strings.TrimSuffix(s.Tok(j+2), "."); s.Touch(j) && s.isHyphen(j+1) && s.Touch(j+1) && s.IsWord(j+2) && w != "" && w[0] >= 'A' && w[0] <= 'Z' && (len(w) == 1 || strings.ContainsAny(w, "0123456789")) {
		n.last = j + 2 // "9-S-7760", "3-D": a designation, digits or a capital letter after the hyphen
		return true
	}
	if s.Touch(j-1) && (prev == "/" || prev == ":" || prev == "." || (prev == "-" && s.IsWord(j-2) || prev == ">") && s.Touch(j-2)) {
		return true
	}
	if s.IsWord(j-1) && (t.labels[prev] || prev == "local" && s.Capitalised(j-1)) {
		return true // ("Teamsters Local 495": a union branch's number)
	}
	// A year cut to two digits after an apostrophe: "Trump-Vance ’24",
	// "the class of '89" (not a possessive's "s" glued to a word).
	if (prev == "'" || prev == "’" || prev == "‘") && s.Touch(j-1) && !s.Touch(j-2) && plain && len(s.Tok(j)) == 2 && !(s.Touch(j) && s.IsWord(j+1)) {
		return true
	}
	// Clock times: "8 a.m.", "10pm", "0800 GMT".
	if s.IsWord(j+1) && t.clock[s.Low(j+1)] && (s.Touch(j) || s.Low(j+1) != "h") {
		n.last = j + 1
		if s.Low(j+1) == "local" {
			if s.Low(j+2) != "time" {
				return false
			}
			n.last = j + 2
		}
		return true
	}
	// The first hour of a span of clock time: "between 6 and 7 a.m.",
	// "from 9 to 10 p.m." (the second is read as a clock time above).
	if plain && v <= 24 && v == math.Trunc(v) && rangeWords[s.Low(j+1)] && s.IsNum(j+2) && s.IsWord(j+3) &&
		t.clock[s.Low(j+3)] && s.Low(j+3) != "h" && s.Low(j+3) != "local" {
		return true
	}
	// An age that bounds a group: "those 65 and older", "children 12
	// and under".
	if plain && v >= 1 && v < 120 && v == math.Trunc(v) && (s.Low(j+1) == "and" || s.Low(j+1) == "or") && ageBounds[s.Low(j+2)] {
		n.last = j + 2
		return true
	}
	// An item's number in a list: "(1) agrees …; (2) orders …", "are: 1)
	// a strategy; 2) a crackdown", at the start of a line or after a
	// clause mark ("the Netherlands (17) took action" counts).
	if plain && v >= 1 && v <= 20 && v == math.Trunc(v) && s.Tok(j+1) == ")" && s.Touch(j) && s.IsWord(j+2) &&
		(prev == "(" && s.Touch(j-1) && s.itemStart(j-1) || prev != "(" && s.itemStart(j)) {
		n.last = j + 1
		return true
	}
	// An age a group is given or compared by: "those aged 40 to 64",
	// "adults younger than 40".
	if plain && v >= 1 && v < 120 && v == math.Trunc(v) && (prev == "aged" || prev == "ages" || prev == "than" && (s.Low(j-2) == "younger" || s.Low(j-2) == "older")) {
		if rangeWords[s.Low(j+1)] && s.IsNum(j+2) {
			n.last = j + 2
		}
		return true
	}
	// An age that bounds the people before it: "adults over 21",
	// "children under 12" ("troops over 3,000" is no age, nor "people
	// over 65 years" when years are counted on).
	if plain && v >= 1 && v < 120 && v == math.Trunc(v) && ageBounds[prev] && ageHolders[s.Low(j-2)] && !s.countNounAfter(j) {
		return true
	}
	// Days of the month.
	if plain && v >= 1 && v <= 31 && v == math.Trunc(v) {
		k := j
		if s.Touch(j) && s.IsWord(j+1) {
			switch s.Low(j + 1) {
			case "st", "nd", "rd", "th":
				k = j + 1
			}
		}
		if s.isMonth(j-1) || s.isMonth(k+1) || s.Low(k+1) == "of" && s.isMonth(k+2) {
			n.last = k
			if s.isMonth(k + 1) {
				n.last = k + 1
			} else if s.Low(k+1) == "of" {
				n.last = k + 2
			}
			// A year after the date: "October 3, 2024", "3 October 2024".
			y := n.last + 1
			if s.Tok(y) == "," {
				y++
			}
			if s.IsNum(y) && (len(s.Tok(y)) == 4 || yearAndClock(s.Tok(y))) {
				n.last = y
			}
			return true
		}
	}
	// A live blog's stamp, a year glued to a clock time after a date
	// ("27 May 202200.52"), whose date the quantity layer did not take.
	if s.isMonth(j-1) && yearAndClock(s.Tok(j)) {
		return true
	}
	// Years and decades.
	if plain && len(s.Tok(j)) == 4 && v >= 1800 && v <= 2100 {
		if s.Touch(j) && s.Low(j+1) == "s" {
			n.last = j + 1
			return true
		}
		if s.Touch(j) && (s.Tok(j+1) == "'" || s.Tok(j+1) == "’") && s.Low(j+2) == "s" && v >= 1900 && int(v)%10 == 0 && int(v)%1000 != 0 {
			n.last = j + 2
			return true
		}
		if s.Touch(j) && s.isHyphen(j+1) && s.IsNum(j+2) && s.Touch(j+1) {
			n.last = j + 2 // "2022-23", "2014-2022"
			return true
		}
		if t.yearPrev[prev] || s.isMonth(j-1) || !s.countNounAfter(j) {
			return true
		}
	}
	// Model codes: a number glued to letters that are no unit ("2S19").
	if s.Touch(j) && s.IsWord(j+1) {
		w := s.Low(j + 1)
		if _, ok := t.scales[w]; ok {
			return false
		}
		if _, ok := t.measures[w]; ok {
			return false
		}
		switch w {
		case "st", "nd", "rd", "th", "s", "'s":
			return false
		}
		if h := strings.IndexByte(w, '-'); h > 0 {
			if _, ok := t.scales[w[:h]]; ok {
				return false
			}
		}
		if t.timeUnits[w] {
			return false
		}
		n.last = j + 1
		return true
	}
	return false
}

// chain returns the last token of a run of numbers joined by touching
// punctuation or single spaces: a phone number, a date, a code.
func (s *scanner) chain(j int) int {
	last := j
	for k := j + 1; k < len(s.Toks); k++ {
		if s.IsNum(k) {
			if s.Toks[k].Start-s.Toks[k-1].End > 1 {
				break
			}
			last = k
			continue
		}
		if s.Kind(k) == news.TokenPunct && s.Touch(k-1) && s.Touch(k) && s.IsNum(k+1) {
			switch s.Tok(k) {
			case "-", "/", ":", ".", ")", "(":
				continue
			}
		}
		break
	}
	return last
}

// countNounAfter reports whether a lower-case noun phrase follows the
// number at j, which makes a year-like number a count: "2000 troops".
func (s *scanner) countNounAfter(j int) bool {
	for k := j + 1; k < j+5 && s.IsWord(k); k++ {
		w := s.Low(k)
		if s.t.stop[w] || s.t.timeUnits[w] {
			return false
		}
		if !s.Capitalised(k) {
			return s.t.isPlural(w)
		}
	}
	return false
}

// yearAndClock reports whether tok is a year glued to a clock time, as
// live blogs print a post's stamp after its date: "202200.52" (2022,
// 00.52), "202309:41".
func yearAndClock(tok string) bool {
	if len(tok) != 9 || tok[6] != '.' && tok[6] != ':' {
		return false
	}
	for i := 0; i < len(tok); i++ {
		if i != 6 && (tok[i] < '0' || tok[i] > '9') {
			return false
		}
	}
	year := (int(tok[0]-'0')*10+int(tok[1]-'0'))*100 + int(tok[2]-'0')*10 + int(tok[3]-'0')
	hour := int(tok[4]-'0')*10 + int(tok[5]-'0')
	minute := int(tok[7]-'0')*10 + int(tok[8]-'0')
	return year >= 1900 && year <= 2100 && hour <= 23 && minute <= 59
}

// rangeWords join the two ends of a span: "6 and 7", "9 to 10".
var rangeWords = map[string]bool{"and": true, "to": true, "or": true, "-": true, "–": true}

// ageHolders are the people an age after "over" or "under" may bound.
var ageHolders = map[string]bool{"adults": true, "people": true, "those": true, "anyone": true, "children": true, "kids": true,
	"voters": true, "men": true, "women": true, "residents": true, "teens": true, "teenagers": true, "youths": true, "patients": true,
	"child": true, "kid": true, "minor": true, "minors": true, "person": true, "boy": true, "boys": true, "girl": true, "girls": true}

// ageBounds close an age bracket after "and" or "or" ("65 and older"),
// or open one after the people it bounds ("adults over 21").
var ageBounds = map[string]bool{"older": true, "over": true, "up": true, "above": true, "younger": true, "under": true, "below": true}

// itemStart says whether token k opens a list item: it starts the text
// or a line, or follows a clause mark or "and" / "or".
func (s *scanner) itemStart(k int) bool {
	if k == 0 || strings.ContainsRune(s.Text[s.Toks[k-1].End:s.Toks[k].Start], '\n') {
		return true
	}
	switch s.Low(k - 1) {
	case ";", ":", ",", "and", "or", "—", "–":
		return true
	}
	return false
}
