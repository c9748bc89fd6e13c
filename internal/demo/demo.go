// Package demo embeds sitrep's demonstration corpus and the truth about it,
// for the demo command and for end-to-end golden tests.
//
// # The corpus
//
// corpus/articles.jsonl holds 15 short reports, one JSON object a line,
// about one fictional crisis: the state of Kazhar (capital Tarsk) sends
// troops to help its ally Veldana (capital Velgrad) in Veldana's war
// against Lisvania (capital Dorovets, President Danylo Korinsky, also
// spelled Korinskyi). Oskaria, Kazhar's neighbour, first reports the
// deployment; the Meridian Alliance, Norhaven and a think tank comment on
// it; the wire agency Consolidated Press carries the main report. Two
// smaller stories in the same war, a missile strike on the Solvik power
// plant and a donor conference for Lisvania's grid, give story clustering
// more than one cluster. Every state, person, place and outlet is invented;
// only the European Union and the UN appear in passing. The reports run
// from 2031-03-10 to 2031-03-15; one has no date.
//
// A line has "key" (unique slug), "url", and optionally "outlet", "title",
// "author", "published" (RFC 3339), then either "text" (paragraphs split
// by blank lines, or shaped like a raw page: headline or byline first,
// hard-wrapped lines, a signature, trailing boilerplate) or "html" (a
// full page). The raw-shaped text reports and the HTML pages leave
// outlet, title and author out, so the extract stage has to find them.
//
// The provenance mix: one original wire report (cp-wire), a verbatim
// republication, a partial copy (new headline, one-line intro, last
// paragraph dropped), a rewrite that declares "Original Source: …", a short
// summary, a synonym-spun copy ("troopers", "entrance line", "Merged
// Press", "Linden Home"), an AI-padded filler page ending "Exit mobile
// version", an opinion blog post with a comment-widget tail, an analysis
// signed "analysis@Kestrel News", and original reports from other days.
//
// # expected.json
//
// corpus/expected.json is the truth, decoded by [LoadTruth] into [Truth]:
//
//	{"articles": [{"key", "outlet", "title", "author", "declared_source",
//	               "provenance": {"kind", "of"}, "story"}],
//	 "figures": [{"article", "text", "value", "low", "high", "approx",
//	              "unit", "counts", "measure", "speaker", "hedge", "time"}],
//	 "contradictions": [{"measure", "articles", "note"}],
//	 "entities": [{"canonical", "type", "aliases", "demonyms"}],
//	 "stories": [{"slug", "articles"}],
//	 "events": [{"article", "type", "trigger", "context"}]}
//
// Articles: outlet, title and author are what a careful reader would
// name, whether or not the JSONL line carries them ("" when the report has
// none, such as a headline-less blog post); declared_source is the origin
// the report itself names; provenance.kind is one of the Kind constants
// and provenance.of is the key of the report it derives from ("" for
// original, opinion and filler); story is the slug of its story.
//
// Figures: every quantity in the body of each original-content report
// (kind original or opinion) about troops, money, casualties, weapons,
// households and shares. Copies, partial copies, rewrites, summaries,
// spun copies and filler are left out: they only repeat their source's
// figures. Headlines, dates, times of day, durations, distances, calibres
// and counts of sources ("two diplomats") are not figures. Text is the
// figure exactly as it appears in the body, approximator and currency or
// percent sign included but the counted noun left out ("some 2,000",
// "$250m", "less than 2 percent", "six"). Value is the number in base
// units ($250m is 250000000), null for ranges and vague amounts; low and
// high bound a range. Approx is one of the Approx constants. Unit is what
// is counted in short (troops, USD, EUR, percent, people, households);
// counts says it in full; measure is a normalised key shared by every
// figure for the same quantity, so figures from different reports and
// speakers can be compared. Speaker is the canonical name of the entity
// the report attributes the figure to (a person when one is named, else
// the body or state), or the outlet itself when the report gives no
// source. Hedge is the word that marks uncertainty or modality ("some",
// "about", "expected", "estimates"), else "". Time is the date the
// speaker gave the figure, which for a figure restated from an earlier
// report is earlier than the report's own date.
//
// Contradictions: two speakers giving incompatible figures for the same
// measure on the same day, with the reports that carry them.
//
// Entities: every person, organisation, place and state the corpus
// names, with every surface form used for it (mangled forms from the spun
// copy included) and, for states, the demonyms.
//
// Stories: each story's slug and the keys of its reports.
//
// Claims: every attributed statement in the original and opinion reports,
// in text order. Speaker is who the report says makes it, by the
// entity's canonical name when the corpus has one (a metonym resolved:
// "Tarsk" is Kazhar, "Velgrad" is Veldana), else as described
// ("Oskarian officials"); a pronoun speaker is resolved to whom it refers.
// Cue is the reporting word or phrase exactly as written ("said", "told",
// "according to", "said in a statement", "was talking about"); Direct is
// true when the statement is a quotation in quotation marks (a quoted
// phrase inside reported speech is not); Context is a short phrase of the
// body, unique in the report, that holds the cue, so that the cue can be
// located. Statements in the outlet's own voice, passives with no agent
// ("are said to be based") and nominal claims ("rejecting claims by …")
// are not listed.
package demo

