package app

import (
	"context"
	"slices"
	"strings"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/query"
	"github.com/sightglass/sightglass/internal/query/dataset"
	"github.com/sightglass/sightglass/internal/query/dialect"
	"github.com/sightglass/sightglass/internal/query/expr"
	"github.com/sightglass/sightglass/internal/rls"
)

// RowScopeOf returns the reader a registered user is to row- and
// column-level security: its name, namespace and groups; for an anonymous
// reader, an anonymous scope (its session's tags are added by
// Drawable.WithSession).
func (a *App) RowScopeOf(ctx context.Context, u *sg.User) (sg.RowScope, error) {
	if u.Anonymous() {
		// An anonymous session answers as QuickSightEmbeddingAnonymousUser
		// of its namespace, but no registered user of that name, nor its
		// groups, lends it rows or columns: its tags alone decide.
		return sg.RowScope{Anonymous: true}, nil
	}
	groups, err := a.UserGroupNames(ctx, u.AccountID, u.Namespace, u.UserName)
	if err != nil {
		return sg.RowScope{}, err
	}
	return sg.RowScope{UserName: u.UserName, Namespace: u.Namespace, Groups: groups}, nil
}

// rowSecurityAlias names the relation a secured relation restricts.
const rowSecurityAlias = "rls"

// secureRelation restricts a dataset's relation to what reader may see:
// the columns column-level rules hide from it are left out, and its rows
// are those its row-level rules (the rules dataset for a registered user,
// the tag rules for an anonymous session; the other when only one is
// set) grant, as a WHERE condition whose values are bound arguments. A
// dataset's calculated columns computed from a hidden column are hidden
// too. A question naming a hidden column, directly or through a
// calculated field, is refused. A dataset with no rules returns rel.
func (a *App) secureRelation(ctx context.Context, d *sg.DataSet, rel *boundRelation, reader sg.RowScope, q *query.Question) (*boundRelation, error) {
	cfg, err := rls.ParseConfig(d.Extra)
	if err != nil || cfg == nil {
		return rel, err
	}
	hidden, err := rls.DerivedHidden(d.LogicalTableMap, cfg.HiddenColumns(a.principalARNs(d.AccountID, reader)))
	if err != nil {
		return nil, sg.Errorf(sg.EPRECONDITION, "The calculated columns of dataset %s cannot be read: %v", d.ID, err)
	}
	if err := refuseHidden(q, hidden); err != nil {
		return nil, err
	}
	b := rls.NewBuilder(rel.dialect, rel.cols, rel.dialect.QuoteIdent(rowSecurityAlias), 1)
	var cond string
	useTags := cfg.TagsEnabled() && (reader.Anonymous || !cfg.RulesEnabled())
	switch {
	case useTags:
		if cond, err = b.Tags(cfg.Tags, reader.SessionTags); err != nil {
			return nil, err
		}
	case cfg.RulesEnabled():
		rules, err := a.rowRules(ctx, d, cfg.DataSet)
		if err != nil {
			return nil, err
		}
		user, groups := a.rulePrincipals(d.AccountID, cfg.DataSet, reader)
		if cond, err = b.Grant(cfg.DataSet.PermissionPolicy, rules.Matching(user, groups)); err != nil {
			return nil, err
		}
	}
	if cond == "" && len(hidden) == 0 {
		return rel, nil
	}
	var names []string
	var cols []dataset.Column
	for _, c := range rel.cols {
		if !hidden[c.Name] {
			names = append(names, rel.dialect.QuoteIdent(rowSecurityAlias)+"."+rel.dialect.QuoteIdent(c.Name))
			cols = append(cols, c)
		}
	}
	if len(cols) == 0 {
		return nil, sg.Errorf(sg.EACCESSDENIED, "Column-level security hides every column of dataset %s from this reader.", d.ID)
	}
	sql := "SELECT " + strings.Join(names, ", ") + " FROM (" + dialect.Arg(0) + ") " + rel.dialect.QuoteIdent(rowSecurityAlias)
	if cond != "" {
		sql += " WHERE " + cond
	}
	args := append([]any{dialect.Raw{SQL: rel.sql, Args: rel.args}}, b.Args()...)
	out := *rel
	if out.sql, out.args, err = dialect.Render(rel.dialect, sql, args); err != nil {
		return nil, err
	}
	out.cols = cols
	return &out, nil
}

