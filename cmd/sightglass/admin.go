package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"
	"time"

	sg "github.com/sightglass/sightglass"
	"github.com/sightglass/sightglass/internal/app"
	"github.com/sightglass/sightglass/internal/secretbox"
	"github.com/sightglass/sightglass/internal/server"
)

const adminUsage = `usage: sightglass admin <command> [flags]

Identity commands work on the store directly (the server may be running):
  create-user        --name NAME                    create an IAM user
  create-role        --name NAME                    create an IAM role
  delete-user        --name NAME                    delete an IAM user, its keys and policies
  delete-role        --name NAME                    delete an IAM role, its policies and sessions
  put-policy         --user NAME|--role NAME --policy-name P --document JSON|@FILE
                                                    attach (or replace) an inline IAM policy
  delete-policy      --user NAME|--role NAME --policy-name P
  create-access-key  --user NAME                    issue an access key; prints export lines
  delete-access-key  --id AKID                      revoke an access key
  assume-role        --role NAME --session NAME [--duration 1h]
                                                    issue temporary credentials for a role session
  list                                              list principals, policies and key ids

Console and embedding:
  mint-url           --user NAME [--entry /start] [--lifetime 600] [--public-url URL]
                                                    print a single-use console sign-on URL (valid 5 minutes)
  allow-domain       --domain ORIGIN                add an origin to the embedding allow-list
                                                    (https://app.example.com, https://*.example.com, http://localhost:*)
  disallow-domain    --domain ORIGIN                remove an origin from the allow-list
  list-domains                                      print the embedding allow-list
  set-user-active    --user NAME --active=false     deactivate (or reactivate) a QuickSight user; ends their sessions

Data:
  create-sqlite-data-source --id ID --name NAME --file FILE
                                                    create a SQLITE data source on FILE, a path inside
                                                    --data-source-dir (default <data-dir>/sources)
  list-data-sources                                 list the account's data sources and their status

Audit and backup (no store needed for audit and restore):
  audit              [--since T] [--until T] [--event-name OP] [--user ARN|NAME] [--error-only]
                     [--source-ip IP] [--output table|json] [--audit-log FILE]
                                                    print audit records (T: RFC 3339 or a duration ago, e.g. 24h)
  backup             --to DIR                       copy the SQLite store (online), the SPICE files and the
                                                    secret key into a new DIR with a checksummed manifest
  restore            --from DIR --data-dir NEWDIR   verify a backup and lay it out as a new, empty data dir

Common flags: --account (default 123456789012), --data-dir, --postgres, --region
(each also as SIGHTGLASS_*). Changes reach a running server within 2 seconds.
`

