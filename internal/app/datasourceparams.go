package app

import (
	"bytes"
	"encoding/json"
	"fmt"
	"regexp"
	"slices"
	"strings"

	sg "github.com/sightglass/sightglass"
)

// dataSourceTypes is QuickSight's DataSourceType enum (2026 model).
var dataSourceTypes = []string{"ADOBE_ANALYTICS", "AMAZON_ELASTICSEARCH", "ATHENA", "AURORA", "AURORA_POSTGRESQL", "AWS_IOT_ANALYTICS", "GITHUB", "JIRA", "MARIADB", "MYSQL", "ORACLE", "POSTGRESQL", "PRESTO", "REDSHIFT", "S3", "S3_TABLES", "SALESFORCE", "SERVICENOW", "SNOWFLAKE", "SPARK", "SQLSERVER", "TERADATA", "TWITTER", "TIMESTREAM", "AMAZON_OPENSEARCH", "EXASOL", "DATABRICKS", "STARBURST", "TRINO", "BIGQUERY", "GOOGLESHEETS", "GOOGLE_DRIVE", "CONFLUENCE", "SHAREPOINT", "ONE_DRIVE", "WEB_CRAWLER", "S3_KNOWLEDGE_BASE", "QBUSINESS"}

// dataSourceParameterMembers are the members of QuickSight's
// DataSourceParameters union.
var dataSourceParameterMembers = []string{"AmazonElasticsearchParameters", "AmazonOpenSearchParameters", "AthenaParameters", "AuroraParameters", "AuroraPostgreSqlParameters", "AwsIotAnalyticsParameters", "BigQueryParameters", "ConfluenceParameters", "CustomConnectionParameters", "DatabricksParameters", "ExasolParameters", "ImpalaParameters", "JiraParameters", "MariaDbParameters", "MySqlParameters", "OracleParameters", "PostgreSqlParameters", "PrestoParameters", "QBusinessParameters", "RdsParameters", "RedshiftParameters", "S3KnowledgeBaseParameters", "S3Parameters", "S3TablesParameters", "ServiceNowParameters", "SnowflakeParameters", "SparkParameters", "SqlServerParameters", "StarburstParameters", "TeradataParameters", "TrinoParameters", "TwitterParameters", "WebCrawlerParameters"}

// SQLiteParametersMember is the DataSourceParameters member of SQLITE data
// sources, Sightglass's extension: {"SqliteParameters":{"FileName":"sales.sqlite"}}.
// AWS SDKs read it as an unknown union member.
const SQLiteParametersMember = "SqliteParameters"

// serverParameterMembers names the member each connecting type uses.
var serverParameterMembers = map[string]string{
	sg.DataSourcePostgreSQL: "PostgreSqlParameters",
	sg.DataSourceMySQL:      "MySqlParameters",
	sg.DataSourceMariaDB:    "MariaDbParameters",
}

var (
	reDataSourceID = regexp.MustCompile(`^[\w-]+$`)
	reCopySource   = regexp.MustCompile(`^arn:[-a-z0-9]*:quicksight:[-a-z0-9]*:[0-9]{12}:datasource/.+`)
	reSecretArn    = regexp.MustCompile(`^arn:[-a-z0-9]*:secretsmanager:[-a-z0-9]*:[0-9]{12}:secret:.+`)
)

// connection is where a data source's database is: the parsed member of
// its DataSourceParameters.
type connection struct {
	Member   string // e.g. PostgreSqlParameters
	Host     string
	Port     int
	Database string
	FileName string // SQLITE only
}

type serverParameters struct {
	Host     *string
	Port     *int
	Database *string
}

