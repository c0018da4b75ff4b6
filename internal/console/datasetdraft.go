package console

import (
	"crypto/rand"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"sort"
	"strings"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/query/dataset"
)

// draft is the dataset editor's state between steps: the dataset as
// CreateDataSet takes it, plus what the editor needs to continue. The
// page carries it in a hidden field; every step posts it back, and the
// server applies the step and checks the result with the same code as the
// API (App.PreviewDataSetDraft compiles it as CreateDataSet does). A
// tampered draft is only ever a dataset definition the user could have
// sent through the API, and is checked and authorised as one.
type draft struct {
	DataSetID        string                     `json:"DataSetId"`
	Create           bool                       `json:"Create"`
	Name             string                     `json:"Name"`
	ImportMode       string                     `json:"ImportMode"`
	DataSourceID     string                     `json:"DataSourceId"`
	PhysicalTableMap map[string]json.RawMessage `json:"PhysicalTableMap"`
	LogicalTableMap  map[string]*draftLogical   `json:"LogicalTableMap"`
}

// draftLogical is a logical table of a draft. Source and the transforms
// are kept as JSON so that members the editor does not model survive.
type draftLogical struct {
	Alias          string            `json:"Alias"`
	Source         json.RawMessage   `json:"Source"`
	DataTransforms []json.RawMessage `json:"DataTransforms,omitempty"`
}

// draftSource is what the editor reads of a logical table's source.
type draftSource struct {
	PhysicalTableId string                   `json:"PhysicalTableId,omitempty"`
	JoinInstruction *dataset.JoinInstruction `json:"JoinInstruction,omitempty"`
}

// maxDraftBytes bounds a posted draft (and the whole editor form).
const maxDraftBytes = 512 << 10

func parseDraft(s string) (*draft, error) {
	if len(s) > maxDraftBytes {
		return nil, sg.Errorf(sg.EINVALID, "The dataset is larger than the editor accepts.")
	}
	var d draft
	if err := json.Unmarshal([]byte(s), &d); err != nil {
		return nil, sg.Errorf(sg.EINVALID, "The editor's state is not valid: %v", err)
	}
	if d.PhysicalTableMap == nil {
		d.PhysicalTableMap = map[string]json.RawMessage{}
	}
	if d.LogicalTableMap == nil {
		d.LogicalTableMap = map[string]*draftLogical{}
	}
	for id, lt := range d.LogicalTableMap {
		if lt == nil {
			return nil, sg.Errorf(sg.EINVALID, "LogicalTableMap.%s is null.", id)
		}
	}
	return &d, nil
}

// draftOf is the draft of a stored dataset. A dataset without a
// LogicalTableMap gets the implicit one (its single physical table).
func draftOf(d *sg.DataSet) (*draft, error) {
	out := &draft{DataSetID: d.ID, Name: d.Name, ImportMode: d.ImportMode, DataSourceID: strings.Join(d.DataSourceIDs, ",")}
	if err := json.Unmarshal(d.PhysicalTableMap, &out.PhysicalTableMap); err != nil {
		return nil, err
	}
	if len(d.LogicalTableMap) > 0 {
		if err := json.Unmarshal(d.LogicalTableMap, &out.LogicalTableMap); err != nil {
			return nil, err
		}
	} else {
		out.LogicalTableMap = map[string]*draftLogical{}
		for id := range out.PhysicalTableMap {
			src, _ := json.Marshal(draftSource{PhysicalTableId: id})
			out.LogicalTableMap[id] = &draftLogical{Alias: id, Source: src}
		}
	}
	return out, nil
}

// JSON returns the draft as the page carries it.
func (d *draft) JSON() string {
	b, _ := json.Marshal(d)
	return string(b)
}

// maps returns the table maps as CreateDataSet takes them.
func (d *draft) maps() (physical, logical json.RawMessage) {
	physical, _ = json.Marshal(d.PhysicalTableMap)
	if len(d.LogicalTableMap) > 0 {
		logical, _ = json.Marshal(d.LogicalTableMap)
	}
	return physical, logical
}

func (lt *draftLogical) source() draftSource {
	var s draftSource
	_ = json.Unmarshal(lt.Source, &s)
	return s
}

