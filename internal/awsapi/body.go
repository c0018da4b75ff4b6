package awsapi

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"

	"github.com/sightglass/sightglass/internal/sigv4"
)

// DefaultMaxBody is the largest request body the API accepts when
// Config.MaxBody is zero: room for large analysis and dashboard definitions.
const DefaultMaxBody = 10 << 20

// bufferBody reads the request body into memory, refusing one larger than
// s.maxBody, before anything else looks at it: the signature covers the
// body, so it is read before the caller is known, and this is where that
// read is bounded. Memory grows with the bytes that arrive, never with
// the Content-Length a client announces. Afterwards r.Body is a heldBody
// that replays the bytes (and hands them to the verifier and to readBody
// without another copy) and r.ContentLength is their number.
func (s *Server) bufferBody(r *http.Request) error {
	if r.Body == nil || r.Body == http.NoBody {
		return nil
	}
	if r.ContentLength > s.maxBody {
		return errBodyTooLarge(s.maxBody)
	}
	b, err := io.ReadAll(io.LimitReader(r.Body, s.maxBody+1))
	if err != nil {
		return bodyReadError(err)
	}
	if int64(len(b)) > s.maxBody {
		return errBodyTooLarge(s.maxBody)
	}
	r.Body = newHeldBody(b)
	r.ContentLength = int64(len(b))
	return nil
}

var _ sigv4.HeldBody = (*heldBody)(nil)

// heldBody is a request body read whole (a sigv4.HeldBody): it replays
// its bytes and gives them out whole, however much was read.
type heldBody struct {
	bytes.Reader
	b []byte
}

func newHeldBody(b []byte) *heldBody {
	h := &heldBody{b: b}
	h.Reset(b)
	return h
}

// Bytes returns the whole body; the caller must not change it.
func (h *heldBody) Bytes() []byte { return h.b }

// Close does nothing: the connection's body was read to its end.
func (h *heldBody) Close() error { return nil }

// errBodyTooLarge is the answer to a body over the limit: 413, as AWS's
// front ends answer a request entity that is too large.
func errBodyTooLarge(limit int64) *awsError {
	return &awsError{Name: "RequestEntityTooLargeException", Status: http.StatusRequestEntityTooLarge,
		Message: fmt.Sprintf("The request body exceeds the %d bytes this server accepts.", limit)}
}

// bodyReadError maps a failed body read: the server's read time limit ran
// out (408), the client sent less than it announced, or the read failed.
func bodyReadError(err error) *awsError {
	switch {
	case errors.Is(err, os.ErrDeadlineExceeded):
		return &awsError{Name: "RequestTimeoutException", Status: http.StatusRequestTimeout,
			Message: "The request body was not received within the server's time limit."}
	case errors.Is(err, io.ErrUnexpectedEOF):
		return &awsError{Name: sigv4.CodeInvalidRequest, Status: http.StatusBadRequest,
			Message: "The request body is shorter than its Content-Length."}
	}
	return &awsError{Name: sigv4.CodeInvalidRequest, Status: http.StatusBadRequest, Message: "The request body could not be read."}
}
