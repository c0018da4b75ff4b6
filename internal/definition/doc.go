// Package definition parses the Definition of QuickSight analyses and
// dashboards (AnalysisDefinition, DashboardVersionDefinition) into typed
// Go structs, for the part Sightglass renders: dataset declarations,
// sheets with grid layouts, text boxes, filter and parameter controls and
// visuals (bar, line, pie/donut, table, pivot table, KPI, scatter plot,
// combo chart, heat map, tree map, funnel, gauge, waterfall: field wells,
// sort, aggregation), calculated fields,
// parameter declarations and filter groups with their scopes.
//
// Definitions are stored as the client sent them; this package only reads
// them. Any other visual type parses as a Visual whose Kind names it and
// whose typed members are nil, so that a viewer can show a "not yet
// supported" tile. Check validates the structure the model constrains
// (required members, lengths, patterns, list sizes, unique ids,
// references inside the definition) with InvalidParameterValueException
// wording; ColumnRefs lists the dataset columns a definition uses, for
// checks against the datasets themselves. Visual.Wells and Visual.Title
// give a uniform view of the rendered visuals' field wells.
package definition
