package app

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"strings"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/metrics"
	"github.com/sightglass/sightglass/internal/query"
	"github.com/sightglass/sightglass/internal/query/cache"
	"github.com/sightglass/sightglass/internal/query/dataset"
	"github.com/sightglass/sightglass/internal/query/dialect"
	"github.com/sightglass/sightglass/internal/query/source"
	"github.com/sightglass/sightglass/internal/query/spice"
)

// DirectQueryCacheWindow bounds how stale a cached DIRECT_QUERY answer
// can be: the source's data changes without Sightglass knowing. Each
// answer is served for this long after its computation started.
const DirectQueryCacheWindow = time.Minute

// QueryResult is the answer to a visual question: the rows, and what each
// column is (dimension or measure, and its type).
type QueryResult struct {
	*source.Result
	Columns []query.ResultColumn
}

// QueryDataSet answers a visual question over a dataset: a DIRECT_QUERY
// dataset is queried at its data source (with its decrypted credentials),
// a SPICE dataset in the copy of its latest completed ingestion. Results
// are cached per dataset version (or ingestion), compiled SQL and
// arguments; an update or a new ingestion drops them, and DIRECT_QUERY
// answers are recomputed at least every DirectQueryCacheWindow.
//
// user is the QuickSight user asking (the console); nil means the server
// itself. Admins and authors of the default namespace may query every
// dataset of their account; other users need an entry for their ARN (or
// one of their groups') in the dataset's permissions. The dataset's row-
// and column-level security applies to user (see QueryDataSetAs); the
// server itself reads every row.
func (a *App) QueryDataSet(ctx context.Context, user *sg.User, accountID, dataSetID string, q *query.Question) (*QueryResult, error) {
	if a.data == nil {
		return nil, sg.Errorf(sg.EUNAVAILABLE, "Datasets are not configured on this server.")
	}
	d, err := a.findDataSet(ctx, accountID, dataSetID)
	if err != nil {
		return nil, err
	}
	if err := a.mayQuery(ctx, user, d); err != nil {
		return nil, err
	}
	var reader *sg.RowScope
	if user != nil {
		s, err := a.RowScopeOf(ctx, user)
		if err != nil {
			return nil, err
		}
		reader = &s
	}
	return a.queryDataSet(ctx, d, q, reader)
}

// QueryDataSetAs answers a question as QueryDataSet does, for a reader
// whose access to the dataset the caller established (through the
// dashboard or analysis it views): the dataset's row- and column-level
// security rules apply to reader.
func (a *App) QueryDataSetAs(ctx context.Context, reader sg.RowScope, accountID, dataSetID string, q *query.Question) (*QueryResult, error) {
	if a.data == nil {
		return nil, sg.Errorf(sg.EUNAVAILABLE, "Datasets are not configured on this server.")
	}
	d, err := a.findDataSet(ctx, accountID, dataSetID)
	if err != nil {
		return nil, err
	}
	return a.queryDataSet(ctx, d, q, &reader)
}

// queryDataSet answers q over d, restricted to what reader may see (nil:
// the server itself, unrestricted).
func (a *App) queryDataSet(ctx context.Context, d *sg.DataSet, q *query.Question, reader *sg.RowScope) (*QueryResult, error) {
	if q == nil {
		return nil, sg.Errorf(sg.EINVALID, "A question is required.")
	}
	rel, err := a.bindRelation(ctx, d)
	if err != nil {
		return nil, err
	}
	if reader != nil {
		if rel, err = a.secureRelation(ctx, d, rel, *reader, q); err != nil {
			return nil, err
		}
	}
	compiled, err := query.Compile(q, rel.sql, rel.args, rel.cols, rel.dialect)
	if err != nil {
		return nil, err
	}
	res, err := a.runCached(ctx, rel, compiled.SQL, compiled.Args)
	if err != nil {
		return nil, err
	}
	return &QueryResult{Result: res, Columns: compiled.Columns}, nil
}

