// Package console serves the browser side of Sightglass: the single-use
// sign-on that embed URLs open (/embedding/{sid}/{entry}?code=…), the
// server-side console sessions it starts, the console pages, and the frames
// of the embedding SDK 2.x contract (the hidden control frame
// /embed/{sid}/embedControl that relays host requests to the experience
// frame, and the events the experience frame posts to the host page).
//
// Sessions survive browsers that block third-party cookies: the session
// token travels in a Secure, HttpOnly, SameSite=None, Partitioned cookie
// and, for the console's own requests, in the X-Sightglass-Session header
// that the page's script adds. State-changing requests require the header,
// which a cross-site page cannot send, so they need no other CSRF token.
//
// Every response carries a Content-Security-Policy whose frame-ancestors
// come from the account's embedding-domain allow-list.
package console

import (
	"log/slog"
	"net/http"
	"time"

	"github.com/sightglass/sightglass/internal/app"
	"github.com/sightglass/sightglass/internal/metrics"
)

// Config configures the console.
type Config struct {
	App    *app.App
	Logger *slog.Logger
	// Now is the clock for rate limiting; nil means time.Now. Session and
	// code expiry use the App's clock.
	Now func() time.Time
	// FailureRate and FailureBurst bound failed sign-ons and session
	// checks per client address (per minute, burst). Zero means 30/60.
	FailureRate  float64
	FailureBurst float64
	// Metrics records sign-on outcomes; nil records nothing.
	Metrics *metrics.Metrics
}

// Console serves the browser routes.
type Console struct {
	app      *app.App
	log      *slog.Logger
	now      func() time.Time
	failures *failureLimiter
	pages    *pages
	metrics  *metrics.Metrics
}

// New returns the console.
func New(cfg Config) (*Console, error) {
	now := cfg.Now
	if now == nil {
		now = time.Now
	}
	log := cfg.Logger
	if log == nil {
		log = slog.Default()
	}
	rate, burst := cfg.FailureRate, cfg.FailureBurst
	if rate == 0 {
		rate, burst = 30, 60
	}
	p, err := loadPages()
	if err != nil {
		return nil, err
	}
	return &Console{
		app:      cfg.App,
		log:      log,
		now:      now,
		failures: newFailureLimiter(rate/60, burst),
		pages:    p,
		metrics:  cfg.Metrics,
	}, nil
}

// Register adds the console's routes to mux.
func (c *Console) Register(mux *http.ServeMux) {
	mux.HandleFunc("GET /embedding/{sid}/{entry...}", c.handleExperience)
	mux.HandleFunc("POST /embedding/{sid}/favorites/{kind}/{id}", c.handleFavorite)
	mux.HandleFunc("DELETE /embedding/{sid}/favorites/{kind}/{id}", c.handleFavorite)
	mux.HandleFunc("GET /embedding/{sid}/dashboards/{id}/sheets/{sheet}", c.handleSheet)
	mux.HandleFunc("GET /embedding/{sid}/analyses/{id}/sheets/{sheet}", c.handleSheet)
	mux.HandleFunc("GET /embed/{sid}/embedControl", c.handleControl)
	mux.HandleFunc("GET /embed/{sid}/dashboards/{id}", c.handleDashboardExperience)
	mux.HandleFunc("GET /static/{file}", c.handleStatic)
}
