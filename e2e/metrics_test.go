package e2e

// The Prometheus metrics served on --metrics-listen, scraped after API
// calls and sign-ons made through the real clients.

import (
	"bufio"
	"net/http"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/server"
)

// withMetrics serves metrics and the health checks on a free loopback port.
func withMetrics() option {
	return func(cfg *server.Config, _ *testServer) { cfg.MetricsListen = "127.0.0.1:0" }
}

// sample is one line of a scrape: a series and its value.
type sample struct {
	name   string
	labels map[string]string
	value  float64
}

// scrape reads the server's metrics in the Prometheus text format.
func (ts *testServer) scrape(t testing.TB) []sample {
	t.Helper()
	r := get(t, ts.MetricsURL()+"/metrics")
	if r.Status != http.StatusOK {
		t.Fatalf("GET /metrics: %d %s", r.Status, r.Body)
	}
	var out []sample
	sc := bufio.NewScanner(strings.NewReader(string(r.Body)))
	sc.Buffer(nil, 1<<20)
	for sc.Scan() {
		line := sc.Text()
		if line == "" || line[0] == '#' {
			continue
		}
		s := sample{labels: map[string]string{}}
		series, value, ok := strings.Cut(line, " ")
		if i := strings.IndexByte(line, '}'); i >= 0 {
			series, value, ok = line[:i+1], strings.TrimSpace(line[i+1:]), true
		}
		if !ok {
			t.Fatalf("unreadable metrics line %q", line)
		}
		name, labels, hasLabels := strings.Cut(series, "{")
		s.name = name
		if hasLabels {
			labels = strings.TrimSuffix(labels, "}")
			for labels != "" {
				k, rest, _ := strings.Cut(labels, `="`)
				v, rest, _ := strings.Cut(rest, `"`)
				s.labels[k] = v
				labels = strings.TrimPrefix(rest, ",")
			}
		}
		v, err := strconv.ParseFloat(value, 64)
		if err != nil {
			t.Fatalf("metrics line %q: %v", line, err)
		}
		s.value = v
		out = append(out, s)
	}
	return out
}

// metricValue returns the value of the series name{labels}, failing the
// test when it is absent.
func metricValue(t testing.TB, samples []sample, name string, labels ...string) float64 {
	t.Helper()
	want := map[string]string{}
	for i := 0; i+1 < len(labels); i += 2 {
		want[labels[i]] = labels[i+1]
	}
	for _, s := range samples {
		if s.name != name || len(s.labels) != len(want) {
			continue
		}
		match := true
		for k, v := range want {
			if s.labels[k] != v {
				match = false
			}
		}
		if match {
			return s.value
		}
	}
	t.Fatalf("no series %s%v in the scrape", name, want)
	return 0
}

// wantMetric fails unless the series has the value.
func wantMetric(t testing.TB, samples []sample, want float64, name string, labels ...string) {
	t.Helper()
	if got := metricValue(t, samples, name, labels...); got != want {
		t.Errorf("%s%q = %v, want %v", name, labels, got, want)
	}
}

