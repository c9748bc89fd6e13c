package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"hash/fnv"
	"html"
	"io"
	"math/rand/v2"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"unicode"
	"unicode/utf8"

	"sitrep/internal/corpus"
	"sitrep/internal/link/provenance"
	"sitrep/internal/news"
	"sitrep/internal/train"
)

// PR counts binary decisions against a truth.
type PR struct {
	TP, FP, FN, TN int
}

// Add counts one decision.
func (p *PR) Add(truth, predicted bool) {
	switch {
	case truth && predicted:
		p.TP++
	case truth:
		p.FN++
	case predicted:
		p.FP++
	default:
		p.TN++
	}
}

// Precision is TP/(TP+FP).
func (p PR) Precision() float64 { return ratio(p.TP, p.TP+p.FP) }

// Recall is TP/(TP+FN).
func (p PR) Recall() float64 { return ratio(p.TP, p.TP+p.FN) }

// F1 is the harmonic mean of precision and recall.
func (p PR) F1() float64 {
	pr, rc := p.Precision(), p.Recall()
	if pr+rc == 0 {
		return 0
	}
	return 2 * pr * rc / (pr + rc)
}

// ProvenanceLine is one row of the provenance evaluation report.
type ProvenanceLine struct {
	Set   string         `json:"set"`
	PR    PR             `json:"counts"`
	Kinds map[string]int `json:"kinds,omitempty"`
	Note  string         `json:"note,omitempty"`
}

// WriteProvenance prints lines as a table.
func WriteProvenance(w io.Writer, lines []ProvenanceLine) {
	fmt.Fprintf(w, "%-44s %6s %6s %6s %5s %5s %5s %5s  %s\n", "set", "P", "R", "F1", "TP", "FP", "FN", "TN", "verdicts")
	for _, l := range lines {
		var ks []string
		for k, n := range l.Kinds {
			ks = append(ks, fmt.Sprintf("%s=%d", k, n))
		}
		sort.Strings(ks)
		fmt.Fprintf(w, "%-44s %6.3f %6.3f %6.3f %5d %5d %5d %5d  %s %s\n", l.Set, l.PR.Precision(), l.PR.Recall(), l.PR.F1(),
			l.PR.TP, l.PR.FP, l.PR.FN, l.PR.TN, strings.Join(ks, " "), l.Note)
	}
}

func art(id, text string) *news.Article { return &news.Article{ID: id, Text: text} }

// judgePair judges b against the earlier a.
func judgePair(j *provenance.Judge, a, b *news.Article) *news.Provenance {
	return j.Judge(b, []provenance.Source{{Article: a}})
}

func reuseKind(k string) bool { return k == provenance.KindCopy || k == provenance.KindPartialCopy }

