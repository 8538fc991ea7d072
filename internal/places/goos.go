package places

import "runtime"

const goos = runtime.GOOS

// Display is DisplayPath for this system.
func Display(uriPath string) string { return DisplayPath(uriPath, goos) }
