package sqlitec

/*
#cgo LDFLAGS: -lm
#include <stdlib.h>
#include "sqlitec.h"
*/
import "C"

import (
	"fmt"
	"sync"

	// The C library the functions are registered with.
	_ "github.com/mattn/go-sqlite3"

	"github.com/sightglass/sightglass/internal/query/sqlitepct"
)

// Register makes every connection SQLite's C library opens from now on
// carry the package's functions, with sqlitepct's bound on a group's
// values as it is now. It does so once; later calls return the first's
// result.
func Register() error { return register() }

var register = sync.OnceValue(func() error {
	if len(sqlitepct.Names) != C.SG_PCT_FUNCTIONS {
		return fmt.Errorf("sqlitec: %d percentile functions, %d in C", len(sqlitepct.Names), C.SG_PCT_FUNCTIONS)
	}
	for i, name := range sqlitepct.Names {
		C.sg_pct_names[i] = C.CString(name) // kept for the process's life
	}
	C.sg_pct_limit = C.sqlite3_int64(sqlitepct.Limit())
	if rc := C.sg_install(); rc != 0 {
		return fmt.Errorf("sqlitec: adding the automatic extension: SQLite error %d", int(rc))
	}
	return nil
})

// setMaxValues lowers the bound on a group's values (tests).
func setMaxValues(n int) (restore func()) {
	old := C.sg_pct_limit
	C.sg_pct_limit = C.sqlite3_int64(n)
	return func() { C.sg_pct_limit = old }
}
