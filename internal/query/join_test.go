package query

import (
	"context"
	"encoding/json"
	"fmt"
	"testing"

	"github.com/sightglass/sightglass/internal/query/dataset"
	"github.com/sightglass/sightglass/internal/query/sqlcheck"
)

// TestJoinsAcrossEngines joins the orders to a table of region managers
// (one region without orders, one region of orders without a manager)
// with every join type and requires the same result on every engine,
// including the FULL OUTER JOIN that MySQL/MariaDB lack.
func TestJoinsAcrossEngines(t *testing.T) {
	orders, managers := uniqueTable(t), uniqueTable(t)
	engines := openEngines(t, orders)
	ctx := context.Background()
	for _, e := range engines {
		qt := e.d.QuoteIdent(managers)
		if _, err := e.db.ExecContext(ctx, "CREATE TABLE "+qt+" (mregion VARCHAR(50), manager VARCHAR(50))"); err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { e.db.Exec("DROP TABLE " + qt) })
		for _, r := range [][2]string{{"East", "Ann"}, {"West", "Bo"}, {"North", "Cy"}, {"Central", "Di"}} {
			if _, err := e.db.ExecContext(ctx, "INSERT INTO "+qt+" VALUES ("+e.d.Placeholder(1)+", "+e.d.Placeholder(2)+")", r[0], r[1]); err != nil {
				t.Fatal(err)
			}
		}
	}
	const arn = "arn:aws:quicksight:us-east-1:111122223333:datasource/test"
	physical := `{
	  "o": {"RelationalTable": {"DataSourceArn": "` + arn + `", "Name": ` + jsonString(orders) + `, "InputColumns": [{"Name": "region", "Type": "STRING"}, {"Name": "quantity", "Type": "INTEGER"}]}},
	  "m": {"CustomSql": {"DataSourceArn": "` + arn + `", "Name": "managers", "SqlQuery": ` + jsonString("SELECT mregion, manager FROM "+managers) + `, "Columns": [{"Name": "mregion", "Type": "STRING"}, {"Name": "manager", "Type": "STRING"}]}}}`
	q := Question{
		Dimensions: []Dimension{{Field: "region"}, {Field: "manager"}},
		Measures:   []Measure{{Field: "quantity", Aggregation: Sum}, {ID: "rows", Field: "Label", Aggregation: Count}},
	}
	want := map[string]string{
		"INNER": "[[East Ann 55] [North Cy 46] [West Bo 51]]",
		"LEFT":  "[[NULL NULL 16] [East Ann 55] [North Cy 46] [South NULL 57] [West Bo 51]]",
		"RIGHT": "[[NULL Di NULL] [East Ann 55] [North Cy 46] [West Bo 51]]",
		"OUTER": "[[NULL NULL 16] [NULL Di NULL] [East Ann 55] [North Cy 46] [South NULL 57] [West Bo 51]]",
	}
	for _, typ := range []string{"INNER", "LEFT", "RIGHT", "OUTER"} {
		logical := `{
		  "lo": {"Alias": "Orders", "Source": {"PhysicalTableId": "o"}},
		  "lm": {"Alias": "Managers", "Source": {"PhysicalTableId": "m"}},
		  "j": {"Alias": "Joined", "Source": {"JoinInstruction": {"LeftOperand": "lo", "RightOperand": "lm", "Type": "` + typ + `", "OnClause": "{region} = {mregion}"}},
		    "DataTransforms": [{"CreateColumnsOperation": {"Columns": [{"ColumnName": "Label", "ColumnId": "label", "Expression": "coalesce({manager}, {region}, 'none')"}]}}]}}`
		tables, err := dataset.Parse(json.RawMessage(physical), json.RawMessage(logical))
		if err != nil {
			t.Fatal(err)
		}
		if err := tables.CheckCustomSQL(sqlcheck.SQLiteSplit); err != nil {
			t.Fatal(err)
		}
		for _, e := range engines {
			rel, args, err := tables.Relation(e.d)
			if err != nil {
				t.Fatal(err)
			}
			c, err := Compile(&q, rel, args, tables.OutputColumns(), e.d)
			if err != nil {
				t.Fatal(err)
			}
			rows := run(t, e, c.SQL, c.Args)
			var got [][]string
			for _, r := range rows {
				got = append(got, r[:3])
			}
			if fmt.Sprint(got) != want[typ] {
				t.Errorf("%s %s JOIN: got %v, want %s", e.d.Name(), typ, got, want[typ])
			}
		}
	}
}
