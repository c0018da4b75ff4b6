package dataset

import (
	"strings"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/query/dialect"
	"github.com/sightglass/sightglass/internal/query/expr"
)

// Relation compiles the dataset to one SELECT in dialect d whose columns
// are OutputColumns, with joins, transforms and calculated columns
// applied. Expression literals are bound arguments. All physical tables
// must be RelationalTable or CustomSql on one data source.
func (t *Tables) Relation(d dialect.Dialect) (string, []any, error) {
	if arns := t.DataSourceARNs(); len(arns) > 1 {
		return "", nil, sg.Errorf(sg.EINVALID, "a dataset that joins tables of different data sources cannot be queried directly")
	}
	b := &build{t: t, c: &expr.Compiler{Dialect: d, NoAggregates: true}}
	sql, _, err := b.logical(t.Root, 0)
	if err != nil {
		return "", nil, err
	}
	if b.blocked != nil {
		return "", nil, b.blocked
	}
	return dialect.Render(d, sql, b.c.Args)
}

// build is one compilation of the dataset; the SQL it writes references
// c.Args. With record set (while parsing) it stores each logical table's
// columns.
type build struct {
	t       *Tables
	c       *expr.Compiler
	record  bool
	blocked error // a physical table that cannot be queried
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

func (b *build) logical(id string, depth int) (string, []Column, error) {
	if depth > 64 {
		return "", nil, invalid("LogicalTableMap joins are nested too deeply")
	}
	c, t := b.c, b.t
	d := c.Dialect
	lt := t.Logical[id]
	path := "LogicalTableMap." + id
	var sql string
	var cols []Column
	switch {
	case lt.Source.PhysicalTableId != "":
		var err error
		sql, cols, err = b.physical(lt.Source.PhysicalTableId)
		if err != nil {
			return "", nil, err
		}
	case lt.Source.JoinInstruction != nil:
		var err error
		sql, cols, err = b.join(path, lt.Source.JoinInstruction, depth)
		if err != nil {
			return "", nil, err
		}
	}
	for i, tr := range lt.Transforms {
		p := path + ".DataTransforms[" + itoa(i) + "]." + tr.Kind
		from := "(" + sql + ") AS " + alias
		switch tr.Kind {
		case "ProjectOperation":
			var kept []Column
			for _, name := range tr.ProjectedColumns {
				col, ok := find(cols, name)
				if !ok {
					return "", nil, invalid("%s.ProjectedColumns: unknown column %q", p, name)
				}
				kept = append(kept, col)
			}
			cols = kept
			sql = "SELECT " + selectList(d, alias, cols) + " FROM " + from
		case "FilterOperation":
			c.Field = scope(d, alias, cols)
			v, err := c.Compile(tr.condition)
			if err != nil {
				return "", nil, invalid("%s.ConditionExpression is invalid: %v", p, err)
			}
			if v.Type != expr.Boolean {
				return "", nil, invalid("%s.ConditionExpression must be a condition, found a %s value", p, strings.ToLower(columnType(v.Type)))
			}
			sql = "SELECT " + selectList(d, alias, cols) + " FROM " + from + " WHERE " + v.SQL
		case "CreateColumnsOperation":
			c.Field = scope(d, alias, cols)
			extra := ""
			for _, cc := range tr.Columns {
				if _, dup := find(cols, cc.ColumnName); dup {
					return "", nil, invalid("%s: column %q already exists", p, cc.ColumnName)
				}
				v, err := c.Compile(cc.node)
				if err != nil {
					return "", nil, expr.Invalid(cc.ColumnName, err)
				}
				extra += ", " + v.SQL + " AS " + d.QuoteIdent(cc.ColumnName)
				cols = append(cols, Column{Name: cc.ColumnName, Type: columnType(v.Type)})
			}
			base := cols[:len(cols)-len(tr.Columns)]
			sql = "SELECT " + selectList(d, alias, base) + extra + " FROM " + from
		case "RenameColumnOperation":
			i := index(cols, tr.ColumnName)
			if i < 0 {
				return "", nil, invalid("%s.ColumnName: unknown column %q", p, tr.ColumnName)
			}
			if j := index(cols, tr.NewColumnName); j >= 0 && j != i {
				return "", nil, invalid("%s.NewColumnName: column %q already exists", p, tr.NewColumnName)
			}
			old := cols
			cols = append([]Column(nil), cols...)
			cols[i].Name = tr.NewColumnName
			var b strings.Builder
			for k := range cols {
				if k > 0 {
					b.WriteString(", ")
				}
				b.WriteString(alias + "." + d.QuoteIdent(old[k].Name) + " AS " + d.QuoteIdent(cols[k].Name))
			}
			sql = "SELECT " + b.String() + " FROM " + from
		case "CastColumnTypeOperation":
			i := index(cols, tr.ColumnName)
			if i < 0 {
				return "", nil, invalid("%s.ColumnName: unknown column %q", p, tr.ColumnName)
			}
			cols = append([]Column(nil), cols...)
			cols[i].Type = tr.NewColumnType
			var b strings.Builder
			for k, col := range cols {
				if k > 0 {
					b.WriteString(", ")
				}
				q := d.QuoteIdent(col.Name)
				if k == i {
					b.WriteString(d.Cast(alias+"."+q, dialect.Type(col.Type)) + " AS " + q)
				} else {
					b.WriteString(alias + "." + q + " AS " + q)
				}
			}
			sql = "SELECT " + b.String() + " FROM " + from
		}
	}
	if b.record {
		lt.columns = cols
	}
	return sql, cols, nil
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

func (b *build) physical(id string) (string, []Column, error) {
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
		return "SELECT " + storedList(d, alias, cols) + " FROM " + table + " AS " + alias, cols, nil
	case p.CustomSql != nil:
		cols := inputColumns(p.CustomSql.Columns)
		if !p.checked && !b.record && b.blocked == nil {
			b.blocked = invalid("PhysicalTableMap.%s.CustomSql.SqlQuery has not been checked for its data source", id)
		}
		// The query may end with a -- comment: close the parenthesis on a
		// line of its own.
		return "SELECT " + storedList(d, alias, cols) + " FROM (" + p.query + "\n) AS " + alias, cols, nil
	}
	if b.blocked == nil {
		b.blocked = invalid("PhysicalTableMap.%s: %s tables cannot be queried; use RelationalTable or CustomSql", id, p.Other)
	}
	return "SELECT NULL", inputColumns(p.otherColumns), nil
}

func inputColumns(in []InputColumn) []Column {
	cols := make([]Column, len(in))
	for i, c := range in {
		cols[i] = Column{Name: c.Name, Type: c.Type}
	}
	return cols
}

func (b *build) join(path string, j *JoinInstruction, depth int) (string, []Column, error) {
	c := b.c
	d := c.Dialect
	left, lcols, err := b.logical(j.LeftOperand, depth+1)
	if err != nil {
		return "", nil, err
	}
	right, rcols, err := b.logical(j.RightOperand, depth+1)
	if err != nil {
		return "", nil, err
	}
	for _, rc := range rcols {
		if _, dup := find(lcols, rc.Name); dup {
			return "", nil, invalid("%s.Source.JoinInstruction: both sides have a column %q; rename one with RenameColumnOperation", path, rc.Name)
		}
	}
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
		return "", nil, invalid("%s.Source.JoinInstruction.OnClause is invalid: %v", path, err)
	}
	if on.Type != expr.Boolean {
		return "", nil, invalid("%s.Source.JoinInstruction.OnClause must be a condition", path)
	}
	cols := append(append([]Column(nil), lcols...), rcols...)
	list := selectList(d, l, lcols) + ", " + selectList(d, r, rcols)
	lfrom, rfrom := "("+left+") AS "+l, "("+right+") AS "+r
	kind := map[string]string{"INNER": "INNER JOIN", "LEFT": "LEFT JOIN", "RIGHT": "RIGHT JOIN", "OUTER": "FULL OUTER JOIN"}[j.Type]
	if j.Type == "OUTER" && d.Name() == "mysql" {
		// MySQL and MariaDB have no FULL OUTER JOIN: left join, plus the
		// right rows that matched nothing.
		lmark := "(SELECT 1 AS " + d.QuoteIdent("sg$left") + ", " + selectList(d, "t", lcols) + " FROM (" + left + ") AS t) AS " + l
		sql := "SELECT " + list + " FROM " + lfrom + " LEFT JOIN " + rfrom + " ON " + on.SQL +
			" UNION ALL SELECT " + list + " FROM " + lmark + " RIGHT JOIN " + rfrom + " ON " + on.SQL +
			" WHERE " + l + "." + d.QuoteIdent("sg$left") + " IS NULL"
		return "SELECT * FROM (" + sql + ") AS u", cols, nil
	}
	return "SELECT " + list + " FROM " + lfrom + " " + kind + " " + rfrom + " ON " + on.SQL, cols, nil
}
