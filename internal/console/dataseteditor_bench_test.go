package console

import (
	"bytes"
	"context"
	"database/sql"
	"encoding/json"
	"io"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"testing"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
	"github.com/sightglass/sightglass/internal/secretbox"
	"github.com/sightglass/sightglass/internal/store/sqlite"
	_ "modernc.org/sqlite"
)

const benchAccount = "123456789012"

// editorBench is a console on a fresh store with a SQLITE data source
// whose orders table has 1,000,000 rows, and the bootstrap admin.
func editorBench(b *testing.B) (*Console, *sg.User, *draft) {
	b.Helper()
	ctx := context.Background()
	dir := b.TempDir()
	db, err := sql.Open("sqlite", filepath.Join(dir, "big.sqlite"))
	if err != nil {
		b.Fatal(err)
	}
	for _, s := range []string{
		`CREATE TABLE orders (id INTEGER PRIMARY KEY, customer_id INTEGER, amount REAL, region TEXT)`,
		`WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 1000000)
		 INSERT INTO orders SELECT i, i % 5000, (i % 977) * 1.25, CASE i % 4 WHEN 0 THEN 'East' WHEN 1 THEN 'West' WHEN 2 THEN 'North' ELSE 'South' END FROM n`,
	} {
		if _, err := db.Exec(s); err != nil {
			b.Fatal(err)
		}
	}
	db.Close()
	store, err := sqlite.Open(ctx, filepath.Join(dir, "sightglass.db"))
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { store.Close() })
	a := app.New(store, "us-east-1")
	box, _ := secretbox.New(bytes.Repeat([]byte{1}, secretbox.KeySize))
	a.ConfigureData(app.DataConfig{Secrets: box, DataSourceDir: dir, SPICEDir: filepath.Join(dir, "spice")})
	b.Cleanup(func() { a.Close() })
	if _, err := a.Bootstrap(ctx, benchAccount); err != nil {
		b.Fatal(err)
	}
	if _, err := a.CreateSQLiteDataSource(ctx, benchAccount, "big", "Big", "big.sqlite"); err != nil {
		b.Fatal(err)
	}
	u, err := store.FindUser(ctx, benchAccount, sg.DefaultNamespace, app.BootstrapAdmin)
	if err != nil {
		b.Fatal(err)
	}
	c, err := New(Config{App: a})
	if err != nil {
		b.Fatal(err)
	}
	cols, err := a.TableColumns(ctx, u, "big", "", "orders")
	if err != nil {
		b.Fatal(err)
	}
	return c, u, startTable(a.DataSourceARN(benchAccount, "big"), "big", "", "orders", cols)
}

// BenchmarkDataSetPreview1M previews a draft over a 1,000,000-row table:
// the table as it is, with a calculated field, and the worst case, a
// filter no row passes (the source reads every row to find none).
func BenchmarkDataSetPreview1M(b *testing.B) {
	c, u, base := editorBench(b)
	ctx := context.Background()
	calc, _ := parseDraft(base.JSON())
	if err := calc.calculated("double", "{amount} * 2"); err != nil {
		b.Fatal(err)
	}
	none, _ := parseDraft(base.JSON())
	if err := none.filter("{region} = 'Nowhere'"); err != nil {
		b.Fatal(err)
	}
	for _, bc := range []struct {
		name string
		d    *draft
	}{{"table", base}, {"calculated", calc}, {"filter-no-match", none}} {
		b.Run(bc.name, func(b *testing.B) {
			physical, logical := bc.d.maps()
			for b.Loop() {
				if _, err := c.app.PreviewDataSetDraft(ctx, u, physical, logical, previewRows); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkDataSetEditorStep is the server side of one editor step on the
// 1M-row table, without the session look-up: apply a calculated field,
// check the draft, preview it and render the editor.
func BenchmarkDataSetEditorStep(b *testing.B) {
	c, u, base := editorBench(b)
	ctx := context.Background()
	s := &signedIn{Console: &app.Console{User: u, Session: &sg.Session{EmbedID: "0123456789abcdef0123456789abcdef"}}}
	form := url.Values{"name": {"double"}, "expression": {"{amount} * 2"}}
	b.ReportAllocs()
	for b.Loop() {
		d, _ := parseDraft(base.JSON())
		p, err := c.editorAccess(ctx, u, d)
		if err != nil {
			b.Fatal(err)
		}
		if err := c.applyStep(ctx, u, d, "calc", form); err != nil {
			b.Fatal(err)
		}
		physical, logical := d.maps()
		if _, err := c.app.CheckDataSetDraft(ctx, u, physical, logical); err != nil {
			b.Fatal(err)
		}
		w := httptest.NewRecorder()
		if err := c.renderEditor(w, 200, s, c.editor(ctx, u, s.Session.EmbedID, d, nil, p)); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkSQLColumns is the server side of one column completion of the
// custom SQL editor (the table's columns of the 1M-row source, as JSON),
// without the session look-up; "fragment" is the join form's columns
// fragment for the same table, the HTML alternative.
func BenchmarkSQLColumns(b *testing.B) {
	c, u, _ := editorBench(b)
	ctx := context.Background()
	b.Run("json", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			out, err := c.sqlColumns(ctx, u, "big", "", "orders")
			if err != nil || len(out.Columns) != 4 {
				b.Fatal(err, out)
			}
			if err := json.NewEncoder(io.Discard).Encode(out); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("fragment", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if _, err := c.app.SourceTables(ctx, u, "big"); err != nil {
				b.Fatal(err)
			}
			cols, err := c.app.TableColumns(ctx, u, "big", "", "orders")
			if err != nil {
				b.Fatal(err)
			}
			if err := c.pages.render(httptest.NewRecorder(), 200, "dataseteditor", "ds-right-columns", cols); err != nil {
				b.Fatal(err)
			}
		}
	})
}
