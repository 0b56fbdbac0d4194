//! The `accord` command line.

use std::process::Command;

use crate::helpers::*;

/// The command, printing in English whatever this machine's locale.
fn accord() -> Command {
    let mut command = Command::new(env!("CARGO_BIN_EXE_accord"));
    command.env("LC_ALL", "C.UTF-8");
    command
}

/// What `accord init` prints for the secretariat follows the locale
/// (`LC_ALL`, else `LC_MESSAGES`, else `LANG`), English when it is none of
/// the six.
#[test]
fn init_speaks_the_terminals_language() {
    for (lc_all, lang, expected) in [
        ("", "fr_FR.UTF-8", "Forum créé dans"),
        ("ar_EG.UTF-8", "fr_FR.UTF-8", "أُنشئ المنتدى في"),
        ("", "zh_CN.UTF-8", "论坛已在"),
        ("de_DE.UTF-8", "fr_FR.UTF-8", "Forum created in"),
        ("C", "", "Forum created in"),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let out = Command::new(env!("CARGO_BIN_EXE_accord"))
            .args(["init", "--forum", "F", "--admin-email", "x@y.test", "--data-dir"])
            .arg(dir.path().join("forum"))
            .env("ACCORD_ADMIN_PASSWORD", PASSWORD)
            .env("LC_ALL", lc_all)
            .env_remove("LC_MESSAGES")
            .env("LANG", lang)
            .output()
            .unwrap();
        assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains(expected), "LC_ALL={lc_all} LANG={lang}: {stdout}");
        assert!(stdout.contains("x@y.test") && stdout.contains("accord serve --data-dir"), "{stdout}");
    }
}

#[test]
fn init_then_admin_commands() {
    let dir = tempfile::tempdir().unwrap();
    init_forum_cli(dir.path());
    // A second init is refused and changes nothing.
    let again = accord()
        .args(["init", "--forum", "Other", "--admin-email", "x@y.test", "--data-dir"])
        .arg(dir.path())
        .env("ACCORD_ADMIN_PASSWORD", PASSWORD)
        .output()
        .unwrap();
    assert!(!again.status.success());
    assert!(String::from_utf8_lossy(&again.stderr).contains("already holds a forum"));
    // A weak password is refused.
    let weak = tempfile::tempdir().unwrap();
    let out = accord()
        .args(["init", "--forum", "F", "--admin-email", "x@y.test", "--data-dir"])
        .arg(weak.path())
        .env("ACCORD_ADMIN_PASSWORD", "short")
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("shorter than 12 characters"));

    let out = accord()
        .args([
            "admin",
            "create-account",
            "--email",
            "chair@forum.test",
            "--name",
            "The Chair",
            "--role",
            "chair",
            "--data-dir",
        ])
        .arg(dir.path())
        .env("ACCORD_PASSWORD", PASSWORD)
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("appointed chair as D2"));

    let out = accord()
        .args(["admin", "reset-password", "--email", "chair@forum.test", "--data-dir"])
        .arg(dir.path())
        .env("ACCORD_PASSWORD", "a brand new password")
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));

    let out = accord()
        .args(["admin", "issue-token", "--email", "chair@forum.test", "--data-dir"])
        .arg(dir.path())
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let token = String::from_utf8(out.stdout).unwrap().trim().to_owned();
    assert!(token.starts_with("acc_"));

    // The server accepts the token and the new password.
    let server = Server::start(dir.path());
    let agent = agent();
    let mut me = agent
        .get(format!("{}/api/v1/me", server.base))
        .header("Authorization", format!("Bearer {token}"))
        .call()
        .unwrap();
    assert_eq!(me.status(), 200);
    let me: serde_json::Value = me.body_mut().read_json().unwrap();
    assert_eq!(me["role"], "chair");
    let login = agent
        .post(format!("{}/api/v1/auth/token", server.base))
        .send_json(serde_json::json!({"email": "chair@forum.test", "password": "a brand new password"}))
        .unwrap();
    assert_eq!(login.status(), 201);
    // While the server runs, commands that append are refused.
    let out = accord()
        .args(["admin", "create-account", "--email", "x@forum.test", "--name", "X", "--data-dir"])
        .arg(dir.path())
        .env("ACCORD_PASSWORD", PASSWORD)
        .output()
        .unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("another Accord process"));
}

