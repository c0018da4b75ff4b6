package main

// Sightglass's documented extensions to the QuickSight model, applied
// before the tables are written, so the validator accepts them and
// nothing else: the SQLITE data-source type, whose connection is
// DataSourceParameters.SqliteParameters {"FileName": "sales.sqlite"}.
func applyExtensions(m *modelJSON) {
	dst := m.Shapes["DataSourceType"]
	dst.Enum = append(dst.Enum, "SQLITE")

	one, max := 1.0, 1024.0
	m.Shapes["SqliteFileName"] = &shapeJSON{Type: "string", Min: &one, Max: &max}
	m.Shapes["SqliteParameters"] = &shapeJSON{
		Type:     "structure",
		Required: []string{"FileName"},
		Members: orderedMembers{
			names: []string{"FileName"},
			refs:  map[string]ref{"FileName": {Shape: "SqliteFileName"}},
		},
	}
	p := m.Shapes["DataSourceParameters"]
	p.Members.names = append(p.Members.names, "SqliteParameters")
	p.Members.refs["SqliteParameters"] = ref{Shape: "SqliteParameters"}
}
