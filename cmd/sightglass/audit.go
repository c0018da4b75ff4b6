package main

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/sightglass/sightglass/internal/audit"
	"github.com/sightglass/sightglass/internal/server"
)

// adminAudit prints the audit log's records that pass the filters, oldest
// first, reading the rotated files too. It needs no store.
func adminAudit(_ context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	cfg := server.DefaultConfig()
	fs := flag.NewFlagSet("admin audit", flag.ContinueOnError)
	fs.StringVar(&cfg.DataDir, "data-dir", cfg.DataDir, "the server's data directory (its audit.log is read)")
	fs.StringVar(&cfg.AuditLog, "audit-log", "", "audit log file (default <data-dir>/audit.log)")
	var since, until, output string
	var f audit.Filter
	fs.StringVar(&since, "since", "", "records at or after this time: RFC 3339 (2026-01-02T15:04:05Z) or a duration back from now (1h)")
	fs.StringVar(&until, "until", "", "records before this time (same forms as --since)")
	fs.StringVar(&f.EventName, "event-name", "", "only this operation (DescribeUser, ConsoleSignOn, CreateFavorite, …)")
	fs.StringVar(&f.User, "user", "", "only this identity: an ARN, or a user, role-session or QuickSight user name")
	fs.BoolVar(&f.ErrorOnly, "error-only", false, "only records with an errorCode")
	fs.StringVar(&f.SourceIP, "source-ip", "", "only requests from this address")
	fs.StringVar(&output, "output", "table", "table or json (one record per line, as stored)")
	if err := parse(fs, args, getenv, stderr); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("admin audit: unexpected arguments %q", fs.Args())
	}
	now := time.Now()
	var err error
	if f.Since, err = parseWhen(since, now); err != nil {
		return fmt.Errorf("admin audit: --since: %w", err)
	}
	if f.Until, err = parseWhen(until, now); err != nil {
		return fmt.Errorf("admin audit: --until: %w", err)
	}
	if output != "table" && output != "json" {
		return fmt.Errorf("admin audit: --output must be table or json, not %q", output)
	}
	path := cfg.AuditLog
	switch path {
	case "":
		path = filepath.Join(cfg.DataDir, "audit.log")
	case "-", "off":
		return fmt.Errorf("admin audit: --audit-log %s has no file to read", path)
	}
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("admin audit: %w", err)
	}

	var emit func(*audit.Event) error
	var tw *tabwriter.Writer
	if output == "json" {
		enc := json.NewEncoder(stdout)
		emit = func(e *audit.Event) error { return enc.Encode(e) }
	} else {
		tw = tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
		fmt.Fprintln(tw, "TIME\tEVENT\tUSER\tSOURCE IP\tRESULT\tPARAMETERS")
		emit = func(e *audit.Event) error {
			_, err := fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", e.EventTime.UTC().Format(time.RFC3339), e.EventName,
				tableUser(&e.UserIdentity), e.SourceIPAddress, tableResult(e), tableParams(e.RequestParameters))
			return err
		}
	}
	for _, file := range audit.Files(path) {
		r, err := os.Open(file)
		if errors.Is(err, os.ErrNotExist) {
			continue // rotated away while we read
		} else if err != nil {
			return err
		}
		err = audit.Scan(r, &f, emit, func(line int, err error) {
			fmt.Fprintf(stderr, "%s:%d: skipped, not an audit record: %v\n", file, line, err)
		})
		r.Close()
		if err != nil {
			return fmt.Errorf("%s: %w", file, err)
		}
	}
	if tw != nil {
		return tw.Flush()
	}
	return nil
}

// parseWhen parses an RFC 3339 time or a duration before now; "" is zero.
func parseWhen(s string, now time.Time) (time.Time, error) {
	if s == "" {
		return time.Time{}, nil
	}
	if d, err := time.ParseDuration(s); err == nil {
		if d < 0 {
			return time.Time{}, fmt.Errorf("%q: a duration back from now must not be negative", s)
		}
		return now.Add(-d), nil
	}
	t, err := time.Parse(time.RFC3339, s)
	if err != nil {
		return time.Time{}, fmt.Errorf("%q is neither an RFC 3339 time nor a duration", s)
	}
	return t, nil
}

func tableUser(id *audit.Identity) string {
	switch {
	case id.ARN != "":
		return id.ARN
	case id.AccessKeyID != "":
		return id.Type + " (" + id.AccessKeyID + ")"
	}
	return id.Type
}

func tableResult(e *audit.Event) string {
	if e.ErrorCode != "" {
		return e.ErrorCode
	}
	return "OK"
}

// tableParams renders requestParameters as k=v pairs in key order.
func tableParams(p map[string]any) string {
	if len(p) == 0 {
		return "-"
	}
	keys := make([]string, 0, len(p))
	for k := range p {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	var b strings.Builder
	for i, k := range keys {
		if i > 0 {
			b.WriteByte(' ')
		}
		fmt.Fprintf(&b, "%s=%v", k, p[k])
	}
	return b.String()
}
