package audit

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"time"
)

// Filter selects records. Zero fields select everything.
type Filter struct {
	Since, Until time.Time // Since inclusive, Until exclusive
	EventName    string
	// User matches userIdentity.arn exactly, or userIdentity.userName,
	// or the last path element of the ARN (the name of an IAM user, role
	// session or QuickSight user).
	User      string
	ErrorOnly bool
	SourceIP  string
}

// Match reports whether e passes the filter.
func (f *Filter) Match(e *Event) bool {
	switch {
	case !f.Since.IsZero() && e.EventTime.Before(f.Since):
		return false
	case !f.Until.IsZero() && !e.EventTime.Before(f.Until):
		return false
	case f.EventName != "" && e.EventName != f.EventName:
		return false
	case f.ErrorOnly && e.ErrorCode == "":
		return false
	case f.SourceIP != "" && e.SourceIPAddress != f.SourceIP:
		return false
	case f.User != "" && !matchUser(f.User, &e.UserIdentity):
		return false
	}
	return true
}

func matchUser(user string, id *Identity) bool {
	if user == id.ARN || user == id.UserName {
		return true
	}
	if i := strings.LastIndexByte(id.ARN, '/'); i >= 0 && id.ARN[i+1:] == user {
		return true
	}
	return false
}

// maxLine bounds one record line when reading; longer lines are reported
// and skipped.
const maxLine = 1 << 20

// ParseLine decodes one record line.
func ParseLine(line []byte) (*Event, error) {
	var e Event
	if err := json.Unmarshal(line, &e); err != nil {
		return nil, err
	}
	if e.EventName == "" || e.EventTime.IsZero() {
		return nil, errors.New("not an audit record")
	}
	return &e, nil
}

// Files returns the log at path and its rotated files, oldest first: the
// order their records were written in.
func Files(path string) []string {
	var rotated []string
	for i := 1; ; i++ {
		p := fmt.Sprintf("%s.%d", path, i)
		if _, err := os.Stat(p); err != nil {
			break
		}
		rotated = append(rotated, p)
	}
	out := make([]string, 0, len(rotated)+1)
	for i := len(rotated) - 1; i >= 0; i-- {
		out = append(out, rotated[i])
	}
	return append(out, path)
}

// Scan reads records from r and calls fn for each that matches f. A line
// that is not a record (a torn last line, a foreign line) is passed to bad
// with its number and skipped.
func Scan(r io.Reader, f *Filter, fn func(*Event) error, bad func(line int, err error)) error {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 64<<10), maxLine)
	n := 0
	for sc.Scan() {
		n++
		line := sc.Bytes()
		if len(bytes.TrimSpace(line)) == 0 {
			continue
		}
		e, err := ParseLine(line)
		if err != nil {
			if bad != nil {
				bad(n, err)
			}
			continue
		}
		if f.Match(e) {
			if err := fn(e); err != nil {
				return err
			}
		}
	}
	if err := sc.Err(); err != nil {
		return fmt.Errorf("line %d: %w", n+1, err)
	}
	return nil
}
