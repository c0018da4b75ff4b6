package secretbox

import (
	"bytes"
	"encoding/hex"
	"os"
	"path/filepath"
	"testing"
)

func newBox(t *testing.T) *Box {
	t.Helper()
	b, err := New(bytes.Repeat([]byte{7}, KeySize))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestSealOpen(t *testing.T) {
	b := newBox(t)
	secret := []byte(`{"Username":"reader","Password":"s3cret"}`)
	box := b.Seal(secret, []byte("123456789012/ds"))
	if bytes.Contains(box, []byte("s3cret")) {
		t.Fatal("the box contains the plaintext")
	}
	got, err := b.Open(box, []byte("123456789012/ds"))
	if err != nil || !bytes.Equal(got, secret) {
		t.Fatalf("Open = %q, %v", got, err)
	}
	if again := b.Seal(secret, []byte("123456789012/ds")); bytes.Equal(again, box) {
		t.Fatal("two seals of one secret are equal: the nonce is not random")
	}
	// Other associated data, another key, a flipped bit, truncation.
	if _, err := b.Open(box, []byte("123456789012/other")); err != ErrOpen {
		t.Fatalf("Open with other ad: %v", err)
	}
	other, _ := New(bytes.Repeat([]byte{8}, KeySize))
	if _, err := other.Open(box, []byte("123456789012/ds")); err != ErrOpen {
		t.Fatalf("Open with other key: %v", err)
	}
	flipped := bytes.Clone(box)
	flipped[len(flipped)-1] ^= 1
	if _, err := b.Open(flipped, []byte("123456789012/ds")); err != ErrOpen {
		t.Fatalf("Open flipped: %v", err)
	}
	for _, n := range []int{0, 1, 13, 28} {
		if _, err := b.Open(box[:n], nil); err != ErrOpen {
			t.Fatalf("Open of %d bytes: %v", n, err)
		}
	}
}

func TestNewRejectsShortKeys(t *testing.T) {
	if _, err := New(make([]byte, 16)); err == nil {
		t.Fatal("New accepted a 16-byte key")
	}
}

func TestLoadKey(t *testing.T) {
	dir := t.TempDir()
	k1, err := LoadKey("", dir)
	if err != nil {
		t.Fatal(err)
	}
	fi, err := os.Stat(filepath.Join(dir, KeyFile))
	if err != nil || fi.Mode().Perm() != 0o600 {
		t.Fatalf("key file mode %v, %v", fi.Mode().Perm(), err)
	}
	k2, err := LoadKey("", dir)
	if err != nil || !bytes.Equal(k1, k2) {
		t.Fatalf("second LoadKey returned another key (%v)", err)
	}
	// The environment wins, in hex or base64.
	hexKey := hex.EncodeToString(bytes.Repeat([]byte{9}, KeySize))
	k3, err := LoadKey(hexKey, dir)
	if err != nil || !bytes.Equal(k3, bytes.Repeat([]byte{9}, KeySize)) {
		t.Fatalf("LoadKey(hex) = %x, %v", k3, err)
	}
	if _, err := LoadKey("too-short", dir); err == nil {
		t.Fatal("LoadKey accepted a bad key")
	}
	// A key file others can read is refused.
	os.Chmod(filepath.Join(dir, KeyFile), 0o644)
	if _, err := LoadKey("", dir); err == nil {
		t.Fatal("LoadKey accepted a world-readable key file")
	}
}

func FuzzOpen(f *testing.F) {
	b, _ := New(bytes.Repeat([]byte{7}, KeySize))
	f.Add(b.Seal([]byte("secret"), []byte("ad")), []byte("ad"))
	f.Add([]byte{1}, []byte(nil))
	f.Add([]byte{}, []byte("x"))
	f.Fuzz(func(t *testing.T, box, ad []byte) {
		p, err := b.Open(box, ad)
		if err != nil && err != ErrOpen {
			t.Fatalf("Open error %v", err)
		}
		if err == nil && !bytes.Equal(b.Seal(p, ad)[:0], []byte{}) {
			t.Fatal("unreachable")
		}
	})
}
