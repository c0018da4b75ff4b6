package rls

import (
	"encoding/json"
	"slices"

	sg "github.com/sightglass/sightglass"
)

// Permission policies and statuses, as QuickSight names them.
const (
	GrantAccess = "GRANT_ACCESS"
	DenyAccess  = "DENY_ACCESS"
	Version1    = "VERSION_1"
	Version2    = "VERSION_2"
	Enabled     = "ENABLED"
	Disabled    = "DISABLED"
)

// DataSetRules is a dataset's RowLevelPermissionDataSet.
type DataSetRules struct {
	Arn              string
	PermissionPolicy string
	FormatVersion    string // "" means VERSION_1
	Namespace        string
	Status           string // "" means ENABLED
}

// Version is the format version of the rules dataset.
func (r *DataSetRules) Version() string {
	if r.FormatVersion == "" {
		return Version1
	}
	return r.FormatVersion
}

// TagRule maps a session tag to a dataset column.
type TagRule struct {
	TagKey                 string
	ColumnName             string
	TagMultiValueDelimiter string
	MatchAllValue          string
}

// TagConfig is a dataset's RowLevelPermissionTagConfiguration.
type TagConfig struct {
	Status   string
	TagRules []TagRule
	// TagRuleConfigurations are lists of tag keys: the rows a session sees
	// are those of any list all of whose tags it has (AND within a list, OR
	// across lists). None means one list of every tag key.
	TagRuleConfigurations [][]string
}

// ColumnRule grants the principals (user and group ARNs) the columns.
type ColumnRule struct {
	Principals  []string
	ColumnNames []string
}

// Config is the security configuration of a dataset.
type Config struct {
	DataSet *DataSetRules `json:"RowLevelPermissionDataSet"`
	Tags    *TagConfig    `json:"RowLevelPermissionTagConfiguration"`
	Columns []ColumnRule  `json:"ColumnLevelPermissionRules"`
}

// ParseConfig reads the configuration from a dataset's extra members (a
// JSON object, nil when it has none). It returns nil when the dataset has
// no security configuration.
func ParseConfig(extra []byte) (*Config, error) {
	if len(extra) == 0 {
		return nil, nil
	}
	var c Config
	if err := json.Unmarshal(extra, &c); err != nil {
		return nil, sg.Errorf(sg.EINVALID, "The dataset's row-level security configuration cannot be read: %v", err)
	}
	if c.DataSet == nil && c.Tags == nil && len(c.Columns) == 0 {
		return nil, nil
	}
	return &c, nil
}

// RulesEnabled reports whether the rules dataset applies.
func (c *Config) RulesEnabled() bool {
	return c != nil && c.DataSet != nil && c.DataSet.Status != Disabled
}

// TagsEnabled reports whether the tag rules apply.
func (c *Config) TagsEnabled() bool {
	return c != nil && c.Tags != nil && c.Tags.Status != Disabled && len(c.Tags.TagRules) > 0
}

// Check checks what the service model cannot: that the columns named
// exist among the dataset's columns, that tag keys are unique and that
// tag rule configurations name tag keys of the tag rules. The rules
// dataset is checked by the caller (CheckRulesColumns).
func (c *Config) Check(columns []string) error {
	if c == nil {
		return nil
	}
	if c.DataSet != nil {
		if c.DataSet.Arn == "" {
			return sg.Errorf(sg.EVALIDATION, "1 validation error detected: Value null at 'rowLevelPermissionDataSet.arn' failed to satisfy constraint: Member must not be null")
		}
		if c.DataSet.Version() == Version2 && c.DataSet.Namespace != "" {
			return sg.Errorf(sg.EINVALID, "RowLevelPermissionDataSet: Namespace must not be set with FormatVersion VERSION_2.")
		}
	}
	if c.Tags != nil {
		if len(c.Tags.TagRules) == 0 {
			return sg.Errorf(sg.EINVALID, "RowLevelPermissionTagConfiguration needs at least one tag rule.")
		}
		keys := map[string]bool{}
		for _, r := range c.Tags.TagRules {
			if r.TagKey == "" || r.ColumnName == "" {
				return sg.Errorf(sg.EINVALID, "A tag rule needs a TagKey and a ColumnName.")
			}
			if keys[r.TagKey] {
				return sg.Errorf(sg.EINVALID, "Tag key %q has more than one tag rule.", r.TagKey)
			}
			keys[r.TagKey] = true
			if !slices.Contains(columns, r.ColumnName) {
				return sg.Errorf(sg.EINVALID, "Tag rule %q names column %q, which the dataset does not have.", r.TagKey, r.ColumnName)
			}
			if r.MatchAllValue != "" && r.TagMultiValueDelimiter != "" && r.MatchAllValue == r.TagMultiValueDelimiter {
				return sg.Errorf(sg.EINVALID, "Tag rule %q: MatchAllValue and TagMultiValueDelimiter must differ.", r.TagKey)
			}
		}
		for _, conf := range c.Tags.TagRuleConfigurations {
			if len(conf) == 0 {
				return sg.Errorf(sg.EINVALID, "A tag rule configuration needs at least one tag key.")
			}
			for _, k := range conf {
				if !keys[k] {
					return sg.Errorf(sg.EINVALID, "Tag rule configuration names tag key %q, which no tag rule has.", k)
				}
			}
		}
	}
	for i, r := range c.Columns {
		if len(r.ColumnNames) == 0 || len(r.Principals) == 0 {
			return sg.Errorf(sg.EINVALID, "ColumnLevelPermissionRules[%d] needs at least one column and one principal.", i)
		}
		for _, p := range r.Principals {
			arn, ok := sg.ParseARN(p)
			if !ok || arn.Service != "quicksight" {
				return sg.Errorf(sg.EINVALID, "ColumnLevelPermissionRules[%d]: %q is not the ARN of a QuickSight user or group.", i, p)
			}
		}
		for _, n := range r.ColumnNames {
			if !slices.Contains(columns, n) {
				return sg.Errorf(sg.EINVALID, "ColumnLevelPermissionRules[%d] names column %q, which the dataset does not have.", i, n)
			}
		}
	}
	return nil
}

// HiddenColumns returns the columns a reader whose principals (its user
// and group ARNs; none for an anonymous session) are given may not see:
// each column some rule names that no rule naming it grants to one of the
// principals.
func (c *Config) HiddenColumns(principals []string) map[string]bool {
	if c == nil || len(c.Columns) == 0 {
		return nil
	}
	restricted, granted := map[string]bool{}, map[string]bool{}
	for _, r := range c.Columns {
		grants := slices.ContainsFunc(r.Principals, func(p string) bool { return slices.Contains(principals, p) })
		for _, n := range r.ColumnNames {
			restricted[n] = true
			if grants {
				granted[n] = true
			}
		}
	}
	hidden := map[string]bool{}
	for n := range restricted {
		if !granted[n] {
			hidden[n] = true
		}
	}
	if len(hidden) == 0 {
		return nil
	}
	return hidden
}
