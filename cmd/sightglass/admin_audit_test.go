package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/sightglass/sightglass/internal/audit"
)

// writeAuditLog writes records into dir/audit.log (one rotated file too).
func writeAuditLog(t *testing.T, dir string) {
	t.Helper()
	at := func(s int) time.Time { return time.Date(2026, 3, 1, 10, 0, s, 0, time.UTC) }
	alice := audit.Identity{Type: audit.IdentityIAMUser, ARN: "arn:aws:iam::123456789012:user/alice", UserName: "alice", AccessKeyID: "AKIAALICE"}
	bob := audit.Identity{Type: audit.IdentityQuickSight, ARN: "arn:aws:quicksight:us-east-1:123456789012:user/default/bob", UserName: "bob"}
	write := func(path string, events ...*audit.Event) {
		l, err := audit.Open(audit.Options{Path: path})
		if err != nil {
			t.Fatal(err)
		}
		for _, e := range events {
			l.Record(e)
		}
		if err := l.Close(); err != nil {
			t.Fatal(err)
		}
	}
	p := filepath.Join(dir, "audit.log")
	write(p+".1",
		&audit.Event{EventTime: at(1), EventName: "DescribeUser", UserIdentity: alice, SourceIPAddress: "10.0.0.1", RequestParameters: map[string]any{"userName": "alice", "awsAccountId": "123456789012"}},
	)
	write(p,
		&audit.Event{EventTime: at(2), EventName: "CreateDataSource", UserIdentity: alice, SourceIPAddress: "10.0.0.1", ErrorCode: "AccessDeniedException"},
		&audit.Event{EventTime: at(3), EventName: "ConsoleSignOn", UserIdentity: bob, SourceIPAddress: "10.0.0.2"},
	)
}

func runAdmin(t *testing.T, args ...string) (string, string, error) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	err := run(context.Background(), append([]string{"admin"}, args...), func(string) string { return "" }, &stdout, &stderr)
	return stdout.String(), stderr.String(), err
}

func TestAdminAudit(t *testing.T) {
	dir := t.TempDir()
	writeAuditLog(t, dir)
	events := func(args ...string) []string {
		t.Helper()
		out, _, err := runAdmin(t, append([]string{"audit", "--data-dir", dir, "--output", "json"}, args...)...)
		if err != nil {
			t.Fatal(err)
		}
		var names []string
		for line := range strings.Lines(out) {
			e, err := audit.ParseLine([]byte(line))
			if err != nil {
				t.Fatalf("output line %q: %v", line, err)
			}
			names = append(names, e.EventName)
		}
		return names
	}
	for _, tc := range []struct {
		args []string
		want string
	}{
		{nil, "DescribeUser CreateDataSource ConsoleSignOn"}, // rotated file first
		{[]string{"--event-name", "ConsoleSignOn"}, "ConsoleSignOn"},
		{[]string{"--user", "alice"}, "DescribeUser CreateDataSource"},
		{[]string{"--user", "arn:aws:quicksight:us-east-1:123456789012:user/default/bob"}, "ConsoleSignOn"},
		{[]string{"--error-only"}, "CreateDataSource"},
		{[]string{"--source-ip", "10.0.0.2"}, "ConsoleSignOn"},
		{[]string{"--since", "2026-03-01T10:00:02Z"}, "CreateDataSource ConsoleSignOn"},
		{[]string{"--until", "2026-03-01T10:00:02Z"}, "DescribeUser"},
		{[]string{"--since", "1h"}, ""},
	} {
		if got := strings.Join(events(tc.args...), " "); got != tc.want {
			t.Errorf("audit %q: %q, want %q", tc.args, got, tc.want)
		}
	}

	out, _, err := runAdmin(t, "audit", "--audit-log", filepath.Join(dir, "audit.log"), "--user", "alice")
	if err != nil {
		t.Fatal(err)
	}
	want := "TIME                  EVENT             USER                                  SOURCE IP  RESULT                 PARAMETERS\n" +
		"2026-03-01T10:00:01Z  DescribeUser      arn:aws:iam::123456789012:user/alice  10.0.0.1   OK                     awsAccountId=123456789012 userName=alice\n" +
		"2026-03-01T10:00:02Z  CreateDataSource  arn:aws:iam::123456789012:user/alice  10.0.0.1   AccessDeniedException  -\n"
	if out != want {
		t.Errorf("table:\n%s\nwant:\n%s", out, want)
	}

	for _, args := range [][]string{
		{"audit", "--data-dir", dir, "--since", "yesterday"},
		{"audit", "--data-dir", dir, "--output", "xml"},
		{"audit", "--audit-log", "off"},
		{"audit", "--data-dir", t.TempDir()},
	} {
		if _, _, err := runAdmin(t, args...); err == nil {
			t.Errorf("admin %q: no error", args)
		}
	}
}

func TestAdminBackupRefusals(t *testing.T) {
	_, _, err := runAdmin(t, "backup", "--postgres", "postgres://127.0.0.1:1/x", "--to", t.TempDir())
	if err != errPostgresBackup {
		t.Errorf("backup of a PostgreSQL store: %v", err)
	}
	if _, _, err := runAdmin(t, "backup", "--data-dir", t.TempDir()); err == nil || !strings.Contains(err.Error(), "--to is required") {
		t.Errorf("backup without --to: %v", err)
	}
	full := t.TempDir()
	if err := os.WriteFile(filepath.Join(full, "x"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	if _, _, err := runAdmin(t, "backup", "--data-dir", t.TempDir(), "--to", full); err == nil || !strings.Contains(err.Error(), "not empty") {
		t.Errorf("backup into a non-empty directory: %v", err)
	}
	if _, _, err := runAdmin(t, "restore", "--from", t.TempDir(), "--data-dir", filepath.Join(t.TempDir(), "new")); err == nil || !strings.Contains(err.Error(), "manifest.json") {
		t.Errorf("restore from a directory without a manifest: %v", err)
	}
}
