// Package sampledata generates "Sample sales", the SQLite database a new
// Sightglass server offers as its first data source: one table of orders
// over two years, with regions, countries and cities, categories and
// products, customer segments, seasonality and growth, so that a newcomer's
// first charts show something real. The same seed gives the same file.
package sampledata

import (
	"context"
	"database/sql"
	"fmt"
	"math"
	"math/rand/v2"
	"net/url"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	_ "modernc.org/sqlite" // registers the "sqlite" database/sql driver

	"github.com/sightglass/sightglass/internal/query/dialect"
)

// DefaultRows is the size of the sample a new server generates.
const DefaultRows = 100_000

// Anchor is the last day of orders in the sample Generate writes: orders
// cover the two years before it. Fixed, so that the file and every figure
// derived from it are the same on every machine; GenerateAt takes another.
var Anchor = time.Date(2026, time.November, 30, 0, 0, 0, 0, time.UTC)

// Table is the sample's one table, and Columns its columns in order.
const Table = "orders"

// Column is a column of the orders table: its SQLite type, and its type
// as a QuickSight InputColumn names it (for the sample dataset's
// PhysicalTableMap).
type Column struct{ Name, Type, InputType string }

// Columns of the orders table, in order.
var Columns = []Column{
	{"order_id", "INTEGER", "INTEGER"}, {"order_date", "DATE", "DATETIME"}, {"ship_date", "DATE", "DATETIME"},
	{"region", "TEXT", "STRING"}, {"country", "TEXT", "STRING"}, {"city", "TEXT", "STRING"},
	{"product", "TEXT", "STRING"}, {"category", "TEXT", "STRING"}, {"sub_category", "TEXT", "STRING"}, {"segment", "TEXT", "STRING"},
	{"quantity", "INTEGER", "INTEGER"}, {"unit_price", "REAL", "DECIMAL"}, {"discount", "REAL", "DECIMAL"}, {"revenue", "REAL", "DECIMAL"}, {"profit", "REAL", "DECIMAL"},
}

// Generate writes the "Sample sales" database with the given number of
// orders to path, replacing nothing: path must not exist. The orders end on
// Anchor.
func Generate(path string, rows int, seed int64) error {
	return GenerateAt(context.Background(), path, rows, seed, Anchor)
}

// GenerateAt is Generate with orders over the two years that end on last.
// The file is written under a temporary name and renamed into place, so a
// failure or cancellation leaves no file at path.
func GenerateAt(ctx context.Context, path string, rows int, seed int64, last time.Time) (err error) {
	if rows < 0 {
		return fmt.Errorf("sampledata: %d rows", rows)
	}
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("sampledata: %s already exists", path)
	}
	tmp := fmt.Sprintf("%s.tmp-%d", path, os.Getpid())
	os.Remove(tmp)
	defer func() {
		if err != nil {
			os.Remove(tmp)
			os.Remove(tmp + "-journal")
		}
	}()
	if err := write(ctx, tmp, rows, seed, last); err != nil {
		return fmt.Errorf("sampledata: %w", err)
	}
	if err := syncFile(tmp); err != nil {
		return err
	}
	return os.Rename(tmp, path)
}

func write(ctx context.Context, path string, rows int, seed int64, last time.Time) error {
	q := url.Values{}
	q.Add("_pragma", "journal_mode(OFF)")
	q.Add("_pragma", "synchronous(OFF)")
	u := url.URL{Scheme: "file", OmitHost: true, Path: filepath.ToSlash(path), RawQuery: q.Encode()}
	db, err := sql.Open("sqlite", u.String())
	if err != nil {
		return err
	}
	defer db.Close()
	db.SetMaxOpenConns(1)

	var ddl strings.Builder
	ddl.WriteString("CREATE TABLE " + Table + " (")
	for i, c := range Columns {
		if i > 0 {
			ddl.WriteString(", ")
		}
		ddl.WriteString(c.Name + " " + c.Type)
		if i == 0 {
			ddl.WriteString(" PRIMARY KEY")
		}
	}
	ddl.WriteString(")")

	tx, err := db.BeginTx(ctx, nil)
	if err != nil {
		return err
	}
	defer tx.Rollback()
	if _, err := tx.ExecContext(ctx, ddl.String()); err != nil {
		return err
	}
	const batch = 200 // rows per INSERT statement
	stmt, err := tx.PrepareContext(ctx, insertSQL(batch))
	if err != nil {
		return err
	}
	defer stmt.Close()
	g := newGenerator(seed, last)
	dates := g.orderDates(rows)
	args := make([]any, 0, batch*len(Columns))
	for i, day := range dates {
		args = g.order(args, int64(i+1), day)
		if len(args) == cap(args) {
			if _, err := stmt.ExecContext(ctx, args...); err != nil {
				return err
			}
			args = args[:0]
		}
	}
	if n := len(args) / len(Columns); n > 0 {
		if _, err := tx.ExecContext(ctx, insertSQL(n), args...); err != nil {
			return err
		}
	}
	for _, idx := range []string{
		"CREATE INDEX orders_order_date ON orders (order_date)",
		// The query engine reads a SQLite DATETIME column through
		// dialect.SQLite.StoredDatetime; an index on that expression
		// keeps date-range filters seeking instead of scanning.
		"CREATE INDEX orders_order_date_stored ON orders (" + dialect.SQLite.StoredDatetime("order_date") + ")",
		// The one index on a dimension, and it covers what region
		// questions read: SQLite walks an index in the order of a GROUP
		// BY rather than sort, and through one that misses a column it
		// looks up every row (three times the CPU of a scan). Covering,
		// it serves region = X and date ranges within a region as seeks
		// and GROUP BY region as a scan of rows half as wide as the
		// table's. Category gets no index: at 26–40 % of the rows a seek
		// gains nothing, and its order lured unfiltered GROUP BY category
		// into the lookups.
		"CREATE INDEX orders_region_date ON orders (region, order_date, revenue, profit, quantity, segment, category, sub_category)",
	} {
		if _, err := tx.ExecContext(ctx, idx); err != nil {
			return err
		}
	}
	if err := tx.Commit(); err != nil {
		return err
	}
	_, err = db.ExecContext(ctx, "ANALYZE")
	return err
}

