package main

import (
	"flag"
	"fmt"
	"io"
	"log/slog"
	"strings"

	"github.com/sightglass/sightglass/internal/server"
)

// storeFlags registers the flags that select the store and account; serve
// and admin both use them.
func storeFlags(fs *flag.FlagSet, c *server.Config) {
	fs.StringVar(&c.DataDir, "data-dir", c.DataDir, "directory for the SQLite store, the credentials file and a generated certificate")
	fs.StringVar(&c.Postgres, "postgres", c.Postgres, "PostgreSQL DSN (postgres://user@host:5432/db); empty: embedded SQLite in --data-dir")
	fs.StringVar(&c.Region, "region", c.Region, "the server's AWS region")
	fs.StringVar(&c.AccountID, "account", c.AccountID, "12-digit account id bootstrapped on an empty store (and the default account of admin commands)")
	fs.StringVar(&c.DataSourceDir, "data-source-dir", c.DataSourceDir, "directory of the SQLite files SQLITE data sources may read (default <data-dir>/sources)")
	fs.BoolVar(&c.SQLiteSyncFull, "sqlite-sync-full", c.SQLiteSyncFull, "make every SQLite commit durable across power loss (synchronous=FULL; much slower writes)")
}

// serveFlags registers the flags of sightglass serve.
func serveFlags(fs *flag.FlagSet, c *server.Config) {
	storeFlags(fs, c)
	fs.StringVar(&c.Listen, "listen", c.Listen, "address to listen on")
	fs.StringVar(&c.PublicURL, "public-url", c.PublicURL, "external base URL of this server, used in embed URLs (default: the listen address)")
	fs.StringVar(&c.TLSCert, "tls-cert", c.TLSCert, "PEM certificate file; serve HTTPS")
	fs.StringVar(&c.TLSKey, "tls-key", c.TLSKey, "PEM private key file for --tls-cert")
	fs.BoolVar(&c.TLSSelfSigned, "tls-self-signed", c.TLSSelfSigned, "serve HTTPS with a generated local certificate kept in --data-dir")
	fs.BoolVar(&c.TLSBehindProxy, "tls-behind-proxy", c.TLSBehindProxy, "TLS ends at a proxy: an https --public-url does not make this server serve HTTPS")
	fs.Float64Var(&c.ThrottleRate, "throttle-rate", c.ThrottleRate, "API requests per second allowed per account (0 disables throttling)")
	fs.Float64Var(&c.ThrottleBurst, "throttle-burst", c.ThrottleBurst, "API request burst allowed per account")
	fs.Float64Var(&c.ConsoleFailureRate, "console-failure-rate", c.ConsoleFailureRate, "failed console sign-ons and session checks allowed per client address per minute (0: default 30)")
	fs.Float64Var(&c.ConsoleFailureBurst, "console-failure-burst", c.ConsoleFailureBurst, "burst of failed console sign-ons and session checks per client address (with --console-failure-rate)")
	fs.IntVar(&c.SampleRows, "sample-rows", c.SampleRows, "orders in the \"Sample sales\" data source and dataset a first start creates (0: none)")
	fs.TextVar(&c.LogLevel, "log-level", c.LogLevel, "log level: debug, info, warn or error")
	fs.StringVar(&c.AuditLog, "audit-log", c.AuditLog, "audit log file (JSON lines): default <data-dir>/audit.log; - for standard output; off to disable")
	fs.IntVar(&c.AuditMaxMB, "audit-log-max-mb", c.AuditMaxMB, "rotate the audit log file at this size in MiB (0: never)")
	fs.IntVar(&c.AuditKeep, "audit-log-keep", c.AuditKeep, "rotated audit log files kept (audit.log.1 … audit.log.N)")
	fs.Int64Var(&c.IngestionMaxRows, "ingestion-max-rows", c.IngestionMaxRows, "rows one SPICE ingestion may import; past them it fails (DATA_SET_SIZE_LIMIT_EXCEEDED)")
	fs.Int64Var(&c.IngestionMaxBytes, "ingestion-max-bytes", c.IngestionMaxBytes, "logical bytes one SPICE ingestion may import (8 per number, date or boolean, 8 plus the length per text); past them it fails (DATA_SET_SIZE_LIMIT_EXCEEDED)")
	fs.Int64Var(&c.SPICECapacityBytes, "spice-capacity-bytes", c.SPICECapacityBytes, "each account's SPICE capacity: logical bytes its datasets' SPICE copies may take together; an ingestion past it fails (ACCOUNT_CAPACITY_LIMIT_EXCEEDED)")
	fs.IntVar(&c.IngestionConcurrency, "ingestion-concurrency", c.IngestionConcurrency, "SPICE ingestions this node runs at once (0: 2); further ones wait QUEUED")
	fs.IntVar(&c.IngestionQueue, "ingestion-queue", c.IngestionQueue, "SPICE ingestions this node holds, running or queued (0: 64); past them CreateIngestion is refused (LimitExceededException)")
	fs.DurationVar(&c.IngestionTimeout, "ingestion-timeout", c.IngestionTimeout, "wall time one SPICE ingestion may run; past it it fails (QUERY_TIMEOUT)")
	fs.DurationVar(&c.IngestionLease, "ingestion-lease", c.IngestionLease, "lease a node holds on a running ingestion, renewed every third of it; after a node dies another retries its ingestions within about this long")
	fs.DurationVar(&c.ScheduleTick, "schedule-tick", c.ScheduleTick, "how often a node looks for due refresh schedule runs")
	fs.Int64Var(&c.SPICECacheBytes, "spice-cache-bytes", c.SPICECacheBytes, "bytes of SPICE copies a node keeps on its disk when they come from the PostgreSQL store (least recently used go first)")
	fs.StringVar(&c.MetricsListen, "metrics-listen", c.MetricsListen, "serve Prometheus metrics (/metrics) and the health checks (/healthz, /readyz) on this address, e.g. 127.0.0.1:9090; empty: off")
	fs.DurationVar(&c.ShutdownTimeout, "shutdown-timeout", c.ShutdownTimeout, "on SIGTERM or SIGINT, how long requests in flight may take to finish before their connections are cut")
	fs.DurationVar(&c.ShutdownDelay, "shutdown-delay", c.ShutdownDelay, "on SIGTERM or SIGINT, how long to keep accepting requests after /readyz turned 503 (for load balancers to notice)")
	fs.StringVar(&c.PprofListen, "pprof-listen", c.PprofListen, "serve Go profiling endpoints (/debug/pprof/) on this loopback address, e.g. 127.0.0.1:6060; empty: off")
	fs.StringVar(&c.StaticFileHosts, "static-file-hosts", c.StaticFileHosts, "hosts whose http(s) URLs the static files of definitions (a layer map's GeoJSON) may be fetched from, in the syntax of --data-source-hosts; empty: none")
	fs.StringVar(&c.StaticFilesDir, "static-files-dir", c.StaticFilesDir, "directory holding copies of the S3 objects static files of definitions name, as <bucket>/<key>; empty: none")
	fs.StringVar(&c.DataSourceHosts, "data-source-hosts", c.DataSourceHosts, "hosts PostgreSQL and MySQL/MariaDB data sources may connect to: comma-separated host names, IP addresses and CIDR networks, each optionally with :port (e.g. 10.1.0.0/16:5432,db.internal); empty: none")
	httpFlags(fs, &c.HTTP)
}

