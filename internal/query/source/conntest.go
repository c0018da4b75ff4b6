package source

import (
	"context"
	"fmt"
)

// Test connects to the database of p read-only, as QuickSight does when a
// data source is created or updated, and runs a trivial query. o gives the
// connection time limit and the hosts that may be dialled (o.Hosts). A
// failure is a *ConnectError whose Type is a DataSourceErrorInfoType and
// whose Message is a fixed text (see connectFailure). The connection is
// closed before Test returns. ctx bounds the whole test; without a
// deadline, each connection attempt is bounded by o.ConnectTimeout.
func Test(ctx context.Context, p Params, o Options) error {
	if !Supported(p.Type) {
		return &ConnectError{Type: ErrUnknown, Message: fmt.Sprintf("Sightglass cannot connect to data sources of type %s.", p.Type)}
	}
	o.MaxOpenConns = 1
	o = o.withDefaults()
	if _, ok := ctx.Deadline(); !ok {
		var cancel context.CancelFunc
		ctx, cancel = context.WithTimeout(ctx, o.ConnectTimeout+o.QueryTimeout)
		defer cancel()
	}
	db, err := open(p, o)
	if err != nil {
		return connectError(p, err)
	}
	defer db.Close()
	probe := "SELECT 1"
	if p.Type == TypeSQLite {
		probe = "SELECT count(*) FROM sqlite_master" // reads the file header: fails on a file that is not a database
	}
	conn, err := db.Conn(ctx)
	if err != nil {
		return connectError(p, err)
	}
	defer conn.Close()
	var n int64
	if err := conn.QueryRowContext(ctx, probe).Scan(&n); err != nil {
		return connectError(p, err)
	}
	return nil
}

func connectError(p Params, err error) error {
	typ, msg := connectFailure(p, err)
	return &ConnectError{Type: typ, Message: msg}
}
