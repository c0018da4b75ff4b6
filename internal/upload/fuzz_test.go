package upload

import (
	"context"
	"errors"
	"testing"
)

// FuzzUpload inspects and reads arbitrary bytes as each format: no panic,
// no hang, and a failure past the header is a *RowError or a plain error.
func FuzzUpload(f *testing.F) {
	f.Add([]byte("a,b\n1,2\n"), uint8(0))
	f.Add([]byte("a;b\n\"x\"\"y\";2024-01-01\n"), uint8(0))
	f.Add([]byte("\xff\xfea\x00\t\x00b\x00\n\x00"), uint8(1))
	f.Add([]byte("{\"a\": 1, \"b\": [1, {}]}\n{\"a\": \"x\"}\n"), uint8(2))
	f.Add([]byte("PK\x03\x04\x14\x00"), uint8(3))
	f.Add([]byte("a\n\"unclosed\n"), uint8(0))
	names := []string{"f.csv", "f.tsv", "f.jsonl", "f.xlsx"}
	f.Fuzz(func(t *testing.T, data []byte, kind uint8) {
		if len(data) > 1<<16 {
			return
		}
		name := names[int(kind)%len(names)]
		path := writeFile(t, name, data)
		p, err := Inspect(path, name, Settings{})
		if err != nil {
			return
		}
		if len(p.Rows) > previewRows {
			t.Fatalf("%d preview rows", len(p.Rows))
		}
		err = Each(context.Background(), path, p.Settings, p.Columns, func(row []any) error {
			if len(row) != len(p.Columns) {
				t.Fatalf("row of %d values, %d columns", len(row), len(p.Columns))
			}
			return nil
		})
		var re *RowError
		if err != nil && errors.As(err, &re) && re.Line <= 0 {
			t.Fatalf("row error without a line: %v", err)
		}
	})
}
