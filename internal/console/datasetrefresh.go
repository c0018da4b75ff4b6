package console

import (
	"context"
	"net/http"
	"strings"

	sg "github.com/sightglass/sightglass"
)

// ingestionView is the refresh panel of a SPICE dataset: its ingestions,
// newest first, and whether the newest is still running (the panel then
// polls itself).
type ingestionView struct {
	Base       string
	DataSetID  string
	Ingestions []*sg.Ingestion
	Running    bool
	// Percent is the progress bar's value for the newest ingestion.
	Percent int
	Owner   bool
	Error   string
}

// ingestionPercent is how far along an ingestion is, from its status: the
// ingestion reports no row count before it ends.
func ingestionPercent(status string) int {
	switch status {
	case sg.IngestionInitialized:
		return 5
	case sg.IngestionQueued:
		return 15
	case sg.IngestionRunning:
		return 50
	}
	return 100
}

// unfinished reports whether an ingestion status is not final.
func unfinished(status string) bool {
	return status == sg.IngestionInitialized || status == sg.IngestionQueued || status == sg.IngestionRunning
}

// ingestionPanel builds the refresh panel of a dataset.
func (c *Console) ingestionPanel(ctx context.Context, s *signedIn, id string) (*ingestionView, error) {
	ds, err := c.app.ConsoleDataSet(ctx, s.User, id)
	if err != nil {
		return nil, err
	}
	list, err := c.app.ConsoleIngestions(ctx, s.User, id)
	if err != nil {
		return nil, err
	}
	v := &ingestionView{Base: "/embedding/" + s.Session.EmbedID + "/data/sets/" + id, DataSetID: id, Ingestions: list, Owner: c.app.CanEditDataSet(ctx, s.User, ds)}
	if len(list) > 0 {
		v.Running, v.Percent = unfinished(list[0].Status), ingestionPercent(list[0].Status)
	}
	return v, nil
}

// handleIngestions answers the refresh panel (the page polls it while an
// ingestion runs).
func (c *Console) handleIngestions(w http.ResponseWriter, r *http.Request) {
	s, ok := c.fragmentSession(w, r)
	if !ok {
		return
	}
	v, err := c.ingestionPanel(r.Context(), s, r.PathValue("id"))
	if err != nil {
		c.fragmentError(w, r, err)
		return
	}
	c.renderPanel(w, r, http.StatusOK, "ds-ingestions", v)
}

// handleRefresh starts a full refresh of a SPICE dataset the user owns.
func (c *Console) handleRefresh(w http.ResponseWriter, r *http.Request) {
	s, ok := c.postSession(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	id := r.PathValue("id")
	err := c.app.ConsoleChange(ctx, s.User, "CreateIngestion", map[string]any{"awsAccountId": s.User.AccountID, "dataSetId": id}, func(ctx context.Context) error {
		_, err := c.app.ConsoleRefreshDataSet(ctx, s.User, id)
		return err
	})
	if err != nil {
		c.fragmentError(w, r, err)
		return
	}
	v, err := c.ingestionPanel(ctx, s, id)
	if err != nil {
		c.fragmentError(w, r, err)
		return
	}
	c.renderPanel(w, r, http.StatusOK, "ds-ingestions", v)
}

// shareView is the share dialog of a dataset.
type shareView struct {
	Base        string
	Permissions []shareEntry
	Message     string
}

// shareEntry is one principal's access.
type shareEntry struct {
	User  string
	Level string
}

// shareEntries describes a dataset's permissions by user and level.
func shareEntries(perms []sg.ResourcePermission) []shareEntry {
	var out []shareEntry
	for _, p := range perms {
		name := p.Principal
		if i := strings.LastIndex(name, "/"); i >= 0 {
			name = name[i+1:]
		}
		level := "viewer"
		for _, a := range p.Actions {
			if a == "quicksight:UpdateDataSet" {
				level = "owner"
			}
		}
		out = append(out, shareEntry{User: name, Level: level})
	}
	return out
}

// handleShare grants a user owner or viewer access to a dataset, or
// revokes it, through UpdateDataSetPermissions.
func (c *Console) handleShare(w http.ResponseWriter, r *http.Request) {
	s, ok := c.postSession(w, r)
	if !ok || !parseEditorForm(w, r) {
		return
	}
	ctx := r.Context()
	id := r.PathValue("id")
	user, level := strings.TrimSpace(r.PostForm.Get("user")), r.PostForm.Get("level")
	var ds *sg.DataSet
	err := c.app.ConsoleChange(ctx, s.User, "UpdateDataSetPermissions", map[string]any{"awsAccountId": s.User.AccountID, "dataSetId": id, "userName": user, "level": level}, func(ctx context.Context) error {
		var err error
		ds, err = c.app.ConsoleShareDataSet(ctx, s.User, id, user, level)
		return err
	})
	if err != nil {
		c.fragmentError(w, r, err)
		return
	}
	v := &shareView{Base: "/embedding/" + s.Session.EmbedID + "/data/sets/" + id, Permissions: shareEntries(ds.Permissions), Message: "Saved."}
	c.renderPanel(w, r, http.StatusOK, "ds-share", v)
}

// renderPanel renders a fragment of the dataset editor's template.
func (c *Console) renderPanel(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	if err := c.pages.render(w, status, "dataseteditor", name, data); err != nil {
		c.internalError(w, r, err)
	}
}

// shareOf is the share list of a dataset page.
func shareOf(base string, perms []sg.ResourcePermission) *shareView {
	return &shareView{Base: base, Permissions: shareEntries(perms)}
}
