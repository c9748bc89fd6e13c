package entity

import "testing"

func TestVariant(t *testing.T) {
	tests := []struct {
		a, b string
		want bool
	}{
		{"danylo korinsky", "danylo korinskyi", true},
		{"korinsky", "korinskyi", true},
		{"zelensky", "zelenskyy", true},
		{"kim jong un", "kim yo jong", false}, // the trap: two people
		{"kim jong un", "kim jong un", true},
		{"ivan petrov", "oleg petrov", false}, // a different first name
		{"kyiv", "kiev", false},               // too short for spelling; the facts table links them
		{"danylo korinsky", "danylo", false},
		{"sarkhan ilyasov", "sarkhan ilyasova", false}, // two people,
		{"abcde", "vwxyz", false},
		{"kharkiv", "kharkhiv", true},
		{"sergei lavrov", "sergey lavrov", true},
		{"dmitry peskov", "dmitri peskow", false}, // two words differ
		{"peskov", "peskow", true},
		// Near-homographs are other words, not spellings.
		{"telegram", "telegraph", false},
		{"harms", "harris", false},
		{"europol", "europe", false},
		{"democracy", "democrats", false},
		{"moschun", "moscow", false},
		{"pokrovsk", "pokrovske", false},
		// British and American spellings of an English word name other
		// bodies; a transliteration's "u" still varies.
		{"labour party", "labor party", false},
		{"labor", "labour", false},
		{"harbour times", "harbor times", false},
		{"shoigu", "shoygu", true},
	}
	for _, tt := range tests {
		if got := variant(tt.a, tt.b); got != tt.want {
			t.Errorf("variant(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
	}
}

func TestCompatibleTypesAndCasing(t *testing.T) {
	for _, tt := range []struct {
		a, b string
		want bool
	}{
		{"PER", "PER", true}, {"PER", "ORG", false}, {"PER", "MISC", false},
		{"LOC", "GPE", true}, {"ORG", "MISC", true}, {"ORG", "LOC", true}, {"MISC", "PER", false},
	} {
		if got := compatibleTypes(tt.a, tt.b); got != tt.want {
			t.Errorf("compatibleTypes(%s, %s) = %v", tt.a, tt.b, got)
		}
	}
	if sameCasing("HARMs", "Harris") || !sameCasing("Danylo Korinsky", "Danylo Korinskyi") || sameCasing("NATO", "Nato") {
		t.Error("sameCasing: an acronym's plural matched a name, or two names did not")
	}
}

func TestBlock(t *testing.T) {
	if Block("danylo korinsky") != Block("danylo korinskyi") {
		t.Error("spelling variants must share a block")
	}
	if Block("kim jong un") == Block("kim") {
		t.Error("names of different lengths must not share a block")
	}
}