// principalARNs are the ARNs column-level rules grant to: the user's and
// its groups' (none for an anonymous session).
func (a *App) principalARNs(accountID string, r sg.RowScope) []string {
	if r.Anonymous || r.UserName == "" {
		return nil
	}
	ns := namespaceOf(r)
	out := []string{sg.UserARN(a.Region, accountID, ns, r.UserName)}
	for _, g := range r.Groups {
		out = append(out, sg.GroupARN(a.Region, accountID, ns, g))
	}
	return out
}

func namespaceOf(r sg.RowScope) string {
	if r.Namespace == "" {
		return "default"
	}
	return r.Namespace
}

// rulePrincipals is the reader as the rules dataset names it: user and
// group names (VERSION_1) or ARNs (VERSION_2). An anonymous session, and
// a user of another namespace than the rules', match no rule.
func (a *App) rulePrincipals(accountID string, cfg *rls.DataSetRules, r sg.RowScope) (string, []string) {
	if r.Anonymous || r.UserName == "" {
		return "", nil
	}
	if cfg.Version() == rls.Version2 {
		arns := a.principalARNs(accountID, r)
		return arns[0], arns[1:]
	}
	if cfg.Namespace != "" && cfg.Namespace != namespaceOf(r) {
		return "", nil
	}
	return r.UserName, r.Groups
}

// refuseHidden refuses a question that reads a hidden column: as a field
// of a dimension, measure, filter or top/bottom ranking, or through a
// calculated field (never computed).
func refuseHidden(q *query.Question, hidden map[string]bool) error {
	if len(hidden) == 0 {
		return nil
	}
	deny := func(name string) error {
		return sg.Errorf(sg.EACCESSDENIED, "Column %q is restricted by column-level security: you are not permitted to see it.", name)
	}
	var fields []string
	for _, f := range q.Dimensions {
		fields = append(fields, f.Field)
	}
	for _, f := range q.Measures {
		fields = append(fields, f.Field)
	}
	for _, f := range q.Filters {
		fields = append(fields, f.Field, f.By.Field)
	}
	// Calculated fields are followed from the fields the question uses:
	// one the question defines but does not use is never computed.
	calc := make(map[string]string, len(q.CalculatedFields))
	for _, c := range q.CalculatedFields {
		calc[c.Name] = c.Expression
	}
	seen := map[string]bool{}
	for len(fields) > 0 {
		f := fields[len(fields)-1]
		fields = fields[:len(fields)-1]
		if f == "" || seen[f] {
			continue
		}
		seen[f] = true
		if hidden[f] {
			return deny(f)
		}
		src, ok := calc[f]
		if !ok {
			continue
		}
		n, err := expr.Parse(src)
		if err != nil {
			continue // Compile reports it; a hidden column is not in the relation anyway
		}
		fields = append(fields, expr.Fields(n)...)
	}
	return nil
}

// rowRules returns the parsed rules of a dataset's rules dataset, read
// through the query engine as the server and kept per rules-dataset
// version (its ingestion for SPICE; version, source version and cache
// window for DIRECT_QUERY). A rules dataset that is missing or cannot be
// read refuses the question: rows are never shown unrestricted.
func (a *App) rowRules(ctx context.Context, d *sg.DataSet, cfg *rls.DataSetRules) (*rls.Rules, error) {
	id, ok := a.dataSetID(d.AccountID, cfg.Arn)
	if !ok {
		return nil, sg.Errorf(sg.EPRECONDITION, "The row-level security rules dataset %s of dataset %s is not a dataset of this account.", cfg.Arn, d.ID)
	}
	rd, err := a.Store.FindDataSet(ctx, d.AccountID, id)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil, sg.Errorf(sg.EPRECONDITION, "The row-level security rules dataset %s of dataset %s does not exist.", id, d.ID)
	} else if err != nil {
		return nil, err
	}
	rel, err := a.bindRelation(ctx, rd)
	if err != nil {
		return nil, sg.Errorf(sg.EPRECONDITION, "The row-level security rules dataset %s cannot be read: %s", id, sg.ErrorMessage(err))
	}
	key := rel.scope + "|" + cfg.Version()
	if v, ok := a.data.rowRules.Load(key); ok {
		return v.(*rls.Rules), nil
	}
	rules, err := a.readRules(ctx, rel, cfg.Version())
	if err != nil {
		return nil, sg.Errorf(sg.EPRECONDITION, "The row-level security rules dataset %s cannot be read: %s", id, sg.ErrorMessage(err))
	}
	a.storeRowRules(key, rules)
	return rules, nil
}

