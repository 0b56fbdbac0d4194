# The record page, one entry's page, and what each entry did in words.

rec-title = Record
rec-heading = The record
rec-lede = Everything that changes this forum is an entry here, in order, and nothing else changes it. Entries are never edited or removed: what the forum shows is what replaying these entries from the first produces.
rec-empty = The record is empty.
rec-pages = Record pages
rec-first = First
rec-earlier = Earlier
rec-range = Entries { $first }–{ $last } of { $size }
rec-later = Later
rec-latest = Latest
rec-time-utc = Time (UTC)
rec-actor = Actor
rec-what = What happened
rec-as-json = The same entries as JSON:

# The latest checkpoint and the witnesses.
rec-checkpoint = The latest checkpoint
rec-log = Log
rec-covered = Entries covered
rec-root = Root hash
rec-cosigned-by = Cosigned by witnesses
rec-none-yet = none yet
rec-verifier-key = Verifier key
rec-witnesses = Witnesses
rec-witness = Witness
rec-last-answer = Last answer
rec-answer-about = Answer about checkpoint
rec-largest-cosigned = Largest cosigned
rec-when-utc = When (UTC)
rec-witness-cosigned = cosigned
rec-witness-refused = refused
rec-witness-unreachable = unreachable
rec-witness-pending = pending
rec-sending = (sending { $size })
rec-signed-checkpoint = The signed checkpoint, as served at
rec-no-checkpoint = No checkpoint is signed yet; one follows within a second of the first entry.

# How anyone can check the record.
rec-how = How anyone can check this record
rec-how-1-before = Every entry is hashed into a Merkle tree (RFC 6962). Every second, when the record has grown, the forum signs a
rec-how-1-term = checkpoint
rec-how-1-after = : the number of entries and the tree's root hash. A checkpoint commits the forum to every entry before it: changing, hiding or reordering any of them changes the root.
rec-how-2-before = Members and auditors run
rec-how-2-term = witnesses
rec-how-2-after = that keep the last checkpoint they saw and cosign a new one only if the log grew from it without changing its past. A forum that showed different records to different people would be caught by them.
rec-how-3-before = Anyone can fetch the whole record as static files under
rec-how-3-between = (the C2SP tlog-tiles format) and check it with
rec-how-3-key = verifier key above
rec-how-3-after = : it checks the signature and the witnesses, recomputes every hash, replays every entry under the rules, and compares the result with what the forum shows. Run it again later and it proves that the record only grew.
rec-how-4-before = Every action answers with a
rec-how-4-term = receipt
rec-how-4-between = (the entry, its proof and a signed checkpoint) that
rec-how-4-after = checks offline: the forum cannot later deny the action.

# One entry.
rec-entry = Entry { $index }
rec-time = Time
rec-kind = Kind
rec-summary = Summary
rec-proof = Proof
rec-leaf-hash = Leaf hash
rec-in-log = In the log
rec-covered-before = covered by the
rec-covered-link = signed checkpoint
rec-covered-size = of { $size } entries (shown on the
rec-covered-page = record page
rec-covered-page-after = )
rec-receipt-download = download the receipt
rec-receipt-check = (check it with
rec-receipt-key = , KEY being the log's verifier key on the
rec-receipt-home = home page
rec-receipt-end = )
rec-next-checkpoint = the next checkpoint will cover it (within a second)
rec-tree-size = Tree size
rec-inclusion = Inclusion proof
rec-inclusion-none = none needed: the entry is the whole tree
rec-inclusion-text = { $count } hashes, from the leaf up (RFC 9162 audit path): hashed with the leaf hash in order, they give the root hash above, which the checkpoint signs. The same proof as JSON:
rec-details = Details
rec-canonical = Canonical bytes
rec-canonical-before = These { $count } bytes (format
rec-canonical-after = ) are exactly what the record stores for this entry.
rec-neighbours = Neighbouring entries

# Who acted.
rec-actor-participant = A participant, recorded by the server under a pseudonym
rec-actor-system = Operator (console)

