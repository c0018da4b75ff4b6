package main

import (
	"encoding/json"
	"fmt"
	"io"
	"maps"
	"slices"
	"strings"
	"time"
)

// result is a finished run.
type result struct {
	Scenario       string
	Endpoint       string
	Connections    int
	Warmup         time.Duration
	Duration       time.Duration // configured; 0: none
	Limit          int64         // configured; 0: none
	Elapsed        time.Duration // measured phase: its start to the last measured completion
	Requests       int64         // measured requests, failed ones included
	WarmupRequests int64
	Statuses       map[int]int64
	Errors         map[string]int64
	ErrorSamples   map[string]string
	Unexpected     int64 // responses with a status the scenario did not expect
	Latency        *histogram
	Server         *procReport  // --server-pid
	Client         *procReport  // this process, CPU only
	Codes          *codesReport // the redeem scenario
}

// codesReport is what the redeem scenario minted and used.
type codesReport struct {
	Minted, Used int
	MintTime     time.Duration
}

// procReport is what was sampled of a process during the run.
type procReport struct {
	RSSStart, RSSAfterWarmup, RSSEnd, RSSMax int64
	CPU                                      time.Duration // during measurement
	CPUPerRequest                            time.Duration
	Cores                                    float64 // CPU / wall time during measurement
	Samples                                  []rssSample
	SampleError                              string
}

type rssSample struct {
	T   float64 `json:"t_s"` // seconds since the start of the run
	RSS int64   `json:"rss_bytes"`
}

func newResult(e *env, sc *scenario, pl *plan, workers []*worker) *result {
	r := &result{
		Scenario: sc.name, Endpoint: e.cfg.Endpoint, Connections: e.cfg.Connections,
		Warmup: e.cfg.Warmup, Duration: e.cfg.Duration, Limit: e.cfg.Requests,
		Statuses: map[int]int64{}, Errors: map[string]int64{}, ErrorSamples: map[string]string{},
		Latency: &histogram{},
	}
	var last time.Time
	for _, w := range workers {
		r.Latency.merge(&w.hist)
		r.WarmupRequests += w.warmup
		r.Unexpected += w.unexpected
		for s, n := range w.statuses {
			r.Statuses[s] += n
		}
		for k, n := range w.errs {
			r.Errors[k] += n
			if _, ok := r.ErrorSamples[k]; !ok {
				r.ErrorSamples[k] = w.errSample[k]
			}
		}
		if w.last.After(last) {
			last = w.last
		}
	}
	r.Requests = int64(r.Latency.n)
	if p := e.codes; p != nil {
		r.Codes = &codesReport{Minted: len(p.reqs), Used: p.used(), MintTime: p.mintTime}
	}
	if !last.IsZero() {
		r.Elapsed = last.Sub(pl.measureStart)
	}
	return r
}

// Failed counts measured requests that failed or got an unexpected status,
// and scenario errors.
func (r *result) Failed() int64 {
	n := r.Unexpected
	for _, c := range r.Errors {
		n += c
	}
	return n
}

// Rate is measured requests per second.
func (r *result) Rate() float64 {
	if r.Elapsed <= 0 {
		return 0
	}
	return float64(r.Requests) / r.Elapsed.Seconds()
}

// hint explains the likeliest cause of a failed run.
func (r *result) hint() string {
	switch {
	case r.Statuses[429] > 0:
		return " (429 is ThrottlingException: for load tests start the server with --throttle-rate 0)"
	case r.Errors["address not available"] > 0:
		return " (out of local ports: connections are being reopened; check the server's keep-alive)"
	}
	return ""
}

func serverReport(start, warm procStat, samples []procStat, requests int64, t0 time.Time) *procReport {
	if warm.At.IsZero() {
		warm = start
	}
	end := warm
	if len(samples) > 0 {
		end = samples[len(samples)-1]
	}
	p := &procReport{RSSStart: start.RSS, RSSAfterWarmup: warm.RSS, RSSEnd: end.RSS, RSSMax: start.RSS}
	for _, s := range samples {
		p.RSSMax = max(p.RSSMax, s.RSS)
		p.Samples = append(p.Samples, rssSample{T: s.At.Sub(t0).Seconds(), RSS: s.RSS})
	}
	p.setCPU(warm, end, requests)
	return p
}

