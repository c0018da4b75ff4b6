package sigv4

import (
	"net/http"
	"testing"
	"time"
)

func TestAppendCanonicalURI(t *testing.T) {
	for in, want := range map[string]string{
		"":                          "/",
		"/":                         "/",
		"/users/bob%20name%2Fx":     "/users/bob%2520name%252Fx", // botocore's canonical URI
		"/users/bob%20name%2Fx%2By": "/users/bob%2520name%252Fx%252By",
		"/a~b-c_d.e":                "/a~b-c_d.e",
		"/j%C3%BCrgen":              "/j%25C3%25BCrgen",
		"/raw\xc3\xbc":              "/raw%C3%BC",
		"/a:b@c!$&'()*+,;=":         "/a%3Ab%40c%21%24%26%27%28%29%2A%2B%2C%3B%3D",
		"*":                         "%2A",
	} {
		if got := string(appendCanonicalURI(nil, in)); got != want {
			t.Errorf("appendCanonicalURI(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestAppendQueryComponent(t *testing.T) {
	for in, want := range map[string]string{
		"":        "",
		"abc-_.~": "abc-_.~",
		"a+b":     "a%20b",
		"a%20b":   "a%20b",
		"%2f%2F":  "%2F%2F",
		"%7e%41":  "~A", // needlessly escaped unreserved characters are decoded
		"%zz":     "%25zz",
		"%":       "%25",
		"%4":      "%254",
		"!*'()":   "%21%2A%27%28%29",
		"é":       "%C3%A9",
		"a=b":     "a%3Db",
	} {
		if got := string(appendQueryComponent(nil, in)); got != want {
			t.Errorf("appendQueryComponent(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestCanonicalQuery(t *testing.T) {
	for in, want := range map[string]string{
		"":                          "",
		"b=2&a=2&a=10&A=x&c":        "A=x&a=10&a=2&b=2&c=",
		"k=a-b&k=a/b":               "k=a%2Fb&k=a-b", // sorted after encoding
		"&&x=1&&":                   "x=1",
		"=v&k=":                     "=v&k=",
		"sp=a+b&sp=a%20a":           "sp=a%20a&sp=a%20b",
		"X-Amz-Date=1&x-amz-date=2": "X-Amz-Date=1&x-amz-date=2",
	} {
		s := getScratch()
		s.splitQuery(in)
		if got := string(s.appendCanonicalQuery(nil, -1)); got != want {
			t.Errorf("canonical query of %q = %q, want %q", in, got, want)
		}
		putScratch(s)
	}
}

func TestQueryKeyEquals(t *testing.T) {
	for _, tc := range []struct {
		raw, want string
		ok        bool
	}{
		{"X-Amz-Signature", "X-Amz-Signature", true},
		{"X%2DAmz-Signature", "X-Amz-Signature", true},
		{"X-Amz-Signature%", "X-Amz-Signature", false},
		{"x-amz-signature", "X-Amz-Signature", false},
		{"X-Amz-Signatur", "X-Amz-Signature", false},
		{"X+Amz", "X Amz", true},
	} {
		if got := queryKeyEquals(tc.raw, tc.want); got != tc.ok {
			t.Errorf("queryKeyEquals(%q, %q) = %v", tc.raw, tc.want, got)
		}
	}
}

// TestNormalizePath follows botocore's remove_dot_segments.
func TestNormalizePath(t *testing.T) {
	for in, want := range map[string]string{
		"/":                       "/",
		"/a/b":                    "/a/b",
		"/a/b/":                   "/a/b/",
		"//":                      "/",
		"/qs//accounts/./x/../y":  "/qs/accounts/y",
		"/a/./":                   "/a/",
		"/..":                     "/",
		"/a/b/..":                 "/a",
		"/a/%2E%2E/b":             "/a/%2E%2E/b", // escaped dots are data
		"/a/.../b":                "/a/.../b",
		"/users/bob%20name%2Fx//": "/users/bob%20name%2Fx/",
	} {
		got, changed := normalizePath(in)
		if got != want || changed != (want != in) {
			t.Errorf("normalizePath(%q) = %q, %v; want %q", in, got, changed, want)
		}
	}
}

func TestAppendTrimmed(t *testing.T) {
	for in, want := range map[string]string{
		"":             "",
		"  a   b  c  ": "a b c",
		"\ta\t":        "a",
		"a\t\tb":       "a\t\tb", // only spaces are collapsed, as the Go SDK does
		"a b":          "a b",
	} {
		if got := string(appendTrimmed(nil, in)); got != want {
			t.Errorf("appendTrimmed(%q) = %q, want %q", in, got, want)
		}
	}
}

func TestHeaderValues(t *testing.T) {
	h := http.Header{"X-Amz-Date": {"d"}, "x-odd_Key": {"o"}, "X-Multi": {"1", "2"}}
	for name, want := range map[string]int{"x-amz-date": 1, "x-odd_key": 1, "x-multi": 2, "missing": 0} {
		if got := len(headerValues(h, name)); got != want {
			t.Errorf("headerValues(%q) has %d values, want %d", name, got, want)
		}
	}
}

func TestCanonicalHeadersRecovered(t *testing.T) {
	r := parseRaw(t, "POST /x HTTP/1.1\r\nHost: example.com:8080\r\nTransfer-Encoding: chunked\r\nExpect: 100-continue\r\n\r\n0\r\n\r\n")
	r.Header.Del("Expect") // as some servers do
	got := string(appendCanonicalHeaders(nil, r, "content-length;expect;host;transfer-encoding"))
	want := "content-length:\nexpect:100-continue\nhost:example.com:8080\ntransfer-encoding:chunked\n"
	if got != want {
		t.Errorf("canonical headers = %q, want %q", got, want)
	}
	r = parseRaw(t, "PUT /x HTTP/1.1\r\nHost: h\r\nContent-Length: 3\r\n\r\nabc")
	r.Header.Del("Content-Length") // HTTP/2 servers may not keep it
	if got := string(appendCanonicalHeaders(nil, r, "content-length;host")); got != "content-length:3\nhost:h\n" {
		t.Errorf("canonical headers = %q", got)
	}
}

func TestParseAmzDate(t *testing.T) {
	if d, ok := parseAmzDate("20261129T040000Z"); !ok || !d.Equal(testTime) {
		t.Errorf("parseAmzDate = %v, %v", d, ok)
	}
	if d, ok := parseAmzDate("20240229T235959Z"); !ok || d.Day() != 29 {
		t.Errorf("leap day: %v, %v", d, ok)
	}
	for _, bad := range []string{"", "20261129T040000", "20261129 040000Z", "20261330T000000Z", "20230229T000000Z",
		"20261129T240000Z", "20261129T236000Z", "2026112aT000000Z", "20261129T04000-Z", "+0261129T040000Z"} {
		if _, ok := parseAmzDate(bad); ok {
			t.Errorf("parseAmzDate(%q) accepted", bad)
		}
	}
}

func TestParseCredential(t *testing.T) {
	c, err := parseCredential("AKID/with/slash/20261129/us-east-1/quicksight/aws4_request")
	if err != nil || c.accessKeyID != "AKID/with/slash" || c.date != "20261129" || c.region != "us-east-1" ||
		c.service != "quicksight" || c.scope != "20261129/us-east-1/quicksight/aws4_request" {
		t.Fatalf("parseCredential = %+v, %v", c, err)
	}
	for _, bad := range []string{"", "AKID", "AKID/20261129/us-east-1/quicksight", "/20261129/us-east-1/quicksight/aws4_request",
		"AKID/2026112/us-east-1/quicksight/aws4_request", "AKID/20261129//quicksight/aws4_request",
		"AKID/20261129/US-EAST-1/quicksight/aws4_request", "AKID/20261129/us-east-1//aws4_request",
		"AKID/20261129/us-east-1/quicksight/aws4_requesT", "AK ID/20261129/us-east-1/quicksight/aws4_request"} {
		if _, err := parseCredential(bad); err == nil || err.Code != CodeIncompleteSignature {
			t.Errorf("parseCredential(%q) = %v", bad, err)
		}
	}
}

func TestParseAuthorization(t *testing.T) {
	a, err := parseAuthorization("AWS4-HMAC-SHA256  Credential=A/20261129/r/s/aws4_request,SignedHeaders=host ,  Signature=ab")
	if err != nil || a.credential != "A/20261129/r/s/aws4_request" || a.signedHeaders != "host" || a.signature != "ab" {
		t.Fatalf("parseAuthorization = %+v, %v", a, err)
	}
	for _, bad := range []string{"", "AWS4-HMAC-SHA256", "AWS4-HMAC-SHA256 Credential=a", "Bearer x",
		"AWS4-HMAC-SHA256 Credential=a, SignedHeaders=host, Signature=x, Extra=1",
		"AWS4-HMAC-SHA256 Credential=a, Credential=b, SignedHeaders=host, Signature=x",
		"AWS4-HMAC-SHA256 Credential=a, SignedHeaders, Signature=x"} {
		if _, err := parseAuthorization(bad); err == nil || err.Code != CodeIncompleteSignature {
			t.Errorf("parseAuthorization(%q) = %v", bad, err)
		}
	}
}

func TestCheckSignedHeaders(t *testing.T) {
	for list, ok := range map[string]bool{
		"host": true, "content-type;host;x-amz-date": true, "host;x-amz-date": true,
		"": false, "x-amz-date": false, "Host": false, "host;;x": false, "host;": false, "ho st": false,
	} {
		if err := checkSignedHeaders(list); (err == nil) != ok {
			t.Errorf("checkSignedHeaders(%q) = %v", list, err)
		}
	}
}

func TestSkewText(t *testing.T) {
	if got := skewText(15 * time.Minute); got != "15 min" {
		t.Errorf("skewText = %q", got)
	}
	if got := skewText(90 * time.Second); got != "90 sec" {
		t.Errorf("skewText = %q", got)
	}
}
