package sigv4

import (
	"bytes"
	"net/http"
	"testing"
)

// benchGET is an SDK-signed GetSessionEmbedUrl-style request with five
// signed headers (accept, amz-sdk-invocation-id, amz-sdk-request, host,
// x-amz-date) and an unsigned User-Agent, parsed from the wire.
func benchGET(b *testing.B) *http.Request {
	r := newRequest(b, "GET", "http://"+testHost+"/accounts/123456789012/session-embed-url?entry-point=%2Fstart"+
		"&session-lifetime=600&user-arn=arn%3Aaws%3Aquicksight%3Aus-east-1%3A123456789012%3Auser%2Fdefault%2Falice", nil)
	r.Header.Set("Accept", "application/json")
	r.Header.Set("Amz-Sdk-Invocation-Id", "0f9d2d1c-8d6a-4d4c-9d1e-7ad3d8e1c6b0")
	r.Header.Set("Amz-Sdk-Request", "attempt=1; max=3")
	signHeader(b, r, nil, longTermCreds, "quicksight", testRegion, testTime)
	r.Header.Set("User-Agent", "aws-sdk-go-v2/1.48.0 os/linux lang/go#1.26.8 md/GOOS#linux md/GOARCH#amd64 api/quicksight#1.113.0")
	return toWire(b, r)
}

// verifyLoop runs Verify b.N times; reset, if set, prepares the request
// before each call (and is timed, since a server pays for it too).
func verifyLoop(b *testing.B, r *http.Request, reset func()) {
	v := testVerifier(testTime)
	if reset != nil {
		reset()
	}
	if _, err := v.Verify(r); err != nil { // warms the key cache
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		if reset != nil {
			reset()
		}
		if _, err := v.Verify(r); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkVerifyHeader(b *testing.B) {
	verifyLoop(b, benchGET(b), nil)
}

// resettableBody is a request body that can be rewound without allocating.
type resettableBody struct{ bytes.Reader }

func (*resettableBody) Close() error { return nil }

func BenchmarkVerifyHeaderBody(b *testing.B) {
	body := bytes.Repeat([]byte("x"), 200)
	copy(body, `{"Email":"bob@example.com","IdentityType":"QUICKSIGHT","UserRole":"READER","UserName":"bob","Pad":"`)
	body[len(body)-2], body[len(body)-1] = '"', '}'
	r := newRequest(b, "PUT", "http://"+testHost+"/accounts/123456789012/namespaces/default/users/bob", body)
	r.Header.Set("Content-Type", "application/json")
	r.Header.Set("Amz-Sdk-Invocation-Id", "0f9d2d1c-8d6a-4d4c-9d1e-7ad3d8e1c6b0")
	r.Header.Set("Amz-Sdk-Request", "attempt=1; max=3")
	signHeader(b, r, body, longTermCreds, "quicksight", testRegion, testTime)
	sr := toWire(b, r)
	rb := &resettableBody{}
	verifyLoop(b, sr, func() {
		rb.Reset(body)
		sr.Body = rb
	})
}

func BenchmarkVerifyPresigned(b *testing.B) {
	r := newRequest(b, "GET", "http://"+testHost+"/accounts/123456789012/namespaces/default/users/bob%20name", nil)
	verifyLoop(b, toWire(b, presign(b, r, emptySHA256, longTermCreds, testRegion, testTime, "900")), nil)
}

func BenchmarkVerifyParallel(b *testing.B) {
	r := benchGET(b)
	v := testVerifier(testTime)
	if _, err := v.Verify(r); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		for pb.Next() {
			if _, err := v.Verify(r); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

// BenchmarkVerifyColdKey measures a verification whose signing key is not
// cached (first request of the day for a key).
func BenchmarkVerifyColdKey(b *testing.B) {
	r := benchGET(b)
	b.ReportAllocs()
	for b.Loop() {
		v := testVerifier(testTime)
		if _, err := v.Verify(r); err != nil {
			b.Fatal(err)
		}
	}
}
