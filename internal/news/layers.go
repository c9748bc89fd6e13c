package news

// The annotation layers later stages add to an Article. Each layer's
// package owns the meaning of its fields; this file holds only their shape
// so that stages, the store, the link phase and the JSON share one
// vocabulary. Every span is a byte range in Article.Text.

// Quantity is a number found in the text with what it counts: the
// quantity layer (internal/annotate/quantity).
type Quantity struct {
	Span
	Text string `json:"text"`
	// Kind is one of cardinal, money, percent, fraction, ordinal, measure.
	Kind string `json:"kind"`
	// Value is the number, or nil for vague amounts ("hundreds").
	Value *float64 `json:"value"`
	// Low and High bound ranges and bounds ("between 3,000 and 5,000",
	// "more than 100"); nil when open.
	Low  *float64 `json:"low,omitempty"`
	High *float64 `json:"high,omitempty"`
	// Approx is one of exact, about, at_least, more_than, at_most,
	// less_than, up_to, range, vague.
	Approx string `json:"approx"`
	// Unit is an ISO 4217 currency code, "percent", a measure unit, or the
	// lemma of the counted noun ("troop").
	Unit string `json:"unit,omitempty"`
	// Counts is the noun phrase the number counts ("North Korean troops").
	Counts string `json:"counts,omitempty"`
	// CountsSpan is where Counts is in the text.
	CountsSpan *Span `json:"counts_span,omitempty"`
	// Modifies is the noun a compound modifier or measure attaches to:
	// "battalion" in "a 3,000-man battalion", "ordnance" in "155mm
	// ordnance".
	Modifies string `json:"modifies,omitempty"`
}

// TimeExpr is a time expression resolved against the publication date:
// the timex layer (internal/annotate/timex).
type TimeExpr struct {
	Span
	Text string `json:"text"`
	// Value is ISO 8601: a date, month, year, week, interval
	// ("2024-10-01/2024-10-31") or duration ("P3Y"); "" when unresolved.
	Value string `json:"value"`
	// Granularity is day, week, month, quarter, season, year, decade,
	// interval or duration.
	Granularity string `json:"granularity"`
	// Resolved is false for a relative expression with no anchor (no
	// publication date), whose Value is then empty.
	Resolved bool `json:"resolved"`
	// Mod qualifies Value: "since", "by", "until", "before", "after"
	// from a preposition that changes what the expression means; "start",
	// "mid", "end" for "early 2024", "mid-October", "the end of the
	// year"; "approx", "less_than", "more_than" for a duration ("nearly
	// three years").
	Mod string `json:"mod,omitempty"`
}

// Mention is a named-entity mention: the entity layer
// (internal/annotate/entity), linked to a canonical entity.
type Mention struct {
	Span
	Text string `json:"text"`
	// Type is PER, ORG, LOC, MISC, or GPE for a state actor.
	Type string `json:"type"`
	// Entity is the stable ID of the canonical entity; "" when the mention
	// is ambiguous and left unlinked.
	Entity string `json:"entity,omitempty"`
	// Canonical is the entity's display name.
	Canonical string `json:"canonical,omitempty"`
	// Kind says how the mention names its entity: "name" (a proper
	// name), "acronym", "demonym" ("North Korean", linked to its
	// country), or "role" (a description such as "the Ukrainian
	// president", resolved to the office holder).
	Kind string `json:"kind,omitempty"`
}

// Provenance is an article's derivation verdict: the link phase's
// provenance step (internal/link/provenance).
type Provenance struct {
	// Kind is one of original, copy, partial_copy, revision, rewrite,
	// summary, spun, translation, filler, opinion.
	Kind string `json:"kind"`
	// Of is the ID of the article this one derives from, when stored.
	Of string `json:"of,omitempty"`
	// DeclaredSource is the source the article names as its origin.
	DeclaredSource string `json:"declared_source,omitempty"`
	// Score is the confidence of the verdict, 0 to 1.
	Score float64 `json:"score"`
	// Family is the ID of the first article of this article's family of
	// derived reports (itself for an original).
	Family string `json:"family,omitempty"`
	// Origin names the independent origin the report counts for: its
	// source's origin when it is a copy, revision, rewrite, summary,
	// spun copy or translation; else the wire agency the text credits
	// ("Reuters"); else its outlet (or URL host). Articles with one
	// origin count once however many outlets ran them.
	Origin string `json:"origin,omitempty"`
	// Language is the language of the source a translation was made
	// from (ISO 639-1), when known.
	Language string `json:"language,omitempty"`
	// Evidence explains the verdict.
	Evidence *ProvenanceEvidence `json:"evidence,omitempty"`
}

