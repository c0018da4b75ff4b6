package spice

import (
	"bytes"
	"context"
	"errors"
	"io"
)

// csvCounter passes the CSV of PostgreSQL's COPY (values with a comma, a
// quote or a line end quoted, quotes doubled, NULL an empty field, empty
// text "", rows ending in "\n") on to
// w, counting its rows and their logical size as it goes: 8 bytes a
// value plus the length of the text of the columns marked varchar, as
// logicalBytes counts them. It reports progress and stops the copy (its
// Write fails) at the ingestion's limits.
type csvCounter struct {
	o       Options
	varchar []bool
	ctx     context.Context
	w       io.Writer

	rows, bytes int64 // whole rows seen
	rowBytes    int64 // text of the current row so far
	col         int   // the current column
	fieldLen    int64 // text of the current field so far
	inQuotes    bool  // inside a quoted field
	afterQuote  bool  // a quote inside a quoted field: its end, or the first of a pair
	progress    int64 // rows at the last Progress call
}

// errMalformedCSV is a CSV the counter cannot read: not COPY's form.
// (The counter does not validate more than it needs: DuckDB parses.)
var errMalformedCSV = errors.New("spice: the source's CSV is not in the expected form")

func (c *csvCounter) Write(b []byte) (int, error) {
	if err := c.scan(b); err != nil {
		return 0, err
	}
	return c.w.Write(b)
}

// atRecordStart reports whether the bytes seen end on a row's end.
func (c *csvCounter) atRecordStart() bool {
	return !c.inQuotes && !c.afterQuote && c.col == 0 && c.fieldLen == 0
}

func (c *csvCounter) scan(b []byte) error {
	for i := 0; i < len(b); {
		if c.inQuotes {
			if c.afterQuote {
				c.afterQuote = false
				if b[i] == '"' {
					c.fieldLen++
					i++
					continue
				}
				c.inQuotes = false
				continue // b[i] ends the field
			}
			j := bytes.IndexByte(b[i:], '"')
			if j < 0 {
				c.fieldLen += int64(len(b) - i)
				return nil
			}
			c.fieldLen += int64(j)
			i += j + 1
			c.afterQuote = true
			continue
		}
		switch b[i] {
		case '"':
			if c.fieldLen > 0 {
				return errMalformedCSV // COPY quotes whole fields only
			}
			c.inQuotes = true
		case ',':
			c.endField()
		case '\n':
			c.endField()
			if err := c.endRow(); err != nil {
				return err
			}
		default:
			// An unquoted value: up to the next delimiter.
			j := i + 1
			for j < len(b) && b[j] != ',' && b[j] != '\n' && b[j] != '"' {
				j++
			}
			c.fieldLen += int64(j - i)
			i = j
			continue
		}
		i++
	}
	return nil
}

func (c *csvCounter) endField() {
	if c.col < len(c.varchar) && c.varchar[c.col] {
		c.rowBytes += c.fieldLen
	}
	c.col++
	c.fieldLen = 0
}

func (c *csvCounter) endRow() error {
	if c.col != len(c.varchar) {
		return errMalformedCSV
	}
	size := c.rowBytes + 8*int64(len(c.varchar))
	c.col, c.rowBytes = 0, 0
	o := c.o
	if o.MaxRows > 0 && c.rows == o.MaxRows {
		return &LimitError{Limit: "rows", Max: o.MaxRows}
	}
	if o.MaxBytes > 0 && c.bytes+size > o.MaxBytes {
		return &LimitError{Limit: "bytes", Max: o.MaxBytes}
	}
	if o.Capacity > 0 && c.bytes+size > o.Capacity {
		return &LimitError{Limit: "capacity", Max: o.Capacity}
	}
	c.rows++
	c.bytes += size
	if c.rows&4095 == 0 {
		if err := c.ctx.Err(); err != nil {
			return err
		}
	}
	if o.Progress != nil && c.rows-c.progress >= ProgressRows {
		c.progress = c.rows
		o.Progress(Stats{Rows: c.rows, Bytes: c.bytes})
	}
	return nil
}
