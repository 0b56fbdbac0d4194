# What the accord command prints for the people who run it.

cli-forum-created = Forum created in { $dir }. Log in as { $email }; start with: accord serve --data-dir { $dir }
cli-start-with = Start it with: accord serve --data-dir { $dir }
cli-demo-logins = Demonstration forum log-ins (also saved in demo-logins.txt in the data directory):
cli-wrote = Wrote { $file } ({ $type }, { $bytes } bytes).
cli-read-akn = Read { $file }: an Akoma Ntoso { $document }, { $title }.
cli-read-docx = Read { $file }: a Word document, { $title }.
cli-nothing-left-out = Nothing was left out.
cli-left-out = Left out ({ $count }):
cli-renamed = Identifiers renamed ({ $count }):
cli-now = { $from } is now { $to }
cli-nothing-renumbered = Nothing was renumbered.
cli-renumbered = Renumbered in the zero draft ({ $count }):
cli-process-opened = Process { $id } opened: { $title },
cli-process-draft = zero draft with { $articles } articles and { $provisions } provisions (entry { $entry }).
cli-appointed = { $email } is appointed { $role } as { $id }
cli-backup-written = Backup written to { $file }: { $entries } entries, { $bytes } bytes. It holds the log's signing key and the accounts: keep it as safe as the data directory.
cli-restored = Restored { $entries } entries into { $dir }. Start the forum with: accord serve --data-dir { $dir }
cli-migrated = Moved { $entries } entries into { $dir }; { $from } is left as it was. Start the forum with: accord serve --data-dir { $dir }
