package ui

import (
	"fmt"
	"strconv"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/lang"
	"fyne.io/fyne/v2/widget"

	"sepakat/internal/agreement"
	"sepakat/internal/service"
	"sepakat/internal/ui/kit"
)

// familyDepth bounds how far up and down a family is followed.
const familyDepth = 8

// Family shows the selected agreement's family as a tree: the Kesepakatan
// Bersama at its root, its PKS, Adendum and Perpanjangan below. Tapping a node
// opens that agreement.
type Family struct {
	svc    service.Register
	now    func() time.Time
	onOpen func(agreement.ID)

	tree     *widget.Tree
	title    *widget.Label
	hint     *widget.Label
	content  fyne.CanvasObject
	root     agreement.ID
	nodes    map[agreement.ID]agreement.Summary
	children map[agreement.ID][]agreement.ID
	selected agreement.ID
}

func newFamily(svc service.Register, now func() time.Time, onOpen func(agreement.ID)) *Family {
	f := &Family{svc: svc, now: now, onOpen: onOpen, nodes: map[agreement.ID]agreement.Summary{}, children: map[agreement.ID][]agreement.ID{}}
	f.title = widget.NewLabelWithStyle(lang.L("Keluarga perjanjian"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	f.tree = widget.NewTree(f.childUIDs, f.isBranch, func(bool) fyne.CanvasObject {
		return kit.NewFitLabel("")
	}, f.update)
	f.tree.OnSelected = func(uid widget.TreeNodeID) {
		if id := idOf(uid); id != 0 && id != f.selected && f.onOpen != nil {
			f.onOpen(id)
		}
	}
	f.hint = widget.NewLabel(lang.L("Pilih perjanjian untuk melihat induk dan turunannya (PKS, Adendum, Perpanjangan)."))
	f.hint.Importance = widget.LowImportance
	f.content = container.NewBorder(f.title, nil, nil, nil, container.NewStack(f.hint, f.tree))
	f.tree.Hide()
	return f
}

func idOf(uid widget.TreeNodeID) agreement.ID {
	n, _ := strconv.ParseUint(uid, 10, 64)
	return agreement.ID(n)
}

func uidOf(id agreement.ID) widget.TreeNodeID { return strconv.FormatUint(uint64(id), 10) }

func (f *Family) childUIDs(uid widget.TreeNodeID) []widget.TreeNodeID {
	if uid == "" {
		if f.root == 0 {
			return nil
		}
		return []widget.TreeNodeID{uidOf(f.root)}
	}
	var out []widget.TreeNodeID
	for _, c := range f.children[idOf(uid)] {
		out = append(out, uidOf(c))
	}
	return out
}

func (f *Family) isBranch(uid widget.TreeNodeID) bool {
	return uid == "" || len(f.children[idOf(uid)]) > 0
}

func (f *Family) update(uid widget.TreeNodeID, _ bool, o fyne.CanvasObject) {
	s, ok := f.nodes[idOf(uid)]
	if !ok {
		return
	}
	number := s.OwnNumber
	if number == "" {
		number = lang.L("(belum bernomor)")
	}
	l := o.(*kit.FitLabel)
	l.SetText(fmt.Sprintf("%s %s · %s · %s", s.Kind, number, s.Subject, lang.L(s.Phase(f.now(), agreement.DefaultSoonDays).Label())))
	l.SetBold(s.ID == f.selected)
}

// show loads the family of id: up to its root, then every descendant.
func (f *Family) show(id agreement.ID) error {
	f.nodes, f.children, f.selected = map[agreement.ID]agreement.Summary{}, map[agreement.ID][]agreement.ID{}, id
	root := id
	for range familyDepth {
		sums, err := f.svc.Summaries([]agreement.ID{root})
		if err != nil {
			return err
		}
		f.nodes[root] = sums[0]
		if sums[0].ParentID == 0 {
			break
		}
		root = sums[0].ParentID
	}
	f.root = root
	var walk func(agreement.ID, int) error
	walk = func(id agreement.ID, depth int) error {
		if depth == familyDepth {
			return nil
		}
		page, err := f.svc.List(service.Query{Order: service.ByParent, Parent: id, Limit: 200})
		if err != nil {
			return err
		}
		for _, c := range page.Items {
			f.nodes[c.ID] = c
			f.children[id] = append(f.children[id], c.ID)
			if err := walk(c.ID, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(root, 0); err != nil {
		return err
	}
	f.title.SetText(lang.L("Keluarga perjanjian ({{.Count}})", map[string]any{"Count": len(f.nodes)}))
	f.hint.Hide()
	f.tree.Show()
	f.tree.Refresh()
	f.tree.OpenAllBranches()
	f.tree.UnselectAll()
	return nil
}
