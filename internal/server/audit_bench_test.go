//go:build unix

package server_test

import (
	"context"
	"net/http"
	"net/http/httptest"
	"net/url"
	"syscall"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"

	"github.com/sightglass/sightglass/internal/server"
)

// The audit benchmarks measure what the audit log costs the API: the same
// request through the handler (no TCP), 2 goroutines per core, with the
// audit log off and on (a file in the data directory, the default).
//
//	go test ./internal/server -run '^$' -bench Audit -benchmem -count 6
//
// DescribeUser is the read path; GetSessionEmbedUrl mints a sign-on code
// (one store write per call).

func benchAudit(b *testing.B, name string, request func(*server.Server) *http.Request) {
	for _, mode := range []string{"off", "on"} {
		b.Run(name+"/audit="+mode, func(b *testing.B) {
			srv, _ := openBenchServer(b, func(c *server.Config) {
				c.SampleRows = 0
				if mode == "off" {
					c.AuditLog = "off"
				}
			})
			h := srv.Handler()
			req := request(srv)
			serve := func(r *http.Request) error {
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, r)
				if rec.Code != http.StatusOK {
					return &statusError{rec.Code}
				}
				return nil
			}
			if err := serve(req); err != nil {
				b.Fatal(err)
			}
			b.ReportAllocs()
			b.SetParallelism(2)
			cpu0 := processCPU()
			b.ResetTimer()
			b.RunParallel(func(pb *testing.PB) {
				r := req.Clone(context.Background())
				for pb.Next() {
					if err := serve(r); err != nil {
						b.Error(err)
						return
					}
				}
			})
			b.StopTimer()
			// Process CPU per request (the writer goroutine's included):
			// steadier than ns/op on a shared machine.
			b.ReportMetric(float64(processCPU()-cpu0)/float64(b.N)/1e3, "cpu-µs/op")
			if n := srv.Audit().Dropped(); n > 0 {
				b.ReportMetric(float64(n)/float64(b.N), "dropped/op")
			}
		})
	}
}

func BenchmarkAuditDescribeUser(b *testing.B) {
	benchAudit(b, "DescribeUser", func(srv *server.Server) *http.Request {
		return signedBenchRequest(b, srv, "/accounts/"+benchAccount+"/namespaces/default/users/"+srv.Bootstrapped.User.UserName)
	})
}

func BenchmarkAuditGetSessionEmbedUrl(b *testing.B) {
	benchAudit(b, "GetSessionEmbedUrl", func(srv *server.Server) *http.Request {
		arn := "arn:aws:quicksight:" + srv.Config.Region + ":" + benchAccount + ":user/default/" + srv.Bootstrapped.User.UserName
		return signedBenchRequest(b, srv, "/accounts/"+benchAccount+"/session-embed-url?user-arn="+url.QueryEscape(arn))
	})
}

// processCPU is the process's user+system CPU time.
func processCPU() time.Duration {
	var ru syscall.Rusage
	syscall.Getrusage(syscall.RUSAGE_SELF, &ru)
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

// signedBenchRequest is a server-side GET of path signed with the
// bootstrap key now (valid for the 15 minutes of a run).
func signedBenchRequest(b *testing.B, srv *server.Server, path string) *http.Request {
	b.Helper()
	req := httptest.NewRequest(http.MethodGet, srv.URL()+path, nil)
	req.RequestURI = ""
	k := srv.Bootstrapped.AccessKey
	creds := aws.Credentials{AccessKeyID: k.AccessKeyID, SecretAccessKey: k.SecretAccessKey}
	const emptySHA256 = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"
	if err := v4.NewSigner().SignHTTP(context.Background(), creds, req, emptySHA256, "quicksight", srv.Config.Region, time.Now()); err != nil {
		b.Fatal(err)
	}
	req.RemoteAddr = "192.0.2.1:1234"
	return req
}
