// Package quantity writes the quantity layer of an article,
// news.Article.Quantities: every number a reader meets in the text, with
// its value, its bounds and how approximate it is, and, for counts, the
// noun phrase it counts.
//
// The stage runs after the sentence stage and reads news.Article.Tokens;
// it never looks at the text except through token spans. It is a single
// left-to-right scanner over tokens with small closed word lists, not a
// cascade of regular expressions, and it runs in linear time.
//
// # What is found
//
//   - Numbers in digits ("3,000", "1.3", "10 000" with a no-break space,
//     "0.5") and in words ("six", "twenty-five", "one hundred and fifty",
//     "half a million", "a dozen", "two dozen"), with a scale ("1.3
//     million", "$90m", "1.5bn", "10k").
//   - Vague amounts: "hundreds", "thousands", "tens of thousands",
//     "several thousand", "a few", "a couple thousand", "1000's". Their
//     value is nil; Low holds the bound the words imply ("thousands" is at
//     least 2,000, "several thousand" at least 3,000).
//   - Money: a currency sign or ISO code before the number ("$", "€", "£",
//     "₴", "₽", "US$", "UAH", "EUR") or a currency word after it ("500
//     million euros", "1.2 trillion roubles"). Unit is the ISO 4217 code.
//   - Percentages ("1%", "1 percent", "1 per cent", spun "1 p.c") and
//     fractions ("a third of", "two-thirds of", "half of").
//   - Ranges and bounds: "12 to 20", "between 3,000 and 5,000",
//     "10,000-12,000", "two or three" (Approx "range", Value nil, Low and
//     High set); approximators before the number set Approx: "some",
//     "about", "around", "roughly", "an estimated" (about; "nearly" and
//     "almost" are about with High set), "as many as", "up to" (up_to),
//     "at least", "no fewer than" (at_least), "more than", "over",
//     "upwards of" (more_than), "no more than", "at most" (at_most), "less
//     than", "fewer than", "under" (less_than). Bounds set Low or High to
//     the number as well as Value.
//   - Measures: a number with a unit of length, mass, power or speed
//     ("155mm", "30 km", "20 tonnes") has kind "measure" and counts
//     nothing; when it modifies a noun ("155mm ordnance") that noun is in
//     Modifies.
//   - Compound modifiers: "a 3,000-man battalion" counts "man" and
//     modifies "battalion"; "a 1.3 million-strong army" counts the army's
//     strength (Counts and Modifies "army").
//   - Ordinals ("1st", "21st", "the second visit", "a third round") have
//     kind "ordinal". A spelled-out ordinal is taken only after a
//     determiner or possessive ("her second visit"), so "first reported"
//     is not one.
//
// # Counts
//
// Without a part-of-speech tagger, the counted noun phrase is read off the
// words after the number (and its scale or unit): capitalised words
// (nationalities, names of weapons), known adjectives, hyphenated
// compounds and nouns are taken; prepositions, verbs, pronouns,
// determiners, adverbs and punctuation stop the phrase, and a plural noun
// ends it. "of" after a vague or fractional amount leads to the phrase
// ("thousands of North Korean soldiers", "a third of its forces", "six of
// them"); "and" and "or" join pre-modifiers ("500 Patriot and AMRAAM
// missiles") but not two noun phrases. Leading comparatives ("500 more
// missiles", spun "500 extra missiles") are left out. Unit is the lemma
// of the head noun ("troops" → "troop", "people" → "person").
//
// # What is not a quantity
//
// Years ("in 2023", "the 2022 invasion", "© 2031"), decades ("the
// 1990s"), days of the month ("October 3", "3 October", "the 3rd of
// October"), clock times ("10:30", "8 a.m.", "0800 GMT"), durations and
// ages in time units ("three years", "a three-year war", "12-year-old";
// the timex layer owns durations), model numbers and codes ("F-16" is one
// token; "2S19", "3M22" are a number glued to letters), labels ("Article
// 5", "No. 10", "Boeing 737"), slashed numbers ("24/7", "10/3/2024") and
// phone numbers ("+44 20 7946 0958", "555-123-4567") are skipped.
package quantity