func (p *procReport) setCPU(from, to procStat, requests int64) {
	p.CPU = to.CPU - from.CPU
	if requests > 0 {
		p.CPUPerRequest = p.CPU / time.Duration(requests)
	}
	if wall := to.At.Sub(from.At); wall > 0 {
		p.Cores = p.CPU.Seconds() / wall.Seconds()
	}
}

func writeText(w io.Writer, r *result) error {
	var b strings.Builder
	limits := []string{}
	if r.Duration > 0 {
		limits = append(limits, "duration "+r.Duration.String())
	}
	if r.Limit > 0 {
		limits = append(limits, fmt.Sprintf("requests %d", r.Limit))
	}
	fmt.Fprintf(&b, "scenario    %s (%s, %d connections, warmup %s, %s)\n",
		r.Scenario, r.Endpoint, r.Connections, r.Warmup, strings.Join(limits, ", "))
	fmt.Fprintf(&b, "requests    %d in %.3fs = %.0f req/s\n", r.Requests, r.Elapsed.Seconds(), r.Rate())
	h := r.Latency
	fmt.Fprintf(&b, "latency     p50 %s  p90 %s  p99 %s  p99.9 %s  max %s  mean %s\n",
		fmtDur(h.quantile(0.50)), fmtDur(h.quantile(0.90)), fmtDur(h.quantile(0.99)),
		fmtDur(h.quantile(0.999)), fmtDur(time.Duration(h.max)), fmtDur(h.mean()))
	var st []string
	for _, s := range slices.Sorted(maps.Keys(r.Statuses)) {
		st = append(st, fmt.Sprintf("%d: %d", s, r.Statuses[s]))
	}
	fmt.Fprintf(&b, "statuses    %s\n", orNone(strings.Join(st, ", ")))
	if r.Unexpected > 0 {
		fmt.Fprintf(&b, "unexpected  %d responses with a status the scenario does not expect\n", r.Unexpected)
	}
	var es []string
	for _, k := range slices.Sorted(maps.Keys(r.Errors)) {
		es = append(es, fmt.Sprintf("%s: %d (e.g. %s)", k, r.Errors[k], truncate(r.ErrorSamples[k], 120)))
	}
	fmt.Fprintf(&b, "errors      %s\n", orNone(strings.Join(es, "; ")))
	fmt.Fprintf(&b, "warmup      %d requests, not measured\n", r.WarmupRequests)
	if c := r.Codes; c != nil {
		fmt.Fprintf(&b, "embed URLs  %d minted before the run in %.1fs (%.0f/s, not measured), %d used, %d left\n",
			c.Minted, c.MintTime.Seconds(), float64(c.Minted)/c.MintTime.Seconds(), c.Used, c.Minted-c.Used)
	}
	if s := r.Server; s != nil {
		fmt.Fprintf(&b, "server RSS  start %s, after warmup %s, end %s, max %s (end − after warmup: %+.1f MiB)\n",
			mib(s.RSSStart), mib(s.RSSAfterWarmup), mib(s.RSSEnd), mib(s.RSSMax),
			float64(s.RSSEnd-s.RSSAfterWarmup)/(1<<20))
		fmt.Fprintf(&b, "server CPU  %.1f µs/request, %.2f cores\n", micros(s.CPUPerRequest), s.Cores)
		fmt.Fprintf(&b, "RSS series  %s\n", rssSeries(s.Samples, 20))
		if s.SampleError != "" {
			fmt.Fprintf(&b, "sampling    error: %s\n", s.SampleError)
		}
	}
	if c := r.Client; c != nil {
		fmt.Fprintf(&b, "load tool   CPU %.1f µs/request, %.2f cores\n", micros(c.CPUPerRequest), c.Cores)
	}
	_, err := io.WriteString(w, b.String())
	return err
}

// rssSeries renders at most n evenly spaced samples as "t=…s MiB".
func rssSeries(s []rssSample, n int) string {
	if len(s) == 0 {
		return "none"
	}
	step := max(1, (len(s)+n-1)/n)
	var parts []string
	for i := 0; i < len(s); i += step {
		parts = append(parts, fmt.Sprintf("%.1fs:%.1f", s[i].T, float64(s[i].RSS)/(1<<20)))
	}
	if last := s[len(s)-1]; (len(s)-1)%step != 0 {
		parts = append(parts, fmt.Sprintf("%.1fs:%.1f", last.T, float64(last.RSS)/(1<<20)))
	}
	return strings.Join(parts, " ") + " (seconds:MiB)"
}

