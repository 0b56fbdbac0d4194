//! The `accord` command. Each subcommand parses its arguments and calls the
//! libraries: `accord-store` for the record, `accord-server` for the web
//! application, the API and forum set-up.
//!
//! `serve` shuts down gracefully on SIGINT/SIGTERM: it stops accepting, lets
//! the writer commit what it holds, and exits.

mod consult;
mod terminal;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use accord_domain::ids::{DisplayName, LanguageTag, NewPassword};
use accord_domain::state::OfficerRole;
use accord_domain::Email;
use accord_server::i18n::{t, t1, t2, t3, Lang};
use accord_server::setup;
use accord_store::{DataDir, Store};
use anyhow::{bail, Context, Result};
use clap::{Parser, Subcommand};

/// mimalloc rather than the system allocator: the writer's and the replay's
/// threads hand entries to each other, and glibc's frees across threads
/// made the replay a third slower (BENCHMARKS.md).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

#[derive(Parser)]
#[command(name = "accord", version, about = "Accord: draft and adopt rules on a record no one can rewrite")]
struct Cli {
    /// Log format: `text` or `json`.
    #[arg(long, global = true, default_value = "text", env = "ACCORD_LOG_FORMAT")]
    log_format: String,
    /// Keep the record and the private tables in PostgreSQL, e.g. postgres://accord@db.example.org/forum, instead of the data directory's SQLite file (serve, init, demo, import, export, admin, backup; for restore and migrate, the new directory's database). The log's signing key stays in the data directory.
    #[arg(long, global = true, env = "ACCORD_DATABASE")]
    database: Option<String>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Serve the web application and the API.
    Serve {
        #[arg(long, default_value = "./accord-data", env = "ACCORD_DATA_DIR")]
        data_dir: PathBuf,
        #[arg(long, default_value = "127.0.0.1:8080", env = "ACCORD_LISTEN")]
        listen: String,
        /// On an empty data directory, create the demonstration forum first.
        #[arg(long)]
        demo: bool,
        /// Mark cookies Secure: set this when Accord is reached over HTTPS (directly or through a proxy).
        #[arg(long, env = "ACCORD_SECURE_COOKIES")]
        secure_cookies: bool,
        /// Behind a reverse proxy: take the client's address from X-Forwarded-For (for the log-in rate limit).
        #[arg(long, env = "ACCORD_TRUST_FORWARDED_FOR")]
        trust_forwarded_for: bool,
        /// A witness (its base URL) to send each new checkpoint to; its cosignature is published with the checkpoint (repeatable).
        #[arg(long = "witness")]
        witnesses: Vec<String>,
        /// Seconds between checkpoints (a new one is signed only when the record has grown).
        #[arg(long, default_value_t = 1.0)]
        checkpoint_interval: f64,
        /// Changes to the record a member's delegation and each API token may make at once (1 to 1,000,000; officers are not limited).
        #[arg(long, default_value_t = 60)]
        write_burst: u32,
        /// Changes a second each may make after the burst (0.001 to 1,000,000).
        #[arg(long, default_value_t = 1.0)]
        writes_per_second: f64,
        /// The most live event streams (open pages that update by themselves) served at once; beyond it pages still work, without live updates.
        #[arg(long, default_value_t = accord_server::DEFAULT_MAX_EVENT_STREAMS)]
        max_event_streams: usize,
        /// The pages' language for a visitor who has chosen none and whose browser asks for none of the six: ar, zh, en, fr, ru or es.
        #[arg(long, default_value = "en")]
        language: String,
        /// Also write the public log as files to DIR (checkpoint, tiles, entry bundles, blobs, published states), as the server serves them under /log/, after every checkpoint: serve DIR as log/ from nginx, a CDN or an object store.
        #[arg(long, env = "ACCORD_LOG_DIR", value_name = "DIR")]
        log_dir: Option<PathBuf>,
        /// A directory holding the fonts PDFs are set in (Noto Sans, Noto Naskh Arabic, Noto Sans CJK), looked in before the system's /usr/share/fonts.
        #[arg(long, env = "ACCORD_FONTS")]
        fonts: Option<PathBuf>,
        /// The most PDFs typeset at once (each takes a core); beyond, a request is told to retry.
        #[arg(long, default_value_t = accord_server::DEFAULT_MAX_PDF_JOBS)]
        max_pdf_jobs: usize,
    },
    /// Run a witness (C2SP tlog-witness): cosign a forum's checkpoints after checking that its log only grew.
    Witness {
        #[arg(long, default_value = "127.0.0.1:8090")]
        listen: String,
        /// The witness's private key file; made (with --name) if it does not exist.
        #[arg(long)]
        key: PathBuf,
        /// The witness's name, for a new key, e.g. witness.example.org/bra.
        #[arg(long, default_value = "witness.local/accord")]
        name: String,
        /// The verifier key of a log to follow (repeatable), as `accord log key` prints it.
        #[arg(long = "log", required = true)]
        logs: Vec<String>,
        /// Where the witness keeps the latest checkpoint it cosigned of each log.
        #[arg(long, default_value = "witness-state.json")]
        state: PathBuf,
    },
    /// Create a forum in an empty data directory, with its first secretariat account.
    Init {
        #[arg(long, default_value = "./accord-data", env = "ACCORD_DATA_DIR")]
        data_dir: PathBuf,
        /// The forum's name.
        #[arg(long)]
        forum: String,
        /// E-mail address of the first secretariat officer (the password comes from ACCORD_ADMIN_PASSWORD or is prompted for).
        #[arg(long)]
        admin_email: String,
        /// Display name of the first secretariat officer, as the record shows it.
        #[arg(long, default_value = "Secretariat")]
        admin_name: String,
        /// Official languages, comma-separated language tags.
        #[arg(long, default_value = "ar,zh,en,fr,ru,es", value_delimiter = ',')]
        languages: Vec<String>,
        /// The log's name in its checkpoints: the forum's public address without https://, e.g. accord.example.org/oewg (default: derived from the forum's name).
        #[arg(long)]
        log_origin: Option<String>,
    },
    /// Create the demonstration forum (193 UN member states, observers, officers and delegates) and print the log-ins.
    Demo {
        #[arg(long, default_value = "./accord-data", env = "ACCORD_DATA_DIR")]
        data_dir: PathBuf,
    },
    /// Open a negotiation (a process) with its zero draft, in Markdown or from an Akoma Ntoso or Word document, as the operator (the server must be stopped).
    Import {
        #[arg(long, default_value = "./accord-data", env = "ACCORD_DATA_DIR")]
        data_dir: PathBuf,
        /// The process's title (for `--format akn` and `docx`, the document's title when not given).
        #[arg(long)]
        title: Option<String>,
        /// `md`: the zero draft in Accord's Markdown convention (see ARCHITECTURE.md); `akn`: an Akoma Ntoso 3.0 or 2.0 act, bill, statement or doc; `docx`: a Word document (headings and list numbering become chapters, articles, paragraphs and points). Akoma Ntoso and Word are made into a zero draft; what is left out and renumbered is printed.
        #[arg(long, default_value = "md", value_parser = ["md", "akn", "docx"])]
        format: String,
        file: PathBuf,
    },
    /// Write a version of a process as a document: Akoma Ntoso, Word or PDF (under the process's document symbol) or Markdown (the server must be stopped).
    Export {
        #[arg(long, default_value = "./accord-data", env = "ACCORD_DATA_DIR")]
        data_dir: PathBuf,
        /// The process's number.
        #[arg(long)]
        process: u64,
        /// The version's number or name ("3", "Rev.1", "zero"); the latest when not given. With --document redline, the newer version.
        #[arg(long)]
        version: Option<String>,
        /// `akn` (Akoma Ntoso 3.0), `docx` (Word), `pdf` (typeset for print, A4) or `md` (Accord's Markdown convention).
        #[arg(long, default_value = "akn", value_parser = ["akn", "docx", "pdf", "md"])]
        format: String,
        /// For pdf: the language it is printed in (ar, zh, en, fr, ru or es); the text's own language when not given.
        #[arg(long)]
        language: Option<String>,
        /// For pdf: number every line in the margin.
        #[arg(long)]
        line_numbers: bool,
        /// For pdf: a directory holding the fonts, looked in before the system's /usr/share/fonts.
        #[arg(long, env = "ACCORD_FONTS")]
        fonts: Option<PathBuf>,
        /// What to write: a `version` of the text; the `rolling-text` with every open proposal in brackets (akn, docx or pdf); the `redline` from --from to --version as Word tracked changes (docx); the `compilation` of proposals article by article (docx).
        #[arg(long, default_value = "version", value_parser = ["version", "rolling-text", "redline", "compilation"])]
        document: String,
        /// The older version of a redline (number or name).
        #[arg(long)]
        from: Option<String>,
        /// Where the rolling text in Word names the members behind each option: `footnote` or `inline`.
        #[arg(long, default_value = "footnote", value_parser = ["footnote", "inline"])]
        members: String,
        /// With --document rolling-text or compilation: the conference room paper of that number (1, 2…, as `GET /api/v1/processes/{id}/papers` lists them), written as it stood when issued, under its own symbol. Without it, the text as it is now (under the symbol of the paper it still is, else the process's).
        #[arg(long, value_name = "N")]
        paper: Option<u64>,
        /// The file to write.
        #[arg(long)]
        out: PathBuf,
    },
    /// Write a backup of a forum to one file, while it serves: one consistent snapshot of the record, the checkpoints, the accounts, sessions, API tokens, preferences and the server's secrets, and the log's signing key (the forum's identity: a restored forum signs with it). The file is readable by its owner only; whoever holds it can sign as the forum.
    Backup {
        #[arg(long, default_value = "./accord-data", env = "ACCORD_DATA_DIR")]
        data_dir: PathBuf,
        /// The backup file to write; it must not exist.
        #[arg(long)]
        out: PathBuf,
    },
    /// Restore a backup into a new, empty data directory (its record in the directory's SQLite file, or with --database in an empty PostgreSQL database). The whole file is checked first (checksums, a replay of the record, the checkpoints' signatures); nothing is written unless all of it is good.
    Restore {
        /// The backup file, as `accord backup` wrote it.
        #[arg(long = "in")]
        file: PathBuf,
        /// The new data directory: absent, or empty.
        #[arg(long, env = "ACCORD_DATA_DIR")]
        data_dir: PathBuf,
        /// The forum's log verifier key, as its home page or `accord log key` shows it: a backup signed with another key (another forum's, or a forged file) is refused. Without it, the key is the one the file holds.
        #[arg(long, value_name = "VERIFIER_KEY")]
        expect_log_key: Option<String>,
    },
    /// Move a stopped forum's record from one database to the other (SQLite to PostgreSQL, or back): the forum in --from (stopped: its server holds its lock) is copied into the new data directory --to, its record in the PostgreSQL database --database names, or in its SQLite file without --database. --from is left as it was. The same checks as a restore.
    Migrate {
        /// The forum's data directory (its record is where the directory says: its SQLite file or its PostgreSQL database).
        #[arg(long)]
        from: PathBuf,
        /// The new data directory: absent, or empty.
        #[arg(long)]
        to: PathBuf,
    },
    /// Accounts, passwords and tokens, from the console (the server must be stopped for create-account).
    Admin {
        #[command(subcommand)]
        command: AdminCommand,
    },
    /// The record's transparency log.
    Log {
        #[command(subcommand)]
        command: LogCommand,
    },
    /// Verify a forum's record independently: signatures, cosignatures, every hash, a full replay, and that the log only grew since the last run.
    Verify {
        /// The forum's base address, or that of a static host serving a copy of its log/ (`accord serve --log-dir`): the log is read under URL/log/; give --key for a static host, which has no API to take it from.
        #[arg(long, conflicts_with = "dir", required_unless_present = "dir")]
        url: Option<String>,
        /// A directory holding a copy of the log (checkpoint, tile/...), such as `accord serve --log-dir` writes.
        #[arg(long)]
        dir: Option<PathBuf>,
        /// The log's verifier key (name+id+base64), as the forum publishes it.
        #[arg(long)]
        key: Option<String>,
        /// A witness's verifier key whose cosignature counts (repeatable).
        #[arg(long = "witness")]
        witnesses: Vec<String>,
        /// How many of the --witness keys must have cosigned the checkpoint.
        #[arg(long, default_value_t = 0)]
        quorum: usize,
        /// Where the last verified checkpoint is remembered between runs (by default one file per log in the
        /// user's state directory: `$XDG_STATE_HOME/accord/verify/`, else `~/.local/state/accord/verify/`).
        #[arg(long)]
        state: Option<PathBuf>,
        /// With --url: do not compare the state the server publishes for the checkpoint (by default a server that publishes none fails verification).
        #[arg(long)]
        skip_state: bool,
        /// The state file remembers another log (origin): forget it and start afresh with this one, instead of refusing.
        #[arg(long)]
        forget: bool,
    },
    /// Make a member signing key: writes the secret to FILE and prints the public key to register.
    Keygen {
        #[arg(long)]
        out: PathBuf,
    },
    /// Sign an action with a member key (prints the body for POST /api/v1/actions).
    Sign {
        #[arg(long)]
        key: PathBuf,
        /// The forum's log origin (GET /api/v1/log).
        #[arg(long)]
        log: String,
        /// Your delegate id, e.g. D7.
        #[arg(long)]
        delegate: String,
        /// Your member's code.
        #[arg(long)]
        member: String,
        /// The entry kind, e.g. accreditation.withdrawn.
        #[arg(long)]
        kind: String,
        /// The entry payload, as JSON.
        #[arg(long)]
        payload: String,
    },
    /// Sign an action with a member key and submit it to the forum.
    Submit {
        #[arg(long)]
        url: String,
        /// An API token of your account.
        #[arg(long, env = "ACCORD_TOKEN")]
        token: String,
        #[arg(long)]
        key: PathBuf,
        #[arg(long)]
        kind: String,
        #[arg(long)]
        payload: String,
    },
    /// Receipts of actions.
    Receipt {
        #[command(subcommand)]
        command: ReceiptCommand,
    },
    /// Open consultation: opinion groups, representative statements, consensus and bridging from votes on statements.
    Consult {
        #[command(subcommand)]
        command: ConsultCommand,
    },
}

