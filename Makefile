# edgelint — build, test, run.
#   make          build ./edgelint
#   make run      install missing dependencies, build, run on every sample
#   make test     install missing dependencies, build, unit + end-to-end tests,
#                 then the same again under ASan+UBSan
#   make fuzz     libFuzzer harnesses (FUZZ_SECONDS each, default 60)
#   make lint     cppcheck and clang-tidy
#   make docs-examples  rewrite the example blocks of README*.md and docs/ from ./edgelint
#   make install PREFIX=/usr/local   (binary, rules data, facts template, man pages)

PREFIX  ?= /usr/local
BINDIR  ?= $(PREFIX)/bin
DATADIR ?= $(PREFIX)/share/edgelint
MANDIR  ?= $(PREFIX)/share/man
CC      ?= cc
FUZZ_SECONDS ?= 60

# Debian packages edgelint builds and tests with. Checked one by one; only the
# missing ones are installed.
PKGS      := libpcap libpcre2-8 yaml-0.1 cmocka jansson zlib libcrypto libpsl
RUN_PKGS  := libpcap libpcre2-8 yaml-0.1 jansson zlib libcrypto libpsl
PKG_DEB_libpcap    := libpcap-dev
PKG_DEB_libpcre2-8 := libpcre2-dev
PKG_DEB_yaml-0.1   := libyaml-dev
PKG_DEB_cmocka     := libcmocka-dev
PKG_DEB_jansson    := libjansson-dev
PKG_DEB_zlib       := zlib1g-dev
PKG_DEB_libcrypto  := libssl-dev
# libpsl: registrable domains by the Public Suffix List (look-alike hosts,
# EL404); publicsuffix is the list itself as the distribution keeps it.
PKG_DEB_libpsl     := libpsl-dev publicsuffix

PKGCONF  = $(shell pkg-config --cflags $(PKGS) 2>/dev/null)
PKGLIBS  = $(shell pkg-config --libs $(RUN_PKGS) 2>/dev/null)
TESTLIBS = $(shell pkg-config --libs cmocka 2>/dev/null)

WARN    := -Wall -Wextra -Werror -Wshadow -Wstrict-prototypes -Wformat=2 -Wvla
CFLAGS_COMMON = -std=c11 -D_POSIX_C_SOURCE=200809L $(WARN) -Isrc $(PKGCONF) \
	-DEDGELINT_RULES_DIR='"$(DATADIR)/rules"'
LIBS    = $(PKGLIBS) -lzxcvbn -lm

