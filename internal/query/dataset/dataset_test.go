package dataset

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/query/dialect"
	"github.com/sightglass/sightglass/internal/query/sqlcheck"
)

var update = flag.Bool("update", false, "rewrite testdata/*.golden")

const arn = "arn:aws:quicksight:us-east-1:111122223333:datasource/sales"

var ordersPhysical = `{
  "orders": {"RelationalTable": {"DataSourceArn": "` + arn + `", "Schema": "public", "Name": "orders",
    "InputColumns": [{"Name": "order_id", "Type": "INTEGER"}, {"Name": "region_id", "Type": "INTEGER"},
      {"Name": "order_date", "Type": "DATETIME"}, {"Name": "amount", "Type": "DECIMAL"}, {"Name": "note", "Type": "STRING"}]}},
  "regions": {"CustomSql": {"DataSourceArn": "` + arn + `", "Name": "regions",
    "SqlQuery": "SELECT id, name FROM regions WHERE name <> 'x;y';",
    "Columns": [{"Name": "id", "Type": "INTEGER"}, {"Name": "name", "Type": "STRING"}]}}
}`

var ordersLogical = `{
  "o": {"Alias": "Orders", "Source": {"PhysicalTableId": "orders"}, "DataTransforms": [
    {"RenameColumnOperation": {"ColumnName": "amount", "NewColumnName": "Amount"}},
    {"CastColumnTypeOperation": {"ColumnName": "order_id", "NewColumnType": "STRING"}},
    {"CreateColumnsOperation": {"Columns": [{"ColumnName": "Big", "ColumnId": "big", "Expression": "ifelse({Amount} > 100, 'yes', 'no')"}]}},
    {"FilterOperation": {"ConditionExpression": "{Amount} >= 0 and isNotNull({order_date})"}},
    {"TagColumnOperation": {"ColumnName": "note", "Tags": [{"ColumnDescription": {"Text": "free text"}}]}}
  ]},
  "r": {"Alias": "Regions", "Source": {"PhysicalTableId": "regions"}, "DataTransforms": [
    {"RenameColumnOperation": {"ColumnName": "name", "NewColumnName": "Region"}}
  ]},
  "j": {"Alias": "Orders with regions", "Source": {"JoinInstruction": {"LeftOperand": "o", "RightOperand": "r", "Type": "LEFT", "OnClause": "{region_id} = {id}"}},
    "DataTransforms": [{"ProjectOperation": {"ProjectedColumns": ["order_id", "order_date", "Amount", "Big", "Region"]}}]}
}`

func TestParseJoinAndTransforms(t *testing.T) {
	tables, err := Parse(json.RawMessage(ordersPhysical), json.RawMessage(ordersLogical))
	if err != nil {
		t.Fatal(err)
	}
	if err := tables.CheckCustomSQL(sqlcheck.Postgres); err != nil {
		t.Fatal(err)
	}
	got := fmt.Sprint(tables.OutputColumns())
	want := "[{order_id STRING } {order_date DATETIME } {Amount DECIMAL } {Big STRING } {Region STRING }]"
	if got != want {
		t.Errorf("OutputColumns = %s, want %s", got, want)
	}
	if got := tables.DataSourceARNs(); len(got) != 1 || got[0] != arn {
		t.Errorf("DataSourceARNs = %v", got)
	}
	var b strings.Builder
	for _, d := range []dialect.Dialect{dialect.SQLite, dialect.Postgres, dialect.MySQL} {
		sql, args, err := tables.Relation(d)
		if err != nil {
			t.Fatal(err)
		}
		fmt.Fprintf(&b, "%s: %s\nargs: %v\n", d.Name(), sql, args)
	}
	outer := strings.Replace(ordersLogical, `"Type": "LEFT"`, `"Type": "OUTER"`, 1)
	tables, err = Parse(json.RawMessage(ordersPhysical), json.RawMessage(outer))
	if err != nil {
		t.Fatal(err)
	}
	if err := tables.CheckCustomSQL(sqlcheck.MySQL); err != nil {
		t.Fatal(err)
	}
	sql, args, err := tables.Relation(dialect.MySQL)
	if err != nil {
		t.Fatal(err)
	}
	fmt.Fprintf(&b, "mysql outer: %s\nargs: %v\n", sql, args)
	golden(t, "relation.golden", b.String())
}

