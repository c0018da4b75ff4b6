package app

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/query/dataset"
	"github.com/sightglass/sightglass/internal/query/dialect"
	"github.com/sightglass/sightglass/internal/query/source"
)

// DataSetExtraMembers are the dataset members Sightglass validates lightly,
// stores and returns unchanged.
var DataSetExtraMembers = []string{"ColumnGroups", "FieldFolders", "RowLevelPermissionDataSet", "RowLevelPermissionTagConfiguration", "ColumnLevelPermissionRules", "DataSetUsageConfiguration", "DatasetParameters", "PerformanceConfiguration", "UseAs", "DataPrepConfiguration", "SemanticModelConfiguration"}

var reDataSetID = reDataSourceID

// DataSetInput is the body of CreateDataSet and UpdateDataSet.
type DataSetInput struct {
	AccountID        string
	DataSetID        string
	Name             string
	ImportMode       string
	PhysicalTableMap json.RawMessage
	LogicalTableMap  json.RawMessage
	// Extra holds the members named by DataSetExtraMembers that were sent.
	Extra       map[string]json.RawMessage
	Permissions []sg.ResourcePermission // Create only
	Tags        []sg.Tag                // Create only
	FolderArns  []string                // Create only
}

// DataSetARN returns the ARN of a dataset.
func (a *App) DataSetARN(accountID, id string) string {
	return sg.QuickSightARN(a.Region, accountID, "dataset/"+id)
}

func dataSetNotFound(accountID, id string) error {
	return sg.Errorf(sg.ENOTFOUND, "Dataset %s does not exist in account %s.", id, accountID).WithResource(sg.ResourceDataSet)
}

func checkDataSetID(id string) error {
	if id == "" {
		return required("dataSetId")
	}
	if err := checkLen("dataSetId", id, 1, 128); err != nil {
		return err
	}
	return checkPattern("dataSetId", id, reDataSetID)
}

func (a *App) findDataSet(ctx context.Context, accountID, id string) (*sg.DataSet, error) {
	d, err := a.Store.FindDataSet(ctx, accountID, id)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil, dataSetNotFound(accountID, id)
	}
	return d, err
}

// checkDataSetExtra validates the members stored as they are.
func checkDataSetExtra(acct *sg.Account, extra map[string]json.RawMessage) error {
	for name, raw := range extra {
		if !slices.Contains(DataSetExtraMembers, name) {
			return sg.Errorf(sg.EINVALID, "Unknown dataset member %s.", name)
		}
		var v any
		if err := json.Unmarshal(raw, &v); err != nil {
			return sg.Errorf(sg.EINVALID, "%s is not valid JSON.", name)
		}
		switch name {
		case "UseAs":
			if s, ok := v.(string); !ok || s != "RLS_RULES" {
				return invalid("useAs", fmt.Sprint(v), "Member must satisfy enum value set: [RLS_RULES]")
			}
		case "ColumnGroups":
			if l, ok := v.([]any); !ok || len(l) < 1 || len(l) > 8 {
				return sg.Errorf(sg.EINVALID, "ColumnGroups must be a list of 1 to 8 column groups.")
			}
		case "DatasetParameters":
			if l, ok := v.([]any); !ok || len(l) < 1 || len(l) > 32 {
				return sg.Errorf(sg.EINVALID, "DatasetParameters must be a list of 1 to 32 parameters.")
			}
		case "ColumnLevelPermissionRules":
			if l, ok := v.([]any); !ok || len(l) < 1 {
				return sg.Errorf(sg.EINVALID, "ColumnLevelPermissionRules must be a list of at least 1 rule.")
			}
		default:
			if _, ok := v.(map[string]any); !ok {
				return sg.Errorf(sg.EINVALID, "%s must be a JSON object.", name)
			}
		}
		rowLevel := name == "RowLevelPermissionDataSet" || name == "RowLevelPermissionTagConfiguration" || name == "ColumnLevelPermissionRules"
		if rowLevel && acct.Edition == sg.EditionStandard {
			return sg.Errorf(sg.EUNSUPPORTEDEDITION, "%s requires the Enterprise edition; account %s has the Standard edition.", name, acct.ID)
		}
	}
	return nil
}