// jsonReport is the --json form: every time in milliseconds or
// microseconds as the key says.
type jsonReport struct {
	Scenario       string             `json:"scenario"`
	Endpoint       string             `json:"endpoint"`
	Connections    int                `json:"connections"`
	WarmupS        float64            `json:"warmup_s"`
	DurationS      float64            `json:"duration_s"`
	RequestLimit   int64              `json:"request_limit"`
	ElapsedS       float64            `json:"elapsed_s"`
	Requests       int64              `json:"requests"`
	RPS            float64            `json:"rps"`
	LatencyMS      map[string]float64 `json:"latency_ms"`
	Statuses       map[string]int64   `json:"statuses"`
	Errors         map[string]int64   `json:"errors"`
	Unexpected     int64              `json:"unexpected"`
	Failed         int64              `json:"failed"`
	WarmupRequests int64              `json:"warmup_requests"`
	Server         *jsonProc          `json:"server,omitempty"`
	Client         *jsonProc          `json:"load_tool,omitempty"`
	Codes          *jsonCodes         `json:"embed_urls,omitempty"`
}

type jsonCodes struct {
	Minted   int     `json:"minted"`
	Used     int     `json:"used"`
	MintTime float64 `json:"mint_s"`
}

type jsonProc struct {
	RSSStart       int64       `json:"rss_start_bytes,omitempty"`
	RSSAfterWarmup int64       `json:"rss_after_warmup_bytes,omitempty"`
	RSSEnd         int64       `json:"rss_end_bytes,omitempty"`
	RSSMax         int64       `json:"rss_max_bytes,omitempty"`
	CPUPerRequest  float64     `json:"cpu_us_per_request"`
	Cores          float64     `json:"cores"`
	Samples        []rssSample `json:"rss_samples,omitempty"`
}

func writeJSON(w io.Writer, r *result) error {
	h := r.Latency
	ms := func(d time.Duration) float64 { return float64(d) / 1e6 }
	j := jsonReport{
		Scenario: r.Scenario, Endpoint: r.Endpoint, Connections: r.Connections,
		WarmupS: r.Warmup.Seconds(), DurationS: r.Duration.Seconds(), RequestLimit: r.Limit,
		ElapsedS: r.Elapsed.Seconds(), Requests: r.Requests, RPS: r.Rate(),
		LatencyMS: map[string]float64{
			"p50": ms(h.quantile(0.5)), "p90": ms(h.quantile(0.9)), "p99": ms(h.quantile(0.99)),
			"p99.9": ms(h.quantile(0.999)), "max": ms(time.Duration(h.max)), "mean": ms(h.mean()),
		},
		Statuses: map[string]int64{}, Errors: r.Errors, Unexpected: r.Unexpected, Failed: r.Failed(),
		WarmupRequests: r.WarmupRequests,
	}
	for s, n := range r.Statuses {
		j.Statuses[fmt.Sprint(s)] = n
	}
	if s := r.Server; s != nil {
		j.Server = &jsonProc{RSSStart: s.RSSStart, RSSAfterWarmup: s.RSSAfterWarmup, RSSEnd: s.RSSEnd, RSSMax: s.RSSMax,
			CPUPerRequest: micros(s.CPUPerRequest), Cores: s.Cores, Samples: s.Samples}
	}
	if c := r.Client; c != nil {
		j.Client = &jsonProc{CPUPerRequest: micros(c.CPUPerRequest), Cores: c.Cores}
	}
	if c := r.Codes; c != nil {
		j.Codes = &jsonCodes{Minted: c.Minted, Used: c.Used, MintTime: c.MintTime.Seconds()}
	}
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(j)
}

func fmtDur(d time.Duration) string {
	switch {
	case d < time.Millisecond:
		return fmt.Sprintf("%.0fµs", float64(d)/1e3)
	case d < time.Second:
		return fmt.Sprintf("%.2fms", float64(d)/1e6)
	}
	return fmt.Sprintf("%.2fs", d.Seconds())
}

func micros(d time.Duration) float64 { return float64(d) / 1e3 }

func mib(b int64) string { return fmt.Sprintf("%.1f MiB", float64(b)/(1<<20)) }

func orNone(s string) string {
	if s == "" {
		return "none"
	}
	return s
}
