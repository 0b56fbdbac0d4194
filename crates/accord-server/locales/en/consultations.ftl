# Consultations: the list, a consultation (taking part, the results, the
# statements, the secretariat's forms), moderation and the opinion map.

cons-nothing-changed = Nothing was changed.

## The list

cons-title = Consultations
cons-intro = Anyone may take part in an open consultation: delegations, organisations and members of the public vote agree, disagree or pass on short statements, and add their own. Participants appear in the record under a pseudonym, never by name.
cons-none-open = No consultation is open yet.
cons-col-consultation = Consultation
cons-col-status = Status
cons-col-participants = Participants
cons-col-statements = Statements
cons-col-on = On
cons-status-open = open
cons-status-closed = closed
cons-process-lower = process { $id }
cons-open-a-consultation = Open a consultation
cons-field-title = Title
cons-field-question = Question put to participants
cons-field-process = On the text of
cons-no-process = no process
# Followed by the process's title.
cons-process-number = Process { $id }
cons-field-provisions = Provisions (eIds, separated by commas; empty: the whole text)
cons-open = Open

## Notices after an act

cons-notice-opened = The consultation is open. Seed it with statements below.
cons-notice-joined = You have joined. Vote on the statements one at a time.
cons-notice-key = This browser now uses your participant key.
cons-notice-voted = Your vote is recorded.
cons-notice-written = Your statement is recorded; it is shown once the secretariat accepts it.
cons-notice-seeded = The statement is added.
cons-notice-closed = The consultation is closed.
cons-notice-published = The analysis is published in the record.

## A consultation

cons-consultation-number = Consultation { $id }
cons-participants-count = { $count } participants
# $process is the process's title, linked.
cons-on-process = on { $process }
cons-take-part = Take part
cons-this-is-closed = This consultation is closed.
cons-officers-do-not-take-part = The forum's officers run consultations and do not take part in them.
# $participant is the participant's pseudonym (a code).
cons-you-take-part-as = You take part as participant { $participant }.
cons-next-statement = Statement { $id } ({ $remaining } left):
cons-agree = Agree
cons-disagree = Disagree
cons-pass-unsure = Pass / unsure
cons-voted-on-every-statement = You have voted on every statement shown. Come back later for new ones, or add your own.
cons-add-a-statement = Add a statement (one short point others can agree or disagree with)
cons-submit-for-moderation = Submit for moderation
cons-your-participant-key = Your participant key (to take part from another device)
cons-keep-key-private = Keep this key private: whoever has it votes as you.
cons-you-take-part-as-delegation = You take part as a delegation; the record shows a pseudonym, never your name.
cons-join = Join this consultation
cons-i-take-part-as = I take part as
cons-no-name-asked = No name or address is asked for: the record shows a pseudonym and the category you choose. This browser keeps a key that lets you vote; delegates log in instead.
cons-i-have-a-key = I already have a participant key
cons-participant-key = Participant key
cons-use-this-key = Use this key in this browser
cons-category-delegation = delegation of a member
cons-category-intergovernmental-organisation = intergovernmental organisation
cons-category-ngo = non-governmental organisation
cons-category-private-sector = private sector
cons-category-academia = academia and research
cons-category-technical-community = technical community
cons-category-public = member of the public

## The results

cons-what-participants-think = What participants think
cons-computed-at = Computed at record size { $size }
cons-participants-counted = { $count } participants counted
# $digest is the start of the analysis's SHA-256.
cons-digest = digest { $digest }
cons-analysis-as-json = the analysis as JSON
cons-map-alt = Opinion map: { $count } participants counted in { $groups } opinion groups, described in the tables below
cons-group-heading = Group { $number } ({ $size } participants)
cons-nothing-sets-group-apart = No statement sets this group apart yet.
cons-sets-group-apart-caption = Statements that set group { $number } apart
cons-col-statement = Statement
cons-col-the-group = The group
cons-col-share = Share
cons-group-agrees = agrees
cons-group-disagrees = disagrees
cons-common-ground = Common ground across groups
cons-no-common-ground = No statement has most of every group behind it yet.
cons-col-group-informed-consensus = Group-informed consensus
cons-bridging-statements = Bridging statements
cons-no-bridging = No statement bridges the groups yet.
cons-col-bridging-score = Bridging score

## The statements

cons-statements-heading = Statements ({ $count })
cons-no-statement-yet = No statement yet.
cons-col-agree = Agree
cons-col-disagree = Disagree
cons-col-pass = Pass
cons-from-proposal = from P-{ $proposal }
cons-propose-citing = Propose a change citing statement
# Between the statement and the provision: "citing statement 3 on article 5".
cons-cite-on = on
cons-go-to-provision = Go to the provision
cons-published-analyses = Analyses published in the record
# $command is the command's name.
cons-anyone-recomputes = Anyone recomputes them from the record with { $command }.
# $entry is a link "Entry 40", $digest the analysis's SHA-256.
cons-published-line = { $entry }: at record size { $size }, digest { $digest }
cons-entry = Entry { $number }

## The secretariat

cons-secretariat = Secretariat
cons-moderate-statements = Moderate statements
cons-waiting-count = ({ $count } waiting)
cons-seed-a-statement = Add a statement (shown at once)
cons-drawn-from-proposal = Drawn from proposal (optional, e.g. P-3)
cons-add-the-statement = Add the statement
cons-publish-analysis = Publish this analysis in the record
cons-close-confirm = Close this consultation? No one can write or vote in it afterwards.
cons-close-the-consultation = Close the consultation

## Moderation

cons-moderation = Moderation
cons-waiting-heading = Waiting ({ $count })
cons-none-waiting = No statement is waiting.
cons-statement-number = Statement { $id }
cons-accept-statement = Accept statement { $id }
cons-reject-statement = Reject statement { $id }
cons-decided = Decided
cons-col-text = Text
cons-col-change = Change
cons-seed-note = (seed)
cons-moderation-pending = pending
cons-moderation-accepted = accepted
cons-moderation-rejected = rejected
cons-text-not-on-this-server = (the text, whose SHA-256 is { $sha256 }, is not on this server)

## The opinion map (SVG)

cons-map-title = Opinion map of consultation { $id }
cons-map-no-groups-desc = No opinion groups yet: too few votes.
cons-map-no-groups = No opinion groups yet: more votes are needed
# $sizes lists the groups (cons-map-group-size), joined by the separator.
cons-map-desc = { $count } participants counted in { $groups } opinion groups: { $sizes }.
cons-map-group-size = group { $number } of { $size }
cons-map-list-separator = {", "}
cons-map-group-label = Group { $number } ({ $size })