// NearDuplicates scores copy and reuse detection on the real revision
// and update-chain sets, the MSRP paraphrase pairs, and BASIL's
// same-event triplets (related, never copies), under dataDir.
func NearDuplicates(j *provenance.Judge, dataDir string) ([]ProvenanceLine, error) {
	var out []ProvenanceLine
	nd := filepath.Join(dataDir, "near-duplicates")

	// CNN revisions: consecutive versions are reuse; first versions of
	// neighbouring different articles are not.
	type version struct {
		Path  string `json:"article_path"`
		Index int    `json:"version_index"`
		Text  string `json:"text"`
	}
	f, err := os.Open(filepath.Join(nd, "cnn-revisions-2024-07", "versions.jsonl"))
	if err != nil {
		return nil, err
	}
	byPath := map[string][]version{}
	dec := json.NewDecoder(bufio.NewReader(f))
	for dec.More() {
		var v version
		if err := dec.Decode(&v); err != nil {
			f.Close()
			return nil, err
		}
		v.Text = stripCNNHeader(v.Text)
		byPath[v.Path] = append(byPath[v.Path], v)
	}
	f.Close()
	paths := make([]string, 0, len(byPath))
	for p := range byPath {
		paths = append(paths, p)
		sort.Slice(byPath[p], func(a, b int) bool { return byPath[p][a].Index < byPath[p][b].Index })
	}
	sort.Strings(paths)
	cnn := ProvenanceLine{Set: "cnn revisions (consecutive vs other article)", Kinds: map[string]int{}}
	lsh := PR{}
	for i, p := range paths {
		vs := byPath[p]
		for k := 1; k < len(vs); k++ {
			v := judgePair(j, art("a", vs[k-1].Text), art("b", vs[k].Text))
			cnn.PR.Add(true, reuseKind(v.Kind))
			cnn.Kinds[v.Kind]++
			lsh.Add(true, shareKey(vs[k-1].Text, vs[k].Text))
		}
		o := byPath[paths[(i+1)%len(paths)]][0]
		v := judgePair(j, art("a", o.Text), art("b", vs[0].Text))
		cnn.PR.Add(false, reuseKind(v.Kind))
		lsh.Add(false, shareKey(o.Text, vs[0].Text))
	}
	out = append(out, cnn, ProvenanceLine{Set: "cnn revisions: LSH candidate (shared band)", PR: lsh})

	// Yonhap update chains.
	chains, err := readYonhap(filepath.Join(nd, "yonhap-update-chains-2025-12"))
	if err != nil {
		return nil, err
	}
	yon := ProvenanceLine{Set: "yonhap chains (consecutive vs other chain)", Kinds: map[string]int{}}
	yonLSH := PR{}
	ids := make([]string, 0, len(chains))
	for id := range chains {
		ids = append(ids, id)
	}
	sort.Strings(ids)
	for i, id := range ids {
		c := chains[id]
		for k := 1; k < len(c); k++ {
			v := judgePair(j, art("a", c[k-1]), art("b", c[k]))
			yon.PR.Add(true, reuseKind(v.Kind))
			yon.Kinds[v.Kind]++
			yonLSH.Add(true, shareKey(c[k-1], c[k]))
		}
		for _, other := range ids[i+1:] {
			v := judgePair(j, art("a", chains[other][0]), art("b", c[0]))
			yon.PR.Add(false, reuseKind(v.Kind))
			yonLSH.Add(false, shareKey(chains[other][0], c[0]))
		}
	}
	out = append(out, yon, ProvenanceLine{Set: "yonhap chains: LSH candidate (shared band)", PR: yonLSH})

	// MSRP test pairs: sentence-level alignment as a paraphrase detector.
	msrp, err := os.ReadFile(filepath.Join(nd, "msrp", "msr_paraphrase_test.txt"))
	if err != nil {
		return nil, err
	}
	mp := ProvenanceLine{Set: "msrp test (aligned as paraphrase or closer)"}
	for i, line := range strings.Split(strings.TrimPrefix(string(msrp), "\ufeff"), "\n") {
		fs := strings.Split(strings.TrimRight(line, "\r"), "\t")
		if i == 0 || len(fs) != 5 {
			continue
		}
		mp.PR.Add(fs[0] == "1", provenance.Aligned(fs[4], fs[3]))
	}
	out = append(out, mp)

	// BASIL: three outlets on one event are related, not copies.
	basil, err := corpus.BASIL(filepath.Join(dataDir, "news-clustering", "basil"))
	if err != nil {
		return nil, err
	}
	groups := map[string][]corpus.Doc{}
	for _, b := range basil {
		groups[b.Group] = append(groups[b.Group], b)
	}
	bl := ProvenanceLine{Set: "basil same-event pairs (must not be copies)", Kinds: map[string]int{}}
	for _, g := range groups {
		sort.Slice(g, func(a, b int) bool { return g[a].Date+g[a].ID < g[b].Date+g[b].ID })
		for x := 0; x < len(g); x++ {
			for y := x + 1; y < len(g); y++ {
				v := judgePair(j, art("a", g[x].Text), art("b", g[y].Text))
				bl.PR.Add(false, reuseKind(v.Kind) || v.Kind == provenance.KindSpun)
				bl.Kinds[v.Kind]++
			}
		}
	}
	out = append(out, bl)
	return out, nil
}

// shareKey reports whether two texts share an LSH band key.
func shareKey(a, b string) bool {
	ka := map[int64]bool{}
	for _, k := range provenance.Keys(a) {
		ka[k] = true
	}
	for _, k := range provenance.Keys(b) {
		if ka[k] {
			return true
		}
	}
	return false
}

