package news

import "time"

// The global measure index (internal/link/measure) keeps every figure of
// every stored article under the measure it reports, across stories.
// These are the records the step and the stores exchange.

// MeasureFigure is one figure as the measure index keeps it: the figure
// itself with the facts about its article that the ledger reads (story,
// provenance family, outlet, publication time) and the sentence that
// states it.
type MeasureFigure struct {
	// Measure is the ID of the figure's global measure.
	Measure string `json:"measure"`
	// Article is the article's ID; Index the figure's index in its
	// Figures.
	Article   string    `json:"article"`
	Index     int       `json:"index"`
	Story     string    `json:"story,omitempty"`
	Family    string    `json:"family,omitempty"`
	Outlet    string    `json:"outlet,omitempty"`
	Published time.Time `json:"published,omitzero"`
	// Sentence is the text of the sentence stating the figure.
	Sentence string `json:"sentence,omitempty"`
	Figure   Figure `json:"figure"`
	// Low and High bound the number the figure states (ledger.Near);
	// NaN when it states none (a vague count).
	Low  float64 `json:"-"`
	High float64 `json:"-"`
}

// MeasureDef is a global measure: its ID (derived from its key), its key
// (Figure.Measure), what a reader is shown of it, and the structured
// fields of the figure that started it (Figure.What …).
type MeasureDef struct {
	ID    string `json:"id"`
	Key   string `json:"key"`
	Label string `json:"label"`
	Unit  string `json:"unit,omitempty"`
	What  string `json:"what,omitempty"`
	Owner string `json:"owner,omitempty"`
	Fate  string `json:"fate,omitempty"`
	Place string `json:"place,omitempty"`
	Scope string `json:"scope,omitempty"`
}

// MeasureQuery asks the measure index for the measures of one kind
// (What and Scope) that hold a figure whose number (MeasureFigure.Low,
// High) overlaps [Low, High].
type MeasureQuery struct {
	What, Scope string
	Low, High   float64
}

// MeasureRecord is what the measure step stores for one article: its
// figures, each under its measure, and the measures they report. It
// replaces whatever was stored for the article before.
type MeasureRecord struct {
	Article  string
	Measures []MeasureDef
	Figures  []MeasureFigure
}

// MeasureSummary is one global measure in a listing: its definition and
// counts over every stored figure that reports it. First and Last are the
// first dates of the times its figures refer to ("" when none has one).
// Values and SpeakerNames show the first MaxMeasureListed distinct values
// (as written) and speakers, in the order of the figures' times.
type MeasureSummary struct {
	MeasureDef
	Figures      int      `json:"figures"`
	Articles     int      `json:"articles"`
	Stories      int      `json:"stories"`
	Speakers     int      `json:"speakers"`
	First        string   `json:"first,omitempty"`
	Last         string   `json:"last,omitempty"`
	Values       []string `json:"values"`
	SpeakerNames []string `json:"speaker_names"`
}

// MaxMeasureListed bounds MeasureSummary.Values and SpeakerNames.
const MaxMeasureListed = 8

// MaxMeasureFigures bounds the figures read for one measure, so that
// reading a measure costs the same however many reports it has.
const MaxMeasureFigures = 5000

// MeasurePage is one page of measures and where the next page starts
// (nil at the end).
type MeasurePage struct {
	Measures []MeasureSummary `json:"measures"`
	Next     *MeasureCursor   `json:"next,omitempty"`
}

// MeasureCursor is a place in the list of measures (most articles first,
// then by ID): the measures after the one with ID and Articles. The zero
// value is the start.
type MeasureCursor struct {
	Articles int    `json:"articles"`
	ID       string `json:"id"`
}