SRCS := $(wildcard src/*.c src/capture/*.c src/checks/*.c src/report/*.c parsers/*.c)
LIB_SRCS := $(filter-out src/main.c,$(SRCS))
UNIT_TESTS := $(basename $(notdir $(wildcard tests/unit/test_*.c)))

# Two builds side by side: release (-O2) and asan (ASan + UBSan).
REL_DIR  := build/release
ASAN_DIR := build/asan
REL_CFLAGS  := -O2 -g
# -DEL_SECRET_ORACLE: a secret that reaches a printed value aborts (the
# secret oracle, src/finding.c) in the ASan tests and the fuzz harnesses.
ASAN_CFLAGS := -O1 -g -fno-omit-frame-pointer -fsanitize=address,undefined \
	-fno-sanitize-recover=all -DEL_SECRET_ORACLE

.PHONY: all deps test-deps run test structure unit e2e test-release test-asan fuzz fuzz-build fuzz-replay lint \
	install uninstall clean validators bench bench-deps docs-examples browser

all: edgelint


# Keep object files make would treat as intermediate (tests, fuzzers).
.PRECIOUS: build/release/%.o build/asan/%.o build/fuzz/%.o

# ---- objects ---------------------------------------------------------------
$(REL_DIR)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_COMMON) $(REL_CFLAGS) $(CFLAGS) -MMD -MP -c $< -o $@

$(ASAN_DIR)/%.o: %.c
	@mkdir -p $(dir $@)
	$(CC) $(CFLAGS_COMMON) $(ASAN_CFLAGS) -MMD -MP -c $< -o $@

REL_LIB_OBJS  := $(LIB_SRCS:%.c=$(REL_DIR)/%.o)
ASAN_LIB_OBJS := $(LIB_SRCS:%.c=$(ASAN_DIR)/%.o)

edgelint: $(REL_LIB_OBJS) $(REL_DIR)/src/main.o
	$(CC) $(REL_CFLAGS) $(LDFLAGS) $^ $(LIBS) -o $@

$(ASAN_DIR)/edgelint: $(ASAN_LIB_OBJS) $(ASAN_DIR)/src/main.o
	$(CC) $(ASAN_CFLAGS) $(LDFLAGS) $^ $(LIBS) -o $@

$(REL_DIR)/tests/%: $(REL_DIR)/tests/unit/%.o $(REL_LIB_OBJS)
	$(CC) $(REL_CFLAGS) $^ $(LIBS) $(TESTLIBS) -o $@

$(ASAN_DIR)/tests/%: $(ASAN_DIR)/tests/unit/%.o $(ASAN_LIB_OBJS)
	$(CC) $(ASAN_CFLAGS) $^ $(LIBS) $(TESTLIBS) -o $@

-include $(shell find build -name '*.d' 2>/dev/null)

# ---- dependencies ------------------------------------------------------------
# Installs only what is missing, with apt-get (sudo when not root).
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
# $(call install_missing,WITH_TEST_TOOLS): checks every dependency and
# installs the missing ones in one apt-get run.
define install_missing
	@missing=""; \
	command -v pkg-config >/dev/null || missing="$$missing pkg-config"; \
	command -v $(CC) >/dev/null || missing="$$missing gcc"; \
	for p in $(PKGS); do \
	  pkg-config --exists $$p 2>/dev/null || case $$p in \
	    libpcap) missing="$$missing $(PKG_DEB_libpcap)";; \
	    libpcre2-8) missing="$$missing $(PKG_DEB_libpcre2-8)";; \
	    yaml-0.1) missing="$$missing $(PKG_DEB_yaml-0.1)";; \
	    cmocka) missing="$$missing $(PKG_DEB_cmocka)";; \
	    jansson) missing="$$missing $(PKG_DEB_jansson)";; \
	    zlib) missing="$$missing $(PKG_DEB_zlib)";; \
	    libcrypto) missing="$$missing $(PKG_DEB_libcrypto)";; \
	    libpsl) missing="$$missing $(PKG_DEB_libpsl)";; \
	  esac; \
	done; \
	[ -d /usr/share/publicsuffix ] || missing="$$missing publicsuffix"; \
	[ -f /usr/include/zxcvbn.h ] || missing="$$missing libzxcvbn-dev"; \
	[ -f /usr/share/john/password.lst ] || missing="$$missing john-data"; \
	if [ -n "$(1)" ]; then \
	  command -v jq >/dev/null || missing="$$missing jq"; \
	  command -v python3 >/dev/null || missing="$$missing python3"; \
	  command -v node >/dev/null || missing="$$missing nodejs"; \
	  command -v npm >/dev/null || missing="$$missing npm"; \
	  command -v clang >/dev/null || missing="$$missing clang"; \
	  ls /usr/lib/llvm-*/lib/clang/*/lib/linux/libclang_rt.fuzzer-x86_64.a >/dev/null 2>&1 || \
	    missing="$$missing libclang-rt-dev"; \
	  command -v script >/dev/null || missing="$$missing bsdutils"; \
	  command -v cppcheck >/dev/null || missing="$$missing cppcheck"; \
	  command -v clang-tidy >/dev/null || missing="$$missing clang-tidy"; \
	  command -v chromium >/dev/null || missing="$$missing chromium"; \
	  fc-list :lang=ja 2>/dev/null | grep -q . || missing="$$missing fonts-noto-cjk"; \
	fi; \
	if [ -n "$$missing" ]; then \
	  echo "deps: installing$$missing"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	else echo "deps: all present"; fi
endef

# What building and running need.
deps:
	$(call install_missing,)

# Plus what the tests need: jq, python3, Node.js/npm (validators), clang (fuzz replay),
# chromium and a Japanese font (the HTML report in a browser, its screenshots legible).
test-deps:
	$(call install_missing,test)

# The JSON Schema and SARIF validators (npm, pinned by package-lock.json).
validators: tests/tools/node_modules/.installed
tests/tools/node_modules/.installed: tests/tools/package.json tests/tools/package-lock.json
	cd tests/tools && npm ci --no-audit --no-fund --loglevel=error
	@touch $@

# ---- run ---------------------------------------------------------------------
run: deps
	@$(MAKE) --no-print-directory edgelint
	@echo "== ./edgelint on every file of samples/ (one run per file: OpenWrt files given"
	@echo "   together would be read as one router)"
	@worst=0; for f in $$(find samples -type f ! -name SOURCES.md ! -name ANSWERS.tsv | sort); do \
	  ./edgelint "$$f"; rc=$$?; [ $$rc -gt $$worst ] && worst=$$rc; \
	  [ $$rc -le 2 ] || exit $$rc; done; \
	echo "== one router given as three files:"; \
	./edgelint samples/openwrt/wireless-psk2-weak-and-ssid-key.uci \
	  samples/openwrt/firewall-wan-ssh-redirect.uci samples/openwrt/openwrt_release-21.02.3-eol.txt; \
	rc=$$?; [ $$rc -gt $$worst ] && worst=$$rc; \
	echo "(worst exit code $$worst: 0 no item failed, 1 an item failed, 2 an input could not be read)"; \
	[ $$worst -le 2 ]

# ---- tests -------------------------------------------------------------------
test: test-deps
	@$(MAKE) --no-print-directory structure
	@$(MAKE) --no-print-directory validators
	@$(MAKE) --no-print-directory test-release
	@$(MAKE) --no-print-directory test-asan
	@$(MAKE) --no-print-directory fuzz-replay
	@echo "== static analysis (cppcheck, clang-tidy)"
	@$(MAKE) --no-print-directory -s lint >build/lint.log 2>&1 || { cat build/lint.log; exit 1; }
	@echo "make test: all passed (structure, release, ASan+UBSan, fuzz seed replay, static analysis)"

# The layering rules (checks and reporters read the model only, no kind
# name compared outside parsers/, long files say why): a second.
structure:
	@echo "== structure (tests/structure/check.sh)"
	@bash tests/structure/check.sh

test-release: edgelint $(UNIT_TESTS:%=$(REL_DIR)/tests/%)
	@echo "== unit tests (release)"
	@set -e; for t in $(UNIT_TESTS); do EDGELINT_RULES=$(CURDIR)/rules $(REL_DIR)/tests/$$t; done
	@echo "== end-to-end tests (release)"
	@bash tests/e2e/run.sh ./edgelint
	@echo "== documentation tests (README, docs/: generated examples, headings, JSON fields)"
	@bash tests/docs/run.sh ./edgelint
	@$(MAKE) --no-print-directory browser

# The HTML report in headless Chromium (issue 20 §2): DOM against the intended
# TSVs, no console message, no request, PDF pages; screenshots in build/browser/.
browser: edgelint
	@echo "== browser tests (tests/browser/run.sh: headless chromium)"
	@bash tests/browser/run.sh ./edgelint

test-asan: $(ASAN_DIR)/edgelint $(UNIT_TESTS:%=$(ASAN_DIR)/tests/%)
	@echo "== unit tests (ASan+UBSan)"
	@set -e; for t in $(UNIT_TESTS); do \
	  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  EDGELINT_RULES=$(CURDIR)/rules $(ASAN_DIR)/tests/$$t; done
	@echo "== end-to-end tests (ASan+UBSan)"
	@ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
	  EDGELINT_RULES=$(CURDIR)/rules bash tests/e2e/run.sh $(ASAN_DIR)/edgelint

# Rewrites every example block of README.md, README.ja.md and docs/*.md from
# ./edgelint's output (tests/docs/examples.py); review the diff, then commit.
docs-examples: edgelint
	@python3 tests/docs/examples.py --update ./edgelint

# ---- benchmarks: figures, never pass/fail ------------------------------------
# Every script generates its inputs in a temporary directory, except
# tests/bench/pcap.sh, whose capture generator is not in this repository
# (BENCH_PCAP_GEN, default ../shared/bench/make-bench-pcap.sh): without it that
# part says what it needs and is skipped; the rest runs.
# The peers tests/bench/pcap.sh times next to edgelint (command:package);
# installed here when missing, never by make test.
BENCH_PEERS := tcpdump:tcpdump ndpiReader:libndpi-bin tshark:tshark dsniff:dsniff
bench-deps:
	@missing=""; for p in $(BENCH_PEERS); do \
	  command -v $${p%%:*} >/dev/null || missing="$$missing $${p#*:}"; done; \
	[ -x /usr/bin/time ] || missing="$$missing time"; \
	if [ -n "$$missing" ]; then \
	  echo "bench: installing$$missing"; \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	  $(SUDO) env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing; \
	fi

bench: edgelint bench-deps
	@bash tests/bench/facts.sh ./edgelint
	@bash tests/bench/yamaha.sh ./edgelint
	@bash tests/bench/asa.sh ./edgelint
	@bash tests/bench/fortigate.sh ./edgelint
	@bash tests/bench/home.sh ./edgelint
	@bash tests/bench/masking.sh ./edgelint
	@bash tests/bench/pcap.sh ./edgelint
	@bash tests/bench/hostile.sh ./edgelint
	@bash tests/bench/diff.sh ./edgelint
	@bash tests/bench/ix.sh ./edgelint

# ---- fuzzing -----------------------------------------------------------------
FUZZERS := $(basename $(notdir $(wildcard tests/fuzz/fuzz_*.c)))
FUZZ_DIR := build/fuzz
FUZZ_CFLAGS := -g -O1 -fsanitize=fuzzer-no-link,address,undefined \
	-fno-sanitize-recover=all -std=c11 -D_POSIX_C_SOURCE=200809L -Isrc $(PKGCONF) \
	-DEL_SECRET_ORACLE
$(FUZZ_DIR)/%.o: %.c
	@mkdir -p $(dir $@)
	clang $(FUZZ_CFLAGS) -MMD -MP -c $< -o $@
$(FUZZ_DIR)/fuzz_%: $(FUZZ_DIR)/tests/fuzz/fuzz_%.o $(LIB_SRCS:%.c=$(FUZZ_DIR)/%.o)
	clang -fsanitize=fuzzer,address,undefined -fno-sanitize-recover=all $^ $(LIBS) -o $@
fuzz-build: test-deps
	@$(MAKE) --no-print-directory $(FUZZERS:%=$(FUZZ_DIR)/%)
fuzz: fuzz-build
	@set -e; for f in $(FUZZERS); do \
	  mkdir -p $(FUZZ_DIR)/corpus-$$f; \
	  echo "== $$f for $(FUZZ_SECONDS)s (seeds: tests/fuzz/seeds/$$f)"; \
	  dict=""; for d in tests/fuzz/$$f.dict tests/fuzz/$${f#fuzz_}.dict; do \
	    [ -f $$d ] && { dict="-dict=$$d"; break; }; done; \
	  EDGELINT_RULES=$(CURDIR)/rules $(FUZZ_DIR)/$$f -max_total_time=$(FUZZ_SECONDS) \
	    -max_len=65536 $$dict $(FUZZ_DIR)/corpus-$$f tests/fuzz/seeds/$$f; done

# Every seed once through every harness (part of make test): the bugs the
# fuzzer found stay fixed.
fuzz-replay: fuzz-build
	@set -e; for f in $(FUZZERS); do \
	  echo "== $$f: replaying tests/fuzz/seeds/$$f"; \
	  if EDGELINT_RULES=$(CURDIR)/rules $(FUZZ_DIR)/$$f -runs=0 tests/fuzz/seeds/$$f \
	     >$(FUZZ_DIR)/$$f.replay.log 2>&1; then tail -1 $(FUZZ_DIR)/$$f.replay.log; \
	  else cat $(FUZZ_DIR)/$$f.replay.log; exit 1; fi; \
	done

# ---- static analysis ---------------------------------------------------------
lint:
	cppcheck --quiet --error-exitcode=1 --enable=warning,portability \
	  --suppress=missingIncludeSystem --inline-suppr -I src $(SRCS)
	clang-tidy --quiet $(SRCS) -- $(CFLAGS_COMMON)

# ---- install -----------------------------------------------------------------
install: edgelint
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(DATADIR)/rules/firmware
	install -m 0755 edgelint $(DESTDIR)$(BINDIR)/edgelint
	install -m 0644 rules/*.yaml rules/*.txt $(DESTDIR)$(DATADIR)/rules/
	install -m 0644 rules/firmware/*.yaml $(DESTDIR)$(DATADIR)/rules/firmware/
	install -m 0644 docs/router-facts-template.yaml $(DESTDIR)$(DATADIR)/
	install -d $(DESTDIR)$(MANDIR)/man1 $(DESTDIR)$(MANDIR)/ja/man1
	install -m 0644 edgelint.1 $(DESTDIR)$(MANDIR)/man1/edgelint.1
	install -m 0644 man/ja/edgelint.1 $(DESTDIR)$(MANDIR)/ja/man1/edgelint.1

uninstall:
	rm -f $(DESTDIR)$(BINDIR)/edgelint
	rm -f $(DESTDIR)$(MANDIR)/man1/edgelint.1 $(DESTDIR)$(MANDIR)/ja/man1/edgelint.1
	rm -rf $(DESTDIR)$(DATADIR)

clean:
	rm -rf build edgelint
