package console

import (
	"testing"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/query/source"
)

func TestExplainConnection(t *testing.T) {
	if p := explainConnection(&sg.DataSource{Status: sg.StatusUpdateSuccessful}); p != nil {
		t.Fatalf("a working source explained: %+v", p)
	}
	for _, tc := range []struct{ typ, msg, heading string }{
		{source.ErrAccessDenied, `Authentication failed for user "u" at h:5432.`, "Wrong user name or password"},
		{source.ErrAccessDenied, `Access denied for user "u" to database "d" at h:3306.`, "The user may not open this database"},
		{source.ErrUnknownHost, `Sightglass cannot connect to host "h": it does not resolve, or the server's operator has not allowed data sources to connect to it (--data-source-hosts).`, "Unknown host, or a host this server may not connect to"},
		{source.ErrGenericSQLFailure, `Database "d" does not exist at h:5432.`, "The database does not exist"},
		{source.ErrTimeout, "No PostgreSQL database answered at h:5432.", "No database answered in time"},
		{source.ErrUnknown, "?", "The connection test failed"},
	} {
		p := explainConnection(&sg.DataSource{Status: sg.StatusCreationFailed, ErrorType: tc.typ, ErrorMessage: tc.msg})
		if p == nil || p.Heading != tc.heading || p.Detail != tc.msg || p.Hint == "" {
			t.Errorf("%s %q: %+v", tc.typ, tc.msg, p)
		}
	}
}
