package dataset

import (
	"context"
	"strings"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/query/dialect"
	"github.com/sightglass/sightglass/internal/query/expr"
)

// Bounds on what a dataset compiles to. Engines flatten the nested
// SELECTs of a dataset, expanding each calculated column where it is
// used: the columns of the output and the conditions of filters and joins
// may add up to maxExpandedNodes expression terms once expanded (each
// alone is bounded by expr.MaxNodes), and the SQL text to maxRelationBytes.
const (
	maxExpandedNodes = 10 * expr.MaxNodes
	maxRelationBytes = 4 << 20
)

// Relation compiles the dataset to one SELECT in dialect d whose columns
// are OutputColumns, with joins, transforms and calculated columns
// applied. Expression literals are bound arguments. All physical tables
// must be RelationalTable or CustomSql on one data source.
func (t *Tables) Relation(d dialect.Dialect) (string, []any, error) {
	if arns := t.DataSourceARNs(); len(arns) > 1 {
		return "", nil, sg.Errorf(sg.EINVALID, "a dataset that joins tables of different data sources cannot be queried directly")
	}
	b := &build{ctx: context.Background(), t: t, c: &expr.Compiler{Dialect: d, NoAggregates: true}}
	rel, err := b.root()
	if err != nil {
		return "", nil, err
	}
	if b.blocked != nil {
		return "", nil, b.blocked
	}
	return dialect.Render(d, rel.sql.String(), b.c.Args)
}

// build is one compilation of the dataset; the SQL it writes references
// c.Args. With record set (while parsing) it stores each logical table's
// columns.
type build struct {
	ctx     context.Context
	t       *Tables
	c       *expr.Compiler
	record  bool
	blocked error // a physical table that cannot be queried
	// conditions counts the expanded terms of filter and join conditions.
	conditions int
}

// relation is a logical table compiled: its SELECT, its columns, and the
// expanded size of each column that is an expression (by name; a column
// read as it is has none).
type relation struct {
	sql   *sqlText
	cols  []Column
	sizes map[string]expr.Size
}

// ref is the expr.RefSize of the relation's columns.
func (r *relation) ref(name string, _ int) (expr.Size, error) {
	return r.sizes[name], nil
}

// root compiles the output logical table and checks the bounds.
func (b *build) root() (*relation, error) {
	rel, err := b.logical(b.t.Root, 0)
	if err != nil {
		return nil, err
	}
	total := b.conditions
	for _, c := range rel.cols {
		total += max(1, rel.sizes[c.Name].Nodes)
	}
	if total > maxExpandedNodes {
		return nil, invalid("LogicalTableMap: the dataset's columns and conditions have more than %d terms once their calculated columns are expanded", maxExpandedNodes)
	}
	return rel, nil
}

// measure sizes an expression over rel's columns, each expanded.
func (b *build) measure(n expr.Node, rel *relation) (expr.Size, error) {
	return expr.Measure(n, 1, rel.ref)
}

// checkRelationLength refuses SQL that grew past maxRelationBytes at path.
func checkRelationLength(path string, sql *sqlText) error {
	if sql.n > maxRelationBytes {
		return invalid("%s: the dataset's query would be longer than %d bytes", path, maxRelationBytes)
	}
	return nil
}

const alias = "t"

func selectList(d dialect.Dialect, from string, cols []Column) string {
	var b strings.Builder
	for i, col := range cols {
		if i > 0 {
			b.WriteString(", ")
		}
		q := d.QuoteIdent(col.Name)
		b.WriteString(from + "." + q + " AS " + q)
	}
	return b.String()
}

// storedList is the select list of a physical table: selectList, with
// DATETIME columns read through the dialect's StoredDatetime so that
// everything above compares and truncates one datetime form.
func storedList(d dialect.Dialect, from string, cols []Column) string {
	var b strings.Builder
	for i, col := range cols {
		if i > 0 {
			b.WriteString(", ")
		}
		q := d.QuoteIdent(col.Name)
		ref := from + "." + q
		if col.Type == string(dialect.Datetime) {
			ref = d.StoredDatetime(ref)
		}
		b.WriteString(ref + " AS " + q)
	}
	return b.String()
}

