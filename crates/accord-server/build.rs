//! The interface's messages are compiled into the crate (`http::i18n`):
//! a change to any of them must rebuild it.

fn main() {
    println!("cargo:rerun-if-changed=locales");
    println!("cargo:rerun-if-changed=build.rs");
}
