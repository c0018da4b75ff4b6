package sigv4

import (
	"io"
	"testing"
)

// botocoreVectors were produced with botocore's own signers (SigV4Auth,
// SigV4QueryAuth and boto3's generate_presigned_url) for service
// "quicksight" in us-east-1, with the clock fixed at 2026-11-29T04:00:00Z
// and the dummy credentials of helpers_test.go (AKIDEXAMPLE; ASIAEXAMPLE
// with a session token). They are the bytes that went on the wire.
// testdata/gen_botocore_vectors.py regenerates them; Python is not needed
// to run this test. botocore 1.29.27 (Debian) produced the same signatures;
// only its presigned parameter order differs, which the last vector keeps.
var botocoreVectors = []struct {
	name string
	raw  string
}{
	{
		name: "header GET path with %20 %2F %2B (botocore 1.43.11)",
		raw:  "GET /qs/accounts/123456789012/namespaces/default/users/bob%20name%2Fx%2By?max-results=5&next-token=a%20b%2Fc HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nUser-Agent: Boto3/test\r\nX-Amz-Date: 20261129T040000Z\r\nAuthorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261129/us-east-1/quicksight/aws4_request, SignedHeaders=host;x-amz-date, Signature=56578d3e7257e1e2d179c0c753a7a60f3f4e8fd511ba0efbf6c644e2232b70fc\r\n\r\n",
	},
	{
		name: "header POST JSON with session token (botocore 1.43.11)",
		raw:  "POST /accounts/123456789012/namespaces/default/users HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nContent-Type: application/json\r\nX-Amz-Date: 20261129T040000Z\r\nX-Amz-Security-Token: IQoJb3JpZ2luX2VjEXAMPLETOKEN//+==\r\nAuthorization: AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE/20261129/us-east-1/quicksight/aws4_request, SignedHeaders=content-type;host;x-amz-date;x-amz-security-token, Signature=f4678b77406f4b19e3ecdd58b0b659a9c9272dcbc5c05150d3add22092f31ac8\r\nContent-Length: 106\r\n\r\n{\"Email\": \"a@example.com\", \"IdentityType\": \"QUICKSIGHT\", \"UserName\": \"bob name/x+y\", \"UserRole\": \"READER\"}",
	},
	{
		name: "header GET path normalised by botocore (botocore 1.43.11)",
		raw:  "GET /qs//accounts/./123456789012/namespaces/default/users/x/../bob%20name HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nX-Amz-Date: 20261129T040000Z\r\nAuthorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261129/us-east-1/quicksight/aws4_request, SignedHeaders=host;x-amz-date, Signature=fcbea72a7a45e87f436b3b84cdef18645a42cc9662834f8be02b9b14f62c60ff\r\n\r\n",
	},
	{
		name: "header GET signed with Date instead of X-Amz-Date (botocore 1.43.11)",
		raw:  "GET /accounts/123456789012/namespaces/default/users/bob HTTP/1.1\r\nHost: 127.0.0.1:8080\r\nDate: Sun, 29 Nov 2026 04:00:00 -0000\r\nAuthorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261129/us-east-1/quicksight/aws4_request, SignedHeaders=date;host, Signature=220083536540c3648fab1bb20e370f4a0a5739705c4a91e9bd722517d75a8ba6\r\n\r\n",
	},
	{
		name: "presigned GET SigV4QueryAuth (botocore 1.43.11)",
		raw:  "GET /accounts/123456789012/namespaces/default/users/bob%20name%2Fx%2By?max-results=5&X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20261129%2Fus-east-1%2Fquicksight%2Faws4_request&X-Amz-Date=20261129T040000Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=d2872381cea2927064a8e6830a076d045a6038401df1dbf47ac6c3cc66cac15e HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n",
	},
	{
		name: "presigned GET with session token (botocore 1.43.11)",
		raw:  "GET /accounts/123456789012/namespaces/default/users/alice?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=ASIAEXAMPLE%2F20261129%2Fus-east-1%2Fquicksight%2Faws4_request&X-Amz-Date=20261129T040000Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Security-Token=IQoJb3JpZ2luX2VjEXAMPLETOKEN%2F%2F%2B%3D%3D&X-Amz-Signature=f11e47816f1da93e0b7f7b85f1b403460859fba538c91afcf63e506e26d46f20 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n",
	},
	{
		name: "boto3 generate_presigned_url describe_user (botocore 1.43.11)",
		raw:  "GET /qs/accounts/123456789012/namespaces/default/users/bob%20name%2Fx%2By?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20261129%2Fus-east-1%2Fquicksight%2Faws4_request&X-Amz-Date=20261129T040000Z&X-Amz-Expires=900&X-Amz-SignedHeaders=host&X-Amz-Signature=abc90e9378987eda5350c8a36929c1f2c1cda6d893efcf2f9ab831d20f989580 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n",
	},
	{
		name: "boto3 generate_presigned_url describe_user (botocore 1.29.27 parameter order)",
		raw:  "GET /qs/accounts/123456789012/namespaces/default/users/bob%20name%2Fx%2By?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIDEXAMPLE%2F20261129%2Fus-east-1%2Fquicksight%2Faws4_request&X-Amz-Date=20261129T040000Z&X-Amz-SignedHeaders=host&X-Amz-Expires=900&X-Amz-Signature=abc90e9378987eda5350c8a36929c1f2c1cda6d893efcf2f9ab831d20f989580 HTTP/1.1\r\nHost: 127.0.0.1:8080\r\n\r\n",
	},
}

func TestBotocoreVectors(t *testing.T) {
	for _, tc := range botocoreVectors {
		t.Run(tc.name, func(t *testing.T) {
			r := parseRaw(t, tc.raw)
			res, err := testVerifier(testTime).Verify(r)
			if err != nil {
				t.Fatalf("Verify: %v", err)
			}
			if res.Region != testRegion || res.AccessKeyID == "" {
				t.Errorf("result = %+v", res)
			}
			if r.ContentLength > 0 {
				b, _ := io.ReadAll(r.Body)
				if int64(len(b)) != r.ContentLength {
					t.Errorf("body not restored: %d bytes", len(b))
				}
			}
			// One changed byte in the signed part must fail.
			r = parseRaw(t, tc.raw)
			r.Header.Set("X-Amz-Date", "20261129T040001Z")
			if r.Header.Get("Date") != "" {
				r.Header.Del("X-Amz-Date")
				r.Header.Set("Date", "Sun, 29 Nov 2026 04:00:01 GMT")
			}
			if r.URL.Query().Get("X-Amz-Date") != "" {
				r.Header.Del("X-Amz-Date")
				r.URL.RawQuery += "&zzz=1"
			}
			if _, err := testVerifier(testTime).Verify(r); codeOf(err) != CodeInvalidSignature {
				t.Errorf("tampered vector: err = %v, want InvalidSignatureException", err)
			}
		})
	}
}
