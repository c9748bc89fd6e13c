package sqlstore

import (
	"context"
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	"sitrep/internal/news"
	"sitrep/internal/store"
)

// row is one article encoded for the articles table.
type row struct {
	id, path, outlet, title, author  string
	duplicateKey, textHash           string
	url                              sql.NullString
	published, fetched               any
	language, declaredSource, format string
	rawSHA256                        string
	rawSize, words                   int
	status, text                     string
	doc                              []byte
	entry                            store.Entry
	genre                            string
}

// genreOf is the kind of a's genre layer, "" when it has none: the
// genre column (migration 0006).
func genreOf(a *news.Article) string {
	if a.Genre == nil {
		return ""
	}
	return a.Genre.Kind
}

func (s *Store) encode(a *news.Article) (row, error) {
	if a == nil {
		return row{}, errors.New("nil article")
	}
	published, err := s.d.Time(a.Published)
	if err != nil {
		return row{}, fmt.Errorf("published: %w", err)
	}
	fetched, err := s.d.Time(a.Fetched)
	if err != nil {
		return row{}, fmt.Errorf("fetched: %w", err)
	}
	d := *a
	d.Text = ""
	doc, err := json.Marshal(&d)
	if err != nil {
		return row{}, fmt.Errorf("encode doc: %w", err)
	}
	// JSON escapes the NUL character as \u0000 in strings.
	if s.d.NoNUL && (strings.Contains(string(doc), `\u0000`) || strings.ContainsRune(a.Text, 0)) {
		return row{}, errors.New("NUL character in article")
	}
	return row{
		id:             a.ID,
		duplicateKey:   a.DuplicateKey(),
		textHash:       news.TextHash(a.Text),
		url:            sql.NullString{String: a.URL, Valid: a.URL != ""},
		path:           a.Path,
		outlet:         a.Outlet,
		title:          a.Title,
		author:         a.Author,
		published:      published,
		fetched:        fetched,
		language:       a.Language,
		declaredSource: a.DeclaredSource,
		format:         string(a.Format),
		rawSHA256:      a.RawSHA256,
		rawSize:        a.RawSize,
		words:          a.Words(),
		status:         a.Status(),
		text:           a.Text,
		doc:            doc,
		entry:          store.LinkFieldsOf(a),
		genre:          genreOf(a),
	}, nil
}

const insertSQL = `INSERT INTO articles (id, url, duplicate_key, text_hash, path, outlet, title, author,
	published, fetched, language, declared_source, format, raw_sha256,
	raw_size, words, status, text, doc, ingested_at,
	story, provenance_kind, provenance_of, provenance_family, figures, events, genre, origin)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
ON CONFLICT DO NOTHING`

// Put stores articles in one transaction: all of them or, on error, none;
// see store.ArticleWriter. An article whose ID, non-empty URL or
// duplicate key is already stored, earlier in the database or earlier in
// the same batch, is reported as a duplicate of that article and not
// written.
func (s *Store) Put(ctx context.Context, articles []*news.Article) ([]store.PutResult, error) {
	rows := make([]row, len(articles))
	for i, a := range articles {
		r, err := s.encode(a)
		if err != nil {
			if a == nil {
				return nil, fmt.Errorf("put article %d: %w", i, err)
			}
			return nil, fmt.Errorf("put article %d (%s): %w", i, a.ID, err)
		}
		rows[i] = r
	}
	if len(rows) == 0 {
		return []store.PutResult{}, nil
	}
	now, err := s.d.Time(time.Now())
	if err != nil {
		return nil, fmt.Errorf("put: %w", err)
	}
	tx, err := s.begin(ctx)
	if err != nil {
		return nil, fmt.Errorf("put: begin: %w", err)
	}
	defer tx.Rollback()
	// A full-text index fed once per batch (SQLite's FTS5 flushes its
	// pending terms at every statement, so one INSERT … SELECT over the
	// new rows costs far less than a per-row trigger).
	var lastSeq int64
	if s.d.IndexText != "" {
		if err := tx.QueryRowContext(ctx, `SELECT COALESCE(MAX(seq), 0) FROM articles`).Scan(&lastSeq); err != nil {
			return nil, fmt.Errorf("put: %w", err)
		}
	}
	ins, err := tx.PrepareContext(ctx, s.bind(insertSQL))
	if err != nil {
		return nil, fmt.Errorf("put: %w", err)
	}
	defer ins.Close()
	results := make([]store.PutResult, len(rows))
	for i, r := range rows {
		res, err := ins.ExecContext(ctx, r.id, r.url, r.duplicateKey, r.textHash, r.path, r.outlet, r.title, r.author,
			r.published, r.fetched, r.language, r.declaredSource, r.format, r.rawSHA256,
			r.rawSize, r.words, r.status, r.text, r.doc, now,
			r.entry.Story, r.entry.Provenance, r.entry.Of, r.entry.Family, r.entry.Figures, r.entry.Events, r.genre, r.entry.Origin)
		if err != nil {
			return nil, fmt.Errorf("put article %d (%s): %w", i, r.id, err)
		}
		n, err := res.RowsAffected()
		if err != nil {
			return nil, fmt.Errorf("put article %d (%s): %w", i, r.id, err)
		}
		if n == 1 {
			results[i] = store.PutResult{ID: r.id}
			if err := s.writeEntityRows(ctx, tx, r.id, articles[i], false); err != nil {
				return nil, fmt.Errorf("put article %d (%s): %w", i, r.id, err)
			}
			continue
		}
		id, err := s.existing(ctx, tx, r)
		if err != nil {
			return nil, fmt.Errorf("put article %d (%s): %w", i, r.id, err)
		}
		results[i] = store.PutResult{ID: id, Duplicate: true}
	}
	if s.d.IndexText != "" {
		if _, err := s.exec(ctx, tx, s.d.IndexText, lastSeq); err != nil {
			return nil, fmt.Errorf("put: full-text index: %w", err)
		}
	}
	if err := tx.Commit(); err != nil {
		return nil, fmt.Errorf("put: commit: %w", err)
	}
	return results, nil
}

