package app

import (
	"context"
	"encoding/json"
	"time"

	sg "github.com/sightglass/sightglass"
)

// RefreshProperties is QuickSight's DataSetRefreshProperties: how an
// INCREMENTAL_REFRESH ingestion of a SPICE dataset works.
type RefreshProperties struct {
	RefreshConfiguration *struct {
		IncrementalRefresh *struct {
			LookbackWindow *LookbackWindow
		}
	} `json:",omitempty"`
	FailureConfiguration json.RawMessage `json:",omitempty"`
}

// LookbackWindow is the window an incremental refresh reads again: the
// rows whose ColumnName (a DATETIME column) falls in the last Size units
// (HOUR, DAY or WEEK).
type LookbackWindow struct {
	ColumnName string
	Size       int64
	SizeUnit   string
}

// duration is the window's length.
func (w *LookbackWindow) duration() time.Duration {
	unit := time.Hour
	switch w.SizeUnit {
	case "DAY":
		unit = 24 * time.Hour
	case "WEEK":
		unit = 7 * 24 * time.Hour
	}
	return time.Duration(w.Size) * unit
}

// lookback returns the lookback window of stored refresh properties, or
// nil.
func lookback(props []byte) *LookbackWindow {
	var p RefreshProperties
	if len(props) == 0 || json.Unmarshal(props, &p) != nil || p.RefreshConfiguration == nil || p.RefreshConfiguration.IncrementalRefresh == nil {
		return nil
	}
	return p.RefreshConfiguration.IncrementalRefresh.LookbackWindow
}

func refreshPropertiesNotFound(accountID, id string) error {
	return sg.Errorf(sg.ENOTFOUND, "Dataset %s in account %s has no refresh properties.", id, accountID).WithResource(sg.ResourceDataSet)
}

// maxLookbackHours bounds a lookback window (about 100 years): the
// window's start must be a time every engine reads.
const maxLookbackHours = 100 * 366 * 24

// PutDataSetRefreshProperties sets a SPICE dataset's refresh properties:
// the lookback window of its incremental refreshes, over one of its
// DATETIME columns. The request's shape was checked against the model.
func (a *App) PutDataSetRefreshProperties(ctx context.Context, accountID, dataSetID string, props json.RawMessage) error {
	if err := a.checkDataPath(ctx, "PutDataSetRefreshProperties", accountID, dataSetID, checkDataSetID, a.DataSetARN(accountID, dataSetID)); err != nil {
		return err
	}
	var p RefreshProperties
	if err := json.Unmarshal(props, &p); err != nil {
		return sg.Errorf(sg.EINVALID, "DataSetRefreshProperties is not a valid object.")
	}
	d, err := a.findDataSet(ctx, accountID, dataSetID)
	if err != nil {
		return err
	}
	if d.ImportMode != sg.ImportSPICE {
		return sg.Errorf(sg.EINVALID, "Dataset %s is not imported into SPICE (ImportMode %s): it has no refreshes.", dataSetID, d.ImportMode)
	}
	if w := lookback(props); w != nil {
		found := false
		for _, c := range d.OutputColumns {
			if c.Name == w.ColumnName {
				if c.Type != "DATETIME" {
					return sg.Errorf(sg.EINVALID, "The lookback window's column %s is %s, not DATETIME.", c.Name, c.Type)
				}
				found = true
			}
		}
		if !found {
			return sg.Errorf(sg.EINVALID, "Dataset %s has no column %s for the lookback window.", dataSetID, w.ColumnName)
		}
		if hours := w.duration() / time.Hour; w.Size <= 0 || hours > maxLookbackHours || w.Size > maxLookbackHours {
			return sg.Errorf(sg.EINVALID, "The lookback window's size must be between 1 and %d hours.", maxLookbackHours)
		}
	}
	if err := a.Store.SetDataSetRefreshProperties(ctx, accountID, dataSetID, props); err != nil {
		if sg.ErrorCode(err) == sg.ENOTFOUND {
			return dataSetNotFound(accountID, dataSetID)
		}
		return err
	}
	return nil
}

// DescribeDataSetRefreshProperties returns a dataset's refresh
// properties as they were put.
func (a *App) DescribeDataSetRefreshProperties(ctx context.Context, accountID, dataSetID string) (json.RawMessage, error) {
	if err := a.checkDataPath(ctx, "DescribeDataSetRefreshProperties", accountID, dataSetID, checkDataSetID, a.DataSetARN(accountID, dataSetID)); err != nil {
		return nil, err
	}
	d, err := a.findDataSet(ctx, accountID, dataSetID)
	if err != nil {
		return nil, err
	}
	if len(d.RefreshProperties) == 0 {
		return nil, refreshPropertiesNotFound(accountID, dataSetID)
	}
	return json.RawMessage(d.RefreshProperties), nil
}

// DeleteDataSetRefreshProperties removes a dataset's refresh properties.
func (a *App) DeleteDataSetRefreshProperties(ctx context.Context, accountID, dataSetID string) error {
	if err := a.checkDataPath(ctx, "DeleteDataSetRefreshProperties", accountID, dataSetID, checkDataSetID, a.DataSetARN(accountID, dataSetID)); err != nil {
		return err
	}
	d, err := a.findDataSet(ctx, accountID, dataSetID)
	if err != nil {
		return err
	}
	if len(d.RefreshProperties) == 0 {
		return refreshPropertiesNotFound(accountID, dataSetID)
	}
	err = a.Store.SetDataSetRefreshProperties(ctx, accountID, dataSetID, nil)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return dataSetNotFound(accountID, dataSetID)
	}
	return err
}

// ingestionTypeIncremental is CreateIngestion's INCREMENTAL_REFRESH.
const ingestionTypeIncremental = "INCREMENTAL_REFRESH"

// incrementalWindow returns the column and the start of the window an
// incremental refresh of d reads again, now; ok is false when d has no
// lookback window.
func incrementalWindow(d *sg.DataSet, now time.Time) (column string, since time.Time, ok bool) {
	w := lookback(d.RefreshProperties)
	if w == nil {
		return "", time.Time{}, false
	}
	return w.ColumnName, now.UTC().Add(-w.duration()).Truncate(time.Second), true
}