#[derive(Subcommand)]
enum ConsultCommand {
    /// Analyse a Polis export: DIR holds votes.csv and comments.csv (and participants-votes.csv, whose groups are compared).
    Analyse {
        dir: PathBuf,
        /// `text` (readable) or `json` (one object: participants, groups, consensus, bridging).
        #[arg(long, value_enum, default_value = "text")]
        format: consult::Format,
    },
}

#[derive(Subcommand)]
enum ReceiptCommand {
    /// Check a receipt file offline against the forum's log verifier key.
    Verify {
        file: PathBuf,
        /// The log's verifier key, as the forum publishes it.
        #[arg(long)]
        key: String,
    },
}

#[derive(Subcommand)]
enum LogCommand {
    /// Print the log's verifier key (C2SP signed-note form), which anyone uses to check checkpoints.
    Key {
        #[arg(long, default_value = "./accord-data", env = "ACCORD_DATA_DIR")]
        data_dir: PathBuf,
    },
}

#[derive(Subcommand)]
enum AdminCommand {
    /// Appoint an officer (secretariat, chair, vice_chair, co_facilitator, translator) with an account; the password comes from ACCORD_PASSWORD or is prompted for.
    CreateAccount {
        #[arg(long, default_value = "./accord-data", env = "ACCORD_DATA_DIR")]
        data_dir: PathBuf,
        #[arg(long)]
        email: String,
        #[arg(long)]
        name: String,
        #[arg(long, default_value = "secretariat")]
        role: String,
    },
    /// Set a new password for an account (from ACCORD_PASSWORD or prompted for); ends its sessions, revokes its API tokens and clears the delays from its failed log-ins.
    ResetPassword {
        #[arg(long, default_value = "./accord-data", env = "ACCORD_DATA_DIR")]
        data_dir: PathBuf,
        #[arg(long)]
        email: String,
    },
    /// Issue an API token for an account and print it (shown once).
    IssueToken {
        #[arg(long, default_value = "./accord-data", env = "ACCORD_DATA_DIR")]
        data_dir: PathBuf,
        #[arg(long)]
        email: String,
        #[arg(long, default_value = "console")]
        label: String,
    },
    /// Among several servers on one PostgreSQL database: end the database session of the server that leads the writes (one that hangs, or is cut off from its clients), so that another takes the role within a second. The old leader can no longer commit anything (every batch is fenced) and follows when it wakes.
    EndLeaderSession {
        #[arg(long, default_value = "./accord-data", env = "ACCORD_DATA_DIR")]
        data_dir: PathBuf,
    },
}

