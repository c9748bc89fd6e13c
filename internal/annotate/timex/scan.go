package timex

import (
	"fmt"
	"sitrep/internal/annotate/tokens"
	"strconv"
	"strings"
	"time"

	"sitrep/internal/news"
)

// scanner finds the time expressions of one text.
type scanner struct {
	t *tables
	tokens.View
	pub    time.Time
	hasPub bool
	out    []news.TimeExpr
	// anchor is the last day-precise date resolved, for "two days later".
	anchor    time.Time
	hasAnchor bool
	// depth bounds the nesting of core ("the end of early June"), and
	// calls counts its calls, so that no input takes more than linear time.
	depth, calls int
}

// expr is a time expression read at some token.
type expr struct {
	end      int // index after its last token
	value    string
	gran     string
	mod      string
	relative bool // needs the publication date (or an anchor)
	unres    bool // relative and not resolvable
	day      time.Time
	hasDay   bool // day is the date it names, for anchoring
}

func date(y int, m time.Month, d int) time.Time { return time.Date(y, m, d, 0, 0, 0, 0, time.UTC) }

func (s *scanner) run() []news.TimeExpr {
	for i := 0; i < len(s.Toks); {
		start, e, ok := s.at(i)
		if !ok {
			i++
			continue
		}
		te := news.TimeExpr{
			Span:        news.Span{Start: s.Toks[start].Start, End: s.Toks[e.end-1].End},
			Value:       e.value,
			Granularity: e.gran,
			Resolved:    !e.unres,
			Mod:         e.mod,
		}
		if e.unres {
			te.Value = ""
		}
		te.Text = s.Text[te.Start:te.End]
		s.out = append(s.out, te)
		if e.hasDay && !e.unres {
			s.anchor, s.hasAnchor = e.day, true
		}
		i = e.end
	}
	return s.out
}

// month returns the month token i names; names must be capitalised.
func (s *scanner) month(i int) (time.Month, bool) {
	if !s.IsWord(i) || !s.Capitalised(i) {
		return 0, false
	}
	m, ok := s.t.months[s.Low(i)]
	return m, ok
}

// intAt returns the plain integer of number token i.
func (s *scanner) intAt(i int) (int, bool) {
	if !s.IsNum(i) {
		return 0, false
	}
	w := s.Tok(i)
	if len(w) > 9 {
		return 0, false
	}
	n, err := strconv.Atoi(w)
	return n, err == nil
}

// yearAt returns the year number token i holds (1000–2199, four digits).
func (s *scanner) yearAt(i int) (int, bool) {
	if len(s.Tok(i)) != 4 {
		return 0, false
	}
	y, ok := s.intAt(i)
	return y, ok && y >= 1000 && y < 2200
}

// dayAt returns the day of the month token i (and a glued ordinal
// suffix) holds, and the index after it.
func (s *scanner) dayAt(i int) (int, int, bool) {
	d, ok := s.intAt(i)
	if !ok || d < 1 || d > 31 || len(s.Tok(i)) > 2 {
		return 0, 0, false
	}
	end := i + 1
	if s.Touch(i) {
		switch s.Low(i + 1) {
		case "st", "nd", "rd", "th":
			end++
		}
	}
	return d, end, true
}

// future reports whether the words before token i in its sentence, or
// the preposition just before it, look ahead. A cue such as "going" or
// "plans" looks ahead only before "to", "for", "on", "in" or "by" ("going to
// meet", "planned for September"): "no going back to February 23" looks
// back.
func (s *scanner) future(i int) bool {
	if i > 0 && s.namesEvent(i) {
		return false
	}
	for k := i - 1; k >= 0 && k >= i-14; k-- {
		w := s.Tok(k)
		if s.Toks[k].Kind == news.TokenPunct && (w == "." || w == "!" || w == "?" || w == "…") {
			return false
		}
		if w := s.Low(k); s.t.future[w] {
			if !s.t.futureTo[w] {
				return true
			}
			if nx := s.Low(k + 1); nx == "to" || nx == "for" || nx == "on" || nx == "in" || nx == "by" {
				return true
			}
		}
		if w == "said" || w == "says" || w == "told" {
			// "said on Tuesday" looks back even after "will".
			if k == i-1 || k == i-2 {
				return false
			}
		}
	}
	return false
}

