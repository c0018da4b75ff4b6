package app

import (
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/query/source"
	"github.com/sightglass/sightglass/internal/query/sqlcheck"
)

// connectTimeout bounds the connection test of a create or update.
const connectTimeout = 15 * time.Second

// DataSourceInput is the body of CreateDataSource and UpdateDataSource.
type DataSourceInput struct {
	AccountID    string
	DataSourceID string
	Name         string
	Type         string // Create only
	Parameters   json.RawMessage
	Credentials  *Credentials
	Permissions  []sg.ResourcePermission // Create only
	SSL          json.RawMessage
	VPC          json.RawMessage
	Tags         []sg.Tag // Create only
	FolderArns   []string // Create only
}

// DataSourceARN returns the ARN of a data source in this server's region.
func (a *App) DataSourceARN(accountID, id string) string {
	return sg.QuickSightARN(a.Region, accountID, "datasource/"+id)
}

func dataSourceNotFound(accountID, id string) error {
	return sg.Errorf(sg.ENOTFOUND, "Data source %s does not exist in account %s.", id, accountID).WithResource(sg.ResourceDataSource)
}

func checkDataSourceID(id string) error {
	if id == "" {
		return required("dataSourceId")
	}
	if err := checkLen("dataSourceId", id, 1, 128); err != nil {
		return err
	}
	return checkPattern("dataSourceId", id, reDataSourceID)
}

// checkDataPath validates the account id (and the resource id with check,
// unless id is "*"), authorizes the action on resource and checks the
// subscription.
func (a *App) checkDataPath(ctx context.Context, action, accountID, id string, check func(string) error, resource string) error {
	if err := checkAccountID(accountID); err != nil {
		return err
	}
	if id != "*" {
		if err := check(id); err != nil {
			return err
		}
	}
	if err := a.authorize(ctx, accountID, action, resource); err != nil {
		return err
	}
	if a.data == nil {
		return sg.Errorf(sg.EUNAVAILABLE, "Data sources are not configured on this server.")
	}
	_, err := a.account(ctx, accountID)
	return err
}

func (a *App) findDataSource(ctx context.Context, accountID, id string) (*sg.DataSource, error) {
	d, err := a.Store.FindDataSource(ctx, accountID, id)
	if sg.ErrorCode(err) == sg.ENOTFOUND {
		return nil, dataSourceNotFound(accountID, id)
	}
	return d, err
}

func checkFolderArns(arns []string) error {
	if len(arns) > 1 {
		return invalid("folderArns", fmt.Sprint(len(arns)), "Member must have length less than or equal to 1")
	}
	if len(arns) == 1 {
		return sg.Errorf(sg.ENOTFOUND, "Folder %s does not exist: Sightglass has no folders.", arns[0])
	}
	return nil
}

func checkObject(member string, raw json.RawMessage) error {
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	var m map[string]json.RawMessage
	if json.Unmarshal(raw, &m) != nil {
		return sg.Errorf(sg.EINVALID, "%s must be a JSON object.", member)
	}
	return nil
}

func nullable(raw json.RawMessage) []byte {
	if len(raw) == 0 || string(raw) == "null" {
		return nil
	}
	return compactJSON(raw)
}

func compactJSON(raw []byte) []byte {
	var buf bytes.Buffer
	if err := json.Compact(&buf, raw); err != nil {
		return raw
	}
	return buf.Bytes()
}

