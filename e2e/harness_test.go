// Package e2e drives a real Sightglass server, started in process on a
// loopback port with a fresh store, through real clients: the
// aws-sdk-go-v2 QuickSight client and raw SigV4-signed HTTP requests.
package e2e

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"log/slog"
	"net/http"
	"reflect"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/smithy-go"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/query/sqlcheck"
	"github.com/sightglass/sightglass/internal/server"
)

const (
	accountID = "123456789012"
	region    = "us-east-1"
)

// clock is a settable clock for the server under test.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

func (c *clock) Set(t time.Time) {
	c.mu.Lock()
	c.t = t
	c.mu.Unlock()
}

// Advance moves the clock forward by d.
func (c *clock) Advance(d time.Duration) { c.Set(c.Now().Add(d)) }

// newClock returns a clock stopped at the current wall-clock time, so that
// clients signing with the wall clock agree with the server until a test
// moves it.
func newClock() *clock { return &clock{t: time.Now()} }

// testServer is a running server with its bootstrap admin key.
type testServer struct {
	*server.Server
	URL   string
	Clock *clock // nil unless the test asked for one
	Admin *sg.AccessKey
	Stop  func() // stops the server; also run when the test ends

	// httpClient is shared by the server's SDK clients. Its own transport
	// lets Stop close the connections it dialed but never used, which
	// http.Server.Shutdown would otherwise wait 5 seconds for.
	httpClient *http.Client

	reopen bool         // the store was bootstrapped by an earlier server
	log    *slog.Logger // the server's logger; nil means slog.Default()
}

type option func(*server.Config, *testServer)

// withClock makes the server read time from c (also ts.Clock).
func withClock(c *clock) option {
	return func(cfg *server.Config, ts *testServer) { cfg.Now, ts.Clock = c.Now, c }
}

// withThrottle sets the per-account token bucket.
func withThrottle(rate, burst float64) option {
	return func(cfg *server.Config, _ *testServer) { cfg.ThrottleRate, cfg.ThrottleBurst = rate, burst }
}

// withLogger makes the server log to l.
func withLogger(l *slog.Logger) option {
	return func(_ *server.Config, ts *testServer) { ts.log = l }
}

// withConsoleFailures sets the console's failed sign-on limit per client
// address (per minute, burst).
func withConsoleFailures(rate, burst float64) option {
	return func(cfg *server.Config, _ *testServer) { cfg.ConsoleFailureRate, cfg.ConsoleFailureBurst = rate, burst }
}

// withSampleRows makes the first start create the Sample sales data.
func withSampleRows(n int) option {
	return func(cfg *server.Config, _ *testServer) { cfg.SampleRows = n }
}

// withPostgres runs the server on a PostgreSQL database.
func withPostgres(dsn string) option {
	return func(cfg *server.Config, _ *testServer) { cfg.Postgres = dsn }
}

// withDataDir keeps the SQLite store (and credentials file) in dir.
func withDataDir(dir string) option {
	return func(cfg *server.Config, _ *testServer) { cfg.DataDir = dir }
}

// reopened starts on a store an earlier server bootstrapped, whose admin
// key was admin: this start must not bootstrap again.
func reopened(admin *sg.AccessKey) option {
	return func(_ *server.Config, ts *testServer) { ts.reopen, ts.Admin = true, admin }
}

var compileSQLCheck sync.Once

// startServer starts a bootstrapped server on 127.0.0.1:0 with a fresh
// SQLite store in a temporary directory, stopped when the test ends.
func startServer(t testing.TB, opts ...option) *testServer {
	t.Helper()
	// The PostgreSQL parser that checks custom SQL is compiled once per
	// process, which takes seconds (a server starts it in the background);
	// compile it before the first server so that no request's 10-second
	// client limit measures it.
	compileSQLCheck.Do(func() { sqlcheck.Postgres("SELECT 1") })
	cfg := server.DefaultConfig()
	cfg.Listen = "127.0.0.1:0"
	cfg.DataDir = t.TempDir()
	cfg.ThrottleRate = 0
	cfg.SampleRows = 0 // withSampleRows turns it on
	// The data tests' PostgreSQL and MariaDB (withDataSourceHosts changes it).
	cfg.DataSourceHosts = "127.0.0.1"
	transport := http.DefaultTransport.(*http.Transport).Clone()
	// The client's timeout guards against a hang, not a slow answer: under
	// -race on a loaded 2-core machine an uncached sheet of the sample
	// dashboard has taken over 10 s.
	ts := &testServer{httpClient: &http.Client{Timeout: 45 * time.Second, Transport: transport}}
	for _, o := range opts {
		o(&cfg, ts)
	}
	ctx, cancel := context.WithCancel(context.Background())
	srv, err := server.Open(ctx, cfg, ts.log)
	if err != nil {
		cancel()
		t.Fatalf("server.Open: %v", err)
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx) }()
	ts.Stop = sync.OnceFunc(func() {
		transport.CloseIdleConnections()
		cancel()
		select {
		case err := <-done:
			if err != nil {
				t.Errorf("Serve: %v", err)
			}
		case <-time.After(10 * time.Second):
			t.Errorf("server did not stop within 10s")
		}
	})
	t.Cleanup(ts.Stop)
	ts.Server = srv
	ts.URL = srv.URL()
	switch {
	case ts.reopen && srv.Bootstrapped != nil:
		t.Fatal("a bootstrapped store was bootstrapped again")
	case ts.reopen:
	case srv.Bootstrapped == nil:
		t.Fatal("fresh store was not bootstrapped")
	default:
		ts.Admin = srv.Bootstrapped.AccessKey
	}
	return ts
}

