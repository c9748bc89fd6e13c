package eval

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"unicode/utf16"

	"sitrep/internal/annotate/quantity"
	"sitrep/internal/annotate/sentence"
	"sitrep/internal/news"
)

// NumbersFile is the score of the quantity stage on one Microsoft
// Recognizers-Text spec file.
type NumbersFile struct {
	Name string `json:"name"`
	// Cases is the number of cases (input sentences); Passed those where
	// every expected result was found and, for a case expecting nothing,
	// nothing of the file's kind was.
	Cases, Passed int
	// Results is the number of expected results; Found those matched by
	// a quantity of the right kind, overlapping span and equal value.
	Results, Found int
	// Failures holds up to a few failed inputs, for reading.
	Failures []string `json:"failures,omitempty"`
}

// PassRate is Passed/Cases.
func (f NumbersFile) PassRate() float64 { return ratio(f.Passed, f.Cases) }

// NumbersReport is the quantity stage's score on the spec files.
type NumbersReport struct {
	Dir   string        // the suite's directory
	Files []NumbersFile // one score per spec file, by path
}

// msCase is one spec case.
type msCase struct {
	Input   string     `json:"Input"`
	Results []msResult `json:"Results"`
}

type msResult struct {
	Text       string            `json:"Text"`
	TypeName   string            `json:"TypeName"`
	Resolution map[string]string `json:"Resolution"`
	Start, End int               // UTF-16 offsets, End inclusive
}

// UnmarshalJSON reads a result, keeping only the string values of its
// resolution.
func (r *msResult) UnmarshalJSON(b []byte) error {
	var raw struct {
		Text       string                     `json:"Text"`
		TypeName   string                     `json:"TypeName"`
		Resolution map[string]json.RawMessage `json:"Resolution"`
		Start, End int
	}
	if err := json.Unmarshal(b, &raw); err != nil {
		return err
	}
	r.Text, r.TypeName, r.Start, r.End = raw.Text, raw.TypeName, raw.Start, raw.End
	r.Resolution = make(map[string]string, len(raw.Resolution))
	for k, v := range raw.Resolution {
		var s string
		if json.Unmarshal(v, &s) == nil {
			r.Resolution[k] = s
		}
	}
	return nil
}

// Numbers scores the quantity stage on the Microsoft Recognizers-Text
// English specs under dir (Number/English/*.json and
// NumberWithUnit/English/*.json): for every expected result it looks for
// a quantity of the matching kind whose span overlaps it and whose value
// (or bounds, for ranges) equals the resolution's.
func Numbers(dir string) (*NumbersReport, error) {
	var files []string
	for _, sub := range []string{"Number", "NumberWithUnit"} {
		m, err := filepath.Glob(filepath.Join(dir, sub, "English", "*.json"))
		if err != nil {
			return nil, err
		}
		files = append(files, m...)
	}
	if len(files) == 0 {
		return nil, fmt.Errorf("numbers: no spec files under %s: %w", dir, os.ErrNotExist)
	}
	slices.Sort(files)
	st := quantity.New()
	rep := &NumbersReport{Dir: dir}
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			return nil, fmt.Errorf("numbers: %w", err)
		}
		var cases []msCase
		if err := json.Unmarshal(b, &cases); err != nil {
			return nil, fmt.Errorf("numbers: %s: %w", f, err)
		}
		rel, _ := filepath.Rel(dir, f)
		rep.Files = append(rep.Files, scoreNumbers(st, filepath.ToSlash(rel), cases))
	}
	return rep, nil
}

func scoreNumbers(st *quantity.Stage, name string, cases []msCase) NumbersFile {
	kinds := specKinds(filepath.Base(name))
	out := NumbersFile{Name: name}
	for _, c := range cases {
		qs := st.Find(c.Input, sentence.Tokenize(c.Input))
		var rel []news.Quantity
		for _, q := range qs {
			if kinds[q.Kind] {
				rel = append(rel, q)
			}
		}
		out.Cases++
		ok := true
		if len(c.Results) == 0 {
			ok = len(rel) == 0
		}
		offs := utf16Offsets(c.Input)
		for _, r := range c.Results {
			out.Results++
			if r.Start < 0 || r.End+1 >= len(offs) || r.Start > r.End {
				ok = false
				continue
			}
			span := news.Span{Start: offs[r.Start], End: offs[r.End+1]}
			if slices.ContainsFunc(rel, func(q news.Quantity) bool { return matches(q, span, r) }) {
				out.Found++
			} else {
				ok = false
			}
		}
		if ok {
			out.Passed++
		} else if len(out.Failures) < 5 {
			out.Failures = append(out.Failures, c.Input)
		}
	}
	return out
}

