package e2e

// The operator's list of data-source hosts (--data-source-hosts): a
// PostgreSQL or MariaDB data source outside it ends CREATION_FAILED with
// UNKNOWN_HOST and no connection is made; the same answer as a name that
// does not resolve; queries and ingestions of a source created while it
// was allowed are refused once it is not.

import (
	"strings"
	"testing"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/service/quicksight"
	"github.com/aws/aws-sdk-go-v2/service/quicksight/types"

	"github.com/sightglass/sightglass/internal/server"
)

// withDataSourceHosts sets the hosts data sources may connect to.
func withDataSourceHosts(list string) option {
	return func(cfg *server.Config, _ *testServer) { cfg.DataSourceHosts = list }
}

func TestDataSourceHostNotAllowed(t *testing.T) {
	t.Parallel()
	for _, list := range []string{"", "10.0.0.0/8, db.example.com:5432"} {
		t.Run("hosts="+list, func(t *testing.T) {
			ts := startServer(t, withDataSourceHosts(list))
			c := ts.adminClient()
			refused := func(id string, out *quicksight.CreateDataSourceOutput) string {
				t.Helper()
				if out.CreationStatus != types.ResourceStatusCreationFailed {
					t.Fatalf("%s: CreationStatus %s", id, out.CreationStatus)
				}
				d := describeDataSource(t, c, id)
				wantStatus(t, d, types.ResourceStatusCreationFailed, types.DataSourceErrorInfoTypeUnknownHost)
				return aws.ToString(d.ErrorInfo.Message)
			}
			msg := refused("pg", createPG(t, c, "pg", pgParams(pgHost, pgPort, "postgres"), pair(pgUser, pgPassword)))
			refused("pg-name", createPG(t, c, "pg-name", pgParams("localhost", pgPort, "postgres"), pair(pgUser, pgPassword)))
			unresolved := refused("pg-nowhere", createPG(t, c, "pg-nowhere", pgParams("no-such-host.invalid", pgPort, "postgres"), pair(pgUser, pgPassword)))
			if strings.ReplaceAll(unresolved, "no-such-host.invalid", pgHost) != msg {
				t.Errorf("a refused host says %q, a name that does not resolve %q", msg, unresolved)
			}
			out, err := c.CreateDataSource(t.Context(), &quicksight.CreateDataSourceInput{
				AwsAccountId: aws.String(accountID), DataSourceId: aws.String("maria"), Name: aws.String("Maria"),
				Type:                 types.DataSourceTypeMariadb,
				DataSourceParameters: &types.DataSourceParametersMemberMariaDbParameters{Value: types.MariaDbParameters{Host: aws.String(pgHost), Port: aws.Int32(mariaDBPort), Database: aws.String("test")}},
				Credentials:          pair("root", wrongSecret),
			})
			must(t, err)
			refused("maria", out)
		})
	}
}

// TestDataSourceHostNoLongerAllowed creates a PostgreSQL data source and a
// SPICE dataset on a server that allows 127.0.0.1, then restarts the
// server without it: an update and an ingestion are refused.
func TestDataSourceHostNoLongerAllowed(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	ts := startServer(t, withDataDir(dir))
	c := ts.adminClient()
	db := pgDatabase(t)
	createPG(t, c, "pg", pgParams(pgHost, pgPort, db), pair(pgUser, pgPassword))
	out := createDataSet(t, c, &quicksight.CreateDataSetInput{
		DataSetId: aws.String("sales"), ImportMode: types.DataSetImportModeSpice,
		PhysicalTableMap: customSQL("pg", "SELECT id, region, amount, ordered_at FROM orders", orderColumns...),
	})
	wantIngestion(t, waitIngestion(t, c, "sales", aws.ToString(out.IngestionId)), types.IngestionStatusCompleted, 4, "")
	ts.Stop()

	ts = startServer(t, withDataDir(dir), reopened(ts.Admin), withDataSourceHosts("10.0.0.0/8"))
	c = ts.adminClient()
	_, err := c.CreateIngestion(t.Context(), &quicksight.CreateIngestionInput{AwsAccountId: aws.String(accountID), DataSetId: aws.String("sales"), IngestionId: aws.String("refused")})
	must(t, err)
	wantIngestion(t, waitIngestion(t, c, "sales", "refused"), types.IngestionStatusFailed, 0, types.IngestionErrorTypeUnresolvableHost)

	up, err := c.UpdateDataSource(t.Context(), &quicksight.UpdateDataSourceInput{
		AwsAccountId: aws.String(accountID), DataSourceId: aws.String("pg"), Name: aws.String("PG again"),
	})
	must(t, err)
	if up.UpdateStatus != types.ResourceStatusUpdateFailed {
		t.Fatalf("UpdateStatus %s", up.UpdateStatus)
	}
	wantStatus(t, describeDataSource(t, c, "pg"), types.ResourceStatusUpdateFailed, types.DataSourceErrorInfoTypeUnknownHost)
}
