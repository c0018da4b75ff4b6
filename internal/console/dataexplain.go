package console

import (
	"strings"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/query/source"
)

// connectionProblem explains a failed connection test to a person: what
// went wrong in plain words, the server's own message, and what to try.
type connectionProblem struct {
	Heading string
	Detail  string // the data source's ErrorInfo message
	Hint    string
	Type    string // the DataSourceErrorInfoType
}

// explainConnection returns the explanation of a data source's last
// failed test, or nil when it succeeded.
func explainConnection(d *sg.DataSource) *connectionProblem {
	if d.Status != sg.StatusCreationFailed && d.Status != sg.StatusUpdateFailed {
		return nil
	}
	p := &connectionProblem{Detail: d.ErrorMessage, Type: d.ErrorType}
	msg := strings.ToLower(d.ErrorMessage)
	switch {
	case d.ErrorType == source.ErrAccessDenied && strings.Contains(msg, "to database"):
		p.Heading = "The user may not open this database"
		p.Hint = "The database knows the user but does not let it connect to this database. Grant it access (CONNECT), or choose a database it may use."
	case d.ErrorType == source.ErrAccessDenied:
		p.Heading = "Wrong user name or password"
		p.Hint = "The database refused to sign in with this user name and password. Check both (passwords are case-sensitive) and test again."
	case d.ErrorType == source.ErrUnknownHost && strings.Contains(msg, "data-source-hosts"):
		p.Heading = "Unknown host, or a host this server may not connect to"
		p.Hint = "Check the host name for typing mistakes. If it is right, the server's operator has to allow it: data sources connect only to the hosts listed with --data-source-hosts."
	case d.ErrorType == source.ErrUnknownHost:
		p.Heading = "Unknown host"
		p.Hint = "The host name does not resolve. Check it for typing mistakes."
	case d.ErrorType == source.ErrGenericSQLFailure && strings.Contains(msg, "does not exist"):
		p.Heading = "The database does not exist"
		p.Hint = "The server answered, but has no database of this name. Check the database name (it may be case-sensitive)."
	case d.ErrorType == source.ErrTimeout:
		p.Heading = "No database answered in time"
		p.Hint = "Nothing answered at this host and port within 15 seconds, or it is not a database of this type. Check the port, that the database is running, and that a firewall lets this server reach it."
	case d.ErrorType == source.ErrCopySourceNotFound:
		p.Heading = "The credentials to copy were not found"
		p.Hint = "Enter a user name and password instead."
	default:
		p.Heading = "The connection test failed"
		p.Hint = "Check the connection details and test again."
	}
	return p
}
