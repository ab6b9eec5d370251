#!/bin/sh
# validate-sarif.sh — validate SARIF files the way GitHub code scanning needs them.
#
#   tests/tools/validate-sarif.sh [--notes] FILE...
#
# Setup once: (cd tests/tools && npm ci)   — tests/tools/node_modules is not committed.
#
# For every FILE two checks run; any message from either makes the FILE fail:
#   1. Microsoft SARIF Multitool 5.7.0:
#        Sarif.Multitool validate FILE -o REPORT --rule-kind Gh Sarif --level Error Warning [Note]
#      ("Gh" = the GitHub code scanning rules GHxxxx, "Sarif" = the spec rules SARIFxxxx;
#      JSONxxxx schema errors are always on.) The FILE fails when REPORT holds a result of level
#      error or warning. The Multitool's own exit status is 0 even then, so REPORT is read.
#   2. JSON Schema: node validate-json.js against the sarif-2.1.0.json (draft 2020-12) shipped
#      in the Multitool package. Needed because ONE invalid enum value (e.g. result
#      "level": "high") makes the Multitool silently skip the whole file: zero messages and
#      "Analysis completed successfully" (tested with 5.7.0).
# Exit status: 0 every FILE clean; 1 some FILE has messages; 2 the tools cannot run or a FILE
# cannot be read.
#
# Why 5.x and not 4.x: @microsoft/sarif-multitool 4.6.5 (the last 4.x) aborts on every
# "validate" with "Unhandled exception. System.ArgumentException: The value cannot be an empty
# string. (Parameter 'path')" (Tool.CreateFromAssemblyData). The binary is called directly,
# not through npx: npx hands the arguments to /bin/sh again (";" and spaces in them split)
# and prints npm config warnings.
#
# ---------------------------------------------------------------------------------------
# WHAT THE MULTITOOL DEMANDS (5.7.0, --rule-kind Gh Sarif, found by deleting every property of
# fixtures/good.sarif one at a time and by trying variants; fixtures/good.sarif gives ZERO
# errors and warnings). Messages at level error/warning when a property is missing or wrong:
#   log:    "$schema" ............ missing -> GH1013 (error) + SARIF2008 (warning). Use
#                                  "https://json.schemastore.org/sarif-2.1.0.json" (the OASIS
#                                  URL passes too).
#           "version": "2.1.0" ... missing -> JSON1002.   "runs" missing -> JSON1002.
#   driver: "name" ............... JSON1002.  Keep it one short word: a 4-word name gives
#                                  SARIF2005 ProvideConciseToolName (warning).
#           "version" ............ missing -> SARIF2005 ProvideToolVersion (warning); must start
#                                  with a digit ("v0.1.0" -> SARIF2005 UseNumericToolVersions;
#                                  "0.1.0-dev+g12ab" is fine).
#           "informationUri" ..... missing -> SARIF2005 ProvideToolnformationUri (warning).
#           "rules" [] ........... missing -> GH1018 (error); and results' ruleIndex then points
#                                  nowhere -> SARIF1009.
#   rule:   "id" (JSON1002), "shortDescription.text", "fullDescription.text", "help.text"
#           (GH2012 MissingShortDescription / MissingFullDescription / MissingHelp, errors).
#           NOT checked: name, help.markdown, helpUri, defaultConfiguration, properties (tags,
#           precision, security-severity — GitHub uses them, the Multitool does not look).
#   run:    "results" [] ......... missing -> GH1014 (error); an empty array is fine.
#   result: "ruleId" ............. missing -> SARIF1010 (error). ruleIndex, if given, must be
#                                  < rules.length (SARIF1009); a ruleId/ruleIndex mismatch is
#                                  NOT detected, so get it right yourself.
#           "message.text" ....... missing -> GH1015/GH1017/GH2012 (errors). message.id +
#                                  arguments without text is rejected by GitHub.
#           "locations" .......... missing or [] -> GH1015/GH1017/GH2012 (errors).
#           physicalLocation.artifactLocation.uri missing -> GH1017 (error).
#           physicalLocation.region missing -> SARIF2017 (warning): ALWAYS give a region, even
#                                  for a finding about the whole input (startLine 1) and for
#                                  captures (startLine 1; name the packet in the message).
#           region.startLine ..... must be >= 1: 0 -> JSON1008 + SARIF1007 (errors) + SARIF2017.
#                                  endLine < startLine -> SARIF1007.
#           "partialFingerprints.primaryLocationLineHash": NOT checked by the Multitool, but
#                                  GitHub's REST upload needs it (no dedup without it).
#           "level": must be none|note|warning|error — anything else silences the Multitool
#                                  (see check 2 above).
#   URIs:   relative, "/"-separated, percent-encoded: "samples/my router.conf" or raw
#           non-ASCII "設定.conf" -> SARIF1002 (error: write "my%20router.conf",
#           "%E8%A8%AD%E5%AE%9A.conf"); "/abs/path" -> SARIF1004 (error); "samples\x.conf" ->
#           SARIF1002. "file:///abs" passes validation but GitHub needs a checkout path
#           (GH1006) — emit paths relative to the current directory. "./x", "../x" and "-" pass.
#   Unknown properties anywhere outside "properties" bags -> JSON1005 (error).
# Optional things that add NO message (tested): invocations [{executionSuccessful, ...,
#   toolExecutionNotifications}], automationDetails {id: "edgelint/NAME/"}, columnKind,
#   semanticVersion, originalUriBaseIds + uriBaseId, region start/endColumn, region.snippet,
#   contextRegion, result.suppressions [{kind: "external", justification}] (for excepted
#   findings), result.kind "pass", level "none", duplicate results, empty results [].
#   Do NOT emit run.artifacts with artifactLocation.index pointing at location-only artifacts
#   -> SARIF2004 EliminateLocationOnlyArtifacts (warning).
#   No message either for a message without a final period (SARIF2001 did not fire).
#
# NOTES (level note, shown with --notes, never failing): zero notes is impossible for a file
# GitHub accepts, so they do not count. On fixtures/good.sarif the Multitool notes:
#   SARIF2002 use message.id+arguments instead of text (contradicts GH1015: GitHub needs text),
#   SARIF2003 provide run.versionControlProvenance (edgelint cannot know the repository),
#   SARIF2006 "$schema URI not reachable" (depends on network access during the test),
#   SARIF2010 provide region.snippet, SARIF2011 provide physicalLocation.contextRegion,
#   SARIF2012 provide rule helpUri; rule name not a PascalCase identifier (kebab names are ours),
#   plus SARIF2013 when run.artifacts lacks contents, SARIF2009 for lowercase rule ids.
# ---------------------------------------------------------------------------------------
set -u

