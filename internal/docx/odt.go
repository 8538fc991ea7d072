package docx

import "archive/zip"

// readODT reads an OpenDocument text.
func readODT(files map[string]*zip.File) (*Received, error) {
	return nil, fail(ProblemNotDocument, nil)
}
