# The log-in page and the account page: signing key, password, API tokens.

acct-log-in = Log in
acct-email = E-mail
acct-password = Password
acct-log-in-help = Delegates receive their log-in details from the secretariat. Lost your password? Ask the secretariat to reset it.

acct-title = Your account
acct-nothing-changed = Nothing was changed.
acct-name = Name
acct-id = Id in the record
acct-role = Role
acct-email-private = E-mail (private)

# The signing key in this browser. $required and $head are "yes" or "no":
# whether the member requires its signature, whether the reader is its
# head of delegation.
acct-key-heading = Signing key in this browser
acct-key-intro =
    { $required ->
        [yes] { $member } may require its signature on every action in its name, and does.
       *[no] { $member } may require its signature on every action in its name.
    } A key made here signs the actions you take for { $member } on these pages: it cannot be read out of this browser, not even by this site; the server sees only its public key, which { $head ->
        [yes] you register
       *[no] your head of delegation registers
    } as one of { $member }'s keys.
acct-key-script-before = Making a key in the browser needs JavaScript. Without it, make a key with
acct-key-script-between = and sign each action with
acct-key-none = This browser holds no key of { $member }.
acct-key-create = Create a signing key in this browser
acct-key-public = Public key to register for { $member }
acct-label = Label
acct-key-label-example = e.g. head's laptop, browser
acct-key-register = Register the key for { $member }
acct-key-give-before = Give the public key to your head of delegation, who registers it on
acct-key-give-link = { $member }'s page
acct-key-give-after = .

# The password.
acct-pw-heading = Change your password
acct-pw-current = Current password
acct-pw-new = New password
acct-pw-new-hint = (at least 12 characters; a short sentence works well)
acct-pw-confirm = New password, again
acct-pw-logs-out = Changing it logs out your other browsers.
acct-pw-revoke-tokens = Also revoke all my API tokens (tools that use them will need a new one)
acct-pw-change = Change password

# API tokens.
acct-tokens-heading = API tokens
acct-tokens-before = A token lets your delegation's own tools act for you through the
acct-tokens-link = JSON API
acct-tokens-after = . It is shown once and stored only as a hash.
acct-token-new = Your new token — copy it now, it will not be shown again:
acct-created = Created
acct-expires = Expires
acct-state = State
acct-token-revoked = revoked { $time }
acct-revoke = Revoke
acct-token-label-example = e.g. delegation tracker
acct-token-issue = Issue a token