// CreateDataSource creates a data source and tests its connection. The
// returned data source has its final status: CREATION_SUCCESSFUL, or
// CREATION_FAILED with an error type and message.
func (a *App) CreateDataSource(ctx context.Context, in DataSourceInput) (*sg.DataSource, error) {
	if in.DataSourceID == "" {
		return nil, required("dataSourceId")
	}
	if err := a.checkDataPath(ctx, "CreateDataSource", in.AccountID, in.DataSourceID, checkDataSourceID, a.DataSourceARN(in.AccountID, in.DataSourceID)); err != nil {
		return nil, err
	}
	if err := checkLen("name", in.Name, 1, 128); err != nil {
		return nil, err
	}
	if in.Type == "" {
		return nil, required("type")
	}
	if in.Type == sg.DataSourceSQLite {
		return nil, sg.Errorf(sg.EINVALID, "Data sources of type SQLITE are created by the server's operator (sightglass admin create-sqlite-data-source); API clients can describe and use them.")
	}
	if err := checkEnum("type", in.Type, dataSourceTypes); err != nil {
		return nil, err
	}
	conn, err := parseParameters("dataSourceParameters", in.Type, in.Parameters)
	if err != nil {
		return nil, err
	}
	if err := a.checkDataSourceExtras(in); err != nil {
		return nil, err
	}
	if err := checkPermissions("permissions", in.Permissions); err != nil {
		return nil, err
	}
	if err := checkTags(in.Tags); err != nil {
		return nil, err
	}
	if err := checkFolderArns(in.FolderArns); err != nil {
		return nil, err
	}
	_, connects := serverParameterMembers[in.Type]
	if connects && in.Credentials == nil {
		return nil, sg.Errorf(sg.EINVALID, "Credentials are required for data sources of type %s.", in.Type)
	}
	now := a.now()
	d := &sg.DataSource{
		AccountID:               in.AccountID,
		ID:                      in.DataSourceID,
		Name:                    in.Name,
		Type:                    in.Type,
		Parameters:              nullable(in.Parameters),
		SSLProperties:           nullable(in.SSL),
		VPCConnectionProperties: nullable(in.VPC),
		Permissions:             in.Permissions,
		Tags:                    in.Tags,
		Version:                 1,
		CreatedAt:               now,
		UpdatedAt:               now,
	}
	if _, err := a.Store.FindDataSource(ctx, d.AccountID, d.ID); err == nil {
		return nil, dataSourceExists(d.AccountID, d.ID)
	}
	creds, failure, err := a.resolveCredentials(ctx, d, conn, in.Credentials, nil)
	if err != nil {
		return nil, err
	}
	a.testConnection(ctx, d, conn, creds, failure, sg.StatusCreationSuccessful, sg.StatusCreationFailed)
	if err := a.Store.CreateDataSource(ctx, d); err != nil {
		if sg.ErrorCode(err) == sg.EEXISTS {
			return nil, dataSourceExists(d.AccountID, d.ID)
		}
		return nil, err
	}
	return d, nil
}

func dataSourceExists(accountID, id string) error {
	return sg.Errorf(sg.EEXISTS, "Data source %s already exists in account %s.", id, accountID).WithResource(sg.ResourceDataSource)
}

func (a *App) checkDataSourceExtras(in DataSourceInput) error {
	if err := checkObject("sslProperties", in.SSL); err != nil {
		return err
	}
	if len(in.SSL) > 0 && string(in.SSL) != "null" {
		var p struct{ DisableSsl *bool }
		if json.Unmarshal(in.SSL, &p) != nil {
			return sg.Errorf(sg.EINVALID, "sslProperties.DisableSsl must be a boolean.")
		}
	}
	if err := checkObject("vpcConnectionProperties", in.VPC); err != nil {
		return err
	}
	if len(in.VPC) > 0 && string(in.VPC) != "null" {
		var p struct{ VpcConnectionArn *string }
		if json.Unmarshal(in.VPC, &p) != nil || p.VpcConnectionArn == nil {
			return required("vpcConnectionProperties.vpcConnectionArn")
		}
	}
	return checkCredentials(in.Credentials)
}

// credentialFailure is a connection failure decided before connecting
// (a copy source that does not exist).
type credentialFailure struct{ Type, Message string }

