package source

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"math/big"
	"net/url"
	"os"
	"strconv"
	"strings"

	"github.com/duckdb/duckdb-go/v2"
)

// TypeDuckDB is the type of SPICE copies (internal/query/spice): a DuckDB
// file the server wrote itself. It is not a data source type API callers
// may create.
const TypeDuckDB = "DUCKDB"

// Defaults of the resources one DuckDB file may use while queried.
const (
	DefaultDuckDBMemoryLimit = 1 << 30
	DefaultDuckDBThreads     = 2
	// DefaultMaxDuckDBOpen SPICE files open at once bound SPICE's memory
	// to 4 GiB with the default limit.
	DefaultMaxDuckDBOpen = 4
)

// DuckDBSettings are the settings a SPICE file is opened with: read-only,
// no access to other files or the network (no extension is installed or
// loaded; the built-in ones suffice), and bounded memory and threads.
// The memory limit holds for every query of the file together; a query
// that needs more spills to disk up to four times as much, and past that
// fails (ErrResultTooLarge).
func DuckDBSettings(memoryLimit int64, threads int, readOnly bool) url.Values {
	q := url.Values{}
	if readOnly {
		q.Set("access_mode", "READ_ONLY")
	}
	q.Set("memory_limit", strconv.FormatInt(max(memoryLimit>>20, 16), 10)+"MB")
	// Operators that pass the memory limit spill to <file>.tmp/, which
	// DuckDB empties when they end; it is bounded too.
	q.Set("max_temp_directory_size", strconv.FormatInt(max(4*memoryLimit>>20, 64), 10)+"MB")
	q.Set("threads", strconv.Itoa(max(threads, 1)))
	q.Set("enable_external_access", "false")
	q.Set("autoinstall_known_extensions", "false")
	q.Set("autoload_known_extensions", "false")
	return q
}

// openDuckDB opens a SPICE file read-only.
func openDuckDB(p Params, o Options) (*sql.DB, error) {
	if p.DuckDBPath == "" || strings.ContainsAny(p.DuckDBPath, "?#\x00") {
		return nil, errors.New("no usable DuckDB file given")
	}
	if _, err := os.Stat(p.DuckDBPath); err != nil {
		return nil, err
	}
	dsn := p.DuckDBPath + "?" + DuckDBSettings(o.DuckDBMemoryLimit, o.DuckDBThreads, true).Encode()
	c, err := duckdb.NewConnector(dsn, nil)
	if err != nil {
		return nil, err
	}
	return sql.OpenDB(c), nil
}

// duckdbFailure maps the errors of SPICE files. Their messages never name
// the file: it is a path on the server.
func duckdbFailure(p Params, err error) (string, string, bool) {
	if p.Type != TypeDuckDB {
		return "", "", false
	}
	if errors.Is(err, context.DeadlineExceeded) {
		return ErrTimeout, queryTimedOut, true
	}
	if errors.Is(err, os.ErrNotExist) {
		return ErrGenericSQLFailure, "The SPICE copy of the dataset is missing; run a new ingestion.", true
	}
	if de, ok := errors.AsType[*duckdb.Error](err); ok {
		switch de.Type {
		case duckdb.ErrorTypeInterrupt:
			return ErrTimeout, queryTimedOut, true
		case duckdb.ErrorTypeOutOfMemory:
			return ErrResultTooLarge, "The query needs more memory than a SPICE query may use.", true
		case duckdb.ErrorTypeIO, duckdb.ErrorTypeConnection, duckdb.ErrorTypeFatal, duckdb.ErrorTypeInternal, duckdb.ErrorTypePermission:
			return ErrGenericSQLFailure, "The SPICE copy of the dataset could not be read.", true
		}
		msg := de.Msg
		if p.DuckDBPath != "" {
			msg = strings.ReplaceAll(msg, p.DuckDBPath, "(SPICE)")
		}
		return ErrGenericSQLFailure, msg, true
	}
	return ErrUnknown, "The SPICE copy of the dataset could not be read.", true
}

// normalizeBig converts DuckDB's HUGEINT (the type of SUM over BIGINT) to
// an int64 when it fits, else a float64.
func normalizeBig(x *big.Int) any {
	if x == nil {
		return nil
	}
	if x.IsInt64() {
		return x.Int64()
	}
	f, _ := new(big.Float).SetInt(x).Float64()
	return f
}

// normalizeDecimal converts a DuckDB DECIMAL to a float64.
func normalizeDecimal(d duckdb.Decimal) any {
	if d.Value == nil {
		return nil
	}
	f := d.Float64()
	if math.IsInf(f, 0) {
		return fmt.Sprint(d)
	}
	return f
}