func insertSQL(rows int) string {
	one := "(" + strings.Repeat("?,", len(Columns)-1) + "?)"
	return "INSERT INTO " + Table + " VALUES " + strings.Repeat(one+",", rows-1) + one
}

func syncFile(path string) error {
	f, err := os.OpenFile(path, os.O_RDWR, 0)
	if err != nil {
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

// generator draws orders. Its draws depend only on the seed.
type generator struct {
	rng        *rand.Rand
	first      time.Time
	days       int
	regionCum  []float64
	catCum     []float64
	segmentCum []float64
	discCum    []float64
	countryCum [][]float64
	cityCum    [][][]float64
	subCum     [][]float64
	prodCum    [][][]float64
}

func newGenerator(seed int64, last time.Time) *generator {
	last = time.Date(last.Year(), last.Month(), last.Day(), 0, 0, 0, 0, time.UTC)
	first := last.AddDate(-2, 0, 1)
	g := &generator{
		rng:        rand.New(rand.NewPCG(uint64(seed), 0x5a4d_504c_4553)),
		first:      first,
		days:       int(last.Sub(first).Hours()/24) + 1,
		regionCum:  cumulative(regions),
		catCum:     cumulative(categories),
		segmentCum: cumulative(segments),
		discCum:    cumulative(discounts),
	}
	for _, r := range regions {
		g.countryCum = append(g.countryCum, cumulative(r.item.countries))
		var cities [][]float64
		for _, c := range r.item.countries {
			cities = append(cities, cumulative(c.item.cities))
		}
		g.cityCum = append(g.cityCum, cities)
	}
	for _, c := range categories {
		g.subCum = append(g.subCum, cumulative(c.item.subs))
		var prods [][]float64
		for _, s := range c.item.subs {
			prods = append(prods, cumulative(s.item.products))
		}
		g.prodCum = append(g.prodCum, prods)
	}
	return g
}

func cumulative[T any](ws []weighted[T]) []float64 {
	out := make([]float64, len(ws))
	sum := 0.0
	for i, w := range ws {
		sum += w.weight
		out[i] = sum
	}
	for i := range out {
		out[i] /= sum
	}
	return out
}

// pick draws an index from a cumulative distribution.
func (g *generator) pick(cum []float64) int {
	x := g.rng.Float64()
	i, _ := slices.BinarySearch(cum, x)
	return min(i, len(cum)-1)
}

// orderDates draws n order days, sorted, with demand that grows about 18%
// a year, peaks in November and December, dips in the summer and is lower
// at weekends.
func (g *generator) orderDates(n int) []time.Time {
	season := [12]float64{0.9, 0.82, 0.95, 0.95, 0.97, 0.9, 0.85, 1.0, 1.05, 1.0, 1.3, 1.45}
	cum := make([]float64, g.days)
	sum := 0.0
	for d := range g.days {
		day := g.first.AddDate(0, 0, d)
		w := season[day.Month()-1] * math.Pow(1.18, float64(d)/365)
		if wd := day.Weekday(); wd == time.Saturday || wd == time.Sunday {
			w *= 0.6
		}
		sum += w
		cum[d] = sum
	}
	for d := range cum {
		cum[d] /= sum
	}
	out := make([]int, n)
	for i := range out {
		out[i] = g.pick(cum)
	}
	slices.Sort(out)
	dates := make([]time.Time, n)
	for i, d := range out {
		dates[i] = g.first.AddDate(0, 0, d)
	}
	return dates
}

// order appends the column values of one order on day to args.
func (g *generator) order(args []any, id int64, day time.Time) []any {
	ri := g.pick(g.regionCum)
	r := regions[ri].item
	ci := g.pick(g.countryCum[ri])
	c := r.countries[ci].item
	city := c.cities[g.pick(g.cityCum[ri][ci])].item

	// Categories follow their own seasons: redraw a few times against it.
	ki := g.pick(g.catCum)
	for range 2 {
		if g.rng.Float64()*1.6 < categories[ki].item.season[day.Month()-1] {
			break
		}
		ki = g.pick(g.catCum)
	}
	k := categories[ki].item
	si := g.pick(g.subCum[ki])
	s := k.subs[si].item
	p := s.products[g.pick(g.prodCum[ki][si])].item
	segment := segments[g.pick(g.segmentCum)].item

	quantity := 1 + int64(g.rng.ExpFloat64()*2.2)
	if segment == "Corporate" {
		quantity += int64(g.rng.IntN(3))
	}
	quantity = min(quantity, 14)
	unitPrice := round2(p.price * (0.95 + 0.1*g.rng.Float64()))
	discount := 0.0
	if g.rng.Float64() < r.discount {
		discount = discounts[g.pick(g.discCum)].item
	}
	revenue := round2(float64(quantity) * unitPrice * (1 - discount))
	margin := s.margin - 1.6*discount + g.rng.NormFloat64()*0.06
	profit := round2(revenue * margin)
	ship := day.AddDate(0, 0, k.shipDays+g.rng.IntN(4))

	return append(args, id, day.Format(time.DateTime), ship.Format(time.DateTime),
		r.name, c.name, city, p.name, k.name, s.name, segment,
		quantity, unitPrice, discount, revenue, profit)
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }
