#!/usr/bin/env python3
"""Drives a running demonstration forum (`accord serve --demo`) through the API
and `accord submit` so that its record holds every kind of entry.

Usage: make.py BASE_URL DATA_DIR ACCORD_BINARY

BASE_URL is where the forum serves (http://127.0.0.1:18431), DATA_DIR its data
directory (for demo-logins.txt), ACCORD_BINARY the `accord` that serves it (for
`keygen` and `submit`). Prints each step; stops at the first refusal.
"""

import datetime
import json
import os
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

BASE, DATA, ACCORD = sys.argv[1].rstrip("/"), sys.argv[2], sys.argv[3]


def call(method, path, token=None, body=None, ok=(200, 201)):
    data = None if body is None else json.dumps(body).encode()
    req = urllib.request.Request(BASE + path, data=data, method=method)
    if token:
        req.add_header("Authorization", "Bearer " + token)
    if data is not None:
        req.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(req) as res:
            status, raw = res.status, res.read()
    except urllib.error.HTTPError as e:
        status, raw = e.code, e.read()
    answer = json.loads(raw) if raw else None
    print(f"{method} {path} -> {status}", flush=True)
    if status not in ok:
        sys.exit(f"refused: {method} {path} {body!r}: {status} {answer}")
    return answer


def logins():
    out = {}
    with open(os.path.join(DATA, "demo-logins.txt")) as f:
        for line in f:
            parts = line.split()
            if len(parts) >= 2 and "@" in parts[-2]:
                out[parts[-2].split("@")[0]] = (parts[-2], parts[-1])
    return out


ACCOUNTS = logins()


def token(who):
    email, password = ACCOUNTS[who]
    return call("POST", "/api/v1/auth/token", body={"email": email, "password": password})["token"]


sec, chair = token("secretariat"), token("chair")
bra, ken, fra, usa, chn = (token(w) for w in ("head.bra", "head.ken", "head.fra", "head.usa", "head.chn"))

# The forum, its members and accreditations.
forum = call("GET", "/api/v1/forum")
call("PATCH", "/api/v1/forum", sec, {"name": forum["name"] + " — record of edition 3"})
call("POST", "/api/v1/members", sec, {"code": "CYBERLAB", "kind": "organisation", "name": "Cyber Research Lab",
                                     "category": "academia", "status": "observer"})
call("POST", "/api/v1/members/CYBERLAB/status", sec, {"status": "member"})
call("POST", "/api/v1/members/CYBERLAB/suspension", sec, {"reason": "Credentials not yet received."})
call("DELETE", "/api/v1/members/CYBERLAB/suspension", sec)
adviser = call(
    "POST",
    "/api/v1/members/KEN/delegates",
    sec,
    {"name": "Adviser of Kenya", "email": "adviser.ken@demo.accord.example", "role": "adviser"},
)
call("POST", f"/api/v1/delegates/{adviser['id']}/withdraw", sec, {"reason": "Left the delegation."})

# The negotiation: co-sponsorship withdrawn, a proposal re-anchored on a
# changed text, a chair's text over competing options, an important question.
P = "/api/v1/processes/1"
proposals = call("GET", f"{P}/proposals")
open_ones = [p for p in proposals if p["status"] == "tabled" and not p["outdated"]]
target = open_ones[0]["id"]
call("POST", f"{P}/proposals/{target}/cosponsors", bra)
call("DELETE", f"{P}/proposals/{target}/cosponsors", bra)

text = call("GET", f"{P}/text")


def provisions(node):
    if isinstance(node, dict):
        if isinstance(node.get("eid"), str) and isinstance(node.get("text"), str):
            yield node
        for v in node.values():
            yield from provisions(v)
    elif isinstance(node, list):
        for v in node:
            yield from provisions(v)


busy = {p["eid"] for p in proposals if p["status"] == "tabled"}
free = [n for n in provisions(text) if n["eid"] not in busy and len(n["text"].split()) > 6]
para = free[0]
words = para["text"].split()
first = call(
    "POST",
    f"{P}/proposals",
    bra,
    {
        "kind": "replace_words",
        "eid": para["eid"],
        "anchor": {"quote": words[-1]},
        "text": words[-1].rstrip(".;") + " in all circumstances.",
        "justification": "Clarity.",
    },
)
second = call(
    "POST",
    f"{P}/proposals",
    ken,
    {"kind": "replace_words", "eid": para["eid"], "anchor": {"quote": words[0]}, "text": "Further, " + words[0].lower(),
     "justification": "Flow."},
)
call("POST", f"{P}/proposals/{second['proposal']['id']}/agree", chair)
call("POST", f"{P}/proposals/{first['proposal']['id']}/reanchor", bra, {"anchor": {"quote": words[-1]}})

