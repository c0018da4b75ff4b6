package main

import (
	"flag"
	"io"
	"strings"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/server"
)

// serveConfig parses serve's flags from args and env as serve does.
func serveConfig(t *testing.T, args []string, env map[string]string) (server.Config, error) {
	t.Helper()
	cfg := server.DefaultConfig()
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	serveFlags(fs, &cfg)
	if err := parse(fs, args, func(k string) string { return env[k] }, io.Discard); err != nil {
		t.Fatalf("parse: %v", err)
	}
	return cfg, cfg.Validate()
}

func TestNetworkFlags(t *testing.T) {
	cfg, err := serveConfig(t, []string{"--max-api-body", "1048576", "--read-timeout", "5s"}, map[string]string{
		"SIGHTGLASS_DATA_SOURCE_HOSTS":    "10.0.0.0/8, db.internal:5432",
		"SIGHTGLASS_READ_TIMEOUT":         "1h", // the flag wins
		"SIGHTGLASS_MAX_CONNS_PER_CLIENT": "0",
		"SIGHTGLASS_IDLE_TIMEOUT":         "30s",
	})
	if err != nil {
		t.Fatal(err)
	}
	want := server.DefaultHTTPLimits()
	want.MaxAPIBody, want.ReadTimeout, want.MaxConnsPerClient, want.IdleTimeout = 1<<20, 5*time.Second, 0, 30*time.Second
	if cfg.HTTP != want || cfg.DataSourceHosts != "10.0.0.0/8, db.internal:5432" {
		t.Fatalf("HTTP %+v, hosts %q; want %+v", cfg.HTTP, cfg.DataSourceHosts, want)
	}
	// By default no data-source host is allowed.
	if cfg, _ := serveConfig(t, nil, nil); cfg.DataSourceHosts != "" {
		t.Fatalf("default --data-source-hosts %q", cfg.DataSourceHosts)
	}
	for _, bad := range []struct {
		args []string
		want string
	}{
		{[]string{"--data-source-hosts", "10.0.0.0/33"}, "--data-source-hosts"},
		{[]string{"--read-timeout", "0s"}, "--read-timeout must be positive"},
		{[]string{"--max-conns-per-client", "-1"}, "--max-conns-per-client"},
		{[]string{"--max-console-body", "0"}, "--max-console-body"},
	} {
		if _, err := serveConfig(t, bad.args, nil); err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("%q: %v, want an error about %s", bad.args, err, bad.want)
		}
	}
}
