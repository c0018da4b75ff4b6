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
// that the page's script adds. A full page load (a reload, a navigation
// of the SDK) carries no header: the script, which keeps the token in the
// frame's sessionStorage, loads it with a single-use navigation ticket
// (?sgTicket=…) that it gets with the header. State-changing requests require the header,
// which a cross-site page cannot send, so they need no other CSRF token.
//
// Every response carries a Content-Security-Policy whose frame-ancestors
// come from the account's embedding-domain allow-list, and
// X-Content-Type-Options: nosniff (Secure, around the console's mux).
package console

import (
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"time"

	"github.com/sightglass/sightglass/internal/app"
	"github.com/sightglass/sightglass/internal/metrics"
	"github.com/sightglass/sightglass/internal/staticfile"
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
	// UploadDir holds uploaded files until they are imported; "" means a
	// directory under the system's temporary directory.
	UploadDir string
	// MaxUploadBytes bounds one uploaded file; zero means 1 GiB.
	MaxUploadBytes int64
	// StaticFiles reads the static files definitions name (a layer map's
	// GeoJSON); nil reads none.
	StaticFiles *staticfile.Reader
}

// Console serves the browser routes.
type Console struct {
	app      *app.App
	log      *slog.Logger
	now      func() time.Time
	failures *failureLimiter
	pages    *pages
	metrics  *metrics.Metrics
	uploads  *uploadStore
	static   *staticfile.Reader
}

// New returns the console.
func New(cfg Config) (*Console, error) {
	go assets() // compress the front end before the first page needs it
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
	uploadDir, maxUpload := cfg.UploadDir, cfg.MaxUploadBytes
	if uploadDir == "" {
		uploadDir = filepath.Join(os.TempDir(), "sightglass-uploads")
	}
	if maxUpload <= 0 {
		maxUpload = DefaultMaxUploadBytes
	}
	return &Console{
		uploads:  newUploadStore(uploadDir, maxUpload),
		static:   cfg.StaticFiles,
		app:      cfg.App,
		log:      log,
		now:      now,
		failures: newFailureLimiter(rate/60, burst),
		pages:    p,
		metrics:  cfg.Metrics,
	}, nil
}

// route is a console route: a ServeMux pattern and its handler.
type route struct {
	pattern string
	handle  func(c *Console, w http.ResponseWriter, r *http.Request)
}