func (b *build) logical(id string, depth int) (*relation, error) {
	if depth > 64 {
		return nil, invalid("LogicalTableMap joins are nested too deeply")
	}
	c, t := b.c, b.t
	d := c.Dialect
	lt := t.Logical[id]
	path := "LogicalTableMap." + id
	var rel *relation
	var err error
	switch {
	case lt.Source.PhysicalTableId != "":
		rel, err = b.physical(lt.Source.PhysicalTableId)
	case lt.Source.JoinInstruction != nil:
		rel, err = b.join(path, lt.Source.JoinInstruction, depth)
	}
	if err != nil {
		return nil, err
	}
	for i, tr := range lt.Transforms {
		if err := b.ctx.Err(); err != nil {
			return nil, err
		}
		p := path + ".DataTransforms[" + itoa(i) + "]." + tr.Kind
		from := sqlOf("(", rel.sql, ") AS "+alias)
		cols := rel.cols
		switch tr.Kind {
		case "ProjectOperation":
			var kept []Column
			sizes := map[string]expr.Size{}
			for _, name := range tr.ProjectedColumns {
				col, ok := find(cols, name)
				if !ok {
					return nil, invalid("%s.ProjectedColumns: unknown column %q", p, name)
				}
				kept = append(kept, col)
				if sz, ok := rel.sizes[name]; ok {
					sizes[name] = sz
				}
			}
			rel = &relation{sql: sqlOf("SELECT "+selectList(d, alias, kept)+" FROM ", from), cols: kept, sizes: sizes}
		case "FilterOperation":
			sz, err := b.measure(tr.condition, rel)
			if err != nil {
				return nil, invalid("%s.ConditionExpression is invalid: %v", p, err)
			}
			b.conditions += sz.Nodes
			c.Field = scope(d, alias, cols)
			v, err := c.Compile(tr.condition)
			if err != nil {
				return nil, invalid("%s.ConditionExpression is invalid: %v", p, err)
			}
			if v.Type != expr.Boolean {
				return nil, invalid("%s.ConditionExpression must be a condition, found a %s value", p, strings.ToLower(columnType(v.Type)))
			}
			rel = &relation{sql: sqlOf("SELECT "+selectList(d, alias, cols)+" FROM ", from, " WHERE "+v.SQL), cols: cols, sizes: rel.sizes}
		case "CreateColumnsOperation":
			c.Field = scope(d, alias, cols)
			var extra strings.Builder
			added := map[string]expr.Size{}
			next := cols[:len(cols):len(cols)]
			for _, cc := range tr.Columns {
				if _, dup := find(next, cc.ColumnName); dup {
					return nil, invalid("%s: column %q already exists", p, cc.ColumnName)
				}
				// Bound the column as expanded before compiling it.
				sz, err := b.measure(cc.node, rel)
				if err != nil {
					return nil, expr.Invalid(cc.ColumnName, err)
				}
				v, err := c.Compile(cc.node)
				if err != nil {
					return nil, expr.Invalid(cc.ColumnName, err)
				}
				extra.WriteString(", " + v.SQL + " AS " + d.QuoteIdent(cc.ColumnName))
				next = append(next, Column{Name: cc.ColumnName, Type: columnType(v.Type)})
				added[cc.ColumnName] = sz
			}
			sizes := make(map[string]expr.Size, len(rel.sizes)+len(added))
			for k, v := range rel.sizes {
				sizes[k] = v
			}
			for k, v := range added {
				sizes[k] = v
			}
			rel = &relation{sql: sqlOf("SELECT "+selectList(d, alias, cols)+extra.String()+" FROM ", from), cols: next, sizes: sizes}
		case "RenameColumnOperation":
			i := index(cols, tr.ColumnName)
			if i < 0 {
				return nil, invalid("%s.ColumnName: unknown column %q", p, tr.ColumnName)
			}
			if j := index(cols, tr.NewColumnName); j >= 0 && j != i {
				return nil, invalid("%s.NewColumnName: column %q already exists", p, tr.NewColumnName)
			}
			renamed := append([]Column(nil), cols...)
			renamed[i].Name = tr.NewColumnName
			var list strings.Builder
			for k := range renamed {
				if k > 0 {
					list.WriteString(", ")
				}
				list.WriteString(alias + "." + d.QuoteIdent(cols[k].Name) + " AS " + d.QuoteIdent(renamed[k].Name))
			}
			sizes := make(map[string]expr.Size, len(rel.sizes))
			for k, v := range rel.sizes {
				if k != tr.ColumnName {
					sizes[k] = v
				}
			}
			if sz, ok := rel.sizes[tr.ColumnName]; ok {
				sizes[tr.NewColumnName] = sz
			}
			rel = &relation{sql: sqlOf("SELECT "+list.String()+" FROM ", from), cols: renamed, sizes: sizes}
		case "CastColumnTypeOperation":
			i := index(cols, tr.ColumnName)
			if i < 0 {
				return nil, invalid("%s.ColumnName: unknown column %q", p, tr.ColumnName)
			}
			cast := append([]Column(nil), cols...)
			cast[i].Type = tr.NewColumnType
			var list strings.Builder
			for k, col := range cast {
				if k > 0 {
					list.WriteString(", ")
				}
				q := d.QuoteIdent(col.Name)
				if k == i {
					list.WriteString(d.Cast(alias+"."+q, dialect.Type(col.Type)) + " AS " + q)
				} else {
					list.WriteString(alias + "." + q + " AS " + q)
				}
			}
			sizes := make(map[string]expr.Size, len(rel.sizes)+1)
			for k, v := range rel.sizes {
				sizes[k] = v
			}
			// The cast is one more term around the column.
			old := rel.sizes[tr.ColumnName]
			sizes[tr.ColumnName] = expr.Size{Nodes: max(1, old.Nodes) + 1, Depth: max(1, old.Depth) + 1}
			rel = &relation{sql: sqlOf("SELECT "+list.String()+" FROM ", from), cols: cast, sizes: sizes}
		}
		if err := checkRelationLength(p, rel.sql); err != nil {
			return nil, err
		}
	}
	if b.record {
		lt.columns = rel.cols
	}
	return rel, nil
}

