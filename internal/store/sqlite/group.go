package sqlite

import (
	"context"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/store/sqlkit"
)

const groupColumns = `account_id, namespace, group_name, description, principal_id, created_at`

// CreateGroup returns EEXISTS if (account, namespace, name) or (account,
// principal id) exists.
func (s *Store) CreateGroup(ctx context.Context, g *sg.Group) error {
	_, err := s.ws.exec(ctx, `INSERT INTO groups (`+groupColumns+`) VALUES (?, ?, ?, ?, ?, ?)`,
		g.AccountID, g.Namespace, g.Name, g.Description, g.PrincipalID, sqlkit.Millis(g.CreatedAt))
	return normalize("create group", err, sqlkit.Meaning{Unique: sqlkit.GroupExists(g.AccountID, g.Namespace, g.Name)})
}

// FindGroup returns ENOTFOUND.
func (s *Store) FindGroup(ctx context.Context, accountID, namespace, name string) (*sg.Group, error) {
	g, err := scanGroup(s.rs.queryRow(ctx, `SELECT `+groupColumns+` FROM groups
		WHERE account_id = ? AND namespace = ? AND group_name = ?`, accountID, namespace, name))
	if err != nil {
		return nil, normalize("find group", err, sqlkit.Meaning{Missing: sqlkit.GroupNotFound(accountID, namespace, name)})
	}
	return g, nil
}

// UpdateGroup replaces the description. Returns ENOTFOUND.
func (s *Store) UpdateGroup(ctx context.Context, g *sg.Group) error {
	n, err := affected(s.ws.exec(ctx, `UPDATE groups SET description = ?
		WHERE account_id = ? AND namespace = ? AND group_name = ?`, g.Description, g.AccountID, g.Namespace, g.Name))
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
	n, err := affected(s.ws.exec(ctx, `DELETE FROM groups
		WHERE account_id = ? AND namespace = ? AND group_name = ?`, accountID, namespace, name))
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
	rows, err := s.rs.query(ctx, `SELECT `+groupColumns+` FROM groups
		WHERE account_id = ? AND namespace = ? AND group_name > ? AND group_name >= ?
		AND substr(group_name, 1, length(?)) = ?
		ORDER BY group_name LIMIT ?`, accountID, namespace, p.After, prefix, prefix, prefix, limit(sqlkit.Fetch(p)))
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
	err := s.rs.queryRow(ctx, `SELECT count(*) FROM groups WHERE account_id = ? AND namespace = ?`, accountID, namespace).Scan(&n)
	return n, normalize("count groups", err, sqlkit.Meaning{})
}

// CreateGroupMember returns ENOTFOUND if the group or the user does not
// exist (a foreign key), EEXISTS if the user is a member.
func (s *Store) CreateGroupMember(ctx context.Context, m *sg.GroupMember) error {
	_, err := s.ws.exec(ctx, `INSERT INTO group_members (account_id, namespace, group_name, member_name, created_at)
		VALUES (?, ?, ?, ?, ?)`, m.AccountID, m.Namespace, m.GroupName, m.MemberName, sqlkit.Millis(m.CreatedAt))
	return normalize("create group member", err, sqlkit.Meaning{
		Unique:  sqlkit.GroupMemberExists(m.AccountID, m.Namespace, m.GroupName, m.MemberName),
		Missing: sqlkit.GroupMemberMissing(m.AccountID, m.Namespace, m.GroupName, m.MemberName),
	})
}

// FindGroupMember returns ENOTFOUND.
func (s *Store) FindGroupMember(ctx context.Context, accountID, namespace, groupName, memberName string) (*sg.GroupMember, error) {
	m, err := scanGroupMember(s.rs.queryRow(ctx, `SELECT account_id, namespace, group_name, member_name, created_at
		FROM group_members WHERE account_id = ? AND namespace = ? AND group_name = ? AND member_name = ?`,
		accountID, namespace, groupName, memberName))
	if err != nil {
		return nil, normalize("find group member", err, sqlkit.Meaning{Missing: sqlkit.GroupMemberNotFound(accountID, namespace, groupName, memberName)})
	}
	return m, nil
}

// DeleteGroupMember returns ENOTFOUND.
func (s *Store) DeleteGroupMember(ctx context.Context, accountID, namespace, groupName, memberName string) error {
	n, err := affected(s.ws.exec(ctx, `DELETE FROM group_members
		WHERE account_id = ? AND namespace = ? AND group_name = ? AND member_name = ?`,
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
	rows, err := s.rs.query(ctx, `SELECT account_id, namespace, group_name, member_name, created_at
		FROM group_members WHERE account_id = ? AND namespace = ? AND group_name = ? AND member_name > ?
		ORDER BY member_name LIMIT ?`, accountID, namespace, groupName, p.After, limit(sqlkit.Fetch(p)))
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
	rows, err := s.rs.query(ctx, `SELECT g.account_id, g.namespace, g.group_name, g.description, g.principal_id, g.created_at
		FROM group_members m JOIN groups g
			ON g.account_id = m.account_id AND g.namespace = m.namespace AND g.group_name = m.group_name
		WHERE m.account_id = ? AND m.namespace = ? AND m.member_name = ? AND m.group_name > ?
		ORDER BY m.group_name LIMIT ?`, accountID, namespace, userName, p.After, limit(sqlkit.Fetch(p)))
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

func scanGroup(row scanner) (*sg.Group, error) {
	var g sg.Group
	var created int64
	if err := row.Scan(&g.AccountID, &g.Namespace, &g.Name, &g.Description, &g.PrincipalID, &created); err != nil {
		return nil, err
	}
	g.CreatedAt = sqlkit.Time(created)
	return &g, nil
}

func scanGroupMember(row scanner) (*sg.GroupMember, error) {
	var m sg.GroupMember
	var created int64
	if err := row.Scan(&m.AccountID, &m.Namespace, &m.GroupName, &m.MemberName, &created); err != nil {
		return nil, err
	}
	m.CreatedAt = sqlkit.Time(created)
	return &m, nil
}
