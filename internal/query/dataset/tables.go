// Package dataset parses and validates a QuickSight dataset's
// PhysicalTableMap and LogicalTableMap, derives its output columns and
// compiles it to one SELECT per dialect (the relation the query compiler
// aggregates over, and the SPICE ingestion query). JSON member names are
// those of the QuickSight API.
package dataset

import (
	"bytes"
	"encoding/json"
	"regexp"
	"slices"
	"sort"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/query/expr"
)

// Column is an output column of a dataset.
type Column struct {
	Name        string
	Type        string // STRING|INTEGER|DECIMAL|DATETIME|BIT|BOOLEAN|JSON
	Description string
}

// InputColumn is a column a physical table declares.
type InputColumn struct {
	Name    string `json:"Name"`
	Type    string `json:"Type"`
	Id      string `json:"Id,omitempty"`
	SubType string `json:"SubType,omitempty"`
}

// RelationalTable reads a table or view of a data source.
type RelationalTable struct {
	DataSourceArn string        `json:"DataSourceArn"`
	Catalog       string        `json:"Catalog,omitempty"`
	Schema        string        `json:"Schema,omitempty"`
	Name          string        `json:"Name"`
	InputColumns  []InputColumn `json:"InputColumns"`
}

// CustomSql reads the result of one SELECT at a data source.
type CustomSql struct {
	DataSourceArn string        `json:"DataSourceArn"`
	Name          string        `json:"Name"`
	SqlQuery      string        `json:"SqlQuery"`
	Columns       []InputColumn `json:"Columns"`
}

// PhysicalTable is one entry of the PhysicalTableMap. Exactly one member
// is set; Other holds the name of a member this package stores but does
// not compile (S3Source, SaaSTable, …).
type PhysicalTable struct {
	ID              string
	RelationalTable *RelationalTable
	CustomSql       *CustomSql
	Other           string
	otherColumns    []InputColumn
	query           string // CustomSql.SqlQuery as CheckCustomSQL returned it
	checked         bool   // CheckCustomSQL passed the query
}

// JoinInstruction joins two logical tables.
type JoinInstruction struct {
	LeftOperand            string             `json:"LeftOperand"`
	RightOperand           string             `json:"RightOperand"`
	Type                   string             `json:"Type"`
	OnClause               string             `json:"OnClause"`
	LeftJoinKeyProperties  *JoinKeyProperties `json:"LeftJoinKeyProperties,omitempty"`
	RightJoinKeyProperties *JoinKeyProperties `json:"RightJoinKeyProperties,omitempty"`
	on                     expr.Node
}

// JoinKeyProperties is kept for round trips.
type JoinKeyProperties struct {
	UniqueKey *bool `json:"UniqueKey,omitempty"`
}

// Source is where a logical table's rows come from.
type Source struct {
	PhysicalTableId string           `json:"PhysicalTableId,omitempty"`
	DataSetArn      string           `json:"DataSetArn,omitempty"`
	JoinInstruction *JoinInstruction `json:"JoinInstruction,omitempty"`
}

// CalculatedColumn is a column CreateColumnsOperation adds.
type CalculatedColumn struct {
	ColumnName string `json:"ColumnName"`
	ColumnId   string `json:"ColumnId"`
	Expression string `json:"Expression"`
	node       expr.Node
}

// Transform is one DataTransforms entry. Kind names the member; the
// operations this package applies have their fields filled, others
// (TagColumnOperation, …) are kept only by name and ignored.
type Transform struct {
	Kind string
	// ProjectOperation
	ProjectedColumns []string
	// FilterOperation
	ConditionExpression string
	condition           expr.Node
	// CreateColumnsOperation
	Columns []CalculatedColumn
	// RenameColumnOperation and CastColumnTypeOperation
	ColumnName    string
	NewColumnName string
	NewColumnType string
	Format        string
}

// LogicalTable is one entry of the LogicalTableMap.
type LogicalTable struct {
	ID         string
	Alias      string
	Source     Source
	Transforms []Transform
	columns    []Column // output columns, after transforms
}

// Tables is a parsed and validated dataset definition.
type Tables struct {
	Physical map[string]*PhysicalTable
	Logical  map[string]*LogicalTable
	Root     string // id of the logical table whose columns are the output
	// implicit is set when LogicalTableMap was empty.
	implicit bool
}

var mapKey = regexp.MustCompile(`^[0-9a-zA-Z-]{1,64}$`)

func invalid(format string, args ...any) error {
	return sg.Errorf(sg.EINVALID, format, args...)
}

// Parse parses and validates a dataset's PhysicalTableMap and
// LogicalTableMap (raw QuickSight JSON; logical may be empty: then the
// single physical table is its own logical table). Errors are *sg.Error
// with code EINVALID naming the member.
func Parse(physical, logical json.RawMessage) (*Tables, error) {
	t := &Tables{Physical: map[string]*PhysicalTable{}, Logical: map[string]*LogicalTable{}}
	if err := t.parsePhysical(physical); err != nil {
		return nil, err
	}
	if len(bytes.TrimSpace(logical)) == 0 || string(bytes.TrimSpace(logical)) == "null" {
		if len(t.Physical) != 1 {
			return nil, invalid("LogicalTableMap is required when PhysicalTableMap has more than one table")
		}
		for id := range t.Physical {
			t.Logical[id] = &LogicalTable{ID: id, Alias: id, Source: Source{PhysicalTableId: id}}
			t.Root = id
		}
		t.implicit = true
	} else if err := t.parseLogical(logical); err != nil {
		return nil, err
	}
	if err := t.resolve(); err != nil {
		return nil, err
	}
	return t, nil
}

// OutputColumns are the dataset's columns, as DescribeDataSet returns them.
func (t *Tables) OutputColumns() []Column {
	return slices.Clone(t.Logical[t.Root].columns)
}

// DataSourceARNs returns the data sources the physical tables read,
// sorted and without duplicates.
func (t *Tables) DataSourceARNs() []string {
	var out []string
	for _, p := range t.Physical {
		switch {
		case p.RelationalTable != nil:
			out = append(out, p.RelationalTable.DataSourceArn)
		case p.CustomSql != nil:
			out = append(out, p.CustomSql.DataSourceArn)
		}
	}
	sort.Strings(out)
	return slices.Compact(out)
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return keys
}