// parseParameters validates a DataSourceParameters union for a data source
// type and returns the member it holds. raw may be empty (absent). For the
// types Sightglass connects to the matching member is required.
func parseParameters(member string, typ string, raw json.RawMessage) (*connection, error) {
	raw = bytes.TrimSpace(raw)
	wantMember, connects := serverParameterMembers[typ]
	if len(raw) == 0 || string(raw) == "null" {
		if connects {
			return nil, sg.Errorf(sg.EINVALID, "%s is required for data sources of type %s: give %s {Host, Port, Database}.", member, typ, wantMember)
		}
		return nil, nil
	}
	var union map[string]json.RawMessage
	if err := json.Unmarshal(raw, &union); err != nil {
		return nil, sg.Errorf(sg.EINVALID, "%s must be a JSON object.", member)
	}
	for k, v := range union {
		if string(bytes.TrimSpace(v)) == "null" {
			delete(union, k)
		}
	}
	if len(union) != 1 {
		return nil, sg.Errorf(sg.EINVALID, "%s must have exactly one member, got %d.", member, len(union))
	}
	var name string
	var body json.RawMessage
	for name, body = range union {
	}
	if name == SQLiteParametersMember {
		if typ != sg.DataSourceSQLite {
			return nil, sg.Errorf(sg.EINVALID, "%s.%s does not match data source type %s.", member, name, typ)
		}
		var p struct{ FileName string }
		if err := json.Unmarshal(body, &p); err != nil {
			return nil, sg.Errorf(sg.EINVALID, "%s.%s must be an object with a FileName string.", member, name)
		}
		if err := checkLen(member+"."+name+".fileName", p.FileName, 1, 1024); err != nil {
			return nil, err
		}
		return &connection{Member: name, FileName: p.FileName}, nil
	}
	if typ == sg.DataSourceSQLite {
		return nil, sg.Errorf(sg.EINVALID, "%s.%s does not match data source type SQLITE: give %s.", member, name, SQLiteParametersMember)
	}
	if !slices.Contains(dataSourceParameterMembers, name) {
		return nil, sg.Errorf(sg.EINVALID, "%s has no member %s.", member, name)
	}
	if connects && name != wantMember {
		return nil, sg.Errorf(sg.EINVALID, "%s.%s does not match data source type %s: give %s.", member, name, typ, wantMember)
	}
	var obj map[string]json.RawMessage
	if err := json.Unmarshal(body, &obj); err != nil {
		return nil, sg.Errorf(sg.EINVALID, "%s.%s must be a JSON object.", member, name)
	}
	if !connects && !slices.Contains([]string{"PostgreSqlParameters", "MySqlParameters", "MariaDbParameters"}, name) {
		return &connection{Member: name}, nil
	}
	var p serverParameters
	if err := json.Unmarshal(body, &p); err != nil {
		return nil, sg.Errorf(sg.EINVALID, "%s.%s: Host and Database must be strings and Port an integer.", member, name)
	}
	m := member + "." + strings.ToLower(name[:1]) + name[1:]
	if p.Host == nil {
		return nil, required(m + ".host")
	}
	if p.Port == nil {
		return nil, required(m + ".port")
	}
	if p.Database == nil {
		return nil, required(m + ".database")
	}
	if err := checkLen(m+".host", *p.Host, 1, 256); err != nil {
		return nil, err
	}
	if *p.Port < 1 || *p.Port > 65535 {
		return nil, invalid(m+".port", fmt.Sprint(*p.Port), "Member must have value between 1 and 65535")
	}
	if err := checkLen(m+".database", *p.Database, 1, 128); err != nil {
		return nil, err
	}
	if strings.ContainsAny(*p.Host, " \t\r\n/\\@?#") {
		return nil, sg.Errorf(sg.EINVALID, "%s.host '%s' is not a host name or address.", m, *p.Host)
	}
	if strings.ContainsRune(*p.Database, 0) {
		return nil, sg.Errorf(sg.EINVALID, "%s.database must not contain NUL.", m)
	}
	return &connection{Member: name, Host: *p.Host, Port: *p.Port, Database: *p.Database}, nil
}

