package console

import (
	"net/http"

	"github.com/sightglass/sightglass/internal/app"
)

// findPage is the start page's finder: a search across the dashboards,
// analyses and datasets the user may open, filtered by kind and sorted.
type findPage struct {
	Action string
	Query  string
	Kinds  []findOption
	Sorts  []findOption
	Items  []app.StartItem
	// Truncated: a kind had more items than one search reads.
	Truncated bool
}

type findOption struct {
	Value, Label string
	Selected     bool
}

func options(values, labels []string, selected string) []findOption {
	out := make([]findOption, len(values))
	for i, v := range values {
		out[i] = findOption{Value: v, Label: labels[i], Selected: v == selected}
	}
	return out
}

// handleFind answers GET /embedding/{sid}/start/search?q=…&type=…&sort=….
func (c *Console) handleFind(w http.ResponseWriter, r *http.Request) {
	s := c.dataSession(w, r)
	if s == nil {
		return
	}
	q := r.URL.Query()
	query, kind, sort := q.Get("q"), q.Get("type"), q.Get("sort")
	items, truncated, err := c.app.ConsoleFind(r.Context(), s.User, query, kind, sort)
	if err != nil {
		c.dataError(w, r, err)
		return
	}
	d := c.dataPageData(r, s, "Search")
	d.Nav, d.PageType = "search", "START"
	kinds, labels := []string{"", "dashboard"}, []string{"Everything", "Dashboards"}
	if d.Author {
		kinds, labels = append(kinds, "analysis", "dataset"), append(labels, "Analyses", "Datasets")
	}
	d.Find = &findPage{
		Action: "/embedding/" + s.Session.EmbedID + "/start/search",
		Query:  query,
		Kinds:  options(kinds, labels, kind),
		Sorts:  options([]string{app.SortUpdated, app.SortNameAsc, app.SortNameDesc}, []string{"Last updated", "Name A–Z", "Name Z–A"}, sort),
		Items:  items,
		// The search read only the first items of a long list: say so.
		Truncated: truncated,
	}
	if err := c.pages.render(w, http.StatusOK, "start_search", "layout", d); err != nil {
		c.internalError(w, r, err)
	}
}