// client returns a QuickSight client for the server signed with key, with
// retries off so that every error reaches the test.
func (ts *testServer) client(key *sg.AccessKey) *quicksight.Client {
	return quicksight.New(quicksight.Options{
		Region:           region,
		BaseEndpoint:     aws.String(ts.URL),
		Credentials:      credentials.NewStaticCredentialsProvider(key.AccessKeyID, key.SecretAccessKey, key.SessionToken),
		HTTPClient:       ts.httpClient,
		RetryMaxAttempts: 1,
	})
}

// adminClient returns a client signed with the bootstrap admin key.
func (ts *testServer) adminClient() *quicksight.Client { return ts.client(ts.Admin) }

// now is the server's time: its injected clock, or the wall clock.
func (ts *testServer) now() time.Time {
	if ts.Clock != nil {
		return ts.Clock.Now()
	}
	return time.Now()
}

// apiError returns the AWS error code and HTTP status of err, failing the
// test if err is not an API error.
func apiError(t testing.TB, err error) (code string, status int) {
	t.Helper()
	if err == nil {
		t.Fatal("expected an error, got none")
	}
	var ae smithy.APIError
	if !errors.As(err, &ae) {
		t.Fatalf("not an API error: %v", err)
	}
	var re *awshttp.ResponseError
	if errors.As(err, &re) {
		status = re.HTTPStatusCode()
	}
	return ae.ErrorCode(), status
}

// wantError fails unless err is the AWS error code with the HTTP status.
func wantError(t testing.TB, err error, code string, status int) {
	t.Helper()
	gotCode, gotStatus := apiError(t, err)
	if gotCode != code || gotStatus != status {
		t.Fatalf("got %s %d (%v), want %s %d", gotCode, gotStatus, err, code, status)
	}
}

// wantErrorMessage is wantError that also checks the error message.
func wantErrorMessage(t testing.TB, err error, code string, status int, message string) {
	t.Helper()
	wantError(t, err, code, status)
	var ae smithy.APIError
	errors.As(err, &ae)
	if ae.ErrorMessage() != message {
		t.Fatalf("%s message:\n got %q\nwant %q", code, ae.ErrorMessage(), message)
	}
}

// wantEqual fails unless got and want are deeply equal; both are shown as
// JSON, so that pointers print as their values.
func wantEqual(t testing.TB, what string, got, want any) {
	t.Helper()
	if !reflect.DeepEqual(got, want) {
		t.Fatalf("%s:\n got %s\nwant %s", what, jsonString(got), jsonString(want))
	}
}

// jsonString renders v as JSON for failure messages.
func jsonString(v any) string {
	b, err := json.Marshal(v)
	if err != nil {
		return fmt.Sprintf("%+v", v)
	}
	return string(b)
}

// must fails the test if err is not nil.
func must(t testing.TB, err error) {
	t.Helper()
	if err != nil {
		t.Fatal(err)
	}
}

// ve is the error of a value outside the service model's constraints
// (length, pattern, enum, range, a missing required member), as the real
// service answers it; a well-formed value that is wrong is an
// InvalidParameterValueException.
const ve = "ValidationException"

// apiCase is one row of an error table: an operation called through the
// SDK, the modeled error it must return and, if not empty, a part of the
// message that shows the error has the intended cause.
type apiCase struct {
	name   string
	call   func(ctx context.Context, c *quicksight.Client) error
	code   string
	status int
	msg    string
}

// runErrorCases runs each case as a subtest against client c.
func runErrorCases(t *testing.T, c *quicksight.Client, cases []apiCase) {
	t.Helper()
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			err := tc.call(t.Context(), c)
			wantError(t, err, tc.code, tc.status)
			wantMessageContains(t, err, tc.msg)
		})
	}
}

// wantMessageContains fails unless the API error's message contains part.
func wantMessageContains(t testing.TB, err error, part string) {
	t.Helper()
	var ae smithy.APIError
	if errors.As(err, &ae) && !strings.Contains(ae.ErrorMessage(), part) {
		t.Fatalf("%s message %q does not contain %q", ae.ErrorCode(), ae.ErrorMessage(), part)
	}
}

// withIngestionLimits bounds each SPICE ingestion.
// withSPICECapacity sets each account's SPICE capacity.
func withSPICECapacity(bytes int64) option {
	return func(cfg *server.Config, _ *testServer) { cfg.SPICECapacityBytes = bytes }
}

func withIngestionLimits(rows, bytes int64, timeout time.Duration) option {
	return func(cfg *server.Config, _ *testServer) {
		cfg.IngestionMaxRows, cfg.IngestionMaxBytes, cfg.IngestionTimeout = rows, bytes, timeout
	}
}

// withIngestionQueue sets how many ingestions the server runs at once and
// how many it holds.
func withIngestionQueue(concurrent, queue int) option {
	return func(cfg *server.Config, _ *testServer) {
		cfg.IngestionConcurrency, cfg.IngestionQueue = concurrent, queue
	}
}

// withJobs sets how often the server looks for due refresh runs and the
// lease of its running ingestions.
func withJobs(tick, lease time.Duration) option {
	return func(cfg *server.Config, _ *testServer) { cfg.ScheduleTick, cfg.IngestionLease = tick, lease }
}

// sharedSecretKey is the key that seals data-source credentials for
// servers that share one store (each would otherwise make its own).
const sharedSecretKey = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff"

// withSharedSecretKey gives the server sharedSecretKey.
func withSharedSecretKey() option {
	return func(cfg *server.Config, _ *testServer) { cfg.SecretKey = sharedSecretKey }
}
