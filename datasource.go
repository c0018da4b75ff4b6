package sightglass

import (
	"context"
	"time"
)

// Data source types that Sightglass connects to. The first three are
// QuickSight's DataSourceType values; SQLITE is Sightglass's extension (a
// database file in the operator's data-source directory).
const (
	DataSourcePostgreSQL = "POSTGRESQL"
	DataSourceMySQL      = "MYSQL"
	DataSourceMariaDB    = "MARIADB"
	DataSourceSQLite     = "SQLITE"
)

// Resource statuses (QuickSight's ResourceStatus).
const (
	StatusCreationInProgress = "CREATION_IN_PROGRESS"
	StatusCreationSuccessful = "CREATION_SUCCESSFUL"
	StatusCreationFailed     = "CREATION_FAILED"
	StatusUpdateInProgress   = "UPDATE_IN_PROGRESS"
	StatusUpdateSuccessful   = "UPDATE_SUCCESSFUL"
	StatusUpdateFailed       = "UPDATE_FAILED"
)

// DataSource is a connection to a database that datasets read.
type DataSource struct {
	AccountID string
	ID        string
	Name      string
	Type      string // a QuickSight DataSourceType, or DataSourceSQLite
	// Parameters is the DataSourceParameters JSON object (a union with one
	// member) as the client sent it, returned as is by Describe.
	Parameters []byte
	// SSLProperties and VPCConnectionProperties are the JSON objects of
	// the same members, or nil.
	SSLProperties           []byte
	VPCConnectionProperties []byte
	// SealedCredentials is the credential pair encrypted by
	// internal/secretbox, or nil. Stores keep the bytes opaque.
	SealedCredentials []byte
	Status            string // a resource status
	// ErrorType and ErrorMessage are the DataSourceErrorInfo of the last
	// failed creation or update ("" when it succeeded).
	ErrorType    string
	ErrorMessage string
	Permissions  []ResourcePermission
	Tags         []Tag
	// Version counts the updates of the connection (1 on creation); caches
	// and connection pools are keyed by it.
	Version   int64
	CreatedAt time.Time
	UpdatedAt time.Time
}

// DataSourceStore persists data sources.
type DataSourceStore interface {
	// CreateDataSource returns EEXISTS.
	CreateDataSource(ctx context.Context, d *DataSource) error
	// FindDataSource returns ENOTFOUND.
	FindDataSource(ctx context.Context, accountID, id string) (*DataSource, error)
	// ListDataSources returns data sources ordered by id in byte order,
	// after p.After, at most p.Limit, and whether more follow.
	ListDataSources(ctx context.Context, accountID string, p Page) ([]*DataSource, bool, error)
	// UpdateDataSource replaces every field but AccountID, ID and
	// CreatedAt. Returns ENOTFOUND.
	UpdateDataSource(ctx context.Context, d *DataSource) error
	// DeleteDataSource returns ENOTFOUND.
	DeleteDataSource(ctx context.Context, accountID, id string) error
}
