package provenance_test

import (
	"context"
	"database/sql"
	"hash/fnv"
	"math/rand/v2"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"sitrep/internal/link/provenance"
	"sitrep/internal/news"
	"sitrep/internal/sharedtest"
	"sitrep/internal/store/sqlite"
)

// realTexts returns the ukraine-war-news texts, or skips.
func realTexts(t testing.TB) []string {
	var out []string
	for _, r := range sharedtest.WarNews(t) {
		if len(strings.Fields(r.Text)) >= 100 {
			out = append(out, r.Text)
		}
	}
	return out
}

// perturb drops, duplicates or swaps a few words so every synthetic
// article differs from its base.
func perturb(text string, rng *rand.Rand) string {
	ws := strings.Fields(text)
	for k := 0; k < 1+len(ws)/50; k++ {
		i := rng.IntN(len(ws))
		switch rng.IntN(3) {
		case 0:
			ws = append(ws[:i], ws[i+1:]...)
		case 1:
			ws[i] = ws[rng.IntN(len(ws))]
		default:
			ws = append(ws[:i], append([]string{"reportedly"}, ws[i:]...)...)
		}
	}
	return strings.Join(ws, " ")
}

// synthetic returns n articles: real texts repeated with perturbations,
// each with its own URL and date.
func synthetic(texts []string, n int, seed uint64) []*news.Article {
	rng := rand.New(rand.NewPCG(seed, 2))
	base := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	out := make([]*news.Article, n)
	for i := range out {
		text := texts[i%len(texts)]
		if i >= len(texts) {
			text = perturb(text, rng)
		}
		url := "https://example" + strconv.Itoa(i%97) + ".test/a/" + strconv.Itoa(i)
		out[i] = &news.Article{ID: news.ArticleID(url, text), URL: url, Text: text, Published: base.Add(time.Duration(i) * time.Minute)}
	}
	return out
}

// TestScale runs the whole step on SITREP_PROVENANCE_SCALE synthetic
// articles (default: skipped) and reports throughput and index size.
func TestScale(t *testing.T) {
	env := os.Getenv("SITREP_PROVENANCE_SCALE")
	n, _ := strconv.Atoi(env)
	if n <= 0 && env != "real" {
		t.Skip("set SITREP_PROVENANCE_SCALE=N (or real: the real texts once each) to run")
	}
	texts := realTexts(t)
	if env == "real" {
		n = len(texts)
	}
	ctx := context.Background()
	dir := t.TempDir()
	st, err := sqlite.Open(ctx, filepath.Join(dir, "scale.db"))
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	arts := synthetic(texts, n, 1)
	step, err := provenance.New(st, nil, provenance.Options{})
	if err != nil {
		t.Fatal(err)
	}
	// Store and link the articles a tenth at a time: the cost per added
	// article must not grow with the number already stored.
	start := time.Now()
	cpu0 := cpuTime()
	done := 0
	tenth := max(n/10, 1)
	for from := 0; from < n; from += tenth {
		chunk := arts[from:min(from+tenth, n)]
		for i := 0; i < len(chunk); i += 500 {
			if _, err := st.Put(ctx, chunk[i:min(i+500, len(chunk))]); err != nil {
				t.Fatal(err)
			}
		}
		cc := cpuTime()
		k, err := step.Link(ctx)
		if err != nil {
			t.Fatal(err)
		}
		done += k
		t.Logf("articles %7d–%7d: linked %d with %d already stored: %.0f articles per CPU-second, %.2f ms CPU per article",
			from+1, from+len(chunk), k, from, float64(k)/(cpuTime()-cc).Seconds(),
			float64((cpuTime()-cc).Microseconds())/1000/float64(max(k, 1)))
	}
	wall, cpu := time.Since(start), cpuTime()-cpu0
	keys, pages, pageSize := indexSize(t, filepath.Join(dir, "scale.db"))
	fi, _ := os.Stat(filepath.Join(dir, "scale.db"))
	t.Logf("database file %d bytes (%.0f bytes per article, texts and layers included)", fi.Size(), float64(fi.Size())/float64(n))
	t.Logf("%d articles judged in %v: %.0f articles/s wall, %.0f articles/s per CPU-second (GOMAXPROCS %d)",
		done, wall.Round(time.Millisecond), float64(done)/wall.Seconds(), float64(done)/cpu.Seconds(), runtime.GOMAXPROCS(0))
	verdicts(t, filepath.Join(dir, "scale.db"))
	t.Logf("index: %d band keys (%.1f per article), provenance_keys b-tree %d pages of %d bytes = %.0f bytes per article",
		keys, float64(keys)/float64(n), pages, pageSize, float64(pages*pageSize)/float64(n))
}

