package corpus

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// Re3d reads every document of every source folder of Dstl's re3d corpus
// under dir (re3d/<folder>/documents.json, one JSON object per line), in
// folder-name and file order: Group is the folder (centcom, bbc-online …),
// Source the publishing body's name; re3d documents carry no date.
func Re3d(dir string) ([]Doc, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*", "documents.json"))
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("re3d: no */documents.json under %s: %w", dir, os.ErrNotExist)
	}
	sort.Strings(paths)
	var out []Doc
	for _, path := range paths {
		docs, err := readRe3dFile(path)
		if err != nil {
			return nil, err
		}
		out = append(out, docs...)
	}
	return out, nil
}

func readRe3dFile(path string) ([]Doc, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	folder := filepath.Base(filepath.Dir(path))
	var out []Doc
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for n := 1; sc.Scan(); n++ {
		var r struct {
			ID         string `json:"_id"`
			Title      string `json:"title"`
			Text       string `json:"text"`
			SourceName string `json:"sourceName"`
			SourceURL  string `json:"sourceUrl"`
		}
		if err := json.Unmarshal(sc.Bytes(), &r); err != nil {
			return nil, fmt.Errorf("re3d %s:%d: %w", path, n, err)
		}
		out = append(out, Doc{ID: r.ID, Group: folder, Source: r.SourceName, Title: r.Title, URL: r.SourceURL, Text: r.Text})
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("re3d %s: %w", path, err)
	}
	return out, nil
}
