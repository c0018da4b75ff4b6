package app

import (
	"context"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/query/dataset"
	"github.com/sightglass/sightglass/internal/query/dialect"
	"github.com/sightglass/sightglass/internal/query/sqlcheck"
)

// customSQLCheck is the check of custom SQL for the data source src: the
// parser of its dialect, or, for a SQLite file, SQLite itself on a
// connection to that file.
func (a *App) customSQLCheck(ctx context.Context, src *sg.DataSource) dataset.CustomSQLCheck {
	d, _ := dialect.ForSourceType(src.Type)
	switch d {
	case dialect.Postgres:
		return sqlcheck.Postgres
	case dialect.MySQL:
		return sqlcheck.MySQL
	}
	return func(query string) (string, error) {
		params, key, err := a.dataSourceConnection(src)
		if err != nil || a.data == nil || a.data.pool == nil {
			return sqlcheck.SQLiteSplit(query)
		}
		return a.data.pool.CheckSQLite(ctx, key, params, query)
	}
}