// verdicts logs the stored verdicts by kind and the number of families.
func verdicts(t testing.TB, path string) {
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	rows, err := db.Query(`SELECT kind, count(*) FROM provenance GROUP BY kind ORDER BY kind`)
	if err != nil {
		t.Fatal(err)
	}
	var kinds []string
	for rows.Next() {
		var k string
		var c int
		if err := rows.Scan(&k, &c); err != nil {
			t.Fatal(err)
		}
		kinds = append(kinds, k+" "+strconv.Itoa(c))
	}
	rows.Close()
	var families, derived int
	db.QueryRow(`SELECT count(DISTINCT COALESCE(family_seq, seq)), count(of_seq) FROM provenance`).Scan(&families, &derived)
	t.Logf("verdicts: %s; %d families, %d articles with a source", strings.Join(kinds, ", "), families, derived)
}

// indexSize reads the LSH table's row count and page count (dbstat).
func indexSize(t testing.TB, path string) (keys, pages, pageSize int64) {
	db, err := sql.Open("sqlite", path)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	if err := db.QueryRow(`SELECT count(*) FROM provenance_keys`).Scan(&keys); err != nil {
		t.Fatal(err)
	}
	db.QueryRow(`PRAGMA page_size`).Scan(&pageSize)
	if err := db.QueryRow(`SELECT count(*) FROM dbstat WHERE name = 'provenance_keys'`).Scan(&pages); err != nil {
		t.Logf("dbstat unavailable: %v", err)
	}
	return keys, pages, pageSize
}

func cpuTime() time.Duration {
	b, err := os.ReadFile("/proc/self/stat")
	if err != nil {
		return 0
	}
	f := strings.Fields(string(b))
	if len(f) < 15 {
		return 0
	}
	u, _ := strconv.Atoi(f[13])
	s, _ := strconv.Atoi(f[14])
	return time.Duration(u+s) * 10 * time.Millisecond
}

// TestLSHRecall compares LSH candidates with brute force on 1,000
// synthetic articles (10,000 with SITREP_TEST_LONG=1, or
// SITREP_PROVENANCE_RECALL_N): every pair with word-shingle Jaccard >= 0.5
// found by exhaustive comparison should share a band key. Recall does not
// depend on the number of articles, only the cost of brute force does.
func TestLSHRecall(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	texts := realTexts(t)
	n := 1000
	if os.Getenv("SITREP_TEST_LONG") == "1" {
		n = 10000
	}
	if v, _ := strconv.Atoi(os.Getenv("SITREP_PROVENANCE_RECALL_N")); v > 0 {
		n = v
	}
	arts := synthetic(texts, n, 3)
	keys := make([]map[int64]bool, n)
	buckets := map[int64][]int{}
	for i, a := range arts {
		keys[i] = map[int64]bool{}
		for _, k := range provenance.Keys(a.Text) {
			keys[i][k] = true
			buckets[k] = append(buckets[k], i)
		}
	}
	// Brute force over a sample of queries against all articles.
	sets := make([][]uint64, n)
	for i, a := range arts {
		sets[i] = shingleSet(a.Text)
	}
	rng := rand.New(rand.NewPCG(9, 9))
	found, total := 0, 0
	for q := 0; q < 200; q++ {
		i := rng.IntN(n)
		for j := range arts {
			if j == i || !nearDuplicates(sets[i], sets[j]) {
				continue
			}
			total++
			for k := range keys[i] {
				if keys[j][k] {
					found++
					break
				}
			}
		}
	}
	if total == 0 {
		t.Fatal("no near-duplicate pairs")
	}
	recall := float64(found) / float64(total)
	t.Logf("LSH recall vs brute force (Jaccard >= 0.5 on word 5-shingles): %d/%d = %.4f over 200 queries x %d articles", found, total, recall, n)
	if recall < 0.95 {
		t.Errorf("recall %.3f < 0.95", recall)
	}
}

// shingleSet returns the sorted distinct hashes of the word 5-shingles of
// text, so that brute force compares sets by a merge.
func shingleSet(text string) []uint64 {
	ws := strings.Fields(strings.ToLower(text))
	var out []uint64
	for i := 0; i+5 <= len(ws); i++ {
		h := fnv.New64a()
		h.Write([]byte(strings.Join(ws[i:i+5], " ")))
		out = append(out, h.Sum64())
	}
	slices.Sort(out)
	return slices.Compact(out)
}

// nearDuplicates reports whether two sorted sets have a Jaccard index of
// at least 0.5.
func nearDuplicates(a, b []uint64) bool {
	if 2*min(len(a), len(b)) < max(len(a), len(b)) {
		return false // the index is at most min/max
	}
	n, i, j := 0, 0, 0
	for i < len(a) && j < len(b) {
		switch {
		case a[i] == b[j]:
			n++
			i++
			j++
		case a[i] < b[j]:
			i++
		default:
			j++
		}
	}
	u := len(a) + len(b) - n
	return u > 0 && 2*n >= u
}
