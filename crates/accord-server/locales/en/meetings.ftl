# Meetings and decisions: sessions, a meeting (attendance, agenda,
# speakers, votes, consensus, the chair's console), the summary record,
# and a process's rules and decisions.

meet-recorded = Recorded. The entry is in the record.
meet-nothing-changed = Nothing was changed.

## Sessions and meetings

meet-sessions-title = Sessions and meetings
meet-sessions = Sessions
meet-no-session = No session is open yet.
meet-no-meeting = No meeting is scheduled.
meet-col-meeting = Meeting
meet-date = Date
meet-place = Place
meet-col-present = Present
meet-col-links = Links
meet-meeting-number = Meeting { $number }
meet-summary-link = summary record
meet-schedule-meeting = Schedule a meeting
meet-open-session = Open a session
meet-session-title = Title
meet-session-title-example = Third substantive session
meet-open = Open

## A meeting

meet-summary-record = Summary record
meet-you-hold-the-console = you hold the chair's console
# $state is the word below, in bold.
meet-status-open = The meeting is { $state }.
meet-state-open = open
meet-status-closed = The meeting is { $state }.
meet-state-closed = closed
meet-status-scheduled = The meeting has not been opened yet: the chair opens it once the quorum to open is present.
meet-attendance = Attendance
meet-attendance-quorums = { $count } members with the right to vote are present; the quorum to open is { $to_open }, to decide { $to_decide }.
meet-no-one-registered = No one has registered yet.
meet-agenda = Agenda
meet-agenda-empty = The agenda is empty.
# $label is the item's number, $title its title.
meet-item-heading = Item { $label } — { $title }
meet-speaking-time = Speaking time: { $seconds } seconds.
meet-note-point-of-order = (point of order)
meet-note-right-of-reply = (right of reply)
meet-has-the-floor = has the floor
# $given is the time the floor was given.
meet-countdown = ({ $seconds } seconds from { $given })
# $clock is minutes:seconds, counted down by the page's script.
meet-countdown-left = ({ $clock } left)
meet-countdown-over = (over time by { $clock })
meet-floor-waiting = waiting
meet-floor-spoke = spoke
meet-floor-speaking = speaking
meet-floor-withdrawn = withdrawn
meet-statement-file = statement
meet-no-one-asked = No one has asked for the floor.
meet-votes-and-decisions = Votes and decisions
meet-vote-on = Vote { $id } on { $label }
meet-vote-state-open = ({ $majority }, open)
meet-vote-state-closed = ({ $majority }, closed)
meet-majority-simple = simple majority
meet-majority-two-thirds = two-thirds majority
meet-tally-yes = Yes { $count }
meet-tally-no = No { $count }
meet-tally-abstaining = Abstaining { $count }
meet-tally-voting = present and voting { $voting }, required { $required }
meet-adopted = adopted
meet-not-adopted = not adopted
# $choice is the delegation's vote (yes, no, abstain), in bold.
meet-your-vote = Your delegation voted { $choice }.
meet-your-vote-open = Your delegation voted { $choice } (you may change it until the chair closes the vote).
meet-choice-yes = yes
meet-choice-no = no
meet-choice-abstain = abstain
meet-consensus-on = Adoption of { $label } by consensus
meet-consensus-on-ad-referendum = Adoption of { $label } by consensus, ad referendum
meet-consensus-proposed = (proposed)
meet-no-objection = No objection.
# $member is a member's code.
meet-objects = { $member } objects
meet-objects-reason = { $member } objects: { $reason }
meet-no-decision-put = No decision has been put to this meeting.
meet-target-the-instrument = the instrument
# $target is a proposal (P-3), a provision or the instrument.
meet-target-in-process = { $target } (process { $process })

## A delegation's forms ($member is the member's code)

