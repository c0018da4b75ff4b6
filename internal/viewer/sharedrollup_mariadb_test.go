package viewer

import (
	"context"
	"crypto/rand"
	"database/sql"
	"fmt"
	"os"
	"strconv"
	"strings"
	"testing"

	_ "github.com/go-sql-driver/mysql"

	"github.com/sightglass/sightglass/internal/query"
)

// mariaDBRunner answers questions of SUM and COUNT by plain columns of
// table on MariaDB, grouped and ordered by the dimensions as the query
// compiler asks: the engine decides what a group is, with its collation.
func mariaDBRunner(db *sql.DB, table string, asked *int) Runner {
	return func(ctx context.Context, _ string, q *query.Question) (*Result, error) {
		*asked++
		res := &Result{}
		var sel, groups []string
		for i, d := range q.Dimensions {
			sel = append(sel, "`"+d.Field+"`")
			groups = append(groups, fmt.Sprint(i+1))
			res.Columns = append(res.Columns, query.ResultColumn{ID: dimensionID(d), Role: query.RoleDimension})
		}
		for _, m := range q.Measures {
			sel = append(sel, m.Aggregation+"(`"+m.Field+"`)")
			res.Columns = append(res.Columns, query.ResultColumn{ID: measureID(m), Role: query.RoleMeasure})
		}
		stmt := "SELECT " + strings.Join(sel, ", ") + " FROM " + table
		if len(groups) > 0 {
			stmt += " GROUP BY " + strings.Join(groups, ", ") + " ORDER BY " + strings.Join(groups, ", ")
		}
		rows, err := db.QueryContext(ctx, stmt)
		if err != nil {
			return nil, err
		}
		defer rows.Close()
		for rows.Next() {
			row := make([]any, len(res.Columns))
			ptrs := make([]any, len(row))
			for i := range row {
				ptrs[i] = &row[i]
			}
			if err := rows.Scan(ptrs...); err != nil {
				return nil, err
			}
			for i, v := range row {
				b, ok := v.([]byte)
				switch {
				case !ok:
				case i < len(q.Dimensions):
					row[i] = string(b)
				default: // a DECIMAL sum, read as the App's engine reads it
					if n, err := strconv.ParseInt(string(b), 10, 64); err == nil {
						row[i] = n
					} else if f, err := strconv.ParseFloat(string(b), 64); err == nil {
						row[i] = f
					}
				}
			}
			res.Rows = append(res.Rows, row)
		}
		return res, rows.Err()
	}
}

// TestRollUpFollowsMariaDBCollation runs revenue by region next to
// revenue by region and segment on MariaDB, whose default collation groups
// text without regard to case or trailing spaces: the regions "East",
// "east" and "EAST " are one group there. The coarse visual must draw what
// MariaDB answers its own question, whether it was added up or asked.
func TestRollUpFollowsMariaDBCollation(t *testing.T) {
	dsn := os.Getenv("SIGHTGLASS_TEST_MYSQL")
	if dsn == "" {
		t.Skip("SIGHTGLASS_TEST_MYSQL is unset")
	}
	db, err := sql.Open("mysql", dsn)
	if err != nil {
		t.Fatal(err)
	}
	defer db.Close()
	ctx := context.Background()
	for name, tc := range map[string]struct {
		regions []string
		asked   int // 1: added up; 2: the coarse visual asked alone
	}{
		"distinct": {[]string{"East", "North", "East", "West", "North"}, 1},
		"case":     {[]string{"East", "east", "EAST ", "West", "east"}, 2},
	} {
		t.Run(name, func(t *testing.T) {
			table := "rollup_" + strings.ToLower(rand.Text()[:8])
			if _, err := db.ExecContext(ctx, "CREATE TABLE "+table+" (region VARCHAR(20), segment VARCHAR(20), revenue BIGINT)"); err != nil {
				t.Fatal(err)
			}
			defer db.Exec("DROP TABLE " + table)
			for i, r := range tc.regions {
				if _, err := db.ExecContext(ctx, "INSERT INTO "+table+" VALUES (?, ?, ?)", r, []string{"A", "B"}[i%2], int64(10*(i+1))); err != nil {
					t.Fatal(err)
				}
			}
			fine := &query.Question{Dimensions: groupBy("f", "region", "segment"), Measures: []query.Measure{{ID: "f-r", Field: "revenue", Aggregation: query.Sum}}, Limit: 500}
			coarse := &query.Question{Dimensions: groupBy("r", "region"), Measures: []query.Measure{{ID: "r-r", Field: "revenue", Aggregation: query.Sum}, {ID: "r-n", Field: "segment", Aggregation: query.Count}}, Limit: 500}
			asked := 0
			run := mariaDBRunner(db, table, &asked)
			sq := &sharedQuestions{}
			sq.add("arn", fine)
			sq.add("arn", coarse)
			sq.mergeRollups()
			shared := sq.runner(run)
			if _, err := shared(ctx, "arn", fine); err != nil {
				t.Fatal(err)
			}
			got, err := shared(ctx, "arn", coarse)
			if err != nil {
				t.Fatal(err)
			}
			n := asked
			want, err := run(ctx, "arn", coarse)
			if err != nil {
				t.Fatal(err)
			}
			if n != tc.asked {
				t.Errorf("%d questions asked for both visuals, want %d", n, tc.asked)
			}
			if fmt.Sprint(got.Rows) != fmt.Sprint(want.Rows) {
				t.Errorf("drawn %v, MariaDB answers %v", got.Rows, want.Rows)
			}
		})
	}
}