# What each entry did. Names, titles, reasons and labels are given as
# written; numbers of processes, proposals, meetings and so on as digits.
rec-sum-forum-established = Forum established: { $name }
rec-sum-forum-settings = Forum settings: { $name }, languages { $languages }
rec-sum-admitted-member = { $name } ({ $code }) admitted as member
rec-sum-admitted-observer = { $name } ({ $code }) admitted as observer
rec-sum-status-member = { $code } now has status member
rec-sum-status-observer = { $code } now has status observer
rec-sum-suspended = { $code } suspended
rec-sum-suspended-reason = { $code } suspended: { $reason }
rec-sum-reinstated = { $code } reinstated
# $delegate is the name and id ("Ana Silva (D7)"), $role in lower case.
rec-sum-accredited = { $delegate } accredited to { $member } as { $role }
rec-sum-appointed = { $name } ({ $delegate }) appointed { $role }
rec-sum-key-registered = { $member } registered a signing key ({ $key }, { $label })
rec-sum-key-revoked = { $member } revoked its signing key { $key }
rec-sum-signatures-required = { $member } requires its signature on every action in its name from now on
rec-sum-withdrawn = Accreditation of { $delegate } withdrawn
rec-sum-withdrawn-reason = Accreditation of { $delegate } withdrawn: { $reason }
rec-sum-process-opened = Process opened: { $title } (zero draft { $draft })
rec-sum-proposal-tabled = Proposal tabled in process { $process }: { $kind } on { $provision }
rec-sum-support = Support for P-{ $proposal } (process { $process })
rec-sum-objection = Objection to P-{ $proposal } (process { $process })
rec-sum-cosponsor = Co-sponsorship of P-{ $proposal } (process { $process })
rec-sum-uncosponsor = Co-sponsorship of P-{ $proposal } withdrawn (process { $process })
rec-sum-proposal-withdrawn = P-{ $proposal } withdrawn by its proposer (process { $process })
rec-sum-reanchored = P-{ $proposal } re-anchored on version { $version } (process { $process })
rec-sum-agreed = P-{ $proposal } agreed into the text (process { $process })
rec-sum-rejected = P-{ $proposal } rejected (process { $process })
rec-sum-chair-text = Chair's text on { $provision } in place of { $proposals } (process { $process })
rec-sum-revision = { $name } issued (process { $process })
rec-sum-symbol = Document symbol { $symbol } (process { $process })
rec-sum-rules-process = Rules of procedure of process { $process } changed
rec-sum-rules-forum = Rules of procedure of the forum changed
rec-sum-session-opened = Session opened: { $title }
rec-sum-meeting-scheduled = Meeting of session { $session } scheduled on { $date } at { $place }
rec-sum-present = Present at meeting { $meeting }
rec-sum-corrected-present = Attendance at meeting { $meeting } corrected: { $member } present
rec-sum-corrected-absent = Attendance at meeting { $meeting } corrected: { $member } absent
rec-sum-vote-opened = Vote opened on { $target } (process { $process })
rec-sum-ballot = Ballot in vote { $vote }
rec-sum-explanation = Explanation of vote { $vote }
rec-sum-vote-closed = Vote { $vote } closed
rec-sum-consensus-proposed = Adoption of { $target } proposed by consensus (process { $process })
rec-sum-consensus-objected = Objection to consensus { $consensus }
rec-sum-consensus-declared = Outcome of consensus { $consensus } declared
rec-sum-decision-confirmed = Decision { $decision } confirmed
rec-sum-silence-started = Silence procedure on { $target } (process { $process })
rec-sum-silence-broken = Silence broken (procedure { $silence })
rec-sum-silence-concluded = Silence procedure { $silence } concluded
rec-sum-agenda-item = Agenda of meeting { $meeting }: { $title }
rec-sum-floor-requested = Floor requested on item { $item } of meeting { $meeting }
rec-sum-floor-withdrawn = Request { $request } on item { $item } of meeting { $meeting } withdrawn
rec-sum-floor-given = Next speaker called on item { $item } of meeting { $meeting }
rec-sum-speaking-time = Speaking time on item { $item } of meeting { $meeting }: { $seconds } s
rec-sum-speaking-time-unlimited = Speaking time on item { $item } of meeting { $meeting } unlimited
rec-sum-statement-delivered = Statement for turn { $request } on item { $item } of meeting { $meeting }
rec-sum-meeting-opened = Meeting { $meeting } opened
rec-sum-meeting-closed = Meeting { $meeting } closed
rec-sum-important-question = { $target } (process { $process }) designated an important question
rec-sum-consultation-opened = Consultation opened: { $title }
rec-sum-statement-seeded = Statement added to consultation { $consultation }
rec-sum-participant-joined = Participant { $participant } ({ $category }) joined consultation { $consultation }
rec-sum-statement-submitted = Participant { $participant } wrote a statement in consultation { $consultation }
rec-sum-statement-accepted = Statement { $statement } of consultation { $consultation } accepted
rec-sum-statement-rejected = Statement { $statement } of consultation { $consultation } rejected
rec-sum-participant-voted = Participant { $participant } voted on statement { $statement } of consultation { $consultation }
rec-sum-consultation-closed = Consultation { $consultation } closed
rec-sum-analysis-published = Analysis of consultation { $consultation } at record size { $size } published (digest { $digest })

# What a decision is on, kinds of proposals, and the categories of a
# consultation's participants, as the summaries name them.
rec-target-instrument = the instrument
rec-proposal-replace_words = replace words
rec-proposal-insert_words = insert words
rec-proposal-delete_words = delete words
rec-proposal-replace_provision = replace the provision
rec-proposal-insert_provision = insert a provision
rec-proposal-delete_provision = delete the provision
rec-participant-delegation = delegation of a member
rec-participant-intergovernmental_organisation = intergovernmental organisation
rec-participant-ngo = non-governmental organisation
rec-participant-private_sector = private sector
rec-participant-academia = academia and research
rec-participant-technical_community = technical community
rec-participant-public = member of the public
rec-sum-translation = Translation of { $provision } into { $language } (process, version: { $where })
rec-sum-translation-proposal = Translation of P-{ $proposal } into { $language } (process, version: { $where })
