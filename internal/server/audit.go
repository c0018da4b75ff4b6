package server

import (
	"log/slog"
	"net"
	"net/http"
	"os"
	"path/filepath"

	"github.com/sightglass/sightglass/internal/audit"
)

// openAudit opens the audit log the configuration names: a file (rotated
// by size), standard output ("-"), or none ("off").
func openAudit(cfg Config, log *slog.Logger) (*audit.Log, error) {
	opts := audit.Options{Logger: log, Keep: cfg.AuditKeep, MaxBytes: int64(cfg.AuditMaxMB) << 20}
	switch cfg.AuditLog {
	case "off":
		return nil, nil
	case "-":
		opts.Writer = os.Stdout
	default:
		opts.Path = cfg.AuditLog
		if err := os.MkdirAll(filepath.Dir(opts.Path), 0o700); err != nil {
			return nil, err
		}
	}
	return audit.Open(opts)
}

// remoteIP is the peer address of r without its port.
func remoteIP(r *http.Request) string {
	host, _, err := net.SplitHostPort(r.RemoteAddr)
	if err != nil {
		return r.RemoteAddr
	}
	return host
}
