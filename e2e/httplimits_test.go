package e2e

// The HTTP server's limits against clients that hold connections: slow
// bodies cut off after the read timeout, connections over the per-client
// limit closed while other clients (and /healthz) are still served, and
// request bodies over the API's and the console's limits refused with 413.

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"

	"github.com/sightglass/sightglass/internal/server"
)

// withHTTPLimits changes the server's HTTP limits.
func withHTTPLimits(change func(*server.HTTPLimits)) option {
	return func(cfg *server.Config, _ *testServer) { change(&cfg.HTTP) }
}

// slowBody opens a connection from the local address from (empty: the
// system's choice) and sends a signed API request whose body announces
// more bytes than it sends, then sends nothing more. It returns nil when
// the server reset the connection as it was opened.
func (ts *testServer) slowBody(t *testing.T, from string) net.Conn {
	t.Helper()
	body := `{"CustomPermissionsName":"slow"}`
	req := ts.signed(t, ts.Admin, http.MethodPost, "/accounts/"+accountID+"/custom-permissions", body)
	d := net.Dialer{Timeout: 5 * time.Second}
	if from != "" {
		d.LocalAddr = &net.TCPAddr{IP: net.ParseIP(from)}
	}
	conn, err := d.Dial("tcp", req.URL.Host)
	if errors.Is(err, syscall.ECONNRESET) {
		return nil
	}
	must(t, err)
	t.Cleanup(func() { conn.Close() })
	var head strings.Builder
	fmt.Fprintf(&head, "POST %s HTTP/1.1\r\nHost: %s\r\n", req.URL.RequestURI(), req.URL.Host)
	for k, v := range req.Header {
		fmt.Fprintf(&head, "%s: %s\r\n", k, v[0])
	}
	fmt.Fprintf(&head, "Content-Length: %d\r\n\r\n%s", len(body)+1000, body[:10])
	// The server may already have closed a connection over the limit.
	if _, err := io.WriteString(conn, head.String()); err != nil && !errors.Is(err, syscall.ECONNRESET) && !errors.Is(err, syscall.EPIPE) {
		t.Fatalf("writing the request: %v", err)
	}
	return conn
}

// closedBy reports whether the server closed conn (EOF or reset) before
// wait ran out; false when the connection is still open. It fails the test
// (from any goroutine) if the server answered instead.
func closedBy(t *testing.T, conn net.Conn, wait time.Duration) bool {
	conn.SetReadDeadline(time.Now().Add(wait))
	n, err := conn.Read(make([]byte, 1))
	switch {
	case n > 0:
		t.Errorf("the server answered a connection it should have closed or kept waiting")
		return false
	case errors.Is(err, os.ErrDeadlineExceeded):
		return false
	}
	return true
}

// healthzFrom asks /healthz over a new connection from local address from.
func (ts *testServer) healthzFrom(t *testing.T, from string) (int, error) {
	t.Helper()
	tr := &http.Transport{DialContext: (&net.Dialer{Timeout: 5 * time.Second, LocalAddr: &net.TCPAddr{IP: net.ParseIP(from)}}).DialContext, DisableKeepAlives: true}
	defer tr.CloseIdleConnections()
	c := &http.Client{Transport: tr, Timeout: 10 * time.Second}
	resp, err := c.Get(ts.URL + "/healthz")
	if err != nil {
		return 0, err
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	if resp.StatusCode == http.StatusOK && string(b) != "ok\n" {
		return 0, fmt.Errorf("/healthz body %q", b)
	}
	return resp.StatusCode, nil
}

// TestSlowBodiesHoldNoMoreThanTheirLimit opens 40 slow-body connections
// from 127.0.0.1 to a server that allows 8 per client: 8 are kept waiting
// for their bodies, the other 32 are closed at once, and /healthz still
// answers a client at 127.0.0.2. When the 8 go, 127.0.0.1 is served again.
func TestSlowBodiesHoldNoMoreThanTheirLimit(t *testing.T) {
	t.Parallel()
	const limit, attempts = 8, 40
	ts := startServer(t, withHTTPLimits(func(l *server.HTTPLimits) {
		l.MaxConnsPerClient = limit
		l.ReadTimeout = time.Minute // the slow bodies are held through the test
	}))
	if code, err := ts.healthzFrom(t, "127.0.0.2"); err != nil || code != http.StatusOK {
		t.Skipf("this host cannot connect from 127.0.0.2 (%d, %v)", code, err)
	}
	conns := make([]net.Conn, attempts)
	for i := range conns {
		conns[i] = ts.slowBody(t, "127.0.0.1")
	}
	var wg sync.WaitGroup
	closed := make([]bool, attempts)
	for i, c := range conns {
		if c == nil {
			closed[i] = true
			continue
		}
		wg.Go(func() { closed[i] = closedBy(t, c, 3*time.Second) })
	}
	wg.Wait()
	held := 0
	for _, c := range closed {
		if !c {
			held++
		}
	}
	if held != limit {
		t.Fatalf("%d of %d slow connections from one client are held open, want %d", held, attempts, limit)
	}
	if code, err := ts.healthzFrom(t, "127.0.0.2"); err != nil || code != http.StatusOK {
		t.Fatalf("/healthz from another client while one holds its limit: %d, %v", code, err)
	}
	if code, err := ts.healthzFrom(t, "127.0.0.1"); err == nil {
		t.Fatalf("/healthz from the client at its limit answered %d, want the connection closed", code)
	}
	for _, c := range conns {
		if c != nil {
			c.Close()
		}
	}
	deadline := time.Now().Add(10 * time.Second)
	for {
		code, err := ts.healthzFrom(t, "127.0.0.1")
		if err == nil && code == http.StatusOK {
			break
		}
		if time.Now().After(deadline) {
			t.Fatalf("/healthz from 127.0.0.1 after its connections closed: %d, %v", code, err)
		}
		time.Sleep(20 * time.Millisecond)
	}
}

// TestSlowBodyCutOff sends a body slower than the read timeout allows:
// 408 RequestTimeoutException, and the connection is closed. Headers that
// never end are cut off after the header timeout.
func TestSlowBodyCutOff(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withHTTPLimits(func(l *server.HTTPLimits) {
		l.ReadHeaderTimeout = 300 * time.Millisecond
		l.ReadTimeout = 500 * time.Millisecond
	}))
	conn := ts.slowBody(t, "")
	if conn == nil {
		t.Fatal("the connection was reset as it opened")
	}
	conn.SetReadDeadline(time.Now().Add(10 * time.Second))
	br := bufio.NewReader(conn)
	resp, err := http.ReadResponse(br, nil)
	if err != nil {
		t.Fatalf("no response to a slow body: %v", err)
	}
	b, _ := io.ReadAll(resp.Body)
	resp.Body.Close()
	raw := &rawResponse{Status: resp.StatusCode, Header: resp.Header, Body: b}
	json.Unmarshal(b, &raw.JSON)
	if msg := raw.wantError(t, "RequestTimeoutException", http.StatusRequestTimeout); msg != "The request body was not received within the server's time limit." {
		t.Errorf("message %q", msg)
	}
	if _, err := br.ReadByte(); err == nil || errors.Is(err, os.ErrDeadlineExceeded) {
		t.Fatalf("the connection stayed open after the timeout: %v", err)
	}

	// Headers that never end.
	c, err := net.DialTimeout("tcp", strings.TrimPrefix(ts.URL, "http://"), 5*time.Second)
	must(t, err)
	defer c.Close()
	_, err = io.WriteString(c, "GET /healthz HTTP/1.1\r\nHost: x\r\nX-Slow: ")
	must(t, err)
	if !closedBy(t, c, 10*time.Second) {
		t.Fatal("unfinished headers kept the connection open")
	}
}

