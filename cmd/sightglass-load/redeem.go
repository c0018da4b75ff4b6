package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"sync/atomic"
	"time"
)

// embedCodeTTL is how long the server lets an embed URL be redeemed.
const embedCodeTTL = 5 * time.Minute

// errCodesUsedUp ends a worker's run when the minted embed URLs are used
// up: like reaching --requests, it is not a failure.
var errCodesUsedUp = errors.New("minted embed URLs used up")

// codePool holds the embed URLs minted before a redeem run, each handed
// out exactly once.
type codePool struct {
	reqs     []*request
	next     atomic.Int64
	mintTime time.Duration
}

// take returns the next unused redemption request.
func (p *codePool) take() (*request, error) {
	i := p.next.Add(1) - 1
	if i >= int64(len(p.reqs)) {
		return nil, errCodesUsedUp
	}
	return p.reqs[i], nil
}

// used is how many URLs were handed out.
func (p *codePool) used() int { return int(min(p.next.Load(), int64(len(p.reqs)))) }

// browserAccept is what a browser sends when it opens a page.
const browserAccept = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"

// mintCodes is the redeem scenario's prepare step: before the timed run it
// mints --codes embed URLs (default --requests) with signed
// GetSessionEmbedUrl calls on up to --connections connections, and turns
// each into the unsigned GET a browser would send.
func mintCodes(ctx context.Context, e *env) error {
	n := e.cfg.Codes
	if n <= 0 {
		n = int(e.cfg.Requests)
	}
	if n <= 0 {
		return errors.New("give --codes or --requests: the number of embed URLs to mint")
	}
	pool := &codePool{reqs: make([]*request, n)}
	var next atomic.Int64
	var firstErr error
	var once sync.Once
	fail := func(err error) { once.Do(func() { firstErr = err }) }
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	start := time.Now()
	var wg sync.WaitGroup
	for range min(e.cfg.Connections, n) {
		wg.Go(func() {
			var p *prepared
			for ctx.Err() == nil {
				i := next.Add(1) - 1
				if i >= int64(n) {
					return
				}
				var err error
				if p == nil || time.Since(p.signedAt) >= e.cfg.Resign {
					p, err = e.prepare(ctx, embedURLRequest(e))
				}
				if err == nil {
					pool.reqs[i], err = mintOne(e, p)
				}
				if err != nil {
					fail(fmt.Errorf("minting embed URL %d of %d: %w", i+1, n, err))
					cancel()
					return
				}
			}
		})
	}
	wg.Wait()
	if firstErr != nil {
		return firstErr
	}
	if err := ctx.Err(); err != nil {
		return err
	}
	pool.mintTime = time.Since(start)
	// The first codes expire embedCodeTTL after minting began.
	if left := embedCodeTTL - pool.mintTime; left < e.cfg.Warmup+e.cfg.Duration+e.cfg.Timeout {
		return fmt.Errorf("minting %d embed URLs took %s: the first expire %s after minting began, before the run would end; mint fewer",
			n, pool.mintTime.Round(time.Millisecond), embedCodeTTL)
	}
	e.codes = pool
	return nil
}

// mintOne sends one GetSessionEmbedUrl call and returns the redemption
// request for the URL it answers.
func mintOne(e *env, p *prepared) (*request, error) {
	p.rewind()
	resp, err := e.client.Do(p.req)
	if err != nil {
		return nil, err
	}
	body, err := io.ReadAll(io.LimitReader(resp.Body, 1<<20))
	resp.Body.Close()
	if err != nil {
		return nil, err
	}
	if resp.StatusCode != http.StatusOK {
		return nil, fmt.Errorf("GetSessionEmbedUrl: status %d: %s", resp.StatusCode, truncate(string(body), 300))
	}
	var out struct{ EmbedUrl string }
	if err := json.Unmarshal(body, &out); err != nil || out.EmbedUrl == "" {
		return nil, fmt.Errorf("GetSessionEmbedUrl: no EmbedUrl in %s", truncate(string(body), 300))
	}
	return redeemRequest(e, out.EmbedUrl)
}

// redeemRequest is the browser's GET of an embed URL, sent to --endpoint:
// the URL's path below the endpoint's base path, and its query as given.
func redeemRequest(e *env, embedURL string) (*request, error) {
	u, err := url.Parse(embedURL)
	if err != nil {
		return nil, fmt.Errorf("embed URL %q: %w", embedURL, err)
	}
	path, ok := strings.CutPrefix(u.EscapedPath(), e.base.EscapedPath())
	if !ok || !strings.HasPrefix(path, "/") {
		return nil, fmt.Errorf("embed URL %q is not below --endpoint %s (is the server's --public-url another address?)", embedURL, e.cfg.Endpoint)
	}
	q, err := url.ParseQuery(u.RawQuery)
	if err != nil || q.Get("code") == "" {
		return nil, fmt.Errorf("embed URL %q has no code", embedURL)
	}
	return &request{Method: "GET", Path: path, Query: q, Unsigned: true,
		Header: http.Header{"Accept": {browserAccept}}, Want: http.StatusOK}, nil
}

// embedURLRequest is GetSessionEmbedUrl for --user-name at /start.
func embedURLRequest(e *env) *request {
	return &request{Method: "GET", Path: "/accounts/" + pathLabel(e.cfg.Account) + "/session-embed-url",
		Query: url.Values{"entry-point": {"/start"}, "user-arn": {e.userARN()}}}
}