/// The database `--database` names, set once at start (`None`: the data
/// directory's SQLite file).
static DATABASE: std::sync::OnceLock<Option<accord_store::Database>> = std::sync::OnceLock::new();

fn main() -> std::process::ExitCode {
    accord_server::allocator::keep_freed_memory();
    let cli = Cli::parse();
    init_logs(&cli.log_format);
    let database = match cli.database.as_deref().map(accord_store::Database::parse).transpose() {
        Ok(d) => d,
        Err(e) => {
            eprintln!("error: --database: {e}");
            return std::process::ExitCode::FAILURE;
        }
    };
    // Given on the command line to a command that does not open the record
    // (ACCORD_DATABASE in the environment is simply not used there).
    let flag = std::env::args().any(|a| a == "--database" || a.starts_with("--database="));
    if flag && !opens_the_record(&cli.command) {
        eprintln!(
            "error: --database applies to serve, init, demo, import, export, admin, backup, restore and migrate, which open the record"
        );
        return std::process::ExitCode::FAILURE;
    }
    DATABASE.get_or_init(|| database);
    match terminal_language().scope_sync(|| run(cli.command)) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("error: {e:#}");
            std::process::ExitCode::FAILURE
        }
    }
}

fn init_logs(format: &str) {
    let filter = tracing_subscriber::EnvFilter::try_from_env("ACCORD_LOG").unwrap_or_else(|_| "info".into());
    let builder = tracing_subscriber::fmt().with_env_filter(filter).with_writer(std::io::stderr);
    if format == "json" {
        builder.json().init();
    } else {
        builder.init();
    }
}

