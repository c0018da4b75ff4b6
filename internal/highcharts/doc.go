// Package highcharts draws QuickSight's Highcharts visual: it reads the
// visual's chart code (Highcharts options as JSON, with comments and
// trailing commas allowed), evaluates the QuickSight JSON expression
// language in it over the visual's answer (getColumn, map, case, ...), and
// translates the resulting Highcharts options into an ECharts option.
//
// What the translation cannot draw faithfully is refused by name (a
// series type, a stacking, a point layout it does not know); options it
// reads past without drawing (styles, tooltip formats, click events) are
// returned as notes for the tile. Every step is bounded: the code's size
// and depth, the evaluator's steps, the arrays it builds.
package highcharts
