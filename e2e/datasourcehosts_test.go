package e2e

// The operator's list of data-source hosts (--data-source-hosts): a
// PostgreSQL or MariaDB data source outside it ends CREATION_FAILED with
// UNKNOWN_HOST and no connection is made; the same answer as a name that
// does not resolve; queries and ingestions of a source created while it
// was allowed are refused once it is not.

import (
	"fmt"
	"net"
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

// TestDataSourceErrorSaysNothingOfThePeer creates PostgreSQL and MariaDB
// data sources with a one-letter password at a closed port and at a port
// where another service sends a banner: the ErrorInfo is the same for
// both (apart from the port), quotes nothing the service sent, and masks
// nothing (a masked password would show where the letter appears).
func TestDataSourceErrorSaysNothingOfThePeer(t *testing.T) {
	t.Parallel()
	ts := startServer(t)
	c := ts.adminClient()
	const banner = "SSH-2.0-OpenSSH_9.6 peer-banner-7f3a"
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	must(t, err)
	defer ln.Close()
	go func() {
		for {
			conn, err := ln.Accept()
			if err != nil {
				return
			}
			conn.Write([]byte(banner + "\r\n"))
			conn.Close()
		}
	}()
	closed, err := net.Listen("tcp", "127.0.0.1:0")
	must(t, err)
	closedPort := closed.Addr().(*net.TCPAddr).Port
	closed.Close()
	bannerPort := ln.Addr().(*net.TCPAddr).Port

	create := func(id string, typ types.DataSourceType, port int) *types.DataSourceErrorInfo {
		t.Helper()
		in := &quicksight.CreateDataSourceInput{
			AwsAccountId: aws.String(accountID), DataSourceId: aws.String(id), Name: aws.String(id), Type: typ,
			Credentials: pair("u", "e"),
		}
		if typ == types.DataSourceTypePostgresql {
			in.DataSourceParameters = pgParams(pgHost, int32(port), "db")
		} else {
			in.DataSourceParameters = &types.DataSourceParametersMemberMariaDbParameters{Value: types.MariaDbParameters{Host: aws.String(pgHost), Port: aws.Int32(int32(port)), Database: aws.String("db")}}
		}
		_, err := c.CreateDataSource(t.Context(), in)
		must(t, err)
		d := describeDataSource(t, c, id)
		wantStatus(t, d, types.ResourceStatusCreationFailed, types.DataSourceErrorInfoTypeTimeout)
		msg := aws.ToString(d.ErrorInfo.Message)
		if strings.Contains(msg, "peer-banner") || strings.Contains(msg, "SSH") || strings.Contains(msg, "*") {
			t.Errorf("%s: ErrorInfo %q quotes the peer or masks the password", id, msg)
		}
		return d.ErrorInfo
	}
	for _, typ := range []types.DataSourceType{types.DataSourceTypePostgresql, types.DataSourceTypeMariadb} {
		a := create("closed-"+strings.ToLower(string(typ)), typ, closedPort)
		b := create("banner-"+strings.ToLower(string(typ)), typ, bannerPort)
		if strings.ReplaceAll(aws.ToString(b.Message), fmt.Sprint(bannerPort), "PORT") != strings.ReplaceAll(aws.ToString(a.Message), fmt.Sprint(closedPort), "PORT") {
			t.Errorf("%s: a closed port says %q, a port with another service %q", typ, aws.ToString(a.Message), aws.ToString(b.Message))
		}
	}
}