// httpFlags registers the HTTP server's limits.
func httpFlags(fs *flag.FlagSet, l *server.HTTPLimits) {
	fs.DurationVar(&l.ReadHeaderTimeout, "read-header-timeout", l.ReadHeaderTimeout, "time a client has to send a request's headers")
	fs.DurationVar(&l.ReadTimeout, "read-timeout", l.ReadTimeout, "time a client has to send a whole request, body included")
	fs.DurationVar(&l.WriteTimeout, "write-timeout", l.WriteTimeout, "time from a request's headers to the end of its response")
	fs.DurationVar(&l.IdleTimeout, "idle-timeout", l.IdleTimeout, "time an idle kept-alive connection stays open")
	fs.IntVar(&l.MaxConnsPerClient, "max-conns-per-client", l.MaxConnsPerClient, "open connections allowed per client address (IPv4 address, IPv6 /64); 0: no limit (behind a proxy every connection comes from the proxy)")
	fs.Int64Var(&l.MaxAPIBody, "max-api-body", l.MaxAPIBody, "largest API request body, in bytes (larger: 413 RequestEntityTooLargeException)")
	fs.Int64Var(&l.MaxConsoleBody, "max-console-body", l.MaxConsoleBody, "largest console request body, in bytes")
	fs.Int64Var(&l.MaxUploadBody, "max-upload-body", l.MaxUploadBody, "largest file the console's upload accepts, in bytes (streamed to disk)")
}

// envName returns the environment variable of a flag: data-dir → SIGHTGLASS_DATA_DIR.
func envName(flagName string) string {
	return "SIGHTGLASS_" + strings.ToUpper(strings.ReplaceAll(flagName, "-", "_"))
}

// parse parses args; flags not given on the command line take their
// SIGHTGLASS_* environment value when set.
func parse(fs *flag.FlagSet, args []string, getenv func(string) string, stderr io.Writer) error {
	fs.SetOutput(stderr)
	fs.Usage = func() {
		fmt.Fprintf(stderr, "usage: sightglass %s [flags]\n\nEvery flag can also be set as SIGHTGLASS_<FLAG> (e.g. --data-dir as SIGHTGLASS_DATA_DIR).\n\n", fs.Name())
		fs.PrintDefaults()
	}
	if err := fs.Parse(args); err != nil {
		return err
	}
	given := map[string]bool{}
	fs.Visit(func(f *flag.Flag) { given[f.Name] = true })
	var err error
	fs.VisitAll(func(f *flag.Flag) {
		if given[f.Name] || err != nil {
			return
		}
		if v := getenv(envName(f.Name)); v != "" {
			if e := f.Value.Set(v); e != nil {
				err = fmt.Errorf("%s=%q: %v", envName(f.Name), v, e)
			}
		}
	})
	return err
}

func newLogger(w io.Writer, level slog.Level) *slog.Logger {
	return slog.New(slog.NewTextHandler(w, &slog.HandlerOptions{Level: level}))
}
