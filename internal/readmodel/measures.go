package readmodel

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"sitrep/internal/ledger"
	"sitrep/internal/link/measure"
	"sitrep/internal/news"
)

var errNoMeasures = errors.New("this store has no measure index")

func (c *Catalog) measures() (measure.Lister, error) {
	l, ok := c.st.(measure.Lister)
	if !ok {
		return nil, errNoMeasures
	}
	return l, nil
}

// Measures returns a page of the global measures, most articles first,
// after the cursor (the zero cursor for the first page).
func (c *Catalog) Measures(ctx context.Context, after news.MeasureCursor, limit int) (news.MeasurePage, error) {
	l, err := c.measures()
	if err != nil {
		return news.MeasurePage{}, err
	}
	p, err := l.Measures(ctx, after, limit)
	for i := range p.Measures {
		readable(&p.Measures[i])
	}
	return p, err
}

// readable makes a measure's label words (MeasureLabel) and its speakers
// names (SpeakerName), each name once.
func readable(m *news.MeasureSummary) {
	m.Label = MeasureLabel(m.Label, m.Key, m.Unit)
	var names []string
	seen := map[string]bool{}
	for _, s := range m.SpeakerNames {
		n := SpeakerName(s)
		if k := foldName(n); !seen[k] {
			seen[k] = true
			names = append(names, n)
		}
	}
	m.SpeakerNames = names
}

// MeasureDetail is one global measure across every story and article
// that reports it: its summary, its ledger (values ordered by the time
// they refer to, with speakers, independent sources, relations and
// contradictions) and the stories it spans.
type MeasureDetail struct {
	Measure news.MeasureSummary `json:"measure"`
	Ledger  Measure             `json:"ledger"`
	Stories []string            `json:"stories"`
	// StoryTitles names each story by the title of its first report of
	// the measure.
	StoryTitles map[string]string `json:"story_titles"`
}

// MeasureDetailOf reads one global measure, or an error wrapping
// news.ErrNotFound.
func MeasureDetailOf(ctx context.Context, c *Catalog, id string) (*MeasureDetail, error) {
	l, err := c.measures()
	if err != nil {
		return nil, err
	}
	sum, figs, err := l.Measure(ctx, id)
	if err != nil {
		return nil, fmt.Errorf("measure %s: %w", id, err)
	}
	readable(&sum)
	g := ledger.Line(sum.MeasureDef, figs)
	d := &MeasureDetail{Measure: sum, Ledger: MeasureOf(g), Stories: []string{}}
	d.Ledger.ID, d.Ledger.Label = sum.ID, sum.Label
	for i := range d.Ledger.Figures {
		d.Ledger.Figures[i].MeasureID = sum.ID
	}
	for _, f := range figs {
		if f.Story != "" && !slices.Contains(d.Stories, f.Story) {
			d.Stories = append(d.Stories, f.Story)
		}
	}
	// Each story is named by the title of its first report of the measure.
	first := map[string]string{}
	var ids []string
	for _, f := range figs {
		if f.Story != "" && first[f.Story] == "" {
			first[f.Story] = f.Article
			ids = append(ids, f.Article)
		}
	}
	ents, err := c.Entries(ctx, ids)
	if err != nil {
		return nil, err
	}
	titles := map[string]string{}
	for _, e := range ents {
		titles[e.ID] = EntryTitle(e)
	}
	d.StoryTitles = map[string]string{}
	for s, a := range first {
		d.StoryTitles[s] = titles[a]
	}
	return d, nil
}

// MeasureList is a page of global measures and the cursor of the next
// ("" at the end).
type MeasureList struct {
	Measures   []news.MeasureSummary `json:"measures"`
	NextCursor string                `json:"next_cursor,omitempty"`
}

// MeasuresPage reads the page of global measures after cursor ("" for
// the first page; the position "m", an article count, ":" and a measure
// ID); a cursor it did not hand out is an error wrapping ErrBadInput.
func (c *Catalog) MeasuresPage(ctx context.Context, cursor string, limit int) (MeasureList, error) {
	var after news.MeasureCursor
	pos, err := decodeCursor(cursor)
	if err != nil {
		return MeasureList{}, err
	}
	if pos != "" {
		n, id, ok := strings.Cut(strings.TrimPrefix(pos, "m"), ":")
		var err error
		if after.Articles, err = strconv.Atoi(n); !strings.HasPrefix(pos, "m") || !ok || err != nil || id == "" {
			return MeasureList{}, fmt.Errorf("cursor %q: not one of this listing: %w", cursor, ErrBadInput)
		}
		after.ID = id
	}
	p, err := c.Measures(ctx, after, limit)
	if err != nil {
		return MeasureList{}, err
	}
	out := MeasureList{Measures: p.Measures}
	if p.Next != nil {
		out.NextCursor = EncodeCursor("m" + strconv.Itoa(p.Next.Articles) + ":" + p.Next.ID)
	}
	return out, nil
}

// LinkMeasures sets the MeasureID of each row to the global measure its
// figure is counted in, read from the measure index (rows of figures not
// yet indexed, and every row when the store has no index, get none).
func (c *Catalog) LinkMeasures(ctx context.Context, rows []FigureRow) error {
	l, err := c.measures()
	if err != nil || len(rows) == 0 {
		return nil
	}
	var ids []string
	for _, r := range rows {
		if !slices.Contains(ids, r.Article) {
			ids = append(ids, r.Article)
		}
	}
	fm, err := l.FigureMeasures(ctx, ids)
	if err != nil {
		return err
	}
	for i := range rows {
		rows[i].MeasureID = fm[rows[i].Article][rows[i].Index]
	}
	return nil
}

// linkLedger sets the measures of a ledger's rows (LinkMeasures) and each
// group's ID to its first row's measure.
func (c *Catalog) linkLedger(ctx context.Context, l *Ledger) error {
	// One read of the index for every measure's rows.
	var all []FigureRow
	for _, m := range l.Measures {
		all = append(all, m.Figures...)
	}
	if err := c.LinkMeasures(ctx, all); err != nil {
		return err
	}
	k := 0
	for i := range l.Measures {
		m := &l.Measures[i]
		for j := range m.Figures {
			m.Figures[j].MeasureID = all[k].MeasureID
			k++
		}
		if len(m.Figures) > 0 {
			m.ID = m.Figures[0].MeasureID
		}
	}
	return nil
}
