package eval

import (
	"bufio"
	"encoding/json"
	"fmt"
	"os"
	"path/filepath"
	"sort"
)

// Re3dDocument is one line of a re3d folder's documents.json (Dstl's
// conflict-domain corpus, ../shared/data/re3d): a report with its source
// and no publication date.
type Re3dDocument struct {
	ID         string `json:"_id"`
	Title      string `json:"title"`
	Text       string `json:"text"`
	SourceName string `json:"sourceName"`
	SourceURL  string `json:"sourceUrl"`
	// Folder is the source folder it was read from (centcom, bbc-online …).
	Folder string `json:"-"`
}

// ReadRe3d reads every document of every source folder of the re3d
// corpus at dir, folders in name order and documents in file order.
func ReadRe3d(dir string) ([]Re3dDocument, error) {
	paths, err := filepath.Glob(filepath.Join(dir, "*", "documents.json"))
	if err != nil {
		return nil, err
	}
	if len(paths) == 0 {
		return nil, fmt.Errorf("%s: no re3d folders (*/documents.json)", dir)
	}
	sort.Strings(paths)
	var out []Re3dDocument
	for _, path := range paths {
		docs, err := readRe3dFile(path)
		if err != nil {
			return nil, err
		}
		out = append(out, docs...)
	}
	return out, nil
}

func readRe3dFile(path string) ([]Re3dDocument, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	folder := filepath.Base(filepath.Dir(path))
	var out []Re3dDocument
	sc := bufio.NewScanner(f)
	sc.Buffer(nil, 16<<20)
	for n := 1; sc.Scan(); n++ {
		var d Re3dDocument
		if err := json.Unmarshal(sc.Bytes(), &d); err != nil {
			return nil, fmt.Errorf("%s:%d: %w", path, n, err)
		}
		d.Folder = folder
		out = append(out, d)
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return out, nil
}

// readRe3d reads the re3d documents whose IDs are in want as corpus
// records: the source's name is the outlet; there is no date.
func readRe3d(dir string, want map[string]bool) (map[string]corpusRecord, error) {
	docs, err := ReadRe3d(dir)
	if err != nil {
		return nil, err
	}
	out := map[string]corpusRecord{}
	for _, d := range docs {
		if want[d.ID] {
			outlet, title := d.SourceName, d.Title
			out[d.ID] = corpusRecord{ID: d.ID, Outlet: &outlet, Title: &title, Text: d.Text}
		}
	}
	return out, nil
}