// ProvenanceEvidence is what a provenance verdict rests on.
type ProvenanceEvidence struct {
	// Passages aligns reused passages: Span in this article, OfSpan in Of.
	Passages []Passage `json:"passages,omitempty"`
	// Substitutions are word-for-word replacements found by alignment
	// ("troops" → "troopers") or mangled fixed phrases ("White Home").
	Substitutions []Substitution `json:"substitutions,omitempty"`
	// Cited lists the press sources the text names for what it reports
	// ("The Washington Post reported", "according to Reuters").
	Cited []Citation `json:"cited,omitempty"`
	// Unnamed says why a derived verdict names no stored source (the
	// declared source is not in the store, …); empty when Of is set.
	Unnamed string `json:"unnamed,omitempty"`
	// Measures holds named scores: jaccard, containment, reused,
	// redundancy, density, and the like (docs/JSON.md lists them).
	Measures map[string]float64 `json:"measures,omitempty"`
}

// Citation is a source named in the text: Span covers the name.
type Citation struct {
	Span
	Source string `json:"source"`
}

// Passage is a reused passage: Span here, OfSpan in the source article.
type Passage struct {
	Span
	OfSpan Span `json:"of_span"`
}

// Substitution is one replaced word or phrase: Span and Text here,
// Original the words it replaces (from the aligned source, or the common
// collocation a spinner's synonym broke when there is no source).
type Substitution struct {
	Span
	Text     string `json:"text"`
	Original string `json:"original"`
	// OfSpan is where Original is in the source article, when aligned.
	OfSpan *Span `json:"of_span,omitempty"`
	// Synonym is true when the pair shares a WordNet synset.
	Synonym bool `json:"synonym,omitempty"`
}

// Claim is an attributed statement: the claim layer
// (internal/annotate/claim).
type Claim struct {
	Span
	// Speaker is who makes the statement as written ("Ukrainian
	// officials"); SpeakerSpan locates it, nil for the outlet's own voice.
	Speaker     string `json:"speaker"`
	SpeakerSpan *Span  `json:"speaker_span,omitempty"`
	// SpeakerEntity is the canonical entity ID of the speaker, when the
	// entity layer resolved it.
	SpeakerEntity string `json:"speaker_entity,omitempty"`
	// Cue is the reporting verb or phrase ("said", "according to").
	Cue     string `json:"cue"`
	CueSpan Span   `json:"cue_span"`
	// Content is the span of what is claimed.
	Content Span `json:"content"`
	// Direct is true for a quotation in quotation marks.
	Direct bool `json:"direct"`
	// Hedges lists hedging words on the claim ("reportedly", "may").
	Hedges []string `json:"hedges,omitempty"`
	// Parent is the index in Article.Claims of the claim this one is
	// nested in (a report of a report), or -1.
	Parent int `json:"parent"`
	// Relay is who passes the statement on when that is not the speaker
	// ("X told the BBC that Y believed …": Y speaks, X relays); "" when
	// the speaker speaks directly.
	Relay string `json:"relay,omitempty"`
	// Kind is ClaimPledge for a commitment the speaker makes ("Britain
	// pledged £50m": the speaker also owns what is pledged), "" for a
	// statement.
	Kind string `json:"kind,omitempty"`
}

// ClaimPledge is the Kind of a claim that is a pledge, promise or plan
// to give.
const ClaimPledge = "pledge"

