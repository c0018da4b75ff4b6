package postgres

import (
	"context"

	"github.com/jackc/pgx/v5"
	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

const groupColumns = `account_id, namespace, group_name, description, principal_id, created_at`

// CreateGroup returns EEXISTS if (account, namespace, name) or (account,
// principal id) exists.
func (s *Store) CreateGroup(ctx context.Context, g *sg.Group) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO groups (`+groupColumns+`) VALUES ($1, $2, $3, $4, $5, $6)`,
		g.AccountID, g.Namespace, g.Name, g.Description, g.PrincipalID, sqlkit.Millis(g.CreatedAt))
	return normalize("create group", err, sqlkit.Meaning{Unique: sqlkit.GroupExists(g.AccountID, g.Namespace, g.Name)})
}

// FindGroup returns ENOTFOUND.
func (s *Store) FindGroup(ctx context.Context, accountID, namespace, name string) (*sg.Group, error) {
	g, err := scanGroup(s.pool.QueryRow(ctx, `SELECT `+groupColumns+` FROM groups
		WHERE account_id = $1 AND namespace = $2 AND group_name = $3`, accountID, namespace, name))
	if err != nil {
		return nil, normalize("find group", err, sqlkit.Meaning{Missing: sqlkit.GroupNotFound(accountID, namespace, name)})
	}
	return g, nil
}

// UpdateGroup replaces the description. Returns ENOTFOUND.
func (s *Store) UpdateGroup(ctx context.Context, g *sg.Group) error {
	n, err := affected(s.pool.Exec(ctx, `UPDATE groups SET description = $1
		WHERE account_id = $2 AND namespace = $3 AND group_name = $4`, g.Description, g.AccountID, g.Namespace, g.Name))
	if err != nil {
		return normalize("update group", err, sqlkit.Meaning{})
	}
	if n == 0 {
		return sqlkit.GroupNotFound(g.AccountID, g.Namespace, g.Name)
	}
	return nil
}

// DeleteGroup deletes a group; its memberships go with it (foreign key
// cascade). Returns ENOTFOUND.
func (s *Store) DeleteGroup(ctx context.Context, accountID, namespace, name string) error {
	n, err := affected(s.pool.Exec(ctx, `DELETE FROM groups
		WHERE account_id = $1 AND namespace = $2 AND group_name = $3`, accountID, namespace, name))
	if err != nil {
		return normalize("delete group", err, sqlkit.Meaning{})
	}
	if n == 0 {
		return sqlkit.GroupNotFound(accountID, namespace, name)
	}
	return nil
}

// ListGroups returns a namespace's groups whose names start with prefix,
// ordered by name, after p.After, at most p.Limit, and whether more follow.
func (s *Store) ListGroups(ctx context.Context, accountID, namespace, prefix string, p sg.Page) ([]*sg.Group, bool, error) {
	rows, err := s.pool.Query(ctx, `SELECT `+groupColumns+` FROM groups
		WHERE account_id = $1 AND namespace = $2 AND group_name > $3 AND group_name >= $4
		AND starts_with(group_name, $4)
		ORDER BY group_name LIMIT $5`, accountID, namespace, p.After, prefix, limit(p))
	if err != nil {
		return nil, false, normalize("list groups", err, sqlkit.Meaning{})
	}
	list, err := collect(rows, scanGroup)
	if err != nil {
		return nil, false, normalize("list groups", err, sqlkit.Meaning{})
	}
	list, more := sqlkit.Trim(list, p)
	return list, more, nil
}

// CountGroups counts the groups of a namespace.
func (s *Store) CountGroups(ctx context.Context, accountID, namespace string) (int, error) {
	var n int
	err := s.pool.QueryRow(ctx, `SELECT count(*) FROM groups WHERE account_id = $1 AND namespace = $2`, accountID, namespace).Scan(&n)
	return n, normalize("count groups", err, sqlkit.Meaning{})
}

// CreateGroupMember returns ENOTFOUND if the group or the user does not
// exist (a foreign key), EEXISTS if the user is a member.
func (s *Store) CreateGroupMember(ctx context.Context, m *sg.GroupMember) error {
	_, err := s.pool.Exec(ctx, `INSERT INTO group_members (account_id, namespace, group_name, member_name, created_at)
		VALUES ($1, $2, $3, $4, $5)`, m.AccountID, m.Namespace, m.GroupName, m.MemberName, sqlkit.Millis(m.CreatedAt))
	return normalize("create group member", err, sqlkit.Meaning{
		Unique:  sqlkit.GroupMemberExists(m.AccountID, m.Namespace, m.GroupName, m.MemberName),
		Missing: sqlkit.GroupMemberMissing(m.AccountID, m.Namespace, m.GroupName, m.MemberName),
	})
}

// FindGroupMember returns ENOTFOUND.
func (s *Store) FindGroupMember(ctx context.Context, accountID, namespace, groupName, memberName string) (*sg.GroupMember, error) {
	m, err := scanGroupMember(s.pool.QueryRow(ctx, `SELECT account_id, namespace, group_name, member_name, created_at
		FROM group_members WHERE account_id = $1 AND namespace = $2 AND group_name = $3 AND member_name = $4`,
		accountID, namespace, groupName, memberName))
	if err != nil {
		return nil, normalize("find group member", err, sqlkit.Meaning{Missing: sqlkit.GroupMemberNotFound(accountID, namespace, groupName, memberName)})
	}
	return m, nil
}

// DeleteGroupMember returns ENOTFOUND.
func (s *Store) DeleteGroupMember(ctx context.Context, accountID, namespace, groupName, memberName string) error {
	n, err := affected(s.pool.Exec(ctx, `DELETE FROM group_members
		WHERE account_id = $1 AND namespace = $2 AND group_name = $3 AND member_name = $4`,
		accountID, namespace, groupName, memberName))
	if err != nil {
		return normalize("delete group member", err, sqlkit.Meaning{})
	}
	if n == 0 {
		return sqlkit.GroupMemberNotFound(accountID, namespace, groupName, memberName)
	}
	return nil
}

// ListGroupMembers returns a group's members ordered by member name.
func (s *Store) ListGroupMembers(ctx context.Context, accountID, namespace, groupName string, p sg.Page) ([]*sg.GroupMember, bool, error) {
	rows, err := s.pool.Query(ctx, `SELECT account_id, namespace, group_name, member_name, created_at
		FROM group_members WHERE account_id = $1 AND namespace = $2 AND group_name = $3 AND member_name > $4
		ORDER BY member_name LIMIT $5`, accountID, namespace, groupName, p.After, limit(p))
	if err != nil {
		return nil, false, normalize("list group members", err, sqlkit.Meaning{})
	}
	list, err := collect(rows, scanGroupMember)
	if err != nil {
		return nil, false, normalize("list group members", err, sqlkit.Meaning{})
	}
	list, more := sqlkit.Trim(list, p)
	return list, more, nil
}

// ListUserGroups returns the groups a user is a member of, by group name.
func (s *Store) ListUserGroups(ctx context.Context, accountID, namespace, userName string, p sg.Page) ([]*sg.Group, bool, error) {
	rows, err := s.pool.Query(ctx, `SELECT g.account_id, g.namespace, g.group_name, g.description, g.principal_id, g.created_at
		FROM group_members m JOIN groups g
			ON g.account_id = m.account_id AND g.namespace = m.namespace AND g.group_name = m.group_name
		WHERE m.account_id = $1 AND m.namespace = $2 AND m.member_name = $3 AND m.group_name > $4
		ORDER BY m.group_name LIMIT $5`, accountID, namespace, userName, p.After, limit(p))
	if err != nil {
		return nil, false, normalize("list user groups", err, sqlkit.Meaning{})
	}
	list, err := collect(rows, scanGroup)
	if err != nil {
		return nil, false, normalize("list user groups", err, sqlkit.Meaning{})
	}
	list, more := sqlkit.Trim(list, p)
	return list, more, nil
}

func scanGroup(row pgx.Row) (*sg.Group, error) {
	var g sg.Group
	var created int64
	if err := row.Scan(&g.AccountID, &g.Namespace, &g.Name, &g.Description, &g.PrincipalID, &created); err != nil {
		return nil, err
	}
	g.CreatedAt = sqlkit.Time(created)
	return &g, nil
}

func scanGroupMember(row pgx.Row) (*sg.GroupMember, error) {
	var m sg.GroupMember
	var created int64
	if err := row.Scan(&m.AccountID, &m.Namespace, &m.GroupName, &m.MemberName, &created); err != nil {
		return nil, err
	}
	m.CreatedAt = sqlkit.Time(created)
	return &m, nil
}
