# Sepakat. `make run` starts the desktop app; `make test` runs every check.
GO       ?= go
BIN      := bin
BUILD_PKGS := gcc pkg-config libgl1-mesa-dev xorg-dev
TEST_PKGS  := $(BUILD_PKGS) xvfb x11-utils xdotool imagemagick poppler-utils
PURE     := $(shell $(GO) list ./... 2>/dev/null | grep -v '/cmd/sepakat$$')

.PHONY: run build cli test vet unit smoke deps deps-test bench clean

run: deps build
	./$(BIN)/sepakat

build:
	$(GO) build -o $(BIN)/sepakat ./cmd/sepakat

cli:
	CGO_ENABLED=0 $(GO) build -o $(BIN)/sepakat-cli ./cmd/sepakat-cli

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
	GOOS=windows GOARCH=amd64 CGO_ENABLED=0 $(GO) vet ./internal/...

unit:
	$(GO) test -race -count=1 ./...

smoke: cli build
	bash .ci/smoke-cli.sh ./$(BIN)/sepakat-cli
	bash .ci/smoke-desktop.sh ./$(BIN)

bench: cli
	bash bench/store.sh

clean:
	rm -rf $(BIN) dist

# The fault campaign: 200 kill -9 during writes and the damage matrix on the
# examples and a 2 000-agreement file; prints the failure counts (all must be 0).
faults:
	$(GO) test -tags faults -run '^TestFaultCampaign$$' -count=1 -timeout 3h -v ./internal/store/