// admin runs one admin command.
func admin(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	if len(args) == 0 || args[0] == "help" || args[0] == "-h" || args[0] == "--help" {
		fmt.Fprint(stdout, adminUsage)
		return nil
	}
	cmd := args[0]
	switch cmd {
	case "audit":
		return adminAudit(ctx, args[1:], getenv, stdout, stderr)
	case "backup":
		return adminBackup(ctx, args[1:], getenv, stdout, stderr)
	case "restore":
		return adminRestore(ctx, args[1:], getenv, stdout, stderr)
	}
	cfg := server.DefaultConfig()
	fs := flag.NewFlagSet("admin "+cmd, flag.ContinueOnError)
	storeFlags(fs, &cfg)
	var name, user, role, policyName, document, id, session string
	var duration time.Duration
	var entry, domain, publicURL string
	var lifetime int64
	var active bool
	var file string
	switch cmd {
	case "create-user", "create-role", "delete-user", "delete-role":
		fs.StringVar(&name, "name", "", "principal name")
	case "put-policy", "delete-policy":
		fs.StringVar(&user, "user", "", "IAM user name")
		fs.StringVar(&role, "role", "", "IAM role name")
		fs.StringVar(&policyName, "policy-name", "", "inline policy name")
		if cmd == "put-policy" {
			fs.StringVar(&document, "document", "", "policy JSON, or @FILE to read it from a file")
		}
	case "create-access-key":
		fs.StringVar(&user, "user", "", "IAM user name")
	case "delete-access-key":
		fs.StringVar(&id, "id", "", "access key id")
	case "assume-role":
		fs.StringVar(&role, "role", "", "IAM role name")
		fs.StringVar(&session, "session", "", "role session name")
		fs.DurationVar(&duration, "duration", time.Hour, "how long the credentials are valid (15m to 12h)")
	case "mint-url":
		fs.StringVar(&user, "user", "", "QuickSight user name")
		fs.StringVar(&entry, "entry", "/start", "entry point: /start, /start/dashboards, /dashboards/ID, …")
		fs.Int64Var(&lifetime, "lifetime", 600, "session lifetime in minutes (15–600)")
		fs.StringVar(&publicURL, "public-url", "http://127.0.0.1:8080", "the server's public URL (as given to serve)")
	case "allow-domain", "disallow-domain":
		fs.StringVar(&domain, "domain", "", "origin pattern")
	case "set-user-active":
		fs.StringVar(&user, "user", "", "QuickSight user name")
		fs.BoolVar(&active, "active", true, "true to activate, false to deactivate")
	case "create-sqlite-data-source":
		fs.StringVar(&id, "id", "", "data source id (letters, digits, _ and -)")
		fs.StringVar(&name, "name", "", "display name")
		fs.StringVar(&file, "file", "", "SQLite file, relative to --data-source-dir")
	case "list", "list-domains", "list-data-sources":
	default:
		fmt.Fprint(stderr, adminUsage)
		return fmt.Errorf("unknown admin command %q", cmd)
	}
	if err := parse(fs, args[1:], getenv, stderr); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("admin %s: unexpected arguments %q", cmd, fs.Args())
	}
	cfg.SecretKey = getenv(secretbox.EnvKey)
	store, err := server.OpenStore(ctx, cfg)
	if err != nil {
		return err
	}
	defer store.Close()
	a := app.New(store, cfg.Region)
	if err := server.ConfigureData(ctx, a, &cfg); err != nil {
		return err
	}
	defer a.Close()
	// Servers on the same PostgreSQL database clear the caches a change
	// made here affects at once.
	defer server.AnnounceChanges(a, store)()
	acct := cfg.AccountID

	principal := func() (string, string, error) {
		switch {
		case user != "" && role == "":
			return sg.PrincipalUser, user, nil
		case role != "" && user == "":
			return sg.PrincipalRole, role, nil
		}
		return "", "", fmt.Errorf("admin %s: give exactly one of --user and --role", cmd)
	}
	need := func(flagName, v string) error {
		if v == "" {
			return fmt.Errorf("admin %s: --%s is required", cmd, flagName)
		}
		return nil
	}

	switch cmd {
	case "create-user", "create-role":
		if err := need("name", name); err != nil {
			return err
		}
		p, err := a.CreatePrincipal(ctx, acct, strings.TrimPrefix(cmd, "create-"), name)
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, p.ARN())
	case "delete-user", "delete-role":
		if err := need("name", name); err != nil {
			return err
		}
		if err := a.DeletePrincipal(ctx, acct, strings.TrimPrefix(cmd, "delete-"), name); err != nil {
			return err
		}
		fmt.Fprintln(stdout, "deleted", sg.IAMARN(acct, strings.TrimPrefix(cmd, "delete-"), name))
	case "put-policy":
		typ, pname, err := principal()
		if err != nil {
			return err
		}
		if err := need("policy-name", policyName); err != nil {
			return err
		}
		if err := need("document", document); err != nil {
			return err
		}
		if file, ok := strings.CutPrefix(document, "@"); ok {
			b, err := os.ReadFile(file)
			if err != nil {
				return err
			}
			document = string(b)
		}
		if err := a.PutPolicy(ctx, acct, typ, pname, policyName, document); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "policy %s attached to %s\n", policyName, sg.IAMARN(acct, typ, pname))
	case "delete-policy":
		typ, pname, err := principal()
		if err != nil {
			return err
		}
		if err := need("policy-name", policyName); err != nil {
			return err
		}
		if err := a.DeletePolicy(ctx, acct, typ, pname, policyName); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "policy %s removed from %s\n", policyName, sg.IAMARN(acct, typ, pname))
	case "create-access-key":
		if err := need("user", user); err != nil {
			return err
		}
		k, err := a.CreateAccessKey(ctx, acct, user)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "export AWS_ACCESS_KEY_ID=%s\nexport AWS_SECRET_ACCESS_KEY=%s\nexport AWS_DEFAULT_REGION=%s\n", k.AccessKeyID, k.SecretAccessKey, cfg.Region)
	case "delete-access-key":
		if err := need("id", id); err != nil {
			return err
		}
		if err := a.DeleteAccessKey(ctx, id); err != nil {
			return err
		}
		fmt.Fprintln(stdout, "deleted access key", id)
	case "assume-role":
		if err := need("role", role); err != nil {
			return err
		}
		if err := need("session", session); err != nil {
			return err
		}
		k, err := a.AssumeRole(ctx, acct, role, session, duration)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "export AWS_ACCESS_KEY_ID=%s\nexport AWS_SECRET_ACCESS_KEY=%s\nexport AWS_SESSION_TOKEN=%s\nexport AWS_DEFAULT_REGION=%s\n# expires %s; caller %s\n",
			k.AccessKeyID, k.SecretAccessKey, k.SessionToken, cfg.Region, k.Expires.Format(time.RFC3339), sg.AssumedRoleARN(acct, role, session))
	case "list":
		return list(ctx, a, acct, stdout)
	case "mint-url":
		if err := need("user", user); err != nil {
			return err
		}
		u, err := a.GetSessionEmbedURL(ctx, strings.TrimSuffix(publicURL, "/"), app.SessionEmbedInput{
			AccountID:       acct,
			EntryPoint:      entry,
			SessionLifetime: &lifetime,
			UserArn:         sg.UserARN(cfg.Region, acct, sg.DefaultNamespace, user),
		})
		if err != nil {
			return err
		}
		fmt.Fprintln(stdout, u)
	case "allow-domain", "disallow-domain":
		if err := need("domain", domain); err != nil {
			return err
		}
		if cmd == "allow-domain" {
			err = a.AllowDomain(ctx, acct, domain)
		} else {
			err = a.DisallowDomain(ctx, acct, domain)
		}
		if err != nil {
			return err
		}
		fallthrough
	case "list-domains":
		domains, err := a.EmbeddingDomains(ctx, acct)
		if err != nil {
			return err
		}
		for _, d := range domains {
			fmt.Fprintln(stdout, d)
		}
	case "create-sqlite-data-source":
		for flagName, v := range map[string]string{"id": id, "name": name, "file": file} {
			if err := need(flagName, v); err != nil {
				return err
			}
		}
		d, err := a.CreateSQLiteDataSource(ctx, acct, id, name, file)
		if err != nil {
			return err
		}
		fmt.Fprintf(stdout, "%s\t%s\n", a.DataSourceARN(acct, d.ID), d.Status)
		if d.ErrorMessage != "" {
			fmt.Fprintf(stdout, "%s: %s\n", d.ErrorType, d.ErrorMessage)
		}
	case "list-data-sources":
		return listDataSources(ctx, a, acct, stdout)
	case "set-user-active":
		if err := need("user", user); err != nil {
			return err
		}
		if err := a.SetUserActive(ctx, acct, sg.DefaultNamespace, user, active); err != nil {
			return err
		}
		fmt.Fprintf(stdout, "user %s active=%t\n", user, active)
	}
	return nil
}

