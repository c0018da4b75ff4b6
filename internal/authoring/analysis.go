package authoring

import "encoding/json"

// FirstSheetID is the id of the sheet a new analysis starts with.
const FirstSheetID = "sheet-1"

// NewAnalysis returns the definition of a new analysis over one dataset:
// the dataset declared under identifier and one empty sheet.
func NewAnalysis(identifier, dataSetARN string) ([]byte, error) {
	return NewAnalysisOf([]DataSet{{Identifier: identifier, ARN: dataSetARN}})
}

// DataSet is a dataset a definition declares.
type DataSet struct {
	Identifier string
	ARN        string
}

// DataSets lists the datasets the definition declares.
func DataSets(raw []byte) ([]DataSet, error) {
	var d struct {
		DataSetIdentifierDeclarations []struct{ Identifier, DataSetArn string }
	}
	if err := json.Unmarshal(raw, &d); err != nil {
		return nil, editErr("the definition is not a JSON object")
	}
	out := make([]DataSet, 0, len(d.DataSetIdentifierDeclarations))
	for _, ds := range d.DataSetIdentifierDeclarations {
		out = append(out, DataSet{Identifier: ds.Identifier, ARN: ds.DataSetArn})
	}
	return out, nil
}
