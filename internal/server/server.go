// Package server wires a Sightglass server together: it opens the store
// named by the configuration, bootstraps an empty one, builds the HTTP
// handler (API plane, health check) and runs the listener. cmd/sightglass
// and the end-to-end tests both start servers through it.
package server

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
	"github.com/sightglass/sightglass/internal/audit"
	"github.com/sightglass/sightglass/internal/awsapi"
	"github.com/sightglass/sightglass/internal/console"
	"github.com/sightglass/sightglass/internal/metrics"
	"github.com/sightglass/sightglass/internal/query/source"
	"github.com/sightglass/sightglass/internal/staticfile"
	"github.com/sightglass/sightglass/internal/store/postgres"
	"github.com/sightglass/sightglass/internal/store/sqlite"
)

// Server is a running (or ready to run) Sightglass server.
type Server struct {
	Config Config
	Store  sg.Store
	App    *app.App
	// Bootstrapped is what the first start created; nil on later starts.
	Bootstrapped *app.Bootstrapped

	log      *slog.Logger
	audit    *audit.Log // nil when --audit-log off
	console  *console.Console
	listener net.Listener
	http     *http.Server
	// pprof serves profiling endpoints on loopback (--pprof-listen); nil when off.
	pprofListener net.Listener
	pprof         *http.Server
	// metrics is nil unless --metrics-listen is given; it is then served
	// with the health checks on its own listener.
	metrics         *metrics.Metrics
	metricsListener net.Listener
	metricsServer   *http.Server
	// draining is set when shutdown starts: /readyz answers 503.
	draining atomic.Bool
	// peers relays cache invalidations between nodes on PostgreSQL; nil
	// on SQLite.
	peers *cacheSync
}

// Open opens the store, bootstraps it if empty, and listens on
// cfg.Listen (so a port conflict fails here, and ":0" picks a free port).
func Open(ctx context.Context, cfg Config, log *slog.Logger) (*Server, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	if log == nil {
		log = slog.Default()
	}
	store, err := OpenStore(ctx, cfg)
	if err != nil {
		return nil, err
	}
	s := &Server{Config: cfg, log: log}
	if cfg.MetricsListen != "" {
		s.metrics = newMetrics()
		store = s.metrics.InstrumentStore(store)
	}
	s.Store = store
	if s.audit, err = openAudit(cfg, log); err != nil {
		store.Close()
		return nil, err
	}
	opened := false
	defer func() {
		if !opened {
			s.audit.Close()
		}
	}()
	s.App = app.New(store, cfg.Region)
	s.App.Now = cfg.Now
	s.App.Audit, s.App.AuditErrorName = s.audit, awsapi.ErrorName
	s.App.Metrics = s.metrics
	if cfg.CacheTTL > 0 {
		s.App.SetSharedCacheTTL(cfg.CacheTTL)
	}
	if err := ConfigureData(ctx, s.App, &s.Config); err != nil {
		store.Close()
		return nil, err
	}
	if s.metrics != nil {
		registerScrapeCollectors(s.metrics, s.App)
	}
	// Ingestions left unfinished are retried when their leases expire
	// (by whichever node finds them); only their temporary files go now.
	s.App.RecoverIngestions(ctx)
	if n, err := s.App.ResumeDefinitionChecks(ctx); err != nil {
		store.Close()
		return nil, err
	} else if n > 0 {
		log.Info("resumed definition checks left unfinished by the previous run", "count", n)
	}
	staticHosts, err := source.ParseHostPolicy(cfg.StaticFileHosts)
	if err != nil {
		store.Close()
		return nil, fmt.Errorf("--static-file-hosts: %w", err)
	}
	if s.console, err = console.New(console.Config{StaticFiles: staticfile.New(staticHosts, cfg.StaticFilesDir), App: s.App, Logger: log, Now: cfg.Now, FailureRate: cfg.ConsoleFailureRate, FailureBurst: cfg.ConsoleFailureBurst, Metrics: s.metrics,
		UploadDir: filepath.Join(cfg.DataDir, "uploads-pending"), MaxUploadBytes: uploadLimit(cfg.HTTP.MaxUploadBody)}); err != nil {
		store.Close()
		return nil, err
	}
	if s.Bootstrapped, err = s.App.Bootstrap(ctx, cfg.AccountID); err != nil {
		store.Close()
		return nil, fmt.Errorf("bootstrap: %w", err)
	}
	if s.Bootstrapped != nil && cfg.SampleRows > 0 {
		if _, err := s.App.CreateSampleData(ctx, cfg.AccountID, cfg.SampleRows); err != nil {
			// The server is usable without it: say so and go on.
			log.Warn("creating the Sample sales data", "err", err)
		} else if err := s.App.CreateSampleContent(ctx, cfg.AccountID, s.Bootstrapped.User); err != nil {
			log.Warn("creating the sample analysis and dashboard", "err", err)
		}
	}
	if s.Bootstrapped != nil {
		if err := writeCredentials(filepath.Join(cfg.DataDir, "credentials"), s.Bootstrapped.AccessKey, cfg.Region); err != nil {
			store.Close()
			return nil, err
		}
	}
	ln, err := net.Listen("tcp", cfg.Listen)
	if err != nil {
		store.Close()
		return nil, err
	}
	if cfg.HTTP.MaxConnsPerClient > 0 {
		ln = newClientLimitListener(ln, cfg.HTTP.MaxConnsPerClient, log)
	}
	if cfg.TLS() {
		tlsCfg, err := s.tlsConfig()
		if err != nil {
			ln.Close()
			store.Close()
			return nil, err
		}
		ln = tls.NewListener(ln, tlsCfg)
	}
	s.listener = ln
	if cfg.PprofListen != "" {
		if s.pprofListener, s.pprof, err = listenPprof(cfg.PprofListen); err != nil {
			ln.Close()
			store.Close()
			return nil, err
		}
	}
	if cfg.MetricsListen != "" {
		if s.metricsListener, s.metricsServer, err = s.listenMetrics(cfg.MetricsListen); err != nil {
			ln.Close()
			if s.pprofListener != nil {
				s.pprofListener.Close()
			}
			store.Close()
			return nil, err
		}
	}
	s.peers = newCacheSync(metrics.Unwrap(store), s.App, s.metrics, log)
	if s.Config.PublicURL == "" {
		s.Config.PublicURL = s.URL()
	}
	s.http = &http.Server{
		Handler:           s.Handler(),
		ReadHeaderTimeout: cfg.HTTP.ReadHeaderTimeout,
		ReadTimeout:       cfg.HTTP.ReadTimeout,
		WriteTimeout:      cfg.HTTP.WriteTimeout,
		IdleTimeout:       cfg.HTTP.IdleTimeout,
		ErrorLog:          slog.NewLogLogger(log.Handler(), slog.LevelWarn),
	}
	opened = true
	return s, nil
}

