package sqlite

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"net/url"
	"os"
	"path/filepath"
)

// Backup writes a consistent copy of the database file at path into dest,
// a file that must not exist, with VACUUM INTO. It reads in one
// transaction on a connection of its own, so it sees one committed state,
// runs while a server uses the file (in WAL mode readers do not block its
// writer) and applies no migrations. The copy is compact and self-contained
// (no -wal file).
func Backup(ctx context.Context, path, dest string) error {
	if _, err := os.Stat(path); err != nil {
		return fmt.Errorf("sqlite: backup: %w", err)
	}
	if _, err := os.Stat(dest); err == nil {
		return fmt.Errorf("sqlite: backup: %s already exists", dest)
	}
	db, err := openPlain(path, false)
	if err != nil {
		return err
	}
	defer db.Close()
	if _, err := db.ExecContext(ctx, "VACUUM INTO ?", dest); err != nil {
		os.Remove(dest)
		return fmt.Errorf("sqlite: backup: %w", err)
	}
	return nil
}

// SPICECopy names the SPICE file a dataset queries: the copy of one
// ingestion, <spice dir>/<AccountID>/<DataSetID>/<IngestionID>.sqlite.
type SPICECopy struct {
	AccountID, DataSetID, IngestionID string
}

// SPICECopies lists the SPICE copies the datasets of the database at path
// (a backup) query: each dataset's current ingestion.
func SPICECopies(ctx context.Context, path string) ([]SPICECopy, error) {
	db, err := openPlain(path, true)
	if err != nil {
		return nil, err
	}
	defer db.Close()
	rows, err := db.QueryContext(ctx, `SELECT account_id, id, spice_ingestion_id FROM data_sets
		WHERE spice_ingestion_id <> '' ORDER BY account_id, id`)
	if err != nil {
		return nil, fmt.Errorf("sqlite: SPICE copies: %w", err)
	}
	defer rows.Close()
	var out []SPICECopy
	for rows.Next() {
		var c SPICECopy
		if err := rows.Scan(&c.AccountID, &c.DataSetID, &c.IngestionID); err != nil {
			return nil, err
		}
		out = append(out, c)
	}
	return out, rows.Err()
}

// openPlain opens one connection on path with a busy timeout and nothing
// else: no WAL switch, no migrations. readOnly opens it read-only.
func openPlain(path string, readOnly bool) (*sql.DB, error) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return nil, err
	}
	q := url.Values{}
	q.Add("_pragma", fmt.Sprintf("busy_timeout(%d)", DefaultBusyTimeout.Milliseconds()))
	if readOnly {
		q.Set("mode", "ro")
	}
	u := url.URL{Scheme: "file", OmitHost: true, Path: filepath.ToSlash(abs), RawQuery: q.Encode()}
	db, err := sql.Open("sqlite", u.String())
	if err != nil {
		return nil, err
	}
	db.SetMaxOpenConns(1)
	if err := db.Ping(); err != nil {
		db.Close()
		return nil, errors.Join(errors.New("sqlite: open "+path), err)
	}
	return db, nil
}
