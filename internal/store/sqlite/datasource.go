package sqlite

import (
	"context"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

const dataSourceColumns = `account_id, id, name, type, parameters, ssl_properties, vpc_properties,
	credentials, status, error_type, error_message, permissions, tags, version, created_at, updated_at`

// CreateDataSource returns EEXISTS.
func (s *Store) CreateDataSource(ctx context.Context, d *sg.DataSource) error {
	_, err := s.ws.exec(ctx, `INSERT INTO data_sources (`+dataSourceColumns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		d.AccountID, d.ID, d.Name, d.Type, d.Parameters, d.SSLProperties, d.VPCConnectionProperties,
		d.SealedCredentials, d.Status, d.ErrorType, d.ErrorMessage,
		sqlkit.JSON(d.Permissions), sqlkit.JSON(d.Tags), d.Version,
		sqlkit.Millis(d.CreatedAt), sqlkit.Millis(d.UpdatedAt))
	if err != nil {
		return normalize("create data source", err, sqlkit.Meaning{Unique: sqlkit.DataSourceExists(d.AccountID, d.ID)})
	}
	return nil
}

// FindDataSource returns ENOTFOUND.
func (s *Store) FindDataSource(ctx context.Context, accountID, id string) (*sg.DataSource, error) {
	d, err := scanDataSource(s.rs.queryRow(ctx, `SELECT `+dataSourceColumns+`
		FROM data_sources WHERE account_id = ? AND id = ?`, accountID, id))
	if err != nil {
		return nil, normalize("find data source", err, sqlkit.Meaning{Missing: sqlkit.DataSourceNotFound(accountID, id)})
	}
	return d, nil
}

// ListDataSources returns data sources ordered by id in byte order, after
// p.After, at most p.Limit (all if p.Limit ≤ 0), and whether more follow.
func (s *Store) ListDataSources(ctx context.Context, accountID string, p sg.Page) ([]*sg.DataSource, bool, error) {
	rows, err := s.rs.query(ctx, `SELECT `+dataSourceColumns+` FROM data_sources
		WHERE account_id = ? AND id > ?
		ORDER BY id LIMIT ?`, accountID, p.After, limit(sqlkit.Fetch(p)))
	if err != nil {
		return nil, false, normalize("list data sources", err, sqlkit.Meaning{})
	}
	list, err := collect(rows, scanDataSource)
	if err != nil {
		return nil, false, normalize("list data sources", err, sqlkit.Meaning{})
	}
	list, more := sqlkit.Trim(list, p)
	return list, more, nil
}

// UpdateDataSource replaces every field but AccountID, ID and CreatedAt.
// Returns ENOTFOUND.
func (s *Store) UpdateDataSource(ctx context.Context, d *sg.DataSource) error {
	n, err := affected(s.ws.exec(ctx, `UPDATE data_sources SET name = ?, type = ?, parameters = ?,
		ssl_properties = ?, vpc_properties = ?, credentials = ?, status = ?, error_type = ?,
		error_message = ?, permissions = ?, tags = ?, version = ?, updated_at = ?
		WHERE account_id = ? AND id = ?`,
		d.Name, d.Type, d.Parameters, d.SSLProperties, d.VPCConnectionProperties, d.SealedCredentials,
		d.Status, d.ErrorType, d.ErrorMessage, sqlkit.JSON(d.Permissions), sqlkit.JSON(d.Tags),
		d.Version, sqlkit.Millis(d.UpdatedAt), d.AccountID, d.ID))
	if err != nil {
		return normalize("update data source", err, sqlkit.Meaning{})
	}
	if n == 0 {
		return sqlkit.DataSourceNotFound(d.AccountID, d.ID)
	}
	return nil
}

// DeleteDataSource returns ENOTFOUND.
func (s *Store) DeleteDataSource(ctx context.Context, accountID, id string) error {
	n, err := affected(s.ws.exec(ctx, `DELETE FROM data_sources WHERE account_id = ? AND id = ?`, accountID, id))
	if err != nil {
		return normalize("delete data source", err, sqlkit.Meaning{})
	}
	if n == 0 {
		return sqlkit.DataSourceNotFound(accountID, id)
	}
	return nil
}

func scanDataSource(row scanner) (*sg.DataSource, error) {
	var d sg.DataSource
	var perms, tags string
	var created, updated int64
	if err := row.Scan(&d.AccountID, &d.ID, &d.Name, &d.Type, &d.Parameters, &d.SSLProperties,
		&d.VPCConnectionProperties, &d.SealedCredentials, &d.Status, &d.ErrorType, &d.ErrorMessage,
		&perms, &tags, &d.Version, &created, &updated); err != nil {
		return nil, err
	}
	var err error
	if d.Permissions, err = sqlkit.Decode[[]sg.ResourcePermission](perms); err != nil {
		return nil, err
	}
	if d.Tags, err = sqlkit.Decode[[]sg.Tag](tags); err != nil {
		return nil, err
	}
	d.CreatedAt, d.UpdatedAt = sqlkit.Time(created), sqlkit.Time(updated)
	return &d, nil
}
