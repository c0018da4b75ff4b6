package dataset

import "encoding/json"

// Geographic roles a dataset's TagColumnOperation gives a column
// (ColumnGeographicRole).
const (
	RoleCountry   = "COUNTRY"
	RoleState     = "STATE"
	RoleCounty    = "COUNTY"
	RoleCity      = "CITY"
	RolePostcode  = "POSTCODE"
	RoleLongitude = "LONGITUDE"
	RoleLatitude  = "LATITUDE"
)

// GeoRoles returns the geographic role of each tagged column of a
// dataset's LogicalTableMap, by the column's name after every transform:
// each table's TagColumnOperation sets a role, UntagColumnOperation of
// COLUMN_GEOGRAPHIC_ROLE clears it and RenameColumnOperation carries it to
// the new name. A map that does not parse has no roles.
func GeoRoles(logicalTableMap []byte) map[string]string {
	var m map[string]struct {
		DataTransforms []map[string]json.RawMessage `json:"DataTransforms"`
	}
	roles := map[string]string{}
	if json.Unmarshal(logicalTableMap, &m) != nil {
		return roles
	}
	for _, id := range sortedKeys(m) {
		for _, t := range m[id].DataTransforms {
			for kind, body := range t {
				var v struct {
					ColumnName    string
					NewColumnName string
					TagNames      []string
					Tags          []struct{ ColumnGeographicRole string }
				}
				if json.Unmarshal(body, &v) != nil || v.ColumnName == "" {
					continue
				}
				switch kind {
				case "TagColumnOperation":
					for _, tag := range v.Tags {
						if tag.ColumnGeographicRole != "" {
							roles[v.ColumnName] = tag.ColumnGeographicRole
						}
					}
				case "UntagColumnOperation":
					for _, n := range v.TagNames {
						if n == "COLUMN_GEOGRAPHIC_ROLE" {
							delete(roles, v.ColumnName)
						}
					}
				case "RenameColumnOperation":
					if r, ok := roles[v.ColumnName]; ok && v.NewColumnName != "" {
						delete(roles, v.ColumnName)
						roles[v.NewColumnName] = r
					}
				}
			}
		}
	}
	return roles
}
