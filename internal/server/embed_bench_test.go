//go:build unix

package server_test

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"io"
	"net/http"
	"net/http/httptest"
	"net/url"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"

	"github.com/sightglass/sightglass/internal/server"
)

// BenchmarkEmbedURL measures the four embed-URL operations through the
// handler (no TCP), 2 goroutines per core, each minting one code (one store
// write) per call, with the audit log on (the default):
//
//	go test ./internal/server -run '^$' -bench EmbedURL -benchmem -count 6
//
// cpu-µs/op is the process's CPU per call, the background writers
// included: the figure the embed-URL CPU target speaks of, and steadier
// than ns/op on a shared machine.
func BenchmarkEmbedURL(b *testing.B) { benchEmbedURL(b, 2) }

// BenchmarkEmbedURLBusy is BenchmarkEmbedURL with 16 goroutines per core,
// as a busy server has requests in flight (the load tool's 64
// connections): its mints share commits (group commit) as they do there.
//
//	go test ./internal/server -run '^$' -bench EmbedURLBusy -benchmem -count 3
func BenchmarkEmbedURLBusy(b *testing.B) { benchEmbedURL(b, 16) }

func benchEmbedURL(b *testing.B, parallelism int) {
	const dashboard = "sample-sales-dashboard"
	for _, op := range []struct {
		name    string
		request func(srv *server.Server) (*http.Request, []byte)
	}{
		{"GetSessionEmbedUrl", func(srv *server.Server) (*http.Request, []byte) {
			return signedBenchRequest(b, srv, "/accounts/"+benchAccount+"/session-embed-url?user-arn="+url.QueryEscape(benchUserARN(srv))), nil
		}},
		{"GenerateEmbedUrlForRegisteredUser", func(srv *server.Server) (*http.Request, []byte) {
			return signedBenchPost(b, srv, "/accounts/"+benchAccount+"/embed-url/registered-user",
				`{"UserArn":"`+benchUserARN(srv)+`","ExperienceConfiguration":{"Dashboard":{"InitialDashboardId":"`+dashboard+`"}}}`)
		}},
		{"GetDashboardEmbedUrl", func(srv *server.Server) (*http.Request, []byte) {
			return signedBenchRequest(b, srv, "/accounts/"+benchAccount+"/dashboards/"+dashboard+"/embed-url?creds-type=QUICKSIGHT&user-arn="+url.QueryEscape(benchUserARN(srv))), nil
		}},
		{"GenerateEmbedUrlForAnonymousUser", func(srv *server.Server) (*http.Request, []byte) {
			arn := "arn:aws:quicksight:" + srv.Config.Region + ":" + benchAccount + ":dashboard/"
			return signedBenchPost(b, srv, "/accounts/"+benchAccount+"/embed-url/anonymous-user",
				`{"Namespace":"default","AuthorizedResourceArns":["`+arn+dashboard+`","`+arn+`other"],`+
					`"SessionTags":[{"Key":"region","Value":"EU"},{"Key":"tenant","Value":"t-1"}],`+
					`"ExperienceConfiguration":{"Dashboard":{"InitialDashboardId":"`+dashboard+`"}}}`)
		}},
	} {
		b.Run(op.name, func(b *testing.B) {
			srv, _ := openBenchServer(b, func(c *server.Config) { c.SampleRows = 100 })
			h := srv.Handler()
			req, body := op.request(srv)
			serve := func(r *http.Request) error {
				if body != nil {
					r.Body = io.NopCloser(bytes.NewReader(body))
				}
				rec := httptest.NewRecorder()
				h.ServeHTTP(rec, r)
				if rec.Code != http.StatusOK {
					b.Logf("%s", rec.Body)
					return &statusError{rec.Code}
				}
				return nil
			}
			if err := serve(req.Clone(context.Background())); err != nil {
				b.Fatal(err)
			}
			// The console compresses its front end once at start, in the
			// background; a static request waits for it, so that its CPU
			// is not counted against the calls.
			h.ServeHTTP(httptest.NewRecorder(), httptest.NewRequest(http.MethodGet, "/static/warm-up", nil))
			b.ReportAllocs()
			b.SetParallelism(parallelism)
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
			b.ReportMetric(float64(processCPU()-cpu0)/float64(b.N)/1e3, "cpu-µs/op")
		})
	}
}

func benchUserARN(srv *server.Server) string {
	return "arn:aws:quicksight:" + srv.Config.Region + ":" + benchAccount + ":user/default/" + srv.Bootstrapped.User.UserName
}

// signedBenchPost is a server-side POST of a JSON body to path, signed
// with the bootstrap key now, and the body (to give each replay afresh).
func signedBenchPost(b *testing.B, srv *server.Server, path, body string) (*http.Request, []byte) {
	b.Helper()
	req := httptest.NewRequest(http.MethodPost, srv.URL()+path, bytes.NewReader([]byte(body)))
	req.RequestURI = ""
	req.Header.Set("Content-Type", "application/json")
	k := srv.Bootstrapped.AccessKey
	creds := aws.Credentials{AccessKeyID: k.AccessKeyID, SecretAccessKey: k.SecretAccessKey}
	sum := sha256.Sum256([]byte(body))
	if err := v4.NewSigner().SignHTTP(context.Background(), creds, req, hex.EncodeToString(sum[:]), "quicksight", srv.Config.Region, time.Now()); err != nil {
		b.Fatal(err)
	}
	req.RemoteAddr = "192.0.2.1:1234"
	return req, []byte(body)
}
