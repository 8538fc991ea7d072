// Package layers holds only a test: the direction of flow of DESIGN.md,
// checked on the source (which package may import which).
package layers