// resolveCredentials seals the credentials of a create or update into d.
// given is the request's Credentials (nil: keep prev's, for an update whose
// connection did not change). A CopySourceArn that names no data source of
// the account, or one whose credentials may not be used with conn, is not an
// error of the request: the data source is created and fails with
// COPY_SOURCE_NOT_FOUND, as QuickSight reports it.
func (a *App) resolveCredentials(ctx context.Context, d *sg.DataSource, conn *connection, given *Credentials, prev *sg.DataSource) (*storedCredentials, *credentialFailure, error) {
	switch {
	case given == nil && prev == nil:
		return nil, nil, nil
	case given == nil:
		if prev.SealedCredentials == nil {
			return nil, nil, nil
		}
		creds, err := a.openCredentials(prev)
		if err != nil {
			return nil, nil, err
		}
		d.SealedCredentials = a.sealCredentials(d, creds)
		return creds, nil, nil
	case given.CredentialPair != nil:
		p := given.CredentialPair
		creds := &storedCredentials{Username: p.Username, Password: p.Password, Alternates: p.AlternateDataSourceParameters}
		d.SealedCredentials = a.sealCredentials(d, creds)
		return creds, nil, nil
	}
	// CopySourceArn.
	arn, _ := sg.ParseARN(*given.CopySourceArn)
	srcID := strings.TrimPrefix(arn.Resource, "datasource/")
	notFound := &credentialFailure{Type: source.ErrCopySourceNotFound, Message: fmt.Sprintf("The copy source data source %s was not found in account %s.", *given.CopySourceArn, d.AccountID)}
	if arn.AccountID != d.AccountID || arn.Region != a.Region || srcID == d.ID {
		return nil, notFound, nil
	}
	src, err := a.Store.FindDataSource(ctx, d.AccountID, srcID)
	if sg.ErrorCode(err) == sg.ENOTFOUND || (err == nil && src.SealedCredentials == nil) {
		return nil, notFound, nil
	} else if err != nil {
		return nil, nil, err
	}
	creds, err := a.openCredentials(src)
	if err != nil {
		return nil, nil, err
	}
	if !credentialsAllowed(src, creds, conn) {
		return nil, &credentialFailure{Type: source.ErrCopySourceNotFound, Message: fmt.Sprintf("The credentials of %s may not be used with these DataSourceParameters: they must match the copy source's parameters or its AlternateDataSourceParameters.", *given.CopySourceArn)}, nil
	}
	d.SealedCredentials = a.sealCredentials(d, creds)
	return creds, nil, nil
}

// credentialsAllowed reports whether the credentials of src may be used to
// connect to conn: the same server and database as src, or one of the
// alternates the credentials were given with.
func credentialsAllowed(src *sg.DataSource, creds *storedCredentials, conn *connection) bool {
	own, err := parseParameters("p", src.Type, src.Parameters)
	if err == nil && sameServer(own, conn) {
		return true
	}
	for _, alt := range creds.Alternates {
		var union map[string]json.RawMessage
		if json.Unmarshal(alt, &union) != nil || len(union) != 1 {
			continue
		}
		for member := range union {
			for typ, m := range serverParameterMembers {
				if m != member {
					continue
				}
				if c, err := parseParameters("p", typ, alt); err == nil && sameServer(c, conn) {
					return true
				}
			}
		}
	}
	return false
}

// credentialsAD binds sealed credentials to their data source.
func credentialsAD(d *sg.DataSource) []byte {
	return []byte("datasource\x00" + d.AccountID + "\x00" + d.ID)
}

func (a *App) sealCredentials(d *sg.DataSource, c *storedCredentials) []byte {
	b, _ := json.Marshal(c)
	return a.data.cfg.Secrets.Seal(b, credentialsAD(d))
}

