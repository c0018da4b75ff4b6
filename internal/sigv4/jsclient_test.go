package sigv4

import (
	"io"
	"testing"
)

// jsClientVectors are the wire requests of @aws-sdk/client-quicksight
// 3.1169.0 (Node.js) against a capture server, with Date.now pinned
// to 2026-11-29T04:00:00Z and the dummy credentials of helpers_test.go.
// The JavaScript SDK also signs x-amz-content-sha256, x-amz-user-agent and,
// with a body, content-length. testdata/capture_js_vectors.js regenerates
// them; Node.js is not needed to run this test.
var jsClientVectors = []struct {
	name string
	raw  string
}{
	{
		name: "DescribeUser bob name/x+y, base path /qs",
		raw:  "GET /qs/accounts/123456789012/namespaces/default/users/bob%20name%2Fx%2By HTTP/1.1\r\nx-amz-user-agent: aws-sdk-js/3.1168.0\r\nuser-agent: aws-sdk-js/3.1168.0 ua/2.1 os/linux#6.18.44-fc-v669 lang/js md/nodejs#20.20.2 api/quicksight#3.1168.0 m/N,E,e\r\nhost: 127.0.0.1:40125\r\namz-sdk-invocation-id: 162600ed-df15-4335-82d2-3b93a4d30385\r\namz-sdk-request: attempt=1; max=1\r\nx-amz-date: 20261129T040000Z\r\nx-amz-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\r\nauthorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261129/us-east-1/quicksight/aws4_request, SignedHeaders=amz-sdk-invocation-id;amz-sdk-request;host;x-amz-content-sha256;x-amz-date;x-amz-user-agent, Signature=7ca8995bbcf01130545f6d058591a22017efc3f50050b5fac87fec1139f49318\r\nConnection: keep-alive\r\n\r\n",
	},
	{
		name: "RegisterUser JSON body, session token",
		raw:  "POST /accounts/123456789012/namespaces/default/users HTTP/1.1\r\ncontent-type: application/json\r\ncontent-length: 99\r\nx-amz-user-agent: aws-sdk-js/3.1168.0\r\nuser-agent: aws-sdk-js/3.1168.0 ua/2.1 os/linux#6.18.44-fc-v669 lang/js md/nodejs#20.20.2 api/quicksight#3.1168.0 m/N,E,e\r\nhost: 127.0.0.1:40125\r\namz-sdk-invocation-id: d570adc9-889f-4aab-9617-36a89e74d117\r\namz-sdk-request: attempt=1; max=1\r\nx-amz-date: 20261129T040000Z\r\nx-amz-security-token: IQoJb3JpZ2luX2VjEXAMPLETOKEN//+==\r\nx-amz-content-sha256: 032cc51f127d901b5fb051403b09961595cf2712027a587b645a91a3f089588d\r\nauthorization: AWS4-HMAC-SHA256 Credential=ASIAEXAMPLE/20261129/us-east-1/quicksight/aws4_request, SignedHeaders=amz-sdk-invocation-id;amz-sdk-request;content-length;content-type;host;x-amz-content-sha256;x-amz-date;x-amz-security-token;x-amz-user-agent, Signature=7c5b6ee5487278ee85d3287fad2fa303737a1aa43b32cc3d3cda98bb0521fa5f\r\nConnection: keep-alive\r\n\r\n{\"IdentityType\":\"QUICKSIGHT\",\"Email\":\"a@example.com\",\"UserRole\":\"READER\",\"UserName\":\"bob name/x+y\"}",
	},
	{
		name: "ListUsers query with reserved characters",
		raw:  "GET /accounts/123456789012/namespaces/default/users?max-results=5&next-token=a%20b%2Fc%2Bd%3De%26f HTTP/1.1\r\nx-amz-user-agent: aws-sdk-js/3.1168.0\r\nuser-agent: aws-sdk-js/3.1168.0 ua/2.1 os/linux#6.18.44-fc-v669 lang/js md/nodejs#20.20.2 api/quicksight#3.1168.0 m/N,E,e\r\nhost: 127.0.0.1:40125\r\namz-sdk-invocation-id: 7ed315cf-4bbc-4fc3-89c1-6d9037b09b8b\r\namz-sdk-request: attempt=1; max=1\r\nx-amz-date: 20261129T040000Z\r\nx-amz-content-sha256: e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855\r\nauthorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20261129/us-east-1/quicksight/aws4_request, SignedHeaders=amz-sdk-invocation-id;amz-sdk-request;host;x-amz-content-sha256;x-amz-date;x-amz-user-agent, Signature=7ba69a90e90543572b0147451cb54cf257be9ef629b3ab62a52b1fe28ab628d4\r\nConnection: keep-alive\r\n\r\n",
	},
}

func TestJSClientVectors(t *testing.T) {
	for _, tc := range jsClientVectors {
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
				if b, _ := io.ReadAll(r.Body); int64(len(b)) != r.ContentLength {
					t.Errorf("body not restored: %d bytes", len(b))
				}
			}
			r = parseRaw(t, tc.raw)
			r.Header.Set("X-Amz-User-Agent", "aws-sdk-js/0")
			if _, err := testVerifier(testTime).Verify(r); codeOf(err) != CodeInvalidSignature {
				t.Errorf("changed signed header: err = %v, want InvalidSignatureException", err)
			}
		})
	}
}
