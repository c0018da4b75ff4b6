package expr

import (
	"testing"

	"github.com/sightglass/sightglass/internal/query/dialect"
)

// Block and line comments are blanks: an expression compiles to the SQL
// it compiles to without them. A // inside a string or a field name is
// text, and a line comment ends at its line's end (\n or \r).
func TestComments(t *testing.T) {
	cases := []struct{ with, without string }{
		{"// Prettify\nifelse({Region} = 'East', 'E', {Region})", "ifelse({Region} = 'East', 'E', {Region})"},
		{"ifelse(\n  {Region} = 'East', 'E',//\n  {Region} = 'West', 'W', // the other one\n  {Region}\n)", "ifelse({Region} = 'East', 'E', {Region} = 'West', 'W', {Region})"},
		{"concat({Region}, ':',\n  //{Product}, ':',\n  {Region}\n  //, ':',\n  //{Product}\n)", "concat({Region}, ':', {Region})"},
		{"concat('http://x', {Region}) // a link", "concat('http://x', {Region})"},
		{"{Sales} /* ünïcödé ✓ */ * 2 // doubled\r{Sales} * 0 + 1", "{Sales} * 2 {Sales} * 0 + 1"},
		{"{Sales} / 2 // halved", "{Sales} / 2"},
	}
	for _, c := range cases {
		got, gotErr := compileText(c.with)
		want, wantErr := compileText(c.without)
		if got != want || (gotErr == nil) != (wantErr == nil) {
			t.Errorf("%q:\n got %s %v\nwant %s %v", c.with, got, gotErr, want, wantErr)
		}
	}
	if _, err := Parse("1 // only a comment after"); err != nil {
		t.Errorf("a trailing line comment: %v", err)
	}
	if _, err := Parse("// nothing but a comment"); err == nil {
		t.Error("an expression that is only a comment parsed")
	}
}

func compileText(src string) (string, error) {
	n, err := Parse(src)
	if err != nil {
		return "", err
	}
	c, err := testCompiler(dialect.SQLite).Compile(n)
	if err != nil {
		return "", err
	}
	return c.SQL, nil
}