// namesEvent reports whether the date at token i opens the name of an
// attack or a like event already past ("the group's October 7 attack",
// "revenge for the October 7 attack"): a cue outside that noun phrase
// ("vowed to eliminate …") does not make it upcoming. "On the 5th of
// March" is a date of its own.
func (s *scanner) namesEvent(i int) bool {
	w := s.Low(i - 1)
	if !s.t.possessives[w] && (w != "the" || i >= 2 && s.t.datePreps[s.Low(i-2)]) {
		return false
	}
	// Only an event reported once it happened: an attack, not a meeting
	// or an election, which may be named before it ("its September 17
	// meeting").
	for k := i + 1; k < len(s.Toks) && k <= i+4; k++ {
		if s.Toks[k].Kind == news.TokenPunct {
			return false
		}
		if s.t.pastEvents[s.Low(k)] {
			return true
		}
	}
	return false
}

// at reads the expression starting at token i. It returns the index of
// its first token (a preposition that changes its meaning is included).
func (s *scanner) at(i int) (int, expr, bool) {
	switch s.Toks[i].Kind {
	case news.TokenPunct:
		return i, expr{}, false
	case news.TokenWord:
		if w := s.Low(i); !s.t.starts[w] && strings.IndexByte(w, '-') < 0 {
			return i, expr{}, false
		}
	}
	w := s.Low(i)
	if s.t.preps[w] && w != "from" {
		if e, ok := s.core(i+1, w); ok {
			switch {
			case e.mod == "":
				e.mod = w
			case e.gran != Duration:
				e.mod = w + " " + e.mod
			}
			return i, e, true
		}
		return i, expr{}, false
	}
	e, ok := s.core(i, "")
	return i, e, ok
}

// core reads an expression at i; prep is the preposition before it.
func (s *scanner) core(i int, prep string) (expr, bool) {
	if i >= len(s.Toks) || s.depth > 2 {
		return expr{}, false
	}
	s.calls++
	s.depth++
	defer func() { s.depth-- }()
	w := s.Low(i)
	fut := prep == "by" || prep == "until" || prep == "till" || prep == "before"
	past := prep == "since" || prep == "after"
	// Approximators before a duration: "nearly three years".
	if m, ok := s.t.approx[w]; ok && s.IsWord(i) {
		if e, ok := s.duration(i + 1); ok {
			e.mod = m
			return e, true
		}
	}
	if k := i + 1; (w == "more" || w == "less" || w == "at" || w == "up") && s.IsWord(k) {
		if m, ok := s.t.approx[w+" "+s.Low(k)]; ok {
			if e, ok := s.duration(k + 1); ok {
				e.mod = m
				return e, true
			}
		}
	}
	switch w {
	case "today", "tonight":
		return s.relDays(i+1, 0), true
	case "yesterday":
		return s.relDays(i+1, -1), true
	case "tomorrow":
		return s.relDays(i+1, 1), true
	case "last", "this", "next", "past", "coming", "final", "earlier", "later", "current":
		return s.deictic(i, fut)
	case "the":
		return s.the(i, fut, past)
	case "early", "late", "mid":
		if e, ok := s.core(i+1, prep); ok && e.gran != Duration && e.gran != Day && e.mod == "" {
			e.mod = edgeMod(w)
			return e, true
		}
		return expr{}, false
	case "christmas", "xmas":
		if s.Capitalised(i) {
			return s.dayMonth(i+1, 25, time.December, fut || s.future(i), past), true
		}
	case "new":
		if s.Capitalised(i) && s.Low(i+1) == "year" && s.Capitalised(i+1) {
			k := i + 2
			if s.Low(k) == "'s" && (s.Low(k+1) == "eve" || s.Low(k+1) == "day") {
				if s.Low(k+1) == "eve" {
					return s.dayMonth(k+2, 31, time.December, fut || s.future(i), past), true
				}
				k += 2
			}
			return s.dayMonth(k, 1, time.January, fut || s.future(i), past), true
		}
	case "year", "yr":
		// "by year's end", spun "by yr's finish"
		if s.Low(i+1) == "'s" {
			switch s.Low(i + 2) {
			case "end", "finish", "close":
				if !s.hasPub {
					return expr{end: i + 3, gran: Year, mod: "end", relative: true, unres: true}, true
				}
				return expr{end: i + 3, value: strconv.Itoa(s.pub.Year()), gran: Year, mod: "end", relative: true}, true
			}
		}
	case "year-end":
		if !s.hasPub {
			return expr{end: i + 1, gran: Year, mod: "end", unres: true}, true
		}
		return expr{end: i + 1, value: strconv.Itoa(s.pub.Year()), gran: Year, mod: "end"}, true
	}
	if strings.HasPrefix(w, "mid-") {
		return s.mid(i)
	}
	if wd, ok := s.t.weekdays[w]; ok && s.Capitalised(i) {
		return s.weekday(i, wd, fut || s.future(i), past, 0), true
	}
	if m, ok := s.month(i); ok {
		return s.monthDate(i, m, fut, past)
	}
	if season, ok := s.t.seasons[w]; ok && w != "fall" {
		// "summer 2022", "winter of 2023"
		if y, end, ok := s.yearAfter(i + 1); ok {
			return expr{end: end, value: fmt.Sprintf("%04d-%s", y, season), gran: Season}, true
		}
		return expr{}, false
	}
	if w == "fall" {
		if y, end, ok := s.yearAfter(i + 1); ok {
			return expr{end: end, value: fmt.Sprintf("%04d-FA", y), gran: Season}, true
		}
		return expr{}, false
	}
	if len(w) == 2 && w[0] == 'q' && w[1] >= '1' && w[1] <= '4' && s.Capitalised(i) {
		if y, ok := s.yearAt(i + 1); ok {
			return expr{end: i + 2, value: fmt.Sprintf("%04d-Q%c", y, w[1]), gran: Quarter}, true
		}
		return expr{}, false
	}
	if s.IsNum(i) {
		return s.number(i, fut, past)
	}
	if _, ok := s.t.numbers[w]; ok || strings.IndexByte(w, '-') > 0 {
		// "three years", "two days later", "three-year"
		if e, ok := s.offset(i); ok {
			return e, true
		}
		if w == "a" || w == "an" {
			if !s.t.durCtx[s.Low(i-1)] {
				return expr{}, false
			}
		}
		return s.duration(i)
	}
	if w == "half" && (s.Low(i+1) == "a" || s.Low(i+1) == "an") {
		if u, ok := s.t.units[s.Low(i+2)]; ok && u.code == 'Y' && u.mult == 1 {
			return expr{end: i + 3, value: "P6M", gran: Duration}, true
		}
	}
	if w == "for" || w == "in" {
		// Vague durations: "for weeks", "for years", "in decades".
		if u, ok := s.t.units[s.Low(i+1)]; ok && strings.HasSuffix(s.Low(i+1), "s") && w == "for" {
			return expr{end: i + 2, value: durationValue(-1, u), gran: Duration}, true
		}
	}
	return expr{}, false
}

