package sigv4

import (
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"net/http"
)

// canonicalInput is what, besides the query (already in scratch.query),
// goes into the canonical request and the string to sign.
type canonicalInput struct {
	method        string
	path          string // escaped request path, before the second encoding
	signedHeaders string
	payloadHash   string
	amzDate       string
	scope         string // yyyymmdd/region/service/aws4_request
}

// signature computes the SigV4 signature of r with the derived signing key:
// HMAC-SHA256(key, "AWS4-HMAC-SHA256\n" + date + "\n" + scope + "\n" +
// hex(SHA-256(canonical request))). HMAC is done by hand over the pooled
// buffer so the hot path allocates nothing.
func (s *scratch) signature(r *http.Request, in *canonicalInput, key *[32]byte) [32]byte {
	b := s.buf[:0]
	b = append(b, in.method...)
	b = append(b, '\n')
	b = appendCanonicalURI(b, in.path)
	b = append(b, '\n')
	b = append(b, s.query...)
	b = append(b, '\n')
	b = appendCanonicalHeaders(b, r, in.signedHeaders)
	b = append(b, '\n')
	b = append(b, in.signedHeaders...)
	b = append(b, '\n')
	b = append(b, in.payloadHash...)
	canonicalHash := sha256.Sum256(b)

	// Inner HMAC hash: SHA-256((key ^ ipad) || string to sign).
	b = b[:0]
	for i := 0; i < sha256.BlockSize; i++ {
		var k byte
		if i < len(key) {
			k = key[i]
		}
		b = append(b, k^0x36)
	}
	b = append(b, algorithm...)
	b = append(b, '\n')
	b = append(b, in.amzDate...)
	b = append(b, '\n')
	b = append(b, in.scope...)
	b = append(b, '\n')
	b = hex.AppendEncode(b, canonicalHash[:])
	inner := sha256.Sum256(b)
	s.buf = b

	// Outer: SHA-256((key ^ opad) || inner).
	var outer [sha256.BlockSize + sha256.Size]byte
	for i := 0; i < sha256.BlockSize; i++ {
		var k byte
		if i < len(key) {
			k = key[i]
		}
		outer[i] = k ^ 0x5c
	}
	copy(outer[sha256.BlockSize:], inner[:])
	return sha256.Sum256(outer[:])
}

// deriveSigningKey computes the SigV4 signing key:
// HMAC(HMAC(HMAC(HMAC("AWS4"+secret, date), region), service), "aws4_request").
func deriveSigningKey(secret, date, region, service string) [32]byte {
	k := hmacSHA256([]byte("AWS4"+secret), date)
	k = hmacSHA256(k[:], region)
	k = hmacSHA256(k[:], service)
	return hmacSHA256(k[:], scopeTerminator)
}

func hmacSHA256(key []byte, msg string) (out [32]byte) {
	m := hmac.New(sha256.New, key)
	m.Write([]byte(msg))
	m.Sum(out[:0])
	return out
}
