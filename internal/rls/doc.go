// Package rls is row- and column-level security: a dataset's
// RowLevelPermissionDataSet (rules read from a rules dataset, matched to
// the reader's user or groups), RowLevelPermissionTagConfiguration (rules
// matched to an anonymous session's tags) and ColumnLevelPermissionRules.
// It turns them into a SQL condition over the dataset's relation, with
// every rule value a bound argument, and into the set of columns the
// reader may not see. It does no I/O: the caller reads the rules dataset.
package rls
