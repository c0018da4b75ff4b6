// Package sqlkit holds what the two SQL stores share, so that SQLite and
// PostgreSQL behave alike: the list of embedded numbered migrations, the
// errors they return (with the same codes and messages), and the column
// encodings:
//
//   - timestamps are integer unix milliseconds, read back as UTC time.Time
//     (sub-millisecond precision is dropped; the zero time round-trips);
//   - an optional timestamp (AccessKey.Expires) is NULL when zero;
//   - slices and maps (tags, capabilities, embedding domains) are JSON text,
//     and nil stays nil ("null") while empty stays empty ("[]", "{}");
//   - keyset pages are fetched with one extra row to compute "more".
package sqlkit

import (
	"encoding/json"
	"fmt"
	"time"

	sg "github.com/sightglass/sightglass"
)

// Millis returns t as unix milliseconds.
func Millis(t time.Time) int64 { return t.UnixMilli() }

// Time returns the UTC time of unix milliseconds ms.
func Time(ms int64) time.Time { return time.UnixMilli(ms).UTC() }

// NullMillis returns nil for the zero time, else a pointer to its unix
// milliseconds.
func NullMillis(t time.Time) *int64 {
	if t.IsZero() {
		return nil
	}
	ms := t.UnixMilli()
	return &ms
}

// NullTime is the inverse of NullMillis.
func NullTime(ms *int64) time.Time {
	if ms == nil {
		return time.Time{}
	}
	return Time(*ms)
}

// JSON encodes v (a slice or map of plain values) as JSON text.
func JSON(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		// Only strings, string maps and Tags are stored; they always encode.
		panic(fmt.Sprintf("sqlkit: encode %T: %v", v, err))
	}
	return string(b)
}

// Decode parses JSON text written by JSON into a T.
func Decode[T any](s string) (T, error) {
	var v T
	if s == "null" {
		return v, nil // the common case for nil tags, without the decoder
	}
	if err := json.Unmarshal([]byte(s), &v); err != nil {
		return v, fmt.Errorf("sqlkit: decode %T column: %w", v, err)
	}
	return v, nil
}

// Fetch returns how many rows to read for page p: one more than its limit,
// so that Trim can tell whether more follow, or 0 for "no limit" (Limit ≤ 0).
func Fetch(p sg.Page) int {
	if p.Limit <= 0 {
		return 0
	}
	return p.Limit + 1
}

// Trim cuts items read with Fetch(p) to p's limit and reports whether more
// follow. It never returns a nil slice.
func Trim[T any](items []T, p sg.Page) ([]T, bool) {
	if items == nil {
		items = []T{}
	}
	if p.Limit > 0 && len(items) > p.Limit {
		return items[:p.Limit], true
	}
	return items, false
}

// NullRaw returns nil for a nil raw JSON value, else its text: stored
// definitions keep the exact bytes the client sent.
func NullRaw(b []byte) *string {
	if b == nil {
		return nil
	}
	s := string(b)
	return &s
}

// Raw is the inverse of NullRaw.
func Raw(s *string) json.RawMessage {
	if s == nil {
		return nil
	}
	return json.RawMessage(*s)
}

// MillisOrZero returns 0 for the zero time, else its unix milliseconds
// (for a NOT NULL column where 0 means "none").
func MillisOrZero(t time.Time) int64 {
	if t.IsZero() {
		return 0
	}
	return t.UnixMilli()
}

// TimeOrZero is the inverse of MillisOrZero.
func TimeOrZero(ms int64) time.Time {
	if ms == 0 {
		return time.Time{}
	}
	return Time(ms)
}