// OpenStore opens PostgreSQL when a DSN is configured, else the SQLite file
// in the data directory.
func OpenStore(ctx context.Context, cfg Config) (sg.Store, error) {
	if cfg.Postgres != "" {
		return postgres.Open(ctx, cfg.Postgres)
	}
	if err := os.MkdirAll(cfg.DataDir, 0o700); err != nil {
		return nil, err
	}
	var opts []sqlite.Option
	if cfg.SQLiteSyncFull {
		opts = append(opts, sqlite.WithSyncFull())
	}
	return sqlite.Open(ctx, filepath.Join(cfg.DataDir, "sightglass.db"), opts...)
}

// Handler returns the server's HTTP handler.
func (s *Server) Handler() http.Handler {
	api := awsapi.New(awsapi.Config{
		App:           s.App,
		Region:        s.Config.Region,
		PublicURL:     s.Config.PublicURL,
		Logger:        s.log,
		ThrottleRate:  s.Config.ThrottleRate,
		ThrottleBurst: s.Config.ThrottleBurst,
		Now:           s.Config.Now,
		MaxBody:       s.Config.HTTP.MaxAPIBody,
		Audit:         s.audit,
		Metrics:       s.metrics,
	})
	// Not an http.ServeMux at the top: it would "clean" API paths (a user
	// named "." or a "//" in a base path) and answer with an HTML redirect.
	browser := http.NewServeMux()
	s.console.Register(browser)
	secured := limitBodyExcept(s.console.Secure(browser), s.Config.HTTP.MaxConsoleBody, uploadLimit(s.Config.HTTP.MaxUploadBody)+1<<20,
		func(r *http.Request) bool { return console.IsUploadPath(r.Method, r.URL.Path) })
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		p := r.URL.Path
		switch {
		case p == "/healthz" && r.Method == http.MethodGet:
			s.healthz(w, r)
		case p == "/readyz" && r.Method == http.MethodGet:
			s.readyz(w, r)
		case strings.HasPrefix(p, "/embedding/"), strings.HasPrefix(p, "/embed/"), p == "/login", strings.HasPrefix(p, "/invitation/"), strings.HasPrefix(p, "/views/"):
			if s.audit != nil {
				// Sign-ons and console changes are recorded with the client.
				r = r.WithContext(audit.NewContextWithClient(r.Context(), audit.Client{IP: remoteIP(r), UserAgent: r.UserAgent()}))
			}
			secured.ServeHTTP(w, r)
		case strings.HasPrefix(p, "/static/"), p == "/favicon.ico":
			secured.ServeHTTP(w, r)
		default:
			api.ServeHTTP(w, r)
		}
	})
}

