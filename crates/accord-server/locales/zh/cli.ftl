# accord 命令为使用者打印的内容。

cli-forum-created = 论坛已在 { $dir } 中创建。请以 { $email } 登录；启动命令：accord serve --data-dir { $dir }
cli-start-with = 启动命令：accord serve --data-dir { $dir }
cli-demo-logins = 演示论坛的登录信息（也已保存在数据目录的 demo-logins.txt 中）：
cli-wrote = 已写入 { $file }（{ $type }，{ $bytes } 字节）。
cli-read-akn = 已读取 { $file }：Akoma Ntoso { $document }，{ $title }。
cli-read-docx = 已读取 { $file }：Word 文档，{ $title }。
cli-nothing-left-out = 没有遗漏任何内容。
cli-left-out = 已略去（{ $count }）：
cli-renamed = 已重命名的标识符（{ $count }）：
cli-now = { $from } 现为 { $to }
cli-nothing-renumbered = 没有重新编号。
cli-renumbered = 零草案中重新编号的（{ $count }）：
cli-process-opened = 进程 { $id } 已开启：{ $title }，
cli-process-draft = 零草案共 { $articles } 条、{ $provisions } 项规定（条目 { $entry }）。
cli-appointed = { $email } 被任命为{ $role }，标识为 { $id }
cli-backup-written = 备份已写入 { $file }：{ $entries } 个条目，{ $bytes } 字节。备份包含日志签名密钥和各账户，请像保管数据目录一样妥善保管。
cli-restored = 已将 { $entries } 个条目恢复到 { $dir }。启动论坛的命令：accord serve --data-dir { $dir }
cli-migrated = 已将 { $entries } 个条目迁移到 { $dir }；{ $from } 保持不变。启动论坛的命令：accord serve --data-dir { $dir }
