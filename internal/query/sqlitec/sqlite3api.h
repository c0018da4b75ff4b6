// The part of SQLite's C interface this package calls, declared here:
// the library itself is the one github.com/mattn/go-sqlite3 compiles
// into the binary. The declarations are weak so that cgo's own test link
// of this package, which has no SQLite, succeeds; the binary's link binds
// them to that library (register.go imports it).

#ifndef SIGHTGLASS_SQLITE3API_H
#define SIGHTGLASS_SQLITE3API_H

typedef struct sqlite3 sqlite3;
typedef struct sqlite3_context sqlite3_context;
typedef struct sqlite3_value sqlite3_value;
typedef struct sqlite3_api_routines sqlite3_api_routines;
typedef long long sqlite3_int64;
typedef unsigned long long sqlite3_uint64;

#define SQLITE_OK 0
#define SQLITE_INTEGER 1
#define SQLITE_FLOAT 2
#define SQLITE_TEXT 3
#define SQLITE_BLOB 4
#define SQLITE_NULL 5
#define SQLITE_UTF8 1
#define SQLITE_DETERMINISTIC 0x000000800
#define SQLITE_INNOCUOUS 0x000200000

#define SG_WEAK __attribute__((weak))

extern int sqlite3_libversion_number(void) SG_WEAK;
extern int sqlite3_auto_extension(void (*)(void)) SG_WEAK;
extern int sqlite3_create_function_v2(sqlite3 *, const char *, int, int, void *,
	void (*)(sqlite3_context *, int, sqlite3_value **),
	void (*)(sqlite3_context *, int, sqlite3_value **),
	void (*)(sqlite3_context *), void (*)(void *)) SG_WEAK;
extern int sqlite3_create_window_function(sqlite3 *, const char *, int, int, void *,
	void (*)(sqlite3_context *, int, sqlite3_value **),
	void (*)(sqlite3_context *), void (*)(sqlite3_context *),
	void (*)(sqlite3_context *, int, sqlite3_value **), void (*)(void *)) SG_WEAK;
extern void *sqlite3_aggregate_context(sqlite3_context *, int) SG_WEAK;
extern sqlite3 *sqlite3_context_db_handle(sqlite3_context *) SG_WEAK;
extern int sqlite3_is_interrupted(sqlite3 *) SG_WEAK;
extern void *sqlite3_user_data(sqlite3_context *) SG_WEAK;
extern int sqlite3_value_type(sqlite3_value *) SG_WEAK;
extern int sqlite3_value_numeric_type(sqlite3_value *) SG_WEAK;
extern sqlite3_int64 sqlite3_value_int64(sqlite3_value *) SG_WEAK;
extern double sqlite3_value_double(sqlite3_value *) SG_WEAK;
extern void sqlite3_result_int64(sqlite3_context *, sqlite3_int64) SG_WEAK;
extern void sqlite3_result_double(sqlite3_context *, double) SG_WEAK;
extern void sqlite3_result_null(sqlite3_context *) SG_WEAK;
extern void sqlite3_result_error(sqlite3_context *, const char *, int) SG_WEAK;
extern void sqlite3_result_error_nomem(sqlite3_context *) SG_WEAK;
extern void *sqlite3_realloc64(void *, sqlite3_uint64) SG_WEAK;
extern void sqlite3_free(void *) SG_WEAK;

#endif