// TestBodyLimits gives the API a 4 KiB and the console a 1 KiB body limit:
// larger bodies get 413 (the API's in its JSON error form, through the SDK
// too), whether announced by Content-Length or sent chunked; a body of
// exactly the limit is served.
func TestBodyLimits(t *testing.T) {
	t.Parallel()
	const apiLimit, consoleLimit = 4096, 1024
	ts := startServer(t, withHTTPLimits(func(l *server.HTTPLimits) {
		l.MaxAPIBody = apiLimit
		l.MaxConsoleBody = consoleLimit
	}))
	path := "/accounts/" + accountID + "/custom-permissions"
	body := func(name string, size int) string {
		b := `{"CustomPermissionsName":"` + name + `"}`
		return b + strings.Repeat(" ", size-len(b))
	}
	want := fmt.Sprintf("The request body exceeds the %d bytes this server accepts.", apiLimit)

	t.Run("Content-Length", func(t *testing.T) {
		r := send(t, ts.signed(t, ts.Admin, http.MethodPost, path, body("big", apiLimit+1)))
		if msg := r.wantError(t, "RequestEntityTooLargeException", http.StatusRequestEntityTooLarge); msg != want {
			t.Errorf("message %q", msg)
		}
	})
	t.Run("chunked", func(t *testing.T) {
		b := body("big", apiLimit+1)
		req := ts.signed(t, ts.Admin, http.MethodPost, path, b)
		req.Body = io.NopCloser(io.MultiReader(strings.NewReader(b))) // no length: sent chunked
		req.ContentLength = -1
		r := send(t, req)
		if msg := r.wantError(t, "RequestEntityTooLargeException", http.StatusRequestEntityTooLarge); msg != want {
			t.Errorf("message %q", msg)
		}
	})
	t.Run("at the limit", func(t *testing.T) {
		send(t, ts.signed(t, ts.Admin, http.MethodPost, path, body("exact", apiLimit))).wantOK(t, http.StatusOK)
	})
	t.Run("SDK", func(t *testing.T) {
		_, err := ts.adminClient().CreateCustomPermissions(t.Context(), &quicksight.CreateCustomPermissionsInput{
			AwsAccountId: aws.String(accountID), CustomPermissionsName: aws.String("tagged"),
			Tags: []types.Tag{{Key: aws.String("note"), Value: aws.String(strings.Repeat("x", apiLimit))}},
		})
		wantError(t, err, "RequestEntityTooLargeException", http.StatusRequestEntityTooLarge)
	})
	t.Run("console", func(t *testing.T) {
		ctx, cancel := context.WithTimeout(t.Context(), 10*time.Second)
		defer cancel()
		req, err := http.NewRequestWithContext(ctx, http.MethodPost, ts.URL+"/embedding/"+strings.Repeat("a", 32)+"/favorites/dashboards/d1", strings.NewReader(strings.Repeat("x", consoleLimit+1)))
		must(t, err)
		r := send(t, req)
		if r.Status != http.StatusRequestEntityTooLarge {
			t.Fatalf("console POST over its limit: %d %s", r.Status, r.Body)
		}
	})
}