meet-for-member = For { $member }
meet-register-present = Register { $member } present
meet-leave-confirm = Record that { $member } has left the meeting? It no longer votes or objects here.
meet-leaves = { $member } leaves the meeting
meet-item-label = Item { $label }:
meet-request-the-floor = request the floor
meet-point-of-order = point of order
meet-right-of-reply = right of reply
meet-ask = Ask
meet-your-statement-on-item = Your statement on item { $label }
meet-attach-statement = Attach the statement
meet-withdraw-request = withdraw my request { $number } on item { $label }
meet-observer = { $member } takes part as an observer (or is suspended): it speaks when the chair gives it the floor, and neither votes nor objects to consensus.
meet-yes = Yes
meet-no = No
meet-abstain = Abstain
meet-vote-button = Vote
meet-object-reason-label = Object to the adoption of { $label }: reason
meet-object = Object

## The chair's console

meet-chairs-console = The chair's console
meet-the-secretariat = The secretariat
meet-closed-nothing-more = The meeting is closed: nothing more is recorded in it. Schedule another meeting of the session to continue.
meet-new-agenda-item = New agenda item
meet-as-sub-item-of = as a sub-item of
meet-item-option = item { $label }
meet-add = Add
meet-correct-attendance-member = Correct attendance: member
meet-present-note = (present)
meet-present-or-absent = present or absent
meet-present = present
meet-absent = absent
meet-correct = Correct
meet-open-the-meeting = Open the meeting
meet-close-meeting-confirm = Close meeting { $number }? Nothing more is decided in it.
meet-close-the-meeting = Close the meeting
meet-next-speaker = Next speaker on item { $label }
meet-waiting-count = ({ $count } waiting)
meet-speaking-time-label = Speaking time on item { $label } (seconds, empty for none)
meet-set = Set
meet-close-vote-confirm = Close vote { $id }? The tally decides.
meet-close-vote = Close vote { $id }
meet-declare-outcome = Declare the outcome on { $label }
meet-put-a-question = Put a question to the meeting
meet-process = Process
meet-on = On
meet-target-a-proposal = a proposal
meet-target-a-provision = a provision
meet-target-the-whole-instrument = the whole instrument
meet-question-target-id = Proposal number (P-17) or provision (its eId, e.g. chp_1__art_5__para_2, shown on the provision's page)
meet-majority-for-a-vote = Majority, for a vote
meet-majority-as-the-rules-say = as the rules say (two thirds for an important question)
meet-majority-option-simple = simple
meet-majority-option-two-thirds = two thirds
meet-consensus-ad-referendum = consensus ad referendum
meet-propose-consensus = Propose adoption by consensus
meet-open-recorded-vote = Open a recorded vote
meet-questions-once-open = Questions are put, and speakers called, once the meeting is open.

## The summary record

meet-summary-title = Summary record of meeting { $number }
meet-print = Print
meet-summary-quorum = { $count } members with the right to vote were present (quorum to decide: { $to_decide }).
meet-no-member-present = No member registered present.
# $opened and $closed are links "entry #12".
meet-summary-opened-and-closed = The chair opened the meeting ({ $opened }) and closed it ({ $closed }).
meet-summary-opened-still-open = The chair opened the meeting ({ $opened }); it is still open.
meet-summary-not-opened = The meeting has not been opened.
meet-entry-hash = entry #{ $number }
meet-no-one-spoke = No one spoke.
meet-no-text-attached = (no text attached)
meet-decisions = Decisions
meet-no-decision-was-taken = No decision was taken.
meet-decision-number = Decision { $id }
# $decision is "Decision 2" in bold, $method how it was taken.
meet-summary-decision = { $decision } ({ $method }) on { $target }
meet-summary-target-proposal = proposal { $id }
meet-summary-target-provision = provision { $id }
meet-summary-target-instrument = instrument
meet-version-adopted = , version { $version } adopted
meet-on-version = , on version { $version }
meet-outcome-adopted = adopted
meet-outcome-agreed-ad-referendum = agreed ad referendum
meet-outcome-not-adopted = not adopted
meet-method-consensus = consensus
meet-method-silence = silence
meet-method-vote = vote
meet-summary-tally-votes = { $yes } in favour, { $no } against, { $abstaining } abstaining
meet-summary-tally-required = { $voting } present and voting, { $required } required
meet-recorded-vote = Recorded vote
meet-col-member = Member
meet-col-vote = Vote
meet-objected = { $member } objected
meet-objected-reason = { $member } objected: { $reason }
meet-explanation-before = Explanation of vote before the vote by { $member }: { $text }
meet-explanation-after = Explanation of vote after the vote by { $member }: { $text }

## A process's rules and decisions

meet-rules-and-decisions = Rules and decisions
meet-rules-of-procedure = Rules of procedure
meet-rule-majority = Majority
meet-rule-important-majority = Majority for important questions
meet-rule-majority-simple = simple majority of members present and voting
meet-rule-majority-two-thirds = two thirds of members present and voting
meet-rule-abstentions = Abstentions
meet-rule-abstentions-not-counted = not counted as votes
meet-rule-abstentions-counted = counted as votes
meet-rule-meeting-quorum = Quorum to open a meeting
meet-rule-decision-quorum = Quorum to decide
# $share is a fraction (1/2), $needed how many members that is, of $members.
meet-rule-share = { $share } of the members ({ $needed } of { $members })
meet-rule-share-more-than = more than { $share } of the members ({ $needed } of { $members })
meet-rule-silence = Silence procedure
meet-rule-silence-hours = at least { $hours } hours
meet-rule-informal-agreement = Proposals agreed or rejected
meet-rule-informal-agreement-yes = by the chair in informal consultations, or by a decision
meet-rule-informal-agreement-no = only by a decision
meet-important-questions = Important questions
meet-no-important-question = No question has been designated important: votes take the ordinary majority.
meet-important-majority-applies = Votes on these questions, and on amendments to them, take the majority for important questions.
meet-entry = entry { $number }
meet-designate-as-important = Designate as important
meet-target-a-provision-and-contents = a provision (and what it contains)
meet-eid-or-proposal-number = eId or proposal number
meet-designate = Designate
meet-no-decision-taken = No decision has been taken.
meet-confirm-capitals-agreed = Confirm (capitals agreed)
# One line per decision: "Decision 2 on P-3 (process 1, on version 2), by vote: adopted — 5 yes, 1 no, 0 abstaining; 4 required (entry 40)".
meet-decision-where = { $target } (process { $process })
meet-decision-where-on-version = { $target } (process { $process }, on version { $version })
meet-decision-where-adopted = { $target } (process { $process }, version { $version } adopted)
meet-decision-head = Decision { $id } on { $where }, by { $method }
meet-decision-outcome = { $decision }: { $outcome }
meet-decision-tally = { $yes } yes, { $no } no, { $abstaining } abstaining
meet-decision-tally-required = { $votes }; { $required } required
meet-decision-line = { $decision } (entry { $entry })
meet-decision-line-tally = { $decision } — { $tally } (entry { $entry })
meet-silence-procedures = Silence procedures
meet-none = None.
meet-silence-line = Silence procedure { $id } on { $label }, deadline { $deadline }:
meet-silence-running = running
# $member is the member's code, $reason its reason.
meet-silence-broken-by = broken by { $member } ({ $reason })
meet-silence-concluded = concluded: adopted
meet-break-silence-reason = Break silence: reason
meet-break-silence = Break silence
meet-start-silence = Start a silence procedure
meet-silence-target-id = Proposal number (P-17) or provision eId
meet-hours-until-deadline = Hours until the deadline
meet-start = Start
# $meetings is a link whose text is the message below.
meet-taken-in-meetings = Votes and consensus are taken in { $meetings }.
meet-meetings-link = meetings

## The summary record in Markdown (beside the messages above)

meet-md-quorum = { $count } members with the right to vote present (quorum to decide: { $to_decide }).
# $file is the name of the file the statement was given in.
meet-md-statement-in = statement in { $file }
# No member voted so.
meet-md-none = none