// yearAfter reads an optional "of" and a year at k.
func (s *scanner) yearAfter(k int) (int, int, bool) {
	if s.Low(k) == "of" {
		k++
	}
	y, ok := s.yearAt(k)
	return y, k + 1, ok
}

// relDays is today, yesterday or tomorrow, with "morning", "night" after.
func (s *scanner) relDays(end, offset int) expr {
	switch s.Low(end) {
	case "morning", "afternoon", "evening", "night":
		end++
	}
	return s.dayExpr(end, offset, true)
}

// dayExpr is the publication date plus offset days.
func (s *scanner) dayExpr(end, offset int, relative bool) expr {
	if !s.hasPub {
		return expr{end: end, gran: Day, relative: relative, unres: true}
	}
	d := s.pub.AddDate(0, 0, offset)
	return expr{end: end, value: d.Format("2006-01-02"), gran: Day, relative: relative, day: d, hasDay: true}
}

// weekday resolves a weekday name at i. shift is -1 for "last", +1 for
// "next", 0 for a bare name.
func (s *scanner) weekday(i int, wd time.Weekday, fut, past bool, shift int) expr {
	end := i + 1
	switch s.Low(end) {
	case "morning", "afternoon", "evening", "night":
		end++
	}
	if !s.hasPub {
		return expr{end: end, gran: Day, relative: true, unres: true}
	}
	pw := s.pub.Weekday()
	var off int
	switch {
	case shift < 0:
		off = -((int(pw) - int(wd) + 7) % 7)
		if off == 0 {
			off = -7
		}
	case shift > 0 || fut && !past:
		off = (int(wd) - int(pw) + 7) % 7
		if shift > 0 && off == 0 {
			off = 7
		}
	default:
		off = -((int(pw) - int(wd) + 7) % 7)
	}
	e := s.dayExpr(end, off, true)
	return e
}

