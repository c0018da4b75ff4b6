package dataset

import (
	"reflect"
	"testing"
)

// Roles follow the transforms in order: a tag sets one, a rename carries
// it, an untag of the geographic role clears it; other tags don't count.
func TestGeoRoles(t *testing.T) {
	got := GeoRoles([]byte(`{"t": {"Alias": "t", "Source": {"PhysicalTableId": "p"}, "DataTransforms": [
	 {"TagColumnOperation": {"ColumnName": "ctry", "Tags": [{"ColumnGeographicRole": "COUNTRY"}]}},
	 {"RenameColumnOperation": {"ColumnName": "ctry", "NewColumnName": "country"}},
	 {"TagColumnOperation": {"ColumnName": "lat", "Tags": [{"ColumnDescription": {"Text": "latitude"}}, {"ColumnGeographicRole": "LATITUDE"}]}},
	 {"TagColumnOperation": {"ColumnName": "city", "Tags": [{"ColumnGeographicRole": "CITY"}]}},
	 {"UntagColumnOperation": {"ColumnName": "city", "TagNames": ["COLUMN_GEOGRAPHIC_ROLE"]}},
	 {"TagColumnOperation": {"ColumnName": "note", "Tags": [{"ColumnDescription": {"Text": "x"}}]}}]}}`))
	want := map[string]string{"country": "COUNTRY", "lat": "LATITUDE"}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
	if got := GeoRoles([]byte(`not json`)); len(got) != 0 {
		t.Errorf("bad map: %v", got)
	}
}

// FuzzGeoRoles reads the roles of any logical table map: never a panic,
// and a role only for a named column.
func FuzzGeoRoles(f *testing.F) {
	f.Add(`{"t": {"DataTransforms": [{"TagColumnOperation": {"ColumnName": "c", "Tags": [{"ColumnGeographicRole": "STATE"}]}}, {"RenameColumnOperation": {"ColumnName": "c", "NewColumnName": "d"}}]}}`)
	f.Add(`{"t": {"DataTransforms": [{"UntagColumnOperation": {"ColumnName": "c", "TagNames": ["COLUMN_GEOGRAPHIC_ROLE"]}}, null, {}]}}`)
	f.Fuzz(func(t *testing.T, raw string) {
		for name, role := range GeoRoles([]byte(raw)) {
			if name == "" || role == "" {
				t.Fatalf("role %q of column %q", role, name)
			}
		}
	})
}
