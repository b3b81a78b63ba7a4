//! Property tests that say how many cases they ran. `proptest!` runs its cases silently; this runner
//! prints one line per property, `proptest cases: <name>: <ran> (configured <cases>)`, which
//! `scripts/test` shows (`--show-output`) and adds up, so every CI run reports its number of cases.
//! Failures are persisted beside the calling file (`<file>.proptest-regressions`) as `proptest!` does.

use std::cell::Cell;

use proptest::strategy::Strategy;
use proptest::test_runner::{Config, TestCaseResult, TestRunner};

/// Runs `test` on `cases` values of `strategy`; panics with the minimal failing case. Pass `file!()`
/// as `source_file`.
pub fn run<S: Strategy>(
    source_file: &'static str,
    name: &str,
    cases: u32,
    strategy: S,
    test: impl Fn(S::Value) -> TestCaseResult,
) where
    S::Value: std::fmt::Debug,
{
    let mut runner = TestRunner::new(Config {
        cases,
        source_file: Some(source_file),
        ..Config::default()
    });
    let ran = Cell::new(0u32);
    let result = runner.run(&strategy, |v| {
        ran.set(ran.get() + 1);
        test(v)
    });
    println!("proptest cases: {name}: {} (configured {cases})", ran.get());
    if let Err(e) = result {
        panic!("{name}: {e}");
    }
    assert!(ran.get() >= cases, "{name}: ran {} of {cases}", ran.get());
}
