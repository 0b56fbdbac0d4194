# The negotiation pages: processes, the rolling text, provisions, proposals,
# versions and redlines.

neg-negotiations = Negotiations
neg-nothing-changed = Nothing was changed.

## The list of processes

neg-processes-lede = Each process is one negotiation: its text, the proposals to change it, and the versions it went through.
neg-processes-none = No process is open yet.
neg-col-process = Process
neg-col-version = Version
neg-col-open-proposals = Open proposals
neg-col-brackets = Brackets
neg-col-options = Options
neg-processes-outdated = ({ $count } outdated)
neg-open-heading = Open a process with its zero draft
# The hint around the Markdown samples (which stay as they are: the importer reads them).
neg-md-hint-start = Write the draft in Markdown:
neg-md-hint-then = then
neg-md-hint-recitals = with one recital per paragraph,
neg-md-hint-paragraphs = paragraphs numbered
neg-md-hint-points = and points
neg-md-hint-end = on their own lines. A malformed draft is refused with its line and the reason.
neg-open-title = Title
neg-open-zero-draft = Zero draft
neg-open-submit = Open the process

## Versions and redlines

neg-versions = Versions
neg-versions-lede = Every version can be read; any two can be compared word by word. The brackets and options of each earlier version are counted as they stood when the next version replaced it.
neg-redline-from = Redline from
neg-redline-to = to
neg-only-changed = only what changed
neg-compare = Compare
neg-col-made-by = Made by
neg-col-brackets-options = Brackets · options
neg-col-entry = Entry
neg-col-when = When
neg-col-links = Links
neg-counts-now = (now)
neg-counts-when-replaced = (when replaced)
neg-read = read
neg-redline = redline
neg-redline-in-word = redline in Word
neg-revision-heading = Issue a revision
neg-revision-named = Version { $version } is already named. Agree a change first.
neg-revision-name = Name of version { $version }
neg-revision-issue = Issue

## A provision

