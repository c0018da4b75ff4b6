// Package secretbox encrypts small secrets at rest (data-source
// credentials) with AES-256-GCM. A sealed box is a version byte, a random
// 12-byte nonce and the ciphertext with its tag; the caller's associated
// data (for example the data source's account and id) binds a box to its
// owner, so that a box copied to another row does not open.
//
// The key is 32 bytes: from the SIGHTGLASS_SECRET_KEY environment variable
// (base64 or hex), or from a key file in the data directory, created with
// mode 0600 on first use.
package secretbox

import (
	"crypto/aes"
	"crypto/cipher"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// KeySize is the size of a key in bytes (AES-256).
const KeySize = 32

// version is the first byte of every box, so that the format can change.
const version = 1

// EnvKey is the environment variable that holds the key.
const EnvKey = "SIGHTGLASS_SECRET_KEY"

// KeyFile is the name of the generated key file in the data directory.
const KeyFile = "secret.key"

// ErrOpen is returned for a box that does not open: wrong key, wrong
// associated data, or corrupted bytes. It never says which.
var ErrOpen = errors.New("secretbox: the sealed secret does not open with this key")

// Box seals and opens secrets with one key. It is safe for concurrent use.
type Box struct {
	aead cipher.AEAD
}

// New returns a Box for a 32-byte key.
func New(key []byte) (*Box, error) {
	if len(key) != KeySize {
		return nil, fmt.Errorf("secretbox: key must be %d bytes, got %d", KeySize, len(key))
	}
	block, err := aes.NewCipher(key)
	if err != nil {
		return nil, err
	}
	aead, err := cipher.NewGCM(block)
	if err != nil {
		return nil, err
	}
	return &Box{aead: aead}, nil
}

// Seal encrypts plaintext bound to ad.
func (b *Box) Seal(plaintext, ad []byte) []byte {
	n := b.aead.NonceSize()
	out := make([]byte, 1+n, 1+n+len(plaintext)+b.aead.Overhead())
	out[0] = version
	rand.Read(out[1 : 1+n])
	return b.aead.Seal(out, out[1:1+n], plaintext, ad)
}

// Open decrypts a box sealed with ad. Any failure is ErrOpen.
func (b *Box) Open(box, ad []byte) ([]byte, error) {
	n := b.aead.NonceSize()
	if len(box) < 1+n+b.aead.Overhead() || box[0] != version {
		return nil, ErrOpen
	}
	p, err := b.aead.Open(nil, box[1:1+n], box[1+n:], ad)
	if err != nil {
		return nil, ErrOpen
	}
	return p, nil
}

// ParseKey decodes a key given as base64 (standard or URL, padded or not)
// or hex.
func ParseKey(s string) ([]byte, error) {
	s = strings.TrimSpace(s)
	if len(s) == 2*KeySize {
		if k, err := hex.DecodeString(s); err == nil {
			return k, nil
		}
	}
	for _, enc := range []*base64.Encoding{base64.StdEncoding, base64.RawStdEncoding, base64.URLEncoding, base64.RawURLEncoding} {
		if k, err := enc.DecodeString(s); err == nil && len(k) == KeySize {
			return k, nil
		}
	}
	return nil, fmt.Errorf("secretbox: a key is %d bytes in base64 or hex", KeySize)
}

// LoadKey returns the key from envValue (the value of SIGHTGLASS_SECRET_KEY)
// when it is not empty; otherwise it reads dir/secret.key, creating it with
// a random key (mode 0600) if it does not exist. A key file readable by
// others is refused.
func LoadKey(envValue, dir string) ([]byte, error) {
	if envValue != "" {
		k, err := ParseKey(envValue)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", EnvKey, err)
		}
		return k, nil
	}
	path := filepath.Join(dir, KeyFile)
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return createKeyFile(path)
	}
	if err != nil {
		return nil, err
	}
	if fi, err := os.Stat(path); err == nil && fi.Mode().Perm()&0o077 != 0 {
		return nil, fmt.Errorf("secretbox: %s must not be readable by group or others (mode %v); chmod 600 it", path, fi.Mode().Perm())
	}
	k, err := ParseKey(string(b))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	return k, nil
}

func createKeyFile(path string) ([]byte, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, err
	}
	k := make([]byte, KeySize)
	rand.Read(k)
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o600)
	if errors.Is(err, os.ErrExist) {
		// Another process created it first: use theirs.
		return LoadKey("", filepath.Dir(path))
	}
	if err != nil {
		return nil, err
	}
	_, err = f.WriteString(base64.StdEncoding.EncodeToString(k) + "\n")
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return nil, err
	}
	return k, nil
}
