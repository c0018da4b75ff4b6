package source

import (
	"fmt"
	"strings"
	"time"
)

// Data source types that connect, as QuickSight's DataSourceType names them;
// SQLITE is Sightglass's own.
const (
	TypePostgreSQL = "POSTGRESQL"
	TypeMySQL      = "MYSQL"
	TypeMariaDB    = "MARIADB"
	TypeSQLite     = "SQLITE"
)

// Defaults for a zero Options.
const (
	DefaultQueryTimeout   = 30 * time.Second
	DefaultConnectTimeout = 10 * time.Second
	DefaultMaxRows        = 10000
	DefaultMaxBytes       = 64 << 20
	DefaultMaxOpenConns   = 4
)

// Params say where a data source's database is and how to sign in.
type Params struct {
	Type     string // TypePostgreSQL, TypeMySQL, TypeMariaDB or TypeSQLite
	Host     string
	Port     int
	Database string
	User     string
	Password string

	// SQLitePath is the SQLite file. When SQLiteDir is set, SQLitePath is a
	// name inside that directory, resolved by ResolveSQLitePath (escapes are
	// refused): that is how a data source created through the API or the
	// console names its file. When SQLiteDir is empty SQLitePath is a path
	// the server chose itself (a SPICE file, the sample data) and is opened
	// as given.
	SQLitePath string
	SQLiteDir  string

	// DuckDBPath is the DuckDB file of a SPICE copy (TypeDuckDB), a path
	// the server chose.
	DuckDBPath string
}

// Supported reports whether Type is one this package connects to.
func Supported(typ string) bool {
	switch typ {
	case TypePostgreSQL, TypeMySQL, TypeMariaDB, TypeSQLite:
		return true
	}
	return false
}

// fingerprint identifies everything a connection depends on, so that a pool
// entry opened with other parameters is not reused.
func (p Params) fingerprint() string {
	return strings.Join([]string{p.Type, p.Host, fmt.Sprint(p.Port), p.Database, p.User, p.Password, p.SQLitePath, p.SQLiteDir, p.DuckDBPath}, "\x00")
}

// address is host:port for messages.
func (p Params) address() string {
	return fmt.Sprintf("%s:%d", p.Host, p.port())
}

// port is p.Port, or the engine's default port when it is zero.
func (p Params) port() int {
	if p.Port != 0 {
		return p.Port
	}
	if p.Type == TypePostgreSQL {
		return 5432
	}
	return 3306
}

// Options bound what a query may cost.
type Options struct {
	QueryTimeout   time.Duration // per query; 0 means DefaultQueryTimeout
	ConnectTimeout time.Duration // per connection attempt; 0 means DefaultConnectTimeout
	MaxRows        int           // rows returned before Result.Truncated; 0 means DefaultMaxRows, <0 no limit
	MaxBytes       int64         // bytes of values a query may return, else ErrResultTooLarge; 0 means DefaultMaxBytes, <0 no limit
	MaxOpenConns   int           // per data source; 0 means DefaultMaxOpenConns
	// Hosts are the hosts PostgreSQL and MySQL connections may dial; nil
	// puts no limit (for tests and tools, never for hosts API callers name).
	Hosts *HostPolicy
	// DuckDBMemoryLimit (bytes) and DuckDBThreads bound what the queries
	// of one SPICE file use together; 0 means DefaultDuckDBMemoryLimit
	// and DefaultDuckDBThreads.
	DuckDBMemoryLimit int64
	DuckDBThreads     int
	// MaxDuckDBOpen is how many SPICE files stay open at once (each
	// with its own DuckDBMemoryLimit); 0 means DefaultMaxDuckDBOpen.
	MaxDuckDBOpen int
}

func (o Options) withDefaults() Options {
	if o.QueryTimeout <= 0 {
		o.QueryTimeout = DefaultQueryTimeout
	}
	if o.ConnectTimeout <= 0 {
		o.ConnectTimeout = DefaultConnectTimeout
	}
	if o.MaxRows == 0 {
		o.MaxRows = DefaultMaxRows
	}
	if o.MaxBytes == 0 {
		o.MaxBytes = DefaultMaxBytes
	}
	if o.MaxOpenConns <= 0 {
		o.MaxOpenConns = DefaultMaxOpenConns
	}
	if o.DuckDBMemoryLimit <= 0 {
		o.DuckDBMemoryLimit = DefaultDuckDBMemoryLimit
	}
	if o.DuckDBThreads <= 0 {
		o.DuckDBThreads = DefaultDuckDBThreads
	}
	if o.MaxDuckDBOpen <= 0 {
		o.MaxDuckDBOpen = DefaultMaxDuckDBOpen
	}
	return o
}
