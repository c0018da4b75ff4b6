package sqlite

import (
	"context"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

const dataSetColumns = `account_id, id, name, import_mode, physical_tables, logical_tables, extra,
	output_columns, data_source_ids, permissions, tags, version, spice_ingestion_id, spice_bytes,
	created_at, updated_at, refresh_properties`

// CreateDataSet returns EEXISTS.
func (s *Store) CreateDataSet(ctx context.Context, d *sg.DataSet) error {
	_, err := s.ws.exec(ctx, `INSERT INTO data_sets (`+dataSetColumns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		d.AccountID, d.ID, d.Name, d.ImportMode, d.PhysicalTableMap, d.LogicalTableMap, d.Extra,
		sqlkit.JSON(d.OutputColumns), sqlkit.JSON(d.DataSourceIDs), sqlkit.JSON(d.Permissions),
		sqlkit.JSON(d.Tags), d.Version, d.SPICEIngestionID, d.SPICEBytes,
		sqlkit.Millis(d.CreatedAt), sqlkit.Millis(d.UpdatedAt), d.RefreshProperties)
	if err != nil {
		return normalize("create data set", err, sqlkit.Meaning{Unique: sqlkit.DataSetExists(d.AccountID, d.ID)})
	}
	return nil
}

// FindDataSet returns ENOTFOUND.
func (s *Store) FindDataSet(ctx context.Context, accountID, id string) (*sg.DataSet, error) {
	d, err := scanDataSet(s.rs.queryRow(ctx, `SELECT `+dataSetColumns+`
		FROM data_sets WHERE account_id = ? AND id = ?`, accountID, id))
	if err != nil {
		return nil, normalize("find data set", err, sqlkit.Meaning{Missing: sqlkit.DataSetNotFound(accountID, id)})
	}
	return d, nil
}

// ListDataSets returns datasets ordered by id in byte order, after
// p.After, at most p.Limit (all if p.Limit ≤ 0), and whether more follow.
func (s *Store) ListDataSets(ctx context.Context, accountID string, p sg.Page) ([]*sg.DataSet, bool, error) {
	rows, err := s.rs.query(ctx, `SELECT `+dataSetColumns+` FROM data_sets
		WHERE account_id = ? AND id > ?
		ORDER BY id LIMIT ?`, accountID, p.After, limit(sqlkit.Fetch(p)))
	if err != nil {
		return nil, false, normalize("list data sets", err, sqlkit.Meaning{})
	}
	list, err := collect(rows, scanDataSet)
	if err != nil {
		return nil, false, normalize("list data sets", err, sqlkit.Meaning{})
	}
	list, more := sqlkit.Trim(list, p)
	return list, more, nil
}

// UpdateDataSet replaces the definition. Returns ENOTFOUND.
func (s *Store) UpdateDataSet(ctx context.Context, d *sg.DataSet) error {
	n, err := affected(s.ws.exec(ctx, `UPDATE data_sets SET name = ?, import_mode = ?,
		physical_tables = ?, logical_tables = ?, extra = ?, output_columns = ?, data_source_ids = ?,
		permissions = ?, tags = ?, version = ?, updated_at = ?
		WHERE account_id = ? AND id = ?`,
		d.Name, d.ImportMode, d.PhysicalTableMap, d.LogicalTableMap, d.Extra,
		sqlkit.JSON(d.OutputColumns), sqlkit.JSON(d.DataSourceIDs), sqlkit.JSON(d.Permissions),
		sqlkit.JSON(d.Tags), d.Version, sqlkit.Millis(d.UpdatedAt), d.AccountID, d.ID))
	if err != nil {
		return normalize("update data set", err, sqlkit.Meaning{})
	}
	if n == 0 {
		return sqlkit.DataSetNotFound(d.AccountID, d.ID)
	}
	return nil
}

// SetDataSetSPICE records the ingestion SPICE queries read. Returns
// ENOTFOUND.
func (s *Store) SetDataSetSPICE(ctx context.Context, accountID, id, ingestionID string, bytes int64) error {
	n, err := affected(s.ws.exec(ctx, `UPDATE data_sets SET spice_ingestion_id = ?, spice_bytes = ?
		WHERE account_id = ? AND id = ?`, ingestionID, bytes, accountID, id))
	if err != nil {
		return normalize("set data set spice", err, sqlkit.Meaning{})
	}
	if n == 0 {
		return sqlkit.DataSetNotFound(accountID, id)
	}
	return nil
}

// SetDataSetRefreshProperties records a dataset's refresh properties
// (nil: none). Returns ENOTFOUND.
func (s *Store) SetDataSetRefreshProperties(ctx context.Context, accountID, id string, props []byte) error {
	n, err := affected(s.ws.exec(ctx, `UPDATE data_sets SET refresh_properties = ?
		WHERE account_id = ? AND id = ?`, props, accountID, id))
	if err != nil {
		return normalize("set data set refresh properties", err, sqlkit.Meaning{})
	}
	if n == 0 {
		return sqlkit.DataSetNotFound(accountID, id)
	}
	return nil
}

// DeleteDataSet deletes a dataset and (by cascade) its ingestions.
// Returns ENOTFOUND.
func (s *Store) DeleteDataSet(ctx context.Context, accountID, id string) error {
	n, err := affected(s.ws.exec(ctx, `DELETE FROM data_sets WHERE account_id = ? AND id = ?`, accountID, id))
	if err != nil {
		return normalize("delete data set", err, sqlkit.Meaning{})
	}
	if n == 0 {
		return sqlkit.DataSetNotFound(accountID, id)
	}
	return nil
}

func scanDataSet(row scanner) (*sg.DataSet, error) {
	var d sg.DataSet
	var cols, sources, perms, tags string
	var created, updated int64
	if err := row.Scan(&d.AccountID, &d.ID, &d.Name, &d.ImportMode, &d.PhysicalTableMap,
		&d.LogicalTableMap, &d.Extra, &cols, &sources, &perms, &tags, &d.Version,
		&d.SPICEIngestionID, &d.SPICEBytes, &created, &updated, &d.RefreshProperties); err != nil {
		return nil, err
	}
	var err error
	if d.OutputColumns, err = sqlkit.Decode[[]sg.DataSetColumn](cols); err != nil {
		return nil, err
	}
	if d.DataSourceIDs, err = sqlkit.Decode[[]string](sources); err != nil {
		return nil, err
	}
	if d.Permissions, err = sqlkit.Decode[[]sg.ResourcePermission](perms); err != nil {
		return nil, err
	}
	if d.Tags, err = sqlkit.Decode[[]sg.Tag](tags); err != nil {
		return nil, err
	}
	d.CreatedAt, d.UpdatedAt = sqlkit.Time(created), sqlkit.Time(updated)
	return &d, nil
}
