package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"

	"github.com/sightglass/sightglass/internal/sigv4"
)

const (
	testKeyID  = "AKIDLOADTEST"
	testSecret = "loadtestsecret/abc+def"
)

// fakeServer verifies every request with Sightglass's own SigV4 verifier
// and answers DescribeUser-like JSON, or status when it is set.
type fakeServer struct {
	*httptest.Server
	requests atomic.Int64
	status   atomic.Int64

	mu    sync.Mutex
	dates map[string]bool
}

func newFakeServer(t *testing.T) *fakeServer { return startFakeServer(t, false) }

func startFakeServer(t *testing.T, useTLS bool) *fakeServer {
	v := &sigv4.Verifier{Region: "us-east-1", Lookup: func(_ context.Context, id string) (sigv4.Key, error) {
		if id != testKeyID {
			return sigv4.Key{}, sigv4.ErrUnknownKey
		}
		return sigv4.Key{SecretAccessKey: testSecret}, nil
	}}
	fs := &fakeServer{dates: map[string]bool{}}
	fs.Server = httptest.NewUnstartedServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		fs.requests.Add(1)
		if _, err := v.Verify(r); err != nil {
			http.Error(w, err.Error(), http.StatusForbidden)
			return
		}
		if r.URL.EscapedPath() != "/accounts/123456789012/namespaces/default/users/role%2Fsession" {
			http.Error(w, "wrong path "+r.URL.EscapedPath(), http.StatusNotFound)
			return
		}
		fs.mu.Lock()
		fs.dates[r.Header.Get("X-Amz-Date")] = true
		fs.mu.Unlock()
		if s := fs.status.Load(); s != 0 {
			w.WriteHeader(int(s))
		}
		fmt.Fprint(w, `{"Status":200,"User":{"UserName":"role/session"}}`)
	}))
	if useTLS {
		fs.StartTLS()
	} else {
		fs.Start()
	}
	t.Cleanup(fs.Close)
	return fs
}

func writeTestCredentials(t *testing.T) string {
	path := filepath.Join(t.TempDir(), "credentials")
	content := "[default]\naws_access_key_id = " + testKeyID + "\naws_secret_access_key = " + testSecret + "\nregion = us-east-1\n"
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	return path
}

func runTool(t *testing.T, args ...string) (string, error) {
	t.Helper()
	var out, errOut strings.Builder
	err := run(context.Background(), args, noEnv, &out, &errOut)
	t.Logf("stdout:\n%s\nstderr:\n%s", out.String(), errOut.String())
	return out.String(), err
}

func TestRunByCount(t *testing.T) {
	for _, client := range []string{clientTransport, clientConn} {
		t.Run(client, func(t *testing.T) {
			srv := newFakeServer(t)
			out, err := runTool(t, "--endpoint", srv.URL, "--profile-file", writeTestCredentials(t),
				"--user-name", "role/session", "--connections", "8", "--warmup", "50ms", "--client", client,
				"--duration", "0", "--requests", "500", "--json", "--server-pid", fmt.Sprint(os.Getpid()))
			if err != nil {
				t.Fatal(err)
			}
			var rep jsonReport
			if err := json.Unmarshal([]byte(out), &rep); err != nil {
				t.Fatal(err)
			}
			if rep.Requests != 500 || rep.Statuses["200"] != 500 || rep.Failed != 0 {
				t.Errorf("requests %d, statuses %v, failed %d; want 500 clean", rep.Requests, rep.Statuses, rep.Failed)
			}
			// The server saw the preflight, the warmup and the measured requests.
			if got, want := srv.requests.Load(), 1+rep.WarmupRequests+500; got != want {
				t.Errorf("server saw %d requests, want %d", got, want)
			}
			if rep.Server == nil || rep.Server.RSSMax == 0 {
				t.Errorf("no server sampling in %+v", rep.Server)
			}
			if rep.LatencyMS["p50"] <= 0 || rep.LatencyMS["p99"] < rep.LatencyMS["p50"] || rep.LatencyMS["max"] < rep.LatencyMS["p99"] {
				t.Errorf("latencies %v", rep.LatencyMS)
			}
		})
	}
}

func TestRunByDurationResigns(t *testing.T) {
	if testing.Short() {
		t.Skip("takes 1.5 s")
	}
	srv := newFakeServer(t)
	out, err := runTool(t, "--endpoint", srv.URL, "--profile-file", writeTestCredentials(t),
		"--user-name", "role/session", "--connections", "2", "--warmup", "0s", "--client", clientConn,
		"--duration", "1500ms", "--resign", "1s")
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(out, "errors      none") || !strings.Contains(out, "statuses    200: ") {
		t.Errorf("report:\n%s", out)
	}
	srv.mu.Lock()
	defer srv.mu.Unlock()
	if len(srv.dates) < 2 {
		t.Errorf("requests carried %d signing times; want the request signed again after --resign", len(srv.dates))
	}
}

func TestRunReportsThrottling(t *testing.T) {
	srv := newFakeServer(t)
	creds := writeTestCredentials(t)
	srv.status.Store(0)
	// Let the preflight pass, then throttle.
	var once sync.Once
	orig := srv.Config.Handler
	srv.Config.Handler = http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		orig.ServeHTTP(w, r)
		once.Do(func() { srv.status.Store(http.StatusTooManyRequests) })
	})
	_, err := runTool(t, "--endpoint", srv.URL, "--profile-file", creds, "--user-name", "role/session",
		"--connections", "2", "--warmup", "0s", "--duration", "0", "--requests", "20")
	if !errors.Is(err, errFailedRequests) || !strings.Contains(err.Error(), "--throttle-rate 0") {
		t.Errorf("err = %v; want a failed run with the throttling hint", err)
	}
}

func TestPreflightFailsFast(t *testing.T) {
	srv := newFakeServer(t)
	path := filepath.Join(t.TempDir(), "credentials")
	os.WriteFile(path, []byte("[default]\naws_access_key_id = "+testKeyID+"\naws_secret_access_key = wrong\n"), 0o600)
	_, err := runTool(t, "--endpoint", srv.URL, "--profile-file", path, "--user-name", "role/session",
		"--duration", "10s")
	if err == nil || !strings.Contains(err.Error(), "preflight") || !strings.Contains(err.Error(), "403") {
		t.Errorf("err = %v; want a preflight failure with status 403", err)
	}
	if n := srv.requests.Load(); n != 1 {
		t.Errorf("server saw %d requests after a failed preflight, want 1", n)
	}
}

func TestInsecureTLS(t *testing.T) {
	for _, client := range []string{clientTransport, clientConn} {
		t.Run(client, func(t *testing.T) {
			srv := startFakeServer(t, true)
			args := []string{"--endpoint", srv.URL, "--profile-file", writeTestCredentials(t),
				"--user-name", "role/session", "--connections", "4", "--warmup", "0s", "--client", client,
				"--duration", "0", "--requests", "50"}
			if _, err := runTool(t, args...); err == nil || !strings.Contains(err.Error(), "certificate") {
				t.Errorf("self-signed server without --insecure: err = %v", err)
			}
			if _, err := runTool(t, append(args, "--insecure")...); err != nil {
				t.Errorf("with --insecure: %v", err)
			}
		})
	}
}
