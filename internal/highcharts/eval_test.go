package highcharts

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// sample is the user guide's example answer: products, categories, prices.
func sample() *Data {
	return &Data{
		Columns:  [][]any{{"Product A", "Product B", "Product C"}, {"Technology", "Retail", "Retail"}, {100.0, 50.0, 75.0}},
		Names:    []string{"Product name", "Category", "Price"},
		GroupBy:  2,
		Palette:  []string{"#1f77b4", "#ff7f0e"},
		UIColors: map[string]string{"secondaryBackground": "#F5F5F5"},
		Format:   func(col int, v any) string { return "$" + text(v) },
	}
}

// evalOne evaluates one expression (as the value of a member).
func evalOne(t *testing.T, expr string, d *Data) (any, error) {
	t.Helper()
	code, err := Parse([]byte(`{"v": ` + expr + `}`))
	if err != nil {
		t.Fatalf("parse %s: %v", expr, err)
	}
	out, err := Eval(context.Background(), code, d)
	if err != nil {
		return nil, err
	}
	return out["v"], nil
}

func TestEvalDocumented(t *testing.T) {
	cases := []struct{ expr, want string }{
		// Arithmetic, as the user guide's table gives it.
		{`["+", 2, 4]`, `6`},
		{`["-", 10, 3]`, `7`},
		{`["*", 5, 6]`, `30`},
		{`["/", 20, 4]`, `5`},
		{`["%", 15, 4]`, `3`},
		{`["**", 2, 3]`, `8`},
		{`["abs", -5]`, `5`},
		{`["sqrt", 16]`, `4`},
		{`["log10", 100]`, `2`},
		{`["ln", 1]`, `0`},
		{`["round", 3.7]`, `4`},
		{`["round", -2.5]`, `-2`}, // JavaScript's Math.round
		{`["floor", 3.7]`, `3`},
		{`["ceil", 3.2]`, `4`},
		{`["sin", 0]`, `0`},
		{`["cos", 0]`, `1`},
		{`["/", 1, 0]`, `null`}, // Infinity has no JSON
		// Arrays.
		{`["map", [1, 2, 3], ["*", ["item"], 2]]`, `[2,4,6]`},
		{`["filter", [1, 2, 3, 4, 5], ["==", ["%", ["item"], 2], 0]]`, `[2,4]`},
		{`["reduce", [1, 2, 3, 4, 5], ["+", ["acc"], ["item"]], 0]`, `15`},
		{`["get", {"name": "x"}, "name"]`, `"x"`},
		{`["unique", [1, 2, 2]]`, `[1,2]`},
		{`["split", ["toUpper", "hello world"], " "]`, `["HELLO","WORLD"]`},
		{`["map", ["a", "b"], ["itemIndex"]]`, `[0,1]`},
		// Data.
		{`["getColumn", 0]`, `["Product A","Product B","Product C"]`},
		{`["getColumn", 2]`, `[100,50,75]`},
		{`["getColumn", 0, 2]`, `[["Product A",100],["Product B",50],["Product C",75]]`},
		{`["getColumnFromGroupBy", 1]`, `["Technology","Retail","Retail"]`},
		{`["getColumnFromValue", 0]`, `[100,50,75]`},
		{`["getColumnName", 2]`, `"Price"`},
		{`["getColorTheme"]`, `["#1f77b4","#ff7f0e"]`},
		{`["getPaletteColor", "secondaryBackground"]`, `"#F5F5F5"`},
		{`["formatValue", 100, 2]`, `"$100"`},
		// Conditions.
		{`["case", ["==", 1, 2], "a", ["==", 1, 1], "b", "c"]`, `"b"`},
		{`["case", false, "a", "c"]`, `"c"`},
		{`["||", false, 0, "x"]`, `"x"`},
		{`["&&", 1, 0, "x"]`, `0`},
		{`["+", "n=", 3]`, `"n=3"`},
		{`["+", [["ALL", "ALL"]], ["getColumn", 0, 1]]`, `[["ALL","ALL"],["Product A","Technology"],["Product B","Retail"],["Product C","Retail"]]`},
		{`["reduce", [10, 20, 30], ["+", ["acc"], ["itemIndex"]]]`, `13`}, // the walk starts at index 1
		{`[">=", 3, 3]`, `true`},
		// A literal list of words is data, not an expression, words that
		// name no operation of the language included.
		{`["Speed", "Strength"]`, `["Speed","Strength"]`},
		{`["min", "avg", "max"]`, `["min","avg","max"]`},
	}
	for _, c := range cases {
		got, err := evalOne(t, c.expr, sample())
		if err != nil {
			t.Errorf("%s: %v", c.expr, err)
			continue
		}
		b, _ := json.Marshal(got)
		if string(b) != c.want {
			t.Errorf("%s = %s, want %s", c.expr, b, c.want)
		}
	}
}

