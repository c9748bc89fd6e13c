package readmodel

import (
	"strings"
	"testing"
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