// runCached runs SQL over a bound relation through the result cache.
func (a *App) runCached(ctx context.Context, rel *boundRelation, sql string, args []any) (*source.Result, error) {
	start, computed := time.Now(), false
	res, err := a.data.cache.GetOrComputeWithin(ctx, cache.Key(rel.scope, sql, args), a.now(), rel.maxAge, func() (*source.Result, error) {
		computed = true
		return a.data.pool.Query(ctx, rel.poolKey, rel.params, sql, args)
	})
	a.Metrics.Query(queryOutcome(computed, err), time.Since(start))
	if err != nil && rel.spiceDataSetID != "" {
		return nil, a.spiceQueryError(rel.spiceDataSetID, rel.params.SQLitePath, err)
	}
	if err != nil {
		return nil, queryError(err)
	}
	return res, nil
}

// boundRelation is a dataset's relation ready to query: its SQL and
// arguments in the dialect of the engine that answers, its columns, the
// connection, and the cache scope of its answers (dataset and version or
// ingestion).
type boundRelation struct {
	sql     string
	args    []any
	cols    []dataset.Column
	dialect dialect.Dialect
	params  source.Params
	poolKey string
	scope   string
	// maxAge bounds how long an answer is served from the cache (0:
	// until the dataset or its ingestion changes).
	maxAge time.Duration
	// spiceDataSetID names the dataset of a SPICE copy, whose query
	// errors must not show the copy's path (empty for DIRECT_QUERY).
	spiceDataSetID string
}

// bindRelation returns the relation a question over d reads: the SPICE
// copy of its latest completed ingestion, or its DIRECT_QUERY relation
// at its data source.
func (a *App) bindRelation(ctx context.Context, d *sg.DataSet) (*boundRelation, error) {
	accountID, dataSetID := d.AccountID, d.ID
	b := &boundRelation{}
	switch d.ImportMode {
	case sg.ImportSPICE:
		if d.SPICEIngestionID == "" {
			return nil, sg.Errorf(sg.EPRECONDITION, "Dataset %s has no completed ingestion yet.", dataSetID)
		}
		b.dialect = dialect.DuckDB
		names := make([]string, len(d.OutputColumns))
		for i, c := range d.OutputColumns {
			names[i] = b.dialect.QuoteIdent(c.Name)
			b.cols = append(b.cols, dataset.Column{Name: c.Name, Type: c.Type, Description: c.Description})
		}
		b.sql = "SELECT " + strings.Join(names, ", ") + " FROM " + b.dialect.QuoteIdent(spice.Table)
		path, err := a.spicePath(ctx, accountID, dataSetID, d.SPICEIngestionID)
		if err != nil {
			return nil, err
		}
		if err := a.upgradeLegacySPICE(ctx, d, path); err != nil {
			return nil, err
		}
		b.spiceDataSetID = dataSetID
		b.params, b.poolKey = spice.Params(path), spicePoolKey(accountID, dataSetID, d.SPICEIngestionID)
		b.scope = fmt.Sprintf("%s/%s@i:%s", accountID, dataSetID, d.SPICEIngestionID)
	default:
		rel, err := a.directRelation(ctx, d)
		if err != nil {
			return nil, err
		}
		b.sql, b.args, b.cols, b.dialect = rel.sql, rel.args, rel.cols, rel.dialect
		if b.params, b.poolKey, err = a.dataSourceConnection(rel.source); err != nil {
			return nil, err
		}
		// Direct answers expire DirectQueryCacheWindow after each was
		// computed, so that they follow the source within it.
		b.maxAge = DirectQueryCacheWindow
		b.scope = fmt.Sprintf("%s/%s@v:%d:%s:%d", accountID, dataSetID, d.Version, rel.source.ID, rel.source.Version)
	}
	return b, nil
}

// queryOutcome is the metrics result of a query through the cache.
func queryOutcome(computed bool, err error) string {
	switch {
	case err != nil:
		return metrics.QueryError
	case computed:
		return metrics.QueryComputed
	}
	return metrics.QueryHit
}

