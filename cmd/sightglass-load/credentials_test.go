package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

func TestLoadCredentialsFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "credentials")
	content := "# comment\n[other]\naws_access_key_id = AKIDOTHER\naws_secret_access_key = other\n\n" +
		"[default]\naws_access_key_id = AKIDEXAMPLE\n; comment\nAWS_SECRET_ACCESS_KEY=wJal/r+XK==\nregion = eu-west-1\n"
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		t.Fatal(err)
	}
	c, region, err := loadCredentials(path, "default", noEnv)
	if err != nil {
		t.Fatal(err)
	}
	if c.AccessKeyID != "AKIDEXAMPLE" || c.SecretAccessKey != "wJal/r+XK==" || region != "eu-west-1" {
		t.Errorf("got %q %q %q", c.AccessKeyID, c.SecretAccessKey, region)
	}
	if c, _, err := loadCredentials(path, "other", noEnv); err != nil || c.AccessKeyID != "AKIDOTHER" {
		t.Errorf("profile other: %v %q", err, c.AccessKeyID)
	}
	if _, _, err := loadCredentials(path, "missing", noEnv); err == nil || !strings.Contains(err.Error(), "no profile [missing]") {
		t.Errorf("missing profile: %v", err)
	}
}

func TestLoadCredentialsEnv(t *testing.T) {
	env := map[string]string{"AWS_ACCESS_KEY_ID": "AKID", "AWS_SECRET_ACCESS_KEY": "s", "AWS_SESSION_TOKEN": "tok"}
	c, _, err := loadCredentials("", "default", func(k string) string { return env[k] })
	if err != nil || c.AccessKeyID != "AKID" || c.SessionToken != "tok" {
		t.Errorf("got %+v, %v", c, err)
	}
	if _, _, err := loadCredentials("", "default", noEnv); err == nil {
		t.Error("no credentials accepted")
	}
}

func noEnv(string) string { return "" }

func TestParseProc(t *testing.T) {
	status := []byte("Name:\tsg\nVmPeak:\t  999 kB\nVmRSS:\t   35840 kB\nThreads:\t9\n")
	if rss, err := parseVmRSS(status); err != nil || rss != 35840*1024 {
		t.Errorf("VmRSS = %d, %v", rss, err)
	}
	// A command name with spaces and a ')' must not shift the fields.
	stat := []byte("4242 (sg (x) y) S 1 4242 4242 0 -1 4194560 1000 0 0 0 250 50 0 0 20 0 9 0 100 0 0")
	if cpu, err := parseCPU(stat); err != nil || cpu != 3*time.Second {
		t.Errorf("cpu = %v, %v; want 3s", cpu, err)
	}
	if _, err := readProc(0); err != nil {
		t.Skipf("no procfs here: %v", err)
	}
}

func TestFlagsBounded(t *testing.T) {
	var sink strings.Builder
	if _, err := parseFlags([]string{"--endpoint", "http://127.0.0.1:1", "--duration", "0"}, noEnv, &sink); err == nil {
		t.Error("a run without --duration or --requests was accepted")
	}
	c, err := parseFlags([]string{"--endpoint", "http://127.0.0.1:1", "--duration", "0", "--requests", "5"}, noEnv, &sink)
	if err != nil || c.Requests != 5 {
		t.Errorf("count-bounded run: %v", err)
	}
	if _, err := parseFlags([]string{"--endpoint", "ftp://x"}, noEnv, &sink); err == nil {
		t.Error("ftp endpoint accepted")
	}
}