fn run(command: Command) -> Result<()> {
    match command {
        Command::Serve {
            data_dir,
            listen,
            demo,
            secure_cookies,
            trust_forwarded_for,
            witnesses,
            checkpoint_interval,
            write_burst,
            writes_per_second,
            max_event_streams,
            language,
            log_dir,
            fonts,
            max_pdf_jobs,
        } => {
            let Some(language) = accord_server::i18n::Lang::parse(&language).filter(|_| language.len() <= 35) else {
                bail!("--language must be one of ar, zh, en, fr, ru, es (got {language:?})");
            };
            if !(0.05..=3600.0).contains(&checkpoint_interval) {
                bail!("--checkpoint-interval must be between 0.05 and 3600 seconds");
            }
            if !(1..=1_000_000).contains(&write_burst) {
                bail!("--write-burst must be between 1 and 1000000");
            }
            if !(0.001..=1_000_000.0).contains(&writes_per_second) {
                bail!("--writes-per-second must be between 0.001 and 1000000");
            }
            let limit = accord_server::limits::RateLimit { burst: write_burst, per_second: writes_per_second };
            let config = accord_server::Config {
                secure_cookies,
                trust_forwarded_for,
                witnesses,
                checkpoint_interval: std::time::Duration::from_secs_f64(checkpoint_interval),
                writes: accord_server::limits::WriteLimits {
                    per_member: limit,
                    per_token: limit,
                    ..Default::default()
                },
                max_event_streams,
                language,
                font_dirs: accord_pdf::Fonts::dirs(fonts.as_deref()),
                max_pdf_jobs,
                ..Default::default()
            };
            serve(&data_dir, &listen, demo, config, log_dir.as_deref())
        }
        Command::Witness { listen, key, name, logs, state } => witness(&listen, &key, &name, logs, state),
        Command::Init { data_dir, forum, admin_email, admin_name, languages, log_origin } => {
            let forum = DisplayName::parse(&forum).context("--forum")?;
            let email = Email::parse(&admin_email).context("--admin-email")?;
            let name = DisplayName::parse(&admin_name).context("--admin-name")?;
            let languages = languages
                .iter()
                .map(|l| LanguageTag::parse(l))
                .collect::<Result<Vec<_>, _>>()
                .context("--languages")?;
            let dir = DataDir::open(&data_dir)?;
            let store = open_store(&dir)?;
            if !store.is_empty() {
                bail!("{} already holds a forum ({} entries): use another --data-dir", data_dir.display(), store.len());
            }
            let password = password_from("ACCORD_ADMIN_PASSWORD", "Password for the secretariat account")?;
            let origin = log_origin.unwrap_or_else(|| default_origin(forum.as_str()));
            let signer = log_signer(&dir, &origin)?;
            let origin = signer.origin().to_owned();
            setup::init_forum_with_log(&store, forum, languages, Some(origin), name, email.clone(), password.expose())?;
            store.shutdown();
            println!("{}", t2("cli-forum-created", "dir", data_dir.display().to_string(), "email", email.to_string()));
            Ok(())
        }
        Command::Demo { data_dir } => {
            let dir = DataDir::open(&data_dir)?;
            let store = open_store(&dir)?;
            if !store.wait_to_lead(std::time::Duration::from_secs(5)) {
                bail!("another Accord server leads the writes on this database: the demonstration forum is created by one server alone");
            }
            let logins = setup::load_demo(&store)?;
            log_signer(&dir, DEMO_ORIGIN)?;
            store.shutdown();
            print_demo_logins(&dir, &logins)?;
            println!("{}", t1("cli-start-with", "dir", data_dir.display().to_string()));
            Ok(())
        }
        Command::Import { data_dir, title, format, file } => import(&data_dir, title, &format, &file),
        Command::Export {
            data_dir,
            process,
            version,
            format,
            language,
            line_numbers,
            fonts,
            document,
            from,
            members,
            paper,
            out,
        } => {
            use accord_server::negotiation::documents as docs;
            let format = docs::Format::parse(Some(format.as_str())).map_err(|r| anyhow::anyhow!(r.message))?;
            if version.as_deref().is_some_and(|v| v.trim().is_empty()) {
                bail!("--version is empty: give a version's number (3) or name (Rev.1, zero), or leave it out for the latest");
            }
            match (document.as_str(), format, from.is_some()) {
                ("redline", _, false) => bail!("--document redline needs --from: the older version's number or name"),
                (_, _, true) if document != "redline" => bail!("--from applies to --document redline only"),
                ("redline" | "compilation", docs::Format::Akn | docs::Format::Markdown | docs::Format::Pdf, _) => {
                    bail!("--document {document} is written as Word only: give --format docx")
                }
                ("rolling-text", docs::Format::Markdown, _) => {
                    bail!("--document rolling-text is written as akn or docx, not md")
                }
                ("rolling-text" | "compilation", _, _) if version.is_some() => {
                    bail!("--document {document} is made on the latest version: leave out --version")
                }
                ("version" | "redline", _, _) if paper.is_some() => {
                    bail!("--paper applies to --document rolling-text or compilation only")
                }
                _ => {}
            }
            if format != docs::Format::Pdf && (language.is_some() || line_numbers) {
                bail!("--language and --line-numbers apply to --format pdf only");
            }
            let backers = accord_documents::docx::Backers::parse(&members).map_err(|r| anyhow::anyhow!(r.message))?;
            refuse_inside(&out, &data_dir)?;
            let dir = existing_forum(&data_dir)?;
            let store = open_store(&dir)?;
            let document = if let Some(n) = paper {
                let kind = store.state().process(process).and_then(|p| p.paper(n)).map(|x| x.kind.as_str());
                match kind {
                    Ok(kind) if kind != document.replace('-', "_") => {
                        store.shutdown();
                        bail!("paper {n} of process {process} is not a {document} but a {}", kind.replace('_', "-"))
                    }
                    _ => {}
                }
                let written = docs::paper_document(&store, process, n, format, backers);
                match written {
                    Ok(written) => written,
                    Err(e) => {
                        store.shutdown();
                        return Err(e).context("reading the record up to the paper");
                    }
                }
            } else {
                let state = store.state();
                let pdf = |lang: Option<&str>| -> Result<docs::PdfRequest> {
                    let original = state.process(process).map(|p| p.language.as_str().to_owned()).unwrap_or_default();
                    let lang =
                        accord_server::http::pdf::language(lang, &original).map_err(|e| anyhow::anyhow!(e.message))?;
                    let fonts = accord_pdf::Fonts::shared(&accord_pdf::Fonts::dirs(fonts.as_deref()));
                    accord_pdf::check_fonts(&fonts, accord_server::http::pdf::to_language(lang))
                        .map_err(|r| anyhow::anyhow!(r.message))?;
                    Ok(docs::PdfRequest { lang, line_numbers, backers, fonts })
                };
                match (document.as_str(), format) {
                    ("rolling-text", docs::Format::Pdf) => {
                        let request = pdf(language.as_deref())?;
                        docs::rolling_pdf_job(&state, process, request).and_then(|job| job())
                    }
                    ("version", docs::Format::Pdf) => {
                        let request = pdf(language.as_deref())?;
                        docs::version_pdf_job(&state, process, version.as_deref(), request).and_then(|job| job())
                    }
                    _ => match document.as_str() {
                        "rolling-text" => docs::rolling_document(&state, process, format, backers),
                        "redline" => docs::redline_document(
                            &state,
                            process,
                            from.as_deref().unwrap_or_default(),
                            version.as_deref(),
                        ),
                        "compilation" => docs::compilation_document(&state, process),
                        _ => docs::version_document(&state, process, version.as_deref(), format),
                    },
                }
            };
            store.shutdown();
            let document = document.map_err(|r| anyhow::anyhow!(r.message))?;
            std::fs::write(&out, &document.bytes).with_context(|| format!("writing {}", out.display()))?;
            println!(
                "{}",
                t3(
                    "cli-wrote",
                    "file",
                    out.display().to_string(),
                    "type",
                    document.media_type,
                    "bytes",
                    document.bytes.len()
                )
            );
            Ok(())
        }
        Command::Admin { command } => admin(command),
        Command::Backup { data_dir, out } => backup(&data_dir, &out),
        Command::Restore { file, data_dir, expect_log_key } => restore(&file, &data_dir, expect_log_key.as_deref()),
        Command::Migrate { from, to } => migrate(&from, &to),
        Command::Verify { url, dir, key, witnesses, quorum, state, skip_state, forget } => {
            let source = match (url, dir) {
                (Some(u), _) => accord_client::source::Source::url(&u),
                (None, Some(d)) => accord_client::source::Source::Dir(d),
                (None, None) => bail!("give --url or --dir"),
            };
            println!("verifying the record at {}", source.describe());
            let state = match state {
                Some(path) => path,
                None => default_verify_state(key.as_deref(), &source.describe())?,
            };
            let options = accord_client::verify::Options {
                source,
                log_key: key,
                witnesses,
                quorum,
                state_file: state,
                progress: std::io::IsTerminal::is_terminal(&std::io::stderr()),
                skip_state,
                forget,
            };
            match accord_client::verify::verify(&options) {
                Ok(report) => {
                    for line in &report.lines {
                        println!("  ok  {line}");
                    }
                    for warning in &report.warnings {
                        println!("WARNING {warning}");
                    }
                    println!("the record of {} ({} entries) verifies", report.origin, report.size);
                    Ok(())
                }
                Err(divergence) => bail!("verification FAILED: {divergence}"),
            }
        }
        Command::Keygen { out } => {
            let (secret, public) = accord_client::sign::new_key();
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                options.mode(0o600);
            }
            use std::io::Write;
            options
                .open(&out)
                .and_then(|mut f| f.write_all(format!("{secret}\n").as_bytes()))
                .with_context(|| format!("writing {} (it must not exist yet)", out.display()))?;
            println!("{public}");
            eprintln!(
                "the secret key is in {}; register the public key above with POST /api/v1/members/CODE/keys",
                out.display()
            );
            Ok(())
        }
        Command::Sign { key, log, delegate, member, kind, payload } => {
            let secret = std::fs::read_to_string(&key).with_context(|| format!("reading {}", key.display()))?;
            let actor = accord_domain::Actor::Delegate {
                delegate: accord_domain::DelegateId::parse(&delegate)?,
                member: accord_domain::MemberCode::parse(&member)?,
            };
            let payload: serde_json::Value = serde_json::from_str(&payload).context("--payload is not JSON")?;
            let signed =
                accord_client::sign::sign_action(&secret, &log, &actor, &kind, payload).map_err(anyhow::Error::msg)?;
            println!("{signed}");
            Ok(())
        }
        Command::Submit { url, token, key, kind, payload } => {
            let secret = std::fs::read_to_string(&key).with_context(|| format!("reading {}", key.display()))?;
            let payload: serde_json::Value = serde_json::from_str(&payload).context("--payload is not JSON")?;
            let answer =
                accord_client::sign::submit(&url, &token, &secret, &kind, payload).map_err(anyhow::Error::msg)?;
            println!("{answer}");
            Ok(())
        }
        Command::Receipt { command: ReceiptCommand::Verify { file, key } } => {
            let bytes = std::fs::read(&file).with_context(|| format!("reading {}", file.display()))?;
            match accord_log::receipt::verify_receipt(&bytes, &key) {
                Ok(r) => {
                    let entry = accord_domain::Entry::decode(&r.entry)
                        .map_err(|e| anyhow::anyhow!("the receipt's entry is not an Accord entry: {}", e.message))?;
                    println!(
                        "receipt verified: entry {} ({}) is in the log {} of {} entries",
                        r.index,
                        entry.body.kind(),
                        r.checkpoint.origin,
                        r.checkpoint.size
                    );
                    Ok(())
                }
                Err(why) => bail!("the receipt does NOT verify: {why}"),
            }
        }
        Command::Consult { command: ConsultCommand::Analyse { dir, format } } => consult::run(&dir, format),
        Command::Log { command: LogCommand::Key { data_dir } } => {
            let dir = DataDir::at(&data_dir);
            let key = dir.read_log_key()?.with_context(|| {
                format!("{} has no log key: run `accord init` or `accord serve` first", data_dir.display())
            })?;
            println!("{}", accord_log::checkpoint::LogSigner::from_key(&key)?.verifier_key());
            Ok(())
        }
    }
}

