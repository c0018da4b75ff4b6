package source

import (
	"context"
	"database/sql"
	"database/sql/driver"
	"errors"
	"fmt"
	"net"
	"strconv"
	"time"

	"github.com/go-sql-driver/mysql"
)

// openMySQL returns a pool of read-only sessions to a MySQL or MariaDB
// database: every new session runs SET SESSION TRANSACTION READ ONLY and
// sets the server's statement time limit.
func openMySQL(p Params, o Options) (*sql.DB, error) {
	cfg := mysql.NewConfig()
	cfg.User = p.User
	cfg.Passwd = p.Password
	cfg.Net = "tcp"
	cfg.Addr = net.JoinHostPort(p.Host, strconv.Itoa(p.port()))
	cfg.DBName = p.Database
	cfg.ParseTime = true
	cfg.Loc = time.UTC
	// QuickSight works in UTC: TIMESTAMP values and FROM_UNIXTIME read in
	// UTC whatever the server's time zone (the session variable, set on
	// connect).
	cfg.Params = map[string]string{"time_zone": "'+00:00'"}
	cfg.Timeout = o.ConnectTimeout
	// No read timeout: a query is bounded by its context (the driver closes
	// the connection when it ends) and by the server's statement limit; an
	// ingestion may wait long for its first row.
	cfg.WriteTimeout = o.ConnectTimeout
	cfg.Logger = quietLogger{}
	if o.Hosts != nil {
		cfg.DialFunc = o.Hosts.DialContext
	}
	inner, err := mysql.NewConnector(cfg)
	if err != nil {
		return nil, fmt.Errorf("mysql connection settings: %w", err)
	}
	return sql.OpenDB(&readOnlyConnector{inner: inner, timeout: o.QueryTimeout}), nil
}

// readOnlyConnector makes every session it opens read-only, with a server
// side statement time limit.
type readOnlyConnector struct {
	inner   driver.Connector
	timeout time.Duration
}

func (c *readOnlyConnector) Driver() driver.Driver { return c.inner.Driver() }

func (c *readOnlyConnector) Connect(ctx context.Context) (driver.Conn, error) {
	conn, err := c.inner.Connect(ctx)
	if err != nil {
		return nil, err
	}
	if err := setupMySQLSession(ctx, conn, c.timeout); err != nil {
		conn.Close()
		return nil, err
	}
	return conn, nil
}

// setupMySQLSession makes the session read-only and limits statements to
// timeout (0: no limit).
func setupMySQLSession(ctx context.Context, conn driver.Conn, timeout time.Duration) error {
	ex, ok := conn.(driver.ExecerContext)
	if !ok {
		return fmt.Errorf("mysql connection %T cannot execute statements", conn)
	}
	if _, err := ex.ExecContext(ctx, "SET SESSION TRANSACTION READ ONLY", nil); err != nil {
		return err
	}
	return setMySQLStatementTimeout(ctx, ex, timeout)
}

// setMySQLStatementTimeout sets MariaDB's max_statement_time (seconds) or,
// where the server does not know it, MySQL's max_execution_time (ms).
func setMySQLStatementTimeout(ctx context.Context, ex driver.ExecerContext, timeout time.Duration) error {
	_, err := ex.ExecContext(ctx, fmt.Sprintf("SET SESSION max_statement_time = %.3f", timeout.Seconds()), nil)
	if !unknownVariable(err) {
		return err
	}
	_, err = ex.ExecContext(ctx, fmt.Sprintf("SET SESSION max_execution_time = %d", timeout.Milliseconds()), nil)
	if unknownVariable(err) {
		return &ConnectError{Type: ErrEngineVersionNotSupported, Message: "Sightglass needs MySQL 5.7.8 or later, or MariaDB 10.1 or later: the server limits no statement's time."}
	}
	return err
}

func unknownVariable(err error) bool {
	me, ok := errors.AsType[*mysql.MySQLError](err)
	return ok && me.Number == 1193
}

// quietLogger drops the driver's own log lines; errors reach the caller.
type quietLogger struct{}

func (quietLogger) Print(...any) {}
