// Package sentence writes the token and sentence layers of an article:
// news.Article.Tokens and news.Article.Sentences, as byte spans into
// news.Article.Text.
//
// # Tokens
//
// [Tokenize] covers every non-space rune of the text with exactly one
// token, in order. Its decisions, chosen with later stages in mind:
//
//   - Words are runs of letters, marks and digits that start with a
//     letter ("G7", "MH17"). Inner hyphens join compounds whose parts
//     start with a letter or digit ("front-line", "Jong-un", "F-16",
//     "COVID-19").
//   - English clitics are split as in Penn and Universal Dependencies, so
//     that taggers trained on CoNLL or UD see the tokens they expect:
//     "Russia’s" is "Russia" + "’s", "don't" is "do" + "n't", "they're" is
//     "they" + "'re". Other inner apostrophes stay inside the word
//     ("O'Brien"). A trailing possessive apostrophe ("soldiers’") is
//     punctuation.
//   - Numbers start with a digit and may carry thousands separators and
//     one decimal point: "3,000", "1.3", "12,000.5". Groups separated by a
//     no-break, narrow no-break or thin space are joined ("10 000" written
//     with U+00A0 or U+202F); groups separated by an ordinary space are not,
//     because "in 2022 100 people" is as likely as "10 000". A number never
//     swallows letters or a hyphen: "$90m" is "$" "90" "m", "1.5bn" is
//     "1.5" "bn", "3,000-man" is "3,000" "-" "man", "155mm" is "155" "mm".
//     The pieces touch (no gap between spans), so the quantity stage can
//     glue currency, number and multiplier back together.
//   - Abbreviations keep their period: known titles and abbreviations
//     ("Gen.", "Mr.", "St.", "etc.", "Jan."), letter-period sequences
//     ("U.S.", "e.g.", "a.m.", "Ph.D."), and single capital initials
//     ("J."). "No.", "Nos.", "Fig.", "Vol." and "Art." keep it only before
//     a number. "U.S.-backed" is one word.
//   - URLs ("https://…", "www.…", "example.com/path") and e-mail addresses
//     are one word, without trailing punctuation.
//   - Everything else is punctuation, one rune per token, except runs of
//     terminal punctuation ("...", "?!") and runs of hyphens ("--"), which
//     are one token each. Invalid UTF-8 bytes are one-byte punctuation
//     tokens.
//
// # Sentences
//
// [Split] groups tokens into sentences. A sentence ends at . ! ? or …
// (with any closing quotes and brackets that follow it directly) when
// whitespace and a token that does not start with a lower-case letter or
// continuing punctuation follow. Abbreviations decide for themselves:
// titles ("Gen.", "St.") never end a sentence; months end one unless a
// number follows; acronyms ("U.S.") and initials end one only before a
// word that typically opens a sentence ("The", "He", "But" …), so
// "U.S. President" stays together while "in the U.S. The" splits.
// A blank line always ends a sentence; a single line break ends one when
// the line before is short, has no terminal punctuation, does not end in
// a comma or a function word, and the next line starts with a capital, a
// digit or a quote — headlines and bylines do not glue to the first
// sentence, while hard-wrapped paragraphs stay whole.
//
// Extraction sometimes loses the white space between two sentences or
// blocks. A period, ! or ? between a lower-case word and a capitalised one
// ("attendance.The") is decided as if a space followed it; a lower-case
// word of three or more letters glued to a capitalised one ("deadNine",
// "Lavrov saysRussia's") is two tokens, and a sentence ends between them
// unless the first is a function word ("will haveLong-term").
package sentence