func TestMetrics(t *testing.T) {
	t.Parallel()
	clk := newClock()
	ts := startServer(t, withClock(clk), withMetrics())
	c := ts.adminClient()
	ctx := t.Context()
	describe := func(c *quicksight.Client, user string) error {
		_, err := c.DescribeUser(ctx, &quicksight.DescribeUserInput{AwsAccountId: aws.String(accountID), Namespace: aws.String("default"), UserName: aws.String(user)})
		return err
	}
	must(t, describe(c, "admin"))
	must(t, describe(c, "admin"))
	wantError(t, describe(c, "nobody"), "ResourceNotFoundException", http.StatusNotFound)
	forged := *ts.Admin
	forged.SecretAccessKey = "not" + forged.SecretAccessKey[3:]
	wantError(t, describe(ts.client(&forged), "admin"), "InvalidSignatureException", http.StatusForbidden)

	// Sign-ons: one that works, then a failure of each kind.
	u := ts.mint(t, "admin", "")
	ts.signOn(t, u, -1)
	ts.open(t, u.Raw).wantErrorPage(t, http.StatusForbidden, "Forbidden")                        // reused
	ts.open(t, u.url(u.Sid, u.Entry, "abc")).wantErrorPage(t, http.StatusForbidden, "Forbidden") // malformed
	other := ts.mint(t, "admin", "")
	ts.open(t, other.url(u.Sid, other.Entry, other.Code)).wantErrorPage(t, http.StatusForbidden, "Forbidden") // mismatch
	late := ts.mint(t, "admin", "")
	clk.Advance(6 * time.Minute)
	ts.open(t, late.Raw).wantErrorPage(t, http.StatusForbidden, "Forbidden") // expired

	m := ts.scrape(t)
	const api = "sightglass_api_requests_total"
	wantMetric(t, m, 2, api, "operation", "DescribeUser", "code", "200", "error", "")
	wantMetric(t, m, 1, api, "operation", "DescribeUser", "code", "404", "error", "ResourceNotFoundException")
	wantMetric(t, m, 1, api, "operation", "DescribeUser", "code", "403", "error", "InvalidSignatureException")
	wantMetric(t, m, 3, api, "operation", "GetSessionEmbedUrl", "code", "200", "error", "")
	wantMetric(t, m, 4, "sightglass_api_request_duration_seconds_count", "operation", "DescribeUser")
	wantMetric(t, m, 3, "sightglass_api_request_duration_seconds_count", "operation", "GetSessionEmbedUrl")
	wantMetric(t, m, 0, "sightglass_api_request_duration_seconds_count", "operation", "DeleteUser")
	wantMetric(t, m, 0, "sightglass_api_requests_in_flight")

	const signOns = "sightglass_signons_total"
	for outcome, want := range map[string]float64{
		"ok": 1, "unknown_or_reused": 1, "malformed": 1, "mismatch": 1, "expired": 1,
		"user_gone": 0, "raced": 0, "rate_limited": 0, "error": 0,
	} {
		wantMetric(t, m, want, signOns, "outcome", outcome)
	}
	wantMetric(t, m, 1, "sightglass_console_sessions_active")

	// The store calls of those sign-ons: each code that decodes is read
	// once with its user; the mismatched one is burnt; the reused and the
	// expired ones are looked up again to tell them apart; each of the four
	// refusal pages reads its sid's own frame allow-list (FindOnce).
	const store = "sightglass_store_operation_duration_seconds_count"
	wantMetric(t, m, 3, store, "operation", "PutOnceOrdered") // codes keyed in mint order
	wantMetric(t, m, 4, store, "operation", "FindOnceUser")
	wantMetric(t, m, 1, store, "operation", "RedeemOnce")
	wantMetric(t, m, 1, store, "operation", "ConsumeOnce")
	wantMetric(t, m, 6, store, "operation", "FindOnce")
	wantMetric(t, m, 0, "sightglass_store_operation_errors_total", "operation", "FindOnceUser")

	wantMetric(t, m, 0, "sightglass_query_cache_requests_total", "result", "hit")
	wantMetric(t, m, 0, "sightglass_cache_listener_connected") // SQLite: one node
	if metricValue(t, m, "go_goroutines") <= 0 || metricValue(t, m, "process_start_time_seconds") <= 0 {
		t.Error("the Go runtime and process collectors are missing")
	}
	// No series carries an id: every label value comes from a closed set.
	for _, s := range m {
		for k, v := range s.labels {
			if strings.Contains(v, ts.Admin.AccessKeyID) || strings.Contains(v, u.Sid) || strings.Contains(v, accountID) {
				t.Errorf("series %s has an id in label %s=%q", s.name, k, v)
			}
		}
	}
}

// TestHealthChecks: /healthz is liveness, /readyz readiness, on the main
// listener and the metrics listener.
func TestHealthChecks(t *testing.T) {
	t.Parallel()
	ts := startServer(t, withMetrics())
	for _, base := range []string{ts.URL, ts.MetricsURL()} {
		for _, path := range []string{"/healthz", "/readyz"} {
			if r := get(t, base+path); r.Status != http.StatusOK || string(r.Body) != "ok\n" {
				t.Errorf("GET %s%s: %d %q", base, path, r.Status, r.Body)
			}
		}
	}
	// Without --metrics-listen there is no metrics listener.
	plain := startServer(t)
	if plain.MetricsURL() != "" {
		t.Errorf("MetricsURL = %q without --metrics-listen", plain.MetricsURL())
	}
	_ = sg.DefaultNamespace
}
