package console

import (
	"net"
	"net/http"
	"time"

	"github.com/sightglass/sightglass/internal/ratelimit"
)

// failureLimiter bounds failed sign-ons and session checks per client
// address, so codes and session tokens cannot be guessed at speed.
type failureLimiter struct{ l *ratelimit.Limiter }

func newFailureLimiter(perSecond, burst float64) *failureLimiter {
	return &failureLimiter{l: ratelimit.New(perSecond, burst)}
}

// clientAddr is the address failures are counted against.
func clientAddr(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}

// fail records a failure for the client; it reports false once the client
// has failed too often and must be refused outright.
func (f *failureLimiter) fail(r *http.Request, now time.Time) bool {
	return f.l.Allow(clientAddr(r), now)
}

// blocked reports whether the client has no failures left.
func (f *failureLimiter) blocked(r *http.Request, now time.Time) bool {
	return !f.l.Available(clientAddr(r), now)
}
