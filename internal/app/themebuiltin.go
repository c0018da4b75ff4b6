package app

import (
	"encoding/json"
	"slices"
)

// builtinTheme is one of the starting themes QuickSight provides to every
// account (Type QUICKSIGHT): custom themes start from one (BaseThemeId),
// and analyses and dashboards may name one by its ARN
// arn:aws:quicksight::aws:theme/ID. The colors are Sightglass's own
// rendering of each theme's character.
type builtinTheme struct {
	ID, Name      string
	Configuration json.RawMessage
}

// builtinThemeIDs are the starting themes in the order ListThemes lists them.
var builtinThemeIDs = []string{"CLASSIC", "MIDNIGHT", "RAINIER", "SEASIDE"}

var builtinThemes = map[string]builtinTheme{
	"CLASSIC": {ID: "CLASSIC", Name: "Classic", Configuration: json.RawMessage(`{` +
		`"DataColorPalette":{"Colors":["#1f77b4","#ff7f0e","#2ca02c","#d62728","#9467bd","#8c564b","#e377c2","#7f7f7f","#bcbd22","#17becf"],` +
		`"MinMaxGradient":["#deebf7","#08519c"],"EmptyFillColor":"#ffffff"},` +
		`"UIColorPalette":{"PrimaryForeground":"#2a2f33","PrimaryBackground":"#ffffff","SecondaryForeground":"#545b64","SecondaryBackground":"#f2f3f3",` +
		`"Accent":"#0073bb","AccentForeground":"#ffffff","Danger":"#d13212","DangerForeground":"#ffffff","Warning":"#ff9900","WarningForeground":"#2a2f33",` +
		`"Success":"#1d8102","SuccessForeground":"#ffffff","Dimension":"#2a9d8f","DimensionForeground":"#ffffff","Measure":"#e76f51","MeasureForeground":"#ffffff"},` +
		`"Sheet":{"Tile":{"Border":{"Show":true}},"TileLayout":{"Gutter":{"Show":true},"Margin":{"Show":true}}},` +
		`"Typography":{"FontFamilies":[{"FontFamily":"Amazon Ember"},{"FontFamily":"sans-serif"}]}}`)},
	"MIDNIGHT": {ID: "MIDNIGHT", Name: "Midnight", Configuration: json.RawMessage(`{` +
		`"DataColorPalette":{"Colors":["#4fc3f7","#ffb74d","#81c784","#e57373","#ba68c8","#a1887f","#f06292","#90a4ae","#dce775","#4dd0e1"],` +
		`"MinMaxGradient":["#263238","#4fc3f7"],"EmptyFillColor":"#1b2127"},` +
		`"UIColorPalette":{"PrimaryForeground":"#e9ecef","PrimaryBackground":"#1b2127","SecondaryForeground":"#b0bac3","SecondaryBackground":"#232b33",` +
		`"Accent":"#4fc3f7","AccentForeground":"#1b2127","Danger":"#ef5350","DangerForeground":"#1b2127","Warning":"#ffca28","WarningForeground":"#1b2127",` +
		`"Success":"#66bb6a","SuccessForeground":"#1b2127","Dimension":"#4db6ac","DimensionForeground":"#1b2127","Measure":"#ff8a65","MeasureForeground":"#1b2127"},` +
		`"Sheet":{"Tile":{"Border":{"Show":false}},"TileLayout":{"Gutter":{"Show":true},"Margin":{"Show":true}}},` +
		`"Typography":{"FontFamilies":[{"FontFamily":"Amazon Ember"},{"FontFamily":"sans-serif"}]}}`)},
	"RAINIER": {ID: "RAINIER", Name: "Rainier", Configuration: json.RawMessage(`{` +
		`"DataColorPalette":{"Colors":["#3b6e8f","#7fa650","#d9a441","#b5523b","#6d5a8c","#4f9d9a","#c7795f","#8a8f99","#a8b545","#5b7fbd"],` +
		`"MinMaxGradient":["#e3edf2","#3b6e8f"],"EmptyFillColor":"#ffffff"},` +
		`"UIColorPalette":{"PrimaryForeground":"#26343d","PrimaryBackground":"#ffffff","SecondaryForeground":"#51616b","SecondaryBackground":"#eef2f4",` +
		`"Accent":"#3b6e8f","AccentForeground":"#ffffff","Danger":"#b5523b","DangerForeground":"#ffffff","Warning":"#d9a441","WarningForeground":"#26343d",` +
		`"Success":"#7fa650","SuccessForeground":"#ffffff","Dimension":"#4f9d9a","DimensionForeground":"#ffffff","Measure":"#c7795f","MeasureForeground":"#ffffff"},` +
		`"Sheet":{"Tile":{"Border":{"Show":true}},"TileLayout":{"Gutter":{"Show":true},"Margin":{"Show":true}}},` +
		`"Typography":{"FontFamilies":[{"FontFamily":"Amazon Ember"},{"FontFamily":"sans-serif"}]}}`)},
	"SEASIDE": {ID: "SEASIDE", Name: "Seaside", Configuration: json.RawMessage(`{` +
		`"DataColorPalette":{"Colors":["#0077b6","#00b4d8","#f4a261","#e76f51","#2a9d8f","#90e0ef","#e9c46a","#264653","#f28482","#84a59d"],` +
		`"MinMaxGradient":["#caf0f8","#0077b6"],"EmptyFillColor":"#ffffff"},` +
		`"UIColorPalette":{"PrimaryForeground":"#03324a","PrimaryBackground":"#ffffff","SecondaryForeground":"#345b70","SecondaryBackground":"#eaf6fb",` +
		`"Accent":"#0077b6","AccentForeground":"#ffffff","Danger":"#e76f51","DangerForeground":"#ffffff","Warning":"#f4a261","WarningForeground":"#03324a",` +
		`"Success":"#2a9d8f","SuccessForeground":"#ffffff","Dimension":"#00b4d8","DimensionForeground":"#03324a","Measure":"#f4a261","MeasureForeground":"#03324a"},` +
		`"Sheet":{"Tile":{"Border":{"Show":true}},"TileLayout":{"Gutter":{"Show":true},"Margin":{"Show":true}}},` +
		`"Typography":{"FontFamilies":[{"FontFamily":"Amazon Ember"},{"FontFamily":"sans-serif"}]}}`)},
}

// isBuiltinTheme reports whether id names a starting theme.
func isBuiltinTheme(id string) bool { return slices.Contains(builtinThemeIDs, id) }

// BuiltinThemeARN returns the ARN of a starting theme.
func BuiltinThemeARN(id string) string { return "arn:aws:quicksight::aws:theme/" + id }
