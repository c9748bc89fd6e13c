package corpus

import (
	"compress/gzip"
	"fmt"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
)

// Newswire calls each with every text of the unlabelled newswire under
// dataDir/unlabelled, in a fixed order: the Reuters-21578 stories (title
// and body of each, files in numeric order) and the ABC news lines.
// Reuters files are Latin-1 with control bytes; both are decoded
// leniently.
func Newswire(dataDir string, each func(text string)) error {
	dir := filepath.Join(dataDir, "unlabelled", "reuters-21578")
	files, err := filepath.Glob(filepath.Join(dir, "*.sgm.gz"))
	if err != nil {
		return err
	}
	if len(files) == 0 {
		return fmt.Errorf("%s: no *.sgm.gz files", dir)
	}
	num := func(p string) int {
		n := 0
		for _, c := range strings.TrimSuffix(filepath.Base(p), ".sgm.gz") {
			n = n*10 + int(c-'0')
		}
		return n
	}
	sort.Slice(files, func(i, j int) bool { return num(files[i]) < num(files[j]) })
	for _, p := range files {
		b, err := ReadGzip(p)
		if err != nil {
			return err
		}
		for _, m := range reutersText.FindAllStringSubmatch(latin1(b), -1) {
			title, body := sgmlText(m[1]), sgmlText(m[2])
			body = strings.TrimSuffix(strings.TrimSpace(body), "Reuter")
			if title != "" {
				each(title)
			}
			each(body)
		}
	}
	for _, name := range []string{"rural.txt.gz", "science.txt.gz"} {
		p := filepath.Join(dataDir, "unlabelled", "abc-news", name)
		b, err := ReadGzip(p)
		if err != nil {
			return err
		}
		for _, line := range strings.Split(string(b), "\n") {
			if line = strings.TrimSpace(line); line != "" {
				each(line)
			}
		}
	}
	return nil
}

// reutersText matches one story's title (optional) and body.
var reutersText = regexp.MustCompile(`(?s)<TEXT[^>]*>(?:.*?<TITLE>(.*?)</TITLE>)?.*?<BODY>(.*?)</BODY>`)

// sgmlText unescapes entities and drops control characters.
func sgmlText(s string) string {
	s = html.UnescapeString(s)
	return strings.Map(func(r rune) rune {
		if r < 0x20 && r != '\n' && r != '\t' {
			return -1
		}
		return r
	}, s)
}

func latin1(b []byte) string {
	var sb strings.Builder
	sb.Grow(len(b))
	for _, c := range b {
		sb.WriteRune(rune(c))
	}
	return sb.String()
}

// ReadGzip reads a whole gzipped file.
func ReadGzip(path string) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	zr, err := gzip.NewReader(f)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	b, err := io.ReadAll(zr)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return b, nil
}
