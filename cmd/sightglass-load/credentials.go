package main

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"

	"github.com/aws/aws-sdk-go-v2/aws"
)

// loadCredentials returns the signing credentials and, if the profile
// names one, its region: from the profile of a shared-credentials file when
// path is set, else from the environment.
func loadCredentials(path, profile string, getenv func(string) string) (aws.Credentials, string, error) {
	if path == "" {
		c := aws.Credentials{
			AccessKeyID:     getenv("AWS_ACCESS_KEY_ID"),
			SecretAccessKey: getenv("AWS_SECRET_ACCESS_KEY"),
			SessionToken:    getenv("AWS_SESSION_TOKEN"),
			Source:          "environment",
		}
		if c.AccessKeyID == "" || c.SecretAccessKey == "" {
			return c, "", errors.New("no credentials: give --profile-file or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY")
		}
		return c, "", nil
	}
	f, err := os.Open(path)
	if err != nil {
		return aws.Credentials{}, "", err
	}
	defer f.Close()
	kv, err := readProfile(f, profile)
	if err != nil {
		return aws.Credentials{}, "", fmt.Errorf("%s: %w", path, err)
	}
	c := aws.Credentials{
		AccessKeyID:     kv["aws_access_key_id"],
		SecretAccessKey: kv["aws_secret_access_key"],
		SessionToken:    kv["aws_session_token"],
		Source:          path,
	}
	if c.AccessKeyID == "" || c.SecretAccessKey == "" {
		return c, "", fmt.Errorf("%s: profile %q lacks aws_access_key_id or aws_secret_access_key", path, profile)
	}
	return c, kv["region"], nil
}

// readProfile returns the keys of section [profile] of an INI-style AWS
// shared-credentials file. Keys are lower-cased; comments (# or ;) and
// blank lines are skipped.
func readProfile(r io.Reader, profile string) (map[string]string, error) {
	sc := bufio.NewScanner(r)
	var kv map[string]string
	in := false
	for sc.Scan() {
		line := strings.TrimSpace(sc.Text())
		if line == "" || line[0] == '#' || line[0] == ';' {
			continue
		}
		if line[0] == '[' && line[len(line)-1] == ']' {
			name := strings.TrimSpace(line[1 : len(line)-1])
			in = name == profile
			if in && kv == nil {
				kv = map[string]string{}
			}
			continue
		}
		if !in {
			continue
		}
		k, v, ok := strings.Cut(line, "=")
		if !ok {
			continue
		}
		kv[strings.ToLower(strings.TrimSpace(k))] = strings.TrimSpace(v)
	}
	if err := sc.Err(); err != nil {
		return nil, err
	}
	if kv == nil {
		return nil, fmt.Errorf("no profile [%s]", profile)
	}
	return kv, nil
}