func TestParseImplicitLogical(t *testing.T) {
	phys := `{"t1": {"CustomSql": {"DataSourceArn": "` + arn + `", "Name": "q", "SqlQuery": "WITH x AS (SELECT 1 AS a) SELECT a FROM x", "Columns": [{"Name": "a", "Type": "INTEGER"}]}}}`
	tables, err := Parse(json.RawMessage(phys), nil)
	if err != nil {
		t.Fatal(err)
	}
	if _, _, err := tables.Relation(dialect.Postgres); sg.ErrorCode(err) != sg.EINVALID {
		t.Errorf("Relation before CheckCustomSQL: %v, want EINVALID", err)
	}
	if err := tables.CheckCustomSQL(sqlcheck.Postgres); err != nil {
		t.Fatal(err)
	}
	sql, _, err := tables.Relation(dialect.Postgres)
	if want := "SELECT t.\"a\" AS \"a\" FROM (WITH x AS (SELECT 1 AS a) SELECT a FROM x\n) AS t"; err != nil || sql != want {
		t.Errorf("Relation = %s, %v; want %s", sql, err, want)
	}
}

func TestS3SourceStoredNotCompilable(t *testing.T) {
	phys := `{"s3": {"S3Source": {"DataSourceArn": "` + arn + `", "InputColumns": [{"Name": "a", "Type": "STRING"}], "UploadSettings": {"Format": "CSV"}}}}`
	tables, err := Parse(json.RawMessage(phys), nil)
	if err != nil {
		t.Fatal(err)
	}
	if got := fmt.Sprint(tables.OutputColumns()); got != "[{a STRING }]" {
		t.Errorf("OutputColumns = %s", got)
	}
	if _, _, err := tables.Relation(dialect.SQLite); sg.ErrorCode(err) != sg.EINVALID {
		t.Errorf("Relation of an S3 table: %v", err)
	}
}

