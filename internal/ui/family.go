package ui

import (
	"context"
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

	// do runs UI work handed over from the reading goroutine (fyne.Do).
	do func(func())
	// reading is the read under way; a newer selection cancels it.
	reading kit.Latest
	// loaded, when set, is called on the UI goroutine after each read.
	loaded func(error)
}

func newFamily(svc service.Register, now func() time.Time, onOpen func(agreement.ID)) *Family {
	f := &Family{svc: svc, now: now, onOpen: onOpen, do: fyne.Do, nodes: map[agreement.ID]agreement.Summary{}, children: map[agreement.ID][]agreement.ID{}}
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

// show reads the family of id off the UI goroutine, then shows it; a newer
// selection cancels this read, whose result is then dropped.
func (f *Family) show(id agreement.ID) {
	svc := f.svc
	kit.ReadLatest(&f.reading, f.do, func(ctx context.Context) (familyTree, error) {
		return readFamily(ctx, svc, id)
	}, func(t familyTree, err error) {
		f.apply(id, t, err)
		if f.loaded != nil {
			f.loaded(err)
		}
	})
}

// familyTree is a family as read: its root, every member, each one's children.
type familyTree struct {
	root     agreement.ID
	nodes    map[agreement.ID]agreement.Summary
	children map[agreement.ID][]agreement.ID
}

// readFamily reads the family of id: up to its root, then every descendant.
// It stops when ctx is cancelled.
func readFamily(ctx context.Context, svc service.Register, id agreement.ID) (familyTree, error) {
	t := familyTree{nodes: map[agreement.ID]agreement.Summary{}, children: map[agreement.ID][]agreement.ID{}}
	root := id
	for range familyDepth {
		if err := ctx.Err(); err != nil {
			return t, err
		}
		sums, err := svc.Summaries([]agreement.ID{root})
		if err != nil {
			return t, err
		}
		t.nodes[root] = sums[0]
		if sums[0].ParentID == 0 {
			break
		}
		root = sums[0].ParentID
	}
	t.root = root
	var walk func(agreement.ID, int) error
	walk = func(id agreement.ID, depth int) error {
		if depth == familyDepth {
			return nil
		}
		if err := ctx.Err(); err != nil {
			return err
		}
		page, err := svc.List(service.Query{Order: service.ByParent, Parent: id, Limit: 200})
		if err != nil {
			return err
		}
		for _, c := range page.Items {
			t.nodes[c.ID] = c
			t.children[id] = append(t.children[id], c.ID)
			if err := walk(c.ID, depth+1); err != nil {
				return err
			}
		}
		return nil
	}
	return t, walk(root, 0)
}

// apply shows the family read for selected, or why it could not be read.
func (f *Family) apply(selected agreement.ID, t familyTree, err error) {
	if err != nil {
		f.root, f.nodes, f.children, f.selected = 0, map[agreement.ID]agreement.Summary{}, map[agreement.ID][]agreement.ID{}, 0
		f.title.SetText(lang.L("Keluarga perjanjian"))
		f.hint.SetText(kit.Failure(lang.L("Keluarga perjanjian tidak dapat dibaca:"), err))
		f.hint.Importance = widget.DangerImportance
		f.tree.Hide()
		f.hint.Show()
		f.hint.Refresh()
		return
	}
	f.root, f.nodes, f.children, f.selected = t.root, t.nodes, t.children, selected
	f.title.SetText(lang.L("Keluarga perjanjian ({{.Count}})", map[string]any{"Count": len(f.nodes)}))
	f.hint.Hide()
	f.tree.Show()
	f.tree.Refresh()
	f.tree.OpenAllBranches()
	f.tree.UnselectAll()
}