func find(cols []Column, name string) (Column, bool) {
	if i := index(cols, name); i >= 0 {
		return cols[i], true
	}
	return Column{}, false
}

func index(cols []Column, name string) int {
	for i, c := range cols {
		if c.Name == name {
			return i
		}
	}
	return -1
}

func (b *build) physical(id string) (*relation, error) {
	d := b.c.Dialect
	p := b.t.Physical[id]
	switch {
	case p.RelationalTable != nil:
		r := p.RelationalTable
		cols := inputColumns(r.InputColumns)
		table := d.QuoteIdent(r.Name)
		if r.Schema != "" {
			table = d.QuoteIdent(r.Schema) + "." + table
		}
		return &relation{sql: sqlOf("SELECT " + storedList(d, alias, cols) + " FROM " + table + " AS " + alias), cols: cols}, nil
	case p.CustomSql != nil:
		cols := inputColumns(p.CustomSql.Columns)
		if !p.checked && !b.record && b.blocked == nil {
			b.blocked = invalid("PhysicalTableMap.%s.CustomSql.SqlQuery has not been checked for its data source", id)
		}
		// The query may end with a -- comment: close the parenthesis on a
		// line of its own.
		return &relation{sql: sqlOf("SELECT " + storedList(d, alias, cols) + " FROM (" + p.query + "\n) AS " + alias), cols: cols}, nil
	}
	if b.blocked == nil {
		b.blocked = invalid("PhysicalTableMap.%s: %s tables cannot be queried; use RelationalTable or CustomSql", id, p.Other)
	}
	return &relation{sql: sqlOf("SELECT NULL"), cols: inputColumns(p.otherColumns)}, nil
}