fn witness(listen: &str, key_file: &Path, name: &str, logs: Vec<String>, state: PathBuf) -> Result<()> {
    use accord_log::checkpoint::Cosigner;
    let key = match std::fs::read_to_string(key_file) {
        Ok(k) => k,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
            let k = Cosigner::generate(name)?;
            let mut options = std::fs::OpenOptions::new();
            options.write(true).create_new(true);
            #[cfg(unix)]
            {
                use std::os::unix::fs::OpenOptionsExt;
                options.mode(0o600);
            }
            use std::io::Write;
            options.open(key_file)?.write_all(format!("{k}\n").as_bytes())?;
            k
        }
        Err(e) => return Err(e).with_context(|| format!("reading {}", key_file.display())),
    };
    let cosigner = Cosigner::from_key(&key).with_context(|| format!("reading {}", key_file.display()))?;
    let w = accord_log::witness::Witness::new(cosigner, &logs).map_err(anyhow::Error::msg)?;
    let service = accord_server::witness::WitnessService::new(w, logs, state).map_err(anyhow::Error::msg)?;
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async {
        let listener = tokio::net::TcpListener::bind(listen).await.with_context(|| format!("listening on {listen}"))?;
        let addr = listener.local_addr()?;
        println!("witness key: {}", service.verifier_key());
        println!("Accord witness listening at http://{addr}/");
        let header_timeout = accord_server::server::HEADER_READ_TIMEOUT;
        accord_server::server::serve(listener, service.router(), header_timeout, shutdown_signal()).await?;
        anyhow::Ok(())
    })
}

use setup::DEMO_ORIGIN;

/// A log origin made from the forum's name, for forums created without
/// `--log-origin`: `accord.local/<name in lower case, words joined by ->`.
fn default_origin(forum: &str) -> String {
    let mut slug = String::new();
    for c in forum.chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.ends_with('-') && !slug.is_empty() {
            slug.push('-');
        }
    }
    let slug = slug.trim_end_matches('-');
    format!("accord.local/{}", if slug.is_empty() { "forum" } else { slug })
}

/// The log's signing key, made on first use with the given origin.
fn log_signer(dir: &DataDir, origin: &str) -> Result<accord_log::checkpoint::LogSigner> {
    use accord_log::checkpoint::LogSigner;
    let key = match dir.read_log_key()? {
        Some(k) => k,
        None => {
            let k = LogSigner::generate(origin)?;
            dir.write_log_key(&k).with_context(|| format!("writing {}", dir.log_key_path().display()))?;
            k
        }
    };
    LogSigner::from_key(&key).with_context(|| format!("reading {}", dir.log_key_path().display()))
}

/// `accord import`: opens a process from a Markdown draft (`md`) or from an
/// Akoma Ntoso (`akn`) or Word (`docx`) document made into a zero draft,
/// printing what the document lost on the way.
fn import(data_dir: &Path, title: Option<String>, format: &str, file: &Path) -> Result<()> {
    let opened = std::fs::File::open(file).with_context(|| format!("reading {}", file.display()))?;
    let bytes = read_bounded(file, opened, IMPORT_READ_MAX, "a zero draft Accord opens")?;
    let source = || {
        Arc::new(accord_domain::negotiation::text::Source {
            entry: 0,
            time: 0,
            how: accord_domain::negotiation::text::SourceKind::ZeroDraft,
        })
    };
    let refused = |r: accord_domain::Refusal| anyhow::anyhow!("{}: {} ({})", file.display(), r.message, r.code);
    let (title, markdown) = if format == "akn" || format == "docx" {
        let (instrument, dropped, renamed) = if format == "akn" {
            let imported = accord_documents::import(&bytes, source()).map_err(refused)?;
            let version = match imported.version {
                accord_documents::AknVersion::V3 => "3.0",
                accord_documents::AknVersion::V2 => "2.0",
            };
            println!(
                "{}",
                t3(
                    "cli-read-akn",
                    "file",
                    file.display().to_string(),
                    "document",
                    format!("{version} {}", imported.document),
                    "title",
                    format!("{:?}", terminal::shown(&imported.instrument.title))
                )
            );
            (imported.instrument, imported.dropped, imported.renamed)
        } else {
            let imported = accord_documents::docx::import(&bytes, source()).map_err(refused)?;
            println!(
                "{}",
                t2(
                    "cli-read-docx",
                    "file",
                    file.display().to_string(),
                    "title",
                    format!("{:?}", terminal::shown(&imported.instrument.title))
                )
            );
            (imported.instrument, imported.dropped, Vec::new())
        };
        let draft = accord_documents::draft::zero_draft(&instrument).map_err(refused)?;
        let left_out: Vec<String> = dropped.iter().chain(draft.left_out.iter()).map(ToString::to_string).collect();
        if left_out.is_empty() {
            println!("{}", t("cli-nothing-left-out"));
        } else {
            println!("{}", t1("cli-left-out", "count", left_out.len()));
            for d in &left_out {
                println!("  - {}", terminal::shown(d));
            }
        }
        if !renamed.is_empty() {
            println!("{}", t1("cli-renamed", "count", renamed.len()));
            for r in &renamed {
                println!(
                    "  - {}",
                    t2("cli-now", "from", terminal::shown(&r.source).to_string(), "to", r.eid.to_string())
                );
            }
        }
        if draft.renumbered.is_empty() {
            println!("{}", t("cli-nothing-renumbered"));
        } else {
            println!("{}", t1("cli-renumbered", "count", draft.renumbered.len()));
            for r in &draft.renumbered {
                println!(
                    "  - {}",
                    t2(
                        "cli-now",
                        "from",
                        format!("{} ({})", terminal::shown(&r.from_num), terminal::shown(&r.from_eid)),
                        "to",
                        format!("{} ({})", r.num, r.eid)
                    )
                );
            }
        }
        (title.unwrap_or_else(|| instrument.title.clone()), draft.markdown)
    } else {
        let Some(title) = title else { bail!("give the process's title with --title") };
        let markdown = String::from_utf8(bytes).map_err(|_| anyhow::anyhow!("{} is not UTF-8 text", file.display()))?;
        (title, markdown)
    };
    let body = accord_server::negotiation::api::opening(&title, markdown)
        .map_err(|r| anyhow::anyhow!("{}: {}", file.display(), r.message))?;
    let dir = existing_forum(data_dir)?;
    let store = open_store(&dir)?;
    let result = store.submit_blocking(
        accord_domain::state::Principal::System,
        accord_domain::state::Action::Negotiate(Box::new(body)),
        None,
    );
    let id = store.state().processes.len();
    store.shutdown();
    let appended = result?;
    let state = store.state();
    let process = state.process(id as u64).map_err(|r| anyhow::anyhow!(r.message))?;
    let provisions = &process.latest().instrument.provisions;
    let articles =
        provisions.iter().filter(|p| p.kind == accord_domain::negotiation::text::ProvisionKind::Article).count();
    println!(
        "{} {}",
        t2("cli-process-opened", "id", id, "title", format!("{:?}", process.title)),
        t3("cli-process-draft", "articles", articles, "provisions", provisions.len(), "entry", appended.entry.index)
    );
    Ok(())
}

