package query

import (
	"strconv"
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/query/dialect"
	"github.com/sightglass/sightglass/internal/query/expr"
)

// docJSON is parseJson-function's first example document; docJSONRow its
// second example's first row.
const (
	docJSON    = `{ "customer": "John Doe", "items": { "product": "Beer", "qty": 6 }, "list1": [ "val1", "val2" ], "list2": [ { "list21key1": "list1value1" } ] }`
	docJSONRow = `{"State":"New York","Product":"Produce","Date Sold":"1/16/2018","Sales Amount":"$3423.39"}`
)

// calcJSONCases are parseJson's documented examples (parseJson-function:
// "$.items.qty" of the first document is 6; "State" of the second row is
// New York) and edge cases: array steps, keys with blanks, numbers,
// booleans, unicode escapes, null, objects and arrays, text that is not
// JSON. Results are bracketed so that they are compared as text.
var calcJSONCases = []struct{ src, want string }{
	{`concat('[', parseJson(` + sqlQuote(docJSON) + `, "$.items.qty"), ']')`, "[6]"},
	{`parseJson(` + sqlQuote(docJSON) + `, '$.customer')`, "John Doe"},
	{`parseJson(` + sqlQuote(docJSON) + `, '$.items.product')`, "Beer"},
	{`parseJson(` + sqlQuote(docJSON) + `, '$.list1[1]')`, "val2"},
	{`parseJson(` + sqlQuote(docJSON) + `, '$.list2[0].list21key1')`, "list1value1"},
	{`parseJson(` + sqlQuote(docJSON) + `, '$.items')`, "NULL"},
	{`parseJson(` + sqlQuote(docJSON) + `, '$.list1')`, "NULL"},
	{`parseJson(` + sqlQuote(docJSON) + `, '$.list1[5]')`, "NULL"},
	{`parseJson(` + sqlQuote(docJSON) + `, '$.nothing')`, "NULL"},
	{`parseJson(` + sqlQuote(docJSONRow) + `, '$.State')`, "New York"},
	{`parseJson(` + sqlQuote(docJSONRow) + `, '$.Sales Amount')`, "$3423.39"},
	{`parseJson(` + sqlQuote(docJSONRow) + `, '$.Date Sold')`, "1/16/2018"},
	{`concat('[', parseJson('{"a": 1.50, "b": -2, "c": 1e2, "d": 0.1}', '$.a'), '|', parseJson('{"a": 1.50, "b": -2, "c": 1e2, "d": 0.1}', '$.b'), '|', parseJson('{"a": 1.50, "b": -2, "c": 1e2, "d": 0.1}', '$.c'), '|', parseJson('{"a": 1.50, "b": -2, "c": 1e2, "d": 0.1}', '$.d'), ']')`, "[1.5|-2|100|0.1]"},
	{`concat('[', parseJson('{"t": true, "f": false}', '$.t'), '|', parseJson('{"t": true, "f": false}', '$.f'), ']')`, "[true|false]"},
	{`parseJson('{"n": null}', '$.n')`, "NULL"},
	{`parseJson('{"s": "x\\u00e9 \\"q\\""}', '$.s')`, `xé "q"`},
	{`parseJson('{"ñandú": "sí"}', '$.ñandú')`, "sí"},
	{`parseJson('[10, 20]', '$[1]')`, "20"},
	{`parseJson('{nope', '$.a')`, "NULL"},
	{`parseJson('', '$.a')`, "NULL"},
	{`parseJson(NULL, '$.a')`, "NULL"},
	{`parseJson('"just text"', '$')`, "just text"},
}

func sqlQuote(s string) string { return "'" + strings.ReplaceAll(s, "'", "''") + "'" }

// TestParseJSONAcrossEngines evaluates parseJson on SQLite, DuckDB and
// MariaDB; PostgreSQL refuses it by name.
func TestParseJSONAcrossEngines(t *testing.T) {
	engines := openEngines(t, uniqueTable(t))
	for _, e := range engines {
		for _, tc := range calcJSONCases {
			n, err := expr.Parse(tc.src)
			if err != nil {
				t.Fatalf("%s: %v", tc.src, err)
			}
			c := &expr.Compiler{Dialect: e.d}
			v, err := c.Compile(n)
			if e.d == dialect.Postgres {
				if err == nil || !strings.Contains(err.Error(), "parseJson is not supported on postgres") {
					t.Errorf("postgres: %s: %v", tc.src, err)
				}
				continue
			}
			if err != nil {
				t.Fatalf("%s: %s: %v", e.d.Name(), tc.src, err)
			}
			sql, args, err := dialect.Render(e.d, "SELECT "+v.SQL, c.Args)
			if err != nil {
				t.Fatal(err)
			}
			rows := run(t, e, sql, args)
			if len(rows) != 1 || len(rows[0]) != 1 || rows[0][0] != tc.want {
				t.Errorf("%s: %s = %q, want %q\n%s %v", e.d.Name(), tc.src, rows, tc.want, sql, args)
			}
		}
	}
}

// TestParseJSONRowsAcrossEngines reads JSON built from each row, some of
// it malformed, on every engine but PostgreSQL and compares the values
// with what Go reads from the same rows.
func TestParseJSONRowsAcrossEngines(t *testing.T) {
	table := uniqueTable(t)
	engines := openEngines(t, table)
	tables, err := salesTables(table)
	if err != nil {
		t.Fatal(err)
	}
	// Products holding a "z" make malformed JSON (an unquoted value).
	src := `parseJson(ifelse(contains({product}, 'z'), concat('{"p": ', {product}, '}'), concat('{"p": "', {product}, '", "q": ', toString({quantity}), '}')), '$.p')`
	var want [][]string
	for _, r := range testRows() {
		v := *r.product
		if strings.Contains(v, "z") || r.quantity == nil {
			v = "NULL"
		}
		want = append(want, []string{strconv.Itoa(r.id), v})
	}
	for _, e := range engines {
		if e.d == dialect.Postgres {
			continue
		}
		rel, args, err := tables.Relation(e.d)
		if err != nil {
			t.Fatal(err)
		}
		q := Question{Dimensions: []Dimension{{Field: "id"}, {Field: "X"}}, CalculatedFields: []CalculatedField{{Name: "X", Expression: src}}}
		c, err := Compile(&q, rel, args, tables.OutputColumns(), e.d)
		if err != nil {
			t.Fatalf("%s: %v", e.d.Name(), err)
		}
		got := run(t, e, c.SQL, c.Args)
		if len(got) != len(want) {
			t.Fatalf("%s: %d rows, want %d", e.d.Name(), len(got), len(want))
		}
		for i := range want {
			if got[i][0] != want[i][0] || got[i][1] != want[i][1] {
				t.Errorf("%s: row %v, want %v", e.d.Name(), got[i], want[i])
			}
		}
	}
}
