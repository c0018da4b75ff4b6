package dataset

import (
	"bytes"
	"encoding/json"
	"unicode/utf8"
)

var inputColumnTypes = map[string]bool{
	"STRING": true, "INTEGER": true, "DECIMAL": true, "DATETIME": true, "BIT": true, "BOOLEAN": true, "JSON": true,
}

func (t *Tables) parsePhysical(raw json.RawMessage) error {
	var m map[string]map[string]json.RawMessage
	if err := strictUnmarshal(raw, &m); err != nil || m == nil {
		return invalid("PhysicalTableMap must be an object of physical tables")
	}
	if len(m) < 1 || len(m) > 32 {
		return invalid("PhysicalTableMap must have 1 to 32 tables, found %d", len(m))
	}
	for _, id := range sortedKeys(m) {
		if !mapKey.MatchString(id) {
			return invalid("PhysicalTableMap key %q must be 1 to 64 letters, digits or hyphens", id)
		}
		members := m[id]
		if len(members) != 1 {
			return invalid("PhysicalTableMap.%s must have exactly one of RelationalTable, CustomSql, S3Source", id)
		}
		p := &PhysicalTable{ID: id}
		for name, body := range members {
			path := "PhysicalTableMap." + id + "." + name
			switch name {
			case "RelationalTable":
				var r RelationalTable
				if err := strictUnmarshal(body, &r); err != nil {
					return invalid("%s is malformed: %v", path, err)
				}
				if err := checkRelational(path, &r); err != nil {
					return err
				}
				p.RelationalTable = &r
			case "CustomSql":
				var c CustomSql
				if err := strictUnmarshal(body, &c); err != nil {
					return invalid("%s is malformed: %v", path, err)
				}
				if err := checkCustomSQL(path, &c); err != nil {
					return err
				}
				p.CustomSql = &c
			case "S3Source", "SaaSTable":
				var other struct {
					InputColumns []InputColumn `json:"InputColumns"`
				}
				if err := json.Unmarshal(body, &other); err != nil {
					return invalid("%s is malformed", path)
				}
				if err := checkColumns(path+".InputColumns", other.InputColumns); err != nil {
					return err
				}
				p.Other, p.otherColumns = name, other.InputColumns
			default:
				return invalid("PhysicalTableMap.%s has unknown member %q", id, name)
			}
		}
		t.Physical[id] = p
	}
	return nil
}

func checkRelational(path string, r *RelationalTable) error {
	if r.DataSourceArn == "" {
		return invalid("%s.DataSourceArn is required", path)
	}
	if err := checkLength(path+".Name", r.Name, 1, 256); err != nil {
		return err
	}
	if err := checkLength(path+".Schema", r.Schema, 0, 256); err != nil {
		return err
	}
	if err := checkLength(path+".Catalog", r.Catalog, 0, 256); err != nil {
		return err
	}
	return checkColumns(path+".InputColumns", r.InputColumns)
}

func checkCustomSQL(path string, c *CustomSql) error {
	if c.DataSourceArn == "" {
		return invalid("%s.DataSourceArn is required", path)
	}
	if err := checkLength(path+".Name", c.Name, 1, 128); err != nil {
		return err
	}
	if err := checkLength(path+".SqlQuery", c.SqlQuery, 1, MaxCustomSQLLength); err != nil {
		return err
	}
	return checkColumns(path+".Columns", c.Columns)
}

func checkColumns(path string, cols []InputColumn) error {
	if len(cols) < 1 || len(cols) > 2048 {
		return invalid("%s must have 1 to 2048 columns, found %d", path, len(cols))
	}
	seen := map[string]bool{}
	for i, c := range cols {
		if err := checkName(path, c.Name); err != nil {
			return err
		}
		if !inputColumnTypes[c.Type] {
			return invalid("%s[%d].Type %q must be one of STRING, INTEGER, DECIMAL, DATETIME, BIT, BOOLEAN, JSON", path, i, c.Type)
		}
		if seen[c.Name] {
			return invalid("%s has the column %q twice", path, c.Name)
		}
		seen[c.Name] = true
	}
	return nil
}

// checkName validates a column name: 1 to 127 characters, no control
// characters.
func checkName(path, name string) error {
	if err := checkLength(path+" column name", name, 1, 127); err != nil {
		return err
	}
	for _, r := range name {
		if r < 0x20 || r == 0x7f {
			return invalid("%s column name %q contains a control character", path, name)
		}
	}
	return nil
}

func checkLength(path, s string, min, max int) error {
	n := utf8.RuneCountInString(s)
	if !utf8.ValidString(s) || n < min || n > max {
		if min == 0 {
			return invalid("%s must be at most %d characters", path, max)
		}
		return invalid("%s must be %d to %d characters", path, min, max)
	}
	return nil
}

// strictUnmarshal decodes JSON rejecting unknown members.
func strictUnmarshal(raw []byte, v any) error {
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.DisallowUnknownFields()
	return dec.Decode(v)
}