// deictic reads "last week", "this month", "next year", "earlier this
// year", "the past three weeks" (without "the"), "last Tuesday".
func (s *scanner) deictic(i int, fut bool) (expr, bool) {
	w := s.Low(i)
	if w == "final" && s.Low(i-1) == "the" {
		return expr{}, false
	}
	if w == "earlier" || w == "later" {
		if s.Low(i+1) != "this" {
			return expr{}, false
		}
		e, ok := s.period(i+2, 0)
		if !ok || e.gran == Day {
			return expr{}, false
		}
		if !s.hasPub {
			return expr{end: e.end, gran: Interval, relative: true, unres: true}, true
		}
		from, to := s.bounds(e)
		today := s.pub.Format("2006-01-02")
		if w == "earlier" {
			e.value = from + "/" + today
		} else {
			e.value = today + "/" + to
		}
		e.gran = Interval
		return e, true
	}
	shift := 0
	switch w {
	case "last", "past", "final":
		shift = -1
	case "next", "coming":
		shift = 1
	}
	if w == "past" || w == "last" || w == "next" || w == "coming" {
		// "the past three weeks" is handled by the(); "past three weeks" here.
		if e, ok := s.duration(i + 1); ok && (s.IsNum(i+1) || s.t.numbers[s.Low(i+1)] > 1) {
			return e, true
		}
	}
	if w == "past" && s.Low(i-1) != "the" {
		return expr{}, false
	}
	if wd, ok := s.t.weekdays[s.Low(i+1)]; ok && s.Capitalised(i+1) {
		if w == "this" {
			return s.weekday(i+1, wd, fut || s.future(i), false, 0), true
		}
		return s.weekday(i+1, wd, false, false, shift), true
	}
	if m, ok := s.month(i + 1); ok {
		if !s.hasPub {
			return expr{end: i + 2, gran: Month, relative: true, unres: true}, true
		}
		y := s.pub.Year()
		switch {
		case shift < 0 && m >= s.pub.Month():
			y--
		case shift > 0 && m <= s.pub.Month():
			y++
		}
		return expr{end: i + 2, value: fmt.Sprintf("%04d-%02d", y, m), gran: Month, relative: true}, true
	}
	return s.period(i+1, shift)
}

// period reads a calendar unit or season at k, shifted from the one the
// publication date is in: "week", "month", "year", "weekend", "fall".
func (s *scanner) period(k int, shift int) (expr, bool) {
	w := s.Low(k)
	gran := ""
	switch w {
	case "week":
		gran = Week
	case "weekend":
		gran = Weekend
	case "month":
		gran = Month
	case "year", "yr":
		gran = Year
	case "quarter":
		gran = Quarter
	case "decade":
		gran = Decade
	case "spring", "summer", "autumn", "fall", "winter":
		gran = Season
	case "morning", "night", "evening", "afternoon":
		if shift == 0 || w == "night" && shift < 0 {
			off := 0
			if shift < 0 {
				off = -1
			}
			return s.dayExpr(k+1, off, true), true
		}
		return expr{}, false
	default:
		return expr{}, false
	}
	e := expr{end: k + 1, gran: gran, relative: true}
	if !s.hasPub {
		e.unres = true
		return e, true
	}
	p := s.pub
	switch gran {
	case Week, Weekend:
		d := p.AddDate(0, 0, 7*shift)
		y, wk := d.ISOWeek()
		e.value = fmt.Sprintf("%04d-W%02d", y, wk)
		if gran == Weekend {
			e.value += "-WE"
		}
	case Month:
		d := date(p.Year(), p.Month()+time.Month(shift), 1)
		e.value = d.Format("2006-01")
	case Year:
		e.value = strconv.Itoa(p.Year() + shift)
	case Quarter:
		q := (int(p.Month())-1)/3 + shift
		y := p.Year()
		for q < 0 {
			q += 4
			y--
		}
		for q > 3 {
			q -= 4
			y++
		}
		e.value = fmt.Sprintf("%04d-Q%d", y, q+1)
	case Decade:
		e.value = strconv.Itoa(p.Year()/10 + shift)
	case Season:
		e.value = s.season(s.t.seasons[w], shift)
	}
	return e, true
}

// season returns the season code's value relative to the publication
// date: shift 0 is this one (the coming one if it is not the current),
// -1 the last before the current, +1 the next after it.
func (s *scanner) season(code string, shift int) string {
	p := s.pub
	// The season the publication date is in, as (year, index).
	m := int(p.Month())
	cy, ci := p.Year(), 0
	switch {
	case m >= 3 && m <= 5:
		ci = 0
	case m >= 6 && m <= 8:
		ci = 1
	case m >= 9 && m <= 11:
		ci = 2
	default:
		ci = 3
		if m <= 2 {
			cy--
		}
	}
	cur := cy*4 + ci
	want := strings.Index("SPSUFAWI", code) / 2
	// Candidates: the nearest with this code at or after cur, or before.
	next := cur + (want-ci+4)%4
	switch {
	case shift < 0:
		prev := next
		if prev >= cur {
			prev -= 4
		}
		next = prev
	case shift > 0:
		if next == cur {
			next += 4
		}
	}
	return fmt.Sprintf("%04d-%s", next/4, code)
}

