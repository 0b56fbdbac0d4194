//! What the benchmarks share: a fresh forum in a temporary directory, the
//! action they append, and number formatting.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::{Duration, Instant};

use accord_domain::ids::{DisplayName, LanguageTag};
use accord_domain::state::{Action, MemberKind, MemberStatus, OrganisationCategory, Principal};
use accord_domain::{Email, MemberCode};
use accord_store::{Store, StoreError};
use anyhow::Result;

/// The secretariat account that `init_forum` creates in every forum.
pub const ADMIN_EMAIL: &str = "secretariat@bench.example";
pub const ADMIN_PASSWORD: &str = "bench password, not a secret";

/// A forum on a real SQLite file in its own temporary directory. The store
/// is declared first so that it closes before the directory is removed.
pub struct Forum {
    pub store: Arc<Store>,
    pub path: PathBuf,
    pub dir: tempfile::TempDir,
}

/// A fresh temporary directory (removed when dropped).
pub fn temp_dir() -> Result<tempfile::TempDir> {
    Ok(tempfile::Builder::new().prefix("accord-bench-").tempdir()?)
}

/// Opens a store in a fresh directory and establishes a forum in it with
/// `init_forum` (two entries: the forum and its secretariat officer).
pub fn new_forum() -> Result<Forum> {
    let dir = temp_dir()?;
    let path = dir.path().join("accord.sqlite3");
    new_forum_in(dir, path.clone(), &accord_store::Database::Sqlite(path))
}

/// [`new_forum`] with its record in `database`.
pub fn new_forum_in(dir: tempfile::TempDir, path: PathBuf, database: &accord_store::Database) -> Result<Forum> {
    let store = Store::open_database(database, accord_store::Clock::system())?;
    accord_server::setup::init_forum(
        &store,
        DisplayName::parse("Benchmark forum")?,
        LanguageTag::un_languages(),
        DisplayName::parse("Bench Secretariat")?,
        Email::parse(ADMIN_EMAIL)?,
        ADMIN_PASSWORD,
    )?;
    Ok(Forum { store: Arc::new(store), path, dir })
}

/// The runtime every benchmark runs on: multi-thread, one worker per core,
/// as `accord serve` builds it.
pub fn runtime() -> Result<tokio::runtime::Runtime> {
    Ok(tokio::runtime::Builder::new_multi_thread().enable_all().build()?)
}

/// Admits an academic organisation as an observer: the action the store
/// benchmarks append.
pub fn admit_organisation(code: &str) -> Action {
    Action::AdmitMember {
        code: MemberCode::parse(code).expect("benchmark codes are valid"),
        name: Some(DisplayName::parse("Bench organisation").expect("a valid name")),
        kind: MemberKind::Organisation,
        category: Some(OrganisationCategory::Academia),
        status: MemberStatus::Observer,
    }
}

/// What a run of concurrent appends did.
pub struct Appends {
    pub entries: usize,
    pub took: Duration,
    /// The longest entry appended, as stored: the row size of the raw
    /// SQLite comparison.
    pub sample: Vec<u8>,
}

/// Appends `total` entries through `Store::submit` from `writers`
/// concurrent tokio tasks, as `Principal::System`. Writer `w` admits codes
/// `{prefix}{w}-{n}`. Each submit resolves only after its entry is durable.
pub fn append_concurrently(
    runtime: &tokio::runtime::Runtime,
    store: &Arc<Store>,
    writers: usize,
    total: usize,
    prefix: &str,
) -> Result<Appends> {
    let started = Instant::now();
    let sample = runtime.block_on(async {
        let mut tasks = Vec::with_capacity(writers);
        for w in 0..writers {
            let n = total / writers + usize::from(w < total % writers);
            let store = store.clone();
            let prefix = prefix.to_owned();
            tasks.push(tokio::spawn(async move {
                let mut sample = Vec::new();
                for i in 0..n {
                    let appended =
                        store.submit(Principal::System, admit_organisation(&format!("{prefix}{w}-{i}")), None).await?;
                    if appended.bytes.len() > sample.len() {
                        sample = appended.bytes;
                    }
                }
                Ok::<_, StoreError>(sample)
            }));
        }
        let mut longest = Vec::new();
        for task in tasks {
            let sample = task.await??;
            if sample.len() > longest.len() {
                longest = sample;
            }
        }
        anyhow::Ok(longest)
    })?;
    Ok(Appends { entries: total, took: started.elapsed(), sample })
}

