# tests/bench/pcap-logins.jq — edgelint's JSON report (input) against the
# bench generator's answer file ($a[0]): planted logins found / missed per
# protocol (matched on client, server and packet), reports of nothing
# planted ("false"), and decoys reported (matched on client and server).
# Prints lines for tests/bench/pcap.sh.
($a[0]) as $ans
| (.inputs[0].traffic) as $t
| ([$t.credentials[], ($t.anonymous_logins // [])[]]
   | map({k: "\(.client) \(.server) \(.packet)", e: "\(.client) \(.server)", p: .protocol})) as $got
| ($got | map(.k) | INDEX(.)) as $gotk
| ($ans.cleartext_logins | map(. + {k: "\(.client) \(.server) \(.pkt)"})) as $want
| ($want | map(.k) | INDEX(.)) as $wantk
| (($ans.not_cleartext // []) | map("\(.client) \(.server)") | INDEX(.)) as $decoy
| ($got | map(select($wantk[.k] | not))) as $false
| "       logins vs answer file (found/planted, missed):",
  ($want | group_by(.protocol)[]
   | "         \(.[0].protocol | . + " " * (20 - length)) \(map(select($gotk[.k])) | length)/\(length), missed \(map(select($gotk[.k] | not)) | length)"),
  "         all                  \($want | map(select($gotk[.k])) | length)/\($want | length), missed \($want | map(select($gotk[.k] | not)) | length); false \($false | length) (decoys reported \($false | map(select($decoy[.e])) | length) of \(($ans.not_cleartext // []) | length))"
