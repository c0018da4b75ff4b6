package server_test

import (
	"context"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"

	"github.com/sightglass/sightglass/internal/server"
)

// The DescribeUser benchmarks measure the API read path through the whole
// stack: SigV4 verification, the cached credential and policy check, the
// SQLite reads (account subscription and user), JSON encoding. The server
// runs with throttling off, as a load test would, on a fresh SQLite store
// in a temporary directory with the bootstrap admin. One request, signed
// with aws-sdk-go-v2's signer, is replayed (signatures stay valid for 15
// minutes; the server does not reject replays of a signed GET).
//
//	go test ./internal/server -run '^$' -bench DescribeUser -benchmem -count 6
//
// BenchmarkDescribeUser sends it over loopback through a real http.Client
// with 64 goroutines (b.SetParallelism(32) on 2 cores), like the load
// tool's 64 connections; BenchmarkDescribeUserHandler calls the handler
// directly with an httptest.ResponseRecorder, which leaves out net/http and
// TCP and so shows what the server's own code costs per request.

const benchAccount = "123456789012"

// openBenchServer starts a server on 127.0.0.1:0 and returns it with a
// DescribeUser request for the bootstrap admin, signed now.
func openBenchServer(b *testing.B, opts ...func(*server.Config)) (*server.Server, *http.Request) {
	b.Helper()
	cfg := server.DefaultConfig()
	cfg.Listen = "127.0.0.1:0"
	cfg.DataDir = b.TempDir()
	cfg.AccountID = benchAccount
	cfg.ThrottleRate = 0
	cfg.LogLevel = slog.LevelWarn
	for _, o := range opts {
		o(&cfg)
	}
	log := slog.New(slog.NewTextHandler(io.Discard, &slog.HandlerOptions{Level: slog.LevelWarn}))
	srv, err := server.Open(context.Background(), cfg, log)
	if err != nil {
		b.Fatal(err)
	}
	if srv.Bootstrapped == nil {
		b.Fatal("fresh store was not bootstrapped")
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx) }()
	b.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			b.Error(err)
		}
	})
	k := srv.Bootstrapped.AccessKey
	u := srv.URL() + "/accounts/" + benchAccount + "/namespaces/default/users/" + srv.Bootstrapped.User.UserName
	req, err := http.NewRequest(http.MethodGet, u, nil)
	if err != nil {
		b.Fatal(err)
	}
	req.Header.Set("Accept", "application/json")
	creds := aws.Credentials{AccessKeyID: k.AccessKeyID, SecretAccessKey: k.SecretAccessKey}
	const emptySHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
	if err := v4.NewSigner().SignHTTP(context.Background(), creds, req, emptySHA256, "quicksight", cfg.Region, time.Now()); err != nil {
		b.Fatal(err)
	}
	return srv, req
}

func BenchmarkDescribeUser(b *testing.B) {
	_, req := openBenchServer(b)
	client := &http.Client{Transport: &http.Transport{
		MaxIdleConns:        64,
		MaxIdleConnsPerHost: 64,
		DisableCompression:  true,
	}}
	defer client.CloseIdleConnections()
	send := func(r *http.Request) error {
		resp, err := client.Do(r)
		if err != nil {
			return err
		}
		io.Copy(io.Discard, resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusOK {
			return &statusError{resp.StatusCode}
		}
		return nil
	}
	if err := send(req); err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	b.SetParallelism(32)
	b.ResetTimer()
	b.RunParallel(func(pb *testing.PB) {
		r := req.Clone(context.Background())
		for pb.Next() {
			if err := send(r); err != nil {
				b.Error(err)
				return
			}
		}
	})
}

func BenchmarkDescribeUserHandler(b *testing.B) {
	srv, req := openBenchServer(b)
	benchHandler(b, srv, req)
}

// BenchmarkDescribeUserHandlerMetrics is BenchmarkDescribeUserHandler
// with --metrics-listen set: API and store metrics recorded per request.
//
//	go test ./internal/server -run '^$' -bench 'DescribeUserHandler' -benchmem -count 6
func BenchmarkDescribeUserHandlerMetrics(b *testing.B) {
	srv, req := openBenchServer(b, func(c *server.Config) { c.MetricsListen = "127.0.0.1:0" })
	benchHandler(b, srv, req)
}

func benchHandler(b *testing.B, srv *server.Server, req *http.Request) {
	h := srv.Handler()
	serve := func(r *http.Request) error {
		rec := httptest.NewRecorder()
		h.ServeHTTP(rec, r)
		if rec.Code != http.StatusOK {
			return &statusError{rec.Code}
		}
		return nil
	}
	// A server-side request: what net/http hands the handler.
	sreq := httptest.NewRequest(req.Method, req.URL.String(), nil)
	sreq.Header = req.Header.Clone()
	if err := serve(sreq); err != nil {
		b.Fatal(err)
	}
	b.Run("serial", func(b *testing.B) {
		b.ReportAllocs()
		for b.Loop() {
			if err := serve(sreq); err != nil {
				b.Fatal(err)
			}
		}
	})
	b.Run("parallel", func(b *testing.B) {
		b.ReportAllocs()
		b.RunParallel(func(pb *testing.PB) {
			r := sreq.Clone(context.Background())
			for pb.Next() {
				if err := serve(r); err != nil {
					b.Error(err)
					return
				}
			}
		})
	})
}

type statusError struct{ code int }

func (e *statusError) Error() string { return "status " + http.StatusText(e.code) }
