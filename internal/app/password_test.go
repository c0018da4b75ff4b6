package app

import (
	"fmt"
	"strings"
	"testing"
)

func TestPasswordHash(t *testing.T) {
	ctx := t.Context()
	h, err := hashPassword(ctx, "correct horse battery staple")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(h, "$argon2id$v=19$m=19456,t=2,p=1$") {
		t.Fatalf("hash %q", h)
	}
	for pw, want := range map[string]bool{"correct horse battery staple": true, "correct horse battery stapl": false, "": false} {
		if ok, err := verifyPassword(ctx, pw, h); err != nil || ok != want {
			t.Errorf("verifyPassword(%q) = %v, %v; want %v", pw, ok, err, want)
		}
	}
	for _, bad := range []string{"", "$argon2i$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5", h + "$", strings.Replace(h, "m=19456", "m=99999999", 1), strings.Replace(h, "t=2", "t=+2", 1)} {
		if ok, err := verifyPassword(ctx, "correct horse battery staple", bad); ok || err != nil {
			t.Errorf("verifyPassword against %q = %v, %v; want false", bad, ok, err)
		}
	}
}

// FuzzParsePHC: any stored hash string parses to bounded parameters or
// is refused, without panicking; what hashPassword writes parses back.
func FuzzParsePHC(f *testing.F) {
	h, err := hashPassword(f.Context(), "seed password 1")
	if err != nil {
		f.Fatal(err)
	}
	for _, s := range []string{h, "", "$argon2id$v=19$m=8,t=1,p=1$c2FsdHNhbHQ$a2V5a2V5a2V5a2V5a2V5a2V5", "$argon2id$v=19$m=,t=,p=$$"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		p, ok := parsePHC(s)
		if !ok {
			return
		}
		if p.memory < 8 || p.memory > 256*1024 || p.passes < 1 || p.passes > 10 || p.threads < 1 || p.threads > 16 || len(p.key) < 16 || len(p.key) > 64 {
			t.Fatalf("parsePHC(%q) = %+v: out of bounds", s, p)
		}
		if !strings.HasPrefix(s, fmt.Sprintf("$argon2id$v=19$m=%d,t=%d,p=%d$", p.memory, p.passes, p.threads)) {
			t.Fatalf("parsePHC(%q) = %+v: parameters differ from the string", s, p)
		}
	})
}

// BenchmarkVerifyPassword is the cost of one sign-in's password check
// (argon2id, 19 MiB, 2 passes).
func BenchmarkVerifyPassword(b *testing.B) {
	h, err := hashPassword(b.Context(), "correct horse battery staple")
	if err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		if ok, err := verifyPassword(b.Context(), "correct horse battery staple", h); !ok || err != nil {
			b.Fatal(ok, err)
		}
	}
}
