package app

import (
	"encoding/base64"
	"encoding/hex"
	"strings"
	"testing"
	"time"
)

// TestEmbedCodeKey: a code is 43 base64url characters (32 bytes) whose
// first 6 bytes are its mint time; its store key is that time in hex
// followed by the SHA-256 of the whole code, so keys sort by mint time and
// the code itself is never stored. A code of 32 random bytes (minted by
// an earlier build) is keyed by its hash alone.
func TestEmbedCodeKey(t *testing.T) {
	now := time.Date(2026, 12, 6, 8, 0, 0, 0, time.UTC)
	var prev string
	for i := range 50 {
		at := now.Add(time.Duration(i) * time.Millisecond)
		code, given := newEmbedCode(at)
		raw, err := base64.RawURLEncoding.DecodeString(code)
		if err != nil || len(code) != 43 || len(raw) != 32 || string(raw) != string(given) {
			t.Fatalf("code %q: %d chars, %d bytes, %v", code, len(code), len(raw), err)
		}
		key := embedCodeKey(code, raw, at.Add(EmbedCodeTTL))
		if key != hex.EncodeToString(raw[:codeTimeBytes])+HashSecret(code) || strings.Contains(key, code) {
			t.Fatalf("key %q of code %q: want 12 hex digits of mint time and the code's hash", key, code)
		}
		if key != embedCodeKey(code, raw, at) {
			t.Fatal("the key depends on when it is computed")
		}
		if key[:12] < prev {
			t.Fatalf("key %q sorts before the earlier code's %q", key, prev)
		}
		prev = key[:12]
	}
	// An earlier build's code: random leading bytes, far from now.
	old := base64.RawURLEncoding.EncodeToString([]byte(strings.Repeat("\xff", 32)))
	raw, _ := base64.RawURLEncoding.DecodeString(old)
	if got := embedCodeKey(old, raw, now); got != HashSecret(old) {
		t.Fatalf("key of a random code = %q, want its hash", got)
	}
	// Two codes minted in the same millisecond differ in their random part.
	if a, _ := newEmbedCode(now); a == func() string { b, _ := newEmbedCode(now); return b }() {
		t.Fatal("two codes alike")
	}
}

// FuzzEmbedCodeKey feeds arbitrary 32-byte codes (a sign-on URL's code is
// untrusted) to the key of their store item: it never panics, and is the
// code's hash, alone or after 12 hex digits of the code's leading bytes.
func FuzzEmbedCodeKey(f *testing.F) {
	now := time.Date(2026, 12, 6, 8, 0, 0, 0, time.UTC)
	code, _ := newEmbedCode(now)
	raw, _ := base64.RawURLEncoding.DecodeString(code)
	f.Add(raw, int64(0))
	f.Add(make([]byte, 32), int64(-1<<40))
	f.Add([]byte(strings.Repeat("\xff", 32)), int64(1<<40))
	f.Fuzz(func(t *testing.T, b []byte, shift int64) {
		if len(b) != 32 {
			return
		}
		code := base64.RawURLEncoding.EncodeToString(b)
		key := embedCodeKey(code, b, now.Add(time.Duration(shift)*time.Millisecond))
		hash := HashSecret(code)
		if key != hash && (len(key) != 12+64 || !strings.HasSuffix(key, hash) || strings.Trim(key[:12], "0123456789abcdef") != "") {
			t.Fatalf("key %q of code %q", key, code)
		}
	})
}
