package sqlite

import (
	"context"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

const accessKeyColumns = `access_key_id, secret_access_key, account_id, principal_type, principal_name,
	session_name, session_token, expires_at, created_at`

// CreateAccessKey returns EEXISTS if the key id is taken, else ENOTFOUND
// if the principal does not exist.
func (s *Store) CreateAccessKey(ctx context.Context, k *sg.AccessKey) error {
	_, err := s.ws.exec(ctx, `INSERT INTO access_keys (`+accessKeyColumns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		k.AccessKeyID, k.SecretAccessKey, k.AccountID, k.PrincipalType, k.PrincipalName,
		k.SessionName, k.SessionToken, sqlkit.NullMillis(k.Expires), sqlkit.Millis(k.CreatedAt))
	if err != nil {
		return normalize("create access key", err, sqlkit.Meaning{
			Unique:  sqlkit.AccessKeyExists(k.AccessKeyID),
			Missing: sqlkit.PrincipalNotFound(k.AccountID, k.PrincipalType, k.PrincipalName),
		})
	}
	return nil
}

// FindAccessKey returns ENOTFOUND. Expired temporary keys are returned;
// expiry is the caller's rule.
func (s *Store) FindAccessKey(ctx context.Context, accessKeyID string) (*sg.AccessKey, error) {
	k, err := scanAccessKey(s.rs.queryRow(ctx, `SELECT `+accessKeyColumns+`
		FROM access_keys WHERE access_key_id = ?`, accessKeyID))
	if err != nil {
		return nil, normalize("find access key", err, sqlkit.Meaning{Missing: sqlkit.AccessKeyNotFound(accessKeyID)})
	}
	return k, nil
}

// ListAccessKeys lists a principal's keys ordered by creation, then key id.
func (s *Store) ListAccessKeys(ctx context.Context, accountID, typ, name string) ([]*sg.AccessKey, error) {
	rows, err := s.rs.query(ctx, `SELECT `+accessKeyColumns+` FROM access_keys
		WHERE account_id = ? AND principal_type = ? AND principal_name = ?
		ORDER BY created_at, access_key_id`, accountID, typ, name)
	if err != nil {
		return nil, normalize("list access keys", err, sqlkit.Meaning{})
	}
	list, err := collect(rows, scanAccessKey)
	return list, normalize("list access keys", err, sqlkit.Meaning{})
}

// DeleteAccessKey returns ENOTFOUND.
func (s *Store) DeleteAccessKey(ctx context.Context, accessKeyID string) error {
	n, err := affected(s.ws.exec(ctx, `DELETE FROM access_keys WHERE access_key_id = ?`, accessKeyID))
	if err != nil {
		return normalize("delete access key", err, sqlkit.Meaning{})
	}
	if n == 0 {
		return sqlkit.AccessKeyNotFound(accessKeyID)
	}
	return nil
}

func scanAccessKey(row scanner) (*sg.AccessKey, error) {
	var k sg.AccessKey
	var expires *int64
	var created int64
	if err := row.Scan(&k.AccessKeyID, &k.SecretAccessKey, &k.AccountID, &k.PrincipalType, &k.PrincipalName,
		&k.SessionName, &k.SessionToken, &expires, &created); err != nil {
		return nil, err
	}
	k.Expires, k.CreatedAt = sqlkit.NullTime(expires), sqlkit.Time(created)
	return &k, nil
}