// sameServer reports whether two connections reach the same database
// server and database: credentials may follow a data source only there.
func sameServer(a, b *connection) bool {
	return a != nil && b != nil && a.Member == b.Member && strings.EqualFold(a.Host, b.Host) && a.Port == b.Port && a.Database == b.Database
}

// Credentials is QuickSight's DataSourceCredentials as a request carries it.
type Credentials struct {
	CredentialPair         *CredentialPair `json:"CredentialPair"`
	CopySourceArn          *string         `json:"CopySourceArn"`
	SecretArn              *string         `json:"SecretArn"`
	KeyPairCredentials     json.RawMessage `json:"KeyPairCredentials"`
	WebProxyCredentials    json.RawMessage `json:"WebProxyCredentials"`
	OAuthClientCredentials json.RawMessage `json:"OAuthClientCredentials"`
}

// CredentialPair is a user name and password, with the other parameters
// they may be used with.
type CredentialPair struct {
	Username                      string            `json:"Username"`
	Password                      string            `json:"Password"`
	AlternateDataSourceParameters []json.RawMessage `json:"AlternateDataSourceParameters"`
}

// storedCredentials is what is sealed in a data source row.
type storedCredentials struct {
	Username   string            `json:"u"`
	Password   string            `json:"p"`
	Alternates []json.RawMessage `json:"alt,omitempty"`
}

// checkCredentials validates the shape of Credentials.
func checkCredentials(c *Credentials) error {
	if c == nil {
		return nil
	}
	n := 0
	if c.CredentialPair != nil {
		n++
		p := c.CredentialPair
		if err := checkLen("credentials.credentialPair.username", p.Username, 1, 64); err != nil {
			return sg.Errorf(sg.EINVALID, "Credentials.CredentialPair.Username must have length between 1 and 64.")
		}
		if n := len([]rune(p.Password)); n < 1 || n > 1024 {
			// The value is never echoed.
			return sg.Errorf(sg.EINVALID, "Credentials.CredentialPair.Password must have length between 1 and 1024.")
		}
		if p.AlternateDataSourceParameters != nil && (len(p.AlternateDataSourceParameters) < 1 || len(p.AlternateDataSourceParameters) > 50) {
			return sg.Errorf(sg.EINVALID, "Credentials.CredentialPair.AlternateDataSourceParameters must have between 1 and 50 items.")
		}
	}
	if c.CopySourceArn != nil {
		n++
		if !reCopySource.MatchString(*c.CopySourceArn) {
			return invalid("credentials.copySourceArn", *c.CopySourceArn, "Member must satisfy regular expression pattern: "+strings.Trim(reCopySource.String(), "^$"))
		}
	}
	if c.SecretArn != nil {
		if !reSecretArn.MatchString(*c.SecretArn) {
			return invalid("credentials.secretArn", *c.SecretArn, "Member must satisfy regular expression pattern: "+strings.Trim(reSecretArn.String(), "^$"))
		}
		return sg.Errorf(sg.EINVALID, "Sightglass does not read AWS Secrets Manager: give Credentials.CredentialPair or Credentials.CopySourceArn.")
	}
	for name, raw := range map[string]json.RawMessage{"KeyPairCredentials": c.KeyPairCredentials, "WebProxyCredentials": c.WebProxyCredentials, "OAuthClientCredentials": c.OAuthClientCredentials} {
		if len(raw) > 0 && string(raw) != "null" {
			return sg.Errorf(sg.EINVALID, "Sightglass does not support Credentials.%s: give Credentials.CredentialPair or Credentials.CopySourceArn.", name)
		}
	}
	if n > 1 {
		return sg.Errorf(sg.EINVALID, "Credentials must have exactly one of CredentialPair and CopySourceArn.")
	}
	if n == 0 {
		return sg.Errorf(sg.EINVALID, "Credentials must have CredentialPair or CopySourceArn.")
	}
	return nil
}