// bounds returns the first and last day of a resolved period.
func (s *scanner) bounds(e expr) (string, string) {
	p := s.pub
	switch e.gran {
	case Week:
		wd := (int(p.Weekday()) + 6) % 7
		mon := p.AddDate(0, 0, -wd)
		return mon.Format("2006-01-02"), mon.AddDate(0, 0, 6).Format("2006-01-02")
	case Month:
		first := date(p.Year(), p.Month(), 1)
		return first.Format("2006-01-02"), first.AddDate(0, 1, -1).Format("2006-01-02")
	default:
		return fmt.Sprintf("%04d-01-01", p.Year()), fmt.Sprintf("%04d-12-31", p.Year())
	}
}

// the reads expressions that start with "the".
func (s *scanner) the(i int, fut, past bool) (expr, bool) {
	w := s.Low(i + 1)
	switch w {
	case "end", "start", "beginning", "middle", "close", "turn":
		if s.Low(i+2) != "of" {
			return expr{}, false
		}
		mod := edgeMod(w)
		k := i + 3
		var e expr
		var ok bool
		switch s.Low(k) {
		case "the", "this":
			e, ok = s.period(k+1, 0)
		case "next":
			e, ok = s.period(k+1, 1)
		case "last":
			e, ok = s.period(k+1, -1)
		default:
			e, ok = s.core(k, "")
			if ok && e.gran == Duration {
				ok = false
			}
			if !ok {
				return expr{}, false
			}
			if m, isMonth := s.month(k); isMonth && !fut && !past && s.hasPub && e.gran == Month {
				_ = m // a bare month after "the end of" looks ahead when the sentence does
			}
		}
		if !ok {
			return expr{}, false
		}
		e.mod = mod
		return e, true
	case "past", "last", "next", "coming", "previous", "following":
		if e, ok := s.duration(i + 2); ok {
			return e, true
		}
		u, ok := s.t.units[s.Low(i+2)]
		if !ok || u.code != 'D' && u.code != 'W' && u.code != 'M' && u.code != 'Y' {
			break
		}
		if w == "past" || w == "last" || w == "coming" {
			if w == "last" && s.Low(i+3) == "of" {
				return expr{}, false
			}
			n := 1
			if strings.HasSuffix(s.Low(i+2), "s") {
				n = -1 // "the coming weeks"
			}
			return expr{end: i + 3, value: durationValue(n, u), gran: Duration}, true
		}
		// "the next day", "the following week", "the previous day"
		n := 1
		if w == "previous" {
			n = -1
		}
		return s.anchored(i+3, n, u), true
	case "day":
		// "the day before", "the day after"
		switch s.Low(i + 2) {
		case "before":
			return s.anchored(i+3, -1, unit{'D', 1}), true
		case "after":
			return s.anchored(i+3, 1, unit{'D', 1}), true
		}
	case "spring", "summer", "autumn", "fall", "winter":
		if y, end, ok := s.yearAfter(i + 2); ok && s.Low(i+2) == "of" {
			return expr{end: end, value: fmt.Sprintf("%04d-%s", y, s.t.seasons[w]), gran: Season}, true
		}
		if w == "fall" || s.Low(i+2) == "of" {
			return expr{}, false
		}
		if !fut && !past && !s.t.durCtx[s.Low(i-1)] && s.Low(i-1) != "in" && s.Low(i-1) != "during" {
			return expr{}, false
		}
		e := expr{end: i + 2, gran: Season, relative: true}
		if !s.hasPub {
			e.unres = true
			return e, true
		}
		shift := -1
		if fut || s.future(i) {
			shift = 1
		}
		// "the autumn" when it is autumn now is this one.
		cur := s.season(s.t.seasons[w], 0)
		if cur[5:] == s.t.seasons[w] && s.inSeason(s.t.seasons[w]) {
			e.value = cur
		} else {
			e.value = s.season(s.t.seasons[w], shift)
		}
		return e, true
	}
	if s.IsNum(i + 1) {
		// "the 1970s", "the 3rd of October"
		if d, end, ok := s.dayAt(i + 1); ok && s.Low(end) == "of" {
			if m, ok := s.month(end + 1); ok {
				return s.dayMonth(end+2, d, m, fut, past), true
			}
		}
		if y, ok := s.yearAt(i + 1); ok && s.Touch(i+1) && s.Low(i+2) == "s" && y%10 == 0 {
			return expr{end: i + 3, value: strconv.Itoa(y / 10), gran: Decade}, true
		}
	}
	if q, ok := s.t.ordinals[w]; ok && s.Low(i+2) == "quarter" {
		k := i + 3
		if y, end, ok := s.yearAfter(k); ok {
			return expr{end: end, value: fmt.Sprintf("%04d-Q%d", y, q), gran: Quarter}, true
		}
		if s.Low(k) == "of" && (s.Low(k+1) == "this" || s.Low(k+1) == "the") && s.Low(k+2) == "year" {
			if !s.hasPub {
				return expr{end: k + 3, gran: Quarter, relative: true, unres: true}, true
			}
			return expr{end: k + 3, value: fmt.Sprintf("%04d-Q%d", s.pub.Year(), q), gran: Quarter, relative: true}, true
		}
	}
	return expr{}, false
}

