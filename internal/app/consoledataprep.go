package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/query/dataset"
	"github.com/sightglass/sightglass/internal/query/dialect"
	"github.com/sightglass/sightglass/internal/query/source"
	"github.com/sightglass/sightglass/internal/query/spice"
	"github.com/sightglass/sightglass/internal/query/sqlcheck"
)

// The bounds of the dataset editor's look-ups at a data source.
const (
	// PreviewMaxRows is the most rows a preview shows.
	PreviewMaxRows = 100
	// sourceTablesMax bounds the tables a data source lists.
	sourceTablesMax = 1000
	// ingestionHistoryMax bounds the ingestions the history shows.
	ingestionHistoryMax = 100
)

// SourceTable is a table or view of a data source.
type SourceTable struct {
	Schema string
	Name   string
}

// Preview is the first rows of a dataset draft at its current state.
type Preview struct {
	Columns   []sg.DataSetColumn
	Rows      [][]any
	Truncated bool
}

// SourceTables lists the tables and views of a data source u may use.
func (a *App) SourceTables(ctx context.Context, u *sg.User, sourceID string) ([]SourceTable, error) {
	src, err := a.ConsoleDataSource(ctx, u, sourceID)
	if err != nil {
		return nil, err
	}
	d, ok := dialect.ForSourceType(src.Type)
	if !ok {
		return nil, sg.Errorf(sg.EINVALID, "Data source %s has type %s, which Sightglass cannot query.", src.ID, src.Type)
	}
	var q string
	switch d {
	case dialect.Postgres:
		q = "SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema NOT IN ('pg_catalog', 'information_schema') ORDER BY 1, 2 LIMIT " + fmt.Sprint(sourceTablesMax)
	case dialect.MySQL:
		q = "SELECT table_schema, table_name FROM information_schema.tables WHERE table_schema = DATABASE() ORDER BY 1, 2 LIMIT " + fmt.Sprint(sourceTablesMax)
	default:
		q = "SELECT '', name FROM sqlite_master WHERE type IN ('table', 'view') AND name NOT LIKE 'sqlite_%' ORDER BY 2 LIMIT " + fmt.Sprint(sourceTablesMax)
	}
	res, err := a.runAtSource(ctx, src, q, nil)
	if err != nil {
		return nil, err
	}
	out := make([]SourceTable, 0, len(res.Rows))
	for _, r := range res.Rows {
		out = append(out, SourceTable{Schema: fmt.Sprint(r[0]), Name: fmt.Sprint(r[1])})
	}
	return out, nil
}

// runAtSource runs one statement at a data source with the pool's bounds
// and ctx, turning a failure into a caller-safe error.
func (a *App) runAtSource(ctx context.Context, src *sg.DataSource, q string, args []any) (*source.Result, error) {
	params, key, err := a.dataSourceConnection(src)
	if err != nil {
		return nil, err
	}
	res, err := a.data.pool.Query(ctx, key, params, q, args)
	if err != nil {
		return nil, queryError(err)
	}
	return res, nil
}

// TableColumns returns the columns of a table of a data source u may
// use, typed as dataset input columns. The table must be one that
// SourceTables lists.
func (a *App) TableColumns(ctx context.Context, u *sg.User, sourceID, schema, table string) ([]dataset.InputColumn, error) {
	tables, err := a.SourceTables(ctx, u, sourceID)
	if err != nil {
		return nil, err
	}
	found := false
	for _, t := range tables {
		found = found || t.Schema == schema && t.Name == table
	}
	if !found {
		return nil, sg.Errorf(sg.ENOTFOUND, "Data source %s has no table %s.", sourceID, qualified(schema, table))
	}
	src, _ := a.ConsoleDataSource(ctx, u, sourceID)
	d, _ := dialect.ForSourceType(src.Type)
	name := d.QuoteIdent(table)
	if schema != "" {
		name = d.QuoteIdent(schema) + "." + name
	}
	return a.probeColumns(ctx, src, "SELECT * FROM "+name+" WHERE 1 = 0")
}

// probeColumns runs a query that returns no rows and types its columns.
func (a *App) probeColumns(ctx context.Context, src *sg.DataSource, q string) ([]dataset.InputColumn, error) {
	res, err := a.runAtSource(ctx, src, q, nil)
	if err != nil {
		return nil, err
	}
	cols := make([]dataset.InputColumn, len(res.Columns))
	for i, c := range res.Columns {
		typ := ""
		if i < len(res.Types) {
			typ = res.Types[i]
		}
		cols[i] = dataset.InputColumn{Name: c, Type: spice.ColumnType(typ)}
	}
	return cols, nil
}

func qualified(schema, table string) string {
	if schema == "" {
		return table
	}
	return schema + "." + table
}

