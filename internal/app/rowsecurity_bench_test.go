package app

import (
	"context"
	"database/sql"
	"encoding/json"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	sg "github.com/sightglass/sightglass"
)

// secureSample gives the sample dataset a rules dataset (a SQLITE file in
// the data source directory) with one rule per user: "all" is granted
// every region (a condition every row is checked against, keeping all),
// "one" a single region.
func secureSample(b *testing.B, a *App) {
	b.Helper()
	ctx := context.Background()
	const acct = "123456789012"
	res, err := a.QueryDataSet(ctx, nil, acct, SampleDataSetID, regionByMonth)
	if err != nil {
		b.Fatal(err)
	}
	seen := map[string]bool{}
	var regions []string
	for _, row := range res.Rows {
		if r := fmt.Sprint(row[0]); !seen[r] {
			seen[r] = true
			regions = append(regions, r)
		}
	}
	db, err := sql.Open("sqlite", filepath.Join(a.data.cfg.DataSourceDir, "rules.sqlite"))
	if err != nil {
		b.Fatal(err)
	}
	defer db.Close()
	for _, s := range []string{
		`CREATE TABLE rules ("UserName" TEXT, region TEXT)`,
		`INSERT INTO rules VALUES ('all', '` + strings.Join(regions, ",") + `'), ('one', '` + regions[0] + `')`,
	} {
		if _, err := db.ExecContext(ctx, s); err != nil {
			b.Fatal(err)
		}
	}
	if _, err := a.CreateSQLiteDataSource(ctx, acct, "rules-db", "Rules", "rules.sqlite"); err != nil {
		b.Fatal(err)
	}
	physical := json.RawMessage(`{"t":{"RelationalTable":{"DataSourceArn":"` + a.DataSourceARN(acct, "rules-db") + `","Name":"rules",
		"InputColumns":[{"Name":"UserName","Type":"STRING"},{"Name":"region","Type":"STRING"}]}}}`)
	if _, _, err := a.CreateDataSet(ctx, DataSetInput{AccountID: acct, DataSetID: "rules", Name: "Rules", ImportMode: sg.ImportDirectQuery, PhysicalTableMap: physical}); err != nil {
		b.Fatal(err)
	}
	d, err := a.Store.FindDataSet(ctx, acct, SampleDataSetID)
	if err != nil {
		b.Fatal(err)
	}
	rule := json.RawMessage(`{"Arn":"` + a.DataSetARN(acct, "rules") + `","PermissionPolicy":"GRANT_ACCESS"}`)
	if _, _, err := a.UpdateDataSet(ctx, DataSetInput{AccountID: acct, DataSetID: d.ID, Name: d.Name, ImportMode: d.ImportMode,
		PhysicalTableMap: d.PhysicalTableMap, LogicalTableMap: d.LogicalTableMap,
		Extra: map[string]json.RawMessage{"RowLevelPermissionDataSet": rule}}); err != nil {
		b.Fatal(err)
	}
}

// BenchmarkQueryDataSetRowSecurity measures a visual's uncached query on
// the 100k-row sample with and without row-level security, side by side:
// "none" reads as the server (no rules), "rls-all" as a reader whose rule
// grants every region (the condition checked on every row, keeping all),
// "rls-one" as one granted a single region. The rules themselves come
// from their cache (kept per rules-dataset version).
func BenchmarkQueryDataSetRowSecurity(b *testing.B) {
	a := sampleApp(b)
	secureSample(b, a)
	ctx := context.Background()
	d, err := a.Store.FindDataSet(ctx, "123456789012", SampleDataSetID)
	if err != nil {
		b.Fatal(err)
	}
	for _, c := range []struct {
		name   string
		reader *sg.RowScope
	}{
		{"none", nil},
		{"rls-all", &sg.RowScope{UserName: "all"}},
		{"rls-one", &sg.RowScope{UserName: "one"}},
	} {
		b.Run(c.name, func(b *testing.B) {
			start, n := cpuTime(), 0
			defer func() { b.ReportMetric(float64(cpuTime()-start)/float64(max(n, 1))/1e6, "cpu-ms/op") }()
			for b.Loop() {
				n++
				a.invalidateDataSet(d)
				var err error
				if c.reader == nil {
					_, err = a.QueryDataSet(ctx, nil, d.AccountID, d.ID, regionByMonth)
				} else {
					_, err = a.QueryDataSetAs(ctx, *c.reader, d.AccountID, d.ID, regionByMonth)
				}
				if err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}
