package sightglass

import (
	"context"
	"time"
)

// QuickSight user roles.
const (
	RoleAdmin            = "ADMIN"
	RoleAuthor           = "AUTHOR"
	RoleReader           = "READER"
	RoleRestrictedAuthor = "RESTRICTED_AUTHOR"
	RoleRestrictedReader = "RESTRICTED_READER"
	RoleAdminPro         = "ADMIN_PRO"
	RoleAuthorPro        = "AUTHOR_PRO"
	RoleReaderPro        = "READER_PRO"
)

// Identity types.
const (
	IdentityIAM               = "IAM"
	IdentityQuickSight        = "QUICKSIGHT"
	IdentityIAMIdentityCenter = "IAM_IDENTITY_CENTER"
)

// Tag is a resource tag.
type Tag struct {
	Key   string `json:"Key"`
	Value string `json:"Value"`
}

// User is a QuickSight user in a namespace of an account.
type User struct {
	AccountID    string
	Namespace    string
	UserName     string // IAM users: the IAM user name; role sessions: ROLE/SESSION
	Email        string
	Role         string
	IdentityType string
	Active       bool
	PrincipalID  string // unique per account
	// IAMArn is the IAM principal an IAM-identity user is bound to (the
	// role's ARN for role sessions). Empty for QUICKSIGHT identities.
	IAMArn                              string
	SessionName                         string
	CustomPermissionsName               string
	ExternalLoginFederationProviderType string
	ExternalLoginFederationProviderURL  string
	ExternalLoginID                     string
	Tags                                []Tag
	CreatedAt                           time.Time
	UpdatedAt                           time.Time
	// AuthorizedDashboards is set on the virtual reader of an anonymous
	// embedding session alone (IdentityType ANONYMOUS, no user row): the
	// ids of the only dashboards it may read, whatever their permissions.
	// It is nil for a registered user.
	AuthorizedDashboards []string
}

// Anonymous reports whether u is the virtual reader of an anonymous
// embedding session.
func (u *User) Anonymous() bool { return u.AuthorizedDashboards != nil }

// Page asks for one page of a keyset-paginated list: items whose key sorts
// after After (byte order), at most Limit of them.
type Page struct {
	After string
	Limit int
}

// UserStore persists QuickSight users.
type UserStore interface {
	// CreateUser returns EEXISTS if (account, namespace, user name) or
	// (account, principal id) exists.
	CreateUser(ctx context.Context, u *User) error
	// FindUser returns ENOTFOUND.
	FindUser(ctx context.Context, accountID, namespace, userName string) (*User, error)
	// FindUserByPrincipalID returns ENOTFOUND.
	FindUserByPrincipalID(ctx context.Context, accountID, namespace, principalID string) (*User, error)
	// UpdateUser replaces every mutable field (all but the key fields,
	// PrincipalID and CreatedAt). Returns ENOTFOUND.
	UpdateUser(ctx context.Context, u *User) error
	// DeleteUser returns ENOTFOUND.
	DeleteUser(ctx context.Context, accountID, namespace, userName string) error
	// ListUsers returns users ordered by user name in byte order, after
	// p.After, at most p.Limit, and whether more follow.
	ListUsers(ctx context.Context, accountID, namespace string, p Page) (users []*User, more bool, err error)
	// CountUsersWithCustomPermissions counts users of the account that
	// have the named custom permissions profile.
	CountUsersWithCustomPermissions(ctx context.Context, accountID, name string) (int, error)
}