// URL returns the address the server listens on, as a URL.
func (s *Server) URL() string {
	scheme := "http"
	if s.Config.TLS() {
		scheme = "https"
	}
	addr := s.listener.Addr().(*net.TCPAddr)
	host := addr.IP.String()
	if addr.IP.IsUnspecified() {
		host = "127.0.0.1"
	}
	if s.Config.TLSSelfSigned && addr.IP.IsLoopback() {
		host = "localhost"
	}
	return fmt.Sprintf("%s://%s", scheme, net.JoinHostPort(host, fmt.Sprint(addr.Port)))
}

// Serve serves until ctx is done, then shuts down gracefully: /readyz
// answers 503 at once; after Config.ShutdownDelay the listener stops
// accepting; requests in flight finish, for up to Config.ShutdownTimeout,
// after which their connections are cut; then the background work stops
// (running ingestions are recorded as failed, definition checks are
// cancelled and resume on the next start) and the store closes.
func (s *Server) Serve(ctx context.Context) error {
	errc := make(chan error, 1)
	go func() { errc <- s.http.Serve(s.listener) }()
	if s.pprof != nil {
		go s.pprof.Serve(s.pprofListener)
		defer s.pprof.Close()
	}
	if s.metricsServer != nil {
		go s.metricsServer.Serve(s.metricsListener)
	}
	s.App.StartJobs()
	bgCtx, stopBackground := context.WithCancel(context.Background())
	defer stopBackground()
	var loops sync.WaitGroup
	loops.Go(func() { s.purgeLoop(bgCtx) })
	if s.peers != nil {
		loops.Go(func() { s.peers.run(bgCtx) })
	}
	var err error
	select {
	case err = <-errc:
		s.draining.Store(true)
	case <-ctx.Done():
		s.drain()
	}
	if errors.Is(err, http.ErrServerClosed) {
		err = nil
	}
	stopBackground()
	loops.Wait()
	// Closing data-source connections can fail (a peer already gone):
	// worth a line in the log, not a failed shutdown.
	if cerr := s.App.Close(); cerr != nil {
		s.log.Warn("closing data source connections", "err", cerr)
	}
	if cerr := s.audit.Close(); cerr != nil {
		s.log.Warn("closing the audit log", "err", cerr)
	}
	if s.metricsServer != nil {
		s.metricsServer.Close()
	}
	if cerr := s.Store.Close(); err == nil {
		err = cerr
	}
	s.log.Info("sightglass stopped")
	return err
}

// Audit returns the server's audit log (nil when off).
func (s *Server) Audit() *audit.Log { return s.audit }

// drain stops the API and console listener gracefully.
func (s *Server) drain() {
	s.draining.Store(true)
	s.log.Info("shutting down: /readyz answers 503, draining requests", "delay", s.Config.ShutdownDelay, "timeout", s.Config.ShutdownTimeout)
	if d := s.Config.ShutdownDelay; d > 0 {
		time.Sleep(d)
	}
	ctx, cancel := context.WithTimeout(context.Background(), s.Config.ShutdownTimeout)
	defer cancel()
	if err := s.http.Shutdown(ctx); err != nil {
		// Connections still open after the grace period are cut.
		s.log.Warn("requests still running at the shutdown timeout were cut", "timeout", s.Config.ShutdownTimeout)
		s.http.Close()
	}
}

// Close stops a server that is not serving.
func (s *Server) Close() error {
	s.listener.Close()
	s.App.Close()
	s.audit.Close()
	if s.pprofListener != nil {
		s.pprofListener.Close()
	}
	if s.metricsListener != nil {
		s.metricsListener.Close()
	}
	return s.Store.Close()
}

// purgeInterval is how often expired codes and sessions are deleted.
const purgeInterval = time.Minute

// purgeLoop deletes expired embed codes and console sessions until ctx is
// done, so that neither table grows without bound.
func (s *Server) purgeLoop(ctx context.Context) {
	t := time.NewTicker(purgeInterval)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C:
			codes, sessions, err := s.App.PurgeExpired(ctx)
			if err != nil && ctx.Err() == nil {
				s.log.Error("purging expired codes and sessions", "err", err)
			} else if codes+sessions > 0 {
				s.log.Debug("purged expired", "codes", codes, "sessions", sessions)
			}
		}
	}
}

// uploadLimit is the bound of one uploaded file (0: the console's default).
func uploadLimit(n int64) int64 {
	if n <= 0 {
		return console.DefaultMaxUploadBytes
	}
	return n
}