// list prints the account's principals with their policies and key ids.
func list(ctx context.Context, a *app.App, acct string, stdout io.Writer) error {
	ps, err := a.ListPrincipals(ctx, acct)
	if err != nil {
		return err
	}
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ARN\tPOLICIES\tACCESS KEYS")
	for _, p := range ps {
		pols, err := a.ListPolicies(ctx, acct, p.Type, p.Name)
		if err != nil {
			return err
		}
		keys, err := a.ListAccessKeys(ctx, acct, p.Type, p.Name)
		if err != nil {
			return err
		}
		var pn, kn []string
		for _, x := range pols {
			pn = append(pn, x.PolicyName)
		}
		for _, k := range keys {
			s := k.AccessKeyID
			if k.Temporary() {
				s += " (session " + k.SessionName + ", expires " + k.Expires.Format(time.RFC3339) + ")"
			}
			kn = append(kn, s)
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\n", p.ARN(), strings.Join(pn, ","), strings.Join(kn, ","))
	}
	return tw.Flush()
}

// listDataSources prints the account's data sources.
func listDataSources(ctx context.Context, a *app.App, acct string, stdout io.Writer) error {
	tw := tabwriter.NewWriter(stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tTYPE\tSTATUS\tNAME\tERROR")
	token := ""
	for {
		list, next, err := a.ListDataSources(ctx, acct, token, nil)
		if err != nil {
			return err
		}
		for _, d := range list {
			errText := ""
			if d.ErrorType != "" {
				errText = d.ErrorType + ": " + d.ErrorMessage
			}
			fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\n", d.ID, d.Type, d.Status, d.Name, errText)
		}
		if next == "" {
			break
		}
		token = next
	}
	return tw.Flush()
}
