// The package's C functions, between its files.

#ifndef SIGHTGLASS_SQLITEC_H
#define SIGHTGLASS_SQLITEC_H

#include "sqlite3api.h"

// sg_register is the auto-extension: it adds this package's functions
// to a connection SQLite opens.
int sg_register(sqlite3 *db, const char **err, const sqlite3_api_routines *api);

// sg_pct_limit is the most values one group of a percentile may hold;
// sg_pct_names are the percentile functions' names (set from Go before
// the first connection).
#define SG_PCT_FUNCTIONS 3
extern sqlite3_int64 sg_pct_limit;
extern const char *sg_pct_names[SG_PCT_FUNCTIONS];

// sg_value is a percentile's value handed back by Go.
typedef struct {
	int kind; // SQLITE_INTEGER, SQLITE_FLOAT or SQLITE_NULL
	sqlite3_int64 i;
	double d;
} sg_value;

// Error kinds of a percentile's step, worded in Go (sgPctError).
#define SG_NOT_A_NUMBER 1
#define SG_TOO_MANY 2
#define SG_PARAM_CHANGED 3

// sg_install adds sg_register to SQLite's automatic extensions: 0, or
// SQLite's error code (-1: the library is not linked in, or older than
// 3.41.0).
int sg_install(void);

int sg_register_math(sqlite3 *db);
int sg_register_percentiles(sqlite3 *db);

#endif