// writeEntityRows writes the index of a's figures and events by entity
// (entity_rows, migration 0012) for the stored article id, replacing the
// rows it had when replace is set.
func (s *Store) writeEntityRows(ctx context.Context, tx *sql.Tx, id string, a *news.Article, replace bool) error {
	var seq int64
	if err := s.queryRow(ctx, tx, `SELECT seq FROM articles WHERE id = ?`, id).Scan(&seq); err != nil {
		return fmt.Errorf("entity rows: %w", err)
	}
	if replace {
		if _, err := s.exec(ctx, tx, `DELETE FROM entity_rows WHERE seq = ?`, seq); err != nil {
			return fmt.Errorf("entity rows: %w", err)
		}
	}
	rows := store.EntityRowsOf(a)
	return chunks(rows, func(part []store.EntityRow) error {
		args := make([]any, 0, 3*len(part))
		for _, r := range part {
			args = append(args, r.Key, r.Role, seq)
		}
		if _, err := s.exec(ctx, tx, `INSERT INTO entity_rows (key, role, seq) VALUES `+tuples(len(part), "(?, ?, ?)")+
			` ON CONFLICT DO NOTHING`, args...); err != nil {
			return fmt.Errorf("entity rows: %w", err)
		}
		return nil
	})
}

// existing returns the ID of the stored article r collided with: the one
// with the same ID if there is one, else the same URL, else the same
// duplicate key.
func (s *Store) existing(ctx context.Context, tx *sql.Tx, r row) (string, error) {
	for _, by := range []struct {
		col string
		val any
		ok  bool
	}{{"id", r.id, true}, {"url", r.url.String, r.url.Valid}, {"duplicate_key", r.duplicateKey, true}} {
		if !by.ok {
			continue
		}
		var id string
		err := s.queryRow(ctx, tx, `SELECT id FROM articles WHERE `+by.col+` = ?`, by.val).Scan(&id)
		if err == nil {
			return id, nil
		}
		if !noRows(err) {
			return "", err
		}
	}
	return "", errors.New("insert ignored but no conflicting article found")
}

