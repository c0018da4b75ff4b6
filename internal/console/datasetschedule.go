package console

import (
	"context"
	"errors"
	"net/http"
	"strconv"
	"strings"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
)

// scheduleView is the refresh schedules part of a SPICE dataset's panel:
// its schedules, its incremental refresh's lookback window, and for an
// owner the forms that add and remove them.
type scheduleView struct {
	Base      string
	Owner     bool
	Schedules []*sg.RefreshSchedule
	Lookback  *app.LookbackWindow
	// DateTimeColumns are the dataset's DATETIME columns, those a
	// lookback window may use.
	DateTimeColumns []string
	Error           string
	Message         string
}

// schedulePanel builds the schedules panel of a dataset u may see.
func (c *Console) schedulePanel(ctx context.Context, s *signedIn, id string) (*scheduleView, error) {
	ds, err := c.app.ConsoleDataSet(ctx, s.User, id)
	if err != nil {
		return nil, err
	}
	set, err := c.app.ConsoleRefreshSchedules(ctx, s.User, id)
	if err != nil {
		return nil, err
	}
	v := &scheduleView{Base: "/embedding/" + s.Session.EmbedID + "/data/sets/" + id, Owner: c.app.CanEditDataSet(ctx, s.User, ds),
		Schedules: set.Schedules, Lookback: set.Lookback}
	for _, col := range ds.OutputColumns {
		if col.Type == "DATETIME" {
			v.DateTimeColumns = append(v.DateTimeColumns, col.Name)
		}
	}
	return v, nil
}

// handleSchedules answers the schedules panel.
func (c *Console) handleSchedules(w http.ResponseWriter, r *http.Request) {
	s, ok := c.fragmentSession(w, r)
	if !ok {
		return
	}
	v, err := c.schedulePanel(r.Context(), s, r.PathValue("id"))
	if err != nil {
		c.fragmentError(w, r, err)
		return
	}
	c.renderPanel(w, r, http.StatusOK, "ds-schedules", v)
}

// scheduleChange runs one change of the schedules panel, recorded as the
// API operation it is, and answers with the panel: with the change's
// refusal (the API's error message, at its status) or done.
func (c *Console) scheduleChange(w http.ResponseWriter, r *http.Request, event string, params map[string]any, done string, change func(ctx context.Context, s *signedIn, id string) error) {
	s, ok := c.postSession(w, r)
	if !ok || !parseEditorForm(w, r) {
		return
	}
	ctx := r.Context()
	id := r.PathValue("id")
	params["awsAccountId"], params["dataSetId"] = s.User.AccountID, id
	err := c.app.ConsoleChange(ctx, s.User, event, params, func(ctx context.Context) error { return change(ctx, s, id) })
	if err != nil {
		// A refusal of who may change the dataset, or a failure, has no
		// panel to show; a refused value is shown in the panel.
		if _, isSG := errors.AsType[*sg.Error](err); !isSG || sg.ErrorCode(err) == sg.EINTERNAL || sg.ErrorCode(err) == sg.EACCESSDENIED {
			c.fragmentError(w, r, err)
			return
		}
	}
	v, perr := c.schedulePanel(ctx, s, id)
	if perr != nil {
		c.fragmentError(w, r, perr)
		return
	}
	status := http.StatusOK
	if err != nil {
		v.Error, status = sg.ErrorMessage(err), errorStatus(err)
	} else {
		v.Message = done
	}
	c.renderPanel(w, r, status, "ds-schedules", v)
}

// handleCreateSchedule adds a refresh schedule from the panel's form.
func (c *Console) handleCreateSchedule(w http.ResponseWriter, r *http.Request) {
	params := map[string]any{}
	c.scheduleChange(w, r, "CreateRefreshSchedule", params, "Schedule added.", func(ctx context.Context, s *signedIn, id string) error {
		f := r.PostForm
		rs := &sg.RefreshSchedule{DataSetID: id, Interval: f.Get("interval"), RefreshType: f.Get("type"),
			Timezone: strings.TrimSpace(f.Get("timezone")), TimeOfTheDay: strings.TrimSpace(f.Get("time"))}
		switch rs.Interval {
		case sg.RefreshWeekly:
			rs.DayOfWeek = f.Get("dayOfWeek")
		case sg.RefreshMonthly:
			rs.DayOfMonth = f.Get("dayOfMonth")
		}
		err := c.app.ConsoleCreateRefreshSchedule(ctx, s.User, rs)
		params["scheduleId"] = rs.ID
		return err
	})
}

// handleDeleteSchedule deletes a refresh schedule.
func (c *Console) handleDeleteSchedule(w http.ResponseWriter, r *http.Request) {
	sid := r.PathValue("schedule")
	c.scheduleChange(w, r, "DeleteRefreshSchedule", map[string]any{"scheduleId": sid}, "Schedule deleted.", func(ctx context.Context, s *signedIn, id string) error {
		return c.app.ConsoleDeleteRefreshSchedule(ctx, s.User, id, sid)
	})
}

// handlePutLookback sets the incremental refresh's lookback window.
func (c *Console) handlePutLookback(w http.ResponseWriter, r *http.Request) {
	c.scheduleChange(w, r, "PutDataSetRefreshProperties", map[string]any{}, "Incremental refresh saved.", func(ctx context.Context, s *signedIn, id string) error {
		f := r.PostForm
		size, err := strconv.ParseInt(strings.TrimSpace(f.Get("size")), 10, 64)
		if err != nil {
			return sg.Errorf(sg.EINVALID, "The lookback window's size must be a whole number.")
		}
		return c.app.ConsolePutLookback(ctx, s.User, id, app.LookbackWindow{ColumnName: f.Get("column"), Size: size, SizeUnit: f.Get("unit")})
	})
}

// handleDeleteLookback removes the incremental refresh configuration.
func (c *Console) handleDeleteLookback(w http.ResponseWriter, r *http.Request) {
	c.scheduleChange(w, r, "DeleteDataSetRefreshProperties", map[string]any{}, "Incremental refresh removed.", func(ctx context.Context, s *signedIn, id string) error {
		return c.app.ConsoleDeleteLookback(ctx, s.User, id)
	})
}
