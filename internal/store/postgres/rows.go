package postgres

import (
	"github.com/jackc/pgx/v5"
	"github.com/jackc/pgx/v5/pgconn"
	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

// affected returns the rows a statement changed.
func affected(tag pgconn.CommandTag, err error) (int64, error) {
	if err != nil {
		return 0, err
	}
	return tag.RowsAffected(), nil
}

// collect scans every row with scan and closes rows. The result is never
// nil: an empty list is an empty slice.
func collect[T any](rows pgx.Rows, scan func(pgx.Row) (T, error)) ([]T, error) {
	defer rows.Close()
	list := []T{}
	for rows.Next() {
		v, err := scan(rows)
		if err != nil {
			return nil, err
		}
		list = append(list, v)
	}
	return list, rows.Err()
}

// limit returns the LIMIT argument for page p (see sqlkit.Fetch): NULL
// means no limit.
func limit(p sg.Page) any {
	if n := sqlkit.Fetch(p); n > 0 {
		return n
	}
	return nil
}
