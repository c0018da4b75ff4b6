package sightglass

import (
	"context"
	"encoding/json"
	"time"
)

// Theme is a custom theme of an account: a name, its permissions and tags,
// and its latest version. Each UpdateTheme adds a version; the built-in
// themes (CLASSIC, MIDNIGHT, …) are not stored (see internal/app).
type Theme struct {
	AccountID     string
	ID            string
	Name          string
	Permissions   []ResourcePermission
	Tags          []Tag
	VersionNumber int64 // the latest version
	CreatedAt     time.Time
	UpdatedAt     time.Time
}

// ThemeVersion is one version of a theme: the built-in theme it starts
// from and the ThemeConfiguration (QuickSight's JSON shape) it overrides
// that theme with.
type ThemeVersion struct {
	AccountID     string
	ThemeID       string
	VersionNumber int64
	BaseThemeID   string
	Description   string
	Configuration json.RawMessage
	CreatedAt     time.Time
}

// ThemeStore persists themes and their versions.
type ThemeStore interface {
	// CreateTheme creates the theme and its first version v (number 1,
	// as t.VersionNumber) in one transaction. Returns EEXISTS.
	CreateTheme(ctx context.Context, t *Theme, v *ThemeVersion) error
	// FindTheme returns ENOTFOUND.
	FindTheme(ctx context.Context, accountID, id string) (*Theme, error)
	// UpdateTheme replaces Name, Permissions and UpdatedAt. With v it also
	// numbers v after the theme's latest version, stores it and makes it
	// the latest (setting v.VersionNumber and t.VersionNumber), in the
	// same transaction. Returns ENOTFOUND.
	UpdateTheme(ctx context.Context, t *Theme, v *ThemeVersion) error
	// DeleteTheme deletes the theme, its versions and its tags. Returns
	// ENOTFOUND.
	DeleteTheme(ctx context.Context, accountID, id string) error
	// ListThemes returns themes ordered by id in byte order, after
	// p.After, at most p.Limit, and whether more follow.
	ListThemes(ctx context.Context, accountID string, p Page) (list []*Theme, more bool, err error)
	// FindThemeVersion returns ENOTFOUND.
	FindThemeVersion(ctx context.Context, accountID, id string, version int64) (*ThemeVersion, error)
	// ListThemeVersions returns the theme's versions ordered by number,
	// after the number after (0 for the start), at most limit (all if
	// limit ≤ 0), and whether more follow. Returns ENOTFOUND if the
	// theme does not exist.
	ListThemeVersions(ctx context.Context, accountID, id string, after int64, limit int) (list []*ThemeVersion, more bool, err error)

	// CreateThemeAlias returns EEXISTS.
	CreateThemeAlias(ctx context.Context, a *ThemeAlias) error
	// UpdateThemeAlias points the alias at a.VersionNumber. Returns
	// ENOTFOUND.
	UpdateThemeAlias(ctx context.Context, a *ThemeAlias) error
	// FindThemeAlias returns ENOTFOUND.
	FindThemeAlias(ctx context.Context, accountID, themeID, name string) (*ThemeAlias, error)
	// ListThemeAliases returns the theme's aliases ordered by name in
	// byte order.
	ListThemeAliases(ctx context.Context, accountID, themeID string) ([]*ThemeAlias, error)
	// DeleteThemeAlias returns ENOTFOUND.
	DeleteThemeAlias(ctx context.Context, accountID, themeID, name string) error
}

// ThemeAlias names one version of a theme (CreateThemeAlias); a theme's
// aliases are deleted with it.
type ThemeAlias struct {
	AccountID     string
	ThemeID       string
	Name          string
	VersionNumber int64
}

// AWSManagedAccount is the account part of the ARNs of QuickSight's
// starting themes (arn:aws:quicksight::aws:theme/CLASSIC); DescribeTheme
// accepts it as AwsAccountId.
const AWSManagedAccount = "aws"