/// `1234567.8` → `1,234,568`.
pub fn group(value: f64) -> String {
    let digits = format!("{:.0}", value.max(0.0));
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// Per second.
pub fn rate(count: usize, took: Duration) -> f64 {
    count as f64 / took.as_secs_f64().max(1e-9)
}

/// A duration in milliseconds with three decimals.
pub fn ms(d: Duration) -> String {
    format!("{:.3} ms", d.as_secs_f64() * 1e3)
}

/// CPU time used so far by this process (all threads), from
/// `/proc/self/stat`, in clock ticks of 10 ms (`CLK_TCK` is 100 on Linux).
pub fn process_cpu() -> Duration {
    std::fs::read_to_string("/proc/self/stat").ok().and_then(|s| stat_cpu(&s)).unwrap_or_default()
}

/// CPU time used so far by the live threads of this process named `name`
/// (the store's writer thread is `accord-writer`).
pub fn thread_cpu(name: &str) -> Duration {
    let Ok(tasks) = std::fs::read_dir("/proc/self/task") else { return Duration::ZERO };
    tasks
        .filter_map(|t| t.ok())
        .filter(|t| std::fs::read_to_string(t.path().join("comm")).is_ok_and(|c| c.trim() == name))
        .filter_map(|t| std::fs::read_to_string(t.path().join("stat")).ok().and_then(|s| stat_cpu(&s)))
        .sum()
}

/// utime + stime of a `stat` line.
fn stat_cpu(stat: &str) -> Option<Duration> {
    // The command name is in parentheses and may hold spaces: count fields
    // after the last ')'. utime and stime are fields 14 and 15.
    let rest = &stat[stat.rfind(')')? + 1..];
    let mut fields = rest.split_whitespace().skip(11);
    let utime: u64 = fields.next()?.parse().ok()?;
    let stime: u64 = fields.next()?.parse().ok()?;
    Some(Duration::from_millis((utime + stime) * 10))
}

/// CPU time the whole machine spent busy (user, nice, system, irq,
/// softirq) and stolen by the hypervisor, from the first line of
/// `/proc/stat`.
fn machine_cpu() -> (Duration, Duration) {
    let Ok(stat) = std::fs::read_to_string("/proc/stat") else { return Default::default() };
    let Some(line) = stat.lines().next() else { return Default::default() };
    let f: Vec<u64> = line.split_whitespace().skip(1).filter_map(|v| v.parse().ok()).collect();
    if f.len() < 8 {
        return Default::default();
    }
    let busy = f[0] + f[1] + f[2] + f[5] + f[6];
    (Duration::from_millis(busy * 10), Duration::from_millis(f[7] * 10))
}

/// CPU used over a stretch of wall time, as numbers of busy cores: this
/// process, the store's writer thread, and everything else on the machine
/// (other processes compete for the same cores and skew the figures).
pub struct CpuUse {
    process: Duration,
    writer: Duration,
    committer: Duration,
    machine: (Duration, Duration),
    started: Instant,
}

impl CpuUse {
    pub fn start() -> Self {
        Self {
            process: process_cpu(),
            writer: thread_cpu("accord-writer"),
            committer: thread_cpu("accord-commit"),
            machine: machine_cpu(),
            started: Instant::now(),
        }
    }

    /// "1.93 cores busy, the store's writer thread 0.71 of one; other
    /// processes 0.02, stolen 0.00"; call while the writer still runs.
    pub fn report(&self) -> String {
        let wall = self.started.elapsed().as_secs_f64().max(1e-9);
        let writer = (thread_cpu("accord-writer").saturating_sub(self.writer)).as_secs_f64() / wall;
        let committer = (thread_cpu("accord-commit").saturating_sub(self.committer)).as_secs_f64() / wall;
        format!(
            "{}, the store's writer threads: sequencer {writer:.2} and committer {committer:.2} of one; {}",
            self.busy(wall),
            self.others(wall)
        )
    }

    /// The same without the writer thread, for runs without a store.
    pub fn report_process(&self) -> String {
        let wall = self.started.elapsed().as_secs_f64().max(1e-9);
        format!("{}; {}", self.busy(wall), self.others(wall))
    }

    fn busy(&self, wall: f64) -> String {
        let process = (process_cpu().saturating_sub(self.process)).as_secs_f64() / wall;
        format!("{process:.2} cores busy")
    }

    fn others(&self, wall: f64) -> String {
        let process = process_cpu().saturating_sub(self.process);
        let (busy, steal) = machine_cpu();
        let others = busy.saturating_sub(self.machine.0).saturating_sub(process).as_secs_f64() / wall;
        let steal = steal.saturating_sub(self.machine.1).as_secs_f64() / wall;
        format!("other processes {others:.2} cores, stolen {steal:.2}")
    }
}

/// The server's configuration for the benchmarks: the defaults, with write
/// limits no client reaches. The benchmarks write as fast as the server
/// takes it, many times the limit of one member or token; the limiter
/// still takes and gives back a write on each request, as in a forum, so
/// its cost stays in the figures.
pub fn bench_config() -> accord_server::Config {
    accord_server::Config { writes: accord_server::limits::WriteLimits::unreachable(), ..Default::default() }
}