/// The language of what a command prints for people (the secretariat
/// creating a forum, importing a draft): the POSIX locale's (`LC_ALL`, else
/// `LC_MESSAGES`, else `LANG`) if it is one of the six, else English. What
/// tools read (serve's address line, `verify`'s report, tokens, keys) stays
/// as it is in every language.
fn terminal_language() -> Lang {
    ["LC_ALL", "LC_MESSAGES", "LANG"]
        .iter()
        .find_map(|name| std::env::var(name).ok().filter(|v| !v.is_empty()))
        .and_then(|v| Lang::parse(&v))
        .unwrap_or(Lang::En)
}

/// Whether a command opens the record (and so takes `--database`).
fn opens_the_record(command: &Command) -> bool {
    matches!(
        command,
        Command::Serve { .. }
            | Command::Init { .. }
            | Command::Demo { .. }
            | Command::Import { .. }
            | Command::Export { .. }
            | Command::Admin { .. }
            | Command::Backup { .. }
            | Command::Restore { .. }
            | Command::Migrate { .. }
    )
}

/// Opens the record of a data directory: in its SQLite file, or in the
/// PostgreSQL database `--database` names (or that the directory
/// remembers from an earlier `--database`). The data directory keeps the
/// log's key either way, and refuses a second database for it
/// (`DataDir::record_in`): the same key never signs two records.
fn open_store(dir: &DataDir) -> Result<Store> {
    let database = dir.record_in(DATABASE.get().cloned().flatten())?;
    let store = Store::open_database(&database, accord_store::Clock::system())
        .with_context(|| format!("opening the record in {}", database.describe()))?;
    dir.remember(&database)?;
    Ok(store)
}

/// [`open_store`] for `accord serve`: on PostgreSQL the server shares the
/// database with any others, leading the writes when it can take the role
/// and following the leader otherwise (`Store::open_shared`).
fn open_store_shared(dir: &DataDir) -> Result<Store> {
    let database = dir.record_in(DATABASE.get().cloned().flatten())?;
    let store = Store::open_shared(&database, accord_store::Clock::system())
        .with_context(|| format!("opening the record in {}", database.describe()))?;
    dir.remember(&database)?;
    Ok(store)
}

/// The private tables of a data directory's record, beside a running server.
fn open_private_store(data_dir: &Path) -> Result<Store> {
    let dir = DataDir::at(data_dir);
    let database = dir.record_in(DATABASE.get().cloned().flatten())?;
    if let accord_store::Database::Sqlite(path) = &database {
        return Ok(Store::open_private(path)?);
    }
    Store::open_private_database(&database).with_context(|| format!("opening {}", database.describe()))
}

/// A password from an environment variable, or asked for twice at the terminal.
fn password_from(var: &str, prompt: &str) -> Result<NewPassword> {
    if let Ok(p) = std::env::var(var) {
        return NewPassword::parse(&p).with_context(|| format!("the password in {var}"));
    }
    let first = rpassword::prompt_password(format!("{prompt} (at least 12 characters): "))
        .with_context(|| format!("no terminal to ask for the password: set {var}"))?;
    let second = rpassword::prompt_password("The same password again: ")?;
    if first != second {
        bail!("the two passwords differ");
    }
    Ok(NewPassword::parse(&first)?)
}

/// Where `accord verify` remembers the last checkpoint of a log when no
/// `--state` is given: one file per log (named by its verifier key, which
/// begins with the log's origin, or else by the address verified) in the
/// user's state directory, made if missing.
fn default_verify_state(key: Option<&str>, source: &str) -> Result<PathBuf> {
    let base = match std::env::var_os("XDG_STATE_HOME").filter(|v| !v.is_empty()) {
        Some(dir) => PathBuf::from(dir),
        None => match std::env::var_os("HOME").filter(|v| !v.is_empty()) {
            Some(home) => PathBuf::from(home).join(".local/state"),
            None => bail!("no state directory: set HOME or XDG_STATE_HOME, or give --state FILE"),
        },
    };
    let dir = base.join("accord/verify");
    std::fs::create_dir_all(&dir).with_context(|| format!("creating {}", dir.display()))?;
    let name: String = key
        .unwrap_or(source)
        .chars()
        .map(|c| if c.is_ascii_alphanumeric() || c == '.' || c == '-' { c } else { '_' })
        .take(200)
        .collect();
    Ok(dir.join(format!("{name}.json")))
}

fn print_demo_logins(dir: &DataDir, logins: &[setup::DemoLogin]) -> Result<()> {
    let mut text = t("cli-demo-logins");
    text.push('\n');
    for l in logins {
        text.push_str(&format!("  {:<32} {:<36} {}\n", l.who, l.email, l.password));
    }
    println!("{text}");
    let path = dir.path().join("demo-logins.txt");
    std::fs::write(&path, &text).with_context(|| format!("writing {}", path.display()))?;
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600))?;
    }
    Ok(())
}