// CustomSQLColumns checks a custom SQL query for a data source u may use,
// with the same check CreateDataSet applies, and returns its columns.
func (a *App) CustomSQLColumns(ctx context.Context, u *sg.User, sourceID, query string) ([]dataset.InputColumn, error) {
	src, err := a.ConsoleDataSource(ctx, u, sourceID)
	if err != nil {
		return nil, err
	}
	d, ok := dialect.ForSourceType(src.Type)
	if !ok {
		return nil, sg.Errorf(sg.EINVALID, "Data source %s has type %s, which Sightglass cannot query.", src.ID, src.Type)
	}
	if strings.TrimSpace(query) == "" {
		return nil, sg.Errorf(sg.EINVALID, "The custom SQL query is empty.")
	}
	if len(query) > dataset.MaxCustomSQLLength {
		return nil, sg.Errorf(sg.EINVALID, "The custom SQL query is longer than %d characters.", dataset.MaxCustomSQLLength)
	}
	stmt, err := a.customSQLCheck(ctx, src)(query)
	if p, ok := errors.AsType[*sqlcheck.Problem](err); ok {
		return nil, sg.Errorf(sg.EINVALID, "The custom SQL query is refused: %s", p.Error())
	} else if err != nil {
		return nil, err
	}
	return a.probeColumns(ctx, src, "SELECT * FROM ("+stmt+") "+d.QuoteIdent("q")+" WHERE 1 = 0")
}

// compileConsoleDraft compiles a dataset draft of u with the same code as
// CreateDataSet, and requires u may use its data source.
func (a *App) compileConsoleDraft(ctx context.Context, u *sg.User, physical, logical json.RawMessage) (*compiledDataSet, error) {
	if err := requireDataAuthor(u); err != nil {
		return nil, err
	}
	if a.data == nil {
		return nil, sg.Errorf(sg.EUNAVAILABLE, "Datasets are not configured on this server.")
	}
	c, err := a.compileDataSet(ctx, u.AccountID, physical, logical)
	if err != nil {
		return nil, err
	}
	if ok, err := a.sees(ctx, u, c.source.Permissions); err != nil {
		return nil, err
	} else if !ok {
		return nil, sg.Errorf(sg.EACCESSDENIED, "Data source %s is not shared with you.", c.source.ID)
	}
	return c, nil
}

// CheckDataSetDraft validates a draft as CreateDataSet would and returns
// its output columns.
func (a *App) CheckDataSetDraft(ctx context.Context, u *sg.User, physical, logical json.RawMessage) ([]sg.DataSetColumn, error) {
	c, err := a.compileConsoleDraft(ctx, u, physical, logical)
	if err != nil {
		return nil, err
	}
	return c.columns, nil
}

// PreviewDataSetDraft returns the first rows (at most limit, at most
// PreviewMaxRows) of a dataset draft, run at its data source within ctx.
func (a *App) PreviewDataSetDraft(ctx context.Context, u *sg.User, physical, logical json.RawMessage, limit int) (*Preview, error) {
	c, err := a.compileConsoleDraft(ctx, u, physical, logical)
	if err != nil {
		return nil, err
	}
	if limit <= 0 || limit > PreviewMaxRows {
		limit = PreviewMaxRows
	}
	d, _ := dialect.ForSourceType(c.source.Type)
	rel, args, err := c.tables.Relation(d)
	if err != nil {
		return nil, err
	}
	q := fmt.Sprintf("SELECT * FROM (%s) %s LIMIT %d", rel, d.QuoteIdent("preview"), limit+1)
	res, err := a.runAtSource(ctx, c.source, q, args)
	if err != nil {
		return nil, err
	}
	p := &Preview{Columns: c.columns, Rows: res.Rows, Truncated: res.Truncated}
	if len(p.Rows) > limit {
		p.Rows, p.Truncated = p.Rows[:limit], true
	}
	return p, nil
}

// ConsoleSaveInput is a dataset the console saves.
type ConsoleSaveInput struct {
	DataSetID        string
	Name             string
	ImportMode       string
	PhysicalTableMap json.RawMessage
	LogicalTableMap  json.RawMessage
	// Create is set for a new dataset; otherwise the dataset must exist
	// and u must own it.
	Create bool
}

// ConsoleSaveDataSet creates or updates a dataset for u through
// CreateDataSet or UpdateDataSet, after the console's own rules: u may
// author data, may use the data source, owns the dataset (an update),
// and the custom permissions allow it (CreateAndUpdateDatasets, and
// CreateSPICEDataset for a SPICE dataset). A new dataset is owned by u.
func (a *App) ConsoleSaveDataSet(ctx context.Context, u *sg.User, in ConsoleSaveInput) (*sg.DataSet, *sg.Ingestion, error) {
	if err := requireDataAuthor(u); err != nil {
		return nil, nil, err
	}
	if err := a.requireCapability(ctx, u, "create or change datasets", CapabilityCreateAndUpdateDatasets); err != nil {
		return nil, nil, err
	}
	if in.ImportMode == sg.ImportSPICE {
		if err := a.requireCapability(ctx, u, "create SPICE datasets", CapabilityCreateSPICEDataset); err != nil {
			return nil, nil, err
		}
	}
	var logical json.RawMessage
	if len(in.LogicalTableMap) > 0 {
		logical = in.LogicalTableMap
	}
	if _, err := a.compileConsoleDraft(ctx, u, in.PhysicalTableMap, logical); err != nil {
		return nil, nil, err
	}
	input := DataSetInput{
		AccountID: u.AccountID, DataSetID: in.DataSetID, Name: in.Name, ImportMode: in.ImportMode,
		PhysicalTableMap: in.PhysicalTableMap, LogicalTableMap: logical,
	}
	if in.Create {
		input.Permissions = []sg.ResourcePermission{{Principal: a.UserARN(u), Actions: DataSetOwnerActions}}
		return a.CreateDataSet(ctx, input)
	}
	prev, err := a.consoleEditableDataSet(ctx, u, in.DataSetID)
	if err != nil {
		return nil, nil, err
	}
	if len(prev.Extra) > 0 {
		// Members the editor does not show stay as they are.
		if err := json.Unmarshal(prev.Extra, &input.Extra); err != nil {
			return nil, nil, err
		}
	}
	return a.UpdateDataSet(ctx, input)
}