busy_para = [p for p in open_ones if p["eid"] == "chp_2__art_4__para_3" and p["status"] == "tabled"]
call(
    "POST",
    f"{P}/chair-texts",
    chair,
    {"eid": "chp_2__art_4__para_3", "proposals": [p["id"] for p in busy_para[:2]],
     "text": "States should cooperate to prevent harmful ICT practices, in line with the chair's compromise."},
)
call("POST", f"{P}/important-questions", chair, {"target": {"kind": "provision", "id": free[1]["eid"]}})
call("POST", f"{P}/revisions", chair, {"name": "Rev.2"}, ok=(200, 201))

# Rules: the process's silence procedures may be short, so that one
# concludes while this runs.
rules = call("GET", f"{P}/rules")
rules["silence_min_hours"] = 0
call("PUT", f"{P}/rules", sec, rules)

# The meeting: speaking time, a request for the floor withdrawn, an
# attendance corrected, a consensus agreed ad referendum and confirmed.
M = "/api/v1/meetings/1"
call("PUT", f"{M}/agenda/3/speaking-time", chair, {"seconds": 180})
item = call("POST", f"{M}/agenda/3/speakers", chn, {"kind": "statement"})
request = [r for r in item["requests"] if r["member"] == "CHN"][-1]
call("DELETE", f"{M}/agenda/3/speakers/{request['number']}", chn)
call("DELETE", f"{M}/attendance", usa)
call("POST", f"{M}/attendance", usa, ok=(200, 201))
proposals = call("GET", f"{P}/proposals")
open_ones = [p for p in proposals if p["status"] == "tabled" and not p["outdated"]]
consensus = call(
    "POST", f"{P}/consensus", chair, {"target": {"kind": "proposal", "id": open_ones[-1]["id"]}, "meeting": 1,
                                      "ad_referendum": True}
)
declared = call("POST", f"/api/v1/consensus/{consensus['id']}/declare", chair)
decision = declared["id"]
call("POST", f"/api/v1/decisions/{decision}/confirm", chair)

# Silence procedures: one broken, one concluded by Accord at its deadline.
broken = call("POST", f"{P}/silence", chair, {"target": {"kind": "proposal", "id": open_ones[-2]["id"]}, "hours": 24})
call("POST", f"/api/v1/silence/{broken['id']}/break", ken, {"reason": "We need to consult our capital."})
deadline = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(seconds=3)).strftime("%Y-%m-%dT%H:%M:%SZ")
quiet = call("POST", f"{P}/silence", chair, {"target": {"kind": "proposal", "id": open_ones[-3]["id"]},
                                             "deadline": deadline})
for _ in range(60):
    time.sleep(1)
    if call("GET", f"/api/v1/silence/{quiet['id']}").get("decision") is not None:
        break
else:
    sys.exit("the silence procedure was not concluded at its deadline")

call("POST", f"{M}/close", chair)

# Members' own keys: FRA registers two, revokes one, requires signatures and
# supports a proposal signed.
with tempfile.TemporaryDirectory() as keys:
    public = []
    for name in ("fra-1.key", "fra-2.key"):
        out = subprocess.run([ACCORD, "keygen", "--out", os.path.join(keys, name)], check=True, capture_output=True,
                             text=True).stdout
        public.append(out.split()[-1])
    registered = [call("POST", "/api/v1/members/FRA/keys", fra, {"public_key": k, "label": f"laptop {i}"})
                  for i, k in enumerate(public, 1)]
    key_id = registered[1]["key"]
    call("DELETE", f"/api/v1/members/FRA/keys/{key_id}", fra)
    for kind, payload in [("member.signatures_required", {"member": "FRA"}),
                          ("proposal.supported", {"process": 1, "proposal": open_ones[-4]["id"]})]:
        subprocess.run([ACCORD, "submit", "--url", BASE, "--token", fra, "--key", os.path.join(keys, "fra-1.key"),
                        "--kind", kind, "--payload", json.dumps(payload)], check=True)
        print(f"accord submit {kind}", flush=True)

print("done", flush=True)