// openCredentials decrypts a data source's credentials (nil if it has
// none). A box that does not open (another key) is an internal error: the
// operator changed SIGHTGLASS_SECRET_KEY.
func (a *App) openCredentials(d *sg.DataSource) (*storedCredentials, error) {
	if d.SealedCredentials == nil {
		return nil, nil
	}
	b, err := a.data.cfg.Secrets.Open(d.SealedCredentials, credentialsAD(d))
	if err != nil {
		return nil, fmt.Errorf("data source %s/%s: credentials: %w", d.AccountID, d.ID, err)
	}
	var c storedCredentials
	if err := json.Unmarshal(b, &c); err != nil {
		return nil, errors.New("data source credentials: malformed after decryption")
	}
	return &c, nil
}

// sourceParams returns the connection parameters of a data source.
func (a *App) sourceParams(d *sg.DataSource, conn *connection, creds *storedCredentials) source.Params {
	p := source.Params{Type: d.Type}
	if conn != nil {
		p.Host, p.Port, p.Database = conn.Host, conn.Port, conn.Database
		if d.Type == sg.DataSourceSQLite {
			p.SQLitePath, p.SQLiteDir = conn.FileName, a.data.cfg.DataSourceDir
		}
	}
	if creds != nil {
		p.User, p.Password = creds.Username, creds.Password
	}
	return p
}

// testConnection sets d's status from a connection test.
func (a *App) testConnection(ctx context.Context, d *sg.DataSource, conn *connection, creds *storedCredentials, failure *credentialFailure, ok, failed string) {
	d.Status, d.ErrorType, d.ErrorMessage = ok, "", ""
	fail := func(typ, msg string) { d.Status, d.ErrorType, d.ErrorMessage = failed, typ, msg }
	if failure != nil {
		fail(failure.Type, failure.Message)
		return
	}
	if !source.Supported(d.Type) {
		fail(source.ErrUnknown, fmt.Sprintf("Sightglass cannot connect to data sources of type %s; it connects to POSTGRESQL, MYSQL, MARIADB and SQLITE.", d.Type))
		return
	}
	tctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), connectTimeout)
	defer cancel()
	err := source.Test(tctx, a.sourceParams(d, conn, creds), a.data.pool.Options())
	if err == nil {
		if d.Type == sg.DataSourcePostgreSQL {
			// Datasets with custom SQL on it will need the PostgreSQL
			// parser, which takes seconds to compile once per process.
			sqlcheck.Warm()
		}
		return
	}
	var ce *source.ConnectError
	if errors.As(err, &ce) {
		fail(ce.Type, ce.Message)
		return
	}
	fail(source.ErrUnknown, "The connection test failed.")
}

// DescribeDataSource returns a data source.
func (a *App) DescribeDataSource(ctx context.Context, accountID, id string) (*sg.DataSource, error) {
	if err := a.checkDataPath(ctx, "DescribeDataSource", accountID, id, checkDataSourceID, a.DataSourceARN(accountID, id)); err != nil {
		return nil, err
	}
	return a.findDataSource(ctx, accountID, id)
}

// ListDataSources returns one page of data sources and the next token.
func (a *App) ListDataSources(ctx context.Context, accountID, nextToken string, maxResults *int) ([]*sg.DataSource, string, error) {
	if err := a.checkDataPath(ctx, "ListDataSources", accountID, "*", nil, a.DataSourceARN(accountID, "*")); err != nil {
		return nil, "", err
	}
	page, err := pageRequest("data-sources", accountID, nextToken, maxResults)
	if err != nil {
		return nil, "", err
	}
	list, more, err := a.Store.ListDataSources(ctx, accountID, page)
	if err != nil || !more || len(list) == 0 {
		return list, "", err
	}
	return list, encodeNextToken("data-sources", accountID, list[len(list)-1].ID), nil
}