fn serve(
    data_dir: &Path,
    listen: &str,
    demo: bool,
    config: accord_server::Config,
    log_dir: Option<&Path>,
) -> Result<()> {
    if !demo && !data_dir.exists() {
        // Nothing to serve: say so before creating anything there.
        bail!(
            "{} does not exist: create a forum there with `accord init --data-dir {} --forum NAME --admin-email EMAIL`, or serve the demonstration forum with `accord serve --demo`",
            data_dir.display(),
            data_dir.display()
        );
    }
    let dir = DataDir::open(data_dir)?;
    let store = open_store_shared(&dir)?;
    let (entries, took) = store.replay;
    tracing::info!(entries, seconds = took.as_secs_f64(), "record replayed");
    if store.is_empty() {
        if !demo {
            bail!(
                "{} holds no forum yet: create one with `accord init --data-dir {} --forum NAME --admin-email EMAIL`, or serve the demonstration forum with `accord serve --demo`",
                data_dir.display(),
                data_dir.display()
            );
        }
        if !store.wait_to_lead(std::time::Duration::from_secs(5)) {
            bail!("another Accord server leads the writes on this database: the demonstration forum is created by one server alone");
        }
        let logins = setup::load_demo(&store)?;
        log_signer(&dir, DEMO_ORIGIN)?;
        print_demo_logins(&dir, &logins)?;
        tracing::info!(entries = store.len(), "demonstration forum created");
    } else if demo {
        eprintln!(
            "{} already holds a forum: serving it as it is (--demo creates the demonstration forum only in an empty data directory)",
            data_dir.display()
        );
    }
    let forum_name = store.state().forum.as_ref().map(|f| f.name.to_string()).unwrap_or_default();
    let signer = log_signer(&dir, &default_origin(&forum_name))?;
    tracing::info!(origin = signer.origin(), verifier_key = signer.verifier_key(), "transparency log");
    if let Err(why) = accord_server::log::check_stored_checkpoint(&store, &signer) {
        bail!(
            "refusing to serve {}: {why}. The log key in {} is not the one that signed this record, or the database \
             was altered; restore the data directory (database and log-key together) from a backup",
            data_dir.display(),
            dir.log_key_path().display()
        );
    }
    let log_dir = match log_dir {
        Some(path) => {
            // Resolved (`..`, symbolic links), so that no other spelling of
            // the data directory, or of a place inside it, gets through.
            let published = resolved(path).with_context(|| format!("--log-dir {}", path.display()))?;
            let private = resolved(data_dir).with_context(|| format!("--data-dir {}", data_dir.display()))?;
            if published.starts_with(&private) || private.starts_with(&published) {
                bail!("--log-dir {} is published to the world: keep it apart from the data directory", path.display());
            }
            let opened = accord_server::record::log_dir::LogDir::open(path, &store, signer.verifier_key())
                .map_err(|e| anyhow::anyhow!("refusing to write the log to --log-dir: {e}"))?;
            tracing::info!(dir = %path.display(), written = opened.written(), "writing the log directory");
            Some(opened)
        }
        None => None,
    };
    let store = Arc::new(store);
    let (app, state) = accord_server::build(store.clone(), config, signer);
    let runtime = tokio::runtime::Builder::new_multi_thread().enable_all().build()?;
    runtime.block_on(async {
        let state_for_stop = state.clone();
        tokio::spawn(accord_server::meetings::api::run_silence_scheduler(state.clone()));
        if let Some(dir) = log_dir {
            tokio::spawn(accord_server::record::log_dir::run_log_dir(state.clone(), dir));
        }
        tokio::spawn(accord_server::log::run_checkpointer(state));
        let listener = tokio::net::TcpListener::bind(listen).await.with_context(|| format!("listening on {listen}"))?;
        let addr = listener.local_addr()?;
        println!(
            "Accord is serving {} at http://{addr}/",
            store.state().forum.as_ref().map(|f| f.name.to_string()).unwrap_or_default()
        );
        tracing::info!(%addr, "listening");
        let header_timeout = state_for_stop.config.header_read_timeout;
        accord_server::server::serve(listener, app, header_timeout, {
            let state = state_for_stop.clone();
            async move {
                shutdown_signal().await;
                // Live streams end, so that open pages do not hold the shutdown.
                state.live.stop();
            }
        })
        .await?;
        anyhow::Ok(())
    })?;
    tracing::info!("stopping: committing what is in flight");
    store.shutdown();
    tracing::info!("stopped");
    Ok(())
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutdown requested");
}

fn admin(command: AdminCommand) -> Result<()> {
    match command {
        AdminCommand::CreateAccount { data_dir, email, name, role } => {
            let email = Email::parse(&email).context("--email")?;
            let name = DisplayName::parse(&name).context("--name")?;
            let role = match role.as_str() {
                "secretariat" => OfficerRole::Secretariat,
                "chair" => OfficerRole::Chair,
                "vice_chair" => OfficerRole::ViceChair,
                "co_facilitator" => OfficerRole::CoFacilitator,
                "translator" => OfficerRole::Translator,
                other => bail!(
                    "{other:?} is not a forum role: use secretariat, chair, vice_chair, co_facilitator or translator"
                ),
            };
            let dir = DataDir::open(&data_dir)?;
            let store = open_store(&dir)?;
            let password = password_from("ACCORD_PASSWORD", &format!("Password for {email}"))?;
            let id = setup::create_officer(&store, name, role, email.clone(), password.expose())?;
            store.shutdown();
            let role = t(&format!("role-{}", role.as_str())).to_lowercase();
            println!("{}", t3("cli-appointed", "email", email.to_string(), "role", role, "id", id.to_string()));
            Ok(())
        }
        AdminCommand::ResetPassword { data_dir, email } => {
            // Touches only the private tables, so it works while the server runs.
            let email = Email::parse(&email).context("--email")?;
            let store = open_private_store(&data_dir)?;
            let account = store
                .account_by_email(&email)?
                .with_context(|| format!("no account has the e-mail address {email}"))?;
            let password = password_from("ACCORD_PASSWORD", &format!("New password for {email}"))?;
            store.set_password(
                account.delegate,
                &accord_server::auth::hash_password_blocking(password.expose()),
                false,
                true,
            )?;
            println!(
                "the password of {email} ({}) is changed; its sessions are ended, its API tokens revoked and the delays from its failed log-ins cleared",
                account.delegate
            );
            Ok(())
        }
        AdminCommand::EndLeaderSession { data_dir } => {
            if !data_dir.exists() {
                bail!("{} does not exist: give the data directory of a forum on PostgreSQL", data_dir.display());
            }
            match DataDir::at(&data_dir).record_in(DATABASE.get().cloned().flatten())? {
                accord_store::Database::Postgres(url) => {
                    let ended = accord_store::postgres::end_leader_session(&url)?;
                    if ended == 0 {
                        println!("no server leads the writes: nothing to end");
                    } else {
                        println!("ended the leader's database session: another server takes the role");
                    }
                    Ok(())
                }
                accord_store::Database::Sqlite(_) => bail!(
                    "the record of {} is in its SQLite file, written by one server alone: there is no leader's \
                     session to end",
                    data_dir.display()
                ),
            }
        }
        AdminCommand::IssueToken { data_dir, email, label } => {
            let email = Email::parse(&email).context("--email")?;
            let store = open_private_store(&data_dir)?;
            let account = store
                .account_by_email(&email)?
                .with_context(|| format!("no account has the e-mail address {email}"))?;
            let token = accord_server::auth::random_secret("acc_");
            let expires =
                store.clock().now_unix_ms() + accord_server::Config::default().token_lifetime.as_millis() as i64;
            store.create_api_token(&accord_server::auth::secret_hash(&token), account.delegate, &label, expires)?;
            println!("{token}");
            Ok(())
        }
    }
}

