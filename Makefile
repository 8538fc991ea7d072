# Sepakat. `make run` starts the desktop app; `make test` runs every check.
GO       ?= go
BIN      := bin
BUILD_PKGS := gcc pkg-config libgl1-mesa-dev xorg-dev
# postgresql: initdb and pg_ctl for the throwaway cluster the PostgreSQL
# backend's tests start (internal/pgstore/pgtest); without them they fail.
TEST_PKGS  := $(BUILD_PKGS) xvfb x11-utils xdotool imagemagick poppler-utils postgresql
PURE     := $(shell $(GO) list ./... 2>/dev/null | grep -v '/cmd/sepakat$$')

# The version lives in ONE place, FyneApp.toml; every build stamps it into
# internal/version through -ldflags -X.
APP_ID   := $(shell sed -n 's/^ *ID *= *"\(.*\)"/\1/p' FyneApp.toml)
VERSION  := $(shell sed -n 's/^ *Version *= *"\(.*\)"/\1/p' FyneApp.toml)
BUILDNUM := $(shell sed -n 's/^ *Build *= *\([0-9]*\).*/\1/p' FyneApp.toml)
LDFLAGS  := -X sepakat/internal/version.Version=$(VERSION) -X sepakat/internal/version.Build=$(BUILDNUM)

# Packaging (make release, make test-windows): Debian packages and the Go module proxy only.
DIST     := dist
STAGE    := $(DIST)/stage
WIN      := GOOS=windows GOARCH=amd64
MINGW    := CGO_ENABLED=1 $(WIN) CC=x86_64-w64-mingw32-gcc
NFPM     := github.com/goreleaser/nfpm/v2/cmd/nfpm@v2.45.2
RELEASE_PKGS := $(BUILD_PKGS) gcc-mingw-w64-x86-64 binutils-mingw-w64-x86-64 nsis wixl msitools xz-utils desktop-file-utils python3
WINE_PKGS    := $(RELEASE_PKGS) wine wine64 xvfb x11-utils xdotool imagemagick poppler-utils
MSI      := $(DIST)/Sepakat-$(VERSION)-x64.msi
SETUP    := $(DIST)/Sepakat-$(VERSION)-setup.exe
DEB      := $(DIST)/sepakat_$(VERSION)_amd64.deb
TARXZ    := $(DIST)/sepakat-$(VERSION)-linux-amd64.tar.xz

.PHONY: run build cli test vet unit smoke deps deps-test bench clean \
	release deps-release windows-exe msi setup deb tarxz linux-stage test-windows faults test-docx

run: deps build
	./$(BIN)/sepakat

build:
	$(GO) build -ldflags "$(LDFLAGS)" -o $(BIN)/sepakat ./cmd/sepakat

cli:
	CGO_ENABLED=0 $(GO) build -ldflags "$(LDFLAGS)" -o $(BIN)/sepakat-cli ./cmd/sepakat-cli

deps:
	@bash .ci/ensure-packages.sh $(BUILD_PKGS)

deps-test:
	@bash .ci/ensure-packages.sh $(TEST_PKGS)

test: deps-test vet unit smoke
	@echo "make test: all checks passed"

vet:
	@unformatted=$$(gofmt -l cmd internal resources bench); if [ -n "$$unformatted" ]; then echo "gofmt: $$unformatted"; exit 1; fi
	$(GO) vet ./...
	CGO_ENABLED=0 $(GO) build $(PURE)
	$(WIN) CGO_ENABLED=0 $(GO) vet $(PURE)
	$(WIN) CGO_ENABLED=0 $(GO) build -o /dev/null ./cmd/sepakat-cli

# The PostgreSQL share (internal/pgstore, internal/relevance, internal/cli)
# starts one throwaway cluster per package on a Unix socket (pgtest); pgtest
# fails, never skips, without the server programs.
unit:
	$(GO) test -race -count=1 ./...

smoke: cli build
	bash .ci/smoke-cli.sh ./$(BIN)/sepakat-cli
	bash .ci/smoke-desktop.sh ./$(BIN)

# The Word files, opened in LibreOffice headless (not part of make test: LibreOffice is large).
test-docx:
	@bash .ci/ensure-packages.sh libreoffice-writer-nogui poppler-utils
	$(GO) test -count=1 -tags libreoffice -run LibreOffice -v ./internal/docx/

bench: cli
	bash bench/store.sh

clean:
	rm -rf $(BIN) $(DIST)

# --- Packaging ---------------------------------------------------------------
# make release: Windows exes, MSI (per machine), setup exe (per user), .deb, .tar.xz
# and SHA256SUMS in dist/. The first mingw build of Fyne takes about 10 minutes.
release: deps-release
	rm -rf $(DIST)
	$(MAKE) --no-print-directory windows-exe msi setup deb tarxz
	rm -rf $(STAGE)
	cd $(DIST) && sha256sum *.exe *.msi *.deb *.tar.xz > SHA256SUMS
	@bash packaging/check-release.sh $(DIST) $(VERSION) $(BUILDNUM)
	@ls -l $(DIST)

deps-release:
	@bash .ci/ensure-packages.sh $(RELEASE_PKGS)

# Sepakat.exe: cgo through mingw, GUI subsystem (no console window), icon set,
# version information and manifest (DPI awareness PerMonitorV2, Windows 10+) from a
# .syso that windres compiles; sepakat-cli.exe: pure Go, a console program.
windows-exe:
	@mkdir -p $(DIST)
	bash packaging/windows/winres.sh $(APP_ID) Sepakat.exe "Sepakat - register perjanjian kerja sama" \
		$(VERSION) $(BUILDNUM) cmd/sepakat/rsrc_windows_amd64.syso
	bash packaging/windows/winres.sh $(APP_ID).cli sepakat-cli.exe "Sepakat - alat baris perintah" \
		$(VERSION) $(BUILDNUM) cmd/sepakat-cli/rsrc_windows_amd64.syso
	$(MINGW) $(GO) build -trimpath -ldflags "-H=windowsgui -s -w $(LDFLAGS)" -o $(DIST)/Sepakat.exe ./cmd/sepakat
	CGO_ENABLED=0 $(WIN) $(GO) build -trimpath -ldflags "-s -w $(LDFLAGS)" -o $(DIST)/sepakat-cli.exe ./cmd/sepakat-cli

