package main

import (
	"bufio"
	"net/http"
	"net/http/httptest"
	"strings"
	"testing"
)

// The signed request --print-signed prints is accepted by the verifying
// fake server when replayed header for header.
func TestPrintSignedReplays(t *testing.T) {
	srv := newFakeServer(t)
	out, err := runTool(t, "--endpoint", srv.URL, "--profile-file", writeTestCredentials(t),
		"--user-name", "role/session", "--print-signed")
	if err != nil {
		t.Fatal(err)
	}
	sc := bufio.NewScanner(strings.NewReader(out))
	sc.Scan()
	method, target, ok := strings.Cut(sc.Text(), " ")
	if !ok || method != "GET" {
		t.Fatalf("request line %q", sc.Text())
	}
	req, err := http.NewRequest(method, srv.URL+target, nil)
	if err != nil {
		t.Fatal(err)
	}
	for sc.Scan() {
		k, v, _ := strings.Cut(sc.Text(), ": ")
		req.Header.Add(k, v)
	}
	if req.Header.Get("Authorization") == "" {
		t.Fatalf("no Authorization header in %q", out)
	}
	for i := 0; i < 2; i++ { // replayable
		resp, err := http.DefaultClient.Do(req)
		if err != nil {
			t.Fatal(err)
		}
		resp.Body.Close()
		if resp.StatusCode != 200 {
			t.Fatalf("replay %d: status %d", i, resp.StatusCode)
		}
	}
	if _, err := runTool(t, "--endpoint", srv.URL, "--profile-file", writeTestCredentials(t),
		"--scenario", "redeem", "--print-signed"); err == nil {
		t.Error("--print-signed accepted a scenario that cannot be replayed")
	}
}

// The bare handler answers what Sightglass answers to DescribeUser, in size
// and headers, and nothing else.
func TestBareHandler(t *testing.T) {
	rec := httptest.NewRecorder()
	bareHandler().ServeHTTP(rec, httptest.NewRequest("GET", "/accounts/123456789012/namespaces/default/users/admin", nil))
	if rec.Code != 200 || rec.Header().Get("Content-Type") != "application/json" || rec.Body.Len() != 293 {
		t.Errorf("status %d, type %q, %d bytes; want 200, application/json, 293", rec.Code, rec.Header().Get("Content-Type"), rec.Body.Len())
	}
}