#[test]
fn serve_without_a_forum_says_what_to_do() {
    let dir = tempfile::tempdir().unwrap();
    let out = accord().args(["serve", "--listen", "127.0.0.1:0", "--data-dir"]).arg(dir.path()).output().unwrap();
    assert!(!out.status.success());
    assert!(String::from_utf8_lossy(&out.stderr).contains("accord init"));
}

#[test]
fn demo_forum_has_the_un_member_states() {
    let dir = tempfile::tempdir().unwrap();
    let out = accord().args(["demo", "--data-dir"]).arg(dir.path()).output().unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let printed = String::from_utf8_lossy(&out.stdout);
    assert!(printed.contains("secretariat@demo.accord.example"));
    let password =
        printed.lines().find(|l| l.contains("secretariat@demo")).unwrap().split_whitespace().last().unwrap().to_owned();
    let server = Server::start(dir.path());
    let agent = agent();
    let mut res = agent.get(format!("{}/api/v1/members?kind=state&status=member", server.base)).call().unwrap();
    let states: serde_json::Value = res.body_mut().read_json().unwrap();
    assert_eq!(states.as_array().unwrap().len(), 193);
    let mut res = agent.get(format!("{}/api/v1/members?status=observer", server.base)).call().unwrap();
    let observers: serde_json::Value = res.body_mut().read_json().unwrap();
    assert!(observers.as_array().unwrap().iter().any(|m| m["code"] == "VAT"));
    assert!(observers.as_array().unwrap().iter().any(|m| m["kind"] == "organisation"));
    // A translator has rendered the opening provisions in French and
    // Arabic; the chair's agreements put some of them out of date.
    assert!(printed.contains("translator@demo.accord.example"));
    for language in ["fr", "ar"] {
        let mut res =
            agent.get(format!("{}/api/v1/processes/1/translations?language={language}", server.base)).call().unwrap();
        let list: serde_json::Value = res.body_mut().read_json().unwrap();
        let translated = list["provisions"].as_array().unwrap().iter().filter(|p| p["text"].is_string()).count();
        assert!(translated >= 5, "{language}: {translated} translated");
    }
    let login = agent
        .post(format!("{}/api/v1/auth/token", server.base))
        .send_json(serde_json::json!({"email": "secretariat@demo.accord.example", "password": password}))
        .unwrap();
    assert_eq!(login.status(), 201);
    assert!(dir.path().join("demo-logins.txt").exists());
}

/// `accord serve` on a directory that does not exist says so and creates
/// nothing there.
#[test]
fn serve_on_a_missing_directory_creates_nothing() {
    let parent = tempfile::tempdir().unwrap();
    let missing = parent.path().join("forum");
    let out = accord().args(["serve", "--listen", "127.0.0.1:0", "--data-dir"]).arg(&missing).output().unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("does not exist") && stderr.contains("accord init"), "{stderr}");
    assert!(!missing.exists(), "nothing is created");
}

/// Without `--state`, `accord verify` remembers the last checkpoint in the
/// user's state directory, one file per log, not in the working directory.
#[test]
fn verify_remembers_in_the_state_directory() {
    let dir = tempfile::tempdir().unwrap();
    init_forum_cli(dir.path());
    let server = Server::start(dir.path());
    let key = accord().args(["log", "key", "--data-dir"]).arg(dir.path()).output().unwrap();
    let key = String::from_utf8_lossy(&key.stdout).trim().to_owned();
    assert!(!key.is_empty());
    let state_home = tempfile::tempdir().unwrap();
    let cwd = tempfile::tempdir().unwrap();
    let mut verified = false;
    for _ in 0..50 {
        let out = accord()
            .args(["verify", "--url", &server.base, "--key", &key])
            .env("XDG_STATE_HOME", state_home.path())
            .current_dir(cwd.path())
            .output()
            .unwrap();
        if out.status.success() {
            verified = true;
            break;
        }
        std::thread::sleep(std::time::Duration::from_millis(200));
    }
    assert!(verified, "accord verify passed");
    let files: Vec<_> = std::fs::read_dir(state_home.path().join("accord/verify")).unwrap().collect();
    assert_eq!(files.len(), 1, "one file for the log");
    assert_eq!(std::fs::read_dir(cwd.path()).unwrap().count(), 0, "nothing in the working directory");
}
