package tokens

import (
	"testing"

	"sitrep/internal/news"
)

func TestView(t *testing.T) {
	text := "Russia’s 3,000 TROOPS—near"
	toks := []news.Token{
		{Span: news.Span{Start: 0, End: 6}, Kind: news.TokenWord},     // Russia
		{Span: news.Span{Start: 6, End: 10}, Kind: news.TokenWord},    // ’s
		{Span: news.Span{Start: 11, End: 16}, Kind: news.TokenNumber}, // 3,000
		{Span: news.Span{Start: 17, End: 23}, Kind: news.TokenWord},   // TROOPS
		{Span: news.Span{Start: 23, End: 26}, Kind: news.TokenPunct},  // —
		{Span: news.Span{Start: 26, End: 30}, Kind: news.TokenWord},   // near
	}
	v := NewView(text, toks)
	tests := []struct {
		name      string
		got, want string
	}{
		{"tok", v.Tok(2), "3,000"},
		{"tok out of range", v.Tok(9), ""},
		{"low keeps lower-case words as they are", v.Low(5), "near"},
		{"low folds case", v.Low(3), "troops"},
		{"low straightens apostrophes", v.Low(1), "'s"},
		{"low makes dashes hyphens", v.Low(4), "-"},
		{"low out of range", v.Low(-1), ""},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: %q, want %q", tt.name, tt.got, tt.want)
		}
	}
	first := v.Low(3)
	for range 100 {
		v.Low(0) // grow the arena past its first capacity
	}
	if first != "troops" {
		t.Errorf("an earlier Low result changed to %q when the arena grew", first)
	}
	if !v.IsNum(2) || v.IsNum(3) || !v.IsWord(3) || v.IsWord(4) || v.Kind(9) != news.TokenPunct {
		t.Error("kind tests wrong")
	}
	if !v.Touch(0) || v.Touch(1) || !v.Touch(3) || v.Touch(5) {
		t.Error("touch wrong")
	}
	if !v.Capitalised(0) || v.Capitalised(5) || v.Capitalised(9) {
		t.Error("capitalised wrong")
	}
}