// TestEvalNestedItem: ["item", 0] is the outer walk's element inside an
// inner one, as a published chart averages a column per group with it.
func TestEvalNestedItem(t *testing.T) {
	d := &Data{Columns: [][]any{{"a", "a", "b"}, {1.0, 3.0, 10.0}}, GroupBy: 1, Names: []string{"k", "v"}}
	got, err := evalOne(t, `["map", ["unique", ["getColumn", 0]], {"y": ["/",
		["reduce", ["filter", ["getColumn", 0, 1], ["==", ["get", ["item"], 0], ["item", 0]]], ["+", ["acc"], ["get", ["item"], 1]], 0],
		["reduce", ["filter", ["getColumn", 0, 1], ["==", ["get", ["item"], 0], ["item", 0]]], ["+", ["acc"], 1], 0]]}]`, d)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(got)
	if string(b) != `[{"y":2},{"y":10}]` {
		t.Errorf("got %s", b)
	}
}

func TestEvalRefusals(t *testing.T) {
	cases := []struct{ expr, want string }{
		{`["toFixed", ["getColumn", 2], 2]`, `"toFixed" is not one Sightglass knows`},
		{`["getColumn", 5]`, `have 3 such columns`},
		{`["getColumnFromValue", 1]`, `have 1 such columns`},
		{`["getPaletteColor", "nope"]`, `no color of that name`},
		{`["item"]`, `outside map`},
		{`["reduce", ["getColumn", 0], [["acc"], ["acc"]], 1]`, ``}, // fine: three rows
		{`["reduce", [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30], [["acc"], ["acc"]], 1]`, `more than`},
		{`["reduce", [1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20,21,22,23,24,25,26,27,28,29,30], ["+", ["acc"], ["acc"]], "xxxxxxxxxxxxxxxxxxxxxxxxxx"]`, `longer than`},
		{`["abs"]`, `takes 1 arguments, not 0`},
	}
	for _, c := range cases {
		_, err := evalOne(t, c.expr, sample())
		switch {
		case c.want == "" && err != nil:
			t.Errorf("%s: %v", c.expr, err)
		case c.want != "" && (err == nil || !strings.Contains(err.Error(), c.want)):
			t.Errorf("%s: error %v, want one saying %q", c.expr, err, c.want)
		}
	}
}

func TestParseComments(t *testing.T) {
	code, err := Parse([]byte("{\n  // a comment\n  \"a\": [1, 2,], /* another */ \"b\": \"// not a comment\",\n}"))
	if err != nil {
		t.Fatal(err)
	}
	b, _ := json.Marshal(code)
	if string(b) != `{"a":[1,2],"b":"// not a comment"}` {
		t.Errorf("got %s", b)
	}
	if _, err := Parse([]byte(strings.Repeat("[", 200) + strings.Repeat("]", 200))); err == nil || !strings.Contains(err.Error(), "nests") {
		t.Errorf("deep code: %v", err)
	}
	deep := "{\"a\": // a \" in a comment\n" + strings.Repeat("[", 200) + strings.Repeat("]", 200) + "}"
	if _, err := Parse([]byte(deep)); err == nil || !strings.Contains(err.Error(), "nests") {
		t.Errorf("deep code after a comment: %v", err)
	}
	if _, err := Parse([]byte(`[1]`)); err == nil {
		t.Errorf("an array parsed as chart code")
	}
}

// TestTooltipFormat: a chart's tooltip prefix, suffix and decimals become
// the series' number format; a series' own beat them.
func TestTooltipFormat(t *testing.T) {
	ch, err := Draw(context.Background(), []byte(`{"tooltip": {"valuePrefix": "$", "valueDecimals": 2},
	  "series": [{"data": [1]}, {"type": "pie", "data": [1], "tooltip": {"valueSuffix": " kg", "valueDecimals": 0}}]}`), sample())
	if err != nil {
		t.Fatal(err)
	}
	ss := ch.Option["series"].([]map[string]any)
	b, _ := json.Marshal([]any{ss[0][NumberFormatKey], ss[1][NumberFormatKey]})
	if string(b) != `[{"Decimals":2,"Prefix":"$"},{"Decimals":0,"Prefix":"$","Suffix":" kg"}]` {
		t.Errorf("formats %s", b)
	}
}
