package sqlite

import (
	"context"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

const accountColumns = `id, name, edition, authentication_type, notification_email, status,
	default_namespace, public_sharing_enabled, termination_protection_enabled,
	embedding_domains, created_at, updated_at`

// CreateAccount stores a new subscription. Returns EEXISTS if the account
// id is subscribed, else ECONFLICT if the name is taken.
func (s *Store) CreateAccount(ctx context.Context, a *sg.Account) error {
	_, err := s.ws.exec(ctx, `INSERT INTO accounts (`+accountColumns+`)
		VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
		a.ID, a.Name, a.Edition, a.AuthenticationType, a.NotificationEmail, a.Status,
		a.DefaultNamespace, boolInt(a.PublicSharingEnabled), boolInt(a.TerminationProtectionEnabled),
		sqlkit.JSON(a.EmbeddingDomains), sqlkit.Millis(a.CreatedAt), sqlkit.Millis(a.UpdatedAt))
	if !isUnique(err) {
		return normalize("create account", err, sqlkit.Meaning{})
	}
	// Both the id and the name are unique; which one the violation names
	// is the driver's business. The id decides: EEXISTS if it is taken.
	conflict := sqlkit.AccountNameTaken(a.Name)
	if _, ferr := s.FindAccount(ctx, a.ID); ferr == nil {
		conflict = sqlkit.AccountExists(a.ID)
	}
	return normalize("create account", err, sqlkit.Meaning{Unique: conflict})
}

// FindAccount returns ENOTFOUND if the account id has no subscription.
func (s *Store) FindAccount(ctx context.Context, id string) (*sg.Account, error) {
	a, err := scanAccount(s.rs.queryRow(ctx, `SELECT `+accountColumns+` FROM accounts WHERE id = ?`, id))
	if err != nil {
		return nil, normalize("find account", err, sqlkit.Meaning{Missing: sqlkit.AccountNotFound(id)})
	}
	return a, nil
}

// ListAccounts returns every subscription, ordered by id.
func (s *Store) ListAccounts(ctx context.Context) ([]*sg.Account, error) {
	rows, err := s.rs.query(ctx, `SELECT `+accountColumns+` FROM accounts ORDER BY id`)
	if err != nil {
		return nil, normalize("list accounts", err, sqlkit.Meaning{})
	}
	list, err := collect(rows, scanAccount)
	if err != nil {
		return nil, normalize("list accounts", err, sqlkit.Meaning{})
	}
	return list, nil
}

// UpdateAccount replaces every field but ID and CreatedAt. Returns
// ENOTFOUND, or ECONFLICT if the new name is taken.
func (s *Store) UpdateAccount(ctx context.Context, a *sg.Account) error {
	n, err := affected(s.ws.exec(ctx, `UPDATE accounts SET name = ?, edition = ?,
		authentication_type = ?, notification_email = ?, status = ?, default_namespace = ?,
		public_sharing_enabled = ?, termination_protection_enabled = ?, embedding_domains = ?,
		updated_at = ?
		WHERE id = ?`,
		a.Name, a.Edition, a.AuthenticationType, a.NotificationEmail, a.Status, a.DefaultNamespace,
		boolInt(a.PublicSharingEnabled), boolInt(a.TerminationProtectionEnabled),
		sqlkit.JSON(a.EmbeddingDomains), sqlkit.Millis(a.UpdatedAt), a.ID))
	if err != nil {
		return normalize("update account", err, sqlkit.Meaning{Unique: sqlkit.AccountNameTaken(a.Name)})
	}
	if n == 0 {
		return sqlkit.AccountNotFound(a.ID)
	}
	return nil
}

func scanAccount(row scanner) (*sg.Account, error) {
	var a sg.Account
	var domains string
	var created, updated int64
	if err := row.Scan(&a.ID, &a.Name, &a.Edition, &a.AuthenticationType, &a.NotificationEmail,
		&a.Status, &a.DefaultNamespace, &a.PublicSharingEnabled, &a.TerminationProtectionEnabled,
		&domains, &created, &updated); err != nil {
		return nil, err
	}
	var err error
	if a.EmbeddingDomains, err = sqlkit.Decode[[]string](domains); err != nil {
		return nil, err
	}
	a.CreatedAt, a.UpdatedAt = sqlkit.Time(created), sqlkit.Time(updated)
	return &a, nil
}
