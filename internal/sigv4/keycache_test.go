package sigv4

import (
	"context"
	"strconv"
	"sync"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
)

func TestKeyCacheBounded(t *testing.T) {
	var c keyCache
	for i := range 100 {
		c.put(keyCacheKey{accessKeyID: strconv.Itoa(i), date: "20261129", region: "r", service: "s"}, "secret", [32]byte{byte(i)}, 10)
	}
	if n := c.len(); n != 10 {
		t.Fatalf("len = %d, want 10", n)
	}
	k := keyCacheKey{accessKeyID: "99", date: "20261129", region: "r", service: "s"}
	if got, ok := c.get(k, "secret"); !ok || got[0] != 99 {
		t.Fatalf("most recent entry missing: %v %v", got, ok)
	}
	if _, ok := c.get(k, "rotated"); ok {
		t.Fatal("entry served for a different secret")
	}
	c.put(k, "rotated", [32]byte{1}, 10) // replacing does not evict
	if n := c.len(); n != 10 {
		t.Fatalf("len after replace = %d", n)
	}
}

func TestKeyCacheConcurrent(t *testing.T) {
	var c keyCache
	var wg sync.WaitGroup
	for g := range 8 {
		wg.Go(func() {
			for i := range 500 {
				k := keyCacheKey{accessKeyID: strconv.Itoa((g * i) % 50), date: "d", region: "r", service: "s"}
				if _, ok := c.get(k, "x"); !ok {
					c.put(k, "x", [32]byte{}, 16)
				}
			}
		})
	}
	wg.Wait()
	if n := c.len(); n > 16 {
		t.Fatalf("len = %d > 16", n)
	}
}

// TestVerifierCachesOnlyVerifiedKeys checks that failed signatures add no
// cache entries and that a rotated secret is never served a stale key.
func TestVerifierCachesOnlyVerifiedKeys(t *testing.T) {
	var mu sync.Mutex
	secret := testSecret
	v := testVerifier(testTime)
	v.Lookup = func(_ context.Context, id string) (Key, error) {
		mu.Lock()
		defer mu.Unlock()
		if id != testAKID {
			return Key{}, ErrUnknownKey
		}
		return Key{SecretAccessKey: secret}, nil
	}
	bad := aws.Credentials{AccessKeyID: testAKID, SecretAccessKey: "guess"}
	for _, region := range []string{"us-east-1", "xx-fake-1", "xx-fake-2"} {
		if _, err := v.Verify(signedGET(t, bad, "quicksight", region, testTime)); codeOf(err) != CodeInvalidSignature {
			t.Fatalf("bad secret in %s: %v", region, err)
		}
	}
	if n := v.cache.len(); n != 0 {
		t.Fatalf("cache has %d entries after failures", n)
	}
	if _, err := v.Verify(signedGET(t, longTermCreds, "quicksight", testRegion, testTime)); err != nil {
		t.Fatal(err)
	}
	if n := v.cache.len(); n != 1 {
		t.Fatalf("cache has %d entries after success", n)
	}
	mu.Lock()
	secret = "rotated-secret"
	mu.Unlock()
	if _, err := v.Verify(signedGET(t, longTermCreds, "quicksight", testRegion, testTime)); codeOf(err) != CodeInvalidSignature {
		t.Fatalf("old secret after rotation: %v", err)
	}
	rotated := aws.Credentials{AccessKeyID: testAKID, SecretAccessKey: "rotated-secret"}
	if _, err := v.Verify(signedGET(t, rotated, "quicksight", testRegion, testTime)); err != nil {
		t.Fatalf("new secret after rotation: %v", err)
	}
}
