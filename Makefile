# InitLab. `make report` and `make test` each work as the first command on a fresh machine:
# they install the system packages they need (apt-get, idempotent and quiet when present).

SWIFT        ?= swift
BUILD_FLAGS  ?=
APT_PACKAGES := pkg-config libcairo2-dev libfreetype-dev libssl-dev zlib1g-dev fonts-dejavu-core
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build release test report schema clean

INITLAB      := .build/release/initlab
EXPERIMENTS  := $(sort $(wildcard Experiments/*.json))

all: build

# Install missing Debian packages; silent when everything is already there.
deps:
	@missing=""; for p in $(APT_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	fi

build: deps
	$(SWIFT) build $(BUILD_FLAGS)

release: deps
	$(SWIFT) build -c release $(BUILD_FLAGS)

test: deps
	$(SWIFT) build --build-tests $(BUILD_FLAGS)
	$(SWIFT) test --skip-build $(BUILD_FLAGS)

# Build in release mode, run every experiment and write Reports/ (plus the JSON Schema for editors).
report: release
	$(INITLAB) schema --out Reports/experiment.schema.json
	$(INITLAB) run $(EXPERIMENTS) --out Reports

schema: release
	$(INITLAB) schema --out Reports/experiment.schema.json

clean:
	rm -rf .build
