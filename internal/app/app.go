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
)

// App is the application layer over a store.
type App struct {
	Store  sg.Store
	Region string
	// Now is the clock; nil means time.Now.
	Now func() time.Time

	auth     *authCache
	domains  domainsCache
	accounts accountCache
	users    userCache
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
