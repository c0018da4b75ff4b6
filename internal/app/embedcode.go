package app

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/binary"
	"encoding/hex"
	"time"
)

// Embed codes.
//
// A code is 32 bytes, base64url (43 characters): the first 6 bytes are the
// minute-independent mint time in unix milliseconds (big-endian), the other
// 26 (208 bits) are random. The store keys a code's single-use item by the
// hex mint time followed by the SHA-256 of the whole code, so the secret
// part is stored only as its hash, as before, while items are keyed in
// mint order: a batch of mints appends to the right edge of the key index
// (a page or two per commit) instead of dirtying one random leaf page per
// code, and purging expired codes deletes from the left edge; the store
// keeps codes out of its expiry index (PutOnceOrdered), so a mint writes
// one index page, not two. The mint
// time is not secret; a code's 208 random bits are what make it unguessable.

// codeTimeBytes is how many leading bytes of a code carry its mint time.
const codeTimeBytes = 6

// codeKeyWindow bounds the mint times a code's key trusts: a code whose
// leading bytes do not read as a time this near now was minted by a build
// that made codes of 32 random bytes, and is keyed by its hash alone
// (random bytes fall in this window about once in 3 million codes).
const codeKeyWindow = 24 * time.Hour

// newEmbedCode returns a fresh code minted at now and its 32 bytes.
func newEmbedCode(now time.Time) (string, []byte) {
	b := make([]byte, 32)
	rand.Read(b[codeTimeBytes:])
	putMillis48(b[:codeTimeBytes], now)
	return base64.RawURLEncoding.EncodeToString(b), b
}

// embedCodeKey returns the store key of a code's single-use item, given
// its decoded bytes raw (32 bytes) and the time now.
func embedCodeKey(code string, raw []byte, now time.Time) string {
	var ms [8]byte
	copy(ms[2:], raw[:codeTimeBytes])
	minted := time.UnixMilli(int64(binary.BigEndian.Uint64(ms[:])))
	if minted.Before(now.Add(-codeKeyWindow)) || minted.After(now.Add(time.Hour)) {
		return HashSecret(code)
	}
	// The hex mint time and the hex hash, built in place: one allocation.
	var key [2*codeTimeBytes + 2*sha256.Size]byte
	hex.Encode(key[:2*codeTimeBytes], raw[:codeTimeBytes])
	sum := sha256.Sum256([]byte(code))
	hex.Encode(key[2*codeTimeBytes:], sum[:])
	return string(key[:])
}

// putMillis48 writes t's unix milliseconds into the 6 bytes of dst.
func putMillis48(dst []byte, t time.Time) {
	var ms [8]byte
	binary.BigEndian.PutUint64(ms[:], uint64(t.UnixMilli()))
	copy(dst, ms[2:])
}
