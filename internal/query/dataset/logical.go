package dataset

import (
	"encoding/json"

	"github.com/sightglass/sightglass/internal/query/expr"
)

var joinTypes = map[string]bool{"INNER": true, "OUTER": true, "LEFT": true, "RIGHT": true}

var castTypes = map[string]bool{"STRING": true, "INTEGER": true, "DECIMAL": true, "DATETIME": true}

type rawLogical struct {
	Alias          string                       `json:"Alias"`
	Source         *Source                      `json:"Source"`
	DataTransforms []map[string]json.RawMessage `json:"DataTransforms"`
}

func (t *Tables) parseLogical(raw json.RawMessage) error {
	var m map[string]rawLogical
	if err := json.Unmarshal(raw, &m); err != nil || m == nil {
		return invalid("LogicalTableMap must be an object of logical tables")
	}
	if len(m) < 1 || len(m) > 64 {
		return invalid("LogicalTableMap must have 1 to 64 tables, found %d", len(m))
	}
	for _, id := range sortedKeys(m) {
		r := m[id]
		path := "LogicalTableMap." + id
		if !mapKey.MatchString(id) {
			return invalid("LogicalTableMap key %q must be 1 to 64 letters, digits or hyphens", id)
		}
		if err := checkLength(path+".Alias", r.Alias, 1, 64); err != nil {
			return err
		}
		if r.Source == nil {
			return invalid("%s.Source is required", path)
		}
		set := 0
		for _, s := range []bool{r.Source.PhysicalTableId != "", r.Source.DataSetArn != "", r.Source.JoinInstruction != nil} {
			if s {
				set++
			}
		}
		if set != 1 {
			return invalid("%s.Source must have exactly one of PhysicalTableId, DataSetArn, JoinInstruction", path)
		}
		if r.Source.DataSetArn != "" {
			return invalid("%s.Source.DataSetArn: datasets built on other datasets are not supported", path)
		}
		if j := r.Source.JoinInstruction; j != nil {
			if !joinTypes[j.Type] {
				return invalid("%s.Source.JoinInstruction.Type %q must be one of INNER, OUTER, LEFT, RIGHT", path, j.Type)
			}
			if j.LeftOperand == "" || j.RightOperand == "" {
				return invalid("%s.Source.JoinInstruction needs LeftOperand and RightOperand", path)
			}
			if err := checkLength(path+".Source.JoinInstruction.OnClause", j.OnClause, 1, 512); err != nil {
				return err
			}
			n, err := expr.Parse(j.OnClause)
			if err != nil {
				return invalid("%s.Source.JoinInstruction.OnClause is invalid: %v", path, err)
			}
			j.on = n
		}
		if len(r.DataTransforms) > 2048 {
			return invalid("%s.DataTransforms must have at most 2048 operations", path)
		}
		lt := &LogicalTable{ID: id, Alias: r.Alias, Source: *r.Source}
		for i, op := range r.DataTransforms {
			tr, err := parseTransform(path, i, op)
			if err != nil {
				return err
			}
			lt.Transforms = append(lt.Transforms, tr)
		}
		t.Logical[id] = lt
	}
	return nil
}

func parseTransform(path string, i int, op map[string]json.RawMessage) (Transform, error) {
	if len(op) != 1 {
		return Transform{}, invalid("%s.DataTransforms[%d] must have exactly one operation", path, i)
	}
	var tr Transform
	for kind, body := range op {
		tr.Kind = kind
		p := path + ".DataTransforms[" + itoa(i) + "]." + kind
		switch kind {
		case "ProjectOperation":
			var v struct {
				ProjectedColumns []string `json:"ProjectedColumns"`
			}
			if err := json.Unmarshal(body, &v); err != nil || len(v.ProjectedColumns) < 1 || len(v.ProjectedColumns) > 2000 {
				return tr, invalid("%s.ProjectedColumns must list 1 to 2000 columns", p)
			}
			tr.ProjectedColumns = v.ProjectedColumns
		case "FilterOperation":
			var v struct {
				ConditionExpression string `json:"ConditionExpression"`
			}
			if err := json.Unmarshal(body, &v); err != nil {
				return tr, invalid("%s is malformed", p)
			}
			if err := checkLength(p+".ConditionExpression", v.ConditionExpression, 1, 4096); err != nil {
				return tr, invalid("%s.ConditionExpression is required (1 to 4096 characters); other filter conditions are not supported", p)
			}
			n, err := expr.Parse(v.ConditionExpression)
			if err != nil {
				return tr, invalid("%s.ConditionExpression is invalid: %v", p, err)
			}
			tr.ConditionExpression, tr.condition = v.ConditionExpression, n
		case "CreateColumnsOperation":
			var v struct {
				Columns []CalculatedColumn `json:"Columns"`
			}
			if err := json.Unmarshal(body, &v); err != nil || len(v.Columns) < 1 || len(v.Columns) > 256 {
				return tr, invalid("%s.Columns must have 1 to 256 columns", p)
			}
			for k := range v.Columns {
				c := &v.Columns[k]
				if err := checkName(p+".Columns", c.ColumnName); err != nil {
					return tr, err
				}
				if err := checkLength(p+".Columns.ColumnId", c.ColumnId, 1, 64); err != nil {
					return tr, err
				}
				if err := checkLength(p+".Columns.Expression", c.Expression, 1, 250000); err != nil {
					return tr, err
				}
				n, err := expr.Parse(c.Expression)
				if err != nil {
					return tr, expr.Invalid(c.ColumnName, err)
				}
				c.node = n
			}
			tr.Columns = v.Columns
		case "RenameColumnOperation":
			var v struct {
				ColumnName    string `json:"ColumnName"`
				NewColumnName string `json:"NewColumnName"`
			}
			if err := json.Unmarshal(body, &v); err != nil || v.ColumnName == "" {
				return tr, invalid("%s.ColumnName is required", p)
			}
			if err := checkName(p+".NewColumnName", v.NewColumnName); err != nil {
				return tr, err
			}
			tr.ColumnName, tr.NewColumnName = v.ColumnName, v.NewColumnName
		case "CastColumnTypeOperation":
			var v struct {
				ColumnName    string `json:"ColumnName"`
				NewColumnType string `json:"NewColumnType"`
				Format        string `json:"Format"`
			}
			if err := json.Unmarshal(body, &v); err != nil || v.ColumnName == "" {
				return tr, invalid("%s.ColumnName is required", p)
			}
			if !castTypes[v.NewColumnType] {
				return tr, invalid("%s.NewColumnType %q must be one of STRING, INTEGER, DECIMAL, DATETIME", p, v.NewColumnType)
			}
			tr.ColumnName, tr.NewColumnType, tr.Format = v.ColumnName, v.NewColumnType, v.Format
		case "TagColumnOperation", "UntagColumnOperation", "OverrideDatasetParameterOperation":
			// Stored with the dataset, no effect on its rows.
		default:
			return tr, invalid("%s.DataTransforms[%d] has unknown operation %q", path, i, kind)
		}
	}
	return tr, nil
}

func itoa(i int) string {
	if i < 10 {
		return string(rune('0' + i))
	}
	return itoa(i/10) + string(rune('0'+i%10))
}
