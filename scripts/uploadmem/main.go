// Command uploadmem measures the memory of a large file upload: it writes a
// CSV of the given size, streams it through a multipart body into a
// temporary file (as the console's upload handler does), inspects it, and
// imports every row into a SPICE-format file (as the import does), then
// prints the time of each step and the process's peak resident memory.
//
//	go run ./scripts/uploadmem -size 1073741824
package main

import (
	"bufio"
	"context"
	"flag"
	"fmt"
	"io"
	"log"
	"mime/multipart"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/sightglass/sightglass/internal/sqlitefile"
	"github.com/sightglass/sightglass/internal/upload"
)

func main() {
	size := flag.Int64("size", 1<<30, "bytes of CSV to upload")
	dir := flag.String("dir", "", "working directory (default: a new temporary one, removed at the end)")
	flag.Parse()
	if *dir == "" {
		d, err := os.MkdirTemp("", "uploadmem-*")
		if err != nil {
			log.Fatal(err)
		}
		defer os.RemoveAll(d)
		*dir = d
	}
	src := filepath.Join(*dir, "big.csv")
	t0 := time.Now()
	rows := writeCSV(src, *size)
	fmt.Printf("wrote %d rows, %d bytes in %s; peak RSS %s\n", rows, *size, time.Since(t0).Round(time.Millisecond), peakRSS())

	t0 = time.Now()
	received := filepath.Join(*dir, "received.csv")
	n := multipartRoundTrip(src, received)
	fmt.Printf("multipart upload streamed %d bytes to disk in %s; peak RSS %s\n", n, time.Since(t0).Round(time.Millisecond), peakRSS())

	t0 = time.Now()
	p, err := upload.Inspect(received, "big.csv", upload.Settings{})
	if err != nil {
		log.Fatal(err)
	}
	cols := make([]sqlitefile.Column, len(p.Columns))
	for i, c := range p.Columns {
		cols[i] = sqlitefile.Column{Name: c.Name, Type: c.Type}
	}
	dest := filepath.Join(*dir, "upload.sqlite")
	imported, err := sqlitefile.Write(context.Background(), cols, dest, sqlitefile.Options{}, func(yield func([]any) error) error {
		return upload.Each(context.Background(), received, p.Settings, p.Columns, yield)
	})
	if err != nil {
		log.Fatal(err)
	}
	d := time.Since(t0)
	fmt.Printf("imported %d rows in %s (%.0f rows/s); peak RSS %s\n", imported, d.Round(time.Millisecond), float64(imported)/d.Seconds(), peakRSS())
}

// writeCSV writes about size bytes of CSV and returns its data rows.
func writeCSV(path string, size int64) int64 {
	f, err := os.Create(path)
	if err != nil {
		log.Fatal(err)
	}
	w := bufio.NewWriterSize(f, 1<<20)
	var written, rows int64
	n, _ := fmt.Fprintln(w, "region,units,price,day,product,paid")
	written += int64(n)
	regions := []string{"East", "West", "North", "South"}
	for i := 0; written < size; i++ {
		n, _ := fmt.Fprintf(w, "%s,%d,%d.%02d,2024-%02d-%02d,Product %d,%t\n", regions[i%4], i%1000, i%500, i%100, 1+i%12, 1+i%28, i%97, i%2 == 0)
		written += int64(n)
		rows++
	}
	if err := w.Flush(); err != nil {
		log.Fatal(err)
	}
	f.Close()
	return rows
}

// multipartRoundTrip streams src as a multipart form through a pipe and
// reads the file part into dst with the reader the console's handler uses.
func multipartRoundTrip(src, dst string) int64 {
	pr, pw := io.Pipe()
	mw := multipart.NewWriter(pw)
	go func() {
		f, err := os.Open(src)
		if err != nil {
			pw.CloseWithError(err)
			return
		}
		defer f.Close()
		part, _ := mw.CreateFormFile("file", "big.csv")
		if _, err := io.Copy(part, f); err != nil {
			pw.CloseWithError(err)
			return
		}
		pw.CloseWithError(mw.Close())
	}()
	mr := multipart.NewReader(pr, mw.Boundary())
	part, err := mr.NextPart()
	if err != nil {
		log.Fatal(err)
	}
	out, err := os.Create(dst)
	if err != nil {
		log.Fatal(err)
	}
	n, err := io.Copy(out, part)
	if err != nil {
		log.Fatal(err)
	}
	out.Close()
	return n
}

// peakRSS is the process's peak resident set (VmHWM).
func peakRSS() string {
	b, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return "?"
	}
	for _, line := range strings.Split(string(b), "\n") {
		if strings.HasPrefix(line, "VmHWM:") {
			return strings.TrimSpace(strings.TrimPrefix(line, "VmHWM:"))
		}
	}
	return "?"
}
