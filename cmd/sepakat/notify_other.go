//go:build !windows

package main

// notifier is nil: Fyne's notifications (D-Bus on Linux) serve.
func notifier() func(title, body string) { return nil }
