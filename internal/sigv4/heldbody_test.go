package sigv4

import (
	"bytes"
	"io"
	"testing"
)

// heldTestBody is a HeldBody as a server that buffered the body passes it.
type heldTestBody struct {
	bytes.Reader
	b []byte
}

func (h *heldTestBody) Bytes() []byte { return h.b }
func (h *heldTestBody) Close() error  { return nil }

func holdBody(b []byte) *heldTestBody {
	h := &heldTestBody{b: b}
	h.Reset(b)
	return h
}

// TestHeldBody: a held body is hashed in place (the SDK signer's hash of
// the same bytes verifies, other bytes do not), bounded by MaxBody, and
// left unread for the handler.
func TestHeldBody(t *testing.T) {
	for _, tc := range []struct {
		name string
		held []byte
		max  int64
		code string
	}{
		{"same bytes", []byte(testBody), 0, ""},
		{"exactly MaxBody", []byte(testBody), int64(len(testBody)), ""},
		{"other bytes", []byte(testBody + " "), 0, CodeInvalidSignature},
		{"over MaxBody", []byte(testBody), 16, CodeInvalidSignature},
	} {
		t.Run(tc.name, func(t *testing.T) {
			r := signedPOST(t, testBody)
			h := holdBody(tc.held)
			r.Body = h
			r.ContentLength = -1 // the limit applies to the held bytes too
			v := testVerifier(testTime)
			v.MaxBody = tc.max
			_, err := v.Verify(r)
			if got := codeOf(err); got != tc.code {
				t.Fatalf("code = %q, want %q (err: %v)", got, tc.code, err)
			}
			if r.Body != h {
				t.Fatal("the verifier replaced a held body")
			}
			if rest, _ := io.ReadAll(r.Body); !bytes.Equal(rest, tc.held) {
				t.Fatalf("the handler reads %q, want %q", rest, tc.held)
			}
		})
	}
}