// Figure is a quantity that states a fact about the world, with who
// states it and when: the figure layer (internal/annotate/figure).
type Figure struct {
	// Quantity is the index of the quantity in Article.Quantities.
	Quantity int `json:"quantity"`
	Span
	Text   string   `json:"text"`
	Value  *float64 `json:"value"`
	Low    *float64 `json:"low,omitempty"`
	High   *float64 `json:"high,omitempty"`
	Approx string   `json:"approx"`
	Unit   string   `json:"unit,omitempty"`
	Counts string   `json:"counts,omitempty"`
	// Measure is the normalised key of what is measured, built from the
	// structured fields below (MeasureKey); two figures are the same
	// measure when their keys are equal.
	Measure string `json:"measure"`
	// What is counted, normalised ("personnel" for troops, soldiers and
	// servicemen; "civilians", "money", "weapons/missiles" …).
	What string `json:"what,omitempty"`
	// Owner is whose the counted thing is, as an entity key (ISO country
	// code for a state): "kp" for North Korean troops.
	Owner string `json:"owner,omitempty"`
	// Fate is what happened to it, normalised: deployed, killed, wounded,
	// captured, pledged, delivered, displaced …
	Fate string `json:"fate,omitempty"`
	// Place is where, as an entity key, when the text states it.
	Place string `json:"place,omitempty"`
	// Scope is one of the Scope* constants: a total, an increment, a
	// rate, a share or a part of a larger figure.
	Scope string `json:"scope,omitempty"`
	// Label is the measure in words ("North Korean troops deployed to
	// Russia"), for people to read.
	Label string `json:"label,omitempty"`
	// Whole is the index in Article.Figures of the figure this one is a
	// part of or an increment to ("300 of the 4,000", "a further €500m,
	// taking the total to €1.7bn"), or nil.
	Whole *int `json:"whole,omitempty"`
	// Speaker is the canonical speaker, or the outlet for the article's
	// own statements; SpeakerEntity its entity ID when known.
	Speaker       string `json:"speaker"`
	SpeakerEntity string `json:"speaker_entity,omitempty"`
	// Claim is the index in Article.Claims of the claim stating the
	// figure, or -1.
	Claim int `json:"claim"`
	// Hedge is the hedge on the figure ("expected", "some", "reportedly").
	Hedge string `json:"hedge,omitempty"`
	// Time is the ISO 8601 date or interval the figure refers to: a
	// resolved time expression, else the publication date.
	Time string `json:"time,omitempty"`
	// Actors are the short entity keys (ISO country codes for states)
	// the measure is built from, in text order.
	Actors []string `json:"actors,omitempty"`
	// Evidence spans: the counted noun phrase, the speaker as written
	// (nil for the outlet's own voice) and the time expression (nil when
	// Time is the publication date).
	CountsSpan  *Span `json:"counts_span,omitempty"`
	SpeakerSpan *Span `json:"speaker_span,omitempty"`
	TimeSpan    *Span `json:"time_span,omitempty"`
}

// Scopes of a figure (Figure.Scope).
const (
	ScopeTotal     = "total"     // the count of the measure to date
	ScopeEvent     = "event"     // the toll of one attack: "the strike killed 12"
	ScopeIncrement = "increment" // an addition: "a further", "another", growth
	ScopeRate      = "rate"      // per day, per month, per recruit
	ScopeShare     = "share"     // a percentage or "four out of five"
	ScopePart      = "part"      // a breakdown: "including 40 children", "300 of the 4,000"
)

// SameCount says whether figures of scopes a and b count alike: the
// same scope, or one attack's toll beside a total (a report may give the
// dead of one strike without saying they are its toll).
func SameCount(a, b string) bool {
	total := func(s string) bool { return s == ScopeTotal || s == ScopeEvent }
	return a == b || total(a) && total(b)
}

// Event is a typed event with its participants: the event layer
// (internal/annotate/event). Span is the sentence that states it.
type Event struct {
	Span
	// Type is one of deployment, arms_transfer, aid_pledge,
	// aid_delivery, strike, casualties, capture, agreement, meeting,
	// threat.
	Type string `json:"type"`
	// Trigger is the word or phrase that signals the event; TriggerSpan
	// is where it is.
	Trigger     string `json:"trigger"`
	TriggerSpan Span   `json:"trigger_span"`
	// Actors, Target and Place are canonical entity IDs or surface text.
	// For aid and transfers the actors are the donors and the target the
	// recipient.
	Actors []string `json:"actors,omitempty"`
	Target string   `json:"target,omitempty"`
	Place  string   `json:"place,omitempty"`
	// What is what is given, for aid and transfers ("missiles", "aid").
	What string `json:"what,omitempty"`
	// Time is an ISO 8601 date or interval.
	Time string `json:"time,omitempty"`
	// Quantities are indexes in Article.Quantities of the amounts the
	// event involves (troops, money, casualties).
	Quantities []int `json:"quantities,omitempty"`
	// ACLED event type and sub-event type, and CAMEO root code, nearest
	// to Type.
	ACLEDType    string `json:"acled_event_type,omitempty"`
	ACLEDSubType string `json:"acled_sub_event_type,omitempty"`
	CAMEO        string `json:"cameo_root,omitempty"`
}