// relation is a DIRECT_QUERY dataset compiled for its data source.
type relation struct {
	sql     string
	args    []any
	cols    []dataset.Column
	dialect dialect.Dialect
	source  *sg.DataSource
}

// relationCacheMax bounds the compiled relations kept; when full the cache
// is emptied.
const relationCacheMax = 1000

// directRelation returns the compiled relation of a DIRECT_QUERY dataset,
// from memory when neither the dataset nor its data source changed since
// it was compiled (both versions are in the key).
func (a *App) directRelation(ctx context.Context, d *sg.DataSet) (*relation, error) {
	if len(d.DataSourceIDs) != 1 {
		return nil, sg.Errorf(sg.EINVALID, "Dataset %s does not read exactly one data source.", d.ID)
	}
	src, err := a.Store.FindDataSource(ctx, d.AccountID, d.DataSourceIDs[0])
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil, sg.Errorf(sg.EPRECONDITION, "The data source %s of dataset %s does not exist.", d.DataSourceIDs[0], d.ID)
	} else if err != nil {
		return nil, err
	}
	key := fmt.Sprintf("%s/%s@%d/%s@%d", d.AccountID, d.ID, d.Version, src.ID, src.Version)
	if v, ok := a.data.relations.Load(key); ok {
		return v.(*relation), nil
	}
	c, err := a.compileDataSet(ctx, d.AccountID, d.PhysicalTableMap, d.LogicalTableMap)
	if err != nil {
		return nil, err
	}
	rel := &relation{cols: c.tables.OutputColumns(), source: c.source}
	rel.dialect, _ = dialect.ForSourceType(c.source.Type)
	if rel.sql, rel.args, err = c.tables.Relation(rel.dialect); err != nil {
		return nil, err
	}
	if c.source.Version != src.Version {
		return rel, nil // changed meanwhile: use, do not keep
	}
	if a.data.relationCount.Add(1) > relationCacheMax {
		a.data.relations.Clear()
		a.data.relationCount.Store(1)
	}
	a.data.relations.Store(key, rel)
	return rel, nil
}

// mayQuery applies the dataset access rule of QueryDataSet.
func (a *App) mayQuery(ctx context.Context, user *sg.User, d *sg.DataSet) error {
	if user == nil {
		return nil
	}
	if user.AccountID != d.AccountID || !user.Active {
		return sg.Errorf(sg.EACCESSDENIED, "User %s may not query dataset %s.", user.UserName, d.ID)
	}
	if user.Namespace == sg.DefaultNamespace { // other namespaces' authors see only what is shared with them
		switch user.Role {
		case sg.RoleAdmin, sg.RoleAdminPro, sg.RoleAuthor, sg.RoleAuthorPro:
			return nil
		}
	}
	principals, err := a.principals(ctx, user)
	if err != nil {
		return err
	}
	if slices.ContainsFunc(d.Permissions, func(p sg.ResourcePermission) bool { return principals.has(p.Principal) }) {
		return nil
	}
	return sg.Errorf(sg.EACCESSDENIED, "User %s may not query dataset %s.", user.UserName, d.ID)
}

// queryError turns a source failure into a caller-safe error.
func queryError(err error) error {
	if _, ok := errors.AsType[*sg.Error](err); ok {
		return err
	}
	if qe, ok := errors.AsType[*source.QueryError](err); ok {
		if qe.TooLarge() {
			return sg.Errorf(sg.ELIMIT, "%s Aggregate the visual's fields or filter its rows.", qe.Message)
		}
		if qe.Timeout() {
			return sg.Errorf(sg.EUNAVAILABLE, "The query ran past its time limit: %s", qe.Message)
		}
		return sg.Errorf(sg.EUNAVAILABLE, "The data source could not answer: %s", qe.Message)
	}
	if ce, ok := errors.AsType[*source.ConnectError](err); ok {
		return sg.Errorf(sg.EUNAVAILABLE, "The data source cannot be reached: %s", ce.Message)
	}
	return err
}
