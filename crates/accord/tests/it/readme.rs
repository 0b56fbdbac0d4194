//! README.md's examples run against a fresh demonstration forum.
//!
//! Every fenced `sh`, `bash` or `console` block of README.md is taken in
//! order, line by line, and run in one `bash` with `set -euo pipefail` and
//! `failglob` (an unquoted `?` that matches no file fails, as in zsh), in a
//! directory of its own, with the built `accord` first on `PATH` and `curl`
//! made to fail on an HTTP error status. The commands that cannot run in a
//! test are named in [`SKIPPED`], each with why; the placeholders README
//! leaves for the reader to fill (its address, a key, a public key) are
//! named in [`FILLED`]. A rule that no longer matches README fails the test,
//! so neither list can go stale. For every `accord` command README shows,
//! run or not, in a block or inline, `accord SUBCOMMAND --help` must name
//! each of its `--flags`; a flag named alone must be some command's; an
//! API route named inline (`POST /api/v1/auth/token`) must be in the
//! OpenAPI document; a path named inline (`/metrics`, `GET /healthz`) and
//! a link to the forum (`<http://127.0.0.1:8080/meetings/1>`) must be
//! served by the demonstration forum.

use std::path::Path;

use serde_json::{json, Value};

use crate::helpers::*;

/// Commands README shows that the test does not run, by how they begin.
const SKIPPED: &[(&str, &str)] = &[
    (
        "cargo run --release -- serve --demo",
        "it serves the demonstration forum until stopped: the test serves that forum itself, with a data directory \
         of its own and a free port instead of 8080, and runs every other example against it",
    ),
    (
        "cargo run --release -- serve --data-dir ./forum",
        "it serves until stopped, on 0.0.0.0:8080; the forum it would serve is the one the examples make",
    ),
    ("./test.sh", "it runs the whole test suite, this test included, and installs packages"),
    ("accord witness ", "it serves a witness until stopped, on 0.0.0.0:8090"),
    (
        "accord migrate --from ./forum --to ./forum-pg",
        "it needs a PostgreSQL server at db.example.org; the move both ways is tested in backup.rs",
    ),
    (
        "accord serve --data-dir ./forum --witness",
        "it serves until stopped, and asks a witness host that does not exist",
    ),
];

