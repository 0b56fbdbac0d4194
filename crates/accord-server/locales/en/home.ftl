# The home page, the notices shown after a successful form (on any page),
# and the error page.

home-title = Home
home-lede = Established { $date }. Official languages: { $languages }.
# Between the names of the official languages.
home-list-separator = {", "}
home-language-ar = العربية (Arabic)
home-language-zh = 中文 (Chinese)
home-language-en = English
home-language-fr = Français (French)
home-language-ru = Русский (Russian)
home-language-es = Español (Spanish)
home-glance = At a glance
home-members = Members
home-observers = Observers
home-states = States
home-organisations = Organisations
home-delegates = Accredited delegates
home-entries = Entries in the record
home-secretariat = Secretariat
home-admit = Admit a member or observer
home-appoint = Appoint an officer
home-accredit = Accredit a delegate (open the member's page)
home-officers = Officers
home-no-officers = No officers appointed.
home-latest = Latest entries in the record
home-whole-record = The whole record
home-whole-record-after = — every change to this forum is an entry there, and nothing else changes it.
home-log-before = The record is a signed transparency log that anyone can check (
home-log-how = how
home-log-after = ). Its verifier key:

# Notices after a successful form, by the code in the page's address.
home-notice-admitted = The member was admitted. The entry is in the record.
home-notice-status = The status was changed. The entry is in the record.
home-notice-suspended = The member was suspended. The entry is in the record.
home-notice-reinstated = The suspension was ended. The entry is in the record.
home-notice-withdrawn = The accreditation was withdrawn. The entry is in the record.
home-notice-password = Your password was changed. Your other browsers are logged out.
home-notice-password_tokens = Your password was changed. Your other browsers are logged out and your API tokens are revoked.
home-notice-revoked = The token was revoked.
home-notice-logged_in = You are logged in.
home-notice-logged_out = You are logged out.
home-notice-choose_password = Choose your own password to continue: the one you received works only once.
home-notice-opened = The process is open with its zero draft. The entry is in the record.
home-notice-tabled = Your proposal is tabled. The entry is in the record.
home-notice-support = Your support is recorded.
home-notice-objection = Your objection is recorded.
home-notice-cosponsor = Your co-sponsorship is recorded.
home-notice-uncosponsor = Your co-sponsorship is withdrawn.
home-notice-withdraw = The proposal is withdrawn.
home-notice-agree = The proposal is agreed into the text: a new version is made.
home-notice-reject = The proposal is rejected.
home-notice-reanchor = The proposal is anchored on the latest version.
home-notice-chair_text = The chair's text replaces the bracket: a new version is made.
home-notice-revision = The revision is issued.
home-notice-symbol = The document symbol is set. The entry is in the record.
home-notice-key_registered = The signing key is registered. The entry is in the record.
home-notice-key_revoked = The signing key is revoked. The entry is in the record.
home-notice-signatures_required = From now on every action in the member's name must be signed. The entry is in the record.

# The error page: its title by the kind of error, and the words around the
# error's message and code.
home-error-not-found = Not found
home-error-forbidden = Not allowed
home-error-unauthorized = Please log in
home-error-too-many = Too many attempts
home-error-server = Something went wrong
home-error-refused = This cannot be done
home-error-code = Error code:
home-error-code-after = .
home-error-nothing-changed = Nothing was changed.
home-back = Back to the home page
home-notice-paper = The conference room paper is issued. The entry is in the record.