# The MSI for IT staff (per machine, Program Files); wixl cannot write shortcut
# properties, so msibuild adds the app ID row (MsiShortcutProperty) afterwards.
msi:
	wixl -a x64 -D Version=$(VERSION) -D Dist=$(DIST) -o $(MSI) packaging/windows/sepakat.wxs
	sed 's/@APP_ID@/$(APP_ID)/' packaging/windows/MsiShortcutProperty.idt > $(DIST)/MsiShortcutProperty.idt
	cd $(DIST) && msibuild $(notdir $(MSI)) -i MsiShortcutProperty.idt && rm MsiShortcutProperty.idt

# The per-user setup (no admin rights), in Bahasa Indonesia.
setup:
	makensis -V2 -DVERSION=$(VERSION) -DBUILDNUM=$(BUILDNUM) -DAPP_ID=$(APP_ID) \
		-DDIST=$(CURDIR)/$(DIST) -DOUT=$(CURDIR)/$(SETUP) -DICON=$(CURDIR)/resources/icons/sepakat.ico \
		packaging/windows/sepakat.nsi

# Linux: one staged /usr tree for both the .deb and the .tar.xz.
linux-stage:
	rm -rf $(STAGE)/usr && mkdir -p $(STAGE)/usr/bin
	$(GO) build -trimpath -ldflags "-s -w $(LDFLAGS)" -o $(STAGE)/usr/bin/sepakat ./cmd/sepakat
	CGO_ENABLED=0 $(GO) build -trimpath -ldflags "-s -w $(LDFLAGS)" -o $(STAGE)/usr/bin/sepakat-cli ./cmd/sepakat-cli
	install -Dm644 packaging/linux/sepakat.desktop $(STAGE)/usr/share/applications/sepakat.desktop
	install -Dm644 packaging/linux/sepakat.metainfo.xml $(STAGE)/usr/share/metainfo/$(APP_ID).metainfo.xml
	cd resources/icons && for f in hicolor/*/apps/sepakat.png; do install -Dm644 $$f ../../$(STAGE)/usr/share/icons/$$f; done
	install -Dm644 resources/fonts/LICENSE-Liberation.txt $(STAGE)/usr/share/doc/sepakat/LICENSE-Liberation.txt
	install -Dm644 resources/wilayah/LICENSE.md $(STAGE)/usr/share/doc/sepakat/LICENSE-wilayah.md
	install -Dm644 resources/search/README-kata-dasar.md $(STAGE)/usr/share/doc/sepakat/README-kata-dasar.md
	install -Dm644 resources/search/LICENSE-kata-dasar-LGPL-3.txt $(STAGE)/usr/share/doc/sepakat/LICENSE-kata-dasar-LGPL-3.txt
	install -Dm644 resources/search/LICENSE-kata-dasar-GPL-3.txt $(STAGE)/usr/share/doc/sepakat/LICENSE-kata-dasar-GPL-3.txt
	install -Dm644 README.md $(STAGE)/usr/share/doc/sepakat/README.md

deb: linux-stage
	sed -e 's|@STAGE@|$(CURDIR)/$(STAGE)|g' -e 's|@VERSION@|$(VERSION)|g' packaging/linux/nfpm.yaml > $(STAGE)/nfpm.yaml
	$(GO) run $(NFPM) package -f $(STAGE)/nfpm.yaml -p deb -t $(DEB)

# The .tar.xz unpacks to sepakat-VERSION/{bin,share}: extract into ~/.local with
# --strip-components=1, or run bin/sepakat where it lies.
tarxz: linux-stage
	rm -rf $(STAGE)/sepakat-$(VERSION) && cp -a $(STAGE)/usr $(STAGE)/sepakat-$(VERSION)
	tar -C $(STAGE) --owner=0 --group=0 --sort=name -cJf $(TARXZ) sepakat-$(VERSION)

# Not part of make test: install the MSI and the setup under Wine in Xvfb, run the
# app and the CLI, uninstall, and check the data file is kept.
test-windows:
	@bash .ci/ensure-packages.sh $(WINE_PKGS)
	@[ -f $(MSI) ] && [ -f $(SETUP) ] || $(MAKE) --no-print-directory release
	bash .ci/test-windows.sh $(DIST) $(VERSION)

# The fault campaign: 200 kill -9 during writes and backups, 40 during
# restores, the damage matrix on the examples and a 2 000-agreement file, and
# 20 000 randomly damaged copies each probed in a child process (a runtime
# abort or a hang counts); prints the failure counts (all must be 0).
# FAULT_SEEDS=N probes N×200 random copies.
FAULT_SEEDS ?= 100
faults:
	$(GO) test -tags faults -run '^TestFaultCampaign$$' -count=1 -timeout 3h -v ./internal/store/
	SEPAKAT_DAMAGE_SEEDS=$(FAULT_SEEDS) $(GO) test -tags faults -run '^TestRandomDamageMany$$' -count=1 -timeout 3h -v ./internal/store/
	SEPAKAT_SEATS_SECONDS=60 $(GO) test -run '^(TestSeatsAtOnce|TestServerKilledAndRestarted)$$' -count=1 -timeout 30m -v ./internal/pgstore/