// ConsoleRefreshDataSet starts a full refresh of a SPICE dataset u owns.
func (a *App) ConsoleRefreshDataSet(ctx context.Context, u *sg.User, id string) (*sg.Ingestion, error) {
	d, err := a.consoleEditableDataSet(ctx, u, id)
	if err != nil {
		return nil, err
	}
	if d.ImportMode != sg.ImportSPICE {
		return nil, sg.Errorf(sg.EINVALID, "Dataset %s queries its data source directly: there is nothing to refresh.", id)
	}
	return a.CreateIngestion(ctx, u.AccountID, id, randomUUID(), "FULL_REFRESH")
}

// ConsoleIngestions returns the latest ingestions of a dataset u may see,
// newest first.
func (a *App) ConsoleIngestions(ctx context.Context, u *sg.User, id string) ([]*sg.Ingestion, error) {
	if _, err := a.ConsoleDataSet(ctx, u, id); err != nil {
		return nil, err
	}
	var all []*sg.Ingestion
	p := sg.Page{Limit: 100}
	for len(all) < 10*ingestionHistoryMax {
		items, more, err := a.Store.ListIngestions(ctx, u.AccountID, id, p)
		if err != nil {
			return nil, err
		}
		all = append(all, items...)
		if !more || len(items) == 0 {
			break
		}
		p.After = items[len(items)-1].ID
	}
	sort.SliceStable(all, func(i, j int) bool { return all[i].CreatedAt.After(all[j].CreatedAt) })
	if len(all) > ingestionHistoryMax {
		all = all[:ingestionHistoryMax]
	}
	for _, in := range all {
		a.fillQueueInfo(in)
	}
	return all, nil
}

// ConsoleShareDataSet grants (owner or viewer) or revokes a user's access
// to a dataset u owns, through UpdateDataSetPermissions. It needs the
// ShareDatasets capability.
func (a *App) ConsoleShareDataSet(ctx context.Context, u *sg.User, id, userName, level string) (*sg.DataSet, error) {
	if _, err := a.consoleEditableDataSet(ctx, u, id); err != nil {
		return nil, err
	}
	if err := a.requireCapability(ctx, u, "share datasets", CapabilityShareDatasets); err != nil {
		return nil, err
	}
	if userName == "" {
		return nil, sg.Errorf(sg.EINVALID, "Name the user to share dataset %s with.", id)
	}
	if !slices.Contains([]string{"owner", "viewer", "none"}, level) {
		return nil, sg.Errorf(sg.EINVALID, "Access must be owner, viewer or none.")
	}
	target, err := a.Store.FindUser(ctx, u.AccountID, sg.DefaultNamespace, userName)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil, sg.Errorf(sg.ENOTFOUND, "There is no user %s.", userName)
	} else if err != nil {
		return nil, err
	}
	// One update: grant the level's actions, revoke the others.
	var grant, revoke []sg.ResourcePermission
	arn := a.UserARN(target)
	switch level {
	case "owner":
		grant = []sg.ResourcePermission{{Principal: arn, Actions: DataSetOwnerActions}}
	case "viewer":
		grant = []sg.ResourcePermission{{Principal: arn, Actions: DataSetViewerActions}}
		var rest []string
		for _, act := range DataSetOwnerActions {
			if !slices.Contains(DataSetViewerActions, act) {
				rest = append(rest, act)
			}
		}
		revoke = []sg.ResourcePermission{{Principal: arn, Actions: rest}}
	case "none":
		revoke = []sg.ResourcePermission{{Principal: arn, Actions: DataSetOwnerActions}}
	default:
		return nil, sg.Errorf(sg.EINVALID, "Access must be owner, viewer or none.")
	}
	if target.AccountID == u.AccountID && target.UserName == u.UserName && level != "owner" {
		return nil, sg.Errorf(sg.EINVALID, "You can't take away your own ownership of dataset %s.", id)
	}
	return a.UpdateDataSetPermissions(ctx, u.AccountID, id, grant, revoke)
}
