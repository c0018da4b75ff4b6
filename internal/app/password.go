package app

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"encoding/base64"
	"fmt"
	"strings"
	"sync"
	"unicode/utf8"

	sg "github.com/sightglass/sightglass"
	"golang.org/x/crypto/argon2"
)

// Password hashing: argon2id (RFC 9106) with the parameters OWASP
// recommends for it (19 MiB, 2 passes, 1 lane), stored in the PHC string
// form $argon2id$v=19$m=…,t=…,p=…$salt$hash so that the parameters can be
// raised later without invalidating stored hashes.
const (
	argonMemory  = 19 * 1024 // KiB
	argonTime    = 2
	argonThreads = 1
	argonKeyLen  = 32
	argonSaltLen = 16
)

// Password rules (MinPasswordLen is shown on the invitation page).
const (
	MinPasswordLen = 12
	maxPasswordLen = 128
)

// hashSlots bounds concurrent hashes: each takes argonMemory, and a burst
// of sign-ins must not take the server's memory with it.
var hashSlots = make(chan struct{}, 4)

// checkPassword applies the password rules for a user.
func checkPassword(password string, u *sg.User) error {
	n := utf8.RuneCountInString(password)
	switch {
	case !utf8.ValidString(password) || strings.ContainsRune(password, 0):
		return sg.Errorf(sg.EINVALID, "The password contains characters that can't be used.")
	case n < MinPasswordLen:
		return sg.Errorf(sg.EINVALID, "The password must have at least %d characters.", MinPasswordLen)
	case n > maxPasswordLen:
		return sg.Errorf(sg.EINVALID, "The password must have at most %d characters.", maxPasswordLen)
	case strings.EqualFold(password, u.UserName) || strings.EqualFold(password, u.Email):
		return sg.Errorf(sg.EINVALID, "The password must not be your user name or email address.")
	}
	return nil
}

// hashPassword returns the PHC string of a new argon2id hash of password.
func hashPassword(ctx context.Context, password string) (string, error) {
	salt := make([]byte, argonSaltLen)
	rand.Read(salt)
	key, err := argonKey(ctx, password, salt, argonMemory, argonTime, argonThreads)
	if err != nil {
		return "", err
	}
	b64 := base64.RawStdEncoding
	return fmt.Sprintf("$argon2id$v=%d$m=%d,t=%d,p=%d$%s$%s", argon2.Version, argonMemory, argonTime, argonThreads, b64.EncodeToString(salt), b64.EncodeToString(key)), nil
}

// verifyPassword reports whether password matches a PHC string that
// hashPassword wrote. A malformed hash matches nothing.
func verifyPassword(ctx context.Context, password, phc string) (bool, error) {
	h, ok := parsePHC(phc)
	if !ok {
		return false, nil
	}
	got, err := argonKey(ctx, password, h.salt, h.memory, h.passes, h.threads, uint32(len(h.key)))
	if err != nil {
		return false, err
	}
	return subtle.ConstantTimeCompare(got, h.key) == 1, nil
}

// phcHash is a parsed argon2id PHC string.
type phcHash struct {
	memory, passes uint32
	threads        uint8
	salt, key      []byte
}

// parsePHC parses $argon2id$v=19$m=…,t=…,p=…$salt$key, with parameters
// bounded so that a damaged hash cannot make a check take the server's
// memory or time.
func parsePHC(phc string) (phcHash, bool) {
	var h phcHash
	parts := strings.Split(phc, "$")
	if len(parts) != 6 || parts[0] != "" || parts[1] != "argon2id" || parts[2] != fmt.Sprintf("v=%d", argon2.Version) {
		return h, false
	}
	var memory, passes, threads uint64
	params := strings.Split(parts[3], ",")
	if len(params) != 3 {
		return h, false
	}
	for i, p := range []struct {
		name string
		v    *uint64
	}{{"m=", &memory}, {"t=", &passes}, {"p=", &threads}} {
		digits, ok := strings.CutPrefix(params[i], p.name)
		if !ok || digits == "" || len(digits) > 9 || digits[0] == '0' || strings.Trim(digits, "0123456789") != "" {
			return h, false
		}
		for _, d := range digits {
			*p.v = *p.v*10 + uint64(d-'0')
		}
	}
	if memory < 8 || memory > 256*1024 || passes < 1 || passes > 10 || threads < 1 || threads > 16 {
		return h, false
	}
	b64 := base64.RawStdEncoding
	salt, err1 := b64.DecodeString(parts[4])
	key, err2 := b64.DecodeString(parts[5])
	if err1 != nil || err2 != nil || len(salt) < 8 || len(salt) > 64 || len(key) < 16 || len(key) > 64 {
		return h, false
	}
	return phcHash{memory: uint32(memory), passes: uint32(passes), threads: uint8(threads), salt: salt, key: key}, true
}

// argonKey computes an argon2id key in one of the hash slots. keyLen
// defaults to argonKeyLen.
func argonKey(ctx context.Context, password string, salt []byte, memory, passes uint32, threads uint8, keyLen ...uint32) ([]byte, error) {
	n := uint32(argonKeyLen)
	if len(keyLen) > 0 {
		n = keyLen[0]
	}
	select {
	case hashSlots <- struct{}{}:
	case <-ctx.Done():
		return nil, ctx.Err()
	}
	defer func() { <-hashSlots }()
	return argon2.IDKey([]byte(password), salt, passes, memory, threads, n), nil
}

// dummyHash is verified against when a sign-in names no user (or one
// without a password), so that such a sign-in costs what a real one does.
var dummyHash = sync.OnceValue(func() string {
	h, err := hashPassword(context.Background(), "sightglass: no such user")
	if err != nil {
		panic(err) // a background context is never done
	}
	return h
})
