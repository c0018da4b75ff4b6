package upload

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"
)

func writeFile(t testing.TB, name string, b []byte) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(p, b, 0o600); err != nil {
		t.Fatal(err)
	}
	return p
}

// readAll inspects a file and reads every row with the proposed columns.
func readAll(t *testing.T, path, name string, s Settings) (*Preview, [][]any, error) {
	t.Helper()
	p, err := Inspect(path, name, s)
	if err != nil {
		return nil, nil, err
	}
	var rows [][]any
	err = Each(context.Background(), path, p.Settings, p.Columns, func(r []any) error {
		rows = append(rows, append([]any(nil), r...))
		return nil
	})
	return p, rows, err
}

func TestCSVDetectsHeaderDelimiterAndTypes(t *testing.T) {
	path := writeFile(t, "sales.csv", []byte("region;units;price;day;paid\nEast;3;1.5;2024-01-31;true\nWest;;2;2024-02-01 10:00:00;false\n"))
	p, rows, err := readAll(t, path, "sales.csv", Settings{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Format != FormatCSV || p.Delimiter != ";" || !p.Header || p.Encoding != EncodingUTF8 {
		t.Fatalf("settings = %+v", p.Settings)
	}
	want := []Column{{"region", TypeString}, {"units", TypeInteger}, {"price", TypeDecimal}, {"day", TypeDateTime}, {"paid", TypeBoolean}}
	if !reflect.DeepEqual(p.Columns, want) {
		t.Fatalf("columns = %v", p.Columns)
	}
	wantRows := [][]any{
		{"East", int64(3), 1.5, time.Date(2024, 1, 31, 0, 0, 0, 0, time.UTC), true},
		{"West", nil, 2.0, time.Date(2024, 2, 1, 10, 0, 0, 0, time.UTC), false},
	}
	if !reflect.DeepEqual(rows, wantRows) {
		t.Fatalf("rows = %v", rows)
	}
}

func TestCSVWithoutHeader(t *testing.T) {
	path := writeFile(t, "x.csv", []byte("1,a\n2,b\n"))
	p, rows, err := readAll(t, path, "x.csv", Settings{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Header || p.Columns[0].Name != "Column 1" || p.Columns[0].Type != TypeInteger || len(rows) != 2 {
		t.Fatalf("preview %+v rows %v", p, rows)
	}
	// The author says the first row is a header after all.
	p, rows, err = readAll(t, path, "x.csv", Settings{Header: true, HeaderSet: true})
	if err != nil {
		t.Fatal(err)
	}
	if !p.Header || p.Columns[0].Name != "1" || len(rows) != 1 {
		t.Fatalf("preview %+v rows %v", p, rows)
	}
}

func TestBadValueNamesLineAndColumn(t *testing.T) {
	body := "id,amount\n1,10\n2,20\n3,x7\n"
	path := writeFile(t, "x.csv", []byte(body))
	p, err := Inspect(path, "x.csv", Settings{})
	if err != nil {
		t.Fatal(err)
	}
	// The sample infers STRING for amount (x7); the author says INTEGER.
	p.Columns[1].Type = TypeInteger
	err = Each(context.Background(), path, p.Settings, p.Columns, func([]any) error { return nil })
	var re *RowError
	if !errors.As(err, &re) || re.Line != 4 || re.Column != 2 || re.Name != "amount" {
		t.Fatalf("err = %v", err)
	}
	if !strings.Contains(err.Error(), `line 4, column 2 (amount): "x7" is not a whole number`) {
		t.Fatalf("message = %q", err)
	}
}

func TestRaggedAndBrokenRecords(t *testing.T) {
	for _, tc := range []struct {
		body string
		line int
	}{
		{"a,b\n1,2\n3\n", 3},
		{"a,b\n1,2\n3,4,5\n", 3},
		{"a,b\n1,\"2\n", 2},
		{"a,b\n1,x\"y\n", 2},
	} {
		path := writeFile(t, "x.csv", []byte(tc.body))
		p, err := Inspect(path, "x.csv", Settings{Delimiter: ",", Header: true, HeaderSet: true})
		if err == nil {
			err = Each(context.Background(), path, p.Settings, p.Columns, func([]any) error { return nil })
		}
		var re *RowError
		if !errors.As(err, &re) || re.Line != tc.line {
			t.Errorf("%q: err = %v, want line %d", tc.body, err, tc.line)
		}
	}
}

func TestLegacyEncodings(t *testing.T) {
	// "Café" in Windows-1252; UTF-16LE with a byte-order mark.
	path := writeFile(t, "x.csv", []byte("name,n\nCaf\xe9,1\n"))
	p, rows, err := readAll(t, path, "x.csv", Settings{})
	if err != nil || p.Encoding != EncodingWindows1252 || rows[0][0] != "Café" {
		t.Fatalf("preview %+v rows %v err %v", p, rows, err)
	}
	u16 := []byte{0xFF, 0xFE}
	for _, r := range "name\tn\nZoë\t2\n" {
		u16 = append(u16, byte(r), byte(r>>8))
	}
	path = writeFile(t, "x.tsv", u16)
	p, rows, err = readAll(t, path, "x.tsv", Settings{})
	if err != nil || p.Encoding != EncodingUTF16LE || p.Delimiter != "\t" || rows[0][0] != "Zoë" || rows[0][1] != int64(2) {
		t.Fatalf("preview %+v rows %v err %v", p, rows, err)
	}
	// A file read as UTF-8 with an invalid byte later on: refused at its line.
	path = writeFile(t, "x.csv", []byte("name\nok\nbad\xff\n"))
	_, _, err = readAll(t, path, "x.csv", Settings{Encoding: EncodingUTF8})
	var re *RowError
	if !errors.As(err, &re) || re.Line != 3 || re.Column != 1 {
		t.Fatalf("err = %v", err)
	}
}

func TestJSONLines(t *testing.T) {
	path := writeFile(t, "x.jsonl", []byte(`{"a": 1, "b": "x"}`+"\n\n"+`{"b": null, "a": 2, "c": {"k": [1]}}`+"\n"))
	p, rows, err := readAll(t, path, "x.jsonl", Settings{})
	if err != nil {
		t.Fatal(err)
	}
	want := []Column{{"a", TypeInteger}, {"b", TypeString}, {"c", TypeString}}
	if !reflect.DeepEqual(p.Columns, want) || !reflect.DeepEqual(rows, [][]any{{int64(1), "x", nil}, {int64(2), nil, `{"k":[1]}`}}) {
		t.Fatalf("columns %v rows %v", p.Columns, rows)
	}
	path = writeFile(t, "x.jsonl", []byte("{\"a\": 1}\n[1]\n"))
	_, _, err = readAll(t, path, "x.jsonl", Settings{})
	var re *RowError
	if !errors.As(err, &re) || re.Line != 2 {
		t.Fatalf("err = %v", err)
	}
}

func xlsxFile(t testing.TB, rows [][]any) string {
	t.Helper()
	f := excelize.NewFile()
	defer f.Close()
	f.NewSheet("Second")
	for i, r := range rows {
		cell, _ := excelize.CoordinatesToCellName(1, i+1)
		if err := f.SetSheetRow("Sheet1", cell, &r); err != nil {
			t.Fatal(err)
		}
	}
	f.SetCellValue("Second", "A1", "only")
	p := filepath.Join(t.TempDir(), "book.xlsx")
	if err := f.SaveAs(p); err != nil {
		t.Fatal(err)
	}
	return p
}

func TestXLSX(t *testing.T) {
	path := xlsxFile(t, [][]any{{"city", "pop"}, {"Oslo", 700000}, {"Bergen", 290000}})
	p, rows, err := readAll(t, path, "book.xlsx", Settings{})
	if err != nil {
		t.Fatal(err)
	}
	if p.Format != FormatXLSX || p.Sheet != "Sheet1" || !reflect.DeepEqual(p.Sheets, []string{"Sheet1", "Second"}) {
		t.Fatalf("preview %+v", p)
	}
	if !reflect.DeepEqual(p.Columns, []Column{{"city", TypeString}, {"pop", TypeInteger}}) || !reflect.DeepEqual(rows, [][]any{{"Oslo", int64(700000)}, {"Bergen", int64(290000)}}) {
		t.Fatalf("columns %v rows %v", p.Columns, rows)
	}
	bad := xlsxFile(t, [][]any{{"city", "pop"}, {"Oslo", 700000}, {"Bergen", "many"}})
	p.Columns[1].Type = TypeInteger
	err = Each(context.Background(), bad, p.Settings, p.Columns, func([]any) error { return nil })
	var re *RowError
	if !errors.As(err, &re) || re.Line != 3 || re.Column != 2 {
		t.Fatalf("err = %v", err)
	}
	if _, err := Inspect(writeFile(t, "x.xlsx", []byte("PK\x03\x04garbage")), "x.xlsx", Settings{}); err == nil {
		t.Fatal("a broken workbook was read")
	}
}

func TestLongRecordRefused(t *testing.T) {
	body := "a\n" + strings.Repeat("x", MaxLineBytes+10) + "\n"
	path := writeFile(t, "x.csv", []byte(body))
	_, _, err := readAll(t, path, "x.csv", Settings{Header: true, HeaderSet: true, Delimiter: ","})
	if err == nil {
		t.Fatal("a record over the limit was read")
	}
}

func TestCheckColumns(t *testing.T) {
	for _, cols := range [][]Column{nil, {{"", TypeString}}, {{"a", TypeString}, {"A", TypeString}}, {{"a", "TEXT"}}} {
		if CheckColumns(cols) == nil {
			t.Errorf("%v accepted", cols)
		}
	}
}

func TestXLSXUnknownSheet(t *testing.T) {
	path := xlsxFile(t, [][]any{{"a"}, {1}})
	if _, err := Inspect(path, "book.xlsx", Settings{Sheet: "Nope"}); err == nil || !strings.Contains(err.Error(), `no sheet "Nope"`) {
		t.Fatalf("err = %v", err)
	}
	p, err := Inspect(path, "book.xlsx", Settings{Sheet: "Second"})
	if err != nil || p.Sheet != "Second" || p.Columns[0].Name != "only" {
		t.Fatalf("preview %+v err %v", p, err)
	}
}

// TestXLSXNumbersAsStored: a number format neither rounds a number nor
// makes it text; dates and booleans are read as shown.
func TestXLSXNumbersAsStored(t *testing.T) {
	f := excelize.NewFile()
	for i, v := range []any{"price", "total", "day", "paid"} {
		cell, _ := excelize.CoordinatesToCellName(i+1, 1)
		f.SetCellValue("Sheet1", cell, v)
	}
	f.SetCellValue("Sheet1", "A2", 12.3456)
	f.SetCellValue("Sheet1", "B2", 1234567.891)
	f.SetCellValue("Sheet1", "C2", time.Date(2024, 1, 31, 0, 0, 0, 0, time.UTC))
	f.SetCellValue("Sheet1", "D2", true)
	two, _ := f.NewStyle(&excelize.Style{NumFmt: 2})       // 0.00
	thousands, _ := f.NewStyle(&excelize.Style{NumFmt: 4}) // #,##0.00
	date, _ := f.NewStyle(&excelize.Style{NumFmt: 14})     // mm-dd-yy
	f.SetCellStyle("Sheet1", "A2", "A2", two)
	f.SetCellStyle("Sheet1", "B2", "B2", thousands)
	f.SetCellStyle("Sheet1", "C2", "C2", date)
	path := filepath.Join(t.TempDir(), "n.xlsx")
	if err := f.SaveAs(path); err != nil {
		t.Fatal(err)
	}
	p, rows, err := readAll(t, path, "n.xlsx", Settings{})
	if err != nil {
		t.Fatal(err)
	}
	want := []Column{{"price", TypeDecimal}, {"total", TypeDecimal}, {"day", TypeDateTime}, {"paid", TypeBoolean}}
	if !reflect.DeepEqual(p.Columns, want) || !reflect.DeepEqual(rows, [][]any{{12.3456, 1234567.891, time.Date(2024, 1, 31, 0, 0, 0, 0, time.UTC), true}}) {
		t.Fatalf("columns %v rows %v", p.Columns, rows)
	}
}