// UpdateDataSource replaces a data source's name, connection and (when
// given) credentials, and tests the connection again: the result has
// status UPDATE_SUCCESSFUL or UPDATE_FAILED.
func (a *App) UpdateDataSource(ctx context.Context, in DataSourceInput) (*sg.DataSource, error) {
	if err := a.checkDataPath(ctx, "UpdateDataSource", in.AccountID, in.DataSourceID, checkDataSourceID, a.DataSourceARN(in.AccountID, in.DataSourceID)); err != nil {
		return nil, err
	}
	if err := checkLen("name", in.Name, 1, 128); err != nil {
		return nil, err
	}
	if err := a.checkDataSourceExtras(in); err != nil {
		return nil, err
	}
	prev, err := a.findDataSource(ctx, in.AccountID, in.DataSourceID)
	if err != nil {
		return nil, err
	}
	d := *prev
	d.Name, d.UpdatedAt, d.Version = in.Name, a.now(), prev.Version+1
	prevConn, _ := parseParameters("dataSourceParameters", prev.Type, prev.Parameters)
	conn := prevConn
	if len(in.Parameters) > 0 && string(in.Parameters) != "null" {
		if conn, err = parseParameters("dataSourceParameters", prev.Type, in.Parameters); err != nil {
			return nil, err
		}
		if prev.Type == sg.DataSourceSQLite && (prevConn == nil || conn.FileName != prevConn.FileName) {
			return nil, sg.Errorf(sg.EINVALID, "The file of a SQLITE data source is chosen by the server's operator and cannot be changed through the API.")
		}
		d.Parameters = nullable(in.Parameters)
	}
	if in.Credentials != nil && prev.Type == sg.DataSourceSQLite {
		return nil, sg.Errorf(sg.EINVALID, "SQLITE data sources have no credentials.")
	}
	if in.Credentials == nil && prevConn != nil && !sameServer(prevConn, conn) {
		// Credentials never follow a data source to another server unless
		// they were given for it.
		creds, err := a.openCredentials(prev)
		if err != nil {
			return nil, err
		}
		if creds != nil && !credentialsAllowed(prev, creds, conn) {
			return nil, sg.Errorf(sg.EINVALID, "Changing the host, port or database of a data source requires its Credentials.")
		}
	}
	if in.SSL != nil {
		d.SSLProperties = nullable(in.SSL)
	}
	if in.VPC != nil {
		d.VPCConnectionProperties = nullable(in.VPC)
	}
	creds, failure, err := a.resolveCredentials(ctx, &d, conn, in.Credentials, prev)
	if err != nil {
		return nil, err
	}
	a.testConnection(ctx, &d, conn, creds, failure, sg.StatusUpdateSuccessful, sg.StatusUpdateFailed)
	if err := a.Store.UpdateDataSource(ctx, &d); err != nil {
		if sg.ErrorCode(err) == sg.ENOTFOUND {
			return nil, dataSourceNotFound(d.AccountID, d.ID)
		}
		return nil, err
	}
	a.forgetDataSource(prev)
	return &d, nil
}

// forgetDataSource closes pooled connections of a data source version.
func (a *App) forgetDataSource(d *sg.DataSource) {
	a.data.pool.Forget(poolKey(d))
}

// poolKey is the connection-pool key of a data source version.
func poolKey(d *sg.DataSource) string {
	return fmt.Sprintf("ds/%s/%s@%d", d.AccountID, d.ID, d.Version)
}

// DeleteDataSource deletes a data source. Datasets that read it stay and
// fail to query or ingest until it exists again.
func (a *App) DeleteDataSource(ctx context.Context, accountID, id string) error {
	if err := a.checkDataPath(ctx, "DeleteDataSource", accountID, id, checkDataSourceID, a.DataSourceARN(accountID, id)); err != nil {
		return err
	}
	d, err := a.findDataSource(ctx, accountID, id)
	if err != nil {
		return err
	}
	if err := a.Store.DeleteDataSource(ctx, accountID, id); err != nil {
		if sg.ErrorCode(err) == sg.ENOTFOUND {
			return dataSourceNotFound(accountID, id)
		}
		return err
	}
	a.forgetDataSource(d)
	a.removeUploadFile(d)
	return nil
}

