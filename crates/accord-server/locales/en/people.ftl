# The pages of members and officers: the list, admission, a member's page
# (delegation, signing keys, accreditation, status), officers, password reset.

ppl-members-title = Members
ppl-members-heading = Members and observers
ppl-breadcrumb = Members
ppl-admit-heading = Admit a member or observer
ppl-kind = Kind
ppl-status = Status
ppl-code = Code
ppl-name = Name
ppl-role = Role
ppl-id = Id
ppl-email = E-mail
ppl-label = Label
ppl-actions = Actions
ppl-of = of
ppl-filter-all = All
ppl-filter-states = States
ppl-filter-organisations = Organisations
ppl-filter-members = Members
ppl-filter-observers = Observers
ppl-filter-q = Name or code
ppl-filter = Filter
ppl-shown = { $shown } of { $total } shown
ppl-tag-suspended = suspended
ppl-no-match = No member matches this filter.
ppl-nothing-changed = Nothing was changed.

# A member's kind, status and category.
ppl-kind-state = State
ppl-kind-organisation = Organisation
ppl-status-member = member
ppl-status-observer = observer
ppl-category-intergovernmental_organisation = Intergovernmental organisation
ppl-category-ngo = Non-governmental organisation
ppl-category-private_sector = Private sector
ppl-category-academia = Academia
ppl-category-technical_community = Technical community
ppl-category-individual = Individual

# A member's page.
ppl-suspended = Suspended
ppl-no-reason = no reason given
ppl-admitted-by = Admitted by
ppl-entry = entry #{ $index }
ppl-signatures = Signatures
ppl-sig-required = required
ppl-sig-required-since = on every action in its name, since
ppl-sig-required-keys =
    { $count ->
        [one] ({ $count } active signing key): the host cannot record an action for { $code } that its delegation did not sign
       *[other] ({ $count } active signing keys): the host cannot record an action for { $code } that its delegation did not sign
    }
ppl-sig-no-key = no signing key registered; actions are recorded unsigned
ppl-sig-optional =
    { $count ->
        [one] { $count } active signing key; unsigned actions are still accepted
       *[other] { $count } active signing keys; unsigned actions are still accepted
    }
ppl-delegation = Delegation
ppl-no-delegate = No delegate is accredited.
ppl-withdraw-confirm = Withdraw the accreditation of { $name }? This is recorded and cannot be undone.
ppl-withdraw = Withdraw accreditation
ppl-reset-confirm = Reset the password of { $name }? Their sessions end and their API tokens are revoked.
ppl-reset = Reset password
ppl-keys = Signing keys
ppl-keys-intro = { $code }'s delegation signs actions in its name with these Ed25519 keys, on its own machines or in its browsers; the host never holds them. Anyone replaying the record checks every signature.
ppl-no-key = No key is registered.
ppl-key = Key
ppl-registered = Registered
ppl-state = State
ppl-key-revoked-by = revoked by
ppl-key-active = active
ppl-key-revoke-confirm = Revoke key { $key }? Actions signed with it are refused from now on.
ppl-revoke = Revoke
ppl-key-named = key { $key }
ppl-key-public = Public key to register
ppl-key-public-before = (base64, 32 bytes: made in a browser on your
ppl-key-public-link = account page
ppl-key-public-after = , or by
ppl-key-label-example = e.g. head's laptop, browser
ppl-key-register = Register the key
ppl-require-confirm = Require { $code }'s signature on every action in its name, from now on? This is recorded and cannot be undone.
ppl-require-text = From this declaration on, every action in { $code }'s name must carry a signature by one of its keys, or it is refused. The declaration is itself signed: by a registered key held in this browser, or with
ppl-require = Require { $code }'s signature on every action
ppl-accredit-heading = Accredit a delegate
ppl-accredit-intro = The record shows the name and role; the e-mail address stays private.
ppl-already-accredited = (already accredited)
ppl-password = Password
ppl-password-optional = (optional; leave empty to get a one-time initial password)
ppl-accredit = Accredit
ppl-to-observer = Change to observer
ppl-to-member = Change to member
ppl-reinstate = End the suspension
ppl-suspend-reason = Reason for suspension (recorded publicly)
ppl-suspend = Suspend { $code }

# After an accreditation or appointment.
ppl-accredited = ({ $id }) is accredited. The entry is in the record.
ppl-give-details-before = Give these log-in details to
ppl-give-details-after = privately. The password is shown only now; it works once, to choose their own.
ppl-initial-password = Initial password
ppl-log-in-with-before = They log in with
ppl-log-in-with-after = and the password you set.

# Admission.
ppl-admit-title = Admit a member
ppl-code-hint = For a state, its ISO 3166-1 alpha-3 code (BRA, KEN, CHN). For an organisation, a short code of 2 to 16 letters, digits or hyphens (ICRC).
ppl-name-hint = (for a state, leave empty to use its ISO short name)
ppl-category = Category
ppl-category-hint = (organisations)
ppl-admit-member = Member (votes and takes part in consensus)
ppl-admit-observer = Observer (speaks when the chair allows; does not vote)
ppl-admit = Admit

# Officers.
ppl-officers-title = Officers
ppl-officers-heading = Officers of the forum
ppl-officers-lede = The secretariat runs the forum; the chair, vice-chairs and co-facilitators steer the negotiations.
ppl-end-appointment-confirm = End the appointment of { $name }? This is recorded and cannot be undone.
ppl-end-appointment = End appointment
ppl-appoint-heading = Appoint an officer
ppl-appoint = Appoint

# A password reset by the secretariat.
ppl-reset-title = Password reset
ppl-reset-before = The password of
ppl-reset-after = ({ $id }) is reset: their sessions have ended, their API tokens are revoked, and the delays from failed log-ins on their account are cleared. Give them this initial password privately; it is shown only now and works once, to choose their own.
ppl-back-home = Back to the home page
