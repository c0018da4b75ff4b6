package source_test

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/sightglass/sightglass/internal/query/source"
)

// wantConnectError checks that err is a *ConnectError of type typ whose
// message does not reveal password.
func wantConnectError(t *testing.T, err error, typ, password string) {
	t.Helper()
	var ce *source.ConnectError
	if !errors.As(err, &ce) {
		t.Fatalf("Test = %v (%T), want a *ConnectError of type %s", err, err, typ)
	}
	if ce.Type != typ {
		t.Fatalf("Test = %s %q, want type %s", ce.Type, ce.Message, typ)
	}
	if ce.Message == "" {
		t.Fatal("empty message")
	}
	t.Logf("%s: %s", ce.Type, ce.Message)
	if password != "" && strings.Contains(ce.Message, password) {
		t.Fatalf("message %q reveals the password", ce.Message)
	}
}

// loopback is the options of a server whose operator allows data sources
// on this host only, as the tests' databases are.
func loopback(t testing.TB) source.Options {
	t.Helper()
	h, err := source.ParseHostPolicy("127.0.0.0/8, ::1, localhost")
	if err != nil {
		t.Fatal(err)
	}
	return source.Options{Hosts: h}
}

func TestConnect(t *testing.T) {
	ctx := context.Background()
	forEachEngine(t, func(t *testing.T, e engine) {
		if err := source.Test(ctx, e.params, loopback(t)); err != nil {
			t.Fatalf("Test: %v", err)
		}
		if e.params.Type == source.TypeMariaDB {
			// A MYSQL data source may be served by MariaDB, as here.
			p := e.params
			p.Type = source.TypeMySQL
			if err := source.Test(ctx, p, loopback(t)); err != nil {
				t.Fatalf("Test as MYSQL: %v", err)
			}
		}
	})
}

func TestConnectWrongPassword(t *testing.T) {
	ctx := context.Background()
	t.Run("mariadb", func(t *testing.T) {
		p := mysqlEngine(t).params
		p.Password = "Wr0ng-s3cret-pw"
		wantConnectError(t, source.Test(ctx, p, loopback(t)), source.ErrAccessDenied, p.Password)
	})
	t.Run("mysql-type", func(t *testing.T) {
		p := mysqlEngine(t).params
		p.Type = source.TypeMySQL
		p.Password = "Wr0ng-s3cret-pw"
		wantConnectError(t, source.Test(ctx, p, loopback(t)), source.ErrAccessDenied, p.Password)
	})
	t.Run("postgres-unknown-user", func(t *testing.T) {
		p := postgresEngine(t).params
		p.User = "sightglass_no_such_role"
		p.Password = "Wr0ng-s3cret-pw"
		wantConnectError(t, source.Test(ctx, p, loopback(t)), source.ErrAccessDenied, p.Password)
	})
	t.Run("postgres-wrong-password", func(t *testing.T) {
		p := postgresEngine(t).params
		p.Password = "Wr0ng-s3cret-pw"
		err := source.Test(ctx, p, loopback(t))
		if err == nil {
			t.Skip("the server trusts connections from this host (pg_hba.conf trust): no password is checked")
		}
		wantConnectError(t, err, source.ErrAccessDenied, p.Password)
	})
}

func TestConnectUnknownHost(t *testing.T) {
	ctx := context.Background()
	for _, typ := range []string{source.TypePostgreSQL, source.TypeMySQL, source.TypeMariaDB} {
		t.Run(typ, func(t *testing.T) {
			p := source.Params{Type: typ, Host: "no-such-host.invalid", Database: "test", User: "u", Password: "Wr0ng-s3cret-pw"}
			// Not on the list: refused before DNS is asked.
			refused := source.Test(ctx, p, loopback(t))
			wantConnectError(t, refused, source.ErrUnknownHost, p.Password)
			// With no list, DNS answers that the name does not exist; the
			// answer is the same.
			unresolved := source.Test(ctx, p, source.Options{})
			wantConnectError(t, unresolved, source.ErrUnknownHost, p.Password)
			if refused.Error() != unresolved.Error() {
				t.Errorf("a refused host gives %q, an unresolved one %q", refused, unresolved)
			}
		})
	}
}

func TestConnectMissingDatabase(t *testing.T) {
	ctx := context.Background()
	t.Run("postgres", func(t *testing.T) {
		p := postgresEngine(t).params
		p.Database = "sightglass_no_such_db"
		wantConnectError(t, source.Test(ctx, p, loopback(t)), source.ErrGenericSQLFailure, p.Password)
	})
	t.Run("mariadb", func(t *testing.T) {
		p := mysqlEngine(t).params
		p.Database = "sightglass_no_such_db"
		wantConnectError(t, source.Test(ctx, p, loopback(t)), source.ErrGenericSQLFailure, p.Password)
	})
	t.Run("sqlite", func(t *testing.T) {
		p := source.Params{Type: source.TypeSQLite, SQLiteDir: t.TempDir(), SQLitePath: "missing.sqlite"}
		wantConnectError(t, source.Test(ctx, p, loopback(t)), source.ErrGenericSQLFailure, "")
		if _, err := os.Stat(filepath.Join(p.SQLiteDir, p.SQLitePath)); !errors.Is(err, os.ErrNotExist) {
			t.Fatalf("Test created the missing file: %v", err)
		}
	})
	t.Run("sqlite-not-a-database", func(t *testing.T) {
		dir := t.TempDir()
		if err := os.WriteFile(filepath.Join(dir, "notes.txt"), []byte(strings.Repeat("not a database\n", 100)), 0o600); err != nil {
			t.Fatal(err)
		}
		p := source.Params{Type: source.TypeSQLite, SQLiteDir: dir, SQLitePath: "notes.txt"}
		wantConnectError(t, source.Test(ctx, p, loopback(t)), source.ErrGenericSQLFailure, "")
	})
}

func TestConnectRefused(t *testing.T) {
	p := source.Params{Type: source.TypePostgreSQL, Host: "127.0.0.1", Port: 1, Database: "x", User: "u", Password: "Wr0ng-s3cret-pw"}
	wantConnectError(t, source.Test(context.Background(), p, loopback(t)), source.ErrTimeout, p.Password)
	p.Type = source.TypeMariaDB
	wantConnectError(t, source.Test(context.Background(), p, loopback(t)), source.ErrTimeout, p.Password)
}

func TestConnectUnsupportedType(t *testing.T) {
	wantConnectError(t, source.Test(context.Background(), source.Params{Type: "ORACLE", Host: "h"}, loopback(t)), source.ErrUnknown, "")
}

func TestConnectSQLiteEscape(t *testing.T) {
	outside := t.TempDir()
	if err := os.WriteFile(filepath.Join(outside, "secret.sqlite"), nil, 0o600); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	if err := os.Symlink(filepath.Join(outside, "secret.sqlite"), filepath.Join(dir, "link.sqlite")); err != nil {
		t.Fatal(err)
	}
	p := source.Params{Type: source.TypeSQLite, SQLiteDir: dir, SQLitePath: "link.sqlite"}
	wantConnectError(t, source.Test(context.Background(), p, loopback(t)), source.ErrAccessDenied, "")
}
