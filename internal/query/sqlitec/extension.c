// The automatic extension that gives every connection SQLite's C library
// opens this package's functions.

#include "sqlite3api.h"
#include "sqlitec.h"

int sg_register(sqlite3 *db, const char **err, const sqlite3_api_routines *api) {
	(void)err;
	(void)api;
	int rc = sg_register_math(db);
	if (rc != SQLITE_OK) {
		return rc;
	}
	return sg_register_percentiles(db);
}

int sg_install(void) {
	if (!sqlite3_auto_extension || !sqlite3_create_window_function) {
		return -1;
	}
	return sqlite3_auto_extension((void (*)(void))sg_register);
}
