package sightglass

import (
	"context"
	"time"
)

// Group is a QuickSight group in a namespace of an account. Resources
// shared with the group's ARN are shared with its members.
type Group struct {
	AccountID   string
	Namespace   string
	Name        string
	Description string
	PrincipalID string // unique per account
	CreatedAt   time.Time
}

// GroupMember is a user's membership of a group of the same namespace.
type GroupMember struct {
	AccountID  string
	Namespace  string
	GroupName  string
	MemberName string // the user's name
	CreatedAt  time.Time
}

// GroupARN returns the ARN of a QuickSight group.
func GroupARN(region, accountID, namespace, groupName string) string {
	return QuickSightARN(region, accountID, "group/"+namespace+"/"+groupName)
}

// GroupStore persists groups and their memberships.
type GroupStore interface {
	// CreateGroup returns EEXISTS if (account, namespace, name) or
	// (account, principal id) exists.
	CreateGroup(ctx context.Context, g *Group) error
	// FindGroup returns ENOTFOUND.
	FindGroup(ctx context.Context, accountID, namespace, name string) (*Group, error)
	// UpdateGroup replaces the description. Returns ENOTFOUND.
	UpdateGroup(ctx context.Context, g *Group) error
	// DeleteGroup deletes a group with its memberships. Returns ENOTFOUND.
	DeleteGroup(ctx context.Context, accountID, namespace, name string) error
	// ListGroups returns the groups of a namespace whose names start with
	// prefix ("" for all), ordered by name in byte order, after p.After,
	// at most p.Limit, and whether more follow.
	ListGroups(ctx context.Context, accountID, namespace, prefix string, p Page) ([]*Group, bool, error)
	// CountGroups counts the groups of a namespace.
	CountGroups(ctx context.Context, accountID, namespace string) (int, error)

	// CreateGroupMember adds a user to a group. Returns ENOTFOUND if the
	// group or the user does not exist, EEXISTS if the user is a member.
	CreateGroupMember(ctx context.Context, m *GroupMember) error
	// FindGroupMember returns ENOTFOUND.
	FindGroupMember(ctx context.Context, accountID, namespace, groupName, memberName string) (*GroupMember, error)
	// DeleteGroupMember returns ENOTFOUND.
	DeleteGroupMember(ctx context.Context, accountID, namespace, groupName, memberName string) error
	// ListGroupMembers returns a group's members ordered by member name,
	// paged as ListGroups; none (or no group) is an empty list.
	ListGroupMembers(ctx context.Context, accountID, namespace, groupName string, p Page) ([]*GroupMember, bool, error)
	// ListUserGroups returns the groups a user is a member of, ordered by
	// group name, paged as ListGroups. A deleted user's (or a deleted
	// group's) memberships are gone with it.
	ListUserGroups(ctx context.Context, accountID, namespace, userName string, p Page) ([]*Group, bool, error)
}
