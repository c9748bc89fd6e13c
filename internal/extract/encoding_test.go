package extract

import (
	"context"
	"strings"
	"testing"

	"golang.org/x/text/encoding"
	"golang.org/x/text/encoding/charmap"
	"golang.org/x/text/encoding/unicode"

	"sitrep/internal/news"
)

func encode(t *testing.T, enc encoding.Encoding, s string) string {
	t.Helper()
	b, err := enc.NewEncoder().String(s)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

// TestEncodings decodes each kind of input and checks the text and the
// problem that records the repair.
func TestEncodings(t *testing.T) {
	const fr = "Les forces ont repoussé l'assaut près de la frontière, a déclaré le général."
	const ru = "Представитель штаба сказал, что войска отступили к реке после тяжёлых боёв у моста."
	const pl = "Żołnierze wycofali się z Łodzi po ciężkich walkach, powiedział rzecznik sztabu."
	le := unicode.UTF16(unicode.LittleEndian, unicode.UseBOM)
	be := unicode.UTF16(unicode.BigEndian, unicode.UseBOM)
	leRaw := unicode.UTF16(unicode.LittleEndian, unicode.IgnoreBOM)
	beRaw := unicode.UTF16(unicode.BigEndian, unicode.IgnoreBOM)
	page := func(head, body string) string {
		return "<html><head>" + head + "<title>Report</title></head><body><article><p>" + body + "</p></article></body></html>"
	}
	tests := []struct {
		name    string
		format  news.Format
		raw     string
		text    string // substring of the text
		problem string // substring of the problem; "" for none
	}{
		{"utf-8", news.FormatText, fr, fr, ""},
		{"utf-8 with BOM", news.FormatText, "\xef\xbb\xbf" + fr, fr, ""},
		{"utf-16le BOM", news.FormatText, encode(t, le, fr), fr, "decoded from UTF-16LE, detected by its byte-order mark"},
		{"utf-16be BOM", news.FormatText, encode(t, be, ru), ru, "decoded from UTF-16BE, detected by its byte-order mark"},
		{"utf-16le no BOM", news.FormatText, encode(t, leRaw, fr), fr, "decoded from UTF-16LE, detected by the NUL bytes"},
		{"utf-16be no BOM", news.FormatText, encode(t, beRaw, fr), fr, "decoded from UTF-16BE, detected by the NUL bytes"},
		{"utf-16le html", news.FormatHTML, encode(t, le, page("", fr)), fr, "decoded from UTF-16LE"},
		{"html meta charset", news.FormatHTML, encode(t, charmap.Windows1252, page(`<meta charset="windows-1252">`, fr)), fr, "decoded from windows-1252, declared in its <meta> tag"},
		{"html http-equiv", news.FormatHTML, encode(t, charmap.Windows1251, page(`<meta http-equiv="Content-Type" content="text/html; charset=windows-1251">`, ru)), ru, "decoded from windows-1251, declared in its <meta> tag"},
		{"xhtml xml declaration", news.FormatHTML, `<?xml version="1.0" encoding="ISO-8859-2"?>` + encode(t, charmap.ISO8859_2, page("", pl)), pl, "decoded from iso-8859-2, declared in its XML declaration"},
		{"latin-1 text detected", news.FormatText, encode(t, charmap.ISO8859_1, fr), fr, "decoded from windows-1252, detected"},
		{"windows-1251 text detected", news.FormatText, encode(t, charmap.Windows1251, ru), ru, "decoded from windows-1251, detected"},
		{"html without declaration detected", news.FormatHTML, encode(t, charmap.Windows1252, page("", fr)), fr, "decoded from windows-1252, detected"},
		{"broken utf-8", news.FormatText, fr + " Fin \xe9\xff.", "Fin \uFFFD\uFFFD.", "2 invalid UTF-8 bytes replaced with U+FFFD"},
		{"replacement characters in the input", news.FormatText, "Le pont \uFFFD été détruit, a dit le maire.", "pont \uFFFD été", "the input holds 1 U+FFFD"},
	}
	ex := New(Options{})
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			a := &news.Article{Raw: []byte(tt.raw), Format: tt.format}
			if err := ex.Process(context.Background(), a); err != nil {
				t.Fatalf("Process: %v", err)
			}
			if !strings.Contains(a.Text, tt.text) {
				t.Errorf("text %q, want it to hold %q", a.Text, tt.text)
			}
			var problems []string
			for _, p := range a.Problems {
				problems = append(problems, p.Stage+": "+p.Message)
			}
			got := strings.Join(problems, "; ")
			switch {
			case tt.problem == "" && got != "":
				t.Errorf("problems %q, want none", got)
			case tt.problem != "" && !strings.Contains(got, "extract: encoding: "+tt.problem):
				t.Errorf("problems %q, want %q", got, tt.problem)
			}
			if tt.problem == "" || !strings.Contains(tt.problem, "U+FFFD") {
				if strings.ContainsRune(a.Text, '\uFFFD') {
					t.Errorf("text holds U+FFFD: %q", a.Text)
				}
			}
		})
	}
}

func TestUTF16RejectsOtherText(t *testing.T) {
	for _, in := range []string{"", "ab", "plain ASCII text", "\x00\x00\x00\x00binary\x00\x00\x00\x00\x01\x02", "Proud \xc3\xa9t\xc3\xa9"} {
		if order, _ := UTF16([]byte(in)); order != "" {
			t.Errorf("UTF16(%q) = %s, want none", in, order)
		}
	}
}
