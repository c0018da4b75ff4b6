package app

import (
	"encoding/base64"
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
		if !strings.HasSuffix(key, HashSecret(code)) || len(key) != 12+64 || strings.Contains(key, code) {
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