// UPOS is a Universal Dependencies v2 universal part-of-speech tag. The
// zero value means "not tagged".
type UPOS uint8

// The seventeen UD v2 tags, in the order of the UD documentation.
const (
	UPOSNone UPOS = iota
	ADJ
	ADP
	ADV
	AUX
	CCONJ
	DET
	INTJ
	NOUN
	NUM
	PART
	PRON
	PROPN
	PUNCT
	SCONJ
	SYM
	VERB
	X
)

// NumUPOS is one more than the largest tag: tags are 1 … NumUPOS-1.
const NumUPOS = int(X) + 1

var uposNames = [...]string{"_", "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"}

// String returns the tag's UD name ("NOUN"), or "_" for UPOSNone.
func (p UPOS) String() string {
	if int(p) < len(uposNames) {
		return uposNames[p]
	}
	return "_"
}

// ParseUPOS returns the tag named s ("VERB"), or UPOSNone and false.
func ParseUPOS(s string) (UPOS, bool) {
	for i, n := range uposNames[1:] {
		if n == s {
			return UPOS(i + 1), true
		}
	}
	return UPOSNone, false
}

// MarshalText writes the tag's UD name.
func (p UPOS) MarshalText() ([]byte, error) { return []byte(p.String()), nil }

// Syntax is one token's entry in the syntax layer
// (internal/annotate/syntax): its part of speech, lemma and basic
// Universal Dependencies head and relation. Article.Syntax holds one per
// token of Article.Tokens, in the same order. The stage parses only some
// sentences by default: the tokens of the others have a tag and a lemma
// but no head and no relation (see [Syntax.Parsed]).
type Syntax struct {
	// Head is the index in Article.Tokens of the token's syntactic head,
	// or -1 for the root of its sentence and for a token not parsed.
	Head int32
	// UPOS is the universal part-of-speech tag.
	UPOS UPOS
	// Rel is the UD v2 relation to the head ("nsubj", "obl:tmod",
	// "root").
	Rel string
	// Lemma is the dictionary form ("say" for "said").
	Lemma string
}

// Parsed reports whether the token's sentence was parsed: Head and Rel
// are then set (a parsed root has Head -1 and Rel "root").
func (s Syntax) Parsed() bool { return s.Rel != "" }

// Genre is an article's genre: what kind of report it is, decided by the
// genre stage (internal/annotate/genre) from its address, headline, text
// structure and voice.
type Genre struct {
	// Kind is one of the Genre* constants.
	Kind string `json:"kind"`
	// Score is the confidence of the decision, 0 to 1.
	Score float64 `json:"score"`
	// Evidence lists what decided it, strongest first ("url path
	// /commentisfree/", "headline \"The Guardian view on\"").
	Evidence []string `json:"evidence,omitempty"`
}

// The genres the genre stage tells apart.
const (
	GenreNews         = "news"          // a report of what happened
	GenreAnalysis     = "analysis"      // explanation or interpretation by a reporter
	GenreOpinion      = "opinion"       // opinion, comment, column or editorial
	GenreLetter       = "letter"        // a reader's letter or readers' views
	GenreLive         = "live"          // a live blog of timestamped updates
	GenreVideo        = "video"         // a video, audio or podcast page, or a transcript
	GenrePressRelease = "press_release" // an organisation's own release
	GenreFactCheck    = "fact_check"    // a check of a claim with a verdict
	GenreAggregated   = "aggregated"    // a round-up of other reports
)

// GenreUnsignalled is the score of a news genre that no signal decided:
// the genre stage's default, which readers of the layer (the provenance
// step) may overrule with their own measures.
const GenreUnsignalled = 0.6

// Factual reports whether a genre reports facts in its own voice: news,
// analysis, live blogs, videos, press releases, fact-checks and round-ups.
// Opinion and letters state views; a figure they give counts as a source
// only when they quote one.
func (g *Genre) Factual() bool {
	return g == nil || (g.Kind != GenreOpinion && g.Kind != GenreLetter)
}
