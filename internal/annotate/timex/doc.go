// Package timex writes the time-expression layer of an article,
// news.Article.Times: dates, weeks, months, seasons, years, intervals and
// durations, each normalised to an ISO 8601 value resolved against the
// article's publication date.
//
// The stage runs after the sentence stage and reads news.Article.Tokens.
// Like the quantity stage it is one left-to-right scan over tokens with
// small word lists, linear in the length of the text.
//
// # Values
//
//   - day "2024-10-03", week "2024-W41", month "2024-06", quarter
//     "2024-Q3", season "2023-FA" (SP, SU, FA, WI; a winter belongs to the
//     year of its December), year "2024", decade "197" (the 1970s);
//   - interval "2024-01-01/2024-10-17" ("earlier this year"), "2022/2023"
//     ("2022-23");
//   - duration "P3Y", "P6W", "PT2H"; a vague duration ("for weeks") has X
//     for its number: "PXW".
//
// Granularity names the kind of value: day, week, weekend, month,
// quarter, season, year, decade, interval or duration.
//
// # Resolution
//
// Absolute expressions ("3 October 2024", "the fall of 2023", "2022")
// resolve without a publication date. Relative ones ("last week",
// "Tuesday", "in June", "October 3", "by Christmas", "earlier this
// year") need one; without it they are kept with Resolved false and an
// empty Value rather than guessed. An expression relative to another time
// in the text ("two days later", "the next day") takes the last resolved
// day-precise expression before it as its anchor.
//
// A weekday, a month or a date without a year is read as the most recent
// one on or before the publication date, as news reports mostly look
// back, unless the sentence before it looks ahead ("will", "is due to",
// "plans", "expected", "next") or a preposition does ("by", "until",
// "before"): then it is the next one on or after the publication date.
//
// # Text and Mod
//
// The span covers the expression and, when they change its meaning, the
// prepositions "since", "by", "until", "till", "before" and "after", which
// are also recorded in Mod ("since the fall of 2023": value "2023-FA",
// mod "since"). "on", "in", "at" and "during" are left out. "early",
// "mid", "late", "the start of", "the end of" set Mod to "start", "mid"
// or "end"; with a preposition Mod holds both ("by end" for "by the end
// of the year"). Approximators before a duration set Mod to "approx",
// "more_than" or "less_than" ("nearly three-year war": P3Y, approx).
//
// # Not supported
//
// Clock times ("at 08:30") are not time expressions here; holidays other
// than Christmas and New Year; fiscal years; "the weekend" without
// "this", "last" or "next"; times relative to events ("after the
// invasion").
package timex
