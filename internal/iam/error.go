package iam

import (
	"fmt"
	"strconv"
	"unicode/utf8"
)

// PolicyError reports why a policy document was refused. Its message is
// meant for the user who wrote the document.
type PolicyError struct {
	// Path locates the offending element, such as "Statement[1].Effect" or
	// "Statement.Action[0]" (Statement given as a single object). It is
	// empty for problems with the document as a whole.
	Path string
	// Message says what is wrong, such as `must be "Allow" or "Deny"`.
	Message string
}

func (e *PolicyError) Error() string {
	if e.Path == "" {
		return e.Message
	}
	return e.Path + " " + e.Message
}

// docError returns an error about the document as a whole.
func docError(format string, args ...any) *PolicyError {
	return &PolicyError{Message: fmt.Sprintf(format, args...)}
}

// statementPath is the path of statement i, or "Statement" when the
// document's Statement is a single object.
func statementPath(i int) string {
	if i == single {
		return "Statement"
	}
	return "Statement[" + strconv.Itoa(i) + "]"
}

// position returns "line L, column C" for byte offset off of doc. Columns
// count characters, from 1.
func position(doc []byte, off int) string {
	off = min(max(off, 0), len(doc))
	line, start := 1, 0
	for i, b := range doc[:off] {
		if b == '\n' {
			line, start = line+1, i+1
		}
	}
	return fmt.Sprintf("line %d, column %d", line, utf8.RuneCount(doc[start:off])+1)
}

// invalidUTF8 returns the offset of the first byte of doc that is not part
// of a valid UTF-8 sequence, or -1.
func invalidUTF8(doc []byte) int {
	for off := 0; off < len(doc); {
		r, w := utf8.DecodeRune(doc[off:])
		if r == utf8.RuneError && w == 1 {
			return off
		}
		off += w
	}
	return -1
}
