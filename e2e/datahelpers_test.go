package e2e

import (
	"context"
	"database/sql"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"
	_ "github.com/go-sql-driver/mysql"
	_ "github.com/jackc/pgx/v5/stdlib"
	_ "modernc.org/sqlite"
)

// The local PostgreSQL and MariaDB the data tests connect to.
const (
	pgHost     = "127.0.0.1"
	pgPort     = 5432
	pgUser     = "postgres"
	pgPassword = "postgres"
	// pgPasswordUser is a role whose password the local PostgreSQL always
	// checks (scripts/test-deps.sh makes it, whatever the cluster trusts).
	pgPasswordUser     = "sg_pw"
	pgPasswordUserPass = "sg-pw-Secret-1"
	mariaDBPort        = 3306
	wrongSecret        = "not-the-Password-9f2c1"
	dataSourceNS       = "arn:aws:quicksight:" + region + ":" + accountID + ":datasource/"
)

func dataSourceARN(id string) string { return dataSourceNS + id }

func dataSetARN(id string) string {
	return "arn:aws:quicksight:" + region + ":" + accountID + ":dataset/" + id
}

func pgParams(host string, port int32, db string) types.DataSourceParameters {
	return &types.DataSourceParametersMemberPostgreSqlParameters{Value: types.PostgreSqlParameters{Host: aws.String(host), Port: aws.Int32(port), Database: aws.String(db)}}
}

func pair(user, password string) *types.DataSourceCredentials {
	return &types.DataSourceCredentials{CredentialPair: &types.CredentialPair{Username: aws.String(user), Password: aws.String(password)}}
}

// createPG creates a POSTGRESQL data source and returns the output.
func createPG(t testing.TB, c *quicksight.Client, id string, params types.DataSourceParameters, creds *types.DataSourceCredentials) *quicksight.CreateDataSourceOutput {
	t.Helper()
	out, err := c.CreateDataSource(t.Context(), &quicksight.CreateDataSourceInput{
		AwsAccountId:         aws.String(accountID),
		DataSourceId:         aws.String(id),
		Name:                 aws.String("PG " + id),
		Type:                 types.DataSourceTypePostgresql,
		DataSourceParameters: params,
		Credentials:          creds,
	})
	if err != nil {
		t.Fatalf("CreateDataSource %s: %v", id, err)
	}
	return out
}

func describeDataSource(t testing.TB, c *quicksight.Client, id string) *types.DataSource {
	t.Helper()
	out, err := c.DescribeDataSource(t.Context(), &quicksight.DescribeDataSourceInput{AwsAccountId: aws.String(accountID), DataSourceId: aws.String(id)})
	if err != nil {
		t.Fatalf("DescribeDataSource %s: %v", id, err)
	}
	return out.DataSource
}

// wantFailed checks a data source's status and error type.
func wantStatus(t testing.TB, d *types.DataSource, status types.ResourceStatus, errType types.DataSourceErrorInfoType) {
	t.Helper()
	if d.Status != status {
		t.Fatalf("data source %s: status %s (%s), want %s", aws.ToString(d.DataSourceId), d.Status, jsonString(d.ErrorInfo), status)
	}
	switch {
	case errType == "" && d.ErrorInfo != nil:
		t.Fatalf("data source %s: unexpected ErrorInfo %s", aws.ToString(d.DataSourceId), jsonString(d.ErrorInfo))
	case errType != "" && (d.ErrorInfo == nil || d.ErrorInfo.Type != errType || aws.ToString(d.ErrorInfo.Message) == ""):
		t.Fatalf("data source %s: ErrorInfo %s, want type %s with a message", aws.ToString(d.DataSourceId), jsonString(d.ErrorInfo), errType)
	}
}

