// The percentile aggregates of package sqlitepct on SQLite's C library: a
// group's values are held here, integers and doubles apart as there, and
// the value is computed in Go (sgPctValue) by that package, once per
// change of the values; the checks and error texts are that package's.

#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include "sqlite3api.h"
#include "sqlitec.h"
#include "_cgo_export.h"

sqlite3_int64 sg_pct_limit = 10000000;
const char *sg_pct_names[SG_PCT_FUNCTIONS];

// sg_pct is one evaluation of a percentile function (SQLite's aggregate
// context, zeroed when made).
typedef struct {
	int started; // the parameter was read and accepted
	int failed;  // a step failed: the statement ends
	int ptype;   // the parameter's type, SQLITE_INTEGER or SQLITE_FLOAT
	sqlite3_int64 pi;
	double pd;
	sqlite3_int64 *ints;
	sqlite3_int64 ni, ci;
	double *floats;
	sqlite3_int64 nf, cf;
	int sorted; // both lists are sorted
	int done;   // value is the percentile of the values as they are
	sg_value value;
} sg_pct;

static int sg_pct_fn(sqlite3_context *ctx) { return (int)(intptr_t)sqlite3_user_data(ctx); }

// sg_pct_fail ends the statement with the error kind, worded in Go.
static void sg_pct_fail(sqlite3_context *ctx, sg_pct *a, int kind, int valueType) {
	char *msg = sgPctError(sg_pct_fn(ctx), kind, valueType, sg_pct_limit);
	a->failed = 1;
	sqlite3_result_error(ctx, msg, -1);
	free(msg);
}

// sg_grow makes room for one more element in *list (n used, *cap held),
// doubling: at sqlitepct.MaxValues (10M) a list is at most 128 MiB, well
// under the 2 GiB SQLite allocates at once (a larger bound would fail
// here as "out of memory" where the pure-Go build holds the values).
static int sg_grow(void **list, sqlite3_int64 n, sqlite3_int64 *cap, size_t size) {
	if (n < *cap) {
		return 1;
	}
	sqlite3_int64 c = *cap ? *cap * 2 : 16;
	void *p = sqlite3_realloc64(*list, (sqlite3_uint64)c * size);
	if (!p) {
		return 0;
	}
	*list = p;
	*cap = c;
	return 1;
}

// sg_pct_param reads the parameter at a row: checked at the first, the
// same as the first at every other.
static int sg_pct_param(sqlite3_context *ctx, sg_pct *a, sqlite3_value *v) {
	int t = sqlite3_value_type(v);
	sqlite3_int64 i = t == SQLITE_INTEGER ? sqlite3_value_int64(v) : 0;
	double d = t == SQLITE_FLOAT ? sqlite3_value_double(v) : 0;
	if (a->started) {
		if (t != a->ptype || (t == SQLITE_INTEGER && i != a->pi) || (t == SQLITE_FLOAT && d != a->pd)) {
			sg_pct_fail(ctx, a, SG_PARAM_CHANGED, t);
			return 0;
		}
		return 1;
	}
	char *msg = sgPctCheck(sg_pct_fn(ctx), t, i, d);
	if (msg) {
		a->failed = 1;
		sqlite3_result_error(ctx, msg, -1);
		free(msg);
		return 0;
	}
	a->started = 1;
	a->ptype = t;
	a->pi = i;
	a->pd = d;
	return 1;
}

static void sg_pct_step(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
	(void)argc;
	sg_pct *a = sqlite3_aggregate_context(ctx, sizeof *a);
	if (!a) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	if (a->failed || !sg_pct_param(ctx, a, argv[1])) {
		return;
	}
	int t = sqlite3_value_type(argv[0]);
	switch (t) {
	case SQLITE_NULL:
		return;
	case SQLITE_INTEGER:
		if (!sg_grow((void **)&a->ints, a->ni, &a->ci, sizeof *a->ints)) {
			a->failed = 1;
			sqlite3_result_error_nomem(ctx);
			return;
		}
		a->ints[a->ni++] = sqlite3_value_int64(argv[0]);
		break;
	case SQLITE_FLOAT:
		if (!sg_grow((void **)&a->floats, a->nf, &a->cf, sizeof *a->floats)) {
			a->failed = 1;
			sqlite3_result_error_nomem(ctx);
			return;
		}
		a->floats[a->nf++] = sqlite3_value_double(argv[0]);
		break;
	default:
		sg_pct_fail(ctx, a, SG_NOT_A_NUMBER, t);
		return;
	}
	if (a->ni + a->nf > sg_pct_limit) {
		sg_pct_fail(ctx, a, SG_TOO_MANY, t);
		return;
	}
	a->sorted = 0;
	a->done = 0;
}

