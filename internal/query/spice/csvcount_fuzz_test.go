package spice

import (
	"bytes"
	"context"
	"encoding/csv"
	"io"
	"strings"
	"testing"
)

// FuzzCSVCounter: the counter never panics on any bytes, and over CSV as
// COPY writes it (encoding/csv's writer quotes the same fields, bar the
// empty text COPY writes as "") its rows and sizes are encoding/csv's.
func FuzzCSVCounter(f *testing.F) {
	f.Add([]byte("1,\"a,b\"\n2,\n"), 3)
	f.Add([]byte("\"x\"\"y\",\"\"\n"), 1)
	f.Add([]byte("a\nb\r\n\"c\nd\"\n"), 5)
	f.Fuzz(func(t *testing.T, data []byte, split int) {
		c := &csvCounter{varchar: []bool{true, false}, ctx: context.Background(), w: io.Discard}
		feed(c, data, split) // any error is fine; no panic

		r := csv.NewReader(bytes.NewReader(data))
		r.FieldsPerRecord = 2
		records, err := r.ReadAll()
		if err != nil {
			return
		}
		var out bytes.Buffer
		w := csv.NewWriter(&out)
		var want int64
		for _, rec := range records {
			if strings.ContainsRune(rec[0], '\r') || strings.ContainsRune(rec[1], '\r') {
				return // encoding/csv drops \r before \n
			}
			want += 16 + int64(len(rec[0]))
		}
		w.WriteAll(records)
		c = &csvCounter{varchar: []bool{true, false}, ctx: context.Background(), w: io.Discard}
		if err := feed(c, out.Bytes(), split); err != nil {
			t.Fatalf("%q: %v", out.Bytes(), err)
		}
		if c.rows != int64(len(records)) || c.bytes != want || !c.atRecordStart() {
			t.Fatalf("%q: %d rows %d bytes, want %d %d", out.Bytes(), c.rows, c.bytes, len(records), want)
		}
	})
}

// feed writes data to c in two parts, split where split says.
func feed(c *csvCounter, data []byte, split int) error {
	if split < 0 {
		split = -split
	}
	k := 0
	if len(data) > 0 {
		k = split % (len(data) + 1)
	}
	if _, err := c.Write(data[:k]); err != nil {
		return err
	}
	_, err := c.Write(data[k:])
	return err
}
