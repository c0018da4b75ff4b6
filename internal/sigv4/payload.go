package sigv4

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"strconv"
)

// DefaultMaxBody is the largest body a Verifier reads and hashes when
// [Verifier.MaxBody] is zero.
const DefaultMaxBody = 10 << 20

// emptySHA256 is the hex SHA-256 of an empty payload.
const emptySHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"

// unsignedPayload is the payload hash a presigned request may use instead
// of hashing the body.
const unsignedPayload = "UNSIGNED-PAYLOAD"

// HeldBody is a request body already held in memory, whole: the verifier
// hashes its bytes in place, without reading the body or replacing it.
// Bytes must return the whole body however much of it was read, and the
// caller must not change them.
type HeldBody interface {
	io.ReadCloser
	Bytes() []byte
}

// hashBody reads r.Body (at most max bytes), puts an equivalent body back
// so the handler can still read it, and returns the hex SHA-256 of what was
// read. A request without a body hashes as the empty payload. A HeldBody
// is hashed in place and left as it is.
func hashBody(r *http.Request, max int64, dst *[64]byte) (string, *Error) {
	if r.Body == nil || r.Body == http.NoBody {
		return emptySHA256, nil
	}
	if r.ContentLength > max {
		return "", bodyTooLarge(max)
	}
	if held, ok := r.Body.(HeldBody); ok {
		body := held.Bytes()
		if int64(len(body)) > max {
			return "", bodyTooLarge(max)
		}
		sum := sha256.Sum256(body)
		hex.Encode(dst[:], sum[:])
		return string(dst[:]), nil
	}
	var body []byte
	var err error
	if r.ContentLength > 0 {
		body = make([]byte, r.ContentLength)
		_, err = io.ReadFull(r.Body, body)
		if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			err = errShortBody
		}
	} else {
		body, err = io.ReadAll(io.LimitReader(r.Body, max+1))
		if err == nil && int64(len(body)) > max {
			return "", bodyTooLarge(max)
		}
	}
	if err != nil {
		var mbe *http.MaxBytesError
		if errors.As(err, &mbe) {
			return "", bodyTooLarge(min(max, mbe.Limit))
		}
		if err == errShortBody {
			return "", newError(CodeInvalidRequest, "The request body is shorter than its Content-Length.")
		}
		return "", newError(CodeInvalidRequest, "The request body could not be read.")
	}
	rb := &replayBody{orig: r.Body}
	rb.Reset(body)
	r.Body = rb
	sum := sha256.Sum256(body)
	hex.Encode(dst[:], sum[:])
	return string(dst[:]), nil
}

var errShortBody = errors.New("short body")

func bodyTooLarge(max int64) *Error {
	return invalidSignature("The request body exceeds the " + strconv.FormatInt(max, 10) +
		" bytes that can be signed and verified.")
}

// replayBody serves the bytes already read and closes the original body.
type replayBody struct {
	bytes.Reader
	orig io.ReadCloser
}

func (b *replayBody) Close() error { return b.orig.Close() }
