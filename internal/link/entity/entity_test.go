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
	}
	for _, tt := range tests {
		if got := variant(tt.a, tt.b); got != tt.want {
			t.Errorf("variant(%q, %q) = %v, want %v", tt.a, tt.b, got, tt.want)
		}
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
