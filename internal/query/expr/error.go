package expr

import (
	"errors"
	"fmt"

	sg "github.com/sightglass/sightglass"
)

// Error is a syntax or type error at a position of an expression.
type Error struct {
	Pos int // 0-based byte offset
	Msg string
}

func (e *Error) Error() string {
	return fmt.Sprintf("%s at position %d", e.Msg, e.Pos+1)
}

func errorf(pos int, format string, args ...any) *Error {
	return &Error{Pos: pos, Msg: fmt.Sprintf(format, args...)}
}

// Invalid turns an error of this package about the expression of the
// named field into the caller-facing InvalidParameterValue error, e.g.
// `The expression of calculated field "Margin" is invalid: unknown field
// "Profitt" at position 1`. Other errors pass through.
func Invalid(field string, err error) error {
	if e, ok := errors.AsType[*Error](err); ok {
		return sg.Errorf(sg.EINVALID, "The expression of calculated field %q is invalid: %s", field, e.Error())
	}
	return err
}