import (
	"bytes"
	_ "embed"
	"encoding/json"
	"fmt"
)

// Articles is the corpus: one JSON object per line.
//
//go:embed corpus/articles.jsonl
var Articles []byte

// Expected is the truth file for Articles; see the package comment.
//
//go:embed corpus/expected.json
var Expected []byte

// Provenance kinds.
const (
	KindOriginal    = "original"
	KindCopy        = "copy"
	KindPartialCopy = "partial_copy"
	KindRewrite     = "rewrite"
	KindSummary     = "summary"
	KindSpun        = "spun"
	KindFiller      = "filler"
	KindOpinion     = "opinion"
)

// Approximation kinds of a figure.
const (
	ApproxExact    = "exact"
	ApproxAbout    = "about"
	ApproxAtLeast  = "at_least"
	ApproxMoreThan = "more_than"
	ApproxAtMost   = "at_most"
	ApproxLessThan = "less_than"
	ApproxUpTo     = "up_to"
	ApproxRange    = "range"
	ApproxVague    = "vague"
)

// Truth is the decoded expected.json.
type Truth struct {
	Articles       []TruthArticle  `json:"articles"`
	Figures        []Figure        `json:"figures"`
	Contradictions []Contradiction `json:"contradictions"`
	Entities       []Entity        `json:"entities"`
	Stories        []Story         `json:"stories"`
	Events         []Event         `json:"events"`
	Claims         []Claim         `json:"claims"`
}

// TruthArticle is what is true of one report of the corpus.
type TruthArticle struct {
	Key            string     `json:"key"`
	Outlet         string     `json:"outlet"`
	Title          string     `json:"title"`
	Author         string     `json:"author"`
	DeclaredSource string     `json:"declared_source"`
	Provenance     Provenance `json:"provenance"`
	Story          string     `json:"story"`
}

// Provenance says how a report came about: Kind is one of the Kind
// constants and Of the key of the report it derives from, if any.
type Provenance struct {
	Kind string `json:"kind"`
	Of   string `json:"of"`
}

// Figure is one quantity stated in a report; see the package comment.
type Figure struct {
	Article string   `json:"article"`
	Text    string   `json:"text"`
	Value   *float64 `json:"value"`
	Low     *float64 `json:"low"`
	High    *float64 `json:"high"`
	Approx  string   `json:"approx"`
	Unit    string   `json:"unit"`
	Counts  string   `json:"counts"`
	Measure string   `json:"measure"`
	Speaker string   `json:"speaker"`
	Hedge   string   `json:"hedge"`
	Time    string   `json:"time"`
}

// Claim is one attributed statement in an original or opinion report;
// see the package comment.
type Claim struct {
	Article string `json:"article"`
	Speaker string `json:"speaker"`
	Cue     string `json:"cue"`
	Direct  bool   `json:"direct"`
	Context string `json:"context"`
}

// Contradiction names a measure on which reports carry incompatible
// figures from different speakers on the same day.
type Contradiction struct {
	Measure  string   `json:"measure"`
	Articles []string `json:"articles"`
	Note     string   `json:"note"`
}

// Entity is one actor or place with every name the corpus uses for it.
// Type is PER, ORG, LOC or GPE.
type Entity struct {
	Canonical string   `json:"canonical"`
	Type      string   `json:"type"`
	Aliases   []string `json:"aliases"`
	Demonyms  []string `json:"demonyms,omitempty"`
}

// Story is one story of the corpus and the keys of its reports.
type Story struct {
	Slug     string   `json:"slug"`
	Articles []string `json:"articles"`
}

// LoadTruth decodes Expected. Unknown fields are an error, so the file and
// the types cannot drift apart unnoticed.
func LoadTruth() (*Truth, error) {
	dec := json.NewDecoder(bytes.NewReader(Expected))
	dec.DisallowUnknownFields()
	var t Truth
	if err := dec.Decode(&t); err != nil {
		return nil, fmt.Errorf("demo: decoding expected.json: %w", err)
	}
	return &t, nil
}

// Article returns the truth about the report with the given key, or nil.
func (t *Truth) Article(key string) *TruthArticle {
	for i := range t.Articles {
		if t.Articles[i].Key == key {
			return &t.Articles[i]
		}
	}
	return nil
}

// Event is one event mention of an original-content report (kind
// original or opinion): its type (a news.Event type), its trigger word as
// written, and a phrase of the sentence stating it that locates it.
// Every sentence that states or refers to a specific event of a type is
// annotated once per type, denied and planned events included;
// hypotheticals ("if Tarsk can send soldiers") and generic statements are
// not.
type Event struct {
	Article string `json:"article"`
	Type    string `json:"type"`
	Trigger string `json:"trigger"`
	Context string `json:"context"`
}
