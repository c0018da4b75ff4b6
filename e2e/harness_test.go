// Package e2e drives a real Sightglass server, started in process on a
// loopback port with a fresh store, through real clients: the
// aws-sdk-go-v2 QuickSight client and raw SigV4-signed HTTP requests.
package e2e

import (
	"context"
	"errors"
	"net/http"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/smithy-go"

	sg "github.com/sightglass/sightglass"
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

// testServer is a running server with its bootstrap admin key.
type testServer struct {
	*server.Server
	URL   string
	Clock *clock // nil unless the test asked for one
	Admin *sg.AccessKey
}

type option func(*server.Config)

// withClock makes the server read time from c.
func withClock(c *clock) option { return func(cfg *server.Config) { cfg.Now = c.Now } }

// withThrottle sets the per-account token bucket.
func withThrottle(rate, burst float64) option {
	return func(cfg *server.Config) { cfg.ThrottleRate, cfg.ThrottleBurst = rate, burst }
}

// withPostgres runs the server on a PostgreSQL database.
func withPostgres(dsn string) option { return func(cfg *server.Config) { cfg.Postgres = dsn } }

// startServer starts a bootstrapped server on 127.0.0.1:0 with a fresh
// SQLite store in a temporary directory, stopped when the test ends.
func startServer(t testing.TB, opts ...option) *testServer {
	t.Helper()
	cfg := server.DefaultConfig()
	cfg.Listen = "127.0.0.1:0"
	cfg.DataDir = t.TempDir()
	cfg.ThrottleRate = 0
	ts := &testServer{}
	for _, o := range opts {
		o(&cfg)
	}
	ctx, cancel := context.WithCancel(context.Background())
	srv, err := server.Open(ctx, cfg, nil)
	if err != nil {
		cancel()
		t.Fatalf("server.Open: %v", err)
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx) }()
	t.Cleanup(func() {
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
	ts.Server = srv
	ts.URL = srv.URL()
	if srv.Bootstrapped == nil {
		t.Fatal("fresh store was not bootstrapped")
	}
	ts.Admin = srv.Bootstrapped.AccessKey
	return ts
}

// client returns a QuickSight client for the server signed with key, with
// retries off so that every error reaches the test.
func (ts *testServer) client(key *sg.AccessKey) *quicksight.Client {
	return quicksight.New(quicksight.Options{
		Region:           region,
		BaseEndpoint:     aws.String(ts.URL),
		Credentials:      credentials.NewStaticCredentialsProvider(key.AccessKeyID, key.SecretAccessKey, key.SessionToken),
		HTTPClient:       &http.Client{Timeout: 10 * time.Second},
		RetryMaxAttempts: 1,
	})
}

// adminClient returns a client signed with the bootstrap admin key.
func (ts *testServer) adminClient() *quicksight.Client { return ts.client(ts.Admin) }

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
