package apimodel

import (
	"strconv"
	"strings"
)

// Kind says how a request failed the model.
type Kind uint8

const (
	// Validation is a constraint violation: AWS's ValidationException.
	Validation Kind = iota + 1
	// Serialization is input that does not deserialize into the model:
	// malformed JSON, a value of the wrong type, a member the model does
	// not have. AWS's SerializationException.
	Serialization
)

// Error is a request that fails the model, with AWS's message.
type Error struct {
	Kind    Kind
	Message string
	// Shapes names the model shape of each violation, in order (for a
	// caller that answers some constraints with a more specific error).
	Shapes []string
}

// Only reports whether every violation is of the named shape.
func (e *Error) Only(shape string) bool {
	if len(e.Shapes) == 0 {
		return false
	}
	for _, s := range e.Shapes {
		if s != shape {
			return false
		}
	}
	return true
}

func (e *Error) Error() string { return e.Message }

// maxErrors bounds how many violations one message lists.
const maxErrors = 100

func serialization(msg string) *Error { return &Error{Kind: Serialization, Message: msg} }

// validationError joins the violations as AWS does: "N validation
// error(s) detected: v1; v2".
func validationError(violations []string) *Error {
	var b strings.Builder
	b.WriteString(strconv.Itoa(len(violations)))
	if len(violations) == 1 {
		b.WriteString(" validation error detected: ")
	} else {
		b.WriteString(" validation errors detected: ")
	}
	b.WriteString(strings.Join(violations, "; "))
	return &Error{Kind: Validation, Message: b.String()}
}
