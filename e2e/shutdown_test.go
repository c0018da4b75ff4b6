package e2e

// Graceful shutdown: readiness turns 503 first, the listener stops
// accepting, requests in flight finish (within --shutdown-timeout), then
// the server stops.

import (
	"io"
	"net"
	"net/http"
	"net/url"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/server"
)

// withShutdownTimeout bounds how long a stopping server waits for requests.
func withShutdownTimeout(d time.Duration) option {
	return func(cfg *server.Config, _ *testServer) { cfg.ShutdownTimeout = d }
}

// withShutdownDelay keeps a stopping server accepting requests for d after
// /readyz turned 503.
func withShutdownDelay(d time.Duration) option {
	return func(cfg *server.Config, _ *testServer) { cfg.ShutdownDelay = d }
}

// eventually polls cond until it holds, failing the test after 10 s. It
// waits for a state, never asserts how long it took.
func eventually(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("still waiting for %s after 10s", what)
		}
		time.Sleep(5 * time.Millisecond)
	}
}

// slowResponse is what a slow request came to.
type slowResponse struct {
	status int
	body   string
	err    error
}

// slowRequest starts a signed UpdateUser of the admin whose body arrives
// only when finish is called; the response (or error) comes on done. The
// client stops sending the body when abort is called, or the test ends.
func (ts *testServer) slowRequest(t testing.TB) (finish, abort func(), done <-chan slowResponse) {
	t.Helper()
	body := `{"Email":"admin@example.com","Role":"ADMIN"}`
	req := ts.signed(t, ts.Admin, http.MethodPut, "/accounts/"+accountID+"/namespaces/default/users/admin", body)
	pr, pw := io.Pipe()
	req.Body, req.GetBody, req.ContentLength = pr, nil, int64(len(body))
	client := &http.Client{Transport: &http.Transport{}}
	c := make(chan slowResponse, 1)
	go func() {
		resp, err := client.Do(req)
		if err != nil {
			c <- slowResponse{err: err}
			return
		}
		defer resp.Body.Close()
		b, err := io.ReadAll(resp.Body)
		c <- slowResponse{status: resp.StatusCode, body: string(b), err: err}
	}()
	abort = func() { pw.CloseWithError(io.ErrUnexpectedEOF) }
	t.Cleanup(abort)
	go pw.Write([]byte(body[:10]))
	// The server has the request once the API counts it in flight.
	eventually(t, "the request to be in flight", func() bool {
		return metricValue(t, ts.scrape(t), "sightglass_api_requests_in_flight") == 1
	})
	return func() { pw.Write([]byte(body[10:])); pw.Close() }, abort, c
}

// refusing reports whether the server's API listener refuses connections.
func (ts *testServer) refusing(t testing.TB) bool {
	u, err := url.Parse(ts.URL)
	if err != nil {
		t.Fatal(err)
	}
	c, err := net.DialTimeout("tcp", u.Host, time.Second)
	if err != nil {
		return true
	}
	c.Close()
	return false
}

// TestGracefulShutdown: a request in flight when shutdown starts completes
// with 200, after /readyz has turned 503 and the listener has closed.
func TestGracefulShutdown(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withMetrics(), withShutdownTimeout(time.Minute))
	if r := get(t, ts.MetricsURL()+"/readyz"); r.Status != http.StatusOK {
		t.Fatalf("/readyz before shutdown: %d %s", r.Status, r.Body)
	}
	finish, _, done := ts.slowRequest(t)

	stopped := make(chan struct{})
	go func() { ts.Stop(); close(stopped) }()
	eventually(t, "/readyz to answer 503", func() bool {
		r := get(t, ts.MetricsURL()+"/readyz")
		return r.Status == http.StatusServiceUnavailable && string(r.Body) == "shutting down\n"
	})
	if r := get(t, ts.MetricsURL()+"/healthz"); r.Status != http.StatusOK {
		t.Errorf("/healthz while draining: %d, want 200 (the process is alive)", r.Status)
	}
	eventually(t, "the listener to stop accepting", func() bool { return ts.refusing(t) })
	select {
	case <-stopped:
		t.Fatal("the server stopped with a request in flight")
	default:
	}

	finish()
	resp := <-done
	if resp.err != nil || resp.status != http.StatusOK {
		t.Fatalf("the request in flight: %d %q %v, want 200", resp.status, resp.body, resp.err)
	}
	<-stopped
}

// TestShutdownTimeout: a request still running at --shutdown-timeout has
// its connection cut, and the server stops all the same.
func TestShutdownTimeout(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withMetrics(), withShutdownTimeout(50*time.Millisecond))
	_, abort, done := ts.slowRequest(t)
	ts.Stop() // fails the test if Serve returns an error or hangs
	// The client notices the cut connection once it stops sending.
	abort()
	if resp := <-done; resp.err == nil {
		t.Fatalf("the request outliving the shutdown timeout got %d %q, want its connection cut", resp.status, resp.body)
	}
}

// TestShutdownDelay: during --shutdown-delay the server still accepts and
// serves requests while /readyz, on the main listener too, answers 503.
func TestShutdownDelay(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withMetrics(), withShutdownDelay(5*time.Second))
	// A request in flight holds the shutdown in its delay-then-drain
	// phase for as long as the test needs.
	finish, _, done := ts.slowRequest(t)
	go ts.Stop()
	eventually(t, "/readyz to answer 503", func() bool { return get(t, ts.URL+"/readyz").Status == http.StatusServiceUnavailable })
	if ts.refusing(t) {
		t.Fatal("the listener stopped accepting before the shutdown delay ended")
	}
	if r := send(t, ts.signed(t, ts.Admin, http.MethodGet, "/accounts/"+accountID+"/namespaces/default/users/admin", "")); r.Status != http.StatusOK {
		t.Errorf("DescribeUser during the shutdown delay: %d %s", r.Status, r.Body)
	}
	finish()
	if resp := <-done; resp.err != nil || resp.status != http.StatusOK {
		t.Fatalf("the request in flight: %d %q %v, want 200", resp.status, resp.body, resp.err)
	}
}