func inputColumns(in []InputColumn) []Column {
	cols := make([]Column, len(in))
	for i, c := range in {
		cols[i] = Column{Name: c.Name, Type: c.Type}
	}
	return cols
}

func (b *build) join(path string, j *JoinInstruction, depth int) (*relation, error) {
	c := b.c
	d := c.Dialect
	left, err := b.logical(j.LeftOperand, depth+1)
	if err != nil {
		return nil, err
	}
	right, err := b.logical(j.RightOperand, depth+1)
	if err != nil {
		return nil, err
	}
	lcols, rcols := left.cols, right.cols
	for _, rc := range rcols {
		if _, dup := find(lcols, rc.Name); dup {
			return nil, invalid("%s.Source.JoinInstruction: both sides have a column %q; rename one with RenameColumnOperation", path, rc.Name)
		}
	}
	both := &relation{cols: append(append([]Column(nil), lcols...), rcols...), sizes: make(map[string]expr.Size, len(left.sizes)+len(right.sizes))}
	for _, side := range []*relation{left, right} {
		for k, v := range side.sizes {
			both.sizes[k] = v
		}
	}
	sz, err := b.measure(j.on, both)
	if err != nil {
		return nil, invalid("%s.Source.JoinInstruction.OnClause is invalid: %v", path, err)
	}
	b.conditions += sz.Nodes
	const l, r = "l", "r"
	lscope, rscope := scope(d, l, lcols), scope(d, r, rcols)
	c.Field = func(name string) (expr.Value, bool, error) {
		if v, ok, _ := lscope(name); ok {
			return v, true, nil
		}
		return rscope(name)
	}
	on, err := c.Compile(j.on)
	if err != nil {
		return nil, invalid("%s.Source.JoinInstruction.OnClause is invalid: %v", path, err)
	}
	if on.Type != expr.Boolean {
		return nil, invalid("%s.Source.JoinInstruction.OnClause must be a condition", path)
	}
	list := selectList(d, l, lcols) + ", " + selectList(d, r, rcols)
	lfrom, rfrom := sqlOf("(", left.sql, ") AS "+l), sqlOf("(", right.sql, ") AS "+r)
	kind := map[string]string{"INNER": "INNER JOIN", "LEFT": "LEFT JOIN", "RIGHT": "RIGHT JOIN", "OUTER": "FULL OUTER JOIN"}[j.Type]
	if j.Type == "OUTER" && d.Name() == "mysql" {
		// MySQL and MariaDB have no FULL OUTER JOIN: left join, plus the
		// right rows that matched nothing.
		lmark := sqlOf("(SELECT 1 AS "+d.QuoteIdent("sg$left")+", "+selectList(d, "t", lcols)+" FROM (", left.sql, ") AS t) AS "+l)
		both.sql = sqlOf("SELECT * FROM (SELECT "+list+" FROM ", lfrom, " LEFT JOIN ", rfrom, " ON "+on.SQL+
			" UNION ALL SELECT "+list+" FROM ", lmark, " RIGHT JOIN ", rfrom, " ON "+on.SQL+
			" WHERE "+l+"."+d.QuoteIdent("sg$left")+" IS NULL) AS u")
	} else {
		both.sql = sqlOf("SELECT "+list+" FROM ", lfrom, " "+kind+" ", rfrom, " ON "+on.SQL)
	}
	if err := checkRelationLength(path+".Source.JoinInstruction", both.sql); err != nil {
		return nil, err
	}
	return both, nil
}
