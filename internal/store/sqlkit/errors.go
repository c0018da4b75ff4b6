package sqlkit

import (
	sg "github.com/sightglass/sightglass"
)

// Meaning says what the classes of driver error stand for in one store
// call, as the method's contract words it. Each store's errors.go
// classifies its driver's errors and picks the error from here; a nil entry
// leaves that class internal.
type Meaning struct {
	// Unique is returned for a unique or primary key violation: EEXISTS,
	// or ECONFLICT where the contract says so (an account name).
	Unique *sg.Error
	// Missing is returned when no row matched, or when a foreign key
	// violation shows that the parent row does not exist: ENOTFOUND.
	Missing *sg.Error
}

// Busy is the error for a lock that stayed taken beyond the store's
// patience (SQLITE_BUSY after busy_timeout, a PostgreSQL serialization
// failure or deadlock). The request may be retried.
func Busy() *sg.Error {
	return sg.Errorf(sg.EUNAVAILABLE, "The data store is busy. Retry the request.")
}
