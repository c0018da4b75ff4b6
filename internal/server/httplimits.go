package server

import (
	"errors"
	"fmt"
	"time"
)

// HTTPLimits bound what one client can hold of the HTTP server: how long
// a request may take to arrive, a response to leave and an idle
// connection to stay; how many connections one client address may keep
// open; how large a request body may be.
type HTTPLimits struct {
	// ReadHeaderTimeout is the time a client has to send a request's
	// headers; ReadTimeout the time for the whole request, body included.
	ReadHeaderTimeout time.Duration
	ReadTimeout       time.Duration
	// WriteTimeout is the time from the end of the request headers to the
	// end of the response; it must cover the slowest handler (a query runs
	// up to 30 s, a connection test up to 15 s).
	WriteTimeout time.Duration
	// IdleTimeout closes a kept-alive connection that sends nothing.
	IdleTimeout time.Duration
	// MaxConnsPerClient is the number of connections one client address
	// (an IPv4 address, an IPv6 /64) may hold open; more are closed as
	// they are accepted. 0: no limit.
	MaxConnsPerClient int
	// MaxAPIBody and MaxConsoleBody are the largest request bodies of the
	// API and of the console.
	MaxAPIBody     int64
	MaxConsoleBody int64
	// MaxUploadBody is the largest file the console's upload accepts
	// (streamed to disk, never held in memory); 0 means 1 GiB.
	MaxUploadBody int64
}

// DefaultHTTPLimits returns the defaults.
func DefaultHTTPLimits() HTTPLimits {
	return HTTPLimits{
		ReadHeaderTimeout: 10 * time.Second,
		ReadTimeout:       60 * time.Second,
		WriteTimeout:      2 * time.Minute,
		IdleTimeout:       2 * time.Minute,
		MaxConnsPerClient: 128,
		MaxAPIBody:        10 << 20,
		MaxConsoleBody:    64 << 10,
		MaxUploadBody:     1 << 30,
	}
}

func (l HTTPLimits) validate() []error {
	var errs []error
	for _, d := range []struct {
		flag string
		v    time.Duration
	}{
		{"--read-header-timeout", l.ReadHeaderTimeout},
		{"--read-timeout", l.ReadTimeout},
		{"--write-timeout", l.WriteTimeout},
		{"--idle-timeout", l.IdleTimeout},
	} {
		if d.v <= 0 {
			errs = append(errs, fmt.Errorf("%s must be positive", d.flag))
		}
	}
	if l.MaxConnsPerClient < 0 {
		errs = append(errs, errors.New("--max-conns-per-client must not be negative (0: no limit)"))
	}
	if l.MaxAPIBody <= 0 || l.MaxConsoleBody <= 0 || l.MaxUploadBody < 0 {
		errs = append(errs, errors.New("--max-api-body and --max-console-body must be positive and --max-upload-body not negative"))
	}
	return errs
}
