package sqlitec

/*
#include "sqlitec.h"
*/
import "C"

import (
	"database/sql/driver"
	"unsafe"

	"github.com/sightglass/sightglass/internal/query/sqlitepct"
)

// The Go side of percentile.c. Each returned message is C memory, which
// the caller frees.

//export sgPctCheck
func sgPctCheck(fn, ptype C.int, pi C.sqlite3_int64, pd C.double) *C.char {
	if err := sqlitepct.CheckParam(int(fn), value(ptype, pi, pd)); err != nil {
		return C.CString(err.Error())
	}
	return nil
}

//export sgPctValue
func sgPctValue(fn, ptype C.int, pi C.sqlite3_int64, pd C.double, ints *C.sqlite3_int64, ni C.sqlite3_int64, floats *C.double, nf C.sqlite3_int64, sorted C.int, out *C.sg_value) {
	is := unsafe.Slice((*int64)(unsafe.Pointer(ints)), int(ni))
	fs := unsafe.Slice((*float64)(unsafe.Pointer(floats)), int(nf))
	switch v := sqlitepct.Percentile(int(fn), value(ptype, pi, pd), is, fs, sorted != 0).(type) {
	case int64:
		out.kind, out.i = C.SQLITE_INTEGER, C.sqlite3_int64(v)
	case float64:
		out.kind, out.d = C.SQLITE_FLOAT, C.double(v)
	default:
		out.kind = C.SQLITE_NULL
	}
}

//export sgPctError
func sgPctError(fn, kind, valueType C.int, limit C.sqlite3_int64) *C.char {
	name := sqlitepct.Names[fn]
	var err error
	switch kind {
	case C.SG_NOT_A_NUMBER:
		err = sqlitepct.NotANumber(name, value(valueType, 0, 0))
	case C.SG_TOO_MANY:
		err = sqlitepct.TooManyValues(name, int(limit))
	default:
		err = sqlitepct.ParamChanged(name)
	}
	return C.CString(err.Error())
}

// value is a SQLite value of type t as the pure-Go driver hands it to a
// function: the number itself, or a value of the type's Go type (what
// the checks and error texts look at).
func value(t C.int, i C.sqlite3_int64, d C.double) driver.Value {
	switch t {
	case C.SQLITE_INTEGER:
		return int64(i)
	case C.SQLITE_FLOAT:
		return float64(d)
	case C.SQLITE_TEXT:
		return ""
	case C.SQLITE_BLOB:
		return []byte{}
	}
	return nil
}
