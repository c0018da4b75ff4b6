package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"path/filepath"

	"github.com/sightglass/sightglass/internal/app"
	"github.com/sightglass/sightglass/internal/secretbox"
	"github.com/sightglass/sightglass/internal/server"
)

// serve runs the server until ctx is done.
func serve(ctx context.Context, args []string, getenv func(string) string, stdout, stderr io.Writer) error {
	cfg := server.DefaultConfig()
	fs := flag.NewFlagSet("serve", flag.ContinueOnError)
	serveFlags(fs, &cfg)
	if err := parse(fs, args, getenv, stderr); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return fmt.Errorf("serve: unexpected arguments %q", fs.Args())
	}
	cfg.SecretKey = getenv(secretbox.EnvKey)
	log := newLogger(stderr, cfg.LogLevel)
	srv, err := server.Open(ctx, cfg, log)
	if err != nil {
		return err
	}
	if b := srv.Bootstrapped; b != nil {
		signOn, err := srv.App.GetSessionEmbedURL(ctx, srv.Config.PublicURL, app.SessionEmbedInput{
			AccountID: b.Account.ID,
			UserArn:   srv.App.UserARN(b.User),
		})
		if err != nil {
			srv.Close()
			return err
		}
		// Printed once, on the first start, to the terminal — never to the log.
		fmt.Fprintf(stdout, `Sightglass bootstrapped account %s (edition %s) in %s.
IAM user %q has full QuickSight access; its key is in %s (profile default).
Paste these to use it:

export AWS_ACCESS_KEY_ID=%s
export AWS_SECRET_ACCESS_KEY=%s
export AWS_DEFAULT_REGION=%s
export AWS_ENDPOINT_URL_QUICKSIGHT=%s
%s
aws quicksight describe-user --endpoint-url %s --aws-account-id %s --namespace default --user-name %s

Open the console as %s (this link works once, within 5 minutes;
mint another with: sightglass admin mint-url --user %s --public-url %s):

%s

`, b.Account.ID, b.Account.Edition, storeName(srv.Config), b.User.UserName,
			filepath.Join(srv.Config.DataDir, "credentials"),
			b.AccessKey.AccessKeyID, b.AccessKey.SecretAccessKey, srv.Config.Region, srv.URL(),
			caBundleExport(srv.Config),
			srv.URL(), b.Account.ID, b.User.UserName,
			b.User.UserName, b.User.UserName, srv.Config.PublicURL, signOn)
		if srv.Config.SampleRows > 0 {
			fmt.Fprintf(stdout, `The data source and dataset "sample-sales" hold %d generated orders;
the analysis %q and the dashboard %q show them:

aws quicksight describe-data-set --endpoint-url %s --aws-account-id %s --data-set-id sample-sales
sightglass admin mint-url --user %s --entry /dashboards/%s --public-url %s

`, srv.Config.SampleRows, app.SampleAnalysisID, app.SampleDashboardID, srv.URL(), b.Account.ID,
				b.User.UserName, app.SampleDashboardID, srv.Config.PublicURL)
		}
	}
	log.Info("sightglass listening", "url", srv.URL(), "public_url", srv.Config.PublicURL, "store", storeName(srv.Config), "region", srv.Config.Region)
	return srv.Serve(ctx)
}

// caBundleExport is the export line that makes the aws CLI and the AWS SDKs
// trust the generated local certificate (a self-signed certificate is its
// own CA), followed by a newline; "" unless the server generated one.
func caBundleExport(c server.Config) string {
	if !c.TLSSelfSigned {
		return ""
	}
	path := server.SelfSignedCertFile(c.DataDir)
	if abs, err := filepath.Abs(path); err == nil {
		path = abs
	}
	return "export AWS_CA_BUNDLE=" + path + "\n"
}

func storeName(c server.Config) string {
	if c.Postgres != "" {
		return "postgresql"
	}
	return filepath.Join(c.DataDir, "sightglass.db")
}