// root returns the id of the logical table no join uses (the output), or
// "" when there is not exactly one.
func (d *draft) root() string {
	used := map[string]bool{}
	for _, lt := range d.LogicalTableMap {
		if j := lt.source().JoinInstruction; j != nil {
			used[j.LeftOperand], used[j.RightOperand] = true, true
		}
	}
	var roots []string
	for id := range d.LogicalTableMap {
		if !used[id] {
			roots = append(roots, id)
		}
	}
	if len(roots) != 1 {
		return ""
	}
	return roots[0]
}

// nextID returns prefix followed by the smallest number not yet a key of
// either map.
func (d *draft) nextID(prefix string) string {
	for i := 1; ; i++ {
		id := fmt.Sprintf("%s%d", prefix, i)
		_, p := d.PhysicalTableMap[id]
		_, l := d.LogicalTableMap[id]
		if !p && !l {
			return id
		}
	}
}

// startTable makes the draft read one table of a data source.
func startTable(sourceARN, sourceID, schema, table string, cols []dataset.InputColumn) *draft {
	d := &draft{Create: true, Name: table, ImportMode: sg.ImportDirectQuery, DataSourceID: sourceID,
		PhysicalTableMap: map[string]json.RawMessage{}, LogicalTableMap: map[string]*draftLogical{}}
	d.addTable(sourceARN, schema, table, cols)
	return d
}

// startSQL makes the draft read a custom SQL query.
func startSQL(sourceARN, sourceID, name, query string, cols []dataset.InputColumn) *draft {
	d := &draft{Create: true, Name: name, ImportMode: sg.ImportDirectQuery, DataSourceID: sourceID,
		PhysicalTableMap: map[string]json.RawMessage{}, LogicalTableMap: map[string]*draftLogical{}}
	p, _ := json.Marshal(map[string]any{"CustomSql": dataset.CustomSql{DataSourceArn: sourceARN, Name: name, SqlQuery: query, Columns: cols}})
	d.PhysicalTableMap["sql1"] = p
	src, _ := json.Marshal(draftSource{PhysicalTableId: "sql1"})
	d.LogicalTableMap["sql1"] = &draftLogical{Alias: alias(name), Source: src}
	return d
}

// addTable adds a physical table and its logical table, and returns the
// logical table's id.
func (d *draft) addTable(sourceARN, schema, table string, cols []dataset.InputColumn) string {
	id := d.nextID("t")
	p, _ := json.Marshal(map[string]any{"RelationalTable": dataset.RelationalTable{DataSourceArn: sourceARN, Schema: schema, Name: table, InputColumns: cols}})
	d.PhysicalTableMap[id] = p
	src, _ := json.Marshal(draftSource{PhysicalTableId: id})
	d.LogicalTableMap[id] = &draftLogical{Alias: alias(table), Source: src}
	return id
}

// alias cuts a name to a logical table's 64-character alias.
func alias(name string) string {
	r := []rune(name)
	if len(r) > 64 {
		r = r[:64]
	}
	if len(r) == 0 {
		return "table"
	}
	return string(r)
}

// transform appends a data transform to the output table.
func (d *draft) transform(op string, body any) error {
	root := d.root()
	if root == "" {
		return sg.Errorf(sg.EINVALID, "The dataset has no single output table to change.")
	}
	raw, err := json.Marshal(map[string]any{op: body})
	if err != nil {
		return err
	}
	lt := d.LogicalTableMap[root]
	lt.DataTransforms = append(lt.DataTransforms, raw)
	return nil
}

// removeStep removes the output table's transform i.
func (d *draft) removeStep(i int) error {
	root := d.root()
	if root == "" {
		return sg.Errorf(sg.EINVALID, "The dataset has no single output table to change.")
	}
	lt := d.LogicalTableMap[root]
	if i < 0 || i >= len(lt.DataTransforms) {
		return sg.Errorf(sg.EINVALID, "There is no step %d.", i+1)
	}
	lt.DataTransforms = slices.Delete(lt.DataTransforms, i, i+1)
	return nil
}

// rename renames an output column.
func (d *draft) rename(column, to string) error {
	return d.transform("RenameColumnOperation", map[string]string{"ColumnName": column, "NewColumnName": to})
}

// cast changes an output column's type.
func (d *draft) cast(column, typ, format string) error {
	body := map[string]string{"ColumnName": column, "NewColumnType": typ}
	if format != "" {
		body["Format"] = format
	}
	return d.transform("CastColumnTypeOperation", body)
}