here=$(cd "$(dirname "$0")" && pwd)

show_notes=0
if [ "${1-}" = "--notes" ]; then show_notes=1; shift; fi
if [ $# -eq 0 ] || [ "${1-}" = "-h" ] || [ "${1-}" = "--help" ]; then
    echo "usage: validate-sarif.sh [--notes] FILE..." >&2
    exit 2
fi

command -v node >/dev/null 2>&1 || { echo "validate-sarif: node is not installed" >&2; exit 2; }

# The platform package (sarif-multitool-linux, -darwin, -win32) holds the binary.
mt=
for d in "$here"/node_modules/@microsoft/sarif-multitool-*; do
    if [ -f "$d/Sarif.Multitool" ]; then mt=$d/Sarif.Multitool; break; fi
done
if [ -z "$mt" ]; then
    echo "validate-sarif: Sarif.Multitool not found under $here/node_modules; run: (cd $here && npm ci)" >&2
    exit 2
fi
# npm skips the package's postinstall "chmod u+x Sarif.Multitool" (install-script policy).
if [ ! -x "$mt" ]; then
    chmod u+x "$mt" || { echo "validate-sarif: cannot make $mt executable" >&2; exit 2; }
fi
sarif_schema=$(dirname "$mt")/sarif-2.1.0.json
if [ ! -f "$sarif_schema" ]; then
    echo "validate-sarif: $sarif_schema missing" >&2
    exit 2
fi

tmp=$(mktemp -d "${TMPDIR:-/tmp}/validate-sarif.XXXXXX") || exit 2
trap 'rm -rf "$tmp"' EXIT
trap 'exit 2' HUP INT TERM

# Prints the report's results as "FILE: LEVEL RULE Name: message"; notes only with SHOW_NOTES=1.
# Exit 0 clean, 1 errors/warnings, 2 the report is unusable or the tool reported a failure.
# shellcheck disable=SC2016 # JavaScript source: ${...} is for node, not the shell
read_report='
const fs = require("fs");
const [reportFile, file] = process.argv.slice(1);
const showNotes = process.env.SHOW_NOTES === "1";
let log;
try { log = JSON.parse(fs.readFileSync(reportFile, "utf8")); }
catch (e) { console.error(`${file}: cannot read the Multitool report: ${e.message}`); process.exit(2); }
let bad = 0, broken = 0;
for (const run of log.runs || []) {
  const rules = (run.tool && run.tool.driver && run.tool.driver.rules) || [];
  for (const inv of run.invocations || []) {
    for (const n of [...(inv.toolExecutionNotifications || []), ...(inv.toolConfigurationNotifications || [])]) {
      console.log(`${file}: tool ${n.level || "warning"}: ${(n.message && n.message.text) || JSON.stringify(n.message)}`);
      if ((n.level || "warning") === "error") broken = 1;
    }
    if (inv.executionSuccessful === false) { console.log(`${file}: the Multitool reports executionSuccessful=false`); broken = 1; }
  }
  for (const r of run.results || []) {
    const level = r.level || "warning";
    if (level === "note" || level === "none") { if (!showNotes) continue; } else bad = 1;
    const rule = (typeof r.ruleIndex === "number" && rules[r.ruleIndex]) || rules.find(x => x.id === r.ruleId) || {};
    const m = r.message || {};
    let text = m.text;
    if (text === undefined) {
      const tpl = rule.messageStrings && rule.messageStrings[m.id] && rule.messageStrings[m.id].text;
      const args = m.arguments || [];
      text = tpl ? tpl.replace(/\{(\d+)\}/g, (_, i) => args[i] !== undefined ? args[i] : `{${i}}`)
                 : `${m.id || ""} ${JSON.stringify(args)}`;
      text = text.replace(/\{\{/g, "{").replace(/\}\}/g, "}");   // .NET format escapes
    }
    const pl = r.locations && r.locations[0] && r.locations[0].physicalLocation;
    const reg = pl && pl.region;
    const where = reg && reg.startLine ? `:${reg.startLine}${reg.startColumn ? ":" + reg.startColumn : ""}` : "";
    const tag = level === "note" ? "note (not counted)" : level;
    console.log(`${file}${where}: ${tag} ${r.ruleId}${rule.name ? " " + rule.name : ""}: ${text}`);
  }
}
process.exit(broken ? 2 : bad);
'

levels="Error Warning"
[ "$show_notes" -eq 1 ] && levels="Error Warning Note"

status=0
i=0
for f in "$@"; do
    i=$((i + 1))
    if [ ! -f "$f" ] || [ ! -r "$f" ]; then
        echo "validate-sarif: $f: cannot read" >&2
        status=2
        continue
    fi
    report=$tmp/report-$i.sarif
    # shellcheck disable=SC2086 # $levels is a list of words on purpose
    "$mt" validate "$f" -o "$report" --rule-kind Gh Sarif --level $levels >"$tmp/out-$i" 2>&1
    rc=$?
    if [ ! -s "$report" ]; then
        echo "validate-sarif: $f: the Multitool wrote no report (exit $rc):" >&2
        sed 's/^/  /' "$tmp/out-$i" >&2
        status=2
        continue
    fi
    SHOW_NOTES=$show_notes node -e "$read_report" "$report" "$f"
    r1=$?
    node "$here/validate-json.js" "$sarif_schema" "$f" >"$tmp/schema-$i" 2>&1
    r2=$?
    # "FILE: ok" from the schema pass is noise; keep its error lines.
    grep -v ': ok$' "$tmp/schema-$i" | sed 's/^/schema: /'
    if [ "$r1" -eq 2 ] || [ "$r2" -eq 2 ]; then
        status=2
    elif [ "$r1" -ne 0 ] || [ "$r2" -ne 0 ]; then
        [ "$status" -eq 0 ] && status=1
    else
        echo "$f: ok"
    fi
done
exit "$status"
