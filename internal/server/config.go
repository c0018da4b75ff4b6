package server

import (
	"errors"
	"fmt"
	"log/slog"
	"net"
	"net/url"
	"path/filepath"
	"strings"
	"time"

	"github.com/sightglass/sightglass/internal/app"
	"github.com/sightglass/sightglass/internal/query/source"
	"github.com/sightglass/sightglass/internal/sampledata"
)

// Config is everything a Sightglass server is configured with. The command
// line fills it from flags and SIGHTGLASS_* environment variables.
type Config struct {
	Listen    string // address to listen on
	DataDir   string // SQLite store, credentials file, generated certificate
	Region    string
	PublicURL string // base of embed URLs; default from Listen and TLS
	// DataSourceDir is the operator directory SQLITE data sources name
	// their files in; empty means <DataDir>/sources.
	DataSourceDir string
	// DataSourceHosts lists the hosts PostgreSQL and MySQL data sources
	// may connect to: host names, IP addresses and CIDR networks, each
	// optionally with :port, comma-separated. Empty allows none (SQLITE
	// data sources, which are files, are not affected).
	DataSourceHosts string
	// StaticFileHosts lists the hosts whose URLs the static files of
	// definitions (a layer map's GeoJSON) may be fetched from, in the
	// syntax of DataSourceHosts. Empty allows none.
	StaticFileHosts string
	// StaticFilesDir holds copies of the S3 objects static files name,
	// as <bucket>/<key>; empty reads none.
	StaticFilesDir string
	// SampleRows is the size of the "Sample sales" data a first start
	// creates; 0 creates none.
	SampleRows int
	// SecretKey seals data-source credentials (base64 or hex, 32 bytes;
	// from SIGHTGLASS_SECRET_KEY). Empty means the key file
	// <DataDir>/secret.key, created on first use.
	SecretKey string `json:"-"`
	// Postgres is a PostgreSQL DSN; empty means the embedded SQLite store.
	Postgres string `json:"-"`
	// TLSCert and TLSKey are PEM files; TLSSelfSigned generates a local
	// certificate in the data directory instead.
	TLSCert       string
	TLSKey        string
	TLSSelfSigned bool
	// TLSBehindProxy says TLS ends at a proxy in front of the server, so
	// an https --public-url does not make the server itself serve TLS.
	TLSBehindProxy bool
	// AccountID is the account bootstrapped on an empty store.
	AccountID string
	// ThrottleRate and ThrottleBurst configure each account's token
	// bucket on the API; a zero rate disables throttling.
	ThrottleRate  float64
	ThrottleBurst float64
	// ConsoleFailureRate and ConsoleFailureBurst bound failed console
	// sign-ons and session checks per client address (per minute, burst);
	// a zero rate means the console's default (30/min, burst 60).
	ConsoleFailureRate  float64
	ConsoleFailureBurst float64
	// SQLiteSyncFull makes every SQLite commit durable across power loss
	// (synchronous=FULL) at a large cost in write throughput.
	SQLiteSyncFull bool
	LogLevel       slog.Level
	// PprofListen, when set, serves Go's profiling endpoints on this
	// loopback address (never on the network). Empty: off.
	PprofListen string
	// HTTP holds the HTTP server's time, connection and body limits.
	HTTP HTTPLimits
	// IngestionMaxRows, IngestionMaxBytes and IngestionTimeout bound each
	// SPICE ingestion: the rows it imports, their logical size and its
	// wall time. Past one, it ends FAILED.
	IngestionMaxRows  int64
	IngestionMaxBytes int64
	IngestionTimeout  time.Duration
	// IngestionConcurrency ingestions run at once on this node, further
	// ones wait QUEUED; IngestionQueue bounds those it holds (0: the
	// defaults of package app).
	IngestionConcurrency, IngestionQueue int
	// IngestionLease is how long a node's lease on a running ingestion
	// lasts unless renewed: after a node dies, another retries its
	// ingestions within about this long.
	IngestionLease time.Duration
	// ScheduleTick is how often a node looks for due refresh runs.
	ScheduleTick time.Duration
	// SPICECacheBytes bounds each node's local copies of SPICE artifacts
	// fetched from the PostgreSQL store.
	SPICECacheBytes int64
	// SPICECapacityBytes is each account's SPICE capacity: what its
	// datasets' SPICE copies may take together (logical size).
	SPICECapacityBytes int64

	// AuditLog is the audit log file: empty means <DataDir>/audit.log,
	// "-" standard output, "off" no audit log.
	AuditLog string
	// AuditMaxMB rotates the audit log file at this size (MiB; 0: never);
	// AuditKeep rotated files are kept.
	AuditMaxMB int
	AuditKeep  int
	// MetricsListen, when set, serves Prometheus metrics (/metrics) and the
	// health checks (/healthz, /readyz) on this address. Empty: off.
	MetricsListen string
	// ShutdownTimeout bounds how long a stopping server waits for
	// requests in flight before it cuts their connections.
	ShutdownTimeout time.Duration
	// ShutdownDelay is how long a stopping server keeps accepting
	// requests after /readyz turned 503, so that load balancers stop
	// sending new ones first. Zero: stop accepting at once.
	ShutdownDelay time.Duration
	// CacheTTL, when set, replaces the lifetimes of the caches that other
	// nodes' changes invalidate (users, accounts, credentials, content
	// lists): tests set it long to show that invalidations arrive by
	// PostgreSQL NOTIFY. Zero: the defaults (1–2 s).
	CacheTTL time.Duration `json:"-"`

	// Now is the clock (tests inject one); nil means time.Now.
	Now func() time.Time `json:"-"`
}

