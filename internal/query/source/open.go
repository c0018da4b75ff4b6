package source

import (
	"database/sql"
	"fmt"
	"time"
)

// open returns a read-only *sql.DB for p; no connection is made yet.
func open(p Params, o Options) (*sql.DB, error) {
	var db *sql.DB
	var err error
	switch p.Type {
	case TypePostgreSQL:
		db, err = openPostgres(p, o)
	case TypeMySQL, TypeMariaDB:
		db, err = openMySQL(p, o)
	case TypeSQLite:
		db, err = openSQLite(p)
	case TypeDuckDB:
		db, err = openDuckDB(p, o)
	default:
		return nil, fmt.Errorf("data source type %q does not connect", p.Type)
	}
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(o.MaxOpenConns)
	db.SetMaxIdleConns(o.MaxOpenConns)
	db.SetConnMaxIdleTime(5 * time.Minute)
	return db, nil
}
