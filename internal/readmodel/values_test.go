package readmodel

import (
	"strings"
	"testing"

	"sitrep/internal/news"
)

// TestMeasureLabel: a label that is words is kept; a key, or no label,
// becomes words built from the key's fields, never the key itself.
func TestMeasureLabel(t *testing.T) {
	for _, c := range []struct{ label, key, unit, want string }{
		{"North Korean troops deployed to Russia", "personnel|kp|deployed|ru|total", "", "North Korean troops deployed to Russia"},
		{"", "personnel|kp|deployed|ru|total", "", "North Korean personnel deployed in Russia"},
		{"troop|kazhari|veldana|lisvania|tarsk", "troop|kazhari|veldana|lisvania|tarsk", "", "Kazhari troop veldana in Lisvania (tarsk)"},
		{"", "people|ua|||share", "percent", "Ukrainian people (share)"},
		{"", "||||", "", "an unnamed quantity"},
		{"", "|||loc:kharkiv-oblast|", "person", "persons in Kharkiv Oblast"},
	} {
		got := MeasureLabel(c.label, c.key, c.unit)
		if got != c.want {
			t.Errorf("MeasureLabel(%q, %q) = %q, want %q", c.label, c.key, got, c.want)
		}
		if strings.Contains(got, "|") {
			t.Errorf("MeasureLabel(%q, %q) = %q: a key", c.label, c.key, got)
		}
	}
}

// TestSpeakerName: the punctuation an extraction leaves around a name
// goes; no name is "unattributed".
func TestSpeakerName(t *testing.T) {
	for in, want := range map[string]string{", several polls": "several polls", "": "unattributed", " ,": "unattributed",
		"CNN (inferred)": "CNN (inferred)", "Ukraine’s health minister": "Ukraine’s health minister"} {
		if got := SpeakerName(in); got != want {
			t.Errorf("SpeakerName(%q) = %q, want %q", in, got, want)
		}
	}
	if foldName("Ukraine’s  Health minister") != foldName("ukraine's health minister") {
		t.Error("spellings differing in case, apostrophe and spaces do not fold")
	}
}

// TestCountedPhrase: the words that link a number to what it counts stay.
func TestCountedPhrase(t *testing.T) {
	text := "Latvia lost about a quarter of its armoured force and 40 tanks, and half, of them old."
	span := func(s string) *news.Span {
		i := strings.Index(text, s)
		return &news.Span{Start: i, End: i + len(s)}
	}
	for _, c := range []struct{ number, counts, want string }{
		{"about a quarter", "its armoured force", "about a quarter of its armoured force"},
		{"40", "tanks", "40 tanks"},
		{"half", "them", "half them"}, // a comma between: not one phrase
	} {
		got := CountedPhrase(text, *span(c.number), c.number, c.counts, span(c.counts))
		if got != c.want {
			t.Errorf("CountedPhrase(%q, %q) = %q, want %q", c.number, c.counts, got, c.want)
		}
	}
	if got := CountedPhrase(text, *span("40"), "40", "", nil); got != "40" {
		t.Errorf("no counted phrase: %q", got)
	}
	// The counted noun inside the number phrase is not said twice.
	council := "The 300-member council met."
	num := news.Span{Start: 4, End: 14}
	if got := CountedPhrase(council, num, "300-member", "member", &news.Span{Start: 8, End: 14}); got != "300-member" {
		t.Errorf("noun inside the number: %q", got)
	}
}