// stripCNNHeader drops the grabber's markdown header (title, Published
// line, rule) from a CNN revision.
func stripCNNHeader(t string) string {
	if i := strings.Index(t, "\n---\n"); i >= 0 && i < 1000 {
		return strings.TrimSpace(t[i+5:])
	}
	return t
}

// readYonhap returns each chain's bodies in crawl order.
func readYonhap(dir string) (map[string][]string, error) {
	b, err := os.ReadFile(filepath.Join(dir, "chains.tsv"))
	if err != nil {
		return nil, err
	}
	type row struct{ chain, file, crawled string }
	var rows []row
	for i, line := range strings.Split(string(b), "\n") {
		fs := strings.Split(line, "\t")
		if i == 0 || len(fs) < 6 {
			continue
		}
		rows = append(rows, row{fs[0], fs[1], fs[5]})
	}
	sort.Slice(rows, func(a, b int) bool { return rows[a].chain+rows[a].crawled < rows[b].chain+rows[b].crawled })
	out := map[string][]string{}
	for _, r := range rows {
		raw, err := os.ReadFile(filepath.Join(dir, r.file))
		if err != nil {
			return nil, err
		}
		out[r.chain] = append(out[r.chain], yonhapBody(string(raw)))
	}
	return out, nil
}

// yonhapBody returns the article body of a crawled Yonhap page: the text
// after the "# title" header block, HTML entities decoded.
func yonhapBody(t string) string {
	if i := strings.Index(t, "\n# "); i >= 0 {
		t = t[i+3:]
		if k := strings.Index(t, "\n---\n"); k >= 0 {
			t = t[k+5:]
		}
	}
	// The crawler's footer ("*Source: [원문 보기](URL)*") is not Yonhap's.
	if k := strings.LastIndex(t, "*Source:"); k >= 0 {
		t = t[:k]
	}
	return strings.TrimSpace(html.UnescapeString(t))
}

// HeldOutArticles returns the ukraine-war-news articles held out of the
// background model that have at least minWords words.
func HeldOutArticles(dataDir string, minWords int) ([]corpus.Doc, error) {
	f, err := os.Open(filepath.Join(dataDir, "ukraine-war-news", "articles.jsonl"))
	if err != nil {
		return nil, err
	}
	defer f.Close()
	var out []corpus.Doc
	dec := json.NewDecoder(bufio.NewReader(f))
	for dec.More() {
		var r struct {
			ID   string `json:"id"`
			Text string `json:"text"`
		}
		if err := dec.Decode(&r); err != nil {
			return nil, err
		}
		if train.HeldOut(r.ID) && len(strings.Fields(r.Text)) >= minWords {
			out = append(out, corpus.Doc{ID: r.ID, Text: r.Text})
		}
	}
	return out, nil
}

// Spinner gives the words a spinner may put in place of a (lower-cased)
// word; nil or empty when it has none.
type Spinner func(word string) []string

// SynonymSpinner draws from WordNet synonyms: the thesaurus the judge
// also reads.
func SynonymSpinner(syn *provenance.Synonyms) Spinner { return syn.Of }

// ClusterSpinner draws from distributional neighbours: the other words of
// a word's Brown cluster (internal/ner/data/clusters.txt.gz), a table the
// judge does not read. Only lower-case alphabetic words are drawn.
func ClusterSpinner(clusters map[string]string) Spinner {
	members := map[string][]string{}
	for w, c := range clusters {
		if w == strings.ToLower(w) && strings.IndexFunc(w, func(r rune) bool { return !unicode.IsLetter(r) }) < 0 && len(w) >= 3 {
			members[c] = append(members[c], w)
		}
	}
	for _, ws := range members {
		sort.Strings(ws)
	}
	return func(w string) []string {
		ws := members[clusters[w]]
		out := make([]string, 0, len(ws))
		for _, o := range ws {
			if o != w {
				out = append(out, o)
			}
		}
		return out
	}
}