// DefaultConfig returns the defaults.
func DefaultConfig() Config {
	return Config{
		Listen:             "127.0.0.1:8080",
		DataDir:            "./data",
		Region:             "us-east-1",
		AccountID:          "123456789012",
		SampleRows:         sampledata.DefaultRows,
		ThrottleRate:       2000,
		ThrottleBurst:      4000,
		LogLevel:           slog.LevelInfo,
		AuditMaxMB:         100,
		AuditKeep:          5,
		HTTP:               DefaultHTTPLimits(),
		IngestionMaxRows:   app.DefaultIngestionMaxRows,
		IngestionMaxBytes:  app.DefaultIngestionMaxBytes,
		IngestionTimeout:   app.DefaultIngestionTimeout,
		IngestionLease:     app.DefaultLeaseTTL,
		ScheduleTick:       app.DefaultScheduleTick,
		SPICECacheBytes:    app.DefaultSPICECacheBytes,
		SPICECapacityBytes: app.DefaultSPICECapacity,
		ShutdownTimeout:    20 * time.Second,
	}
}

// TLS reports whether the server serves HTTPS.
func (c *Config) TLS() bool { return c.TLSSelfSigned || c.TLSCert != "" }

// Validate checks the configuration and fills derived defaults.
func (c *Config) Validate() error {
	var errs []error
	if _, _, err := net.SplitHostPort(c.Listen); err != nil {
		errs = append(errs, fmt.Errorf("--listen %q: %v", c.Listen, err))
	}
	if c.DataDir == "" {
		errs = append(errs, errors.New("--data-dir must not be empty"))
	}
	if c.DataSourceDir == "" && c.DataDir != "" {
		c.DataSourceDir = filepath.Join(c.DataDir, "sources")
	}
	if c.Region == "" {
		errs = append(errs, errors.New("--region must not be empty"))
	}
	if len(c.AccountID) != 12 || strings.Trim(c.AccountID, "0123456789") != "" {
		errs = append(errs, fmt.Errorf("--account %q must be 12 digits", c.AccountID))
	}
	if (c.TLSCert == "") != (c.TLSKey == "") {
		errs = append(errs, errors.New("--tls-cert and --tls-key go together"))
	}
	if c.TLSCert != "" && c.TLSSelfSigned {
		errs = append(errs, errors.New("--tls-self-signed cannot be combined with --tls-cert"))
	}
	if c.AuditLog == "" && c.DataDir != "" {
		c.AuditLog = filepath.Join(c.DataDir, "audit.log")
	}
	if c.AuditMaxMB < 0 || c.AuditKeep < 0 || c.AuditKeep > 100 {
		errs = append(errs, errors.New("--audit-log-max-mb must not be negative and --audit-log-keep must be 0 to 100"))
	}
	if c.SampleRows < 0 {
		errs = append(errs, errors.New("--sample-rows must not be negative"))
	}
	if c.ThrottleRate < 0 || c.ThrottleBurst < 0 {
		errs = append(errs, errors.New("--throttle-rate and --throttle-burst must not be negative"))
	}
	if c.ConsoleFailureRate < 0 || c.ConsoleFailureBurst < 0 {
		errs = append(errs, errors.New("--console-failure-rate and --console-failure-burst must not be negative"))
	}
	if _, err := source.ParseHostPolicy(c.DataSourceHosts); err != nil {
		errs = append(errs, fmt.Errorf("--data-source-hosts: %v", err))
	}
	if _, err := source.ParseHostPolicy(c.StaticFileHosts); err != nil {
		errs = append(errs, fmt.Errorf("--static-file-hosts: %v", err))
	}
	errs = append(errs, c.HTTP.validate()...)
	if c.IngestionMaxRows <= 0 || c.IngestionMaxBytes <= 0 || c.IngestionTimeout <= 0 || c.SPICECapacityBytes <= 0 {
		errs = append(errs, errors.New("--ingestion-max-rows, --ingestion-max-bytes, --ingestion-timeout and --spice-capacity-bytes must be positive"))
	}
	if c.IngestionLease < 300*time.Millisecond || c.ScheduleTick <= 0 || c.SPICECacheBytes <= 0 {
		errs = append(errs, errors.New("--ingestion-lease must be at least 300ms, and --schedule-tick and --spice-cache-bytes positive"))
	}
	if c.PprofListen != "" {
		if err := checkLoopback(c.PprofListen); err != nil {
			errs = append(errs, err)
		}
	}
	if c.MetricsListen != "" {
		if _, _, err := net.SplitHostPort(c.MetricsListen); err != nil {
			errs = append(errs, fmt.Errorf("--metrics-listen %q: %v", c.MetricsListen, err))
		}
	}
	if c.ShutdownTimeout <= 0 {
		errs = append(errs, errors.New("--shutdown-timeout must be positive"))
	}
	if c.ShutdownDelay < 0 {
		errs = append(errs, errors.New("--shutdown-delay must not be negative"))
	}
	if c.PublicURL != "" {
		u, err := url.Parse(c.PublicURL)
		if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.RawQuery != "" || u.Fragment != "" {
			errs = append(errs, fmt.Errorf("--public-url %q must be an absolute http or https URL without query or fragment", c.PublicURL))
		}
		c.PublicURL = strings.TrimSuffix(c.PublicURL, "/")
		// The embedding SDK accepts only https embed URLs, so an https
		// public URL makes the server speak TLS (generating a local
		// certificate unless one is given).
		if u != nil && u.Scheme == "https" && !c.TLS() && !c.TLSBehindProxy {
			c.TLSSelfSigned = true
		}
	}
	return errors.Join(errs...)
}
