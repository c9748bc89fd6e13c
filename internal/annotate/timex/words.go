package timex

import (
	"sync"
	"time"

	"sitrep/internal/annotate/tokens"
)

// Granularities, the values of news.TimeExpr.Granularity.
const (
	Day      = "day"
	Week     = "week"
	Weekend  = "weekend"
	Month    = "month"
	Quarter  = "quarter"
	Season   = "season"
	Year     = "year"
	Decade   = "decade"
	Interval = "interval"
	Duration = "duration"
)

// unit is a calendar unit a duration or offset counts in.
type unit struct {
	code byte // Y M W D for the date part, H N (minutes) for the time part
	mult int  // a decade is 10 years, a fortnight 2 weeks
}

// tables holds the word lists of the scanner; built once, then only read.
type tables struct {
	weekdays map[string]time.Weekday
	months   map[string]time.Month
	units    map[string]unit
	numbers  map[string]int
	ordinals map[string]int
	seasons  map[string]string
	future   map[string]bool
	futureTo map[string]bool // future cues only before "to" or "for": "going to", not "going back"
	// possessives and "the" (after any word but datePreps) before a date
	// make it part of an event's name: "the group's October 7 attack".
	possessives, datePreps map[string]bool
	// pastEvents are events named only after they happen.
	pastEvents map[string]bool
	preps      map[string]bool
	approx     map[string]string
	yearCtx    map[string]bool
	durCtx     map[string]bool // words before "a year", "a week" that make it a duration
	stop       map[string]bool // words that show a number counts something else
	// starts holds every lower-case word an expression may begin with;
	// a word not in it is passed over after one lookup.
	starts map[string]bool
}

var loadTables = sync.OnceValue(buildTables)

// set is the one word-list helper of the stages.
var set = tokens.Set

func buildTables() *tables {
	t := &tables{
		weekdays: map[string]time.Weekday{
			"monday": time.Monday, "tuesday": time.Tuesday, "wednesday": time.Wednesday,
			"thursday": time.Thursday, "friday": time.Friday, "saturday": time.Saturday,
			"sunday": time.Sunday,
		},
		months: map[string]time.Month{},
		units: map[string]unit{
			"year": {'Y', 1}, "years": {'Y', 1}, "yr": {'Y', 1}, "yrs": {'Y', 1},
			"month": {'M', 1}, "months": {'M', 1},
			"week": {'W', 1}, "weeks": {'W', 1}, "fortnight": {'W', 2}, "fortnights": {'W', 2},
			"day": {'D', 1}, "days": {'D', 1}, "night": {'D', 1}, "nights": {'D', 1},
			"decade": {'Y', 10}, "decades": {'Y', 10}, "century": {'Y', 100}, "centuries": {'Y', 100},
			"hour": {'H', 1}, "hours": {'H', 1}, "minute": {'N', 1}, "minutes": {'N', 1},
		},
		// Counts of units ("two weeks") from one up; -1 is some.
		numbers: map[string]int{"hundred": 100, "a": 1, "an": 1, "several": -1, "few": -1, "couple": 2},
		// Ordinals of weeks and quarters, first to fourth.
		ordinals: map[string]int{"1st": 1, "2nd": 2, "3rd": 3, "4th": 4},
		seasons: map[string]string{
			"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI",
		},
		future: set(`will 'll shall due scheduled expected expects expect plans plan planned planning
			set upcoming going intends intend intended aims aim hopes hope would promised pledged
			vowed coming next`),
		futureTo: set(`going set due scheduled plans plan planned planning intends intend intended aims aim
			hopes hope`),
		preps:       set(`since by until till before after from`),
		possessives: set(`'s ’s ' ’ its their his her our`),
		datePreps:   set(`on by until till before after from since of in at`),
		pastEvents:  set(`attack attacks massacre invasion bombing bombings raid assault strike strikes shooting explosion blast crash killings`),
		approx: map[string]string{
			"nearly": "approx", "almost": "approx", "about": "approx", "around": "approx",
			"roughly": "approx", "some": "approx", "approximately": "approx",
			"over": "more_than", "more than": "more_than", "at least": "more_than",
			"less than": "less_than", "under": "less_than", "up to": "less_than",
		},
		yearCtx: set(`in since by from until till through during before after of the 's ' early late
			mid and to between © copyright year spring summer autumn fall winter end start
			beginning middle ,`),
		durCtx: set(`for within over nearly almost about than past last next half`),
		stop: set(`troops soldiers people men women civilians vehicles tanks missiles drones
			shells rounds dollars euros households`),
	}
	for w, v := range tokens.Cardinals {
		if v > 0 {
			t.numbers[w] = v
		}
	}
	for w, v := range tokens.Ordinals {
		if v <= 4 {
			t.ordinals[w] = v
		}
	}
	for i, n := range tokens.MonthNames {
		m := time.Month(i + 1)
		t.months[n] = m
		t.months[n[:3]] = m
		t.months[n[:3]+"."] = m
	}
	t.months["sept"] = time.September
	t.months["sept."] = time.September
	t.starts = set(`more less at up today tonight yesterday tomorrow last this next past coming final
		earlier later current the early late mid christmas xmas new year yr year-end q1 q2 q3 q4
		half for in fall`)
	for w := range t.preps {
		t.starts[w] = true
	}
	for w := range t.approx {
		t.starts[w] = true
	}
	for w := range t.weekdays {
		t.starts[w] = true
	}
	for w := range t.months {
		t.starts[w] = true
	}
	for w := range t.seasons {
		t.starts[w] = true
	}
	for w := range t.numbers {
		t.starts[w] = true
	}
	return t
}
