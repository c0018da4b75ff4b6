package query

import (
	"strconv"
	"strings"

	"github.com/sightglass/sightglass/internal/query/expr"
)

// Nested table calculations: a table calculation whose measure or sort
// reads another one (runningSum(percentOfTotal(sum({x}))), rank over a
// sumOver, the difference of a running total). SQL cannot nest window
// functions, so the inner calculation becomes a column of a layer
// between the aggregated rows and the window level:
//
//	SELECT … <outer window over t.w0> … FROM (
//	  SELECT t.*, <inner window> AS w0 FROM (<aggregated rows>) AS t WHERE <aggregated filters>
//	) AS t
//
// Each layer keeps the alias t and every column below it, so the
// dimensions (g0…), aggregates (a0…) and lower layers (w…) read the same
// at every level. A column goes one layer above the deepest layer column
// it reads. The aggregated filters move to the lowest layer: every
// calculation, inner or outer, runs over the groups they keep. The
// partition aggregates of level-aware calculations join below the
// layers too, so a layer can read them.

// tcLayer is a column of a layer: its window SQL over t and its depth
// (0: the lowest layer).
type tcLayer struct {
	sql   string
	depth int
}

// layerRef is layer column i as the levels above read it.
func (cc *compilation) layerRef(i int) string {
	return "t." + cc.d.QuoteIdent("w"+strconv.Itoa(i))
}

// layer registers the table-calculation SQL sql as a layer column and
// returns its reference. The same SQL is one column however often it is
// read.
func (cc *compilation) layer(call expr.TableCalcCall, sql string) (string, error) {
	depth := 0
	for i, l := range cc.tcLayers {
		if l.sql == sql || sql == cc.layerRef(i) {
			return cc.layerRef(i), nil
		}
		if strings.Contains(sql, cc.layerRef(i)) {
			depth = max(depth, l.depth+1)
		}
	}
	if depth >= MaxTableCalcLayers {
		return "", calcError(call, "%s: table calculations are nested more than %d deep", call.Func, MaxTableCalcLayers)
	}
	cc.tcLayers = append(cc.tcLayers, tcLayer{sql: sql, depth: depth})
	return cc.layerRef(len(cc.tcLayers) - 1), nil
}

// MaxTableCalcLayers bounds the nesting of table calculations: each
// level is a query level the engine materialises.
const MaxTableCalcLayers = 8

// joinsInBase reports whether the partition aggregates (partitionjoin.go)
// are joined below the layers rather than at the window level: when a
// layer may read them. Their values are then the columns j0, j1, … of
// every level, and fromBase rewrites the references.
func (cc *compilation) joinsInBase() bool {
	return len(cc.tcLayers) > 0 && len(cc.tcJoins) > 0
}

// fromBase rewrites the partition aggregates' references in sql to the
// columns the base level gives them (joinsInBase).
func (cc *compilation) fromBase(sql string) string {
	if !cc.joinsInBase() {
		return sql
	}
	for n := range cc.tcJoins {
		sql = strings.ReplaceAll(sql, "p"+strconv.Itoa(n)+"."+cc.d.QuoteIdent("v"), "t."+cc.d.QuoteIdent("j"+strconv.Itoa(n)))
	}
	return sql
}

// layered wraps the aggregated rows inner in the layers, lowest first,
// with the aggregated filters having applied below them (and the
// partition aggregates joined below them, see joinsInBase); with no
// layer it returns inner unchanged and having is left to the window
// level.
func (cc *compilation) layered(inner string, having, where []string, relation string) (string, bool) {
	if len(cc.tcLayers) == 0 {
		return inner, false
	}
	rel := inner
	if cc.joinsInBase() {
		var b strings.Builder
		b.WriteString("SELECT t.*")
		for n := range cc.tcJoins {
			b.WriteString(", p" + strconv.Itoa(n) + "." + cc.d.QuoteIdent("v") + " AS " + cc.d.QuoteIdent("j"+strconv.Itoa(n)))
		}
		b.WriteString(" FROM (" + inner + ") AS t")
		cc.writeJoins(&b, where, relation)
		rel = b.String()
	}
	for depth := 0; ; depth++ {
		var cols []string
		for i, l := range cc.tcLayers {
			if l.depth == depth {
				cols = append(cols, cc.fromBase(l.sql)+" AS "+cc.d.QuoteIdent("w"+strconv.Itoa(i)))
			}
		}
		if len(cols) == 0 {
			return rel, true
		}
		var b strings.Builder
		b.WriteString("SELECT t.*, " + strings.Join(cols, ", ") + " FROM (" + rel + ") AS t")
		if depth == 0 {
			writeWhere(&b, having)
		}
		rel = b.String()
	}
}

// layerStage puts the stage columns of a window calculation ("expr AS
// name", read as ds.name: a percentile's ranks and count) in layers and
// returns sql reading them there.
func (cc *compilation) layerStage(call expr.TableCalcCall, sql string, stage []string) (string, error) {
	for _, st := range stage {
		i := strings.LastIndex(st, " AS ")
		if i < 0 {
			return "", calcError(call, "%s over aggregated values is not supported yet", call.Func)
		}
		ref, err := cc.layer(call, st[:i])
		if err != nil {
			return "", err
		}
		sql = strings.ReplaceAll(sql, "ds."+st[i+len(" AS "):], ref)
	}
	return sql, nil
}