// readRules reads every row of a rules dataset.
func (a *App) readRules(ctx context.Context, rel *boundRelation, version string) (*rls.Rules, error) {
	names := make([]string, len(rel.cols))
	for i, c := range rel.cols {
		names[i] = rel.dialect.QuoteIdent(c.Name)
	}
	sql := "SELECT " + strings.Join(names, ", ") + " FROM (" + rel.sql + ") " + rel.dialect.QuoteIdent("rules")
	ctx, cancel := context.WithTimeout(ctx, rowRulesTimeout)
	defer cancel()
	var rows [][]any
	var size int
	err := a.data.pool.Stream(ctx, rel.poolKey, rel.params, sql, rel.args, func(_, _ []string) error { return nil }, func(row []any) error {
		if len(rows) == rls.MaxRules {
			return sg.Errorf(sg.ELIMIT, "The rules dataset has more than %d rows.", rls.MaxRules)
		}
		for _, v := range row {
			size += 16
			switch x := v.(type) {
			case string:
				size += len(x)
			case []byte:
				size += len(x)
			}
		}
		if size > rowRulesMaxBytes {
			return sg.Errorf(sg.ELIMIT, "The rules dataset is larger than %d bytes.", rowRulesMaxBytes)
		}
		rows = append(rows, row)
		return nil
	})
	if err != nil {
		return nil, queryError(err)
	}
	cols := make([]string, len(rel.cols))
	for i, c := range rel.cols {
		cols[i] = c.Name
	}
	return rls.ParseRules(version, cols, rows)
}

// Bounds of reading rules datasets: the parsed rules kept (when full the
// cache is emptied), the bytes of one rules dataset and the time to read
// it.
const (
	rowRulesMax      = 200
	rowRulesMaxBytes = 64 << 20
	rowRulesTimeout  = 30 * time.Second
)

func (a *App) storeRowRules(key string, r *rls.Rules) {
	if a.data.rowRuleCount.Add(1) > rowRulesMax {
		a.data.rowRules.Clear()
		a.data.rowRuleCount.Store(1)
	}
	a.data.rowRules.Store(key, r)
}

// checkRowSecurity checks a dataset's row- and column-level security
// against its columns, as CreateDataSet and UpdateDataSet do: the columns
// the rules name exist (and are of a type rules can match), and the rules
// dataset exists in the account, may be used by the caller (IAM's
// quicksight:PassDataSet and its resource permissions) and has a user or
// group column and field columns that are columns of the dataset.
func (a *App) checkRowSecurity(ctx context.Context, accountID, dataSetID string, extra []byte, columns []sg.DataSetColumn) error {
	cfg, err := rls.ParseConfig(extra)
	if err != nil || cfg == nil {
		return err
	}
	names := make([]string, len(columns))
	types := make(map[string]string, len(columns))
	for i, c := range columns {
		names[i], types[c.Name] = c.Name, c.Type
	}
	if err := cfg.Check(names); err != nil {
		return err
	}
	matchable := func(what, col string) error {
		if types[col] == "DATETIME" {
			return sg.Errorf(sg.EINVALID, "%s restricts column %q of type DATETIME; row-level security matches STRING, INTEGER, DECIMAL, BIT and BOOLEAN columns.", what, col)
		}
		return nil
	}
	if cfg.Tags != nil {
		for _, r := range cfg.Tags.TagRules {
			if err := matchable("Tag rule "+r.TagKey, r.ColumnName); err != nil {
				return err
			}
		}
	}
	if cfg.DataSet == nil {
		return nil
	}
	arn := cfg.DataSet.Arn
	id, ok := a.dataSetID(accountID, arn)
	if !ok {
		return sg.Errorf(sg.EINVALID, "RowLevelPermissionDataSet Arn %s is not the ARN of a dataset in account %s and region %s.", arn, accountID, a.Region)
	}
	if id == dataSetID {
		return sg.Errorf(sg.EINVALID, "Dataset %s cannot be its own row-level security rules dataset.", dataSetID)
	}
	if err := a.authorize(ctx, accountID, "PassDataSet", arn); err != nil {
		return err
	}
	rd, err := a.Store.FindDataSet(ctx, accountID, id)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return sg.Errorf(sg.EINVALID, "The row-level security rules dataset %s does not exist.", arn)
	} else if err != nil {
		return err
	}
	if err := a.checkResourceAccess(ctx, accountID, "dataset", arn, rd.Permissions); err != nil {
		return err
	}
	ruleCols := make([]string, len(rd.OutputColumns))
	for i, c := range rd.OutputColumns {
		ruleCols[i] = c.Name
	}
	if err := rls.CheckRulesColumns(cfg.DataSet.Version(), ruleCols, names); err != nil {
		return err
	}
	for _, c := range ruleCols {
		if err := matchable("The rules dataset", c); err != nil && slices.Contains(names, c) {
			return err
		}
	}
	return nil
}