// compiledDataSet is a dataset's definition checked against its data
// source.
type compiledDataSet struct {
	tables  *dataset.Tables
	columns []sg.DataSetColumn
	source  *sg.DataSource
}

// compileDataSet parses the table maps and resolves the one data source
// they read, which the caller must be allowed to use: IAM's
// quicksight:PassDataSource and the data source's resource permissions
// (checkResourceAccess).
func (a *App) compileDataSet(ctx context.Context, accountID string, physical, logical json.RawMessage) (*compiledDataSet, error) {
	if len(physical) == 0 || string(physical) == "null" {
		return nil, required("physicalTableMap")
	}
	if string(logical) == "null" {
		logical = nil
	}
	tables, err := dataset.ParseContext(ctx, physical, logical)
	if err != nil {
		return nil, err
	}
	arns := tables.DataSourceARNs()
	ids := make([]string, 0, len(arns))
	for _, s := range arns {
		arn, ok := sg.ParseARN(s)
		id, isDS := strings.CutPrefix(arn.Resource, "datasource/")
		if !ok || !isDS || arn.Service != "quicksight" || id == "" {
			return nil, sg.Errorf(sg.EINVALID, "DataSourceArn %s is not the ARN of a data source.", s)
		}
		if arn.AccountID != accountID || arn.Region != a.Region {
			return nil, sg.Errorf(sg.EINVALID, "Data source %s is not in account %s and region %s.", s, accountID, a.Region)
		}
		if !slices.Contains(ids, id) {
			ids = append(ids, id)
		}
	}
	if len(ids) == 0 {
		return nil, sg.Errorf(sg.EINVALID, "PhysicalTableMap must have at least one table that reads a data source.")
	}
	if len(ids) > 1 {
		return nil, sg.Errorf(sg.EINVALID, "The tables of a dataset must read one data source; these read %d (%s).", len(ids), strings.Join(ids, ", "))
	}
	// Using a data source takes quicksight:PassDataSource on it, checked
	// before anything about it is read or said.
	for _, s := range arns {
		if err := a.authorize(ctx, accountID, "PassDataSource", s); err != nil {
			return nil, err
		}
	}
	src, err := a.Store.FindDataSource(ctx, accountID, ids[0])
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil, sg.Errorf(sg.EINVALID, "Data source %s does not exist.", arns[0])
	} else if err != nil {
		return nil, err
	}
	if err := a.checkResourceAccess(ctx, accountID, "data source", a.DataSourceARN(accountID, src.ID), src.Permissions); err != nil {
		return nil, err
	}
	if src.Status != sg.StatusCreationSuccessful && src.Status != sg.StatusUpdateSuccessful {
		return nil, sg.Errorf(sg.EINVALID, "Data source %s cannot be used: its status is %s.", arns[0], src.Status)
	}
	d, ok := dialect.ForSourceType(src.Type)
	if !ok {
		return nil, sg.Errorf(sg.EINVALID, "Data source %s has type %s, which Sightglass cannot query.", arns[0], src.Type)
	}
	if err := tables.CheckCustomSQL(a.customSQLCheck(ctx, src)); err != nil {
		return nil, err
	}
	if _, _, err := tables.Relation(d); err != nil {
		return nil, err
	}
	var cols []sg.DataSetColumn
	for _, c := range tables.OutputColumns() {
		cols = append(cols, sg.DataSetColumn{Name: c.Name, Type: c.Type, Description: c.Description})
	}
	if cols == nil {
		cols = []sg.DataSetColumn{}
	}
	return &compiledDataSet{tables: tables, columns: cols, source: src}, nil
}

func encodeExtra(extra map[string]json.RawMessage) []byte {
	if len(extra) == 0 {
		return nil
	}
	m := make(map[string]json.RawMessage, len(extra))
	for k, v := range extra {
		m[k] = compactJSON(v)
	}
	b, _ := json.Marshal(m)
	return b
}

