package app

import (
	"context"
	"slices"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/query/dataset"
)

// GeoRoles returns the geographic roles (COUNTRY, STATE, LATITUDE, …) of
// the columns of a dataset the definition declares, by column name: what
// a map visual needs to know to place its locations.
func (d *Drawable) GeoRoles(ctx context.Context, dataSetARN string) (map[string]string, error) {
	if d == nil || d.a == nil || d.def == nil || !slices.Contains(d.def.DataSetARNs(), dataSetARN) {
		return nil, sg.Errorf(sg.EACCESSDENIED, "Dataset %s is not declared by this content.", dataSetARN)
	}
	id, ok := d.a.dataSetID(d.accountID, dataSetARN)
	if !ok {
		return nil, sg.Errorf(sg.EINVALID, "Dataset %s is not a dataset of this account.", dataSetARN)
	}
	ds, err := d.a.findDataSet(ctx, d.accountID, id)
	if err != nil {
		return nil, err
	}
	return dataset.GeoRoles(ds.LogicalTableMap), nil
}