/// Text of README replaced before running: (what, by what, why).
const FILLED: &[(&str, &str, &str)] = &[
    (
        "cargo run --release -- ",
        "accord ",
        "README says `accord` is `cargo run --release --` in a clone: the test runs the built binary",
    ),
    ("http://127.0.0.1:8080", "$ACCORD_BASE", "the demonstration forum is served at a free port"),
    ("https://forum.example", "$ACCORD_BASE", "the forum to verify is the demonstration forum"),
    ("'KEY'", "\"$KEY\"", "the demonstration forum's verifier key"),
    (
        "accord keygen --out bra.key",
        "PUBLIC_KEY=$(accord keygen --out bra.key)",
        "the public key it prints is the one registered next",
    ),
    (r#""public_key":"...""#, r#""public_key":"'"$PUBLIC_KEY"'""#, "the public key just made"),
    (
        " crates/accord-consult/tests/data/polis/",
        " \"$ACCORD_REPO\"/crates/accord-consult/tests/data/polis/",
        "the Polis export README analyses is in the repository, and the examples run in a directory of their own",
    ),
];

/// The fenced shell blocks of a Markdown text, in order, as lines.
fn shell_blocks(markdown: &str) -> Vec<Vec<String>> {
    let mut blocks = Vec::new();
    let mut current: Option<Vec<String>> = None;
    for line in markdown.lines() {
        let fence = line.trim_start().strip_prefix("```");
        match (&mut current, fence) {
            (None, Some(lang)) if ["sh", "bash", "console", "shell"].contains(&lang.trim()) => {
                current = Some(Vec::new());
            }
            (None, Some(lang)) if !lang.trim().is_empty() => {}
            (Some(_), Some(_)) => blocks.push(current.take().unwrap()),
            (Some(lines), None) => lines.push(line.to_owned()),
            _ => {}
        }
    }
    assert!(current.is_none(), "README.md has a shell block that is not closed");
    blocks
}

/// A block's commands: lines joined where they end with `\`; comments and
/// blank lines are left out.
fn commands(block: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let mut pending = String::new();
    for line in block {
        if pending.is_empty() && (line.trim().is_empty() || line.trim_start().starts_with('#')) {
            continue;
        }
        match line.strip_suffix('\\') {
            Some(head) => pending.push_str(head),
            None => {
                pending.push_str(line);
                out.push(std::mem::take(&mut pending));
            }
        }
    }
    assert!(pending.is_empty(), "a README command ends with a continuation: {pending}");
    out
}

/// The inline code spans of a Markdown text (outside fenced blocks).
fn inline_code(markdown: &str) -> Vec<String> {
    let mut out = Vec::new();
    let mut fenced = false;
    for line in markdown.lines() {
        if line.trim_start().starts_with("```") {
            fenced = !fenced;
            continue;
        }
        if fenced {
            continue;
        }
        let mut parts = line.split('`');
        parts.next();
        while let (Some(code), Some(_)) = (parts.next(), parts.next()) {
            out.push(code.to_owned());
        }
    }
    out
}

/// Checks that `accord SUBCOMMAND --help` names each `--flag` of an
/// `accord` command line (`accord admin create-account | reset-password`
/// is three commands).
fn check_flags(command: &str, failures: &mut Vec<String>) {
    let command = command.split(" #").next().unwrap().trim();
    let Some(rest) = command.strip_prefix("accord ") else { return };
    let words: Vec<&str> = rest.split_whitespace().collect();
    let path: Vec<&str> = words
        .iter()
        .copied()
        .take_while(|w| !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase() || c == '-') && !w.starts_with('-'))
        .collect();
    let mut paths = vec![path.clone()];
    // `accord admin create-account | reset-password | issue-token`.
    if words.get(path.len()) == Some(&"|") {
        paths.extend(
            words[path.len()..]
                .chunks(2)
                .filter(|c| c[0] == "|" && c.len() == 2)
                .map(|c| [&path[..path.len() - 1], &[c[1]][..]].concat()),
        );
    }
    let flags: Vec<&str> =
        words.iter().map(|w| w.split('=').next().unwrap()).filter(|w| w.starts_with("--") && w.len() > 2).collect();
    for path in paths {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_accord")).args(&path).arg("--help").output().unwrap();
        let help = String::from_utf8_lossy(&out.stdout);
        if !out.status.success() {
            failures.push(format!("`accord {} --help` fails (README: `{command}`)", path.join(" ")));
            continue;
        }
        for flag in &flags {
            if !help.split(|c: char| c.is_whitespace() || c == ',' || c == '[' || c == ']').any(|w| w == *flag) {
                failures.push(format!("`accord {}` has no {flag} (README: `{command}`)", path.join(" ")));
            }
        }
    }
}

/// The help of `accord` and of each of its subcommands, as one text.
fn all_help() -> String {
    let help = |args: &[&str]| {
        let out = std::process::Command::new(env!("CARGO_BIN_EXE_accord")).args(args).arg("--help").output().unwrap();
        assert!(out.status.success());
        String::from_utf8(out.stdout).unwrap()
    };
    let top = help(&[]);
    let mut all = top.clone();
    let commands = top.split("Commands:").nth(1).unwrap().split("Options:").next().unwrap();
    for line in commands.lines() {
        if let Some(sub) = line.split_whitespace().next().filter(|s| *s != "help") {
            all.push_str(&help(&[sub]));
        }
    }
    all
}

/// Paths README names inline that are prefixes, with a page under each
/// that must be served.
const PREFIXES: &[(&str, &str)] = &[("/log/", "/log/checkpoint")];

/// Checks what README names inline: a flag alone is one of some `accord`
/// command; `METHOD /api/...` is in the OpenAPI document; a path alone,
/// `GET /path` and a link to the forum at 127.0.0.1:8080 are served.
fn check_inline(readme: &str, base: &str, failures: &mut Vec<String>) {
    let help = all_help();
    let mut res = agent().get(format!("{base}/api/openapi.json")).call().unwrap();
    let openapi = res.body_mut().read_json::<Value>().unwrap();
    let get = |path: &str, failures: &mut Vec<String>| {
        let status = agent().get(format!("{base}{path}")).call().unwrap().status();
        if status != 200 {
            failures.push(format!("GET {path} answers {status} on the demonstration forum (README names it)"));
        }
    };
    for code in inline_code(readme) {
        let code = code.trim();
        if let Some(flag) = code.strip_prefix("--") {
            let flag = format!("--{}", flag.split_whitespace().next().unwrap());
            if !help.split(|c: char| c.is_whitespace() || c == ',' || c == '[' || c == ']').any(|w| w == flag) {
                failures.push(format!("no accord command has {flag} (README: `{code}`)"));
            }
        } else if let Some((method, path)) = code.split_once(' ').filter(|(m, p)| {
            ["GET", "POST", "PUT", "PATCH", "DELETE"].contains(m) && p.starts_with('/') && !p.contains(' ')
        }) {
            if path.starts_with("/api/v1/") {
                if openapi["paths"][path][method.to_lowercase()].is_null() {
                    failures.push(format!("the OpenAPI document has no {method} {path} (README names it)"));
                }
            } else if method == "GET" {
                get(path, failures);
            }
        } else if code.starts_with('/') && !code.contains(' ') && !code.contains('{') {
            match PREFIXES.iter().find(|(prefix, _)| *prefix == code) {
                Some((_, page)) => get(page, failures),
                None if code.ends_with('/') && code != "/" => {
                    failures.push(format!("README names the prefix `{code}`: add it to PREFIXES with a page under it"))
                }
                None => get(code, failures),
            }
        }
    }
    for link in readme.split("<http://127.0.0.1:8080").skip(1) {
        let path = link.split('>').next().unwrap();
        get(path, failures);
    }
}