// probeDirectQuery runs a DIRECT_QUERY dataset's relation at its source,
// returning no rows, so that a custom SQL or table the source cannot answer
// is refused when the dataset is created, as QuickSight does. A source
// that cannot be reached right now does not stop the request.
func (a *App) probeDirectQuery(ctx context.Context, c *compiledDataSet) error {
	dia, _ := dialect.ForSourceType(c.source.Type)
	rel, args, err := c.tables.Relation(dia)
	if err != nil {
		return err
	}
	params, key, err := a.dataSourceConnection(c.source)
	if err != nil {
		return err
	}
	_, err = a.data.pool.Query(ctx, key, params, "SELECT * FROM ("+rel+") "+dia.QuoteIdent("probe")+" WHERE 1 = 0", args)
	if qe, ok := errors.AsType[*source.QueryError](err); ok && qe.Type == source.ErrGenericSQLFailure {
		return sg.Errorf(sg.EINVALID, "The data source cannot run the dataset's query: %s", qe.Message)
	}
	return nil
}

// CreateDataSet creates a dataset. A SPICE dataset starts its first
// ingestion, returned with it.
func (a *App) CreateDataSet(ctx context.Context, in DataSetInput) (*sg.DataSet, *sg.Ingestion, error) {
	if in.DataSetID == "" {
		return nil, nil, required("dataSetId")
	}
	if err := a.checkDataPath(ctx, "CreateDataSet", in.AccountID, in.DataSetID, checkDataSetID, a.DataSetARN(in.AccountID, in.DataSetID)); err != nil {
		return nil, nil, err
	}
	acct, err := a.subscribed(ctx, in.AccountID) // uncached: the edition decides
	if err != nil {
		return nil, nil, err
	}
	if err := a.checkDataSetMembers(acct, in); err != nil {
		return nil, nil, err
	}
	if err := checkPermissions("permissions", in.Permissions); err != nil {
		return nil, nil, err
	}
	if err := checkTags(in.Tags); err != nil {
		return nil, nil, err
	}
	if err := checkFolderArns(in.FolderArns); err != nil {
		return nil, nil, err
	}
	if _, err := a.Store.FindDataSet(ctx, in.AccountID, in.DataSetID); err == nil {
		return nil, nil, dataSetExists(in.AccountID, in.DataSetID)
	}
	c, err := a.compileDataSet(ctx, in.AccountID, in.PhysicalTableMap, in.LogicalTableMap)
	if err != nil {
		return nil, nil, err
	}
	if err := a.checkRowSecurity(ctx, in.AccountID, in.DataSetID, encodeExtra(in.Extra), c.columns); err != nil {
		return nil, nil, err
	}
	if in.ImportMode == sg.ImportDirectQuery {
		if err := a.probeDirectQuery(ctx, c); err != nil {
			return nil, nil, err
		}
	}
	now := a.now()
	d := &sg.DataSet{
		AccountID:        in.AccountID,
		ID:               in.DataSetID,
		Name:             in.Name,
		ImportMode:       in.ImportMode,
		PhysicalTableMap: compactJSON(in.PhysicalTableMap),
		LogicalTableMap:  nullable(in.LogicalTableMap),
		Extra:            encodeExtra(in.Extra),
		OutputColumns:    c.columns,
		DataSourceIDs:    []string{c.source.ID},
		Permissions:      in.Permissions,
		Tags:             in.Tags,
		Version:          1,
		CreatedAt:        now,
		UpdatedAt:        now,
	}
	if err := a.Store.CreateDataSet(ctx, d); err != nil {
		if sg.ErrorCode(err) == sg.EEXISTS {
			return nil, nil, dataSetExists(d.AccountID, d.ID)
		}
		return nil, nil, err
	}
	if d.ImportMode != sg.ImportSPICE {
		return d, nil, nil
	}
	ing, err := a.startIngestion(ctx, d, randomUUID(), "INITIAL_INGESTION")
	return d, ing, err
}

func dataSetExists(accountID, id string) error {
	return sg.Errorf(sg.EEXISTS, "Dataset %s already exists in account %s.", id, accountID).WithResource(sg.ResourceDataSet)
}