/// A progress bar on the terminal for a long copy (hidden when standard
/// error is not a terminal): what is being done, rows done, rows in all.
fn progress_bar() -> (indicatif::ProgressBar, impl Fn(&str, u64, u64)) {
    let bar = if std::io::IsTerminal::is_terminal(&std::io::stderr()) {
        indicatif::ProgressBar::with_draw_target(Some(0), indicatif::ProgressDrawTarget::stderr())
            .with_style(
                indicatif::ProgressStyle::with_template("{msg:>12} {bar:20} {human_pos}/{human_len} rows · {eta} left")
                    .unwrap_or_else(|_| indicatif::ProgressStyle::default_bar()),
            )
            .with_finish(indicatif::ProgressFinish::AndClear)
    } else {
        indicatif::ProgressBar::hidden()
    };
    let shown = bar.clone();
    (bar, move |doing: &str, done: u64, total: u64| {
        if shown.message() != doing {
            shown.set_message(doing.to_owned());
        }
        shown.set_length(total);
        shown.set_position(done);
    })
}

/// What a restore or a move made, for tools and people: the record's size,
/// root and state digest, and the log's verifier key.
fn print_restored(restored: &accord_store::backup::Restored) {
    println!("entries: {}", restored.entries);
    println!("root: {}", hex::encode(restored.root.0));
    println!("state digest: {}", hex::encode(restored.state_digest));
    println!("log key: {}", restored.verifier_key);
}

/// `accord backup`: beside a running server, without its lock.
fn backup(data_dir: &Path, out: &Path) -> Result<()> {
    if !data_dir.exists() {
        bail!("{} does not exist: give the data directory of the forum to back up", data_dir.display());
    }
    refuse_inside(out, data_dir)?;
    let dir = DataDir::at(data_dir);
    let database = dir.record_in(DATABASE.get().cloned().flatten())?;
    let key = dir
        .read_log_key()?
        .with_context(|| format!("{} holds no log key: it is not a forum's data directory", data_dir.display()))?;
    let (bar, progress) = progress_bar();
    let written = accord_store::backup::backup(&database, &key, out, false, &progress)
        .with_context(|| format!("backing up the record in {}", database.describe()))?;
    bar.finish_and_clear();
    println!(
        "{}",
        t3("cli-backup-written", "file", out.display().to_string(), "entries", written.entries, "bytes", written.bytes)
    );
    println!("root: {}", hex::encode(written.root.0));
    Ok(())
}

/// The lock of a data directory that is to receive a forum: made if
/// absent.
fn new_forum_dir(data_dir: &Path) -> Result<DataDir> {
    Ok(DataDir::open(data_dir)?)
}

/// `accord restore`.
fn restore(file: &Path, data_dir: &Path, expect_key: Option<&str>) -> Result<()> {
    let dir = new_forum_dir(data_dir)?;
    let target = DATABASE.get().cloned().flatten().unwrap_or_else(|| accord_store::Database::Sqlite(dir.database()));
    let (bar, progress) = progress_bar();
    let restored = accord_store::backup::restore(file, expect_key, &dir, &target, &progress)
        .with_context(|| format!("restoring {} into {}", file.display(), target.describe()))?;
    bar.finish_and_clear();
    println!("{}", t2("cli-restored", "entries", restored.entries, "dir", data_dir.display().to_string()));
    print_restored(&restored);
    Ok(())
}

/// `accord migrate`: stop-the-world, both directories locked.
fn migrate(from: &Path, to: &Path) -> Result<()> {
    if !from.exists() {
        bail!("{} does not exist: give the data directory of the forum to move", from.display());
    }
    let source = DataDir::open(from).context("--from: the forum must be stopped while its record moves")?;
    let dir = new_forum_dir(to)?;
    let target = DATABASE.get().cloned().flatten().unwrap_or_else(|| accord_store::Database::Sqlite(dir.database()));
    let (bar, progress) = progress_bar();
    let restored = accord_store::backup::migrate(&source, &dir, &target, &progress)
        .with_context(|| format!("moving the record of {} into {}", from.display(), target.describe()))?;
    bar.finish_and_clear();
    println!(
        "{}",
        t3(
            "cli-migrated",
            "entries",
            restored.entries,
            "dir",
            to.display().to_string(),
            "from",
            from.display().to_string()
        )
    );
    print_restored(&restored);
    Ok(())
}

/// `path` as the file system resolves it (`..` and symbolic links
/// followed), whether or not it exists yet: its longest existing ancestor
/// resolved, and the rest joined on.
fn resolved(path: &Path) -> Result<PathBuf> {
    let absolute = std::path::absolute(path)?;
    let mut existing = absolute.as_path();
    let mut rest = Vec::new();
    while !existing.exists() {
        let (Some(parent), Some(name)) = (existing.parent(), existing.file_name()) else { break };
        rest.push(name.to_owned());
        existing = parent;
    }
    if rest.iter().any(|n| n == "..") {
        bail!("it names .. after a folder that does not exist");
    }
    let mut out = existing.canonicalize()?;
    out.extend(rest.iter().rev());
    Ok(out)
}

/// Refuses an output path inside the data directory, where a document
/// would overwrite the record, the log's key or the lock.
fn refuse_inside(out: &std::path::Path, data_dir: &std::path::Path) -> Result<()> {
    let Ok(dir) = data_dir.canonicalize() else { return Ok(()) };
    let resolved = match out.canonicalize() {
        Ok(existing) => existing,
        Err(_) => {
            let parent = out.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(std::path::Path::new("."));
            match (parent.canonicalize(), out.file_name()) {
                (Ok(parent), Some(name)) => parent.join(name),
                _ => return Ok(()),
            }
        }
    };
    if resolved.starts_with(&dir) {
        bail!(
            "--out {} is inside the data directory {}: write the document elsewhere (it would overwrite the forum's files)",
            out.display(),
            data_dir.display()
        );
    }
    Ok(())
}

/// The largest file `accord import` reads: an Akoma Ntoso document is
/// refused past [`accord_documents::import::IMPORT_MAX_BYTES`] by the
/// importer, a Word document past
/// [`accord_documents::docx::read::DOCX_MAX_BYTES`], a Markdown draft past
/// the largest entry's blob limit.
const IMPORT_READ_MAX: u64 = 16 * 1024 * 1024;

/// The whole of `file` (opened from `path`), read no further than `limit`
/// bytes — a file that never ends, such as /dev/zero, included — and
/// refused past it as more than `what`.
pub(crate) fn read_bounded(path: &Path, file: std::fs::File, limit: u64, what: &str) -> Result<Vec<u8>> {
    use std::io::Read as _;
    let mut bytes = Vec::new();
    file.take(limit + 1).read_to_end(&mut bytes).with_context(|| format!("reading {}", path.display()))?;
    if bytes.len() as u64 > limit {
        bail!("{}: larger than {} MiB, more than {what}", path.display(), limit >> 20);
    }
    Ok(bytes)
}

/// The data directory of a forum that exists: a missing directory is said
/// so, and nothing is created there.
fn existing_forum(data_dir: &Path) -> Result<DataDir> {
    if !data_dir.exists() {
        bail!(
            "{} does not exist: create a forum there with `accord init --data-dir {} --forum NAME --admin-email EMAIL`",
            data_dir.display(),
            data_dir.display()
        );
    }
    Ok(DataDir::open(data_dir)?)
}