// inSeason reports whether the publication date is in the season.
func (s *scanner) inSeason(code string) bool {
	m := s.pub.Month()
	switch code {
	case "SP":
		return m >= 3 && m <= 5
	case "SU":
		return m >= 6 && m <= 8
	case "FA":
		return m >= 9 && m <= 11
	}
	return m == 12 || m <= 2
}

// anchored is an offset from the last resolved date in the text.
func (s *scanner) anchored(end, n int, u unit) expr {
	e := expr{end: end, gran: granOf(u), relative: true}
	if !s.hasAnchor {
		e.unres = true
		return e
	}
	d := addUnits(s.anchor, n, u)
	e.value = formatAt(d, e.gran)
	if e.gran == Day {
		e.day, e.hasDay = d, true
	}
	return e
}

func granOf(u unit) string {
	switch u.code {
	case 'D':
		return Day
	case 'W':
		return Week
	case 'M':
		return Month
	}
	return Year
}

func addUnits(d time.Time, n int, u unit) time.Time {
	n *= u.mult
	switch u.code {
	case 'D':
		return d.AddDate(0, 0, n)
	case 'W':
		return d.AddDate(0, 0, 7*n)
	case 'M':
		return d.AddDate(0, n, 0)
	}
	return d.AddDate(n, 0, 0)
}

func formatAt(d time.Time, gran string) string {
	switch gran {
	case Day:
		return d.Format("2006-01-02")
	case Week:
		y, w := d.ISOWeek()
		return fmt.Sprintf("%04d-W%02d", y, w)
	case Month:
		return d.Format("2006-01")
	}
	return strconv.Itoa(d.Year())
}

// mid reads a "mid-2024" or "mid-October" token.
func (s *scanner) mid(i int) (expr, bool) {
	rest := s.Low(i)[4:]
	if y, err := strconv.Atoi(rest); err == nil && len(rest) == 4 {
		return expr{end: i + 1, value: rest, gran: Year, mod: "mid"}, y > 0
	}
	if m, ok := s.t.months[rest]; ok {
		e := s.monthOnly(i+1, m, s.future(i), false)
		e.mod = "mid"
		return e, true
	}
	return expr{}, false
}

// monthDate reads an expression starting with a month name at i:
// "October 3", "October 3, 2024", "October 2024", "October".
func (s *scanner) monthDate(i int, m time.Month, fut, past bool) (expr, bool) {
	k := i + 1
	if d, end, ok := s.dayAt(k); ok && !(s.Touch(k) && s.Tok(end) == ":") {
		y := end
		if s.Tok(y) == "," {
			y++
		}
		if yr, ok := s.yearAt(y); ok {
			t := date(yr, m, d)
			return expr{end: y + 1, value: t.Format("2006-01-02"), gran: Day, day: t, hasDay: true}, true
		}
		return s.dayMonth(end, d, m, fut || s.future(i), past), true
	}
	if yr, ok := s.yearAt(k); ok {
		return expr{end: k + 1, value: fmt.Sprintf("%04d-%02d", yr, m), gran: Month}, true
	}
	if s.Low(i) == "may" || s.Low(i) == "march" {
		// Capitalised "May" or "March" alone opens a sentence as often as it
		// names a month: only after a preposition or "early", "late".
		switch s.Low(i - 1) {
		case "in", "since", "by", "until", "till", "before", "after", "early", "late", "of", "from", "during", "last", "next", "this":
		default:
			return expr{}, false
		}
	}
	return s.monthOnly(k, m, fut || s.future(i), past), true
}

// soonAfter is how far after its report a day and month without a year
// or a cue of tense is still read as upcoming rather than last year's.
const soonAfter = 14 * 24 * time.Hour

// dayMonth resolves a day and month without a year.
func (s *scanner) dayMonth(end, d int, m time.Month, fut, past bool) expr {
	if yr, ok := s.yearAt(end); ok {
		t := date(yr, m, d)
		return expr{end: end + 1, value: t.Format("2006-01-02"), gran: Day, day: t, hasDay: true}
	}
	if !s.hasPub {
		return expr{end: end, gran: Day, relative: true, unres: true}
	}
	t := date(s.pub.Year(), m, d)
	if fut && !past {
		if t.Before(s.pub) {
			t = t.AddDate(1, 0, 0)
		}
	} else {
		// A date named without a cue of tense is the latest one up to
		// the report, or within days after it ("talks on February 16" in
		// a report of 14 February, "New Year" in one of 20 December):
		// that one is upcoming, not last year's.
		limit := s.pub
		if !past {
			limit = s.pub.Add(soonAfter)
		}
		if t.After(limit) {
			t = t.AddDate(-1, 0, 0)
		} else if next := t.AddDate(1, 0, 0); !next.After(limit) {
			t = next
		}
	}
	return expr{end: end, value: t.Format("2006-01-02"), gran: Day, relative: true, day: t, hasDay: true}
}

