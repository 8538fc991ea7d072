//go:build !probe

package main

func startProbe() {}
