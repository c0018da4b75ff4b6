// Package viewer turns the renderable part of an analysis or dashboard
// definition into what the console shows: for each sheet, its grid of
// visuals and text boxes and its filter and parameter controls, and for
// each visual a query.Question built from its field wells, sort,
// aggregation, the filter groups that apply to it (scoped to the visual,
// its sheet or all sheets) and the current parameter values. Answers
// become ECharts options (bar, line, pie/donut, scatter, combo, heat map,
// tree map, funnel, gauge, waterfall, histogram, box plot, Sankey, radar,
// filled map and points map: maps.go places their locations by the
// datasets' geographic roles on shapes built into the binary) or
// server-rendered table, pivot table, KPI and word cloud models; custom content
// visuals become an image or a sandboxed frame of their URL, empty visuals
// an empty tile. Reference lines and conditional formatting are drawn from
// the definition, their computed values being hidden measures of the
// visual's own question (extras.go); grid, free-form and section-based
// layouts place the tiles. Other visual types, and options that would change a
// visual's numbers and are not applied, become a "not yet supported" tile
// that names them.
//
// The viewer's own control values and parameters are per viewer, never
// saved: they travel as a url.Values State (p.<Parameter>, f.<FilterId>,
// f.<FilterId>.min/.max/.from/.to) on each request.
package viewer
