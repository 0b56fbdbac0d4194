# The frame of every page: header, navigation, language switcher, banners, footer.

skip-to-content = Skip to main content
nav-main = Main
nav-home = Home
nav-negotiations = Negotiations
nav-meetings = Meetings
nav-consultations = Consultations
nav-members = Members
nav-officers = Officers
nav-record = Record
log-out = Log out
log-in = Log in
language-switcher = Language
banner-initial-password = You are using an initial password.
banner-choose-password = Choose your own password to continue.
signing-required = { $member } requires its signature on every action in its name. This browser has no signing key of { $member }, or its JavaScript is off, so these pages cannot act for { $member }:
signing-create-key = create a key in this browser on your account page
signing-or-submit = (your head of delegation registers it), or sign with
footer-record-size =
    { $count ->
        [one] the record holds { $size } entry
       *[other] the record holds { $size } entries
    }
footer-read-it = read it

# Roles, by their stable codes.
role-head_of_delegation = Head of delegation
role-delegate = Delegate
role-adviser = Adviser
role-secretariat = Secretariat
role-chair = Chair
role-vice_chair = Vice-chair
role-co_facilitator = Co-facilitator
role-translator = Translator
language-unknown = "{ $lang }" is not a language of this interface: choose Arabic, Chinese, English, French, Russian or Spanish
