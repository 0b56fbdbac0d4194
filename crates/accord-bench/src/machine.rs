//! The machine a run happened on, from /proc.

use std::path::{Path, PathBuf};

/// Prints the CPU, cores, memory, kernel and the filesystem of the
/// temporary directory.
pub fn print() {
    let cpu = cpu_model().unwrap_or_else(|| "unknown".into());
    let cores = std::thread::available_parallelism().map(|n| n.get()).unwrap_or(0);
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease")
        .map(|s| s.trim().to_owned())
        .unwrap_or_else(|_| "unknown".into());
    let memory = memory_gib().map(|g| format!("{g:.1} GiB")).unwrap_or_else(|| "unknown".into());
    let temp = std::env::temp_dir();
    let fs = filesystem(&temp).unwrap_or_else(|| "unknown".into());
    println!("== machine");
    println!("cpu:        {cpu}");
    println!("cores:      {cores} (available to this process)");
    println!("memory:     {memory}");
    println!("kernel:     Linux {kernel}");
    println!("temp dir:   {} on {fs}", temp.display());
    let load = std::fs::read_to_string("/proc/loadavg").unwrap_or_default();
    let load: Vec<&str> = load.split_whitespace().take(3).collect();
    println!("load avg:   {} (1, 5, 15 min) at the start; other processes share these cores", load.join(" "));
}

fn cpu_model() -> Option<String> {
    let info = std::fs::read_to_string("/proc/cpuinfo").ok()?;
    info.lines().find(|l| l.starts_with("model name")).and_then(|l| l.split_once(':')).map(|(_, v)| v.trim().to_owned())
}

fn memory_gib() -> Option<f64> {
    let info = std::fs::read_to_string("/proc/meminfo").ok()?;
    let line = info.lines().find(|l| l.starts_with("MemTotal:"))?;
    let kib: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib / (1024.0 * 1024.0))
}

/// The type and device of the mount holding `path` (the longest mount point
/// that prefixes it).
fn filesystem(path: &Path) -> Option<String> {
    let path: PathBuf = path.canonicalize().ok()?;
    let mounts = std::fs::read_to_string("/proc/self/mounts").ok()?;
    mounts
        .lines()
        .filter_map(|l| {
            let mut f = l.split_whitespace();
            let (device, point, kind) = (f.next()?, f.next()?, f.next()?);
            let options = f.next().unwrap_or("");
            path.starts_with(point).then(|| (point.len(), format!("{kind} ({device} mounted at {point}, {options})")))
        })
        .max_by_key(|(len, _)| *len)
        .map(|(_, s)| s)
}
