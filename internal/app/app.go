// Package app holds Sightglass's business rules, written once over the
// sightglass.Store interface: validation of every member, authorization of
// every API call against the caller's IAM policies, account, user and
// custom-permission rules, and bootstrap. Protocol adapters (internal/awsapi,
// the console, the admin commands) call it; stores only persist.
package app

import (
	"crypto/rand"
	"encoding/hex"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/audit"
	"github.com/sightglass/sightglass/internal/metrics"
)

// App is the application layer over a store.
type App struct {
	Store  sg.Store
	Region string
	// Now is the clock; nil means time.Now.
	Now func() time.Time
	// SyncChecks makes the checks of analysis and dashboard definitions
	// run before Create*/Update* return instead of in the background, so
	// that tests see the final status at once.
	SyncChecks bool
	// Audit records console sign-ons and console changes; nil records
	// nothing. (API calls are recorded by the API adapter.)
	Audit *audit.Log
	// AuditErrorName names an error for the audit log as the API does
	// (name and safe message); nil uses the domain code.
	AuditErrorName func(error) (name, message string)
	// Metrics records queries and ingestions; nil records nothing.
	Metrics *metrics.Metrics

	auth        *authCache
	domains     domainsCache
	accounts    accountCache
	bg          background
	data        *data
	users       userCache
	groups      groupCache
	lists       contentLists
	definitions definitionCache
	sync        cacheSync
	signIns     signInGuard
}

// New returns an App over store for the given region.
func New(store sg.Store, region string) *App {
	return &App{Store: store, Region: region, auth: newAuthCache(authCacheTTL)}
}

func (a *App) now() time.Time {
	if a.Now != nil {
		return a.Now().UTC()
	}
	return time.Now().UTC()
}

// randomHex returns n random bytes hex-encoded.
func randomHex(n int) string {
	b := make([]byte, n)
	rand.Read(b)
	return hex.EncodeToString(b)
}

// randomUUID returns a random UUID (version 4).
func randomUUID() string {
	b := make([]byte, 16)
	rand.Read(b)
	b[6] = b[6]&0x0f | 0x40
	b[8] = b[8]&0x3f | 0x80
	h := hex.EncodeToString(b)
	return h[0:8] + "-" + h[8:12] + "-" + h[12:16] + "-" + h[16:20] + "-" + h[20:]
}
