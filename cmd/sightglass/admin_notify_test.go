package main

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"io"
	"net/http"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/smithy-go"
	"github.com/jackc/pgx/v5"

	"github.com/sightglass/sightglass/internal/server"
)

// TestAdminChangeReachesServer: on PostgreSQL, an access key deleted by an
// admin command stops working on a running server at once, although the
// server caches credentials (for an hour here): the command announces the
// change on the cache channel.
func TestAdminChangeReachesServer(t *testing.T) {
	dsn := os.Getenv("SIGHTGLASS_TEST_POSTGRES")
	if dsn == "" {
		t.Skip("SIGHTGLASS_TEST_POSTGRES is not set")
	}
	db := freshDatabase(t, dsn)
	dir := t.TempDir()
	cfg := server.DefaultConfig()
	cfg.Listen, cfg.MetricsListen, cfg.DataDir, cfg.Postgres = "127.0.0.1:0", "127.0.0.1:0", dir, db
	cfg.SampleRows, cfg.ThrottleRate, cfg.CacheTTL = 0, 0, time.Hour
	ctx, cancel := context.WithCancel(context.Background())
	srv, err := server.Open(ctx, cfg, nil)
	if err != nil {
		cancel()
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Error(err)
		}
	})
	key := srv.Bootstrapped.AccessKey
	client := quicksight.New(quicksight.Options{
		Region: cfg.Region, BaseEndpoint: aws.String(srv.URL()), RetryMaxAttempts: 1,
		Credentials: credentials.NewStaticCredentialsProvider(key.AccessKeyID, key.SecretAccessKey, ""),
	})
	describe := func() error {
		_, err := client.DescribeUser(t.Context(), &quicksight.DescribeUserInput{AwsAccountId: aws.String(cfg.AccountID), Namespace: aws.String("default"), UserName: aws.String(srv.Bootstrapped.User.UserName)})
		return err
	}
	metric := func(series string) string {
		resp, err := http.Get(srv.MetricsURL() + "/metrics")
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		for _, line := range strings.Split(string(b), "\n") {
			if v, ok := strings.CutPrefix(line, series+" "); ok {
				return v
			}
		}
		t.Fatalf("no series %s", series)
		return ""
	}
	waitFor := func(what string, cond func() bool) {
		deadline := time.Now().Add(10 * time.Second)
		for !cond() {
			if time.Now().After(deadline) {
				t.Fatalf("still waiting for %s after 10s", what)
			}
			time.Sleep(5 * time.Millisecond)
		}
	}
	waitFor("the server to listen", func() bool { return metric("sightglass_cache_listener_connected") == "1" })
	if err := describe(); err != nil { // the key is now cached
		t.Fatal(err)
	}
	getenv := func(string) string { return "" }
	if err := run(t.Context(), []string{"admin", "delete-access-key", "--id", key.AccessKeyID, "--postgres", db, "--data-dir", dir}, getenv, io.Discard, io.Discard); err != nil {
		t.Fatal(err)
	}
	waitFor("the server to hear the change", func() bool {
		return metric(`sightglass_cache_invalidations_total{direction="received"}`) == "1"
	})
	var ae smithy.APIError
	if err := describe(); !errors.As(err, &ae) || ae.ErrorCode() != "UnrecognizedClientException" {
		t.Fatalf("DescribeUser with the deleted key: %v, want UnrecognizedClientException", err)
	}
}

// freshDatabase creates a database on the server of dsn, dropped when the
// test ends, and returns its DSN.
func freshDatabase(t *testing.T, dsn string) string {
	t.Helper()
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer conn.Close(ctx)
	b := make([]byte, 8)
	rand.Read(b)
	name := "sg_cmd_" + hex.EncodeToString(b)
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
		defer cancel()
		conn, err := pgx.Connect(ctx, dsn)
		if err != nil {
			t.Error(err)
			return
		}
		defer conn.Close(ctx)
		conn.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
	})
	u, err := url.Parse(dsn)
	if err != nil {
		t.Fatal(err)
	}
	u.Path = "/" + name
	return u.String()
}
