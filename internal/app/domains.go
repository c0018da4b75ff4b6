package app

import (
	"context"
	"net/url"
	"slices"
	"strings"
	"sync"
	"time"

	sg "github.com/sightglass/sightglass"
)

// domainsTTL bounds how long a change to an allow-list takes to reach
// the control frame and error pages of a server that did not make it.
const domainsTTL = 2 * time.Second

// domainsCache keeps the union of every account's embedding allow-list:
// the control frame and error pages need it before any account is known.
type domainsCache struct {
	mu     sync.Mutex
	list   []string
	loaded time.Time
}

// EmbeddingDomains returns an account's embedding allow-list.
func (a *App) EmbeddingDomains(ctx context.Context, accountID string) ([]string, error) {
	acct, err := a.account(ctx, accountID)
	if err != nil {
		return nil, err
	}
	return acct.EmbeddingDomains, nil
}

// AllEmbeddingDomains returns the union of all accounts' allow-lists.
func (a *App) AllEmbeddingDomains(ctx context.Context) ([]string, error) {
	c := &a.domains
	c.mu.Lock()
	defer c.mu.Unlock()
	if c.list != nil && time.Since(c.loaded) < a.cacheTTL(domainsTTL) {
		return c.list, nil
	}
	accts, err := a.Store.ListAccounts(ctx)
	if err != nil {
		return nil, err
	}
	list := []string{}
	for _, acct := range accts {
		for _, d := range acct.EmbeddingDomains {
			if !slices.Contains(list, d) {
				list = append(list, d)
			}
		}
	}
	c.list, c.loaded = list, time.Now()
	return list, nil
}

// CheckEmbeddingDomain validates an allow-list entry: an http or https
// origin whose host may start with "*." (any subdomain) and whose port may
// be "*" (any port), without path, query or credentials.
func CheckEmbeddingDomain(d string) error {
	// The error is written only when needed: AllowedDomains are checked
	// on every embed-URL call that has them.
	bad := func() error {
		return sg.Errorf(sg.EINVALID, "'%s' is not a valid embedding domain. Use an origin such as https://app.example.com, https://*.example.com or http://localhost:*.", d)
	}
	scheme, rest, ok := strings.Cut(d, "://")
	if !ok || (scheme != "http" && scheme != "https") || rest == "" || strings.ContainsAny(rest, "/?#@ \t;,'\"") {
		return bad()
	}
	host, port := rest, ""
	if i := strings.LastIndexByte(rest, ':'); i >= 0 && !strings.HasSuffix(rest, "]") {
		host, port = rest[:i], rest[i+1:]
		if port != "*" {
			if _, err := url.Parse("http://x:" + port); err != nil || port == "" || strings.Trim(port, "0123456789") != "" {
				return bad()
			}
		}
	}
	host = strings.TrimPrefix(host, "*.")
	if host == "" || strings.Contains(host, "*") {
		return bad()
	}
	return nil
}

// SetEmbeddingDomains replaces an account's embedding allow-list.
func (a *App) SetEmbeddingDomains(ctx context.Context, accountID string, domains []string) error {
	for _, d := range domains {
		if err := CheckEmbeddingDomain(d); err != nil {
			return err
		}
	}
	acct, err := a.subscribed(ctx, accountID)
	if err != nil {
		return err
	}
	acct.EmbeddingDomains = slices.Compact(slices.Sorted(slices.Values(domains)))
	acct.UpdatedAt = a.now()
	if err := a.Store.UpdateAccount(ctx, acct); err != nil {
		return err
	}
	a.domains.mu.Lock()
	a.domains.list = nil
	a.domains.mu.Unlock()
	a.forgetAccount(accountID)
	return nil
}

// AllowDomain adds one entry to an account's allow-list.
func (a *App) AllowDomain(ctx context.Context, accountID, domain string) error {
	list, err := a.EmbeddingDomains(ctx, accountID)
	if err != nil {
		return err
	}
	return a.SetEmbeddingDomains(ctx, accountID, append(slices.Clone(list), domain))
}

// DisallowDomain removes one entry from an account's allow-list.
func (a *App) DisallowDomain(ctx context.Context, accountID, domain string) error {
	list, err := a.EmbeddingDomains(ctx, accountID)
	if err != nil {
		return err
	}
	if !slices.Contains(list, domain) {
		return sg.Errorf(sg.ENOTFOUND, "%s is not on the embedding allow-list of account %s.", domain, accountID)
	}
	return a.SetEmbeddingDomains(ctx, accountID, slices.DeleteFunc(slices.Clone(list), func(d string) bool { return d == domain }))
}
