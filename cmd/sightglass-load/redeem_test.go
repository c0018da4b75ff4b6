package main

import (
	"encoding/json"
	"fmt"
	"net/http"
	"net/http/httptest"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
)

// embedServer mints codes on GetSessionEmbedUrl and accepts each code once
// on GET /embedding/{sid}/start, like Sightglass's console.
type embedServer struct {
	*httptest.Server
	minted, redeemed, reused, signedRedeems atomic.Int64
	mu                                      sync.Mutex
	codes                                   map[string]bool // code: unused
}

func newEmbedServer(t *testing.T) *embedServer {
	s := &embedServer{codes: map[string]bool{}}
	s.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		switch {
		case r.URL.Path == "/accounts/123456789012/session-embed-url":
			if !strings.HasPrefix(r.Header.Get("Authorization"), "AWS4-HMAC-SHA256 ") {
				http.Error(w, "unsigned", http.StatusForbidden)
				return
			}
			n := s.minted.Add(1)
			code := fmt.Sprintf("c%d", n)
			s.mu.Lock()
			s.codes[code] = true
			s.mu.Unlock()
			json.NewEncoder(w).Encode(map[string]any{"Status": 200, "EmbedUrl": s.URL + "/embedding/sid" + fmt.Sprint(n) + "/start?code=" + code})
		case strings.HasPrefix(r.URL.Path, "/embedding/"):
			if r.Header.Get("Authorization") != "" {
				s.signedRedeems.Add(1)
			}
			code := r.URL.Query().Get("code")
			s.mu.Lock()
			unused := s.codes[code]
			s.codes[code] = false
			s.mu.Unlock()
			if !unused {
				s.reused.Add(1)
				http.Error(w, "used", http.StatusForbidden)
				return
			}
			s.redeemed.Add(1)
			http.SetCookie(w, &http.Cookie{Name: "sg", Value: "x"})
			fmt.Fprint(w, "<html>console</html>")
		default:
			http.NotFound(w, r)
		}
	}))
	t.Cleanup(s.Close)
	return s
}

func TestRedeemUsesEachCodeOnce(t *testing.T) {
	for _, client := range []string{clientTransport, clientConn} {
		t.Run(client, func(t *testing.T) {
			srv := newEmbedServer(t)
			// 300 codes: warmup takes some, the measured loop the rest,
			// and the run ends when they are used up.
			out, err := runTool(t, "--endpoint", srv.URL, "--profile-file", writeTestCredentials(t),
				"--scenario", "redeem", "--codes", "300", "--connections", "8", "--client", client,
				"--warmup", "20ms", "--duration", "10s", "--json")
			if err != nil {
				t.Fatal(err)
			}
			var rep jsonReport
			if err := json.Unmarshal([]byte(out), &rep); err != nil {
				t.Fatal(err)
			}
			if got := rep.Requests + rep.WarmupRequests; got != 300 || rep.Failed != 0 || rep.Statuses["200"] != rep.Requests {
				t.Errorf("measured %d + warmup %d, statuses %v, failed %d; want 300 clean", rep.Requests, rep.WarmupRequests, rep.Statuses, rep.Failed)
			}
			if srv.minted.Load() != 300 || srv.redeemed.Load() != 300 || srv.reused.Load() != 0 || srv.signedRedeems.Load() != 0 {
				t.Errorf("server: minted %d, redeemed %d, reused %d, signed redemptions %d; want 300, 300, 0, 0",
					srv.minted.Load(), srv.redeemed.Load(), srv.reused.Load(), srv.signedRedeems.Load())
			}
			if rep.Codes == nil || rep.Codes.Minted != 300 || rep.Codes.Used != 300 {
				t.Errorf("embed_urls %+v", rep.Codes)
			}
		})
	}
}

func TestRedeemStopsAtRequests(t *testing.T) {
	srv := newEmbedServer(t)
	out, err := runTool(t, "--endpoint", srv.URL, "--profile-file", writeTestCredentials(t),
		"--scenario", "redeem", "--requests", "100", "--connections", "4", "--warmup", "0", "--duration", "0", "--json")
	if err != nil {
		t.Fatal(err)
	}
	var rep jsonReport
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatal(err)
	}
	if rep.Requests != 100 || rep.Statuses["200"] != 100 || srv.minted.Load() != 100 {
		t.Errorf("requests %d, statuses %v, minted %d; want 100", rep.Requests, rep.Statuses, srv.minted.Load())
	}
}

func TestRedeemNeedsACount(t *testing.T) {
	_, err := runTool(t, "--endpoint", "http://127.0.0.1:1", "--scenario", "redeem", "--duration", "1s")
	if err == nil || !strings.Contains(err.Error(), "--codes") {
		t.Fatalf("err %v, want one naming --codes", err)
	}
}
