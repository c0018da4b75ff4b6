// Package authoring holds the analysis editor's edits: pure functions that
// take an analysis Definition (the AnalysisDefinition JSON) and return the
// definition with one change applied — a new analysis over one or more
// datasets, a dataset added or removed (not while something reads it; a
// visual reads one dataset), a visual added, duplicated, deleted or changed to another type, a field
// dropped into a field well, moved, removed, or its aggregation, date
// granularity, sort, number format or label changed; a filter of any kind
// the viewer applies added, replaced or removed; a parameter, a control
// or a calculated field declared, changed or removed (what is still used
// is not renamed, retyped or removed).
//
// Edits work on the JSON itself, so every member they do not touch (and
// every member Sightglass does not draw) survives unchanged. Each result is
// validated against QuickSight's model (internal/apimodel) and the
// definition checks (internal/definition) before it is returned: an edit
// never produces a definition UpdateAnalysis would refuse.
package authoring
