package main

import (
	"fyne.io/fyne/v2/app"
	"fyne.io/fyne/v2/widget"
	_ "github.com/jung-kurt/gofpdf"
	_ "go.etcd.io/bbolt"
)

func main() {
	a := app.NewWithID("id.sepakat.desktop")
	w := a.NewWindow("Sepakat")
	w.SetContent(widget.NewLabel("Sepakat"))
	w.ShowAndRun()
}
