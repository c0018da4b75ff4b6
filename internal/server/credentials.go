package server

import (
	"fmt"
	"os"
	"path/filepath"

	sg "github.com/sightglass/sightglass"
)

// writeCredentials writes k as profile "default" of an AWS shared
// credentials file, readable by the owner only.
func writeCredentials(path string, k *sg.AccessKey, region string) error {
	content := fmt.Sprintf("[default]\naws_access_key_id = %s\naws_secret_access_key = %s\nregion = %s\n", k.AccessKeyID, k.SecretAccessKey, region)
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return err
	}
	if err := os.WriteFile(path, []byte(content), 0o600); err != nil {
		return fmt.Errorf("writing credentials file: %w", err)
	}
	return nil
}