func (a *App) checkDataSetMembers(acct *sg.Account, in DataSetInput) error {
	if err := checkLen("name", in.Name, 1, 128); err != nil {
		return err
	}
	if in.ImportMode == "" {
		return required("importMode")
	}
	if err := checkEnum("importMode", in.ImportMode, []string{sg.ImportSPICE, sg.ImportDirectQuery}); err != nil {
		return err
	}
	return checkDataSetExtra(acct, in.Extra)
}

// DescribeDataSet returns a dataset.
func (a *App) DescribeDataSet(ctx context.Context, accountID, id string) (*sg.DataSet, error) {
	if err := a.checkDataPath(ctx, "DescribeDataSet", accountID, id, checkDataSetID, a.DataSetARN(accountID, id)); err != nil {
		return nil, err
	}
	return a.findDataSet(ctx, accountID, id)
}

// ListDataSets returns one page of datasets and the next token.
func (a *App) ListDataSets(ctx context.Context, accountID, nextToken string, maxResults *int) ([]*sg.DataSet, string, error) {
	if err := a.checkDataPath(ctx, "ListDataSets", accountID, "*", nil, a.DataSetARN(accountID, "*")); err != nil {
		return nil, "", err
	}
	page, err := pageRequest("data-sets", accountID, nextToken, maxResults)
	if err != nil {
		return nil, "", err
	}
	list, more, err := a.Store.ListDataSets(ctx, accountID, page)
	if err != nil || !more || len(list) == 0 {
		return list, "", err
	}
	return list, encodeNextToken("data-sets", accountID, list[len(list)-1].ID), nil
}

// UpdateDataSet replaces a dataset's definition. A SPICE dataset starts an
// ingestion of the new definition, returned with it.
func (a *App) UpdateDataSet(ctx context.Context, in DataSetInput) (*sg.DataSet, *sg.Ingestion, error) {
	if err := a.checkDataPath(ctx, "UpdateDataSet", in.AccountID, in.DataSetID, checkDataSetID, a.DataSetARN(in.AccountID, in.DataSetID)); err != nil {
		return nil, nil, err
	}
	acct, err := a.subscribed(ctx, in.AccountID) // uncached: the edition decides
	if err != nil {
		return nil, nil, err
	}
	if err := a.checkDataSetMembers(acct, in); err != nil {
		return nil, nil, err
	}
	prev, err := a.findDataSet(ctx, in.AccountID, in.DataSetID)
	if err != nil {
		return nil, nil, err
	}
	// Refuse before changing anything if the new ingestion could not start.
	if in.ImportMode == sg.ImportSPICE && a.data.ingests.unfinished(in.AccountID, in.DataSetID) >= maxUnfinishedPerDataSet {
		return nil, nil, sg.Errorf(sg.ELIMIT, "Dataset %s already has %d ingestions queued or running.", in.DataSetID, maxUnfinishedPerDataSet).WithResource(sg.ResourceIngestion)
	}
	c, err := a.compileDataSet(ctx, in.AccountID, in.PhysicalTableMap, in.LogicalTableMap)
	if err != nil {
		return nil, nil, err
	}
	if err := a.checkRowSecurity(ctx, in.AccountID, in.DataSetID, encodeExtra(in.Extra), c.columns); err != nil {
		return nil, nil, err
	}
	if in.ImportMode == sg.ImportDirectQuery {
		if err := a.probeDirectQuery(ctx, c); err != nil {
			return nil, nil, err
		}
	}
	d := *prev
	d.Name, d.ImportMode = in.Name, in.ImportMode
	d.PhysicalTableMap, d.LogicalTableMap = compactJSON(in.PhysicalTableMap), nullable(in.LogicalTableMap)
	d.Extra, d.OutputColumns, d.DataSourceIDs = encodeExtra(in.Extra), c.columns, []string{c.source.ID}
	d.Version, d.UpdatedAt = prev.Version+1, a.now()
	if err := a.Store.UpdateDataSet(ctx, &d); err != nil {
		if sg.ErrorCode(err) == sg.ENOTFOUND {
			return nil, nil, dataSetNotFound(d.AccountID, d.ID)
		}
		return nil, nil, err
	}
	a.invalidateDataSet(&d)
	if d.ImportMode != sg.ImportSPICE {
		return &d, nil, nil
	}
	ing, err := a.startIngestion(ctx, &d, randomUUID(), "EDIT")
	return &d, ing, err
}