// pgDatabase creates a fresh PostgreSQL database with an orders table and
// returns its name; it is dropped when the test ends.
func pgDatabase(t testing.TB) string {
	t.Helper()
	admin, err := sql.Open("pgx", fmt.Sprintf("postgres://%s:%s@%s:%d/postgres?sslmode=disable", pgUser, pgPassword, pgHost, pgPort))
	if err != nil {
		t.Fatal(err)
	}
	defer admin.Close()
	name := fmt.Sprintf("sg_e2e_%d", time.Now().UnixNano())
	if _, err := admin.ExecContext(t.Context(), "CREATE DATABASE "+name); err != nil {
		t.Skipf("local PostgreSQL unavailable: %v", err)
	}
	t.Cleanup(func() {
		db, err := sql.Open("pgx", fmt.Sprintf("postgres://%s:%s@%s:%d/postgres?sslmode=disable", pgUser, pgPassword, pgHost, pgPort))
		if err == nil {
			ctx, cancel := context.WithTimeout(context.Background(), 10*time.Second)
			db.ExecContext(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)")
			cancel()
			db.Close()
		}
	})
	db, err := sql.Open("pgx", fmt.Sprintf("postgres://%s:%s@%s:%d/%s?sslmode=disable", pgUser, pgPassword, pgHost, pgPort, name))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	stmts := []string{
		`CREATE TABLE orders (id integer PRIMARY KEY, region text NOT NULL, amount numeric(10,2) NOT NULL, ordered_at timestamp NOT NULL)`,
		`INSERT INTO orders VALUES (1, 'East', 10.50, '2026-01-05 10:00:00'), (2, 'West', 20.00, '2026-02-06 11:00:00'),
			(3, 'East', 5.25, '2026-03-07 12:00:00'), (4, 'North', 100.00, '2026-03-08 13:00:00')`,
	}
	for _, s := range stmts {
		if _, err := db.ExecContext(t.Context(), s); err != nil {
			t.Fatal(err)
		}
	}
	return name
}

// sqliteSource writes a SQLite file with an orders table into dir.
func sqliteSource(t testing.TB, dir, name string) {
	t.Helper()
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	db, err := sql.Open("sqlite", filepath.Join(dir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	for _, s := range []string{
		`CREATE TABLE orders (id INTEGER PRIMARY KEY, region TEXT NOT NULL, amount REAL NOT NULL)`,
		`INSERT INTO orders VALUES (1, 'East', 10.5), (2, 'West', 20), (3, 'East', 5.25)`,
	} {
		if _, err := db.ExecContext(t.Context(), s); err != nil {
			t.Fatal(err)
		}
	}
}

// pgTrustsPasswords reports whether the local PostgreSQL accepts any
// password from this host (pg_hba.conf "trust"): then a wrong password
// cannot fail. The role must sign in with its own password first, or the
// wrong-password tests would pass or fail for the wrong reason (a missing
// role is refused as a wrong password is).
func pgTrustsPasswords(t testing.TB) bool {
	t.Helper()
	if err := pgPing(t, pgPasswordUserPass); err != nil {
		t.Fatalf("role %s cannot sign in to the local PostgreSQL with its password (run scripts/test-deps.sh): %v", pgPasswordUser, err)
	}
	return pgPing(t, wrongSecret) == nil
}

// pgPing signs in to the local PostgreSQL as pgPasswordUser with password.
func pgPing(t testing.TB, password string) error {
	t.Helper()
	db, err := sql.Open("pgx", fmt.Sprintf("postgres://%s:%s@%s:%d/postgres?sslmode=disable", pgPasswordUser, password, pgHost, pgPort))
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	return db.PingContext(t.Context())
}

// mariaDBUser creates a MariaDB user with a password and read access to
// the database test; it is dropped when the test ends.
func mariaDBUser(t testing.TB, name, password string) {
	t.Helper()
	db, err := sql.Open("mysql", fmt.Sprintf("root@tcp(%s:%d)/test", pgHost, mariaDBPort))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { db.Close() })
	db.ExecContext(t.Context(), "DROP USER IF EXISTS '"+name+"'@'%'")
	for _, s := range []string{
		"CREATE USER '" + name + "'@'%' IDENTIFIED BY '" + password + "'",
		"GRANT SELECT ON test.* TO '" + name + "'@'%'",
	} {
		if _, err := db.ExecContext(t.Context(), s); err != nil {
			t.Skipf("local MariaDB unavailable: %v", err)
		}
	}
	t.Cleanup(func() { db.ExecContext(context.Background(), "DROP USER IF EXISTS '"+name+"'@'%'") })
}

func mariaParams(db string) types.DataSourceParameters {
	return &types.DataSourceParametersMemberMariaDbParameters{Value: types.MariaDbParameters{Host: aws.String(pgHost), Port: aws.Int32(mariaDBPort), Database: aws.String(db)}}
}

// createSource creates a data source of any type.
func createSource(t testing.TB, c *quicksight.Client, id string, typ types.DataSourceType, params types.DataSourceParameters, creds *types.DataSourceCredentials) *quicksight.CreateDataSourceOutput {
	t.Helper()
	out, err := c.CreateDataSource(t.Context(), &quicksight.CreateDataSourceInput{
		AwsAccountId: aws.String(accountID), DataSourceId: aws.String(id), Name: aws.String(id),
		Type: typ, DataSourceParameters: params, Credentials: creds,
	})
	if err != nil {
		t.Fatalf("CreateDataSource %s: %v", id, err)
	}
	return out
}
