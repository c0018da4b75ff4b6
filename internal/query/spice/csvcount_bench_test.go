package spice

import (
	"context"
	"fmt"
	"io"
	"testing"
)

// BenchmarkCSVCounter: the counter's pass over 100k rows of COPY CSV
// shaped like the sample's 15 columns (≈130 bytes a row), fed in the
// 256 KiB writes ingestCopy's buffer makes, against a bare copy of the
// same bytes.
func BenchmarkCSVCounter(b *testing.B) {
	var data []byte
	for i := range 100_000 {
		data = fmt.Appendf(data, "%d,2025-%02d-%02d,2025-%02d-%02d,North America,United States,New York,\"Slate 14 Laptop, 16GB\",Technology,Laptops,Consumer,%d,1099,0.1,%d.5,%d.25\n",
			i, 1+i%12, 1+i%28, 1+i%12, 1+i%28, i%9, i%5000, i%700)
	}
	varchar := make([]bool, 15)
	for i := 3; i <= 9; i++ {
		varchar[i] = true
	}
	b.SetBytes(int64(len(data)))
	b.Run("counter", func(b *testing.B) {
		for b.Loop() {
			c := &csvCounter{varchar: varchar, ctx: context.Background(), w: io.Discard}
			for k := 0; k < len(data); k += 256 << 10 {
				if _, err := c.Write(data[k:min(k+256<<10, len(data))]); err != nil {
					b.Fatal(err)
				}
			}
			if c.rows != 100_000 {
				b.Fatal(c.rows)
			}
		}
	})
	b.Run("copy", func(b *testing.B) {
		buf := make([]byte, len(data))
		for b.Loop() {
			copy(buf, data)
		}
	})
}
