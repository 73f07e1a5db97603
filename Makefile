# The two commands of the README. Both install what is missing, then build.
BUILD ?= build
MESON ?= meson

.PHONY: all deps build run check bench clean

all: build

deps:
	@sh tools/install-deps.sh

$(BUILD)/build.ninja:
	$(MESON) setup $(BUILD)

build: deps $(BUILD)/build.ninja
	$(MESON) compile -C $(BUILD)

run: build
	GSETTINGS_SCHEMA_DIR=$(BUILD)/data ./$(BUILD)/src/nrem-desk

check: build
	@sh tools/run-tests.sh $(BUILD)

bench: build
	xvfb-run -a -s "-screen 0 1280x800x24" dbus-run-session -- sh tests/bench/run.sh $(BUILD)

clean:
	rm -rf $(BUILD)
