// SQLite's exact math functions, as its own math-functions build defines
// them (func.c: ceilingFunc, math1Func): an integer stays an integer, a
// double goes through the C function, anything else gives NULL. Only
// functions whose result is exact in IEEE arithmetic are here (rounding to
// a whole number, the square root), so the C library's libm and Go's math
// give the same double.

#include <math.h>
#include "sqlite3api.h"
#include "sqlitec.h"

static double sg_ceil(double x) { return ceil(x); }
static double sg_floor(double x) { return floor(x); }
static double sg_trunc(double x) { return trunc(x); }

// sg_rounding is ceil, ceiling, floor and trunc; the C function is the
// function's user data.
static void sg_rounding(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
	(void)argc;
	switch (sqlite3_value_numeric_type(argv[0])) {
	case SQLITE_INTEGER:
		sqlite3_result_int64(ctx, sqlite3_value_int64(argv[0]));
		break;
	case SQLITE_FLOAT: {
		double (*f)(double) = (double (*)(double))sqlite3_user_data(ctx);
		sqlite3_result_double(ctx, f(sqlite3_value_double(argv[0])));
		break;
	}
	default:
		break;
	}
}

// sg_sqrt is sqrt: a number's square root as a double (NaN, for a
// negative number, becomes NULL in SQLite).
static void sg_sqrt(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
	(void)argc;
	int t = sqlite3_value_numeric_type(argv[0]);
	if (t != SQLITE_INTEGER && t != SQLITE_FLOAT) {
		return;
	}
	sqlite3_result_double(ctx, sqrt(sqlite3_value_double(argv[0])));
}

int sg_register_math(sqlite3 *db) {
	static const struct {
		const char *name;
		double (*f)(double);
	} rounding[] = {{"ceil", sg_ceil}, {"ceiling", sg_ceil}, {"floor", sg_floor}, {"trunc", sg_trunc}};
	const int flags = SQLITE_UTF8 | SQLITE_DETERMINISTIC | SQLITE_INNOCUOUS;
	for (unsigned i = 0; i < sizeof rounding / sizeof rounding[0]; i++) {
		int rc = sqlite3_create_function_v2(db, rounding[i].name, 1, flags, (void *)rounding[i].f, sg_rounding, 0, 0, 0);
		if (rc != SQLITE_OK) {
			return rc;
		}
	}
	return sqlite3_create_function_v2(db, "sqrt", 1, flags, 0, sg_sqrt, 0, 0, 0);
}
