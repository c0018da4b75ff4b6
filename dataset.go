package sightglass

import (
	"context"
	"time"
)

// Dataset import modes.
const (
	ImportSPICE       = "SPICE"
	ImportDirectQuery = "DIRECT_QUERY"
)

// DataSetColumn is an output column of a dataset.
type DataSetColumn struct {
	Name        string `json:"Name"`
	Type        string `json:"Type"` // STRING, INTEGER, DECIMAL, DATETIME, BIT, BOOLEAN or JSON
	Description string `json:"Description,omitempty"`
}

// DataSet is a dataset: tables of data sources, joined and transformed,
// queried directly or imported into SPICE.
type DataSet struct {
	AccountID  string
	ID         string
	Name       string
	ImportMode string // ImportSPICE or ImportDirectQuery
	// PhysicalTableMap and LogicalTableMap are the JSON objects the client
	// sent (LogicalTableMap nil when absent), returned as sent.
	PhysicalTableMap []byte
	LogicalTableMap  []byte
	// Extra holds the other members of the dataset (ColumnGroups,
	// FieldFolders, …) as a JSON object, stored and returned unchanged.
	Extra         []byte
	OutputColumns []DataSetColumn
	// DataSourceIDs are the data sources the physical tables read.
	DataSourceIDs []string
	Permissions   []ResourcePermission
	Tags          []Tag
	// Version counts the updates of the definition (1 on creation).
	Version int64
	// SPICEIngestionID is the ingestion whose copy SPICE queries read ("" if
	// none completed); SPICEBytes is the size of that copy.
	SPICEIngestionID string
	SPICEBytes       int64
	// RefreshProperties is the DataSetRefreshProperties JSON object of
	// PutDataSetRefreshProperties, as sent (nil: none).
	RefreshProperties []byte
	CreatedAt         time.Time
	UpdatedAt         time.Time
}

// DataSetStore persists datasets.
type DataSetStore interface {
	// CreateDataSet returns EEXISTS.
	CreateDataSet(ctx context.Context, d *DataSet) error
	// FindDataSet returns ENOTFOUND.
	FindDataSet(ctx context.Context, accountID, id string) (*DataSet, error)
	// ListDataSets returns datasets ordered by id in byte order, after
	// p.After, at most p.Limit, and whether more follow.
	ListDataSets(ctx context.Context, accountID string, p Page) ([]*DataSet, bool, error)
	// UpdateDataSet replaces the definition: every field but AccountID, ID,
	// CreatedAt, SPICEIngestionID, SPICEBytes and RefreshProperties.
	// Returns ENOTFOUND.
	UpdateDataSet(ctx context.Context, d *DataSet) error
	// SetDataSetSPICE records the ingestion SPICE queries read and its size.
	// Returns ENOTFOUND.
	SetDataSetSPICE(ctx context.Context, accountID, id, ingestionID string, bytes int64) error
	// SetDataSetRefreshProperties records a dataset's refresh properties
	// (nil: none). Returns ENOTFOUND.
	SetDataSetRefreshProperties(ctx context.Context, accountID, id string, props []byte) error
	// DeleteDataSet deletes a dataset and its ingestions. Returns ENOTFOUND.
	DeleteDataSet(ctx context.Context, accountID, id string) error
}