// monthOnly resolves a month without a year.
func (s *scanner) monthOnly(end int, m time.Month, fut, past bool) expr {
	if !s.hasPub {
		return expr{end: end, gran: Month, relative: true, unres: true}
	}
	y := s.pub.Year()
	if fut && !past && m < s.pub.Month() {
		y++
	} else if (!fut || past) && m > s.pub.Month() {
		y--
	}
	return expr{end: end, value: fmt.Sprintf("%04d-%02d", y, m), gran: Month, relative: true}
}

// number reads an expression that starts with a number token: "3
// October", "2023", "2022-23", "the 1990s" (without "the"), "three
// years" in digits, "3 days ago".
func (s *scanner) number(i int, fut, past bool) (expr, bool) {
	if d, end, ok := s.dayAt(i); ok {
		if m, ok := s.month(end); ok {
			return s.dayMonth(end+1, d, m, fut || s.future(i), past), true
		}
	}
	if y, ok := s.yearAt(i); ok && y >= 1900 && y < 2100 && s.Tok(i) == strconv.Itoa(y) {
		if s.Touch(i) && s.Low(i+1) == "s" && y%10 == 0 {
			return expr{end: i + 2, value: strconv.Itoa(y / 10), gran: Decade}, true
		}
		if s.Touch(i) && (s.Tok(i+1) == "-" || s.Tok(i+1) == "–" || s.Tok(i+1) == "/") && s.IsNum(i+2) && s.Touch(i+1) {
			if y2, ok := s.intAt(i + 2); ok {
				switch {
				case len(s.Tok(i+2)) == 2:
					y2 += y / 100 * 100
				case len(s.Tok(i+2)) != 4:
					y2 = 0
				}
				if y2 > y && y2 < y+100 {
					return expr{end: i + 3, value: fmt.Sprintf("%04d/%04d", y, y2), gran: Interval}, true
				}
			}
			if s.Tok(i+1) == "/" {
				return expr{}, false
			}
		}
		if s.countAfter(i) {
			return expr{}, false
		}
		if prev := s.Low(i - 1); s.IsWord(i-1) && !s.t.yearCtx[prev] && s.t.units[s.Low(i+1)].code == 0 {
			// A bare four-digit number after a verb or noun ("killed 2000")
			// is a year only before a capital or punctuation.
			if s.IsWord(i+1) && !s.Capitalised(i+1) {
				return expr{}, false
			}
		}
		return expr{end: i + 1, value: strconv.Itoa(y), gran: Year}, true
	}
	if e, ok := s.offset(i); ok {
		return e, true
	}
	return s.duration(i)
}

// countAfter reports whether a plural noun follows the number at i, so
// that it counts something rather than naming a year.
func (s *scanner) countAfter(i int) bool {
	for k := i + 1; k < i+4 && s.IsWord(k); k++ {
		w := s.Low(k)
		if s.t.stop[w] {
			return true
		}
		if !s.Capitalised(k) {
			return false
		}
	}
	return false
}

// count reads a small count at i, in digits or words, and returns it and
// the index after it; -1 for a vague count ("several").
func (s *scanner) count(i int) (int, int, bool) {
	if s.IsNum(i) {
		n, ok := s.intAt(i)
		return n, i + 1, ok && n > 0 && n < 1000
	}
	w := s.Low(i)
	if n, ok := s.t.numbers[w]; ok {
		if w == "a" || w == "an" {
			if s.Low(i+1) == "few" || s.Low(i+1) == "couple" {
				k := i + 2
				if s.Low(k) == "of" {
					k++
				}
				return -1, k, true
			}
		}
		if w == "couple" || w == "few" {
			return 0, 0, false
		}
		// "twenty five", "twenty-five" are handled by the hyphen branch.
		if n >= 20 && n%10 == 0 {
			if m, ok := s.t.numbers[s.Low(i+1)]; ok && m > 0 && m < 10 {
				return n + m, i + 2, true
			}
		}
		return n, i + 1, true
	}
	return 0, 0, false
}

// unitAt reads a time unit at i: "years", or the tail of "three-year".
func (s *scanner) unitAt(i int) (unit, bool) {
	u, ok := s.t.units[s.Low(i)]
	return u, ok
}