// DescribeDataSourcePermissions returns a data source (for its
// permissions).
func (a *App) DescribeDataSourcePermissions(ctx context.Context, accountID, id string) (*sg.DataSource, error) {
	if err := a.checkDataPath(ctx, "DescribeDataSourcePermissions", accountID, id, checkDataSourceID, a.DataSourceARN(accountID, id)); err != nil {
		return nil, err
	}
	return a.findDataSource(ctx, accountID, id)
}

// UpdateDataSourcePermissions grants and revokes permissions.
func (a *App) UpdateDataSourcePermissions(ctx context.Context, accountID, id string, grant, revoke []sg.ResourcePermission) (*sg.DataSource, error) {
	if err := a.checkDataPath(ctx, "UpdateDataSourcePermissions", accountID, id, checkDataSourceID, a.DataSourceARN(accountID, id)); err != nil {
		return nil, err
	}
	if err := checkPermissions("grantPermissions", grant); err != nil {
		return nil, err
	}
	if err := checkPermissions("revokePermissions", revoke); err != nil {
		return nil, err
	}
	d, err := a.findDataSource(ctx, accountID, id)
	if err != nil {
		return nil, err
	}
	if d.Permissions, err = mergePermissions(d.Permissions, grant, revoke); err != nil {
		return nil, err
	}
	d.UpdatedAt = a.now()
	if err := a.Store.UpdateDataSource(ctx, d); err != nil {
		if sg.ErrorCode(err) == sg.ENOTFOUND {
			return nil, dataSourceNotFound(accountID, id)
		}
		return nil, err
	}
	return d, nil
}

// CreateSQLiteDataSource creates a SQLITE data source on a file of the
// operator's data-source directory (admin command and bootstrap). It is
// not authorized: only the server and its operator call it.
func (a *App) CreateSQLiteDataSource(ctx context.Context, accountID, id, name, fileName string) (*sg.DataSource, error) {
	if a.data == nil {
		return nil, sg.Errorf(sg.EUNAVAILABLE, "Data sources are not configured on this server.")
	}
	if err := checkAccountID(accountID); err != nil {
		return nil, err
	}
	if err := checkDataSourceID(id); err != nil {
		return nil, err
	}
	if err := checkLen("name", name, 1, 128); err != nil {
		return nil, err
	}
	if _, err := source.ResolveSQLitePath(a.data.cfg.DataSourceDir, fileName); err != nil {
		return nil, sg.Errorf(sg.EINVALID, "SQLite file %q: %v", fileName, err)
	}
	params, _ := json.Marshal(map[string]any{SQLiteParametersMember: map[string]string{"FileName": fileName}})
	conn := &connection{Member: SQLiteParametersMember, FileName: fileName}
	now := a.now()
	d := &sg.DataSource{AccountID: accountID, ID: id, Name: name, Type: sg.DataSourceSQLite, Parameters: params, Version: 1, CreatedAt: now, UpdatedAt: now}
	a.testConnection(ctx, d, conn, nil, nil, sg.StatusCreationSuccessful, sg.StatusCreationFailed)
	if err := a.Store.CreateDataSource(ctx, d); err != nil {
		if sg.ErrorCode(err) == sg.EEXISTS {
			return nil, dataSourceExists(accountID, id)
		}
		return nil, err
	}
	return d, nil
}

// dataSourceConnection returns how to connect to a data source (with its
// decrypted credentials) and the key of its pooled connections.
func (a *App) dataSourceConnection(d *sg.DataSource) (source.Params, string, error) {
	conn, err := parseParameters("dataSourceParameters", d.Type, d.Parameters)
	if err != nil {
		return source.Params{}, "", err
	}
	creds, err := a.openCredentials(d)
	if err != nil {
		return source.Params{}, "", err
	}
	return a.sourceParams(d, conn, creds), poolKey(d), nil
}
