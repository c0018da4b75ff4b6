package dataset

import (
	"errors"

	"github.com/sightglass/sightglass/internal/query/sqlcheck"
)

// MaxCustomSQLLength is the longest CustomSql.SqlQuery QuickSight accepts.
const MaxCustomSQLLength = sqlcheck.MaxLength

// CustomSQLCheck checks custom SQL for the dialect of its data source and
// returns the statement to run (without a trailing semicolon): one of
// sqlcheck's checks. A *sqlcheck.Problem is a refusal; any other error
// is returned as is.
type CustomSQLCheck func(query string) (string, error)

// CheckCustomSQL checks the query of every CustomSql physical table with
// check. Until it has passed, Relation refuses to compile the dataset.
func (t *Tables) CheckCustomSQL(check CustomSQLCheck) error {
	for _, id := range sortedKeys(t.Physical) {
		p := t.Physical[id]
		if p.CustomSql == nil {
			continue
		}
		q, err := check(p.CustomSql.SqlQuery)
		if prob, ok := errors.AsType[*sqlcheck.Problem](err); ok {
			return invalid("PhysicalTableMap.%s.CustomSql.SqlQuery %s", id, prob.Error())
		} else if err != nil {
			return err
		}
		p.query, p.checked = q, true
	}
	return nil
}
