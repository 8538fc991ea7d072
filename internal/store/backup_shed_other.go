//go:build !linux

package store

import bolt "go.etcd.io/bbolt"

// shedPages does nothing here: the system pages the mapping out under pressure.
func shedPages(*bolt.Tx, int64) (shed, stop func()) { return func() {}, func() {} }

// dropMapped: elsewhere the pages stay until the mapping goes.
func dropMapped(*bolt.DB) {}