// Spin replaces about rate of all the words of text with a word the
// spinner offers (content words with an alternative only, keeping
// capitalisation): the test spinner. It returns the spun text and the
// number of replacements.
func Spin(text string, spinner Spinner, rate float64, rng *rand.Rand) (string, int) {
	ws := provenance.Words(text)
	eligible := 0
	for _, w := range ws {
		if !w.Number && !w.Stop && len(spinner(w.Norm)) > 0 {
			eligible++
		}
	}
	p := min(1, rate*float64(len(ws))/float64(max(1, eligible)))
	var b strings.Builder
	last, n := 0, 0
	for _, w := range ws {
		if w.Number || w.Stop {
			continue
		}
		opts := spinner(w.Norm)
		if len(opts) == 0 || rng.Float64() >= p {
			continue
		}
		rep := opts[rng.IntN(len(opts))]
		if w.Capital {
			r, size := utf8.DecodeRuneInString(rep)
			rep = string(unicode.ToUpper(r)) + rep[size:]
		}
		b.WriteString(text[last:w.Start])
		b.WriteString(rep)
		last = w.End
		n++
	}
	b.WriteString(text[last:])
	return b.String(), n
}

// SplitSpin splits articles into the half the spin thresholds are tuned
// on (dev) and the half they are reported on (test), by a hash of the ID.
func SplitSpin(arts []corpus.Doc) (dev, test []corpus.Doc) {
	for _, a := range arts {
		h := fnv.New32a()
		h.Write([]byte(a.ID))
		if h.Sum32()%2 == 0 {
			dev = append(dev, a)
		} else {
			test = append(test, a)
		}
	}
	return dev, test
}

// SpinPoint is one point of the spin detection curve.
type SpinPoint struct {
	Rate float64 `json:"rate"`
	// Articles is how many articles were spun at this rate.
	Articles int `json:"articles"`
	// Replaced is the mean share of words replaced.
	Replaced float64 `json:"replaced"`
	// Alone is the recall of spun with the original absent (collocations).
	Alone float64 `json:"recall_without_original"`
	// WithOriginal is the recall of spun when the original is the source.
	WithOriginal float64 `json:"recall_with_original"`
	// CopyOrSpun is the share judged spun, copy or partial copy with the
	// original present (derivation found at all).
	Derived float64 `json:"derived_with_original"`
	// Candidate is the share of spun articles sharing an LSH band key with
	// their original (found as a candidate in a store).
	Candidate float64 `json:"lsh_candidate"`
}

// SpinCurve spins the articles with spinner at each rate (share of all
// words) and measures detection, and the verdicts of the untouched
// articles judged alone (their spun share is the false-positive rate).
func SpinCurve(j *provenance.Judge, spinner Spinner, arts []corpus.Doc, rates []float64, seed uint64) ([]SpinPoint, map[string]int) {
	untouched := map[string]int{}
	for _, a := range arts {
		untouched[j.Judge(art(a.ID, a.Text), nil).Kind]++
	}
	var pts []SpinPoint
	for _, rate := range rates {
		rng := rand.New(rand.NewPCG(seed, uint64(rate*1000)))
		p := SpinPoint{Rate: rate}
		alone, with, derived, cand, repl := 0, 0, 0, 0, 0.0
		for _, a := range arts {
			spun, n := Spin(a.Text, spinner, rate, rng)
			p.Articles++
			repl += float64(n) / float64(max(1, len(provenance.Words(a.Text))))
			if j.Judge(art("s", spun), nil).Kind == provenance.KindSpun {
				alone++
			}
			v := judgePair(j, art("o", a.Text), art("s", spun))
			if v.Kind == provenance.KindSpun {
				with++
			}
			if provenance.Derived(v.Kind) {
				derived++
			}
			if shareKey(a.Text, spun) {
				cand++
			}
		}
		p.Replaced = repl / float64(max(1, p.Articles))
		p.Alone = ratio(alone, p.Articles)
		p.WithOriginal = ratio(with, p.Articles)
		p.Derived = ratio(derived, p.Articles)
		p.Candidate = ratio(cand, p.Articles)
		pts = append(pts, p)
	}
	return pts, untouched
}