// DeleteDataSet deletes a dataset, cancels its ingestions and removes its
// SPICE copies.
func (a *App) DeleteDataSet(ctx context.Context, accountID, id string) error {
	if err := a.checkDataPath(ctx, "DeleteDataSet", accountID, id, checkDataSetID, a.DataSetARN(accountID, id)); err != nil {
		return err
	}
	d, err := a.findDataSet(ctx, accountID, id)
	if err != nil {
		return err
	}
	a.data.ingests.cancelDataSet(accountID, id)
	if err := a.Store.DeleteDataSet(ctx, accountID, id); err != nil {
		if sg.ErrorCode(err) == sg.ENOTFOUND {
			return dataSetNotFound(accountID, id)
		}
		return err
	}
	a.invalidateDataSet(d)
	if d.SPICEIngestionID != "" {
		a.data.pool.Forget(spicePoolKey(accountID, id, d.SPICEIngestionID))
	}
	os.RemoveAll(a.spiceDir(accountID, id))
	return nil
}

// DescribeDataSetPermissions returns a dataset (for its permissions).
func (a *App) DescribeDataSetPermissions(ctx context.Context, accountID, id string) (*sg.DataSet, error) {
	if err := a.checkDataPath(ctx, "DescribeDataSetPermissions", accountID, id, checkDataSetID, a.DataSetARN(accountID, id)); err != nil {
		return nil, err
	}
	return a.findDataSet(ctx, accountID, id)
}

// UpdateDataSetPermissions grants and revokes permissions.
func (a *App) UpdateDataSetPermissions(ctx context.Context, accountID, id string, grant, revoke []sg.ResourcePermission) (*sg.DataSet, error) {
	if err := a.checkDataPath(ctx, "UpdateDataSetPermissions", accountID, id, checkDataSetID, a.DataSetARN(accountID, id)); err != nil {
		return nil, err
	}
	if err := checkPermissions("grantPermissions", grant); err != nil {
		return nil, err
	}
	if err := checkPermissions("revokePermissions", revoke); err != nil {
		return nil, err
	}
	d, err := a.findDataSet(ctx, accountID, id)
	if err != nil {
		return nil, err
	}
	if d.Permissions, err = mergePermissions(d.Permissions, grant, revoke); err != nil {
		return nil, err
	}
	d.UpdatedAt = a.now()
	// The definition is unchanged: the version stays, and so do caches.
	if err := a.Store.UpdateDataSet(ctx, d); err != nil {
		if sg.ErrorCode(err) == sg.ENOTFOUND {
			return nil, dataSetNotFound(accountID, id)
		}
		return nil, err
	}
	return d, nil
}

// spiceDir is the directory of a dataset's SPICE copies.
func (a *App) spiceDir(accountID, dataSetID string) string {
	return filepath.Join(a.data.cfg.SPICEDir, accountID, dataSetID)
}

// spicePoolKey is the connection pool's key of one SPICE copy: each is a
// DuckDB database, closed (Forget) when the copy is replaced or deleted so
// that its memory and its file's space are released.
func spicePoolKey(accountID, dataSetID, ingestionID string) string {
	return "spice/" + accountID + "/" + dataSetID + "/" + ingestionID
}

// spiceFile is the SPICE copy of one ingestion.
func (a *App) spiceFile(accountID, dataSetID, ingestionID string) string {
	return filepath.Join(a.spiceDir(accountID, dataSetID), ingestionID+".duckdb")
}

// invalidateDataSet drops the cached query results of every version and
// ingestion of a dataset, and the row-level security rules read from it.
func (a *App) invalidateDataSet(d *sg.DataSet) {
	prefix := d.AccountID + "/" + d.ID + "@"
	a.data.cache.InvalidatePrefix(prefix)
	a.data.rowRules.Range(func(k, _ any) bool {
		if strings.HasPrefix(k.(string), prefix) {
			a.data.rowRules.Delete(k)
		}
		return true
	})
}