// sg_pct_inverse removes one occurrence of the value of the row leaving
// the window frame, keeping the others' order.
static void sg_pct_inverse(sqlite3_context *ctx, int argc, sqlite3_value **argv) {
	(void)argc;
	sg_pct *a = sqlite3_aggregate_context(ctx, sizeof *a);
	if (!a) {
		sqlite3_result_error_nomem(ctx);
		return;
	}
	switch (sqlite3_value_type(argv[0])) {
	case SQLITE_INTEGER: {
		sqlite3_int64 v = sqlite3_value_int64(argv[0]);
		for (sqlite3_int64 k = 0; k < a->ni; k++) {
			if (a->ints[k] == v) {
				memmove(a->ints + k, a->ints + k + 1, (size_t)(a->ni - k - 1) * sizeof *a->ints);
				a->ni--;
				break;
			}
		}
		break;
	}
	case SQLITE_FLOAT: {
		double v = sqlite3_value_double(argv[0]);
		for (sqlite3_int64 k = 0; k < a->nf; k++) {
			if (a->floats[k] == v) {
				memmove(a->floats + k, a->floats + k + 1, (size_t)(a->nf - k - 1) * sizeof *a->floats);
				a->nf--;
				break;
			}
		}
		break;
	}
	default:
		return;
	}
	a->done = 0;
}

// sg_pct_result gives the percentile of the values as they are.
static void sg_pct_result(sqlite3_context *ctx, sg_pct *a) {
	if (!a || a->failed || a->ni + a->nf == 0) {
		sqlite3_result_null(ctx);
		return;
	}
	if (!a->done) {
		sgPctValue(sg_pct_fn(ctx), a->ptype, a->pi, a->pd, a->ints, a->ni, a->floats, a->nf, a->sorted, &a->value);
		a->sorted = 1;
		a->done = 1;
	}
	switch (a->value.kind) {
	case SQLITE_INTEGER:
		sqlite3_result_int64(ctx, a->value.i);
		break;
	case SQLITE_FLOAT:
		sqlite3_result_double(ctx, a->value.d);
		break;
	default:
		sqlite3_result_null(ctx);
	}
}

static void sg_pct_value(sqlite3_context *ctx) { sg_pct_result(ctx, sqlite3_aggregate_context(ctx, 0)); }

// sg_pct_final gives the value and lets the values go; a statement
// interrupted (its request ended) gives none, rather than sort the values
// it was stopped collecting. (The Go driver reports such a statement as
// ended by its context, whatever its last step returned; the NULL is
// never read as an answer.)
static void sg_pct_final(sqlite3_context *ctx) {
	sg_pct *a = sqlite3_aggregate_context(ctx, 0);
	if (sqlite3_is_interrupted(sqlite3_context_db_handle(ctx))) {
		sqlite3_result_null(ctx);
	} else {
		sg_pct_result(ctx, a);
	}
	if (a) {
		sqlite3_free(a->ints);
		sqlite3_free(a->floats);
		a->ints = 0;
		a->floats = 0;
		a->ni = a->ci = a->nf = a->cf = 0;
	}
}

int sg_register_percentiles(sqlite3 *db) {
	for (int i = 0; i < SG_PCT_FUNCTIONS; i++) {
		int rc = sqlite3_create_window_function(db, sg_pct_names[i], 2, SQLITE_UTF8 | SQLITE_DETERMINISTIC,
			(void *)(intptr_t)i, sg_pct_step, sg_pct_final, sg_pct_value, sg_pct_inverse, 0);
		if (rc != SQLITE_OK) {
			return rc;
		}
	}
	return SQLITE_OK;
}