func TestParseErrors(t *testing.T) {
	rel := func(cols string) string {
		return `{"a": {"RelationalTable": {"DataSourceArn": "` + arn + `", "Name": "t", "InputColumns": ` + cols + `}}}`
	}
	okCols := `[{"Name": "x", "Type": "INTEGER"}, {"Name": "d", "Type": "DATETIME"}]`
	withOp := func(op string) string {
		return `{"l": {"Alias": "L", "Source": {"PhysicalTableId": "a"}, "DataTransforms": [` + op + `]}}`
	}
	cases := []struct{ physical, logical, want string }{
		{`[]`, ``, "PhysicalTableMap must be an object of physical tables"},
		{`{}`, ``, "PhysicalTableMap must have 1 to 32 tables, found 0"},
		{`{"a b": {"RelationalTable": {}}}`, ``, `PhysicalTableMap key "a b" must be 1 to 64 letters, digits or hyphens`},
		{`{"a": {"Bogus": {}}}`, ``, `PhysicalTableMap.a has unknown member "Bogus"`},
		{rel(`[{"Name": "x", "Type": "FLOAT"}]`), ``, `PhysicalTableMap.a.RelationalTable.InputColumns[0].Type "FLOAT" must be one of STRING, INTEGER, DECIMAL, DATETIME, BIT, BOOLEAN, JSON`},
		{rel(`[]`), ``, "PhysicalTableMap.a.RelationalTable.InputColumns must have 1 to 2048 columns, found 0"},
		{rel(`[{"Name": "x", "Type": "STRING"}, {"Name": "x", "Type": "STRING"}]`), ``, `PhysicalTableMap.a.RelationalTable.InputColumns has the column "x" twice`},
		{rel(okCols), `{"l": {"Alias": "L", "Source": {"PhysicalTableId": "nope"}}}`, `LogicalTableMap.l.Source.PhysicalTableId "nope" is not in PhysicalTableMap`},
		{rel(okCols), `{"l": {"Alias": "L", "Source": {}}}`, "LogicalTableMap.l.Source must have exactly one of PhysicalTableId, DataSetArn, JoinInstruction"},
		{rel(okCols), withOp(`{"CreateColumnsOperation": {"Columns": [{"ColumnName": "y", "ColumnId": "y", "Expression": "{x} + "}]}}`),
			`The expression of calculated field "y" is invalid: unexpected end of expression at position 7`},
		{rel(okCols), withOp(`{"CreateColumnsOperation": {"Columns": [{"ColumnName": "y", "ColumnId": "y", "Expression": "{z} * 2"}]}}`),
			`The expression of calculated field "y" is invalid: unknown field "z" at position 1`},
		{rel(okCols), withOp(`{"CreateColumnsOperation": {"Columns": [{"ColumnName": "y", "ColumnId": "y", "Expression": "sum({x})"}]}}`),
			`The expression of calculated field "y" is invalid: aggregate function sum is not allowed here at position 1`},
		{rel(okCols), withOp(`{"FilterOperation": {"ConditionExpression": "{x} + 1"}}`), "LogicalTableMap.l.DataTransforms[0].FilterOperation.ConditionExpression must be a condition, found a integer value"},
		{rel(okCols), withOp(`{"ProjectOperation": {"ProjectedColumns": ["x", "q"]}}`), `LogicalTableMap.l.DataTransforms[0].ProjectOperation.ProjectedColumns: unknown column "q"`},
		{rel(okCols), withOp(`{"RenameColumnOperation": {"ColumnName": "x", "NewColumnName": "d"}}`), `LogicalTableMap.l.DataTransforms[0].RenameColumnOperation.NewColumnName: column "d" already exists`},
		{rel(okCols), withOp(`{"CastColumnTypeOperation": {"ColumnName": "x", "NewColumnType": "BLOB"}}`), `LogicalTableMap.l.DataTransforms[0].CastColumnTypeOperation.NewColumnType "BLOB" must be one of STRING, INTEGER, DECIMAL, DATETIME`},
		{rel(okCols), withOp(`{"PivotOperation": {}}`), `LogicalTableMap.l.DataTransforms[0] has unknown operation "PivotOperation"`},
		{rel(okCols), `{"l": {"Alias": "L", "Source": {"PhysicalTableId": "a"}}, "m": {"Alias": "M", "Source": {"PhysicalTableId": "a"}}}`,
			"LogicalTableMap must have exactly one table that no join uses (the dataset's output), found 2"},
		{rel(okCols), `{"l": {"Alias": "L", "Source": {"PhysicalTableId": "a"}}, "j": {"Alias": "J", "Source": {"JoinInstruction": {"LeftOperand": "l", "RightOperand": "l", "Type": "INNER", "OnClause": "{x} = {x}"}}}}`,
			`LogicalTableMap.j.Source.JoinInstruction: logical table "l" is joined more than once or into itself`},
		{rel(okCols), `{"l": {"Alias": "L", "Source": {"PhysicalTableId": "a"}}, "m": {"Alias": "M", "Source": {"PhysicalTableId": "a"}}, "j": {"Alias": "J", "Source": {"JoinInstruction": {"LeftOperand": "l", "RightOperand": "m", "Type": "INNER", "OnClause": "{x} = {x}"}}}}`,
			`LogicalTableMap.j.Source.JoinInstruction: both sides have a column "x"; rename one with RenameColumnOperation`},
		{rel(okCols), `{"l": {"Alias": "L", "Source": {"PhysicalTableId": "a"}}, "m": {"Alias": "M", "Source": {"PhysicalTableId": "a"}, "DataTransforms": [{"RenameColumnOperation": {"ColumnName": "x", "NewColumnName": "x2"}}, {"ProjectOperation": {"ProjectedColumns": ["x2"]}}]}, "j": {"Alias": "J", "Source": {"JoinInstruction": {"LeftOperand": "l", "RightOperand": "m", "Type": "CROSS", "OnClause": "{x} = {x2}"}}}}`,
			`LogicalTableMap.j.Source.JoinInstruction.Type "CROSS" must be one of INNER, OUTER, LEFT, RIGHT`},
	}
	for _, c := range cases {
		_, err := Parse(json.RawMessage(c.physical), json.RawMessage(c.logical))
		e, ok := errors.AsType[*sg.Error](err)
		if !ok || e.Code != sg.EINVALID || e.Message != c.want {
			t.Errorf("Parse(%s, %s):\n got %v\nwant %s", c.physical, c.logical, err, c.want)
		}
	}
}

func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update)", err)
	}
	if string(want) != got {
		t.Errorf("%s differs; run go test -update and review the diff\n%s", path, got)
	}
}
