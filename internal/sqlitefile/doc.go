// Package sqlitefile writes a table into a new SQLite file: uploaded files
// become one, which a SQLITE data source then reads. The file is built
// under a temporary name in the destination's directory and renamed into
// place only when every row is in, so a failure or a cancelled context
// leaves nothing behind.
package sqlitefile
