package console

import (
	"context"
	"encoding/json"
	"net/http"

	sg "github.com/sightglass/sightglass"
)

// sqlColumnsMax bounds the columns one answer of the SQL editor's column
// completion names; sqlTableNameMax bounds the table name it accepts.
const (
	sqlColumnsMax   = 1000
	sqlTableNameMax = 512
)

// sqlColumnsAnswer is the JSON answer of the column completion: the
// table's columns with their dataset types, and whether the list was cut
// at sqlColumnsMax.
type sqlColumnsAnswer struct {
	Table     string          `json:"table"`
	Columns   []sqlColumnInfo `json:"columns"`
	Truncated bool            `json:"truncated,omitempty"`
}

type sqlColumnInfo struct {
	Name string `json:"name"`
	Type string `json:"type"`
}

// handleSQLColumns answers the custom SQL editor's column completion:
// GET …/data/sets/editor/sqlcolumns?source=S&table=T[&schema=X] names
// the columns of table T of data source S, which the user must be able to
// use and which must list T (the editor asks lazily, once per table).
func (c *Console) handleSQLColumns(w http.ResponseWriter, r *http.Request) {
	s, ok := c.fragmentSession(w, r)
	if !ok {
		return
	}
	q := r.URL.Query()
	out, err := c.sqlColumns(r.Context(), s.User, q.Get("source"), q.Get("schema"), q.Get("table"))
	if err != nil {
		c.fragmentError(w, r, err)
		return
	}
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "private, no-store")
	_ = json.NewEncoder(w).Encode(out)
}

// sqlColumns looks up the columns of a table the data source lists.
func (c *Console) sqlColumns(ctx context.Context, u *sg.User, source, schema, table string) (*sqlColumnsAnswer, error) {
	if table == "" || len(table) > sqlTableNameMax || len(schema) > sqlTableNameMax {
		return nil, sg.Errorf(sg.EINVALID, "Name a table of at most %d bytes.", sqlTableNameMax)
	}
	tables, err := c.app.SourceTables(ctx, u, source)
	if err != nil {
		return nil, err
	}
	found := false
	for _, t := range tables {
		if t.Name == table && (schema == "" || t.Schema == schema) {
			schema, found = t.Schema, true
			break
		}
	}
	if !found {
		return nil, sg.Errorf(sg.ENOTFOUND, "Data source %s has no table %s.", source, table)
	}
	cols, err := c.app.TableColumns(ctx, u, source, schema, table)
	if err != nil {
		return nil, err
	}
	out := &sqlColumnsAnswer{Table: table, Columns: make([]sqlColumnInfo, 0, min(len(cols), sqlColumnsMax))}
	for i, col := range cols {
		if i == sqlColumnsMax {
			out.Truncated = true
			break
		}
		out.Columns = append(out.Columns, sqlColumnInfo{Name: col.Name, Type: col.Type})
	}
	return out, nil
}
