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

// sg_linked tells whether every SQLite function the package calls is
// bound, in a library new enough to have them all (sqlite3_is_interrupted
// came with 3.41.0).
static int sg_linked(void) {
	void *fns[] = {
		(void *)sqlite3_libversion_number, (void *)sqlite3_auto_extension,
		(void *)sqlite3_create_function_v2, (void *)sqlite3_create_window_function,
		(void *)sqlite3_aggregate_context, (void *)sqlite3_context_db_handle,
		(void *)sqlite3_is_interrupted, (void *)sqlite3_user_data,
		(void *)sqlite3_value_type, (void *)sqlite3_value_numeric_type,
		(void *)sqlite3_value_int64, (void *)sqlite3_value_double,
		(void *)sqlite3_result_int64, (void *)sqlite3_result_double,
		(void *)sqlite3_result_null, (void *)sqlite3_result_error,
		(void *)sqlite3_result_error_nomem, (void *)sqlite3_realloc64,
		(void *)sqlite3_free,
	};
	for (unsigned i = 0; i < sizeof fns / sizeof fns[0]; i++) {
		if (!fns[i]) {
			return 0;
		}
	}
	return sqlite3_libversion_number() >= 3041000;
}

int sg_install(void) {
	if (!sg_linked()) {
		return -1;
	}
	return sqlite3_auto_extension((void (*)(void))sg_register);
}