// specKinds returns the quantity kinds a spec file's results correspond to.
func specKinds(file string) map[string]bool {
	switch {
	case strings.HasPrefix(file, "Ordinal"):
		return map[string]bool{quantity.Ordinal: true}
	case strings.HasPrefix(file, "Percent"):
		return map[string]bool{quantity.Percent: true}
	case strings.HasPrefix(file, "Currency"):
		return map[string]bool{quantity.Money: true}
	case strings.HasPrefix(file, "Dimension"), strings.HasPrefix(file, "Temperature"), strings.HasPrefix(file, "Age"):
		return map[string]bool{quantity.Measure: true}
	}
	return map[string]bool{quantity.Cardinal: true, quantity.Fraction: true, quantity.Money: true,
		quantity.Percent: true, quantity.Measure: true}
}

// utf16Offsets maps each UTF-16 offset of s (and its end) to a byte offset.
func utf16Offsets(s string) []int {
	offs := make([]int, 0, len(s)+1)
	for i, r := range s {
		offs = append(offs, i)
		if utf16.RuneLen(r) == 2 {
			offs = append(offs, i)
		}
	}
	return append(offs, len(s))
}

// matches reports whether q overlaps span and has r's value.
func matches(q news.Quantity, span news.Span, r msResult) bool {
	if q.End <= span.Start || q.Start >= span.End {
		return false
	}
	v := r.Resolution["value"]
	if strings.HasPrefix(v, "[") || strings.HasPrefix(v, "(") {
		lo, hi, ok := parseInterval(v)
		if !ok {
			return false
		}
		return eqBound(q.Low, lo) && eqBound(q.High, hi) ||
			q.Value != nil && (lo == nil || hi == nil) && eqBound(q.Value, firstNonNil(lo, hi))
	}
	want, err := strconv.ParseFloat(strings.TrimSuffix(v, "%"), 64)
	if err != nil || q.Value == nil {
		return false
	}
	return approxEqual(*q.Value, want)
}

func firstNonNil(a, b *float64) *float64 {
	if a != nil {
		return a
	}
	return b
}

func eqBound(got, want *float64) bool {
	if want == nil {
		return got == nil
	}
	return got != nil && approxEqual(*got, *want)
}

func approxEqual(a, b float64) bool {
	return math.Abs(a-b) <= 1e-9*math.Max(1, math.Abs(b))
}

// parseInterval reads "[20,30)", "(20,)", "[,35]".
func parseInterval(v string) (lo, hi *float64, ok bool) {
	if len(v) < 3 {
		return nil, nil, false
	}
	a, b, found := strings.Cut(v[1:len(v)-1], ",")
	if !found {
		return nil, nil, false
	}
	parse := func(s string) (*float64, bool) {
		s = strings.TrimSpace(s)
		if s == "" {
			return nil, true
		}
		f, err := strconv.ParseFloat(s, 64)
		return &f, err == nil
	}
	lo, ok1 := parse(a)
	hi, ok2 := parse(b)
	return lo, hi, ok1 && ok2
}

// Write prints the pass rate per spec file and in total.
func (r *NumbersReport) Write(w io.Writer) error {
	fmt.Fprintf(w, "%-58s %6s %6s %7s %8s\n", "spec file", "cases", "passed", "rate", "results")
	var c, p, res, found int
	for _, f := range r.Files {
		fmt.Fprintf(w, "%-58s %6d %6d %6.1f%% %4d/%-4d\n", f.Name, f.Cases, f.Passed, 100*f.PassRate(), f.Found, f.Results)
		c, p, res, found = c+f.Cases, p+f.Passed, res+f.Results, found+f.Found
	}
	_, err := fmt.Fprintf(w, "%-58s %6d %6d %6.1f%% %4d/%-4d\n", "total", c, p, 100*ratio(p, c), found, res)
	return err
}
