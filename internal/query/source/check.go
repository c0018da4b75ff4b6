package source

import (
	"context"
	"errors"

	"github.com/sightglass/sightglass/internal/query/sqlcheck"
)

// CheckSQLite checks custom SQL for the SQLite source of params with
// sqlcheck.SQLite on one of the pool's connections to its file, and
// returns the statement. When the file cannot be opened now, the statement
// is only split (sqlcheck.SQLiteStatement): the authorizer every
// connection carries still refuses what it must when the query runs.
func (p *Pool) CheckSQLite(ctx context.Context, key string, params Params, query string) (string, error) {
	stmt, prob := sqlcheck.SQLiteStatement(query)
	if prob != nil {
		return "", prob
	}
	db, err := p.db(key, params)
	if err != nil {
		return stmt, nil
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return stmt, nil
	}
	defer conn.Close()
	var checked string
	var cerr error
	if err := conn.Raw(func(dc any) error {
		if sc, ok := dc.(*sqliteConn); ok {
			pc, err := sc.pureGoConn()
			if err != nil {
				checked = stmt // the file cannot be opened now: only split
				return nil
			}
			dc = pc // sqlcheck reports the authorizer's refusals of that build
		}
		checked, cerr = sqlcheck.SQLite(ctx, dc, query)
		return nil
	}); err != nil {
		return "", err
	}
	if _, ok := errors.AsType[*sqlcheck.Problem](cerr); ok || cerr == nil {
		return checked, cerr
	}
	return "", cerr
}