// duration reads "three years", "six weeks", "a three-year war",
// "three-year", "2-year", "two-hour", "24 hours".
func (s *scanner) duration(i int) (expr, bool) {
	w := s.Low(i)
	// One hyphenated token: "three-year", "twenty-four-hour".
	if h := strings.LastIndexByte(w, '-'); h > 0 && s.IsWord(i) {
		head, tail := w[:h], w[h+1:]
		if strings.HasSuffix(tail, "old") || strings.HasSuffix(w, "-old") {
			return expr{}, false
		}
		u, ok := s.t.units[tail]
		if !ok {
			if j := strings.IndexByte(head, '-'); j > 0 && (strings.HasSuffix(w, "-long")) {
				u, ok = s.t.units[head[j+1:]]
				head = head[:j]
			}
			if !ok {
				return expr{}, false
			}
		}
		n := wordNumber(s.t, head)
		if n <= 0 {
			return expr{}, false
		}
		return expr{end: i + 1, value: durationValue(n, u), gran: Duration}, true
	}
	n, k, ok := s.count(i)
	if !ok {
		return expr{}, false
	}
	// "2-year", "3-day" in digits.
	if s.Touch(k-1) && s.Tok(k) == "-" && s.Touch(k) {
		tail := s.Low(k + 1)
		if strings.HasSuffix(tail, "-old") || s.Low(k+2) == "old" {
			return expr{}, false
		}
		if u, ok := s.t.units[tail]; ok {
			return expr{end: k + 2, value: durationValue(n, u), gran: Duration}, true
		}
		return expr{}, false
	}
	u, ok := s.unitAt(k)
	if !ok || s.Low(k+1) == "old" || strings.HasPrefix(s.Low(k+1), "-old") {
		return expr{}, false
	}
	if w == "a" || w == "an" || n == 1 && !s.IsNum(i) {
		// "a year" is a duration only in a duration's context.
		if !s.t.durCtx[s.Low(i-1)] && s.Low(i-1) != "the" {
			return expr{}, false
		}
	}
	end := k + 1
	if s.Tok(end) == "-" && s.Low(end+1) == "old" {
		return expr{}, false
	}
	return expr{end: end, value: durationValue(n, u), gran: Duration}, true
}

// offset reads "two days later", "three weeks ago", "a year earlier".
func (s *scanner) offset(i int) (expr, bool) {
	n, k, ok := s.count(i)
	if !ok || n < 0 {
		return expr{}, false
	}
	u, ok := s.unitAt(k)
	if !ok || u.code == 'H' || u.code == 'N' {
		return expr{}, false
	}
	switch s.Low(k + 1) {
	case "ago":
		e := expr{end: k + 2, gran: granOf(u), relative: true}
		if !s.hasPub {
			e.unres = true
			return e, true
		}
		d := addUnits(s.pub, -n, u)
		e.value = formatAt(d, e.gran)
		if e.gran == Day {
			e.day, e.hasDay = d, true
		}
		return e, true
	case "later", "after":
		if s.Low(k+1) == "after" && s.IsWord(k+2) && !s.t.stop[s.Low(k+2)] {
			return expr{}, false // "two days after the strike": relative to an event
		}
		return s.anchored(k+2, n, u), true
	case "earlier", "before":
		if s.Low(k+1) == "before" && s.IsWord(k+2) {
			return expr{}, false
		}
		return s.anchored(k+2, -n, u), true
	}
	return expr{}, false
}

// wordNumber reads a number in words or digits: "three", "twenty-four", "24".
func wordNumber(t *tables, w string) int {
	if n, err := strconv.Atoi(w); err == nil {
		return n
	}
	if n, ok := t.numbers[w]; ok && n > 0 && w != "a" && w != "an" {
		return n
	}
	if h := strings.IndexByte(w, '-'); h > 0 {
		a, b := t.numbers[w[:h]], t.numbers[w[h+1:]]
		if a >= 20 && a%10 == 0 && b > 0 && b < 10 {
			return a + b
		}
	}
	return 0
}

// durationValue formats an ISO 8601 duration; n < 0 is vague (X).
func durationValue(n int, u unit) string {
	num := "X"
	if n >= 0 {
		num = strconv.Itoa(n * u.mult)
	}
	switch u.code {
	case 'H':
		return "PT" + num + "H"
	case 'N':
		return "PT" + num + "M"
	}
	return "P" + num + string(u.code)
}

// edgeMod names the part of a period a word points to: "start", "mid"
// or "end".
func edgeMod(w string) string {
	switch w {
	case "early", "start", "beginning", "turn":
		return "start"
	case "mid", "middle":
		return "mid"
	}
	return "end"
}
