package viewer

import (
	"context"

	"github.com/sightglass/sightglass/internal/definition"
	"github.com/sightglass/sightglass/internal/query/dataset"
)

// countyClickState is the state column a click on a map's county must
// filter by too: a county map whose dataset has one STATE column groups
// by it (countyStates), and a county's name alone names the counties of
// that name in every state. col is "" when the click is not on such a
// map; why refuses a click on a map whose dataset's roles cannot be read
// (the click could not be told to be a county's).
func (v *View) countyClickState(src *definition.Visual, f *definition.Field) (col, why string) {
	if src.Kind != definition.KindFilledMap && src.Kind != definition.KindPointMap {
		return "", ""
	}
	arn, ok := v.def.DataSetARN(f.Column.DataSetIdentifier)
	if !ok || v.geoRoles == nil {
		return "", "a click on a map whose dataset's geographic roles are not known here"
	}
	// The filter path has no request context; the roles are read as
	// the map's own drawing reads them.
	roles, err := v.geoRoles(context.Background(), arn)
	if err != nil {
		return "", "a click on a map whose dataset's geographic roles could not be read"
	}
	if roles[f.Column.ColumnName] != dataset.RoleCounty {
		return "", ""
	}
	for c, role := range roles {
		if role != dataset.RoleState {
			continue
		}
		if col != "" {
			return "", "" // several: the map matches counties by name alone
		}
		col = c
	}
	return col, ""
}