// exclude keeps every output column but column.
func (d *draft) exclude(cols []sg.DataSetColumn, column string) error {
	var keep []string
	for _, c := range cols {
		if c.Name != column {
			keep = append(keep, c.Name)
		}
	}
	if len(keep) == len(cols) {
		return sg.Errorf(sg.EINVALID, "The dataset has no column %q.", column)
	}
	if len(keep) == 0 {
		return sg.Errorf(sg.EINVALID, "A dataset needs at least one column.")
	}
	return d.transform("ProjectOperation", map[string][]string{"ProjectedColumns": keep})
}

// calculated adds a calculated column.
func (d *draft) calculated(name, expression string) error {
	var b [8]byte
	rand.Read(b[:])
	col := dataset.CalculatedColumn{ColumnName: name, ColumnId: hex.EncodeToString(b[:]), Expression: expression}
	return d.transform("CreateColumnsOperation", map[string][]dataset.CalculatedColumn{"Columns": {col}})
}

// filter keeps the rows where condition holds.
func (d *draft) filter(condition string) error {
	return d.transform("FilterOperation", map[string]string{"ConditionExpression": condition})
}

// joinKeyTypes explains keys of different types, or returns "".
func joinKeyTypes(left sg.DataSetColumn, right dataset.InputColumn) string {
	lt, rt := keyType(left.Type), keyType(right.Type)
	if lt == rt {
		return ""
	}
	return fmt.Sprintf("The join keys have different types: %s is %s and %s is %s. Change the type of one of them (Columns → Change type) so that both are %s or both are %s, then join.", left.Name, left.Type, right.Name, right.Type, left.Type, right.Type)
}

// keyType is the type join keys compare as.
func keyType(t string) string {
	switch t {
	case "BIT", "BOOLEAN":
		return "INTEGER"
	case "JSON":
		return "STRING"
	}
	return t
}

// join adds a table of the same data source and joins it to the output
// on leftKey = rightKey. The added table's columns that the output
// already has are renamed "name[table]", as QuickSight does.
func (d *draft) join(sourceARN, schema, table string, cols []dataset.InputColumn, out []sg.DataSetColumn, joinType, leftKey, rightKey string) error {
	if !slices.Contains([]string{"INNER", "LEFT", "RIGHT", "OUTER"}, joinType) {
		return sg.Errorf(sg.EINVALID, "The join type must be INNER, LEFT, RIGHT or OUTER.")
	}
	root := d.root()
	if root == "" {
		return sg.Errorf(sg.EINVALID, "The dataset has no single output table to join to.")
	}
	li := slices.IndexFunc(out, func(c sg.DataSetColumn) bool { return c.Name == leftKey })
	ri := slices.IndexFunc(cols, func(c dataset.InputColumn) bool { return c.Name == rightKey })
	if li < 0 {
		return sg.Errorf(sg.EINVALID, "The dataset has no column %q.", leftKey)
	}
	if ri < 0 {
		return sg.Errorf(sg.EINVALID, "Table %s has no column %q.", table, rightKey)
	}
	if msg := joinKeyTypes(out[li], cols[ri]); msg != "" {
		return sg.Errorf(sg.EINVALID, "%s", msg)
	}
	right := d.addTable(sourceARN, schema, table, cols)
	taken := map[string]bool{}
	for _, c := range out {
		taken[c.Name] = true
	}
	rightName := rightKey
	var renames []string
	for _, c := range cols {
		if taken[c.Name] {
			renames = append(renames, c.Name)
		}
	}
	sort.Strings(renames)
	for _, n := range renames {
		to := n + "[" + table + "]"
		raw, _ := json.Marshal(map[string]any{"RenameColumnOperation": map[string]string{"ColumnName": n, "NewColumnName": to}})
		d.LogicalTableMap[right].DataTransforms = append(d.LogicalTableMap[right].DataTransforms, raw)
		if n == rightKey {
			rightName = to
		}
	}
	id := d.nextID("j")
	src, _ := json.Marshal(draftSource{JoinInstruction: &dataset.JoinInstruction{
		LeftOperand: root, RightOperand: right, Type: joinType,
		OnClause: "{" + leftKey + "} = {" + rightName + "}",
	}})
	d.LogicalTableMap[id] = &draftLogical{Alias: alias(d.LogicalTableMap[root].Alias + " + " + table), Source: src}
	return nil
}