/// Logs in through the API and answers a token.
fn token(base: &str, email: &str, password: &str) -> String {
    let mut res = agent()
        .post(format!("{base}/api/v1/auth/token"))
        .send_json(json!({"email": email, "password": password}))
        .unwrap();
    assert_eq!(res.status(), 201, "log-in of {email} failed");
    res.body_mut().read_json::<Value>().unwrap()["token"].as_str().unwrap().to_owned()
}

#[test]
fn readme_examples_run_against_a_demonstration_forum() {
    let readme_path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../README.md");
    let readme = std::fs::read_to_string(&readme_path).unwrap();
    let blocks = shell_blocks(&readme);
    assert!(blocks.len() >= 6, "README.md has {} shell blocks; the parser lost some", blocks.len());

    // The forum of README's first block, at a free port.
    let work = tempfile::tempdir().unwrap();
    let data = work.path().join("accord-data");
    let data_arg = data.to_str().unwrap().to_owned();
    let server = Server::spawn(
        &[
            "serve".into(),
            "--demo".into(),
            "--data-dir".into(),
            data_arg.clone(),
            "--listen".into(),
            "127.0.0.1:0".into(),
        ],
        " at http://",
    );
    let logins = std::fs::read_to_string(data.join("demo-logins.txt")).unwrap();
    let login = |email: &str| {
        let line = logins.lines().find(|l| l.contains(email)).unwrap_or_else(|| panic!("no log-in for {email}"));
        line.split_whitespace().last().unwrap().to_owned()
    };
    // `$TOKEN`, which README leaves to the reader, is a head of
    // delegation's: it tables proposals and registers BRA's key.
    let bra = "head.bra@demo.accord.example";
    let bra_token = token(&server.base, bra, &login(bra));
    let key = std::process::Command::new(env!("CARGO_BIN_EXE_accord"))
        .args(["log", "key", "--data-dir", &data_arg])
        .output()
        .unwrap();
    assert!(key.status.success());
    let key = String::from_utf8(key.stdout).unwrap().trim().to_owned();

    // The files README's commands expect to find: a zero draft to import
    // and a receipt to verify.
    let shell_dir = work.path().join("shell");
    std::fs::create_dir_all(shell_dir.join("home")).unwrap();
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../accord-server/src/demo/zero-draft.md"),
        shell_dir.join("zero-draft.md"),
    )
    .unwrap();
    // A receipt needs a checkpoint that covers its entry; the server signs
    // one within its checkpoint interval.
    for _ in 0..100 {
        let mut log = agent().get(format!("{}/api/v1/log", server.base)).call().unwrap();
        if log.body_mut().read_json::<Value>().unwrap()["size"].as_u64().is_some_and(|size| size > 3) {
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    let mut receipt = agent().get(format!("{}/api/v1/record/3/receipt", server.base)).call().unwrap();
    assert_eq!(receipt.status(), 200);
    std::fs::write(shell_dir.join("receipt.json"), receipt.body_mut().read_to_string().unwrap()).unwrap();

    let mut failures = Vec::new();
    let mut script = String::from(
        "set -euo pipefail\n\
         shopt -s failglob\n\
         curl() { command curl --fail-with-body --silent --show-error \"$@\"; echo; }\n",
    );
    let mut used_skips = vec![false; SKIPPED.len()];
    let mut used_fills = vec![false; FILLED.len()];
    let mut ran = 0;
    for block in &blocks {
        for command in commands(block) {
            let filled_prefix = command.replace("cargo run --release -- ", "accord ");
            if let Some(i) = SKIPPED.iter().position(|(start, _)| command.trim_start().starts_with(start)) {
                used_skips[i] = true;
                check_flags(&filled_prefix, &mut failures);
                script.push_str(&format!("echo {}\n", shell_quote(&format!("skipped: {command}"))));
                continue;
            }
            let mut line = command.clone();
            for (i, (what, by, _)) in FILLED.iter().enumerate() {
                if line.contains(what) {
                    used_fills[i] = true;
                    line = line.replace(what, by);
                }
            }
            check_flags(&filled_prefix, &mut failures);
            script.push_str(&format!("echo {}\n{line}\n", shell_quote(&format!("+ {command}"))));
            ran += 1;
        }
    }
    for code in inline_code(&readme) {
        check_flags(&code, &mut failures);
    }
    check_inline(&readme, &server.base, &mut failures);
    for (used, (start, _)) in used_skips.iter().zip(SKIPPED) {
        assert!(used, "README.md no longer shows a command that begins `{start}`: remove it from SKIPPED");
    }
    for (used, (what, _, _)) in used_fills.iter().zip(FILLED) {
        assert!(used, "README.md no longer holds `{what}`: remove it from FILLED");
    }
    assert!(failures.is_empty(), "README.md names what accord does not have:\n{}", failures.join("\n"));
    assert!(ran >= 15, "only {ran} README commands ran");

    let bin_dir = Path::new(env!("CARGO_BIN_EXE_accord")).parent().unwrap();
    let path = format!("{}:{}", bin_dir.display(), std::env::var("PATH").unwrap_or_default());
    let out = std::process::Command::new("bash")
        .arg("-c")
        .arg(&script)
        .current_dir(&shell_dir)
        .env("PATH", path)
        .env("HOME", shell_dir.join("home"))
        .env_remove("XDG_STATE_HOME")
        .env("ACCORD_BASE", &server.base)
        .env("ACCORD_REPO", Path::new(env!("CARGO_MANIFEST_DIR")).join("../.."))
        .env("KEY", &key)
        .env("TOKEN", &bra_token)
        .env("ACCORD_LOG", "warn")
        .env_remove("ACCORD_DATA_DIR")
        .env_remove("ACCORD_LISTEN")
        .env_remove("ACCORD_TOKEN")
        .output()
        .unwrap();
    let text = format!("{}{}", String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    // Answers can be long (a whole rolling text): each line is cut short.
    let transcript: Vec<String> =
        text.lines()
            .map(|l| {
                if l.chars().count() > 300 {
                    format!("{}…", l.chars().take(300).collect::<String>())
                } else {
                    l.into()
                }
            })
            .collect();
    assert!(out.status.success(), "a README example failed (the last `+` line is the one):\n{}", transcript.join("\n"));

    // What the examples did is in the forum.
    let mut keys = agent().get(format!("{}/api/v1/members/BRA/keys", server.base)).call().unwrap();
    let keys = keys.body_mut().read_json::<Value>().unwrap();
    assert_eq!(keys.as_array().map(Vec::len), Some(1), "{keys}");
    let mut bra = agent().get(format!("{}/api/v1/members/BRA", server.base)).call().unwrap();
    let bra = bra.body_mut().read_json::<Value>().unwrap();
    assert!(bra["signatures_required_since"].is_u64(), "{bra}");
    assert!(shell_dir.join("forum/accord.sqlite3").exists(), "accord init made no forum");
    assert!(text.contains("verifies"), "{text}");
    assert!(text.contains("Opinion groups: 2"), "accord consult analyse printed no groups: {text}");
    let consult = std::fs::read(shell_dir.join("brexit.json")).unwrap_or_default();
    let consult =
        parse_unique(&consult).unwrap_or_else(|e| panic!("brexit.json, written by accord consult analyse: {e}"));
    assert_eq!(consult["groups"].as_array().map(Vec::len), Some(2), "brexit.json");
    // `accord verify` remembered the checkpoint where README says.
    let remembered =
        std::fs::read_dir(shell_dir.join("home/.local/state/accord/verify")).map(|d| d.count()).unwrap_or(0);
    assert_eq!(remembered, 1, "accord verify kept no state file in ~/.local/state/accord/verify/");
}

fn shell_quote(s: &str) -> String {
    format!("'{}'", s.replace('\'', r"'\''"))
}
