// Package source opens read-only connections to the databases behind data
// sources (PostgreSQL, MySQL, MariaDB and SQLite files), tests them the way
// QuickSight does when a data source is created or updated, and runs queries
// with a per-query timeout and row limit.
//
// Every connection is read-only twice over: the session is made read-only
// when it opens (default_transaction_read_only, SET SESSION TRANSACTION READ
// ONLY, mode=ro with query_only for SQLite files), and every query on a
// server database runs in its own read-only transaction, so nothing a query
// does to its session lets a later one write.
//
// Values come back normalised to int64, float64, string, time.Time (UTC),
// bool or nil, so that the same query gives comparable results on every
// engine.
package source
