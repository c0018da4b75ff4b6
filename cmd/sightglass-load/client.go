package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/tls"
	"encoding/hex"
	"fmt"
	"io"
	"net"
	"net/http"
	"net/url"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	v4 "github.com/aws/aws-sdk-go-v2/aws/signer/v4"
)

// signingName is QuickSight's SigV4 service name.
const signingName = "quicksight"

// env is what scenarios build requests against: the configuration, the
// credentials and one shared HTTP client.
type env struct {
	cfg    config
	base   *url.URL
	creds  aws.Credentials
	signer *v4.Signer
	client *http.Client
	codes  *codePool // the redeem scenario's minted embed URLs
}

func newEnv(cfg config, getenv func(string) string) (*env, error) {
	base, err := url.Parse(strings.TrimSuffix(cfg.Endpoint, "/"))
	if err != nil {
		return nil, err
	}
	creds, profileRegion, err := loadCredentials(cfg.ProfileFile, cfg.Profile, getenv)
	if err != nil {
		return nil, err
	}
	if cfg.Region == "" {
		cfg.Region = firstNonEmpty(profileRegion, "us-east-1")
	}
	return &env{cfg: cfg, base: base, creds: creds, signer: v4.NewSigner(), client: newClient(cfg)}, nil
}

// newClient returns the client every connection shares: HTTP/1.1 (one
// request in flight per connection), up to cfg.Connections kept-alive
// connections, no proxy, no compression, redirects returned rather than
// followed.
func newClient(cfg config) *http.Client {
	tr := &http.Transport{
		DialContext:           (&net.Dialer{Timeout: 5 * time.Second, KeepAlive: 30 * time.Second}).DialContext,
		MaxIdleConns:          cfg.Connections,
		MaxIdleConnsPerHost:   cfg.Connections,
		MaxConnsPerHost:       cfg.Connections,
		IdleConnTimeout:       90 * time.Second,
		ResponseHeaderTimeout: cfg.Timeout,
		TLSHandshakeTimeout:   cfg.Timeout,
		DisableCompression:    true,
		TLSClientConfig:       &tls.Config{InsecureSkipVerify: cfg.Insecure},
		// A non-nil empty map disables HTTP/2, which would multiplex every
		// connection's requests onto one TCP connection.
		TLSNextProto: map[string]func(string, *tls.Conn) http.RoundTripper{},
	}
	return &http.Client{
		Transport:     tr,
		CheckRedirect: func(*http.Request, []*http.Request) error { return http.ErrUseLastResponse },
	}
}

// userARN is the QuickSight ARN of --user-name.
func (e *env) userARN() string {
	return "arn:aws:quicksight:" + e.cfg.Region + ":" + e.cfg.Account + ":user/" + e.cfg.Namespace + "/" + e.cfg.UserName
}

// prepared is a request ready to send, with its signature time.
type prepared struct {
	spec     *request
	req      *http.Request
	hash     string // hex SHA-256 of the body, signed as the payload hash
	signedAt time.Time
	wire     []byte // the request's wire form (--client conn); nil until needed
}

// prepare turns a scenario's request into an http.Request bound to ctx and
// signs it unless it is unsigned.
func (e *env) prepare(ctx context.Context, r *request) (*prepared, error) {
	u := *e.base
	u.Path = e.base.Path + mustUnescape(r.Path)
	u.RawPath = e.base.EscapedPath() + r.Path
	if r.Query != nil {
		u.RawQuery = r.Query.Encode()
	}
	req, err := http.NewRequestWithContext(ctx, r.Method, u.String(), nil)
	if err != nil {
		return nil, err
	}
	for k, vs := range r.Header {
		req.Header[http.CanonicalHeaderKey(k)] = vs
	}
	if req.Header.Get("Accept") == "" {
		req.Header.Set("Accept", "application/json")
	}
	if r.Body != nil && req.Header.Get("Content-Type") == "" {
		req.Header.Set("Content-Type", "application/json")
	}
	sum := sha256.Sum256(r.Body)
	p := &prepared{spec: r, req: req, hash: hex.EncodeToString(sum[:])}
	p.rewind()
	if err := e.sign(p, time.Now()); err != nil {
		return nil, err
	}
	return p, nil
}

// rewind gives the request a fresh body before each send.
func (p *prepared) rewind() {
	if p.spec.Body == nil {
		return
	}
	p.req.Body = io.NopCloser(bytes.NewReader(p.spec.Body))
	p.req.ContentLength = int64(len(p.spec.Body))
	p.req.GetBody = func() (io.ReadCloser, error) { return io.NopCloser(bytes.NewReader(p.spec.Body)), nil }
}

// sign (re)signs p at time t; unsigned requests are left alone.
func (e *env) sign(p *prepared, t time.Time) error {
	p.signedAt, p.wire = t, nil
	if p.spec.Unsigned {
		return nil
	}
	h := p.req.Header
	h.Del("Authorization")
	h.Del("X-Amz-Date")
	h.Del("X-Amz-Security-Token")
	return e.signer.SignHTTP(context.Background(), e.creds, p.req, p.hash, signingName, e.cfg.Region, t)
}

// do sends one request outside the measurement (preparation, preflight)
// and returns its status and body.
func (e *env) do(ctx context.Context, r *request) (int, []byte, error) {
	p, err := e.prepare(ctx, r)
	if err != nil {
		return 0, nil, err
	}
	resp, err := e.client.Do(p.req)
	if err != nil {
		return 0, nil, err
	}
	defer resp.Body.Close()
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	return resp.StatusCode, body, err
}

// preflight sends the scenario's first request once, so that bad
// credentials or a wrong endpoint fail fast with the server's answer
// instead of as a run full of errors.
func preflight(ctx context.Context, e *env, sc *scenario) error {
	if !sc.replay {
		// Its requests may be single-use; do not spend one.
		return nil
	}
	r, err := sc.build(e, 0)
	if err != nil {
		return err
	}
	ctx, cancel := context.WithTimeout(ctx, e.cfg.Timeout)
	defer cancel()
	status, body, err := e.do(ctx, r)
	if err != nil {
		return fmt.Errorf("preflight %s %s: %w", r.Method, r.Path, err)
	}
	if !r.ok(status) {
		return fmt.Errorf("preflight %s %s: status %d: %s", r.Method, r.Path, status, truncate(string(body), 300))
	}
	return nil
}

func mustUnescape(p string) string {
	s, err := url.PathUnescape(p)
	if err != nil {
		return p
	}
	return s
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}