// Update replaces the stored layers and problems of the article with
// a.ID; see store.ArticleUpdater.
func (s *Store) Update(ctx context.Context, a *news.Article) error {
	r, err := s.encode(a)
	if err != nil {
		return fmt.Errorf("update %s: %w", a.ID, err)
	}
	e := r.entry
	tx, err := s.begin(ctx)
	if err != nil {
		return fmt.Errorf("update %s: %w", a.ID, err)
	}
	defer tx.Rollback()
	res, err := s.exec(ctx, tx, `UPDATE articles SET doc = ?, status = ?,
		story = ?, provenance_kind = ?, provenance_of = ?, provenance_family = ?, figures = ?, events = ?, genre = ?, origin = ?
		WHERE id = ? AND text = ?`, r.doc, r.status,
		e.Story, e.Provenance, e.Of, e.Family, e.Figures, e.Events, r.genre, e.Origin, a.ID, a.Text)
	if err != nil {
		return fmt.Errorf("update %s: %w", a.ID, err)
	}
	if n, err := res.RowsAffected(); err != nil {
		return fmt.Errorf("update %s: %w", a.ID, err)
	} else if n == 1 {
		if err := s.writeEntityRows(ctx, tx, a.ID, a, true); err != nil {
			return fmt.Errorf("update %s: %w", a.ID, err)
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("update %s: commit: %w", a.ID, err)
		}
		return nil
	}
	var seq int64
	err = s.queryRow(ctx, tx, `SELECT seq FROM articles WHERE id = ?`, a.ID).Scan(&seq)
	if noRows(err) {
		return fmt.Errorf("update %s: %w", a.ID, store.ErrNotFound)
	}
	if err != nil {
		return fmt.Errorf("update %s: %w", a.ID, err)
	}
	return fmt.Errorf("update %s: the text differs from the stored text", a.ID)
}

// Article returns the stored article with all its layers, or an error
// wrapping store.ErrNotFound.
func (s *Store) Article(ctx context.Context, id string) (*news.Article, error) {
	var (
		a                  news.Article
		url                sql.NullString
		format             string
		published, fetched any
		doc                []byte
	)
	err := s.queryRow(ctx, s.r, `SELECT doc, id, url, path, outlet, title, author,
		published, fetched, language, declared_source, format, raw_sha256, raw_size, text
		FROM articles WHERE id = ?`, id).Scan(&doc, &a.ID, &url, &a.Path, &a.Outlet,
		&a.Title, &a.Author, &published, &fetched, &a.Language, &a.DeclaredSource,
		&format, &a.RawSHA256, &a.RawSize, &a.Text)
	if noRows(err) {
		return nil, fmt.Errorf("article %s: %w", id, store.ErrNotFound)
	}
	if err != nil {
		return nil, fmt.Errorf("article %s: %w", id, err)
	}
	var d news.Article
	if err := json.Unmarshal(doc, &d); err != nil {
		return nil, fmt.Errorf("article %s: decode doc: %w", id, err)
	}
	pub, err := asTime(published)
	if err != nil {
		return nil, fmt.Errorf("article %s: published: %w", id, err)
	}
	fet, err := asTime(fetched)
	if err != nil {
		return nil, fmt.Errorf("article %s: fetched: %w", id, err)
	}
	// The columns are the source of truth for metadata; the doc supplies
	// the layers, and what the columns do not keep of the times: their
	// zones and (PostgreSQL) their nanoseconds.
	d.ID, d.URL, d.Path, d.Outlet = a.ID, url.String, a.Path, a.Outlet
	d.Title, d.Author, d.Language, d.DeclaredSource = a.Title, a.Author, a.Language, a.DeclaredSource
	d.Format, d.RawSHA256, d.RawSize, d.Text = news.Format(format), a.RawSHA256, a.RawSize, a.Text
	d.Published = keepZone(pub, d.Published)
	d.Fetched = keepZone(fet, d.Fetched)
	return &d, nil
}

// keepZone returns col, the instant stored in a column, as fromDoc when
// both name the same instant (fromDoc to the microsecond, all a
// PostgreSQL timestamp keeps).
func keepZone(col, fromDoc time.Time) time.Time {
	switch {
	case col.IsZero():
		return time.Time{}
	case fromDoc.Equal(col), fromDoc.Truncate(time.Microsecond).Equal(col):
		return fromDoc
	}
	return col
}

// Count returns the number of stored articles.
func (s *Store) Count(ctx context.Context) (int, error) {
	var n int
	if err := s.r.QueryRowContext(ctx, `SELECT count(*) FROM articles`).Scan(&n); err != nil {
		return 0, fmt.Errorf("count: %w", err)
	}
	return n, nil
}

// Search returns summaries of the articles whose title or text contain
// every word of query, best match first (SearchPage's first page).
// Nothing in query is read as query syntax; an empty query finds
// nothing. A limit <= 0 means DefaultLimit; it is capped at MaxLimit.
func (s *Store) Search(ctx context.Context, query string, limit int) ([]store.Summary, error) {
	hits, _, err := s.SearchPage(ctx, store.SearchQuery{Page: store.Page{Limit: limit}, Any: [][]string{{query}}})
	if err != nil {
		return nil, fmt.Errorf("search %q: %w", query, err)
	}
	out := make([]store.Summary, len(hits))
	for i, h := range hits {
		out[i] = h.Summary
	}
	return out, nil
}