// routes are the console's routes.
var routes = []route{
	{"GET /embedding/{sid}/{entry...}", (*Console).handleExperience},
	{"POST /embedding/{sid}/favorites/{kind}/{id}", (*Console).handleFavorite},
	{"DELETE /embedding/{sid}/favorites/{kind}/{id}", (*Console).handleFavorite},
	{"GET /embedding/{sid}/dashboards/{id}/sheets/{sheet}", (*Console).handleSheet},
	{"GET /embedding/{sid}/analyses/{id}/sheets/{sheet}", (*Console).handleSheet},
	{"GET /embedding/{sid}/dashboards/{id}/bookmarks", (*Console).handleBookmarks},
	{"POST /embedding/{sid}/dashboards/{id}/bookmarks", (*Console).handleBookmarks},
	{"PATCH /embedding/{sid}/dashboards/{id}/bookmarks/{name}", (*Console).handleBookmarks},
	{"DELETE /embedding/{sid}/dashboards/{id}/bookmarks/{name}", (*Console).handleBookmarks},
	{"POST /embedding/{sid}/dashboards/{id}/views", (*Console).handleCreateSharedView},
	{"GET /embedding/{sid}/dashboards/{id}/theme", (*Console).handleThemeStyle},
	{"GET /embedding/{sid}/views/{view}", (*Console).handleOpenSharedView},
	{"GET /views/{view}", (*Console).handleSharedViewLink},
	{"POST /embedding/{sid}/analyses", (*Console).handleCreateAnalysis},
	{"POST /embedding/{sid}/analyses/{id}/edit", (*Console).handleEditAnalysis},
	{"POST /embedding/{sid}/analyses/{id}/edit/check", (*Console).handleAnalysisCalcCheck},
	{"POST /embedding/{sid}/analyses/{id}/publish", (*Console).handlePublishAnalysis},
	{"GET /embedding/{sid}/analyses/{id}/share", (*Console).handleSharePage},
	{"POST /embedding/{sid}/analyses/{id}/share", (*Console).handleShareContent},
	{"GET /embedding/{sid}/dashboards/{id}/share", (*Console).handleSharePage},
	{"POST /embedding/{sid}/dashboards/{id}/share", (*Console).handleShareContent},
	{"POST /embedding/{sid}/analyses/{id}/delete", (*Console).handleDeleteAnalysis},
	{"POST /embedding/{sid}/analyses/{id}/restore", (*Console).handleRestoreAnalysis},
	{"GET /embedding/{sid}/start/analyses/deleted", (*Console).handleDeletedAnalyses},
	{"GET /embedding/{sid}/start/search", (*Console).handleFind},
	{"GET /embedding/{sid}/dashboards/{id}/versions", (*Console).handleVersions},
	{"POST /embedding/{sid}/dashboards/{id}/versions/{version}/publish", (*Console).handlePublishVersion},
	{"GET /embedding/{sid}/dashboards/{id}/sheets/{sheet}/visuals/{visual}/export", (*Console).handleExport},
	{"GET /embedding/{sid}/analyses/{id}/sheets/{sheet}/visuals/{visual}/export", (*Console).handleExport},
	{"GET /embed/{sid}/embedControl", (*Console).handleControl},
	{"GET /embed/{sid}/dashboards/{id}", (*Console).handleDashboardExperience},
	{"GET /embed/{sid}/dashboards/{id}/views/{view}", (*Console).handleDashboardExperience},
	{"GET /embed/{sid}/dashboards/{id}/sheets/{sheet}/visuals/{visual}", (*Console).handleVisualExperience},
	{"GET /embedding/{sid}/data/sets", (*Console).handleDataSets},
	{"GET /embedding/{sid}/data/sets/new", (*Console).handleNewDataSet},
	{"GET /embedding/{sid}/data/sets/{id}", (*Console).handleDataSet},
	{"GET /embedding/{sid}/data/sets/{id}/ingestions", (*Console).handleIngestions},
	{"POST /embedding/{sid}/data/sets/{id}/refresh", (*Console).handleRefresh},
	{"POST /embedding/{sid}/data/sets/{id}/share", (*Console).handleShare},
	{"GET /embedding/{sid}/data/sets/{id}/schedules", (*Console).handleSchedules},
	{"POST /embedding/{sid}/data/sets/{id}/schedules", (*Console).handleCreateSchedule},
	{"POST /embedding/{sid}/data/sets/{id}/schedules/{schedule}/delete", (*Console).handleDeleteSchedule},
	{"POST /embedding/{sid}/data/sets/{id}/incremental", (*Console).handlePutLookback},
	{"POST /embedding/{sid}/data/sets/{id}/incremental/delete", (*Console).handleDeleteLookback},
	{"GET /embedding/{sid}/data/sets/editor/columns", (*Console).handleTableColumns},
	{"GET /embedding/{sid}/data/sets/editor/sqlcolumns", (*Console).handleSQLColumns},
	{"POST /embedding/{sid}/data/sets/editor/start", (*Console).handleEditorStart},
	{"POST /embedding/{sid}/data/sets/editor/step", (*Console).handleEditorStep},
	{"POST /embedding/{sid}/data/sets/editor/check", (*Console).handleCalcCheck},
	{"POST /embedding/{sid}/data/sets/editor/save", (*Console).handleEditorSave},
	{"GET /favicon.ico", (*Console).handleFavicon},
	{"GET /static/{file}", (*Console).handleStatic},
	{"GET /login", (*Console).handleLoginPage},
	{"POST /login", (*Console).handleLogin},
	{"POST /embedding/{sid}/signout", (*Console).handleSignOut},
	{"POST /embedding/{sid}/navigation", (*Console).handleNavigationTicket},
	{"GET /invitation/{token}", (*Console).handleInvitationPage},
	{"POST /invitation/{token}", (*Console).handleInvitation},
}

// RoutePatterns lists the patterns of the console's routes (for tests
// that walk every route).
func RoutePatterns() []string {
	out := make([]string, len(routes))
	for i, rt := range routes {
		out[i] = rt.pattern
	}
	return out
}

// Register adds the console's routes to mux. Serve mux through Secure so
// that every response carries the security headers.
func (c *Console) Register(mux *http.ServeMux) {
	for _, rt := range routes {
		mux.HandleFunc(rt.pattern, func(w http.ResponseWriter, r *http.Request) { rt.handle(c, w, r) })
	}
}