# $kind is the provision's kind: recital, chapter, article, paragraph or point.
neg-version = Version { $version }
neg-version-lower = version { $version }
# The name the first version is given.
neg-zero-draft-name = Zero draft
neg-provision-text = The text
neg-provision-select-hint = Select words in the text below to propose a change to them.
neg-provision-keyboard-hint = With the keyboard: Tab to the text, then the arrow keys move word by word and Shift with an arrow key selects.
neg-provision-with-proposals = With the open proposals
neg-chapter-num = Chapter { $num }
neg-article-num = Article { $num }
neg-chair-text-summary = Replace this bracket with a chair's text
neg-chair-text-label = Chair's text in place of the options
neg-chair-text-submit = Table the chair's text
neg-propose-heading = Propose a change for { $member }
neg-propose-change = The change
neg-propose-replace-words = Replace words
neg-propose-insert-words = Insert words
neg-propose-delete-words = Delete words
neg-propose-replace-provision = Replace the whole { $kind }
neg-propose-replace-heading = Replace the heading
neg-propose-insert-provision = Insert a new { $kind } next to this one
neg-propose-delete-provision = Delete this { $kind }
neg-propose-quote = The words, exactly as in the text
neg-which-occurrence = Which occurrence
neg-propose-occurrence-hint = (if the words occur more than once: 1, 2, ...)
neg-propose-where = Where
neg-propose-after = after
neg-propose-before = before
neg-propose-heading-label = Heading
neg-propose-heading-hint-article = (a new article)
neg-propose-heading-hint-either = (of a new article, or this { $kind }'s new heading)
neg-propose-text = The new words
neg-propose-text-hint = (a new article: its paragraphs, numbered 1., 2., ...)
neg-justification = Justification
neg-propose-submit = Table the proposal
neg-log-in = Log in
neg-log-in-to-propose = as a member's delegate to propose a change.
neg-only-members-table = Only the heads of delegation and delegates of members with status member table proposals; observers and advisers follow them here.
neg-proposals = Proposals
neg-no-proposal-here = No proposal concerns this { $kind }.
neg-col-proposal = Proposal
neg-col-change = Change
neg-col-behind = Behind it
neg-col-objecting = Objecting
neg-col-status = Status
neg-outdated = outdated
neg-who-wrote = Who wrote this
neg-the-decision = the decision
neg-entry = entry #{ $entry }
neg-history = History
neg-redline-from-zero = redline from the zero draft

## A proposal

neg-proposal-title = Proposal P-{ $id }
# Before the proposing member's code.
neg-proposal-by = by
neg-fact-kind = Kind
neg-fact-anchored = Anchored on
neg-as-amendment = as an amendment (Akoma Ntoso)
neg-fact-tabled = Tabled
# "Tabled: by <delegate> for <member>, entry #…"
neg-tabled-by = by
neg-tabled-for = for
neg-fact-cosponsors = Co-sponsors
neg-fact-support = Support
neg-fact-objections = Objections
neg-none = none
neg-fact-result = Result
neg-fact-decided = Decided
neg-agreed-informally = (agreed by the chair in informal consultations)
neg-fact-decisions = Decisions
neg-all-decisions = all decisions
neg-receipt = Download the receipt of the entry that tabled it
neg-act-heading = Act on it
neg-act-support = Support for { $member }
neg-act-object = Object for { $member }
neg-act-uncosponsor = Leave the co-sponsors
neg-act-cosponsor = Co-sponsor
neg-act-withdraw-confirm = Withdraw P-{ $id }? This is recorded and cannot be undone.
neg-act-withdraw = Withdraw
neg-act-provision-gone = The provision it concerned is no longer in the text: withdraw it and table a new proposal where the text now needs it.
neg-act-words-changed = The words it quoted have changed. Anchor it again on the latest version:
neg-act-reanchor-quote = The words, as they now stand
neg-act-reanchor = Re-anchor
neg-act-provision-changed = The provision's words have changed since this new wording was tabled. Read the provision as it now stands; if the new wording should still replace it, confirm it on the latest version:
neg-act-confirm = Confirm on the latest version
neg-only-members-act = Only the heads of delegation and delegates of members with status member support, object to or co-sponsor proposals; observers and advisers follow them here.
# The sentence is cut around two links: "… in a [meeting], or start a [silence procedure]."
neg-act-by-decision = Under this process's rules a proposal goes into the text, or out of it, only by a decision: propose it for adoption by consensus or put it to a vote in a
neg-act-meeting = meeting
neg-act-or-start = , or start a
neg-act-silence = silence procedure
neg-full-stop = .
# Punctuation between the parts of a line (the page puts them between links and names).
neg-comma = {", "}
neg-colon = {": "}
neg-act-agree-confirm = Agree P-{ $id } into the text? A new version is made.
neg-act-agree = Agree into the text (informal consultations)
neg-act-reject-confirm = Reject P-{ $id }?
neg-act-reject = Reject
neg-log-in-to-act = to support, object or co-sponsor.

## The rolling text

neg-clean-text-suffix = , clean text
neg-rolling-of-version = Rolling text of version { $version }
neg-proposals-of-suffix = , proposals of
neg-symbol-label = Document symbol:
neg-progress = Progress
neg-fig-brackets-replaced = Brackets when replaced
neg-fig-brackets-now = Brackets now
neg-fig-options-replaced = Options when replaced
neg-fig-options-now = Options now
neg-fig-open-proposals-of = Open proposals of
neg-views = Views
neg-view-all = Everything
neg-view-clean = Clean text
neg-view-versions = Versions and redlines
neg-view-decisions = Rules and decisions
neg-markdown-of-version = Markdown of version { $version }
neg-akn-of-version = Akoma Ntoso of version { $version }
neg-word-of-version = Word of version { $version }
neg-rolling-akn = Rolling text in Akoma Ntoso
neg-rolling-word-footnotes = Rolling text in Word (members in footnotes)
neg-rolling-word-inline = Rolling text in Word (members inline)
neg-compilation-word = Compilation of proposals in Word
neg-print = Print
neg-filter-member = Only the proposals of
neg-filter-every-member = every member
neg-filter-my-delegation = { $member } (my delegation)
neg-filter-show = Show
neg-outdated-banner = Outdated proposals (the text they quote has changed; their proposers re-anchor them):
neg-symbol = Document symbol
neg-symbol-none = The process has no document symbol yet.
neg-symbol-issued-as = The process is issued as
neg-symbol-revisions = Named revisions are issued as the symbol followed by /Rev.1, /Rev.2…
neg-symbol-set = Set the symbol
neg-text = Text
# "(new article proposed in P-4)": the proposal's link follows.
neg-new-article-in = new article proposed in
neg-new-in = new, proposed in
# The accessible name of a provision's link, e.g. "article 5, paragraph 2: proposals, …".
neg-provision-link = { $provision }: proposals, history and who wrote it
neg-provision-counts =
    { $brackets ->
        [one] { $brackets } bracket
       *[other] { $brackets } brackets
    }, { $options } options
neg-propose = propose
neg-redline-title = Redline { $from } → { $to }
neg-redline-heading = Redline from version { $from } to version { $to }
neg-redline-changed =
    { $count ->
        [one] { $count } provision changed
       *[other] { $count } provisions changed
    }
neg-redline-inserted = Inserted words
neg-redline-and = and
neg-redline-deleted = deleted words
neg-redline-marked = are marked.
neg-redline-word = Download as Word, with tracked changes to accept or reject
neg-from = From
neg-redline-new = (new)
neg-redline-deleted-provision = (deleted)

## Words the pages build: options, summaries, provenance, causes

neg-option-original = original
# $position is before or after; $text and $quote are the proposal's words.
neg-summary-insert-words =
    { $position ->
        [before] insert «{ $text }» before «{ $quote }»
       *[after] insert «{ $text }» after «{ $quote }»
    }
neg-summary-replace-words = replace «{ $quote }» by «{ $text }»
neg-summary-delete-words = delete «{ $quote }»
# $provision is a provision's label, as neg-label-… build it.
neg-summary-insert-provision =
    { $position ->
        [before] insert before { $provision }: «{ $text }»
       *[after] insert after { $provision }: «{ $text }»
    }
neg-summary-replace-provision = replace the provision by «{ $text }»
neg-summary-replace-heading = replace the heading of { $provision } by «{ $heading }»
neg-summary-delete-provision = delete { $provision }
neg-kind-replace-words = replace words
neg-kind-insert-words = insert words
neg-kind-delete-words = delete words
neg-kind-replace-provision = replace the provision
neg-kind-insert-provision = insert a provision
neg-kind-delete-provision = delete the provision
neg-kind-replace-heading = replace the heading
neg-status-tabled = tabled
neg-status-withdrawn = withdrawn
neg-status-merged = merged
neg-status-agreed = agreed
neg-status-rejected = rejected
# A provision's label, "article 5, paragraph 2, point (b)": its parts joined by neg-label-separator.
neg-label-recital = recital { $num }
neg-label-chapter = chapter { $num }
neg-label-article = article { $num }
neg-label-paragraph = paragraph { $num }
neg-label-point = point ({ $num })
neg-label-separator = {", "}
neg-origin-zero-draft = zero draft
neg-origin-chair-text = chair's text
neg-origin-by = P-{ $proposal } by { $member }
# $by is neg-origin-by; $method is consensus, silence or vote.
neg-origin-adopted = { $by }, adopted by decision { $decision } ({ $method })
neg-origin-agreed = { $by }, agreed by the chair in informal consultations
# Why a version was made.
neg-cause-zero-draft = zero draft
neg-cause-chair-text = chair's text
neg-cause-agreed = P-{ $proposal } agreed
neg-cause-confirmed = decision { $decision } confirmed
neg-cause-adopted =
    { $method ->
        [consensus] decision { $decision }: adopted by consensus
        [silence] decision { $decision }: adopted under silence procedure
       *[vote] decision { $decision }: adopted by vote
    }
neg-cause-not-adopted = decision { $decision }: not adopted by vote
# The start of a proposal's justification that cites a consultation's statement.
neg-cited-statement = Drawn from statement { $statement } of consultation { $consultation } (“{ $text }”, /consultations/{ $consultation }).

## A decision on a proposal, in a line:
## "Decision 2 on P-4 (process 1, on version 3), by vote: adopted — 12 yes, 3 no, 1 abstaining; 8 required (entry 40)"

neg-decision-instrument = the instrument
neg-decision-process = process { $process }
neg-decision-process-on-version = process { $process }, on version { $version }
neg-decision-process-adopted-version = process { $process }, version { $version } adopted
# $target is P-4, a provision's label or neg-decision-instrument; $process one of neg-decision-process….
neg-decision-subject = Decision { $id } on { $target } ({ $process })
neg-outcome-adopted = adopted
neg-outcome-not-adopted = not adopted
neg-outcome-agreed-ad-referendum = agreed ad referendum
neg-decision-tally = — { $yes } yes, { $no } no, { $abstain } abstaining
neg-decision-required = ; { $required } required
# $method is consensus, silence or vote; $outcome is neg-outcome-… and the tally.
neg-decision-line = { $subject }, by { $method }: { $outcome }
neg-decision-entry = { $line } (entry { $entry })
neg-papers = Conference room papers
neg-papers-lede = The secretariat issues the rolling text or the compilation of proposals as a conference room paper under a symbol of its own; the paper stays as it was issued, whatever changes after.
neg-papers-none = No conference room paper has been issued.
neg-paper-col-kind = Paper
neg-paper-current = (the text now)
neg-paper-kind-rolling_text = Rolling text
neg-paper-kind-compilation = Compilation of proposals
neg-paper-issue = Issue as a conference room paper (version { $version })
